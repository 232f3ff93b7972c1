"""A meeting's particulars (thông tin hội nghị) as the documents need them: title, venue,
date and time, the unit (đơn vị hành chính) and issuing body, the chair (chủ trì), co-chair
and secretary (thư ký) with their titles, the document numbers, attendance by group
(thành phần tham dự), and what the documents print (signers, recipients, notice date).

The unit and the issuing body never disagree: an issuing body typed by hand sets the unit
it names; choosing a unit rewrites the issuing body."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from models.attendance import AttendanceGroup
from models.errors import Conflict, HoinghiError
from models.store import Store, Tx
from models.tables import Meeting, stored_id
from models.text import clean_text, fold
from session.domain import papers as P
from session.domain.dates import check_year
from session.domain.settings import AUTHORITIES, check_number
from session.domain.units import (
    Unit,
    canonical_province,
    check_unit,
    default_residential,
    find_unit,
    issuing_body_of,
    meeting_place,
    parse_issuing_body,
    place_of,
    residential_words,
    unit_by_code,
)

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
)
#: The unit (set by choosing from the official list, or typed) and its residential units.
UNIT_FIELDS = ("unit_kind", "unit_name", "province", "unit_code", "residential", "cluster")
#: What the documents print (copied from the office settings at creation).
PAPER_FIELDS = P.TEXTS
LIST_FIELDS = ("notice_recipients", "minutes_recipients")  # one entry a line in the store
NUMBER_FIELDS = P.NUMBERS
#: Every name `hoinghi details --set` accepts, besides date, start and notice_date.
SETTABLE = (*TEXT_FIELDS, *UNIT_FIELDS, *PAPER_FIELDS, *LIST_FIELDS, *NUMBER_FIELDS)


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
    planned_date: date | None = None
    planned_start: time | None = None
    groups: tuple[Attendance, ...] = field(default_factory=tuple)
    unit_kind: str = ""
    unit_name: str = ""
    province: str = ""
    unit_code: str = ""
    residential: str = ""
    cluster: str = ""
    minutes_suffix: str = ""
    notice_suffix: str = ""
    notice_authority: str = ""
    notice_authority_body: str = ""
    notice_signer_title: str = ""
    notice_signer_name: str = ""
    chair_label: str = ""
    secretary_label: str = ""
    records_office: str = ""
    notice_recipients: tuple[str, ...] = ()
    minutes_recipients: tuple[str, ...] = ()
    margin_top_mm: float | str = 20.0
    margin_bottom_mm: float | str = 20.0
    margin_left_mm: float | str = 30.0
    margin_right_mm: float | str = 15.0
    body_pt: float | str = 14.0
    notice_date: date | None = None

    def edit(self, **changes: Any) -> MeetingDetails:
        return replace(self, **changes)


def _details(s: Session, meeting: Meeting) -> MeetingDetails:
    groups = s.exec(
        select(AttendanceGroup).where(AttendanceGroup.meeting_id == meeting.id).order_by(col(AttendanceGroup.position))
    ).all()
    place = meeting_place(meeting)  # a meeting written before units existed: read from its issuing body
    # The particulars named in the lists above, read by name (typed per field by MeetingDetails).
    texts: dict[str, Any] = {name: getattr(meeting, name) or "" for name in TEXT_FIELDS}
    papers: dict[str, Any] = {name: getattr(meeting, name) or "" for name in PAPER_FIELDS}
    lists: dict[str, Any] = {name: P.split_lines(getattr(meeting, name)) for name in LIST_FIELDS}
    numbers: dict[str, Any] = {name: float(getattr(meeting, name)) for name in NUMBER_FIELDS}
    return MeetingDetails(
        **texts,
        planned_date=meeting.planned_date,
        planned_start=meeting.planned_start,
        groups=tuple(Attendance(g.name, g.expected, g.present, g.id) for g in groups),
        unit_kind=place.kind,
        unit_name=place.name,
        province=place.province,
        unit_code=place.unit.code,
        residential=meeting.residential or "",
        cluster=meeting.cluster or "",
        **papers,
        **lists,
        **numbers,
        notice_date=meeting.notice_date,
    )


def meeting_details(store: Store, meeting_id: int) -> MeetingDetails:
    with store.read() as s:
        meeting = s.get(Meeting, meeting_id)
        if meeting is None:
            raise HoinghiError("meeting.not_found", id=meeting_id)
        return _details(s, meeting)


def attendance_missing(store: Store, meeting_id: int) -> bool:
    """True for a meeting under way or held whose attendance (số người có mặt) nobody has
    typed: its minutes and notice would print "có mặt 0" as a fact."""
    with store.read() as s:
        meeting = s.get(Meeting, meeting_id)
        if meeting is None or meeting.status == "planned":
            return False
        present = s.exec(
            select(func.coalesce(func.sum(AttendanceGroup.present), 0)).where(AttendanceGroup.meeting_id == meeting_id)
        ).one()
    return not present


def _count(value: object, group: str) -> int:
    try:
        number = int(str(value).strip() or 0)
    except ValueError:
        raise HoinghiError("attendance.number", group=group, value=value) from None
    if not 0 <= number <= MAX_PEOPLE:
        raise HoinghiError("attendance.number", group=group, value=value)
    return number


def _list(value: object, name: str) -> tuple[str, ...]:
    items = value if isinstance(value, (list, tuple)) else str(value).split(";")
    return tuple(t for t in (clean_text(str(i), field=name, max_len=200) for i in items) if t)


def clean_details(details: MeetingDetails) -> MeetingDetails:
    """The particulars as the store keeps them, or a TextError/HoinghiError naming the field."""
    texts: dict[str, Any] = {
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
    kind, unit_name = check_unit(details.unit_kind, details.unit_name)
    papers: dict[str, Any] = {
        name: clean_text(getattr(details, name), field=name, max_len=200) for name in PAPER_FIELDS
    }
    lists: dict[str, Any] = {name: _list(getattr(details, name), name) for name in LIST_FIELDS}
    numbers: dict[str, Any] = {name: check_number(name, getattr(details, name)) for name in NUMBER_FIELDS}
    if papers["notice_authority"] not in AUTHORITIES:
        raise HoinghiError("settings.bad_authority", value=papers["notice_authority"])
    return MeetingDetails(
        **texts,
        planned_date=details.planned_date,
        planned_start=details.planned_start,
        groups=tuple(groups),
        unit_kind=kind,
        unit_name=unit_name,
        province=canonical_province(details.province),
        unit_code=clean_text(details.unit_code, field="unit_code", max_len=20),
        residential=", ".join(residential_words(details.residential)),
        cluster=clean_text(details.cluster, field="cluster", max_len=300),
        **papers,
        **lists,
        **numbers,
        notice_date=details.notice_date,
    )


def _unit(details: MeetingDetails) -> Unit:
    return Unit(details.unit_kind, details.unit_name, details.province, details.unit_code)


def reconcile(current: MeetingDetails, new: MeetingDetails) -> MeetingDetails:
    """Make the unit and the issuing body agree, whichever was edited: a unit chosen or
    typed rewrites the issuing body; an issuing body typed by hand sets the unit it names.
    A residential word or a recipient list still at the old unit's usual value follows."""
    old_unit, unit = _unit(current), _unit(new)
    unit_edited = (fold(unit.kind), fold(unit.name), fold(unit.province), unit.code) != (
        fold(old_unit.kind),
        fold(old_unit.name),
        fold(old_unit.province),
        old_unit.code,
    )
    if unit_edited:
        if unit.code and unit.code != old_unit.code:
            unit = unit_by_code(unit.code)
        elif unit.known:
            official = find_unit(unit.kind, unit.name, unit.province)
            if official is not None:
                unit = Unit(official.kind, official.name, unit.province or official.province, official.code)
            else:
                unit = Unit(unit.kind, unit.name, unit.province, "")
        else:
            unit = Unit()
    elif new.issuing_body != current.issuing_body:
        if not new.issuing_body:
            unit = Unit()
        else:
            parsed = parse_issuing_body(new.issuing_body)
            if parsed is None:
                raise HoinghiError("unit.unparsed", value=new.issuing_body)
            same = fold(parsed.kind) == fold(old_unit.kind) and fold(parsed.name) == fold(old_unit.name)
            unit = old_unit if same else parsed
    body = issuing_body_of(unit) if unit.known else ("" if unit_edited else new.issuing_body)
    residential = new.residential
    if residential == current.residential and residential in ("", default_residential(old_unit)):
        if unit.kind != old_unit.kind or unit.province != old_unit.province:
            residential = default_residential(unit) if unit.known else residential
    old_place = place_of(old_unit.kind, old_unit.name, old_unit.province, residential=current.residential)
    place = place_of(unit.kind, unit.name, unit.province, residential=residential)
    lists = {}
    for name, standard in (
        ("notice_recipients", P.standard_notice_recipients),
        ("minutes_recipients", P.standard_minutes_recipients),
    ):
        value = getattr(new, name)
        if value == getattr(current, name) and value in ((), standard(old_place)):
            value = standard(place)
        lists[name] = value
    return new.edit(
        unit_kind=unit.kind,
        unit_name=unit.name,
        province=unit.province,
        unit_code=unit.code,
        issuing_body=body,
        residential=residential,
        **lists,
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
        return apply_details(tx, meeting_id, new, expected=expected)


def apply_details(tx: Tx, meeting_id: int, new: MeetingDetails, *, expected: MeetingDetails | None = None) -> bool:
    """The particulars *new* (already cleaned) written in the action's transaction."""
    meeting = tx.session.get(Meeting, meeting_id)
    if meeting is None:
        raise HoinghiError("meeting.not_found", id=meeting_id)
    current = _details(tx.session, meeting)
    if expected is not None and current != expected:
        raise Conflict("meeting.changed")
    new = reconcile(current, new)
    if current == new:
        return False  # nothing changed: no event is written
    for name in (*TEXT_FIELDS, *UNIT_FIELDS, *PAPER_FIELDS, *NUMBER_FIELDS, "notice_date"):
        if getattr(meeting, name) != getattr(new, name):
            setattr(meeting, name, getattr(new, name))
    for name in LIST_FIELDS:
        value = "\n".join(getattr(new, name))
        if getattr(meeting, name) != value:
            setattr(meeting, name, value)
    if (new.planned_date, new.planned_start) != (meeting.planned_date, meeting.planned_start):
        check_year(new.planned_date)
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


def _store_groups(tx: Tx, meeting_id: int, groups: tuple[Attendance, ...]) -> None:
    rows = {
        g.id: g for g in tx.session.exec(select(AttendanceGroup).where(AttendanceGroup.meeting_id == meeting_id)).all()
    }
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
        kept.add(stored_id(row))
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
