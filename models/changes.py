"""Row-change capture for the event log, and its inverse for undo (hoàn tác).

Every ORM flush inside an action records, for each row touched, its values before and
after. The event row keeps that list, so undo is the same generic mechanism for every
action, and the log is a complete audit trail.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session
from sqlmodel import SQLModel

from models.errors import Conflict
from models.tables import Event


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
    for mapper in SQLModel._sa_registry.mappers:  # type: ignore[attr-defined]
        if mapper.local_table.name == table:
            return mapper.class_
    raise KeyError(table)


class ChangeLog:
    """Collects the row changes of one session, flush after flush."""

    def __init__(self) -> None:
        self._pending_before: dict[tuple, dict[str, Any]] = {}
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
        rows: dict[tuple, dict[str, Any]] = {}
        for ch in self.changes:
            key = (ch["table"], tuple(ch["pk"]))
            if key in rows:
                rows[key]["after"] = ch["after"]
            else:
                rows[key] = dict(ch)
        return [ch for ch in rows.values() if ch["before"] != ch["after"]]


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
    doomed = {(ch["table"], tuple(ch["pk"])) for ch in changes if ch["before"] is None}
    if not doomed:
        return []
    left: list[tuple[str, Any]] = []
    for table in SQLModel.metadata.sorted_tables:
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
