"""The government's announced swapped days for state offices (hoán đổi ngày làm việc):
a day off and the Saturday worked for it, per year, shipped as data with their source
(``session/swapped-days.toml``). The ``holidays`` package knows some of the days off but
none of the worked Saturdays."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent.parent / "swapped-days.toml"


@dataclass(frozen=True)
class SwappedDay:
    day: date
    kind: str  # off | work
    note: str
    source: str


def load_swapped_days(path: Path) -> tuple[SwappedDay, ...]:
    """Read a swapped-days file; a malformed entry is a bug in the shipped data, so it raises."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    days = []
    for entry in data.get("day", []):
        day, kind = entry["date"], entry["kind"]
        if not isinstance(day, date) or kind not in ("off", "work") or not entry.get("source"):
            raise ValueError(f"{path}: bad entry {entry!r}")
        days.append(SwappedDay(day, kind, str(entry.get("note", "")), str(entry["source"])))
    return tuple(sorted(days, key=lambda d: d.day))


@lru_cache(maxsize=1)
def swapped_days() -> tuple[SwappedDay, ...]:
    return load_swapped_days(DATA_FILE)


def swapped_in(year: int | None = None) -> list[SwappedDay]:
    return [d for d in swapped_days() if year is None or d.day.year == year]
