"""The speaker queue (hàng đợi phát biểu): order, calls, speaking clocks, limits.

A speech's clock is ``started_at`` … ``ended_at`` minus ``paused_seconds`` (and, while
paused, frozen at ``paused_at``), so a restart resumes a countdown exactly.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol, TypeVar

from sqlalchemy import func
from sqlmodel import col, select

from models.errors import Conflict, HoinghiError
from models.store import Tx
from models.tables import FieldLimit, Meeting, Registration
from models.text import clean_text, fold
from session.domain.registrations import next_position

WARNING_SECONDS = 30


def speech_elapsed(
    started_at: datetime | None,
    ended_at: datetime | None,
    paused_at: datetime | None,
    paused_seconds: float,
    now: datetime,
) -> float:
    if started_at is None:
        return 0.0
    end = ended_at or paused_at or now
    return max(0.0, (end - started_at).total_seconds() - paused_seconds)


def _reg(tx: Tx, meeting_id: int, reg_id: int) -> Registration:
    reg = tx.session.get(Registration, reg_id)
    if reg is None or reg.meeting_id != meeting_id:
        raise HoinghiError("registration.not_found")
    return reg


def _who(tx: Tx, reg: Registration) -> None:
    """Name the speaker in the action's facts (the history says whom it concerned)."""
    tx.facts.update(name=reg.speaker_name, number=reg.number, registration_id=reg.id)


def _speaking(tx: Tx, meeting_id: int) -> Registration | None:
    return tx.session.exec(
        select(Registration).where(Registration.meeting_id == meeting_id, Registration.status == "speaking")
    ).first()


def _end_speech(reg: Registration, at: datetime) -> None:
    if reg.paused_at is not None:
        reg.paused_seconds += (at - reg.paused_at).total_seconds()
        reg.paused_at = None
    reg.ended_at = at
    reg.status = "done"


def floor_open(tx: Tx, meeting_id: int) -> bool:
    """The floor is given only while the meeting is held: not before it starts (the chair
    opens it first), nor once it is closed (the minutes are written). True in a recess
    (tạm nghỉ): a speaker called then waits for the meeting to go on, clock stopped."""
    meeting = tx.session.get(Meeting, meeting_id)
    if meeting is None:
        raise HoinghiError("meeting.not_found", id=meeting_id)
    if meeting.status == "planned":
        raise Conflict("queue.not_started")
    if meeting.status == "closed":
        raise Conflict("queue.closed")
    return meeting.status == "recess"


def _start(reg: Registration, at: datetime, *, recess: bool = False) -> None:
    """The floor given at *at*; in a recess the clock stands until the meeting goes on."""
    reg.status = "speaking"
    reg.started_at = at
    reg.ended_at = None
    reg.paused_at = at if recess else None
    reg.paused_seconds = 0.0


def call_next(tx: Tx, meeting_id: int, *, field: str | None = None, expect_current: int | None = -1) -> int | None:
    """End the current speech and give the floor to the first waiting speaker (on *field*
    if given). *expect_current*: the speaker the caller saw speaking (None: nobody); when
    another screen has moved on meanwhile, Conflict is raised instead of a double call.
    Returns the new speaker's id, or None when nobody is waiting (the speech still ends)."""
    recess = floor_open(tx, meeting_id)
    field = clean_text(field, field="field", max_len=60) if field else None
    current = _speaking(tx, meeting_id)
    if expect_current != -1 and (current.id if current else None) != expect_current:
        raise Conflict("queue.moved_on")
    query = select(Registration).where(Registration.meeting_id == meeting_id, Registration.status == "waiting")
    if field:
        query = query.where(Registration.field == field)
    chosen = tx.session.exec(query.order_by(col(Registration.queue_position)).limit(1)).first()
    if current is not None:
        _end_speech(current, tx.at)
        if chosen is None:
            _who(tx, current)
            tx.name = "queue.finish"
    if chosen is None:
        return None
    _start(chosen, tx.at, recess=recess)
    _who(tx, chosen)
    if field:
        tx.facts["field"] = field
    return chosen.id


def call(tx: Tx, meeting_id: int, reg_id: int) -> None:
    """Give the floor to this speaker out of order (the chair's call)."""
    recess = floor_open(tx, meeting_id)
    reg = _reg(tx, meeting_id, reg_id)
    if reg.status not in ("waiting", "absent"):
        raise Conflict("queue.not_waiting", name=reg.speaker_name)
    current = _speaking(tx, meeting_id)
    if current is not None:
        _end_speech(current, tx.at)
    _start(reg, tx.at, recess=recess)
    _who(tx, reg)


def finish(tx: Tx, meeting_id: int) -> None:
    """End the current speech (the floor goes back to the chair)."""
    current = _speaking(tx, meeting_id)
    if current is None:
        raise Conflict("queue.nobody_speaking")
    _end_speech(current, tx.at)
    _who(tx, current)


def stop_speaking(tx: Tx, meeting_id: int) -> None:
    """End whoever still has the floor (the meeting closes)."""
    current = _speaking(tx, meeting_id)
    if current is not None:
        _end_speech(current, tx.at)


