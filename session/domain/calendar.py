"""The office calendar (lịch làm việc): public holidays plus the office's own days off and
working Saturdays, stored in the database and editable in the app."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import select

from models.errors import HoinghiError
from models.store import Store
from models.tables import OfficeDay
from models.text import clean_text
from session.domain.workdays import WorkCalendar


def office_calendar(store: Store) -> WorkCalendar:
    with store.read() as s:
        days = s.exec(select(OfficeDay)).all()
    return WorkCalendar(
        extra_off=[d.day for d in days if d.kind == "off"], extra_work=[d.day for d in days if d.kind == "work"]
    )


def office_days(store: Store) -> list[tuple[date, str, str]]:
    with store.read() as s:
        return [(d.day, d.kind, d.note) for d in s.exec(select(OfficeDay).order_by(OfficeDay.day))]


def set_office_day(store: Store, day: date, kind: str, note: str = "", *, at: datetime) -> None:
    """Add an extra day off ('off') or a working Saturday ('work'); kind '' removes it."""
    if kind not in ("off", "work", ""):
        raise HoinghiError("calendar.bad_kind", value=kind)
    note = clean_text(note, field="note", max_len=200)
    with store.action("calendar.day", at=at, actor="office", day=day.isoformat(), kind=kind) as tx:
        row = tx.get(OfficeDay, day)
        if not kind:
            if row is not None:
                tx.delete(row)
            return
        if row is None:
            tx.add(OfficeDay(day=day, kind=kind, note=note))
        else:
            row.kind, row.note = kind, note


def notice_due(store: Store, meeting_day: date, notice_days: int) -> date:
    return office_calendar(store).add_working_days(meeting_day, notice_days)


def deadline_for(store: Store, start: date, working_days: int) -> date:
    return office_calendar(store).add_working_days(start, working_days)


def working_days_left(store: Store, deadline: date, today: date) -> int:
    """Working days from *today* to *deadline* (negative: overdue by that many)."""
    return office_calendar(store).working_days_between(today, deadline)
