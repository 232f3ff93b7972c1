"""Follow-up after the meeting (theo dõi sau hội nghị): every conclusion that still waits for
a reply — accepted to be studied, assigned to an agency, forwarded to the higher level —
with who acts, the due date, working days left or overdue, and its status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select as sa_select
from sqlmodel import col

from models.store import Store
from models.tables import Meeting, key_column
from session.domain.calendar import office_calendar
from session.domain.ledger import TRACKED_OUTCOMES, ledger
from session.domain.workdays import WorkCalendar


@dataclass(frozen=True)
class FollowupItem:
    issue_id: int
    meeting_id: int
    meeting_title: str
    content: str
    names: str  # the citizens who raised it (người kiến nghị)
    localities: str  # raisers' residential units
    outcome: str  # study | assigned | forwarded
    lead_agency: str  # who acts: the lead agency, or the higher level it was forwarded to
    partners: str
    deadline: date | None
    working_days_left: int | None  # negative: overdue by that many working days
    status: str
    reply_number: str
    reply_date: date | None
    extension_reason: str

    @property
    def overdue(self) -> bool:
        return self.status not in ("replied",) and self.working_days_left is not None and self.working_days_left < 0


def reply_due(
    calendar: WorkCalendar, meeting_day: date, notice_days: int, reply_days: int, *, notice_date: date | None = None
) -> date:
    """When a reply is due if the chair set no date: *reply_days* working days from the
    notice's date, or while it has none from the day the notice is due (the meeting's day
    + *notice_days* calendar days, Luật 72/2025/QH15, Điều 43; a day off moves it to the
    next working day). The same count as the meeting's duties (``session.domain.duties``),
    for a meeting known only from its archive."""
    start = notice_date or calendar.add_calendar_days(meeting_day, notice_days)
    return calendar.add_working_days(start, reply_days)


def followup_items(store: Store, today: date, meeting_id: int | None = None) -> list[FollowupItem]:
    from session.domain.duties import replies_due

    calendar = office_calendar(store)
    with store.read() as s:
        query = sa_select(key_column(Meeting.id), col(Meeting.title)).order_by(col(Meeting.id))
        if meeting_id is not None:
            query = query.where(col(Meeting.id) == meeting_id)
        meetings = s.execute(query).all()
    due = replies_due(store, None if meeting_id is None else [meeting_id])
    items = []
    for mid, title in meetings:
        default_due = due[mid].plain if mid in due else None
        for issue in ledger(store, mid):
            c = issue.conclusion
            if c is None or c.outcome not in TRACKED_OUTCOMES:
                continue
            deadline = c.deadline or default_due
            left = calendar.working_days_between(today, deadline) if deadline else None
            items.append(
                FollowupItem(
                    issue_id=issue.id,
                    meeting_id=mid,
                    meeting_title=title,
                    content=issue.content,
                    names=", ".join(dict.fromkeys(r.name for r in issue.raisers if r.name)),
                    localities=", ".join(dict.fromkeys(r.locality for r in issue.raisers if r.locality)),
                    outcome=c.outcome,
                    lead_agency=c.forwarded_to if c.outcome == "forwarded" else c.lead_agency,
                    partners=c.partners,
                    deadline=deadline,
                    working_days_left=left,
                    status=c.followup_status,
                    reply_number=c.reply_number,
                    reply_date=c.reply_date,
                    extension_reason=c.extension_reason,
                )
            )
    items.sort(key=lambda i: (i.deadline or date.max, i.issue_id))
    return items
