"""The demo meeting (hội nghị mẫu): a realistic dialogue conference, planned or fully held."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlmodel import col, select

from models.attendance import AttendanceGroup, Participant
from models.errors import HoinghiError
from models.ledger import AnswerIssue, Conclusion, Issue, IssueRaiser
from models.store import Store, Tx
from models.tables import AgendaItem, Answer, Meeting, Registration, stored_id
from models.text import fold
from session.domain import demo_data as D
from session.domain.meetings import create_meeting
from session.domain.workdays import WorkCalendar


def find_demo(store: Store, *, finished: bool) -> int | None:
    """The newest demo meeting of that kind already in the store, if any."""
    with store.read() as s:
        query = select(Meeting.id).where(Meeting.title == D.TITLE).order_by(col(Meeting.id).desc())
        query = query.where(Meeting.status == "closed") if finished else query.where(Meeting.status != "closed")
        return s.exec(query).first()


def last_working_day_before(day: date, calendar: WorkCalendar | None = None) -> date:
    calendar = calendar or WorkCalendar()
    day -= timedelta(days=1)
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    return day


def create_demo(store: Store, *, at: datetime, finished: bool = False) -> int:
    """Create the demo meeting of xã Hòa An; *finished* holds it completely (for exports)."""
    calendar = WorkCalendar()
    day = last_working_day_before(at.date(), calendar) if finished else at.date()
    meeting_id = create_meeting(
        store,
        at=at,
        template="doi-thoai",
        title=D.TITLE,
        venue=D.VENUE,
        place=D.COMMUNE,
        day=day,
        start=time(7, 30),
        issuing_body=D.ISSUING_BODY,
        residential=D.RESIDENTIAL,
    )
    with store.action("demo.fill", at=at, meeting_id=meeting_id, actor="system") as tx:
        meeting = tx.session.get(Meeting, meeting_id)
        if meeting is None:
            raise HoinghiError("meeting.not_found", id=meeting_id)
        meeting.chair, meeting.chair_title = D.CHAIR
        meeting.co_chair, meeting.co_chair_title = D.CO_CHAIR
        meeting.secretary, meeting.secretary_title = D.SECRETARY
        for position, (name, title, org, group, role) in enumerate(D.PARTICIPANTS, start=1):
            tx.add(
                Participant(
                    meeting_id=meeting_id,
                    name=name,
                    name_key=fold(name),
                    title=title,
                    organisation=org,
                    group=group,
                    role=role,
                    present=finished,  # the planned demo waits for its people at the door
                    position=position,
                )
            )
        for attendance in tx.session.exec(select(AttendanceGroup).where(AttendanceGroup.meeting_id == meeting_id)):
            attendance.expected, attendance.present = D.ATTENDANCE.get(attendance.name, (0, 0))
            if not finished:
                attendance.present = 0
        registered = datetime.combine(day, time(7, 0)) - timedelta(days=3)
        registrations: list[Registration] = []
        for position, (name, village, field, summary, phone, *_rest) in enumerate(D.SPEAKERS, start=1):
            reg = tx.add(
                Registration(
                    meeting_id=meeting_id,
                    speaker_name=name,
                    name_key=fold(name),
                    locality=village,
                    locality_key=fold(village),
                    role="citizen",
                    field=field,
                    summary=summary,
                    summary_key=fold(summary),
                    source="precompiled",
                    phone=phone,
                    registered_at=registered + timedelta(minutes=position),
                    number=position,
                    queue_position=position,
                )
            )
            registrations.append(reg)
        tx.flush()
        # Pre-compiled petitions are issues from the start, linked to their authors.
        issues: list[Issue] = []
        for position, reg in enumerate(registrations, start=1):
            issue = tx.add(
                Issue(
                    meeting_id=meeting_id,
                    position=position,
                    content=reg.summary,
                    content_key=reg.summary_key,
                    field=reg.field,
                    created_at=reg.registered_at,
                    in_scope=position != 16,  # mobile coverage: outside the meeting's content
                )
            )
            issues.append(issue)
        tx.flush()
        for reg, issue in zip(registrations, issues, strict=True):
            tx.add(IssueRaiser(issue_id=stored_id(issue), registration_id=stored_id(reg)))
        if finished:
            _hold(tx, meeting, day, registrations, issues, calendar)
    return meeting_id


def _hold(
    tx: Tx, meeting: Meeting, day: date, registrations: list[Registration], issues: list[Issue], calendar: WorkCalendar
) -> None:
    """Fill in a whole held meeting: every step timed, speeches answered, issues concluded."""
    clock = datetime.combine(day, time(7, 32))
    meeting.actual_start = clock
    meeting.status = "closed"
    meeting.minutes_number = ""
    notice_due = calendar.add_calendar_days(day, meeting.notice_days)  # Luật 72/2025/QH15, Điều 43
    items = tx.session.exec(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting.id).order_by(col(AgendaItem.position))
    ).all()
    for item in items:
        item.started_at = clock
        item.notes = D.STEP_NOTES.get(item.position, "")
        if item.kind == "dialogue":
            clock = _hold_dialogue(tx, clock, meeting, registrations, issues, notice_due, calendar)
        else:
            clock += timedelta(minutes=D.STEP_MINUTES.get(item.position, item.planned_minutes))
        item.ended_at = clock
    meeting.actual_end = clock
    meeting.current_item_id = None


def _hold_dialogue(
    tx: Tx,
    clock: datetime,
    meeting: Meeting,
    registrations: list[Registration],
    issues: list[Issue],
    notice_due: date,
    calendar: WorkCalendar,
) -> datetime:
    statuses = {len(D.SPEAKERS) - 2: "withdrawn", len(D.SPEAKERS) - 1: "absent", len(D.SPEAKERS): "absent"}
    for position, (reg, issue, row) in enumerate(zip(registrations, issues, D.SPEAKERS, strict=True), start=1):
        _name, _village, field, _summary, _phone, outcome, answer_text, conclusion_text = row
        if position in statuses:
            reg.status = statuses[position]
            reg.absent_count = 1 if reg.status == "absent" else 0
            continue
        reg.status = "done"
        reg.started_at = clock
        speech = 150 + (position * 37) % 110  # between 2:30 and 4:20
        clock += timedelta(seconds=speech)
        reg.ended_at = clock
        by_chair = field not in D.ANSWERER_BY_FIELD
        answerer = (meeting.chair, meeting.chair_title, "UBND xã") if by_chair else D.ANSWERER_BY_FIELD[field]
        answer_seconds = 120 + (position * 53) % 100
        answer = tx.add(
            Answer(
                meeting_id=stored_id(meeting),
                answerer_name=answerer[0],
                answerer_title=answerer[1],
                answerer_agency=answerer[2],
                by_chair=by_chair,
                started_at=clock,
                ended_at=clock + timedelta(seconds=answer_seconds),
                summary=answer_text,
            )
        )
        tx.flush()
        tx.add(AnswerIssue(answer_id=answer.id, issue_id=stored_id(issue)))
        clock += timedelta(seconds=answer_seconds + 20)
        conclusion = Conclusion(issue_id=stored_id(issue), outcome=outcome, text=conclusion_text)
        if outcome == "assigned":
            lead, partners = D.LEAD_BY_FIELD[field]
            conclusion.lead_agency, conclusion.partners = lead, partners
            conclusion.task = conclusion_text
            days = meeting.verify_days if field == "đất đai" else meeting.reply_days
            conclusion.deadline = calendar.add_working_days(notice_due, days)
            conclusion.reply_method = "Trả lời bằng văn bản cho công dân, gửi UBND xã để theo dõi"
        elif outcome == "forwarded":
            conclusion.forwarded_to = D.FORWARDED_TO.get(field, "UBND tỉnh")
        elif outcome == "study":
            conclusion.lead_agency = D.LEAD_BY_FIELD[field][0]
        tx.add(conclusion)
    return clock
