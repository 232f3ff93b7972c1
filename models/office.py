"""The office's own records: the documents exported from each meeting, and the days its
calendar differs from the official one (ngày nghỉ thêm, ngày làm bù).

Loaded by the code that uses them, not before the first screen (see
``models.tables.every_table``).
"""

from datetime import date, datetime

from sqlmodel import Field

from models.row import Row
from models.tables import moment_field


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
    exported_at: datetime | None = moment_field()


class OfficeDay(Row, table=True):
    """An office exception to the calendar: an extra day off or a working Saturday."""

    __tablename__ = "office_day"
    day: date = Field(primary_key=True)
    kind: str = "off"  # off | work
    note: str = ""
