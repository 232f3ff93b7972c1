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
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session, SQLModel, create_engine, select

from models import survey, tables  # noqa: F401  (registers every table on the metadata)
from models.changes import ChangeLog, revert
from models.errors import NotFound, StoreError
from models.tables import Event, Meta

#: Bump with every schema change and add a step to ``_MIGRATIONS``.
SCHEMA_VERSION = 2


def _add_survey_tables(conn: Any) -> None:
    """1 -> 2: the satisfaction survey (survey, survey_question, survey_ballot, survey_total)."""
    SQLModel.metadata.create_all(conn, tables=list(survey.SURVEY_TABLES))


_MIGRATIONS: dict[int, Any] = {1: _add_survey_tables}  # from_version -> callable(connection)

_SQLITE_MAGIC = b"SQLite format 3\x00"
_WRITING = contextvars.ContextVar("hoinghi_writing", default=False)


def busy_timeout_ms() -> int:
    """How long a write waits for another writer before giving up (HOINGHI_BUSY_MS)."""
    try:
        return max(0, int(os.environ.get("HOINGHI_BUSY_MS", "5000")))
    except ValueError:
        return 5000


def default_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("hoinghi", appauthor=False) / "hoinghi.db"


def resolve_url(db: str | None = None) -> str:
    """Turn ``--db`` / ``HOINGHI_DB`` (a path or a URL) into a database URL."""
    value = db or os.environ.get("HOINGHI_DB") or str(default_db_path())
    if "://" in value:
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


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
        if fh.read(16) != _SQLITE_MAGIC:
            raise StoreError("db.not_database", path=str(path))
    mode = path.stat().st_mode
    # Root ignores permissions; a file with no write bit at all was made read-only on purpose.
    if not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or not os.access(path, os.W_OK):
        raise StoreError("db.read_only", path=str(path))
    if not os.access(path.parent, os.W_OK):
        raise StoreError("db.read_only", path=str(path))
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=busy_timeout_ms() / 1000)
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
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if _WRITING.get() else "BEGIN")


def make_engine(url: str) -> Engine:
    """The one engine factory. SQLite gets WAL, synchronous=FULL, foreign keys, a busy timeout."""
    if sqlite_path(url) is not None or url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": busy_timeout_ms() / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Tx:
    """One user action in progress: the session plus facts for its event row."""

    def __init__(self, session: Session, meeting_id: int | None, facts: dict[str, Any]) -> None:
        self.session = session
        self.meeting_id = meeting_id
        self.facts = facts
        self.event_id: int | None = None
        self.on_event: list[Any] = []  # callables(event) run before commit

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


class Store:
    """A meeting database. Use :meth:`open`; every change goes through :meth:`action`."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    @property
    def display_url(self) -> str:
        """The URL without its password, for messages."""
        return make_url(self.url).render_as_string(hide_password=True)

    @classmethod
    def open(cls, db: str | None = None) -> Store:
        url = resolve_url(db)
        path = sqlite_path(url)
        fresh = True
        if path is not None:
            fresh = _preflight_sqlite(path)
            if fresh:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError:
                    raise StoreError("db.read_only", path=str(path)) from None
        engine = make_engine(url)
        store = cls(engine, url)
        try:
            store._prepare_schema(fresh if path is not None else None)
        except StoreError:
            engine.dispose()
            raise
        except DBAPIError as exc:
            engine.dispose()
            raise StoreError(_classify(exc), path=str(path or store.display_url)) from None
        return store

    def _prepare_schema(self, fresh: bool | None) -> None:
        if fresh is False and self._stored_version() == SCHEMA_VERSION:
            return  # nothing to write: opening stays read-only, other screens are not blocked
        token = _WRITING.set(True)
        try:
            with self.engine.begin() as conn:
                if fresh is None:  # a server database: look before creating
                    has_meta = self.engine.dialect.has_table(conn, "hoinghi_meta")
                    fresh = not has_meta
                    if has_meta:
                        row = conn.execute(text("SELECT value FROM hoinghi_meta WHERE key='schema_version'")).first()
                        version = int(row[0]) if row else 0
                        if version > SCHEMA_VERSION:
                            raise StoreError(
                                "db.newer", path=self.display_url, version=version, supported=SCHEMA_VERSION
                            )
                if fresh:
                    SQLModel.metadata.create_all(conn)
                    conn.execute(Meta.__table__.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
                    return
                row = conn.execute(text("SELECT value FROM hoinghi_meta WHERE key='schema_version'")).first()
                version = int(row[0]) if row else 0
                while version < SCHEMA_VERSION:
                    _MIGRATIONS[version](conn)
                    version += 1
                    conn.execute(
                        text("UPDATE hoinghi_meta SET value=:v WHERE key='schema_version'"), {"v": str(version)}
                    )
        finally:
            _WRITING.reset(token)

    def _stored_version(self) -> int:
        with self.engine.connect() as conn:
            row = conn.execute(text("SELECT value FROM hoinghi_meta WHERE key='schema_version'")).first()
            return int(row[0]) if row else 0

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
        finally:
            session.close()

    @contextmanager
    def action(
        self,
        name: str,
        *,
        at: datetime,
        meeting_id: int | None = None,
        actor: str = "secretary",
        **facts: Any,
    ) -> Iterator[Tx]:
        """One user action = one transaction = one event row (when anything changed)."""
        token = _WRITING.set(True)
        session = Session(self.engine, expire_on_commit=False)
        log = ChangeLog()
        log.attach(session)
        tx = Tx(session, meeting_id, dict(facts))
        try:
            if meeting_id is not None and self.engine.dialect.name != "sqlite":
                # SQLite's BEGIN IMMEDIATE already serialises writers; a server database
                # serialises the actions on one meeting by locking its row.
                session.exec(text("SELECT id FROM meeting WHERE id = :id FOR UPDATE").bindparams(id=meeting_id))
            yield tx
            session.flush()
            changes = log.merged()
            if changes:
                payload = {**tx.facts, "changes": changes}
                ev = Event(
                    meeting_id=tx.meeting_id,
                    at=at,
                    actor=actor,
                    action=name,
                    payload=json.dumps(payload, ensure_ascii=False, default=str),
                    undo_of=tx.facts.get("undo_of"),
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
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
            _WRITING.reset(token)

    def undo_last(self, meeting_id: int, *, at: datetime, actor: str | None = None) -> Event:
        """Revert the newest action on *meeting_id* not yet undone (optionally: by *actor*).

        Returns the event that was undone. Raises NotFound when there is nothing to undo.
        """
        with self.action("undo", at=at, meeting_id=meeting_id, actor=actor or "secretary") as tx:
            query = (
                select(Event)
                .where(Event.meeting_id == meeting_id, Event.undone_by.is_(None), Event.undo_of.is_(None))
                .where(Event.action != "undo")
                .order_by(Event.id.desc())
            )
            if actor:
                query = query.where(Event.actor == actor)
            target = tx.exec(query.limit(1)).first()
            if target is None:
                raise NotFound("undo.nothing")
            payload = json.loads(target.payload)
            revert(tx.session, payload.get("changes", []))
            tx.facts.update(undo_of=target.id, undone_action=target.action)
            tx.on_event.append(lambda ev: setattr(target, "undone_by", ev.id))
        return target
