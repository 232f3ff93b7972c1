"""Row-change capture for the event log, and its inverse for undo (hoàn tác).

Every ORM flush inside an action records, for each row touched, its values before and
after. The event row keeps that list, so undo is the same generic mechanism for every
action, and the log is a complete audit trail.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Table, inspect
from sqlalchemy.orm import Session
from sqlmodel import SQLModel

from models.errors import Conflict
from models.tables import Event, every_table, table_of


def _encode(value: Any) -> Any:
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return value


def _decode(column_type: type, value: Any) -> Any:
    if value is None:
        return None
    if column_type is datetime:
        return datetime.fromisoformat(value)
    if column_type is date:
        return date.fromisoformat(value)
    if column_type is time:
        return time.fromisoformat(value)
    return value


def row_values(obj: SQLModel) -> dict[str, Any]:
    """The stored values of *obj*, JSON-ready."""
    mapper = inspect(obj).mapper
    return {attr.key: _encode(getattr(obj, attr.key)) for attr in mapper.column_attrs}


def _pk(obj: SQLModel) -> list[Any]:
    return [_encode(v) for v in inspect(obj).mapper.primary_key_from_instance(obj)]


def _model_for(table: str) -> type[SQLModel]:
    """The model of *table*: every table's module is loaded first, as a change may be
    to a table this process has not used yet (undo in a process that never filed a
    petition)."""
    every_table()
    for mapper in SQLModel._sa_registry.mappers:
        if isinstance(mapper.local_table, Table) and mapper.local_table.name == table:
            return mapper.class_
    raise KeyError(table)


class ChangeLog:
    """Collects the row changes of one session, flush after flush."""

    def __init__(self) -> None:
        self._pending_before: dict[tuple[str, int], dict[str, Any]] = {}
        self.changes: list[dict[str, Any]] = []

    def attach(self, session: Session) -> None:
        """Record *session*'s flushes (listeners are installed once, on the Session class)."""
        _install_listeners()
        session.info["changelog"] = self

    def _before_flush(self, session: Session, _ctx: object, _instances: object) -> None:
        for obj in list(session.dirty) + list(session.deleted):
            if isinstance(obj, Event):
                continue
            state = inspect(obj)
            before: dict[str, Any] = {}
            for attr in state.mapper.column_attrs:
                hist = state.attrs[attr.key].history
                if hist.deleted:
                    before[attr.key] = _encode(hist.deleted[0])
                else:
                    before[attr.key] = _encode(getattr(obj, attr.key))
            self._pending_before[(obj.__tablename__, id(obj))] = before

    def _after_flush(self, session: Session, _ctx: object) -> None:
        for obj in session.new:
            if not isinstance(obj, Event):
                self.changes.append(
                    {"table": obj.__tablename__, "pk": _pk(obj), "before": None, "after": row_values(obj)}
                )
        for obj in session.dirty:
            if isinstance(obj, Event):
                continue
            before = self._pending_before.pop((obj.__tablename__, id(obj)), None)
            after = row_values(obj)
            if before is not None and before != after:
                self.changes.append({"table": obj.__tablename__, "pk": _pk(obj), "before": before, "after": after})
        for obj in session.deleted:
            if isinstance(obj, Event):
                continue
            before = self._pending_before.pop((obj.__tablename__, id(obj)), None)
            if before is not None:
                self.changes.append({"table": obj.__tablename__, "pk": _pk(obj), "before": before, "after": None})
        self._pending_before.clear()

    def merged(self) -> list[dict[str, Any]]:
        """One entry per row: the first *before* and the last *after*; no-ops dropped."""
        rows: dict[tuple[str, tuple[Any, ...]], dict[str, Any]] = {}
        bulk = [ch for ch in self.changes if "rows" in ch]
        for ch in self.changes:
            if "rows" in ch:
                continue
            key = (ch["table"], tuple(ch["pk"]))
            if key in rows:
                rows[key]["after"] = ch["after"]
            else:
                rows[key] = dict(ch)
        return bulk + [ch for ch in rows.values() if ch["before"] != ch["after"]]


_installed = False


def _install_listeners() -> None:
    # Per-session event.listen() costs milliseconds per action; one class-level listener
    # dispatching to the session's own ChangeLog costs nothing when no log is attached.
    global _installed
    if _installed:
        return
    from sqlalchemy import event

    def before_flush(session: Session, ctx: object, instances: object) -> None:
        log = session.info.get("changelog")
        if log is not None:
            log._before_flush(session, ctx, instances)

    def after_flush(session: Session, ctx: object) -> None:
        log = session.info.get("changelog")
        if log is not None:
            log._after_flush(session, ctx)

    event.listen(Session, "before_flush", before_flush)
    event.listen(Session, "after_flush", after_flush)
    _installed = True


def _key(model: type[SQLModel], types: dict[str, type], raw_pk: list[Any]) -> Any:
    mapper = inspect(model)
    pk = tuple(_decode(types[c.key], v) for c, v in zip(mapper.primary_key, raw_pk, strict=True))
    return pk if len(pk) > 1 else pk[0]


