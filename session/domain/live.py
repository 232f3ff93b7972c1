"""What the live console shows, read in one go: the meeting, its agenda, the floor.

Kept to a few small queries (no full registration list) so an action repaints fast
on a meeting with thousands of registrations.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import BindParameter, bindparam, case, func
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from models.errors import HoinghiError
from models.store import Store
from models.tables import Answer, FieldLimit, Registration, key_column
from session.domain.clocks import QueueLoad
from session.domain.meetings import meeting_view
from session.domain.queue import speech_elapsed
from session.domain.sync import Changes
from session.domain.tally import tally
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


# The floor is read after every action on it: its statements are built once (the meeting
# is a parameter), and the waiting speakers — thousands on a big meeting — are counted in
# the database, not read one by one.
_MEETING: BindParameter[int] = bindparam("meeting_id")
_HELD = sa_select(
    key_column(Registration.id),
    col(Registration.speaker_name),
    col(Registration.locality),
    col(Registration.field),
    col(Registration.summary),
    col(Registration.role),
    col(Registration.status),
    col(Registration.started_at),
    col(Registration.ended_at),
    col(Registration.paused_at),
    col(Registration.paused_seconds),
    col(Registration.limit_seconds),
).where(col(Registration.meeting_id) == _MEETING, col(Registration.status).in_(("done", "speaking")))
_HAS_LIMIT = func.coalesce(col(Registration.limit_seconds), 0) != 0
_NOT_HELD = (
    sa_select(
        col(Registration.status),
        col(Registration.field),
        func.count(),
        func.sum(case((_HAS_LIMIT, col(Registration.limit_seconds)), else_=0)),  # their own limits
        func.sum(case((_HAS_LIMIT, 0), else_=1)),  # how many take the field's or the meeting's
    )
    .where(col(Registration.meeting_id) == _MEETING, col(Registration.status).in_(("waiting", "withdrawn", "absent")))
    .group_by(col(Registration.status), col(Registration.field))
)
_NEXT_NAMES = (
    select(col(Registration.speaker_name))
    .where(col(Registration.meeting_id) == _MEETING, col(Registration.status) == "waiting")
    .order_by(col(Registration.queue_position))
    .limit(3)
)
_ANSWERS = select(col(Answer.answerer_name), col(Answer.started_at), col(Answer.ended_at)).where(
    col(Answer.meeting_id) == _MEETING, col(Answer.started_at).is_not(None)
)
_FIELD_LIMITS = select(col(FieldLimit.field), col(FieldLimit.seconds)).where(col(FieldLimit.meeting_id) == _MEETING)


def load_floor(store: Store, view: MeetingView, now: datetime) -> tuple[QueueLoad, Floor]:
    params = {"meeting_id": view.id}
    with store.read() as s:
        per_field: dict[str, int] = dict(s.exec(_FIELD_LIMITS, params=params).all())
        held = s.execute(_HELD, params).all()
        not_held = s.execute(_NOT_HELD, params).all()
        next_names = s.exec(_NEXT_NAMES, params=params).all()
        answers = s.exec(_ANSWERS, params=params).all()
    default = view.speech_limit_seconds
    waiting = gone = 0
    waiting_seconds = 0.0
    for status, fld, count, own, defaulted in not_held:
        if status != "waiting":
            gone += count
            continue
        waiting += count
        # Each waiting speaker's own limit, or else the limit of the field, or the meeting's.
        waiting_seconds += (own or 0) + (defaulted or 0) * per_field.get(fld, default)
    total = len(held) + waiting + gone
    speaker = None
    citizens = officials = 0.0
    by_field: Counter[str] = Counter()
    localities: list[str] = []
    for row in held:
        limit = row.limit_seconds or per_field.get(row.field, default)
        seconds = speech_elapsed(row.started_at, row.ended_at, row.paused_at, row.paused_seconds, now)
        if row.role == "official":
            officials += seconds
        else:
            citizens += seconds
        by_field[row.field or "—"] += 1
        localities.append(row.locality or "—")
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
    answered = 0.0  # answers given and ended
    running_seconds = 0.0
    for name, started, ended in answers:
        if started is None:
            continue  # never: only answers started are read
        seconds = max(0.0, ((ended or now) - started).total_seconds())
        officials += seconds
        if ended is None:
            running = (name, started)
            running_seconds = seconds
        else:
            answered += seconds
    speaking_left = max(0.0, speaker.limit_seconds - speaker.elapsed(now)) if speaker else 0.0
    # Each speech is followed by its answer: this meeting's answer time per speech so far
    # (answers ended: one just begun would make it seconds), or its template's estimate
    # before any answer was given. An answer under way still needs the rest of that time.
    # Speeches whose answer is over: not the one being made, nor the one being answered.
    answered_speeches = len(held) - (1 if speaker is not None else 0) - (1 if running else 0)
    per_answer = answered / answered_speeches if answered_speeches > 0 and answered else answer_estimate(store, view.id)
    queue = QueueLoad(
        waiting=waiting,
        waiting_seconds=waiting_seconds,
        speaking_left=speaking_left,
        speaking=speaker is not None,
        speaker_paused=speaker is not None and speaker.paused_at is not None,
        loaded_at=now,
        answer_seconds=per_answer,
        answer_left=max(0.0, per_answer - running_seconds) if running else 0.0,
    )
    floor = Floor(
        speaker=speaker,
        next_names=tuple(next_names),
        answer=running,
        citizens_seconds=citizens,
        officials_seconds=officials,
        speeches=len(held),
        by_field=dict(by_field.most_common()),
        by_locality=dict(tally(localities).most_common()),
        total=total,
    )
    return queue, floor


def load_live(store: Store, meeting_id: int, now: datetime) -> LiveState:
    view = meeting_view(store, meeting_id)
    queue, floor = load_floor(store, view, now)
    return LiveState(view=view, queue=queue, floor=floor)


#: The tables the meeting's view is read from, and those the floor is read from.
VIEW_TABLES = ("meeting", "agenda_item")
FLOOR_TABLES = ("registration", "answer", "field_limit")


def refresh_live(store: Store, state: LiveState, changes: Changes, now: datetime) -> LiveState:
    """*state* after *changes*: only the parts they touched are read again; an untouched
    part is the very object it was (so a screen repaints only what is not)."""
    view = state.view
    if any(changes.of(table) for table in VIEW_TABLES):
        view = meeting_view(store, state.view.id)
    queue, floor = state.queue, state.floor
    if any(changes.of(table) for table in FLOOR_TABLES) or view.speech_limit_seconds != state.view.speech_limit_seconds:
        queue, floor = load_floor(store, view, now)
    if view is state.view and floor is state.floor:
        return state
    return LiveState(view=view, queue=queue, floor=floor)
