"""What the live console shows, read in one go: the meeting, its agenda, the floor.

Kept to a few small queries (no full registration list) so an action repaints fast
on a meeting with thousands of registrations.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import select

from models.errors import HoinghiError
from models.store import Store
from models.tables import Answer, Registration
from session.domain.clocks import QueueLoad
from session.domain.meetings import meeting_view
from session.domain.queue import speech_elapsed
from session.domain.registrations import limits_of
from session.domain.views import MeetingView


@dataclass(frozen=True)
class Speaker:
    """The person who has the floor (người đang phát biểu)."""

    id: int
    name: str
    locality: str
    field: str
    summary: str
    started_at: datetime
    paused_at: datetime | None
    paused_seconds: float
    limit_seconds: int

    def elapsed(self, now: datetime) -> float:
        return speech_elapsed(self.started_at, None, self.paused_at, self.paused_seconds, now)


@dataclass(frozen=True)
class Floor:
    speaker: Speaker | None = None
    next_names: tuple[str, ...] = ()
    answer: tuple[str, datetime] | None = None  # (answerer, since)
    citizens_seconds: float = 0.0
    officials_seconds: float = 0.0
    speeches: int = 0
    by_field: dict[str, int] = field(default_factory=dict)
    by_locality: dict[str, int] = field(default_factory=dict)  # speeches by residential unit
    total: int = 0

    @property
    def citizens_share(self) -> float:
        """Share of the floor time the citizens had (the plans ask to give it to them)."""
        total = self.citizens_seconds + self.officials_seconds
        return self.citizens_seconds / total if total else 0.0


@dataclass(frozen=True)
class LiveState:
    view: MeetingView
    queue: QueueLoad
    floor: Floor = Floor()


_ESTIMATES: dict[tuple[str, int], float] = {}


def answer_estimate(store: Store, meeting_id: int) -> float:
    """Seconds an answer is expected to take, from the meeting's agenda template."""
    from models.tables import Meeting
    from session.domain.templates import DEFAULT_ANSWER_MINUTES, get_template

    key = (store.url, meeting_id)
    if key not in _ESTIMATES:
        with store.read() as s:
            meeting = s.get(Meeting, meeting_id)
            name = meeting.template if meeting is not None else ""
        try:
            minutes = get_template(name).answer_minutes if name else DEFAULT_ANSWER_MINUTES
        except HoinghiError:
            minutes = DEFAULT_ANSWER_MINUTES  # a template since removed
        _ESTIMATES[key] = minutes * 60.0
    return _ESTIMATES[key]


def load_floor(store: Store, view: MeetingView, now: datetime) -> tuple[QueueLoad, Floor]:
    default, per_field = limits_of(store, view.id)
    cols = (
        Registration.id,
        Registration.speaker_name,
        Registration.locality,
        Registration.field,
        Registration.summary,
        Registration.role,
        Registration.status,
        Registration.started_at,
        Registration.ended_at,
        Registration.paused_at,
        Registration.paused_seconds,
        Registration.limit_seconds,
    )
    with store.read() as s:
        held = s.exec(
            select(*cols).where(Registration.meeting_id == view.id, Registration.status.in_(("done", "speaking")))
        ).all()
        waiting = s.exec(
            select(Registration.speaker_name, Registration.field, Registration.limit_seconds)
            .where(Registration.meeting_id == view.id, Registration.status == "waiting")
            .order_by(Registration.queue_position)
        ).all()
        answers = s.exec(
            select(Answer.answerer_name, Answer.started_at, Answer.ended_at).where(
                Answer.meeting_id == view.id, Answer.started_at.is_not(None)
            )
        ).all()
        total = (
            len(held)
            + len(waiting)
            + len(
                s.exec(
                    select(Registration.id).where(
                        Registration.meeting_id == view.id, Registration.status.in_(("withdrawn", "absent"))
                    )
                ).all()
            )
        )
    speaker = None
    citizens = officials = 0.0
    by_field: Counter[str] = Counter()
    by_locality: Counter[str] = Counter()
    for row in held:
        limit = row.limit_seconds or per_field.get(row.field, default)
        seconds = speech_elapsed(row.started_at, row.ended_at, row.paused_at, row.paused_seconds, now)
        if row.role == "official":
            officials += seconds
        else:
            citizens += seconds
        by_field[row.field or "—"] += 1
        by_locality[row.locality or "—"] += 1
        if row.status == "speaking":
            speaker = Speaker(
                row.id,
                row.speaker_name,
                row.locality,
                row.field,
                row.summary,
                row.started_at,
                row.paused_at,
                row.paused_seconds,
                limit,
            )
    running = None
    answered = 0.0
    for name, started, ended in answers:
        seconds = max(0.0, ((ended or now) - started).total_seconds())
        officials += seconds
        answered += seconds
        if ended is None:
            running = (name, started)
    waiting_seconds = float(sum(limit or per_field.get(f, default) for _, f, limit in waiting))
    speaking_left = max(0.0, speaker.limit_seconds - speaker.elapsed(now)) if speaker else 0.0
    # Each speech is followed by its answer: this meeting's answer time per speech so far,
    # or its template's estimate before any answer was given.
    per_answer = answered / len(held) if held and answered else answer_estimate(store, view.id)
    queue = QueueLoad(
        waiting=len(waiting),
        waiting_seconds=waiting_seconds,
        speaking_left=speaking_left,
        answer_seconds=per_answer,
    )
    floor = Floor(
        speaker=speaker,
        next_names=tuple(name for name, _, _ in waiting[:3]),
        answer=running,
        citizens_seconds=citizens,
        officials_seconds=officials,
        speeches=len(held),
        by_field=dict(by_field.most_common()),
        by_locality=dict(by_locality.most_common()),
        total=total,
    )
    return queue, floor


def load_live(store: Store, meeting_id: int, now: datetime) -> LiveState:
    view = meeting_view(store, meeting_id)
    queue, floor = load_floor(store, view, now)
    return LiveState(view=view, queue=queue, floor=floor)
