"""The meeting store: one engine factory, safe opening, one transaction per action.

Opening checks the file *before* touching it (read-only connection): a file that is not
a database, a corrupt or locked one, a read-only one, or one written by a newer
hoinghi is refused with a StoreError and left exactly as it was.
"""

from __future__ import annotations

import contextvars
import json
import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event, inspect, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlmodel import Session, SQLModel, create_engine

from models import tables
from models.changes import ChangeLog
from models.errors import NotFound, StoreError, TextError
from models.tables import Event, Meta, table_of

#: Bump with every schema change and add a step to ``_MIGRATIONS``.
SCHEMA_VERSION = 6


def _v1_to_v2(conn: Any) -> None:
    """Undo and redo per desk; registration numbers that never change."""
    conn.execute(text("ALTER TABLE event ADD COLUMN desk VARCHAR NOT NULL DEFAULT ''"))
    conn.execute(text("ALTER TABLE event ADD COLUMN redo_of INTEGER"))
    conn.execute(text("UPDATE event SET desk = actor"))
    conn.execute(text("CREATE INDEX ix_event_desk ON event (meeting_id, desk)"))
    conn.execute(text("ALTER TABLE registration ADD COLUMN number INTEGER NOT NULL DEFAULT 0"))
    conn.execute(text("UPDATE registration SET number = queue_position"))


def _v2_to_v3(conn: Any) -> None:
    """Plans, dated duties, invitation lists and prepared answers (kế hoạch, giấy mời)."""
    from models.planning import DutyRecord, IssuePreparation
    from models.tables import Plan

    SQLModel.metadata.create_all(conn, tables=[table_of(model) for model in (Plan, DutyRecord, IssuePreparation)])
    for statement in (
        "ALTER TABLE meeting ADD COLUMN invitation_number VARCHAR NOT NULL DEFAULT ''",
        "ALTER TABLE meeting ADD COLUMN plan_id INTEGER REFERENCES plan (id) ON DELETE SET NULL",
        "CREATE INDEX ix_meeting_plan_id ON meeting (plan_id)",
        "ALTER TABLE participant ADD COLUMN position INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE participant ADD COLUMN arrived_at TIMESTAMP",
    ):
        conn.execute(text(statement))
    # The list keeps the order the participants were entered in.
    conn.execute(text("UPDATE participant SET position = id"))


def _v4_to_v5(conn: Any) -> None:
    """The satisfaction survey (survey, survey_question, survey_ballot, survey_total)."""
    from models import survey

    SQLModel.metadata.create_all(conn, tables=list(survey.SURVEY_TABLES))


_SQLITE_MAGIC = b"SQLite format 3\x00"
#: The PostgreSQL advisory lock held while the schema is created or upgraded ("hoinghi").
_SCHEMA_LOCK = int.from_bytes(b"hoinghi", "big")
_WRITING = contextvars.ContextVar("hoinghi_writing", default=False)


def machine_name() -> str:
    """This machine's name as the history shows it (HOINGHI_MACHINE overrides it)."""
    import socket

    name = os.environ.get("HOINGHI_MACHINE") or socket.gethostname() or "local"
    return name.strip()[:40] or "local"


# --- schema upgrades ---------------------------------------------------------------------

