"""The speaker queue (hàng đợi phát biểu): order, calls, speaking clocks, limits.

A speech's clock is ``started_at`` … ``ended_at`` minus ``paused_seconds`` (and, while
paused, frozen at ``paused_at``), so a restart resumes a countdown exactly.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func
from sqlmodel import select

from models.errors import Conflict, HoinghiError
from models.store import Store, Tx
from models.tables import FieldLimit, Meeting, Registration
from models.text import fold
from session.domain.registrations import next_position

ACTOR = "assistant"
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


def _reg(tx: Tx, reg_id: int) -> Registration:
    reg = tx.get(Registration, reg_id)
    if reg is None:
        raise HoinghiError("registration.not_found")
    return reg


def _meeting_of(store: Store, reg_id: int) -> int:
    with store.read() as s:
        reg = s.get(Registration, reg_id)
        if reg is None:
            raise HoinghiError("registration.not_found")
        return reg.meeting_id


def _speaking(tx: Tx, meeting_id: int) -> Registration | None:
    return tx.exec(
        select(Registration).where(Registration.meeting_id == meeting_id, Registration.status == "speaking")
    ).first()


def _end_speech(reg: Registration, at: datetime) -> None:
    if reg.paused_at is not None:
        reg.paused_seconds += (at - reg.paused_at).total_seconds()
        reg.paused_at = None
    reg.ended_at = at
    reg.status = "done"


def _start(reg: Registration, at: datetime) -> None:
    reg.status = "speaking"
    reg.started_at = at
    reg.ended_at = None
    reg.paused_at = None
    reg.paused_seconds = 0.0


def call_next(
    store: Store, meeting_id: int, *, at: datetime, field: str | None = None, expect_current: int | None = -1
) -> int | None:
    """End the current speech and give the floor to the first waiting speaker (on *field*
    if given). *expect_current*: the speaker the caller saw speaking (None: nobody); when
    another screen has moved on meanwhile, Conflict is raised instead of a double call.
    Returns the new speaker's id, or None when nobody is waiting."""
    with store.action("queue.next", at=at, meeting_id=meeting_id, actor=ACTOR, field=field) as tx:
        if tx.get(Meeting, meeting_id) is None:
            raise HoinghiError("meeting.not_found", id=meeting_id)
        current = _speaking(tx, meeting_id)
        if expect_current != -1 and (current.id if current else None) != expect_current:
            raise Conflict("queue.moved_on")
        if current is not None:
            _end_speech(current, at)
        query = select(Registration).where(Registration.meeting_id == meeting_id, Registration.status == "waiting")
        if field:
            query = query.where(Registration.field == field)
        chosen = tx.exec(query.order_by(Registration.queue_position).limit(1)).first()
        if chosen is None:
            return None
        _start(chosen, at)
        return chosen.id


def call(store: Store, reg_id: int, *, at: datetime) -> None:
    """Give the floor to this speaker out of order (the chair's call)."""
    meeting_id = _meeting_of(store, reg_id)
    with store.action("queue.call", at=at, meeting_id=meeting_id, actor=ACTOR, registration_id=reg_id) as tx:
        reg = _reg(tx, reg_id)
        if reg.status not in ("waiting", "absent"):
            raise Conflict("queue.not_waiting", name=reg.speaker_name)
        current = _speaking(tx, meeting_id)
        if current is not None:
            _end_speech(current, at)
        _start(reg, at)


def finish(store: Store, meeting_id: int, *, at: datetime) -> None:
    """End the current speech (the floor goes back to the chair)."""
    with store.action("queue.finish", at=at, meeting_id=meeting_id, actor=ACTOR) as tx:
        current = _speaking(tx, meeting_id)
        if current is None:
            raise Conflict("queue.nobody_speaking")
        _end_speech(current, at)


def toggle_pause(store: Store, meeting_id: int, *, at: datetime) -> bool:
    """Pause the speaking clock for an interruption, or resume it. Returns paused?"""
    with store.action("queue.pause", at=at, meeting_id=meeting_id, actor=ACTOR) as tx:
        current = _speaking(tx, meeting_id)
        if current is None:
            raise Conflict("queue.nobody_speaking")
        if current.paused_at is None:
            current.paused_at = at
            return True
        current.paused_seconds += (at - current.paused_at).total_seconds()
        current.paused_at = None
        return False


