"""Dates and times as the office reads them: dd/mm/yyyy and hh:mm."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from models.errors import HoinghiError

_DATE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_TIME = re.compile(r"^\s*(\d{1,2})(?:[:hg.](\d{2}))?\s*(?:ph(?:út)?)?\s*$", re.IGNORECASE)


def parse_date(value: str) -> date:
    """Accept 05/03/2026, 5-3-2026, 5.3.2026 or ISO 2026-03-05."""
    text = (value or "").strip()
    try:
        if m := _DATE.match(text):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if m := _ISO.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        pass
    raise HoinghiError("date.invalid", value=value)


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