#: Version 2: a meeting keeps its unit and what its documents print; exports are recorded.
_V2_MEETING_COLUMNS = (
    ("unit_kind", "VARCHAR NOT NULL DEFAULT ''"),
    ("unit_name", "VARCHAR NOT NULL DEFAULT ''"),
    ("unit_code", "VARCHAR NOT NULL DEFAULT ''"),
    ("province", "VARCHAR NOT NULL DEFAULT ''"),
    ("residential", "VARCHAR NOT NULL DEFAULT ''"),
    ("cluster", "VARCHAR NOT NULL DEFAULT ''"),
    ("notice_date", "DATE"),
    ("minutes_suffix", "VARCHAR NOT NULL DEFAULT 'BB-UBND'"),
    ("notice_suffix", "VARCHAR NOT NULL DEFAULT 'TB-UBND'"),
    ("notice_authority", "VARCHAR NOT NULL DEFAULT 'TM.'"),
    ("notice_authority_body", "VARCHAR NOT NULL DEFAULT 'ỦY BAN NHÂN DÂN'"),
    ("notice_signer_title", "VARCHAR NOT NULL DEFAULT 'CHỦ TỊCH'"),
    ("notice_signer_name", "VARCHAR NOT NULL DEFAULT ''"),
    ("chair_label", "VARCHAR NOT NULL DEFAULT 'CHỦ TỌA'"),
    ("secretary_label", "VARCHAR NOT NULL DEFAULT 'THƯ KÝ'"),
    ("notice_recipients", "TEXT NOT NULL DEFAULT ''"),
    ("minutes_recipients", "TEXT NOT NULL DEFAULT ''"),
    ("records_office", "VARCHAR NOT NULL DEFAULT 'VT'"),
    ("margin_top_mm", "FLOAT NOT NULL DEFAULT 20"),
    ("margin_bottom_mm", "FLOAT NOT NULL DEFAULT 20"),
    ("margin_left_mm", "FLOAT NOT NULL DEFAULT 30"),
    ("margin_right_mm", "FLOAT NOT NULL DEFAULT 15"),
    ("body_pt", "FLOAT NOT NULL DEFAULT 14"),
)
#: Nghị định 30/2020 ranges of the page settings version 1 stored unchecked (a bad value is dropped).
_V2_NUMBERS = {
    "margin_top_mm": (20, 25),
    "margin_bottom_mm": (20, 25),
    "margin_left_mm": (30, 35),
    "margin_right_mm": (15, 20),
    "body_pt": (13, 14),
}
_V2_TEXTS = (
    "minutes_suffix",
    "notice_suffix",
    "notice_authority",
    "notice_authority_body",
    "notice_signer_title",
    "notice_signer_name",
    "chair_label",
    "secretary_label",
    "records_office",
)
#: SHA-256 of version 1's built-in recipient list, which named one unit kind for every
#: office: a list equal to it was never chosen, so it is dropped (the unit's own list applies).
_V1_DEFAULT_RECIPIENTS = "2ba9fcf093c33427075d1e58da33c794272365500f143225ae028ec1f51609f7"


def _v1_settings(conn: Any) -> dict[str, Any]:
    """Version 1's office settings, cleaned: numbers parsed and in range, the built-in
    recipient list dropped. Written back, and returned for copying into every meeting."""
    import hashlib

    row = conn.execute(text("SELECT value FROM setting WHERE key='office'")).first()
    if row is None:
        return {}
    try:
        data = json.loads(row[0])
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    for name, (low, high) in _V2_NUMBERS.items():
        if name in data:
            try:
                number = float(str(data[name]).replace(",", "."))
            except ValueError:
                number = None
            if number is None or not low <= number <= high:
                del data[name]
            else:
                data[name] = number
    recipients = data.get("recipients")
    if isinstance(recipients, list):
        digest = hashlib.sha256("\n".join(str(r) for r in recipients).encode()).hexdigest()
        if digest == _V1_DEFAULT_RECIPIENTS:
            del data["recipients"]
    elif "recipients" in data:
        del data["recipients"]
    conn.execute(text("UPDATE setting SET value=:v WHERE key='office'"), {"v": json.dumps(data, ensure_ascii=False)})
    return data


def _v3_to_v4(conn: Any) -> None:
    """A meeting keeps its unit and what its documents print; exports are recorded."""
    from models.office import ExportRecord

    for name, sql_type in _V2_MEETING_COLUMNS:
        conn.execute(text(f"ALTER TABLE meeting ADD COLUMN {name} {sql_type}"))
    table_of(ExportRecord).create(conn)
    office = _v1_settings(conn)
    # Version 1 printed the office settings over the meeting's own: copy them into every
    # meeting, so its documents read as they did.
    values: dict[str, Any] = {}
    for name in ("issuing_body", "place_name", "parent_body"):
        if str(office.get(name, "")).strip():
            values[name] = str(office[name])
    for name in _V2_TEXTS:
        if name in office and isinstance(office[name], str):
            values[name] = office[name]
    for name in _V2_NUMBERS:
        if name in office:
            values[name] = office[name]
    if isinstance(office.get("recipients"), list):
        values["notice_recipients"] = "\n".join(str(r) for r in office["recipients"])
    if values:
        assignments = ", ".join(f"{name} = :{name}" for name in values)
        conn.execute(text(f"UPDATE meeting SET {assignments}"), values)


