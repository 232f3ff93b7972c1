"""Dates and times as the office reads them: dd/mm/yyyy and hh:mm."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from models.errors import HoinghiError

#: The years hoinghi works with: the official holidays are known for them, and every
#: deadline or end time computed from a date stays a date (no overflow past 9999).
FIRST_YEAR = 1900
LAST_YEAR = 2100

_DATE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_TIME = re.compile(r"^\s*(\d{1,2})(?:[:hg.](\d{2}))?\s*(?:ph(?:út)?)?\s*$", re.IGNORECASE)


def parse_date(value: str) -> date:
    """Accept 05/03/2026, 5-3-2026, 5.3.2026 or ISO 2026-03-05."""
    text = (value or "").strip()
    day = None
    try:
        if m := _DATE.match(text):
            day = date(int(m[3]), int(m[2]), int(m[1]))
        elif m := _ISO.match(text):
            day = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        pass
    if day is None:
        raise HoinghiError("date.invalid", value=value)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise HoinghiError("date.out_of_range", value=value, first=FIRST_YEAR, last=LAST_YEAR)
    return day


def check_year(day: date | None) -> date | None:
    """*day* if its year is one hoinghi works with (see :data:`FIRST_YEAR`)."""
    if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise HoinghiError("date.out_of_range", value=fmt_date(day), first=FIRST_YEAR, last=LAST_YEAR)
    return day


def parse_time(value: str) -> time:
    """Accept 07:30, 7h30, 7g30, 7.30 or 7."""
    m = _TIME.match(value or "")
    if m:
        hour, minute = int(m[1]), int(m[2] or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise HoinghiError("time.invalid", value=value)


def fmt_date(day: date | datetime | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def fmt_time(moment: time | datetime | None) -> str:
    return moment.strftime("%H:%M") if moment else ""


def fmt_duration(seconds: float, *, signed: bool = False) -> str:
    """1:05:09 / 5:09 style; with *signed*, a leading + or − ."""
    sign = ""
    if signed:
        sign = "+" if seconds >= 0 else "−"
    elif seconds < 0:
        sign = "−"
    total = int(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