def toggle_pause(tx: Tx, meeting_id: int) -> bool:
    """Pause the speaking clock for an interruption, or resume it. Returns paused?"""
    current = _speaking(tx, meeting_id)
    if current is None:
        raise Conflict("queue.nobody_speaking")
    meeting = tx.session.get(Meeting, meeting_id)
    if meeting is not None and meeting.status == "recess":
        raise Conflict("queue.in_recess")  # the recess holds the clock; it goes on with the meeting
    _who(tx, current)
    if current.paused_at is None:
        current.paused_at = tx.at
        tx.facts["paused"] = True
        return True
    current.paused_seconds += (tx.at - current.paused_at).total_seconds()
    current.paused_at = None
    tx.facts["paused"] = False
    return False


def mark_absent(tx: Tx, meeting_id: int, reg_id: int) -> str:
    """Called but not in the hall: the first time the speaker goes to the end of the
    queue; the second time they are marked absent. Returns the new status. Their number
    (số thứ tự) stays the one they were given."""
    reg = _reg(tx, meeting_id, reg_id)
    if reg.status not in ("waiting", "speaking"):
        raise Conflict("queue.not_waiting", name=reg.speaker_name)
    reg.started_at = reg.ended_at = reg.paused_at = None
    reg.paused_seconds = 0.0
    reg.absent_count += 1
    if reg.absent_count >= 2:
        reg.status = "absent"
    else:
        reg.status = "waiting"
        reg.queue_position = next_position(tx, meeting_id)
    _who(tx, reg)
    tx.facts["status"] = reg.status
    return reg.status


def withdraw(tx: Tx, meeting_id: int, reg_id: int) -> None:
    reg = _reg(tx, meeting_id, reg_id)
    if reg.status not in ("waiting", "absent"):
        raise Conflict("queue.not_waiting", name=reg.speaker_name)
    reg.status = "withdrawn"
    _who(tx, reg)


def requeue(tx: Tx, meeting_id: int, reg_id: int) -> None:
    """Put a withdrawn or absent speaker back at the end of the queue."""
    reg = _reg(tx, meeting_id, reg_id)
    if reg.status not in ("withdrawn", "absent"):
        raise Conflict("queue.not_waiting", name=reg.speaker_name)
    reg.status = "waiting"
    reg.queue_position = next_position(tx, meeting_id)
    _who(tx, reg)


def move(tx: Tx, meeting_id: int, reg_id: int, where: str) -> None:
    """Move a waiting speaker 'up', 'down' (past the neighbouring waiting speaker) or to the 'top'."""
    reg = _reg(tx, meeting_id, reg_id)
    if reg.status != "waiting":
        raise Conflict("queue.not_waiting", name=reg.speaker_name)
    _who(tx, reg)
    tx.facts["where"] = where
    waiting = Registration.meeting_id == meeting_id, Registration.status == "waiting"
    if where == "top":
        low = tx.session.exec(select(func.min(Registration.queue_position)).where(*waiting)).one()
        if low is not None and low < reg.queue_position:
            reg.queue_position = low - 1
        return
    if where == "up":
        other = tx.session.exec(
            select(Registration)
            .where(*waiting, Registration.queue_position < reg.queue_position)
            .order_by(col(Registration.queue_position).desc())
            .limit(1)
        ).first()
    else:
        other = tx.session.exec(
            select(Registration)
            .where(*waiting, Registration.queue_position > reg.queue_position)
            .order_by(col(Registration.queue_position))
            .limit(1)
        ).first()
    if other is not None:
        reg.queue_position, other.queue_position = other.queue_position, reg.queue_position


def set_speaker_limit(tx: Tx, meeting_id: int, reg_id: int, seconds: int | None) -> None:
    if seconds is not None and not 30 <= seconds <= 3600:
        raise HoinghiError("queue.bad_limit", value=seconds)
    reg = _reg(tx, meeting_id, reg_id)
    reg.limit_seconds = seconds
    _who(tx, reg)
    tx.facts["seconds"] = seconds


def set_limits(tx: Tx, meeting_id: int, default_seconds: int, per_field: dict[str, int]) -> None:
    """The meeting's default speaking time and per-field overrides (0 or absent: default)."""
    for value in (default_seconds, *per_field.values()):
        if value and not 30 <= value <= 3600:
            raise HoinghiError("queue.bad_limit", value=value)
    if not default_seconds:
        raise HoinghiError("queue.bad_limit", value=default_seconds)
    meeting = tx.session.get(Meeting, meeting_id)
    if meeting is None:
        raise HoinghiError("meeting.not_found", id=meeting_id)
    meeting.speech_limit_seconds = default_seconds
    existing = {r.field: r for r in tx.session.exec(select(FieldLimit).where(FieldLimit.meeting_id == meeting_id))}
    cleaned: dict[str, int] = {}
    for field, seconds in per_field.items():  # a field's name as the registrations keep it
        name = clean_text(field, field="field", max_len=60)
        if name:
            cleaned[name] = seconds
    for field, seconds in cleaned.items():
        row = existing.pop(field, None)
        if not seconds:
            if row is not None:
                tx.delete(row)
        elif row is None:
            tx.add(FieldLimit(meeting_id=meeting_id, field=field, seconds=seconds))
        else:
            row.seconds = seconds
    for row in existing.values():
        tx.delete(row)


class _Searchable(Protocol):
    @property
    def search_key(self) -> str: ...


Searchable = TypeVar("Searchable", bound=_Searchable)


def search(views: Iterable[Searchable], query: str) -> list[Searchable]:
    """Registrations whose name, residential unit, field or summary match every word of *query*,
    accents, case and đ ignored ("nguyen van duc" finds "Nguyễn Văn Đức")."""
    words = fold(query).split()
    return [v for v in views if all(w in v.search_key for w in words)]
