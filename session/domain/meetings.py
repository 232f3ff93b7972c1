"""Meetings (hội nghị): create from a template, list, load as plain data."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import func
from sqlmodel import col, select

from models.errors import HoinghiError
from models.store import Store
from models.tables import AgendaItem, Meeting, Plan, Registration, stored_id
from models.text import clean_text
from session.domain.dates import check_year
from session.domain.papers import initial_papers
from session.domain.settings import OfficeSettings, get_settings
from session.domain.templates import AgendaTemplate, get_template
from session.domain.units import (
    Place,
    Unit,
    canonical_province,
    check_unit,
    parse_issuing_body,
    place_of,
    unit_by_code,
)
from session.domain.views import AgendaStep, MeetingSummary, MeetingView

#: What a template's "{kind}" reads as in a meeting that has no unit yet.
GENERIC_KIND = "địa phương"


def create_meeting(
    store: Store,
    *,
    at: datetime,
    template: str | AgendaTemplate = "doi-thoai",
    title: str | None = None,
    venue: str = "",
    place: str = "",
    day: date | None = None,
    start: time | None = None,
    issuing_body: str = "",
    parent_body: str = "",
    unit: Unit | None = None,
    residential: str = "",
    cluster: str = "",
    actor: str = "secretary",
    plan_id: int | None = None,
    localities: str = "",
    require_unit: bool = False,
) -> int:
    """Create a meeting with the agenda of *template*; returns its id.

    *require_unit*: refuse a meeting whose unit nothing names (what a person creates: its
    documents could not be made, and the meeting would sit in the list for good).

    The unit is *unit*, else the one *issuing_body* names, else the one its plan's unit
    names, else the office's; what the documents print is copied from the office settings
    (``session.domain.papers``)."""
    from models.attendance import AttendanceGroup  # loaded when a meeting is made, not at start

    tpl = template if isinstance(template, AgendaTemplate) else get_template(template)
    settings = get_settings(store)
    if (unit is None or not unit.known) and not issuing_body.strip() and plan_id is not None:
        from session.domain.plans import plan_unit

        unit = plan_unit(store, plan_id)  # a plan for "phường Ba Đồn"
    chosen = resolve_unit(unit, issuing_body, settings)
    words = clean_text(residential or settings.residential, field="residential", max_len=100)
    cluster = cluster or localities  # the earlier name of the same thing
    where = place_of(chosen.kind, chosen.name, chosen.province, chosen.code, words, clean_text(cluster, max_len=300))
    auto_title = fill_place(tpl.title, where, (day or at.date()).year)
    title_text = clean_text(title if title is not None else auto_title, field="title", required=True)
    if require_unit and not chosen.known:
        raise HoinghiError("meeting.no_unit")
    papers = initial_papers(settings, where)
    if parent_body:
        papers["parent_body"] = clean_text(parent_body, field="parent_body", max_len=200)
    if place:
        papers["place_name"] = clean_text(place, field="place", max_len=100)
    start_time = start or tpl.start
    check_year(day)
    end_dt = datetime.combine(day or at.date(), start_time) + timedelta(minutes=tpl.minutes)
    with store.action("meeting.create", at=at, actor=actor) as tx:
        if plan_id is not None and tx.session.get(Plan, plan_id) is None:
            raise HoinghiError("plan.not_found", id=plan_id)
        meeting: Meeting = tx.add(
            Meeting(
                title=title_text,
                kind=tpl.kind,
                template=tpl.name,
                venue=clean_text(venue, field="venue"),
                issuing_body=where.issuing_body,
                unit_kind=chosen.kind,
                unit_name=chosen.name,
                unit_code=chosen.code,
                province=chosen.province,
                residential=where.residential_word if chosen.known else words,
                cluster=where.cluster,
                planned_date=day,
                planned_start=start_time,
                planned_end=end_dt.time(),
                plan_id=plan_id,
                created_at=at,
                **papers,
            )
        )
        tx.flush()
        meeting_id = stored_id(meeting)
        tx.meeting_id = meeting_id
        for position, step in enumerate(tpl.steps, start=1):
            tx.add(
                AgendaItem(
                    meeting_id=meeting_id,
                    position=position,
                    title=fill_place(step.title, where),
                    kind=step.kind,
                    presenter=fill_place(step.presenter, where),
                    planned_minutes=step.minutes,
                )
            )
        for position, group in enumerate(tpl.groups, start=1):
            tx.add(AttendanceGroup(meeting_id=meeting_id, position=position, name=fill_place(group, where)))
    return meeting_id


def resolve_unit(unit: Unit | None, issuing_body: str, settings: OfficeSettings) -> Unit:
    """The unit of a new meeting: the one chosen, else the one the issuing body names (it
    must name one), else the office's own, else none."""
    if unit is not None and unit.known:
        kind, name = check_unit(unit.kind, unit.name)
        return Unit(kind, name, canonical_province(unit.province), unit.code)
    body = clean_text(issuing_body, field="issuing_body", max_len=200)
    if body:
        parsed = parse_issuing_body(body)
        if parsed is None:
            raise HoinghiError("unit.unparsed", value=body)
        return parsed
    if settings.unit_code:
        return unit_by_code(settings.unit_code)
    if settings.issuing_body:
        return parse_issuing_body(settings.issuing_body) or Unit()
    return Unit()