def _types(model: type[SQLModel]) -> dict[str, type]:
    return {attr.key: attr.columns[0].type.python_type for attr in inspect(model).mapper.column_attrs}


def _refused(change: dict[str, Any], columns: list[str]) -> Conflict:
    return Conflict("undo.conflict", table=change["table"], pk=change["pk"], columns=columns)


def children_left(session: Session, changes: list[dict[str, Any]]) -> list[tuple[str, Any]]:
    """Rows that would be left pointing at a row the revert of *changes* deletes (rows
    created by the action being undone) — e.g. a conclusion another desk wrote on a
    petition this action created. The database would delete them along (cascade) or
    refuse; undo must refuse first and say why."""
    doomed = {(ch["table"], (_encode(key),)) for ch in changes if ch["before"] is None for key in changed_keys(ch)}
    if not doomed:
        return []
    left: list[tuple[str, Any]] = []
    for table in every_table().sorted_tables:
        for fk in table.foreign_keys:
            parent = fk.column.table.name
            targets = [pk for (name, pk) in doomed if name == parent]
            if not targets or len(fk.column.table.primary_key.columns) != 1:
                continue
            ids = [pk[0] for pk in targets]
            pk_col = next(iter(table.primary_key.columns))
            rows = session.execute(table.select().with_only_columns(pk_col).where(fk.parent.in_(ids))).scalars()
            for row_pk in rows:
                if (table.name, (_encode(row_pk),)) not in doomed:
                    left.append((table.name, row_pk))
    return left


def revert(session: Session, changes: list[dict[str, Any]]) -> None:
    """Apply the inverse of *changes*, newest first. Raises Conflict('undo.conflict', table,
    pk, columns) when a row has changed since (another desk edited it), so nothing is
    silently overwritten."""
    for ch in reversed(changes):
        if "rows" in ch:
            _revert_inserted(session, ch)
            continue
        if any(v is None for v in ch["pk"]):
            # A row an imported archive did not carry (its id could not be mapped): nothing to revert safely.
            raise Conflict("undo.conflict", table=ch["table"])
        model = _model_for(ch["table"])
        types = _types(model)
        obj = session.get(model, _key(model, types, ch["pk"]))
        before, after = ch["before"], ch["after"]
        if after is None:
            if obj is not None:
                raise _refused(ch, list(before))
            session.add(model(**{k: _decode(types[k], v) for k, v in before.items()}))
        else:
            if obj is None:
                raise _refused(ch, list(after))
            current = row_values(obj)
            if before is None:
                changed = [k for k in after if current.get(k) != after[k]]
                if changed:
                    raise _refused(ch, changed)
                session.delete(obj)
            else:
                changed = [k for k in after if before.get(k) != after[k]]
                moved = [k for k in changed if current.get(k) != after[k]]
                if moved:
                    raise _refused(ch, moved)
                for k in changed:
                    setattr(obj, k, _decode(types[k], before[k]))
        session.flush()


