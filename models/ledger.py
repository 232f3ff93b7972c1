"""The ledger of petitions (sổ theo dõi kiến nghị): each petition or question raised at
or before a meeting, who raised it, which answers covered it and the chair's conclusion.

Loaded by the code that files or reads petitions, not before the first screen (see
``models.tables.every_table``).
"""

from datetime import date, datetime

from sqlalchemy import Column, Text
from sqlmodel import Field

from models.row import Row
from models.tables import moment_field


class Issue(Row, table=True):
    """A petition or question (kiến nghị) raised at or before the meeting."""

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    position: int = 0
    content: str = Field(sa_column=Column(Text, nullable=False))
    content_key: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    field: str = ""
    in_scope: bool = True  # False: ngoài nội dung hội nghị
    merged_into_id: int | None = Field(default=None, foreign_key="issue.id")
    created_at: datetime | None = moment_field()


class IssueRaiser(Row, table=True):
    """Who raised an issue: links an issue to a registration (người kiến nghị)."""

    __tablename__ = "issue_raiser"
    id: int | None = Field(default=None, primary_key=True)
    issue_id: int = Field(foreign_key="issue.id", ondelete="CASCADE", index=True)
    registration_id: int = Field(foreign_key="registration.id", ondelete="CASCADE", index=True)


class AnswerIssue(Row, table=True):
    """Which issues an answer covers."""

    __tablename__ = "answer_issue"
    id: int | None = Field(default=None, primary_key=True)
    answer_id: int = Field(foreign_key="answer.id", ondelete="CASCADE", index=True)
    issue_id: int = Field(foreign_key="issue.id", ondelete="CASCADE", index=True)


class Conclusion(Row, table=True):
    """The chair's conclusion (kết luận) on an issue, with any assignment (giao nhiệm vụ)."""

    id: int | None = Field(default=None, primary_key=True)
    issue_id: int = Field(foreign_key="issue.id", ondelete="CASCADE", unique=True)
    outcome: str = "answered"  # answered | study | assigned | forwarded
    text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    lead_agency: str = ""
    partners: str = ""
    task: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    deadline: date | None = None
    reply_method: str = ""
    forwarded_to: str = ""
    followup_status: str = "not_started"  # not_started | in_progress | replied | extended
    reply_number: str = ""
    reply_date: date | None = None
    extension_reason: str = ""