def _v5_to_v6(conn: Any) -> None:
    """No one holds the floor in a closed meeting. Before version 6, closing left the
    speaker "đang nói" and an answer's clock running; they end now when the meeting ended,
    as closing does since (a pause under way counts as pause up to then)."""
    meeting, reg, answer = (table_of(model) for model in (tables.Meeting, tables.Registration, tables.Answer))
    closed = conn.execute(select(meeting.c.id, meeting.c.actual_end).where(meeting.c.status == "closed")).all()
    for meeting_id, actual_end in closed:
        speaking = conn.execute(
            select(reg.c.id, reg.c.started_at, reg.c.paused_at, reg.c.paused_seconds).where(
                reg.c.meeting_id == meeting_id, reg.c.status == "speaking"
            )
        ).all()
        for reg_id, started_at, paused_at, paused_seconds in speaking:
            end = actual_end or paused_at or started_at
            if paused_at is not None and end is not None and end > paused_at:
                paused_seconds += (end - paused_at).total_seconds()
            conn.execute(
                reg.update()
                .where(reg.c.id == reg_id)
                .values(status="done", ended_at=end, paused_at=None, paused_seconds=paused_seconds)
            )
        conn.execute(
            answer.update()
            .where(answer.c.meeting_id == meeting_id, answer.c.started_at.is_not(None), answer.c.ended_at.is_(None))
            .values(ended_at=actual_end if actual_end is not None else answer.c.started_at)
        )


_MIGRATIONS: dict[int, Any] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
}  # from_version -> callable(connection)


def busy_timeout_ms() -> int:
    """How long a write waits for another writer before giving up (HOINGHI_BUSY_MS).

    Fifteen seconds: another desk's longest write (a 20,000-row import, about 1.5 s on an
    idle 2-core laptop) may take several times that on a busy one, and a desk that waits
    a moment is better than one that refuses what a person typed."""
    try:
        return max(0, int(os.environ.get("HOINGHI_BUSY_MS", "15000")))
    except ValueError:
        return 15000


def default_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("hoinghi", appauthor=False) / "hoinghi.db"


def resolve_url(db: str | None = None) -> str:
    """Turn ``--db`` / ``HOINGHI_DB`` (a path or a URL) into a database URL."""
    value = db or os.environ.get("HOINGHI_DB") or str(default_db_path())
    if "://" in value:
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


#: The database drivers hoinghi works with: SQLite, and PostgreSQL through psycopg 3
#: (``postgresql://`` and ``postgres://`` are read as ``postgresql+psycopg://``).
SUPPORTED_DRIVERS = ("sqlite", "sqlite+pysqlite", "postgresql+psycopg", "postgresql+psycopg2")


def shown_url(url: str) -> str:
    """*url* for a message: without its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.rpartition("@")[2]


def checked_url(url: str) -> str:
    """*url* if hoinghi can use it; otherwise a StoreError naming it, never a traceback."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError("db.unsupported", url=shown_url(url)) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
        url = parsed.render_as_string(hide_password=False)
    if parsed.drivername not in SUPPORTED_DRIVERS:
        raise StoreError("db.unsupported", url=shown_url(url))
    return url


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _classify(exc: BaseException) -> str:
    message = str(getattr(exc, "orig", exc)).lower()
    if "locked" in message or "busy" in message:
        return "db.locked"
    if "could not connect" in message or "connection refused" in message or "connection failed" in message:
        return "db.unreachable"
    if "serialize" in message or "deadlock" in message:
        return "db.conflict"
    if "readonly" in message or "read-only" in message:
        return "db.read_only"
    if "full" in message:
        return "db.disk_full"
    if "not a database" in message:
        return "db.not_database"
    if "malformed" in message or "corrupt" in message:
        return "db.corrupt"
    if "disk i/o" in message:
        return "db.io"
    return "db.error"


