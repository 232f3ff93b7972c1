"""The tables of a meeting (hội nghị). Plain facts only; behaviour lives in session.domain.

Times are naive local wall-clock datetimes (Vietnam has no daylight saving). A running
clock is stored as a start time plus paused seconds, never as a counter.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, Protocol, cast

from sqlalchemy import Column, DateTime, Index, MetaData, Table, Text
from sqlalchemy.orm import Mapped
from sqlmodel import Field, SQLModel, col

from models.row import Row


def table_of(model: type[SQLModel]) -> Table:
    """The SQLAlchemy table of a table model (SQLModel sets ``__table__`` on every
    ``table=True`` class but does not declare it)."""
    table: Table = model.__table__  # type: ignore[attr-defined]  # set by SQLModel, undeclared
    return table


class _Keyed(Protocol):
    @property
    def id(self) -> int | None: ...


def stored_id(row: _Keyed) -> int:
    """The key of a row already written (added and flushed, or read back): the database
    gave it one. A row never flushed has none, and using it as stored is a bug."""
    if row.id is None:
        raise RuntimeError(f"{type(row).__name__} has no key: it was never written")
    return row.id


def key_column(attribute: int | None) -> Mapped[int]:
    """A table's key as a column of a query (``key_column(Issue.id)``): never NULL in a
    stored row, though the model declares it ``int | None`` for a row not yet written."""
    return cast("Mapped[int]", col(attribute))


def _moment() -> Any:
    """A naive local datetime column (plain SQLAlchemy DateTime, no tz coercion).

    Typed as ``Field`` itself is: the default a model attribute is declared with."""
    return Field(default=None, sa_type=DateTime)


class Meta(Row, table=True):
    """Key/value facts about the store itself (schema version)."""

    __tablename__ = "hoinghi_meta"
    key: str = Field(primary_key=True)
    value: str = ""


class Setting(Row, table=True):
    """Office settings (cài đặt văn phòng) that every export uses; value is JSON."""

    key: str = Field(primary_key=True)
    value: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class Meeting(Row, table=True):
    """A conference (hội nghị) — usually a dialogue (đối thoại) with citizens."""

    id: int | None = Field(default=None, primary_key=True)
    title: str
    kind: str = "dialogue"  # dialogue | generic
    template: str = ""
    issuing_body: str = ""  # cơ quan ban hành, e.g. ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN
    parent_body: str = ""  # cơ quan chủ quản (optional)
    place_name: str = ""  # địa danh for "Ba Đồn, ngày …"
    # The commune-level unit (đơn vị hành chính); the issuing body always names it.
    unit_kind: str = ""  # as the official list spells it, lower case
    unit_name: str = ""  # "Ba Đồn"
    unit_code: str = ""  # official code, blank for a unit typed by hand
    province: str = ""  # "tỉnh Quảng Trị"
    residential: str = ""  # residential units' word(s), e.g. "tổ dân phố, khu phố" (blank: the kind's default)
    cluster: str = ""  # the residential units the meeting is for, e.g. "Chí Linh 1, Chí Linh 2" (blank: all)
    venue: str = ""  # địa điểm
    planned_date: date | None = None
    planned_start: time | None = None
    planned_end: time | None = None
    actual_start: datetime | None = _moment()
    actual_end: datetime | None = _moment()
    recess_since: datetime | None = _moment()  # tạm nghỉ
    recess_seconds: float = 0.0
    status: str = "planned"  # planned | running | recess | closed
    current_item_id: int | None = None
    chair: str = ""  # chủ trì
    chair_title: str = ""
    co_chair: str = ""
    co_chair_title: str = ""
    secretary: str = ""  # thư ký
    secretary_title: str = ""
    minutes_number: str = ""  # số biên bản
    notice_number: str = ""  # số thông báo kết luận
    invitation_number: str = ""  # số giấy mời
    plan_id: int | None = Field(default=None, foreign_key="plan.id", ondelete="SET NULL", index=True)  # kế hoạch
    speech_limit_seconds: int = 180
    notice_days: int = 10
    reply_days: int = 20
    verify_days: int = 30
    close_reason: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    created_at: datetime | None = _moment()
    # What the documents print belongs to the meeting (copied from the office settings when
    # it is created), so a document exported years later is the same document.
    notice_date: date | None = None  # ngày ban hành thông báo kết luận
    minutes_suffix: str = "BB-UBND"
    notice_suffix: str = "TB-UBND"
    notice_authority: str = "TM."  # TM. | KT. | TL. | Q. | ""
    notice_authority_body: str = "ỦY BAN NHÂN DÂN"
    notice_signer_title: str = "CHỦ TỊCH"
    notice_signer_name: str = ""  # blank: the chair
    chair_label: str = "CHỦ TỌA"
    secretary_label: str = "THƯ KÝ"
    notice_recipients: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))  # one a line
    minutes_recipients: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))  # one a line
    records_office: str = "VT"
    margin_top_mm: float = 20.0
    margin_bottom_mm: float = 20.0
    margin_left_mm: float = 30.0
    margin_right_mm: float = 15.0
    body_pt: float = 14.0


class AttendanceGroup(Row, table=True):
    """Attendance count by group (thành phần): expected and present."""

    __tablename__ = "attendance_group"
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    position: int = 0
    name: str
    expected: int = 0
    present: int = 0


class Participant(Row, table=True):
    """A named participant (đại biểu): delegate, official, chair…"""

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    name: str
    name_key: str = ""
    title: str = ""  # chức vụ
    organisation: str = ""  # cơ quan, đơn vị
    group: str = ""  # the attendance group (đại biểu, nhân dân …)
    role: str = "delegate"  # chair | co_chair | presenter | answerer | delegate (older: official, secretary, front)
    present: bool = True
    position: int = 0  # order on the invitation list
    arrived_at: datetime | None = _moment()  # ticked at the door


class AgendaItem(Row, table=True):
    """A step of the order of business (chương trình hội nghị)."""

    __tablename__ = "agenda_item"
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    position: int
    title: str
    kind: str = "other"  # opening | report | dialogue | conclusion | closing | other
    presenter: str = ""
    planned_minutes: int = 0
    started_at: datetime | None = _moment()
    ended_at: datetime | None = _moment()
    paused_seconds: float = 0.0
    skipped: bool = False
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class Registration(Row, table=True):
    """A speaking request (đăng ký phát biểu) and, once called, the speech itself."""

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE")
    speaker_name: str
    name_key: str = ""
    locality: str = ""  # residential unit or address
    locality_key: str = ""
    role: str = "citizen"  # citizen | delegate | official
    organisation: str = ""
    field: str = ""  # lĩnh vực
    summary: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    summary_key: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    source: str = "hall"  # precompiled | hall | slip
    phone: str = ""
    registered_at: datetime | None = _moment()
    number: int = 0  # số thứ tự given at registration: shown to the person, never changed
    queue_position: int = 0  # order in the queue (moves, absences); not shown
    status: str = "waiting"  # waiting | speaking | done | withdrawn | absent
    started_at: datetime | None = _moment()
    ended_at: datetime | None = _moment()
    paused_at: datetime | None = _moment()
    paused_seconds: float = 0.0
    limit_seconds: int | None = None
    absent_count: int = 0

    __table_args__ = (
        Index("ix_registration_queue", "meeting_id", "queue_position"),
        Index("ix_registration_person", "meeting_id", "name_key", "locality_key"),
        Index("ix_registration_status", "meeting_id", "status"),
    )


class FieldLimit(Row, table=True):
    """Speaking time limit for one field (lĩnh vực) of a meeting, in seconds."""

    __tablename__ = "field_limit"
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    field: str
    seconds: int


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
    created_at: datetime | None = _moment()


class IssueRaiser(Row, table=True):
    """Who raised an issue: links an issue to a registration (người kiến nghị)."""

    __tablename__ = "issue_raiser"
    id: int | None = Field(default=None, primary_key=True)
    issue_id: int = Field(foreign_key="issue.id", ondelete="CASCADE", index=True)
    registration_id: int = Field(foreign_key="registration.id", ondelete="CASCADE", index=True)


class Answer(Row, table=True):
    """An answer (trả lời) by the chair or an official the chair assigned. One answer may
    cover several issues (the chair answers all questions on land together)."""

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    answerer_name: str = ""
    answerer_title: str = ""
    answerer_agency: str = ""
    by_chair: bool = False
    started_at: datetime | None = _moment()
    ended_at: datetime | None = _moment()
    summary: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


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


class ExportRecord(Row, table=True):
    """A document exported from a meeting (văn bản đã xuất): what, which number and date,
    which file, and its SHA-256 — the meeting's history of what left the office."""

    __tablename__ = "export_record"
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    kind: str  # minutes | conclusion | followup | json | pdf
    number: str = ""  # "12/TB-UBND"
    doc_date: date | None = None  # the document's date (the notice's date)
    file_name: str = ""
    folder: str = ""
    sha256: str = ""
    size: int = 0
    exported_at: datetime | None = _moment()


