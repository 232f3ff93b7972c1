"""The base of every table model (bảng): a SQLModel whose pydantic validator is built
the first time one is needed, not when the class is defined.

Rows are made and read through SQLAlchemy, which never validates them, so the
validators and serializers pydantic would otherwise build for each of the tables at
import — a fifth of the time the tables take to load, on every start — are mostly
never built at all.

The table modules declare their fields without ``from __future__ import annotations``:
a field's type is then an object when the class is made, where a string would be parsed
and evaluated again, by pydantic and by SQLAlchemy, for each of about 200 fields at
every start.
"""

from __future__ import annotations

from pydantic import ConfigDict
from sqlmodel import SQLModel


class Row(SQLModel):
    model_config = ConfigDict(defer_build=True)  # type: ignore[assignment]
