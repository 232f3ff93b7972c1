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


def revert(session: Session, changes: list[dict[str, Any]]) -> None:
    """Apply the inverse of *changes*, newest first. Raises Conflict when a row has
    changed since (another screen edited it), so nothing is silently overwritten."""
    for ch in reversed(changes):
        if any(v is None for v in ch["pk"]):
            # A row an imported archive did not carry (its id could not be mapped): nothing to revert safely.
            raise Conflict("undo.conflict", table=ch["table"])
        model = _model_for(ch["table"])
        mapper = inspect(model)
        types = {attr.key: attr.columns[0].type.python_type for attr in mapper.column_attrs}
        pk = tuple(_decode(types[c.key], v) for c, v in zip(mapper.primary_key, ch["pk"], strict=True))
        obj = session.get(model, pk if len(pk) > 1 else pk[0])
        before, after = ch["before"], ch["after"]
        if after is None:
            if obj is not None:
                raise Conflict("undo.conflict", table=ch["table"])
            session.add(model(**{k: _decode(types[k], v) for k, v in before.items()}))
        else:
            if obj is None:
                raise Conflict("undo.conflict", table=ch["table"])
            current = row_values(obj)
            if before is None:
                if current != after:
                    raise Conflict("undo.conflict", table=ch["table"])
                session.delete(obj)
            else:
                changed = [k for k in after if before.get(k) != after[k]]
                if any(current.get(k) != after[k] for k in changed):
                    raise Conflict("undo.conflict", table=ch["table"])
                for k in changed:
                    setattr(obj, k, _decode(types[k], before[k]))
        session.flush()
