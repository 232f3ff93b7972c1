"""Clocks. Domain operations take the time as an argument; the app passes a real clock,
tests a frozen one, so every timer is computed from stored timestamps."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Local wall-clock time (Vietnam has no daylight saving)."""
    return datetime.now()


class FrozenClock:
    """A clock that moves only when told to (tests, snapshots, benchmarks)."""

    def __init__(self, at: datetime) -> None:
        self.now = at

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now

    def set(self, at: datetime) -> None:
        self.now = at
