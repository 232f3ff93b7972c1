"""Clock arithmetic for the chair's assistant: elapsed times and the forecast end.

Everything is computed from stored timestamps and *now*, never counted in memory, so
a restart shows the same figures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from session.domain.views import AgendaStep, MeetingView


def meeting_elapsed(view: MeetingView, now: datetime) -> float:
    """Seconds of meeting time, recesses excluded."""
    if view.actual_start is None:
        return 0.0
    end = view.actual_end or view.recess_since or now
    return max(0.0, (end - view.actual_start).total_seconds() - view.recess_seconds)


def step_elapsed(step: AgendaStep, view: MeetingView, now: datetime) -> float:
    """Seconds a step has been current, recesses and time away excluded."""
    if step.started_at is None:
        return 0.0
    end = step.ended_at
    if end is None:
        end = view.recess_since if view.recess_since and step.id == view.current_item_id else now
    return max(0.0, (end - step.started_at).total_seconds() - step.paused_seconds)


def minutes_over(elapsed: float, planned: float) -> int:
    """Whole minutes past the plan, rounded up (0:01 over is 1 minute over)."""
    return max(0, math.ceil((elapsed - planned) / 60))


def minutes_left(elapsed: float, planned: float) -> int:
    """Whole minutes left, rounded up (4:59 left reads 5 minutes)."""
    return max(0, math.ceil((planned - elapsed) / 60))


@dataclass(frozen=True)
class QueueLoad:
    """What the speaker queue still holds, for the forecast."""

    waiting: int = 0
    waiting_seconds: float = 0.0  # sum of the waiting speakers' time limits
    speaking_left: float = 0.0  # seconds left to the current speaker
    speaking: bool = False  # someone has the floor (past their limit, perhaps)
    answer_seconds: float = 0.0  # expected answer after each speech (this meeting's so far, or the template's)
    answer_left: float = 0.0  # what the answer under way is still expected to take
    #: When the two clocks above were read, and whether the speaker's is running: a screen
    #: repainting every second counts down from there instead of loading again.
    loaded_at: datetime | None = None
    speaker_paused: bool = False

    def dialogue_seconds(self, now: datetime | None = None) -> float:
        """What the dialogue still needs at *now*: the speaker's time left, each waiting
        speaker's limit, an answer after the current speech and each waiting one, and the
        rest of the answer under way."""
        since = max(0.0, (now - self.loaded_at).total_seconds()) if now and self.loaded_at else 0.0
        speaking_left = self.speaking_left if self.speaker_paused else max(0.0, self.speaking_left - since)
        answer_left = max(0.0, self.answer_left - since)
        speeches = self.waiting + (1 if self.speaking else 0)
        return speaking_left + self.waiting_seconds + speeches * self.answer_seconds + answer_left


@dataclass(frozen=True)
class Forecast:
    end: datetime | None
    planned_end: datetime | None
    over_minutes: int  # > 0: the forecast passes the planned end by this many minutes


def dialogue_left(view: MeetingView, now: datetime) -> float | None:
    """Seconds the plan still gives the dialogue (tiến hành đối thoại): what is left of
    its steps (an agenda may split it in two) — all of one not begun, the rest of one under
    way, none of one over. What the waiting speakers are measured against, rather than the
    meeting's planned end, which also holds the steps after it (and for a meeting opened
    hours early lies far away). None for an agenda without a dialogue step."""
    steps = [s for s in view.agenda if s.kind == "dialogue" and not s.skipped]
    if not steps:
        return None
    left = 0.0
    for step in steps:
        if step.ended_at is not None and step.id != view.current_item_id:
            continue
        left += max(0.0, step.planned_minutes * 60 - step_elapsed(step, view, now))
    return left


def planned_end(view: MeetingView) -> datetime | None:
    """The planned end, on the day the meeting is held (a meeting held on another day
    than planned is compared with its planned hours on that day)."""
    if view.planned_start is None:
        return None
    if view.actual_start is not None:
        day = view.actual_start.date()
    else:
        day = view.planned_date or datetime.now().date()
    if view.planned_end is not None:
        return datetime.combine(day, view.planned_end)
    return datetime.combine(day, view.planned_start) + timedelta(minutes=view.planned_minutes)


def speakers_time_left(view: MeetingView, now: datetime) -> tuple[float, bool]:
    """Seconds the plan still gives the waiting speakers, and whether that is the
    dialogue's own time (:func:`dialogue_left`) — for an agenda without a dialogue step,
    the time to the meeting's planned end."""
    left = dialogue_left(view, now)
    if left is not None:
        return left, True
    target = planned_end(view)
    return (max(0.0, (target - now).total_seconds()) if target else 0.0), False


def forecast(view: MeetingView, now: datetime, queue: QueueLoad | None = None) -> Forecast:
    """End = now + what remains of the current step + planned minutes of later steps;
    the dialogue step, once it has a queue, counts each waiting speaker's time limit and
    an answer after each speech — but never less than what is left of its plan."""
    queue = queue or QueueLoad()
    target = planned_end(view)
    if view.status == "closed":
        return Forecast(view.actual_end, target, _over(view.actual_end, target))
    base = now
    if view.status == "planned" and target is not None and view.planned_start is not None:
        base = max(now, datetime.combine(target.date(), view.planned_start))
    remaining = 0.0
    current = view.current_step
    for step in view.agenda:
        if step.skipped or step.ended_at is not None:
            continue
        if current is not None and step.id == current.id:
            left = max(0.0, step.planned_minutes * 60 - step_elapsed(step, view, now))
            if step.kind == "dialogue" and (queue.waiting or queue.speaking or queue.answer_left):
                left = max(left, queue.dialogue_seconds(now))
            remaining += left
        elif step.started_at is None:
            planned = step.planned_minutes * 60.0
            if step.kind == "dialogue" and queue.waiting:
                planned = max(planned, queue.dialogue_seconds(now))
            remaining += planned
    end = base + timedelta(seconds=remaining)
    return Forecast(end, target, _over(end, target))


def _over(end: datetime | None, target: datetime | None) -> int:
    if end is None or target is None:
        return 0
    return max(0, int((end - target).total_seconds() // 60))