def _read_only_uri(path: Path, header: bytes) -> str:
    """How to look at *path* without leaving anything beside it. A WAL database nobody has
    open (no ``-wal`` file) is read as immutable: a read-only connection would create
    ``-wal`` and ``-shm`` files and leave them behind a refused file."""
    uri = path.absolute().as_uri() + "?mode=ro"
    in_wal = len(header) > 19 and header[18] == 2
    if in_wal and not any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm")):
        uri += "&immutable=1"
    return uri


def _preflight_sqlite(path: Path) -> bool:
    """Check an SQLite file without writing to it. Returns True if it is new/empty."""
    if path.is_dir():
        raise StoreError("db.not_database", path=str(path))
    if not path.exists() or path.stat().st_size == 0:
        folder = path.parent
        if folder.exists() and not os.access(folder, os.W_OK):
            raise StoreError("db.read_only", path=str(path))
        return True
    with path.open("rb") as fh:
        header = fh.read(100)
    if header[:16] != _SQLITE_MAGIC:
        raise StoreError("db.not_database", path=str(path))
    mode = path.stat().st_mode
    # Root ignores permissions; a file with no write bit at all was made read-only on purpose.
    if not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or not os.access(path, os.W_OK):
        raise StoreError("db.read_only", path=str(path))
    if not os.access(path.parent, os.W_OK):
        raise StoreError("db.read_only", path=str(path))
    try:
        con = sqlite3.connect(_read_only_uri(path, header), uri=True, timeout=busy_timeout_ms() / 1000)
    except sqlite3.Error as exc:
        raise StoreError(_classify(exc), path=str(path)) from None
    try:
        check = con.execute("PRAGMA quick_check(1)").fetchone()
        if not check or check[0] != "ok":
            raise StoreError("db.corrupt", path=str(path))
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not names:
            return True
        if "hoinghi_meta" not in names:
            raise StoreError("db.not_hoinghi", path=str(path))
        row = con.execute("SELECT value FROM hoinghi_meta WHERE key='schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError("db.newer", path=str(path), version=version, supported=SCHEMA_VERSION)
        return False
    except sqlite3.Error as exc:
        raise StoreError(_classify(exc), path=str(path)) from None
    finally:
        con.close()


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Manage transactions ourselves (pysqlite's legacy mode begins them too late), so
    # writes start with BEGIN IMMEDIATE and never deadlock on a lock upgrade.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
    _set_wal(cur)
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _set_wal(cur: sqlite3.Cursor) -> None:
    """WAL journal mode. Switching a new file to WAL takes a lock the busy timeout does not
    wait for: when several desks open a new database at once, all but one are told
    "database is locked" at once. They try again until the busy timeout has passed."""
    deadline = time.monotonic() + busy_timeout_ms() / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if _WRITING.get() else "BEGIN")


def make_engine(url: str) -> Engine:
    """The one engine factory. SQLite gets WAL, synchronous=FULL, foreign keys, a busy timeout."""
    if sqlite_path(url) is not None or url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": busy_timeout_ms() / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except (ImportError, NoSuchModuleError):
        # PostgreSQL without its driver: installed with the `pg` extra.
        raise StoreError("db.driver_missing", url=shown_url(url)) from None


class Tx:
    """One user action in progress: the session, its moment, who acts, and the facts
    for its event row. Domain operations take a Tx and read the time from ``tx.at``."""

    def __init__(
        self,
        session: Session,
        meeting_id: int | None,
        facts: dict[str, Any],
        *,
        name: str = "",
        at: datetime | None = None,
        actor: str = "system",
        desk: str = "",
    ) -> None:
        self.session = session
        self.meeting_id = meeting_id
        self.facts = facts
        self.name = name  # the action's name; an operation may refine it (next step -> meeting start)
        self.at = at or datetime.now()
        self.actor = actor
        self.desk = desk or actor
        self.event_id: int | None = None
        self.on_event: list[Any] = []  # callables(event) run before commit
        # An earlier event this one continues (notes typed in one burst): the two become
        # one event holding the first values before and the last after.
        self.continues: int | None = None

    # Convenience pass-throughs so domain code reads naturally.
    def get(self, model: type, ident: Any) -> Any:
        return self.session.get(model, ident)

    def add(self, obj: Any) -> Any:
        self.session.add(obj)
        return obj

    def delete(self, obj: Any) -> None:
        self.session.delete(obj)

    def exec(self, statement: Any) -> Any:
        return self.session.exec(statement)

    def flush(self) -> None:
        self.session.flush()


def _continue(session: Session, event_id: int, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fold the earlier event *event_id* into *changes* and remove it: one row per change,
    its first *before* and its last *after*."""
    earlier = session.get(Event, event_id)
    if earlier is None:
        return changes
    first = {(c["table"], tuple(c["pk"])): c for c in json.loads(earlier.payload).get("changes", [])}
    merged = []
    for change in changes:
        key = (change["table"], tuple(change["pk"]))
        old = first.pop(key, None)
        merged.append({**change, "before": old["before"]} if old is not None else change)
    merged = list(first.values()) + merged
    session.delete(earlier)
    session.flush()
    return [c for c in merged if c["before"] != c["after"]]


def _listed(names: set[str], most: int = 5) -> str:
    shown = sorted(names)
    return ", ".join(shown[:most]) + (", …" if len(shown) > most else "")


class Store:
    """A meeting database. Use :meth:`open`; every change goes through :meth:`action`."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self.created = False

    @property
    def display_url(self) -> str:
        """The URL without its password, for messages."""
        return make_url(self.url).render_as_string(hide_password=True)

    @classmethod
    def open(cls, db: str | None = None, *, create: bool = True) -> Store:
        """Open the database *db* (a path or a URL; default: ``HOINGHI_DB``, else the user's
        data folder). *create*: make a missing SQLite file (and its folder); without it a
        missing file is refused (a mistyped path must not leave an empty database behind).
        :attr:`created` tells whether the database was created now."""
        url = checked_url(resolve_url(db))
        path = sqlite_path(url)
        fresh = path is None and url.startswith("sqlite")  # an in-memory database starts empty
        if path is not None:
            if not create and not path.exists():
                raise StoreError("db.missing", path=str(path))
            fresh = _preflight_sqlite(path)
            if fresh:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError:
                    raise StoreError("db.read_only", path=str(path)) from None
        engine = make_engine(url)
        store = cls(engine, url)
        try:
            store.created = store._prepare_schema(fresh)
        except StoreError:
            engine.dispose()
            raise
        except DBAPIError as exc:
            engine.dispose()
            raise StoreError(_classify(exc), path=str(path or store.display_url)) from None
        return store

    def _prepare_schema(self, fresh: bool) -> bool:
        """Create or upgrade the schema; True when the database was created now.

        Creation and upgrades run under a lock held to the end of their transaction
        (SQLite's BEGIN IMMEDIATE; a PostgreSQL advisory lock), and look at the tables
        again once they hold it: several desks opening a new database at once create it
        once, and the others find it made. A database that already holds tables other
        than hoinghi's is refused, never written to."""
        if not fresh and self._current_schema():
            return False  # nothing to write: opening stays read-only, other screens are not blocked
        token = _WRITING.set(True)
        try:
            with self.engine.begin() as conn:
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})
                names = set(inspect(conn).get_table_names())
                if not names:
                    tables.every_table().create_all(conn)
                    conn.execute(table_of(Meta).insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
                    return True
                if Meta.__tablename__ not in names:
                    raise StoreError("db.foreign", path=self.display_url, tables=_listed(names))
                version = self._version_in(conn)
                while version < SCHEMA_VERSION:
                    _MIGRATIONS[version](conn)
                    version += 1
                    conn.execute(
                        text("UPDATE hoinghi_meta SET value=:v WHERE key='schema_version'"), {"v": str(version)}
                    )
                return False
        finally:
            _WRITING.reset(token)

    def _current_schema(self) -> bool:
        """True when the database holds hoinghi's schema of this version (looked at without
        writing); a newer one is refused."""
        with self.engine.connect() as conn:
            if not self.engine.dialect.has_table(conn, Meta.__tablename__):
                return False
            return self._version_in(conn) == SCHEMA_VERSION

    def _version_in(self, conn: Any) -> int:
        row = conn.execute(text("SELECT value FROM hoinghi_meta WHERE key='schema_version'")).first()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError("db.newer", path=self.display_url, version=version, supported=SCHEMA_VERSION)
        return version

    def close(self) -> None:
        self.engine.dispose()

    def schema_version(self) -> int:
        with self.read() as s:
            row = s.get(Meta, "schema_version")
            return int(row.value) if row else 0

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only look at the store (no event row)."""
        session = Session(self.engine, expire_on_commit=False)
        try:
            yield session
        except OperationalError as exc:
            raise StoreError(_classify(exc), path=self.display_url) from exc
        except OverflowError:
            raise NotFound("number.too_large") from None  # nothing can have that number
        except UnicodeEncodeError:
            raise TextError("text.unencodable") from None
        finally:
            session.close()

    @contextmanager
    def action(
        self,
        name: str,
        *,
        at: datetime,
        meeting_id: int | None = None,
        actor: str = "system",
        desk: str | None = None,
        **facts: Any,
    ) -> Iterator[Tx]:
        """One user action = one transaction = one event row (when anything changed).

        *actor* is the kind of desk (console, desk, office, import, system); *desk* names
        the very desk (``kind@machine``): undo and redo are per desk."""
        token = _WRITING.set(True)
        session = Session(self.engine, expire_on_commit=False)
        log = ChangeLog()
        log.attach(session)
        desk = desk or f"{actor}@{machine_name()}"
        tx = Tx(session, meeting_id, dict(facts), name=name, at=at, actor=actor, desk=desk)
        try:
            if meeting_id is not None and self.engine.dialect.name != "sqlite":
                # SQLite's BEGIN IMMEDIATE already serialises writers; a server database
                # serialises the actions on one meeting by locking its row.
                session.execute(text("SELECT id FROM meeting WHERE id = :id FOR UPDATE").bindparams(id=meeting_id))
            yield tx
            session.flush()
            changes = log.merged()
            if changes and tx.continues is not None:
                changes = _continue(session, tx.continues, changes)
            if changes:
                payload = {**tx.facts, "changes": changes}
                ev = Event(
                    meeting_id=tx.meeting_id,
                    at=at,
                    actor=tx.actor,
                    desk=tx.desk,
                    action=tx.name,
                    payload=json.dumps(payload, ensure_ascii=False, default=str),
                    undo_of=tx.facts.get("undo_of"),
                    redo_of=tx.facts.get("redo_of"),
                )
                session.add(ev)
                session.flush()
                tx.event_id = ev.id
                for callback in tx.on_event:
                    callback(ev)
            session.commit()
        except DBAPIError as exc:
            session.rollback()
            raise StoreError(_classify(exc), path=self.display_url) from exc
        except OverflowError:
            # A number too large for the database (a mistyped id): nothing was written.
            session.rollback()
            raise NotFound("number.too_large") from None
        except UnicodeEncodeError:
            # Text no database can hold (a lone surrogate) that reached the store uncleaned.
            session.rollback()
            raise TextError("text.unencodable") from None
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
            _WRITING.reset(token)

    def undo_last(self, meeting_id: int, *, at: datetime, desk: str, actor: str, check: Any = None) -> Event:
        """Revert the newest action of *desk* on *meeting_id* (see :mod:`models.undo`)."""
        from models.undo import undo_last

        return undo_last(self, meeting_id, at=at, desk=desk, actor=actor, check=check)

    def redo_last(self, meeting_id: int, *, at: datetime, desk: str, actor: str, check: Any = None) -> Event:
        """Do again what *desk* undid last, if it has done nothing since (see :mod:`models.undo`)."""
        from models.undo import redo_last

        return redo_last(self, meeting_id, at=at, desk=desk, actor=actor, check=check)
