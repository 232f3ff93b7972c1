"""Follow-up after the meeting (theo dõi sau hội nghị): every assignment with its agency,
due date, working days left or overdue, and its status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import select

from models.store import Store
from models.tables import Meeting
from session.domain.calendar import office_calendar
from session.domain.ledger import ledger


@dataclass(frozen=True)
class FollowupItem:
    issue_id: int
    meeting_id: int
    meeting_title: str
    content: str
    localities: str  # raisers' residential units
    lead_agency: str
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


def followup_items(store: Store, today: date, meeting_id: int | None = None) -> list[FollowupItem]:
    calendar = office_calendar(store)
    with store.read() as s:
        query = select(Meeting.id, Meeting.title).order_by(Meeting.id)
        if meeting_id is not None:
            query = query.where(Meeting.id == meeting_id)
        meetings = s.exec(query).all()
    items = []
    for mid, title in meetings:
        for issue in ledger(store, mid):
            c = issue.conclusion
            if c is None or c.outcome != "assigned":
                continue
            localities = ", ".join(dict.fromkeys(r.locality for r in issue.raisers if r.locality))
            left = calendar.working_days_between(today, c.deadline) if c.deadline else None
            items.append(
                FollowupItem(
                    issue_id=issue.id,
                    meeting_id=mid,
                    meeting_title=title,
                    content=issue.content,
                    localities=localities,
                    lead_agency=c.lead_agency,
                    partners=c.partners,
                    deadline=c.deadline,
                    working_days_left=left,
                    status=c.followup_status,
                    reply_number=c.reply_number,
                    reply_date=c.reply_date,
                    extension_reason=c.extension_reason,
                )
            )
    items.sort(key=lambda i: (i.deadline or date.max, i.issue_id))
    return items
