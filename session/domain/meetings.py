"""Meetings (hội nghị): create from a template, list, load as plain data."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import func
from sqlmodel import select

from models.errors import HoinghiError
from models.planning import Plan
from models.store import Store
from models.tables import AgendaItem, AttendanceGroup, Meeting, Registration
from models.text import clean_text
from session.domain.templates import AgendaTemplate, get_template
from session.domain.views import AgendaStep, MeetingSummary, MeetingView


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
    actor: str = "secretary",
    plan_id: int | None = None,
    localities: str = "",
) -> int:
    """Create a meeting with the agenda of *template*, in plan *plan_id* if given; returns its id."""
    tpl = template if isinstance(template, AgendaTemplate) else get_template(template)
    title_text = clean_text(title if title is not None else tpl.title, field="title", required=True)
    start_time = start or tpl.start
    end_dt = datetime.combine(day or at.date(), start_time) + timedelta(minutes=tpl.minutes)
    localities_text = clean_text(localities, field="localities", max_len=300)
    with store.action("meeting.create", at=at, actor=actor) as tx:
        if plan_id is not None and tx.get(Plan, plan_id) is None:
            raise HoinghiError("plan.not_found", id=plan_id)
        meeting = tx.add(
            Meeting(
                title=title_text,
                kind=tpl.kind,
                template=tpl.name,
                venue=clean_text(venue, field="venue"),
                place_name=clean_text(place, field="place"),
                issuing_body=clean_text(issuing_body),
                parent_body=clean_text(parent_body),
                planned_date=day,
                planned_start=start_time,
                planned_end=end_dt.time(),
                plan_id=plan_id,
                localities=localities_text,
                created_at=at,
            )
        )
        tx.flush()
        tx.meeting_id = meeting.id
        for position, step in enumerate(tpl.steps, start=1):
            tx.add(
                AgendaItem(
                    meeting_id=meeting.id,
                    position=position,
                    title=step.title,
                    kind=step.kind,
                    presenter=step.presenter,
                    planned_minutes=step.minutes,
                )
            )
        for position, group in enumerate(tpl.groups, start=1):
            tx.add(AttendanceGroup(meeting_id=meeting.id, position=position, name=group))
    return meeting.id


def list_meetings(store: Store) -> list[MeetingSummary]:
    with store.read() as s:
        counts = dict(s.exec(select(Registration.meeting_id, func.count()).group_by(Registration.meeting_id)).all())
        rows = s.exec(select(Meeting).order_by(Meeting.planned_date.desc(), Meeting.id.desc())).all()
        return [
            MeetingSummary(
                id=m.id,
                title=m.title,
                kind=m.kind,
                status=m.status,
                venue=m.venue,
                planned_date=m.planned_date,
                registrations=counts.get(m.id, 0),
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
        id=item.id,
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
            select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position)
        ).all()
        return MeetingView(
            id=m.id,
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
        )
