"""The planning tables around the meeting day: the dated duties done before and after a
meeting, and the answers departments prepare for compiled petitions. The year's plan
(kế hoạch) itself is with the meeting's tables (``models.tables.Plan``): a meeting points
at it, and writing a meeting resolves that key.

The duties themselves are computed from the meeting's date and the plan's figures, so
only their completion is stored. Loaded by the code that uses them, not before the first
screen (see ``models.tables.every_table``).
"""

from datetime import date, datetime

from sqlalchemy import Column, DateTime, Index, Text, UniqueConstraint
from sqlmodel import Field

from models import ledger  # noqa: F401  (a preparation points at a petition: its table must be known)
from models.row import Row


class DutyRecord(Row, table=True):
    """A duty of a meeting marked done (đã thực hiện), with the day and a note."""

    __tablename__ = "duty_record"
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    duty: str  # the rule's key: invitations, announcement, notice…
    done_on: date
    note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))

    __table_args__ = (UniqueConstraint("meeting_id", "duty", name="uq_duty_record_meeting_duty"),)


class IssuePreparation(Row, table=True):
    """Who prepares the answer to a petition compiled before the meeting (đơn vị chuẩn bị
    nội dung trả lời) and the answer they prepared, for the chair's briefing."""

    __tablename__ = "issue_preparation"
    id: int | None = Field(default=None, primary_key=True)
    issue_id: int = Field(foreign_key="issue.id", ondelete="CASCADE", unique=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE")
    preparer: str = ""  # a department or an official
    answer: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    updated_at: datetime | None = Field(default=None, sa_type=DateTime)

    __table_args__ = (Index("ix_issue_preparation_meeting", "meeting_id"),)