def full_rows(model: type[SQLModel], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """*rows* completed with the table's defaults, ready for :func:`insert_all`.

    Pure work, to be done before the write transaction begins."""
    if not rows:
        return []
    mapper = inspect(model)
    [key] = [column.key for column in mapper.primary_key]
    template = model(**rows[0])
    defaults = {attr.key: getattr(template, attr.key) for attr in mapper.column_attrs if attr.key != key}
    return [{**defaults, **row} for row in rows]


def insert_all(session: Session, model: type[SQLModel], rows: list[dict[str, Any]]) -> list[Any]:
    """Insert many new rows of one table at once, logged as a flush would log them.

    *rows* come from :func:`full_rows` (every column but the key). A flush inserts row by
    row through full ORM objects; a compiled list of thousands of petitions must not hold
    the write lock that long (another desk's action is waiting on it). Returns the keys."""
    if not rows:
        return []
    from sqlalchemy import func, insert, select, text

    mapper = inspect(model)
    [key] = [column.key for column in mapper.primary_key]
    table = table_of(model)
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        # SQLite cannot return the keys of a multi-row insert in order; the action holds
        # the database's write lock, so the next keys are known and given explicitly.
        top = session.execute(select(func.max(table.c[key]))).scalar() or 0
        idents = list(range(top + 1, top + 1 + len(rows)))
    elif dialect == "postgresql":
        # Keys drawn from the table's sequence in one query; the rows then go in by COPY
        # (a multi-row INSERT … RETURNING of thousands of rows takes seconds to build).
        sequence = session.execute(
            text("SELECT pg_get_serial_sequence(:table, :column)"), {"table": table.name, "column": key}
        ).scalar()
        idents = list(
            session.execute(
                text("SELECT nextval(CAST(:seq AS regclass)) FROM generate_series(1, :n)"),
                {"seq": sequence, "n": len(rows)},
            ).scalars()
        )
    else:
        statement = insert(table).returning(table.c[key], sort_by_parameter_order=True)
        idents = list(session.execute(statement, rows).scalars())
    columns = [key, *(c for c in rows[0] if c != key)]
    moments = {c for c in columns if _moment_column(mapper, c)}
    # Column by column: the values of thousands of rows are converted in a few passes.
    raw = [idents] + [[row[c] for row in rows] for c in columns[1:]]
    if dialect == "postgresql":
        _copy(session, table, columns, list(zip(*raw, strict=True)))
        stored = [_encoded(values, _iso) if c in moments else values for c, values in zip(columns, raw, strict=True)]
    else:
        stored = [
            _encoded(values, _sqlite_moment) if c in moments else values for c, values in zip(columns, raw, strict=True)
        ]
        tuples = list(zip(*stored, strict=True))
        if dialect == "sqlite":
            _sqlite_many(session, table, columns, tuples)
    log = session.info.get("changelog")
    if log is not None:
        # One entry for the lot, column-wise: undo and the other screens read it like row
        # entries, and the event stays small enough to write in a moment.
        log.changes.append(
            {
                "table": table.name,
                "pk": [],
                "key": key,
                "columns": columns,
                "rows": list(zip(*stored, strict=True)),
                "before": None,
                "after": None,
            }
        )
    return idents


def _moment_column(mapper: Any, name: str) -> bool:
    try:
        return mapper.column_attrs[name].columns[0].type.python_type in (datetime, date, time)
    except NotImplementedError:
        return False


def _driver_connection(session: Session) -> Any:
    """The DB-API connection under the session's own (same transaction); the drivers'
    connections (sqlite3, psycopg) are used as they are, untyped."""
    raw = session.connection().connection.driver_connection
    if raw is None:
        raise RuntimeError("the session's connection is closed")
    return raw


def _copy(session: Session, table: Table, columns: list[str], tuples: list[tuple[Any, ...]]) -> None:
    """PostgreSQL's COPY, through the session's own connection (same transaction)."""
    raw = _driver_connection(session)
    names = ", ".join(f'"{c}"' for c in columns)
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for values in tuples:
            copy.write_row(values)


def _iso(value: date | time) -> str:
    return value.isoformat()


def _sqlite_moment(value: date | time) -> str:
    # As SQLAlchemy's SQLite DateTime stores it, so reading the rows back is unchanged.
    return value.strftime("%Y-%m-%d %H:%M:%S.%f") if isinstance(value, datetime) else value.isoformat()


def _encoded(values: list[Any], encode: Callable[[date | time], str]) -> list[Any]:
    """A column of dates/times as text; a list shares its moments, each is encoded once."""
    cache: dict[Any, Any] = {None: None}
    out = []
    for value in values:
        text = cache.get(value, cache)
        if text is cache:
            text = cache[value] = encode(value)
        out.append(text)
    return out


def _sqlite_many(session: Session, table: Table, columns: list[str], tuples: list[tuple[Any, ...]]) -> None:
    """One executemany on the session's own connection (same transaction), without the
    per-row parameter processing that costs seconds at tens of thousands of rows."""
    raw = _driver_connection(session)
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    raw.executemany(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', tuples)


def inserted_rows(change: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of a change entry, as {column: value} (one for a row entry, many for a
    bulk insert)."""
    if "rows" in change:
        return [dict(zip(change["columns"], values, strict=True)) for values in change["rows"]]
    row = change["after"] or change["before"]
    return [row] if row else []


def changed_keys(change: dict[str, Any]) -> list[Any]:
    """The primary keys a change entry touched."""
    if "rows" in change:
        index = change["columns"].index(change["key"])
        return [values[index] for values in change["rows"]]
    return list(change["pk"][:1])


def _revert_inserted(session: Session, change: dict[str, Any]) -> None:
    """Undo a bulk insert: every row still as it was written, then all deleted at once."""
    from sqlalchemy import delete, select

    model = _model_for(change["table"])
    column = getattr(model, change["key"])
    expected = {row[change["key"]]: row for row in inserted_rows(change)}
    keys = list(expected)
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        found = session.execute(select(model).where(column.in_(chunk))).scalars().all()
        if len(found) != len(chunk):
            raise Conflict("undo.conflict", table=change["table"])
        for obj in found:
            current = row_values(obj)
            if any(not _same(current.get(k), v) for k, v in expected[getattr(obj, change["key"])].items()):
                raise Conflict("undo.conflict", table=change["table"])
            session.expunge(obj)
    for start in range(0, len(keys), 500):
        session.execute(delete(model).where(column.in_(keys[start : start + 500])))
    session.flush()


def _same(current: Any, logged: Any) -> bool:
    """A logged value equals the row's ("2026-03-05 07:25:00.000000" is 2026-03-05T07:25)."""
    if current == logged:
        return True
    if isinstance(current, str) and isinstance(logged, str):
        try:
            return datetime.fromisoformat(current) == datetime.fromisoformat(logged)
        except ValueError:
            return False
    return False