def fill_place(text: str, place: Place, year: int | None = None) -> str:
    """A template's "{unit}", "{kind}" and "{residential}" in the meeting's words
    ("Đại biểu {kind}" -> "Đại biểu phường"); "{unit}" is dropped when there is no unit.
    "{people}" is whose meeting it is: its residential units ("các tổ dân phố Minh Hòa,
    Xuân Kiều") or the whole unit ("phường Ba Đồn"); "{year}" the year it is held in."""
    people = place.cluster_in_sentence or (place.full if place.known else "")
    text = text.replace(" {unit}", f" {place.full}" if place.known else "").replace("{unit}", place.full)
    text = text.replace(" {people}", f" {people}" if people else "").replace("{people}", people)
    text = text.replace(" năm {year}", f" năm {year}" if year else "").replace("{year}", str(year or ""))
    return text.replace("{kind}", place.kind or GENERIC_KIND).replace("{residential}", place.residential_word)


def list_meetings(store: Store) -> list[MeetingSummary]:
    with store.read() as s:
        counts = dict(
            s.exec(select(Registration.meeting_id, func.count()).group_by(col(Registration.meeting_id))).all()
        )
        rows = s.exec(select(Meeting).order_by(col(Meeting.planned_date).desc(), col(Meeting.id).desc())).all()
        return [
            MeetingSummary(
                id=stored_id(m),
                title=m.title,
                kind=m.kind,
                status=m.status,
                venue=m.venue,
                planned_date=m.planned_date,
                registrations=counts.get(stored_id(m), 0),
                started=m.actual_start,
            )
            for m in rows
        ]


def latest_meeting_id(store: Store) -> int | None:
    meetings = list_meetings(store)
    if not meetings:
        return None
    running = [m for m in meetings if m.status in ("running", "recess")]
    return (running or meetings)[0].id


def step_view(item: AgendaItem) -> AgendaStep:
    return AgendaStep(
        id=stored_id(item),
        position=item.position,
        title=item.title,
        kind=item.kind,
        presenter=item.presenter,
        planned_minutes=item.planned_minutes,
        started_at=item.started_at,
        ended_at=item.ended_at,
        paused_seconds=item.paused_seconds,
        skipped=item.skipped,
        notes=item.notes,
    )


def meeting_view(store: Store, meeting_id: int) -> MeetingView:
    with store.read() as s:
        m = s.get(Meeting, meeting_id)
        if m is None:
            raise HoinghiError("meeting.not_found", id=meeting_id)
        items = s.exec(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(col(AgendaItem.position))
        ).all()
        return MeetingView(
            id=stored_id(m),
            title=m.title,
            kind=m.kind,
            status=m.status,
            issuing_body=m.issuing_body,
            parent_body=m.parent_body,
            place_name=m.place_name,
            venue=m.venue,
            planned_date=m.planned_date,
            planned_start=m.planned_start,
            planned_end=m.planned_end,
            actual_start=m.actual_start,
            actual_end=m.actual_end,
            recess_since=m.recess_since,
            recess_seconds=m.recess_seconds,
            current_item_id=m.current_item_id,
            chair=m.chair,
            chair_title=m.chair_title,
            co_chair=m.co_chair,
            co_chair_title=m.co_chair_title,
            secretary=m.secretary,
            secretary_title=m.secretary_title,
            minutes_number=m.minutes_number,
            notice_number=m.notice_number,
            speech_limit_seconds=m.speech_limit_seconds,
            agenda=tuple(step_view(i) for i in items),
            unit_kind=m.unit_kind,
            unit_name=m.unit_name,
            unit_code=m.unit_code,
            province=m.province,
            residential=m.residential,
            cluster=m.cluster,
            notice_date=m.notice_date,
        )
