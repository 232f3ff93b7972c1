"""Plain data handed to screens and exports: never live ORM rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    title: str
    kind: str
    status: str
    venue: str
    planned_date: date | None
    registrations: int
    started: datetime | None = None

    @property
    def day(self) -> date | None:
        """The day it was held, once it has started; else the day planned."""
        return self.started.date() if self.started else self.planned_date


@dataclass(frozen=True)
class AgendaStep:
    """A step of the agenda with its clock facts (bước chương trình)."""

    id: int
    position: int
    title: str
    kind: str
    presenter: str
    planned_minutes: int
    started_at: datetime | None
    ended_at: datetime | None
    paused_seconds: float
    skipped: bool
    notes: str

    @property
    def state(self) -> str:
        if self.skipped:
            return "skipped"
        if self.ended_at:
            return "done"
        if self.started_at:
            return "current"
        return "pending"


@dataclass(frozen=True)
class MeetingView:
    id: int
    title: str
    kind: str
    status: str
    issuing_body: str
    parent_body: str
    place_name: str
    venue: str
    planned_date: date | None
    planned_start: time | None
    planned_end: time | None
    actual_start: datetime | None
    actual_end: datetime | None
    recess_since: datetime | None
    recess_seconds: float
    current_item_id: int | None
    chair: str
    chair_title: str
    co_chair: str
    co_chair_title: str
    secretary: str
    secretary_title: str
    minutes_number: str
    notice_number: str
    speech_limit_seconds: int
    agenda: tuple[AgendaStep, ...] = field(default_factory=tuple)
    # The unit (đơn vị hành chính) and its residential units: see session.domain.units.
    unit_kind: str = ""
    unit_name: str = ""
    unit_code: str = ""
    province: str = ""
    residential: str = ""
    cluster: str = ""
    notice_date: date | None = None

    @property
    def day(self) -> date | None:
        """The day it was held, once it has started; else the day planned."""
        return self.actual_start.date() if self.actual_start else self.planned_date

    @property
    def planned_minutes(self) -> int:
        return sum(s.planned_minutes for s in self.agenda if not s.skipped)

    @property
    def current_step(self) -> AgendaStep | None:
        for step in self.agenda:
            if step.id == self.current_item_id:
                return step
        return None
