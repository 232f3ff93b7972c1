"""Who attends a meeting: the count by group (thành phần) and the named participants
(đại biểu) invited and ticked at the door.

Loaded by the code that reads or writes attendance, not before the first screen (see
``models.tables.every_table``).
"""

from datetime import datetime

from sqlmodel import Field

from models.row import Row
from models.tables import moment_field


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
    arrived_at: datetime | None = moment_field()  # ticked at the door
