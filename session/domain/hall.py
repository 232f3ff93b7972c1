"""What the hall display shows (màn hình hội trường), read through the live state.

The display is read-only: it loads the meeting, its agenda and the floor in one go
(:func:`load_hall`), then computes its clocks from the stored timestamps every second
without touching the store again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from models.store import Store
from models.tables import Event
from session.domain.clocks import forecast, step_elapsed
from session.domain.live import LiveState, load_live
from session.domain.queue import WARNING_SECONDS
from session.domain.views import AgendaStep

BEFORE, STEP, DIALOGUE, RECESS, CLOSED = "before", "step", "dialogue", "recess", "closed"


@dataclass(frozen=True)
class Countdown:
    """A clock on the hall display: *seconds* left (negative: over), or counted up.

    *phase*: ``normal``, ``warning`` (the last ``WARNING_SECONDS``), ``over`` (past the
    limit) or ``open`` (no limit: a time counted up, such as an official's answer)."""

    seconds: float
    phase: str

    @staticmethod
    def to_limit(limit_seconds: float, elapsed: float) -> Countdown:
        left = limit_seconds - elapsed
        if left < 0:
            return Countdown(left, "over")
        return Countdown(left, "warning" if left <= WARNING_SECONDS else "normal")


@dataclass(frozen=True)
class HallState:
    """The meeting as the hall sees it, loaded at one moment."""

    live: LiveState
    resume_at: datetime | None = None  # during a recess, if the chair announced it

    @property
    def mode(self) -> str:
        """``before`` the meeting, a ``step`` of the agenda, the ``dialogue``, a ``recess``, ``closed``."""
        view = self.live.view
        if view.status == "closed":
            return CLOSED
        if view.status == "recess":
            return RECESS
        if view.status == "planned":
            return BEFORE
        step = view.current_step
        # Between steps (the last one ended, not yet closed) the floor is what the hall sees.
        return STEP if step is not None and step.kind != "dialogue" else DIALOGUE

    @property
    def step(self) -> AgendaStep | None:
        return self.live.view.current_step

    @property
    def step_number(self) -> tuple[int, int]:
        """(n, of) among the steps not skipped — "Bước 6/9"."""
        held = [s for s in self.live.view.agenda if not s.skipped]
        current = self.step
        n = next((i for i, s in enumerate(held, start=1) if current and s.id == current.id), 0)
        return n, len(held)

    def speaker_clock(self, now: datetime) -> Countdown | None:
        speaker = self.live.floor.speaker
        if speaker is None:
            return None
        return Countdown.to_limit(speaker.limit_seconds, speaker.elapsed(now))

    def answer_clock(self, now: datetime) -> Countdown | None:
        answer = self.live.floor.answer
        if answer is None or self.live.floor.speaker is not None:
            return None
        return Countdown(max(0.0, (now - answer[1]).total_seconds()), "open")

    def step_clock(self, now: datetime) -> Countdown | None:
        step = self.step
        if step is None:
            return None
        return Countdown.to_limit(step.planned_minutes * 60, step_elapsed(step, self.live.view, now))

    def recess_clock(self, now: datetime) -> Countdown | None:
        """Time to the announced resume, or (unknown) the time since the recess began."""
        since = self.live.view.recess_since
        if self.resume_at is not None:
            return Countdown.to_limit(
                (self.resume_at - (since or now)).total_seconds(), (now - (since or now)).total_seconds()
            )
        if since is None:
            return None
        return Countdown(max(0.0, (now - since).total_seconds()), "open")

    def expected_end(self, now: datetime) -> datetime | None:
        """The forecast end of the meeting (dự kiến kết thúc)."""
        if self.mode == CLOSED:
            return None
        return forecast(self.live.view, now, self.live.queue).end


def announced_resume(store: Store, meeting_id: int) -> datetime | None:
    """The resume time recorded with the meeting's latest recess (``until``), if any."""
    with store.read() as s:
        payload = s.exec(
            select(Event.payload)
            .where(Event.meeting_id == meeting_id, Event.action == "meeting.recess", col(Event.undone_by).is_(None))
            .order_by(col(Event.id).desc())
        ).first()
    if payload is None:
        return None
    until = json.loads(payload).get("until")
    try:
        return datetime.fromisoformat(until) if until else None
    except (TypeError, ValueError):
        return None


def load_hall(store: Store, meeting_id: int, now: datetime) -> HallState:
    """Everything the hall display needs, read in one go."""
    live = load_live(store, meeting_id, now)
    resume = announced_resume(store, meeting_id) if live.view.status == "recess" else None
    return HallState(live=live, resume_at=resume)