def mark_absent(store: Store, reg_id: int, *, at: datetime) -> str:
    """Called but not in the hall: the first time the speaker goes to the end of the
    queue; the second time they are marked absent. Returns the new status."""
    meeting_id = _meeting_of(store, reg_id)
    with store.action("queue.absent", at=at, meeting_id=meeting_id, actor=ACTOR, registration_id=reg_id) as tx:
        reg = _reg(tx, reg_id)
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
        return reg.status


def withdraw(store: Store, reg_id: int, *, at: datetime) -> None:
    meeting_id = _meeting_of(store, reg_id)
    with store.action("queue.withdraw", at=at, meeting_id=meeting_id, actor=ACTOR, registration_id=reg_id) as tx:
        reg = _reg(tx, reg_id)
        if reg.status not in ("waiting", "absent"):
            raise Conflict("queue.not_waiting", name=reg.speaker_name)
        reg.status = "withdrawn"


def requeue(store: Store, reg_id: int, *, at: datetime) -> None:
    """Put a withdrawn or absent speaker back at the end of the queue."""
    meeting_id = _meeting_of(store, reg_id)
    with store.action("queue.requeue", at=at, meeting_id=meeting_id, actor=ACTOR, registration_id=reg_id) as tx:
        reg = _reg(tx, reg_id)
        if reg.status not in ("withdrawn", "absent"):
            raise Conflict("queue.not_waiting", name=reg.speaker_name)
        reg.status = "waiting"
        reg.queue_position = next_position(tx, meeting_id)


def move(store: Store, reg_id: int, where: str, *, at: datetime) -> None:
    """Move a waiting speaker 'up', 'down' (past the neighbouring waiting speaker) or to the 'top'."""
    meeting_id = _meeting_of(store, reg_id)
    with store.action(
        "queue.move", at=at, meeting_id=meeting_id, actor=ACTOR, registration_id=reg_id, where=where
    ) as tx:
        reg = _reg(tx, reg_id)
        if reg.status != "waiting":
            raise Conflict("queue.not_waiting", name=reg.speaker_name)
        waiting = Registration.meeting_id == meeting_id, Registration.status == "waiting"
        if where == "top":
            low = tx.exec(select(func.min(Registration.queue_position)).where(*waiting)).one()
            if low is not None and low < reg.queue_position:
                reg.queue_position = low - 1
            return
        if where == "up":
            other = tx.exec(
                select(Registration)
                .where(*waiting, Registration.queue_position < reg.queue_position)
                .order_by(Registration.queue_position.desc())
                .limit(1)
            ).first()
        else:
            other = tx.exec(
                select(Registration)
                .where(*waiting, Registration.queue_position > reg.queue_position)
                .order_by(Registration.queue_position)
                .limit(1)
            ).first()
        if other is not None:
            reg.queue_position, other.queue_position = other.queue_position, reg.queue_position


def set_speaker_limit(store: Store, reg_id: int, seconds: int | None, *, at: datetime) -> None:
    if seconds is not None and not 30 <= seconds <= 3600:
        raise HoinghiError("queue.bad_limit", value=seconds)
    meeting_id = _meeting_of(store, reg_id)
    with store.action("queue.limit", at=at, meeting_id=meeting_id, actor=ACTOR, registration_id=reg_id) as tx:
        _reg(tx, reg_id).limit_seconds = seconds


def set_limits(store: Store, meeting_id: int, default_seconds: int, per_field: dict[str, int], *, at: datetime) -> None:
    """The meeting's default speaking time and per-field overrides (0 or absent: default)."""
    for value in (default_seconds, *per_field.values()):
        if value and not 30 <= value <= 3600:
            raise HoinghiError("queue.bad_limit", value=value)
    if not default_seconds:
        raise HoinghiError("queue.bad_limit", value=default_seconds)
    with store.action("queue.limits", at=at, meeting_id=meeting_id, actor=ACTOR) as tx:
        meeting = tx.get(Meeting, meeting_id)
        if meeting is None:
            raise HoinghiError("meeting.not_found", id=meeting_id)
        meeting.speech_limit_seconds = default_seconds
        existing = {r.field: r for r in tx.exec(select(FieldLimit).where(FieldLimit.meeting_id == meeting_id))}
        for field, seconds in per_field.items():
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


def search(views, query: str):
    """Registrations whose name, residential unit, field or summary match every word of *query*,
    accents, case and đ ignored ("nguyen van duc" finds "Nguyễn Văn Đức")."""
    words = fold(query).split()
    return [v for v in views if all(w in v.search_key for w in words)]