class OfficeDay(Row, table=True):
    """An office exception to the calendar: an extra day off or a working Saturday."""

    __tablename__ = "office_day"
    day: date = Field(primary_key=True)
    kind: str = "off"  # off | work
    note: str = ""


class Event(Row, table=True):
    """The event log (nhật ký): one row per user action, written in its transaction.

    ``payload`` is JSON: the action's own facts plus ``changes``, the before/after of
    every row the action touched — the minutes' timeline, the undo stack, the audit.
    """

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int | None = Field(default=None, index=True)
    at: datetime = Field(sa_type=DateTime)
    actor: str = "console"  # the kind of desk: console | desk | office | import | system
    desk: str = ""  # which desk acted: kind@machine (undo and redo are per desk)
    action: str
    payload: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    undo_of: int | None = None  # this event undid that one
    redo_of: int | None = None  # this event redid (undid) that undo
    undone_by: int | None = None

    __table_args__ = (Index("ix_event_desk", "meeting_id", "desk"),)


def every_table() -> MetaData:
    """The metadata with every table of the store registered. The survey's tables live in
    a module of their own, loaded when first needed rather than at every start; what works
    on all tables at once (creating a database, undo's look for rows left behind) asks for
    them here."""
    from models import survey  # noqa: F401

    return SQLModel.metadata


# The planning tables (kế hoạch, duties, prepared answers) live in their own module;
# importing it here registers them on the same metadata. Unlike the survey's, they load
# with these: a meeting points at its plan, and writing a meeting resolves that key.
from models import planning  # noqa: E402,F401
