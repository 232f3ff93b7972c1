"""The tables of the meeting day (hội nghị), the ones its first screen reads: the meeting
and its plan, the agenda, the speakers, the answers, the event log. Plain facts only;
behaviour lives in session.domain. The other tables live in modules of their own, loaded
when first needed (see :func:`every_table`).

Times are naive local wall-clock datetimes (Vietnam has no daylight saving). A running
clock is stored as a start time plus paused seconds, never as a counter.
"""

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


def moment_field() -> Any:
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
    actual_start: datetime | None = moment_field()
    actual_end: datetime | None = moment_field()
    recess_since: datetime | None = moment_field()  # tạm nghỉ
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
    created_at: datetime | None = moment_field()
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


class Plan(Row, table=True):
    """A plan (kế hoạch) of the commune-level People's Committee: one or several
    meetings in a year, e.g. one per cluster of residential units. It is with the meeting
    day's tables because a meeting points at it: writing a meeting resolves that key."""

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
    started_at: datetime | None = moment_field()
    ended_at: datetime | None = moment_field()
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
    registered_at: datetime | None = moment_field()
    number: int = 0  # số thứ tự given at registration: shown to the person, never changed
    queue_position: int = 0  # order in the queue (moves, absences); not shown
    status: str = "waiting"  # waiting | speaking | done | withdrawn | absent
    started_at: datetime | None = moment_field()
    ended_at: datetime | None = moment_field()
    paused_at: datetime | None = moment_field()
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


class Answer(Row, table=True):
    """An answer (trả lời) by the chair or an official the chair assigned. One answer may
    cover several issues (the chair answers all questions on land together)."""

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    answerer_name: str = ""
    answerer_title: str = ""
    answerer_agency: str = ""
    by_chair: bool = False
    started_at: datetime | None = moment_field()
    ended_at: datetime | None = moment_field()
    summary: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


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
    """The metadata with every table of the store registered.

    The tables the meeting day needs from its first screen live here. The others live in
    modules of their own (the ledger of petitions, attendance, the office's records,
    planning's duties and preparations, the survey), each loaded by the code that uses it
    rather than at every start; what works on all tables at once (creating a database,
    undo's look for rows left behind and for the table of a logged change) asks for them
    here."""
    from models import attendance, ledger, office, planning, survey  # noqa: F401

    return SQLModel.metadata
