"""A database as the first release (schema 1) wrote it, holding today's demo data — to
check that opening it upgrades it in place through every step since.

SQLite: the first release's own schema (``fixtures/schema_v1.sql``), filled with the rows
of a database made today, column by column where the old tables had them. PostgreSQL:
today's database with everything added since taken away again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, text

V1_SCHEMA = Path(__file__).parent / "fixtures" / "schema_v1.sql"

#: What was added after schema 1, table by table (PostgreSQL drops them again).
_ADDED_TABLES = (
    "survey_total",
    "survey_ballot",
    "survey_question",
    "survey",
    "export_record",
    "issue_preparation",
    "duty_record",
)
_ADDED_COLUMNS = {
    "event": ("desk", "redo_of"),
    "registration": ("number",),
    "participant": ("position", "arrived_at"),
}


def downgrade(url: str) -> None:
    """Turn the database at *url* (made by today's hoinghi) into a schema-1 one."""
    if url.startswith("sqlite"):
        _sqlite(Path(url.removeprefix("sqlite:///")))
    else:
        _server(url)


def _sqlite(path: Path) -> None:
    today = path.with_suffix(".today")
    path.rename(today)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    con = sqlite3.connect(path)
    con.executescript(V1_SCHEMA.read_text(encoding="utf-8"))
    con.execute("ATTACH DATABASE ? AS today", (str(today),))
    tables = [r[0] for r in con.execute("SELECT name FROM main.sqlite_master WHERE type='table'")]
    for table in tables:
        old = [r[1] for r in con.execute(f'PRAGMA main.table_info("{table}")')]
        new = {r[1] for r in con.execute(f'PRAGMA today.table_info("{table}")')}
        columns = ", ".join(f'"{c}"' for c in old if c in new)
        con.execute(f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM today."{table}"')
    con.execute("UPDATE hoinghi_meta SET value = '1' WHERE key = 'schema_version'")
    con.commit()
    con.execute("DETACH DATABASE today")
    con.close()
    today.unlink()


def _server(url: str) -> None:
    from models.store import _V2_MEETING_COLUMNS

    engine = create_engine(url)
    with engine.begin() as conn:
        for table in _ADDED_TABLES:
            conn.execute(text(f"DROP TABLE IF EXISTS {table} CASCADE"))
        conn.execute(text("DROP INDEX IF EXISTS ix_event_desk"))
        for table, columns in _ADDED_COLUMNS.items():
            for column in columns:
                conn.execute(text(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {column}"))
        for column in ("invitation_number", "plan_id", *(name for name, _sql in _V2_MEETING_COLUMNS)):
            conn.execute(text(f"ALTER TABLE meeting DROP COLUMN IF EXISTS {column}"))
        conn.execute(text("DROP TABLE IF EXISTS plan CASCADE"))
        conn.execute(text("UPDATE hoinghi_meta SET value = '1' WHERE key = 'schema_version'"))
    engine.dispose()
