"""A meeting's particulars (thông tin hội nghị) as the documents need them: title, venue,
date and time, the issuing body, the chair (chủ trì), co-chair and secretary (thư ký) with
their titles, the document numbers, and attendance by group (thành phần tham dự)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from sqlmodel import select

from models.errors import Conflict, HoinghiError
from models.store import Store
from models.tables import AttendanceGroup, Meeting
from models.text import clean_text

MAX_PEOPLE = 100_000

#: The plain text particulars, in the order the form shows them.
TEXT_FIELDS = (
    "title",
    "venue",
    "place_name",
    "issuing_body",
    "parent_body",
    "chair",
    "chair_title",
    "co_chair",
    "co_chair_title",
    "secretary",
    "secretary_title",
    "minutes_number",
    "notice_number",
    "invitation_number",
    "localities",
)


@dataclass(frozen=True)
class Attendance:
    """One group of the attendance (thành phần): how many were invited, how many came."""

    name: str
    expected: int = 0
    present: int = 0
    id: int | None = None


@dataclass(frozen=True)
class MeetingDetails:
    title: str = ""
    venue: str = ""
    place_name: str = ""
    issuing_body: str = ""
    parent_body: str = ""
    chair: str = ""
    chair_title: str = ""
    co_chair: str = ""
    co_chair_title: str = ""
    secretary: str = ""
    secretary_title: str = ""
    minutes_number: str = ""
    notice_number: str = ""
    invitation_number: str = ""
    localities: str = ""
    planned_date: date | None = None
    planned_start: time | None = None
    groups: tuple[Attendance, ...] = field(default_factory=tuple)

    def edit(self, **changes: object) -> MeetingDetails:
        return replace(self, **changes)


def _details(s, meeting: Meeting) -> MeetingDetails:  # noqa: ANN001 — a session
    groups = s.exec(
        select(AttendanceGroup).where(AttendanceGroup.meeting_id == meeting.id).order_by(AttendanceGroup.position)
    ).all()
    return MeetingDetails(
        **{name: getattr(meeting, name) or "" for name in TEXT_FIELDS},
        planned_date=meeting.planned_date,
        planned_start=meeting.planned_start,
        groups=tuple(Attendance(g.name, g.expected, g.present, g.id) for g in groups),
    )


def meeting_details(store: Store, meeting_id: int) -> MeetingDetails:
    with store.read() as s:
        meeting = s.get(Meeting, meeting_id)
        if meeting is None:
            raise HoinghiError("meeting.not_found", id=meeting_id)
        return _details(s, meeting)


def _count(value: object, group: str) -> int:
    try:
        number = int(str(value).strip() or 0)
    except ValueError:
        raise HoinghiError("attendance.number", group=group, value=value) from None
    if not 0 <= number <= MAX_PEOPLE:
        raise HoinghiError("attendance.number", group=group, value=value)
    return number


def clean_details(details: MeetingDetails) -> MeetingDetails:
    """The particulars as the store keeps them, or a TextError/HoinghiError naming the field."""
    texts = {
        name: clean_text(
            getattr(details, name), field=name, required=name == "title", max_len=50 if "number" in name else None
        )
        for name in TEXT_FIELDS
    }
    groups: list[Attendance] = []
    seen: set[str] = set()
    for group in details.groups:
        name = clean_text(group.name, field="attendance")
        if not name:
            if _count(group.expected, "—") or _count(group.present, "—"):
                raise HoinghiError("attendance.unnamed")
            continue  # an empty row: the group is dropped
        if name.casefold() in seen:
            raise HoinghiError("attendance.duplicate", group=name)
        seen.add(name.casefold())
        groups.append(Attendance(name, _count(group.expected, name), _count(group.present, name), group.id))
    return MeetingDetails(
        **texts, planned_date=details.planned_date, planned_start=details.planned_start, groups=tuple(groups)
    )


def update_details(
    store: Store,
    meeting_id: int,
    details: MeetingDetails,
    *,
    at: datetime,
    expected: MeetingDetails | None = None,
    actor: str = "office",
    desk: str | None = None,
) -> bool:
    """Store the particulars in one action. *expected*: what the form was opened on; if
    another screen changed them since, Conflict('meeting.changed'). False if nothing changed."""
    new = clean_details(details)
    with store.action("meeting.details", at=at, meeting_id=meeting_id, actor=actor, desk=desk) as tx:
        meeting = tx.get(Meeting, meeting_id)
        if meeting is None:
            raise HoinghiError("meeting.not_found", id=meeting_id)
        current = _details(tx, meeting)
        if expected is not None and current != expected:
            raise Conflict("meeting.changed")
        if current == new:
            return False  # nothing changed: no event is written
        for name in TEXT_FIELDS:
            if getattr(meeting, name) != getattr(new, name):
                setattr(meeting, name, getattr(new, name))
        if (new.planned_date, new.planned_start) != (meeting.planned_date, meeting.planned_start):
            _move_planned(meeting, new.planned_date, new.planned_start)
        _store_groups(tx, meeting_id, new.groups)
    return True


def _move_planned(meeting: Meeting, day: date | None, start: time | None) -> None:
    """A new planned date or start keeps the planned length of the meeting."""
    old_day = meeting.planned_date or date(2000, 1, 1)
    length = None
    if meeting.planned_start is not None and meeting.planned_end is not None:
        length = datetime.combine(old_day, meeting.planned_end) - datetime.combine(old_day, meeting.planned_start)
        if length < timedelta(0):
            length += timedelta(days=1)
    meeting.planned_date = day
    meeting.planned_start = start
    if start is not None and length is not None:
        meeting.planned_end = (datetime.combine(day or old_day, start) + length).time()


def _store_groups(tx, meeting_id: int, groups: tuple[Attendance, ...]) -> None:  # noqa: ANN001 — a session
    rows = {g.id: g for g in tx.exec(select(AttendanceGroup).where(AttendanceGroup.meeting_id == meeting_id)).all()}
    kept: set[int] = set()
    for position, group in enumerate(groups, start=1):
        row = rows.get(group.id) if group.id is not None else None
        if row is None:
            tx.add(
                AttendanceGroup(
                    meeting_id=meeting_id,
                    position=position,
                    name=group.name,
                    expected=group.expected,
                    present=group.present,
                )
            )
            continue
        kept.add(row.id)
        for name, value in (
            ("position", position),
            ("name", group.name),
            ("expected", group.expected),
            ("present", group.present),
        ):
            if getattr(row, name) != value:
                setattr(row, name, value)
    for row_id, row in rows.items():
        if row_id not in kept:
            tx.delete(row)
