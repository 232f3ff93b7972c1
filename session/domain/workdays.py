"""Vietnamese working days (ngày làm việc): weekends, public holidays from the
``holidays`` package (VN, lunar Tết included), plus the office's own extra days off and
working Saturdays."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache


@lru_cache(maxsize=32)
def _public_holidays(year: int) -> dict[date, str]:
    import holidays

    return dict(holidays.country_holidays("VN", years=year, language="vi"))


class WorkCalendar:
    """Counts working days. *extra_off* and *extra_work* come from the office list."""

    def __init__(self, extra_off: Iterable[date] = (), extra_work: Iterable[date] = ()) -> None:
        self.extra_off = set(extra_off)
        self.extra_work = set(extra_work)

    def holiday_name(self, day: date) -> str | None:
        return _public_holidays(day.year).get(day)

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_work:
            return True
        if day in self.extra_off or day.weekday() >= 5:
            return False
        return day not in _public_holidays(day.year)

    def add_working_days(self, start: date, count: int) -> date:
        """The day on which *count* working days after *start* have passed."""
        day = start
        remaining = count
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def add_calendar_days(self, start: date, count: int) -> date:
        """The last day of a limit of *count* calendar days after *start*; one that ends on
        a day off moves to the next working day (Bộ luật Dân sự 2015, Điều 148)."""
        day = start + timedelta(days=count)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after *start* up to and including *end* (negative if end < start)."""
        if end == start:
            return 0
        sign = 1 if end > start else -1
        lo, hi = (start, end) if sign > 0 else (end, start)
        count = 0
        day = lo
        while day < hi:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return sign * count
