"""The tables around the meeting day: the year's plan (kế hoạch), the dated duties done
before and after a meeting, and the answers departments prepare for compiled petitions.

A meeting points at its plan (``Meeting.plan_id``); the duties themselves are computed
from the meeting's date and the plan's figures, so only their completion is stored.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, DateTime, Index, Text, UniqueConstraint
from sqlmodel import Field

from models.row import Row


class Plan(Row, table=True):
    """A plan (kế hoạch) of the commune-level People's Committee: one or several
    meetings in a year, e.g. one per cluster of residential units."""

    id: int | None = Field(default=None, primary_key=True)
    number: str = ""  # số ký hiệu, e.g. "45/KH-UBND"
    issued_on: date | None = None  # ngày ban hành
    year: int
    unit: str = ""  # đơn vị, e.g. "phường Ba Đồn"
    title: str = Field(sa_column=Column(Text, nullable=False))
    title_key: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    rule_set: str = "mac-dinh"  # the duty rules file the figures came from
    #: JSON {duty key: days}: the plan's own figures (the rule set's defaults otherwise).
    duty_days: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    created_at: datetime | None = Field(default=None, sa_type=DateTime)


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
