"""Who had the floor (thời gian phát biểu): citizens' speaking time against officials',
speeches by field and by thôn, and the waiting queue against the time left."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import select

from models.store import Store
from models.tables import Answer
from session.domain.queue import speech_elapsed
from session.domain.registrations import RegistrationView


@dataclass(frozen=True)
class Tally:
    citizens_seconds: float = 0.0
    officials_seconds: float = 0.0
    speeches: int = 0
    by_field: dict[str, int] = field(default_factory=dict)
    by_locality: dict[str, int] = field(default_factory=dict)
    waiting: int = 0
    waiting_seconds: float = 0.0

    @property
    def citizens_share(self) -> float:
        total = self.citizens_seconds + self.officials_seconds
        return self.citizens_seconds / total if total else 0.0


def floor_tally(store: Store, meeting_id: int, regs: list[RegistrationView], now: datetime) -> Tally:
    citizens = officials = 0.0
    by_field: Counter[str] = Counter()
    by_locality: Counter[str] = Counter()
    speeches = waiting = 0
    waiting_seconds = 0.0
    for reg in regs:
        if reg.status in ("done", "speaking") and reg.started_at is not None:
            seconds = speech_elapsed(reg.started_at, reg.ended_at, reg.paused_at, reg.paused_seconds, now)
            if reg.role == "official":
                officials += seconds
            else:
                citizens += seconds
            speeches += 1
            by_field[reg.field or "—"] += 1
            by_locality[reg.locality or "—"] += 1
        elif reg.status == "waiting":
            waiting += 1
            waiting_seconds += reg.limit_seconds
    with store.read() as s:
        for started, ended in s.exec(
            select(Answer.started_at, Answer.ended_at).where(
                Answer.meeting_id == meeting_id, Answer.started_at.is_not(None)
            )
        ).all():
            officials += max(0.0, ((ended or now) - started).total_seconds())
    return Tally(
        citizens_seconds=citizens,
        officials_seconds=officials,
        speeches=speeches,
        by_field=dict(by_field.most_common()),
        by_locality=dict(by_locality.most_common()),
        waiting=waiting,
        waiting_seconds=waiting_seconds,
    )
