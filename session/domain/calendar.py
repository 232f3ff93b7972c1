"""The office calendar (lịch làm việc): public holidays, the government's announced swapped
days (shipped as data with their source), plus the office's own days off and working
Saturdays, stored in the database and editable in the app. The office's days win."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlmodel import col, select

from models.errors import HoinghiError
from models.office import OfficeDay
from models.store import Store, Tx
from models.text import clean_text
from session.domain.swapped_days import swapped_days
from session.domain.workdays import WorkCalendar


def announced_calendar(office: Iterable[tuple[date, str]] = ()) -> WorkCalendar:
    """Holidays and the announced swaps, then the office's own (day, kind) on top."""
    kinds = {d.day: d.kind for d in swapped_days()}
    kinds.update(office)
    return WorkCalendar(
        extra_off=[d for d, k in kinds.items() if k == "off"], extra_work=[d for d, k in kinds.items() if k == "work"]
    )


def office_calendar(store: Store) -> WorkCalendar:
    with store.read() as s:
        days = s.exec(select(col(OfficeDay.day), col(OfficeDay.kind))).all()
    return announced_calendar((d, k) for d, k in days)


def office_days(store: Store) -> list[tuple[date, str, str]]:
    with store.read() as s:
        return [(d.day, d.kind, d.note) for d in s.exec(select(OfficeDay).order_by(col(OfficeDay.day)))]


def day_off_name(day: date) -> str | None:
    """The public holiday or announced day off that *day* is, if any."""
    name = WorkCalendar().holiday_name(day)
    if name:
        return name
    return next((d.note for d in swapped_days() if d.day == day and d.kind == "off"), None)


def mark_office_day(tx: Tx, day: date, kind: str, note: str = "", *, confirmed: bool = False) -> None:
    """Add an extra day off ('off') or a working day ('work'); kind '' removes the office's entry.
    Making a public holiday (or an announced day off) a working day needs *confirmed*."""
    if kind not in ("off", "work", ""):
        raise HoinghiError("calendar.bad_kind", value=kind)
    note = clean_text(note, field="note", max_len=200)
    holiday = day_off_name(day) if kind == "work" else None
    if holiday and not confirmed:
        raise HoinghiError("calendar.confirm_holiday", day=day.strftime("%d/%m/%Y"), name=holiday)
    row = tx.session.get(OfficeDay, day)
    if not kind:
        if row is not None:
            tx.delete(row)
        return
    if row is None:
        tx.add(OfficeDay(day=day, kind=kind, note=note))
    else:
        row.kind, row.note = kind, note


def set_office_day(
    store: Store, day: date, kind: str, note: str = "", *, at: datetime, confirmed: bool = False
) -> None:
    """One action of the office: :func:`mark_office_day` in its own transaction."""
    with store.action("calendar.day", at=at, actor="office", day=day.isoformat(), kind=kind) as tx:
        mark_office_day(tx, day, kind, note, confirmed=confirmed)


def deadline_for(store: Store, start: date, working_days: int) -> date:
    return office_calendar(store).add_working_days(start, working_days)


def working_days_left(store: Store, deadline: date, today: date) -> int:
    """Working days from *today* to *deadline* (negative: overdue by that many)."""
    return office_calendar(store).working_days_between(today, deadline)
