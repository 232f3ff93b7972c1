"""Undo and redo (hoàn tác, làm lại), per desk.

Each desk (the console, the registration desk, the office…) undoes its own latest action
on a meeting — never another desk's, never an older one of its own while a newer one
stands. The action's recorded before/after values are put back inside one transaction,
which is refused, naming the later action, when something done since depends on it:

- a later action changed the same values (they are not overwritten);
- a later action created rows that point at rows this undo would remove;
- the result would break an invariant of the meeting (*check*, from the domain: one
  speaker, one current step, one answer running).

Redo does again what the desk undid last, as long as the desk has done nothing since.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from models.changes import changed_keys, children_left, revert
from models.errors import Conflict, NotFound
from models.tables import Event

if TYPE_CHECKING:
    from models.store import Store, Tx

Check = Callable[["Tx", int], None]
Query = TypeVar("Query", bound=SelectOfScalar[Any])


#: Actions that record something done outside the database — a document written to a
#: file — which undo passes over: the file stays, so its record stays too.
KEPT = ("export.document",)


def _plain(query: Query) -> Query:
    """Actions proper: not undo or redo events."""
    return query.where(col(Event.undo_of).is_(None), col(Event.redo_of).is_(None))


def changes_of(event: Event) -> list[dict[str, Any]]:
    return list(json.loads(event.payload).get("changes", []))


def facts_of(event: Event) -> dict[str, Any]:
    """The facts an action recorded about itself (who, which number…), without the rows."""
    return {k: v for k, v in json.loads(event.payload).items() if k != "changes"}


def blocker(tx: Tx, meeting_id: int, after: int, table: str, pk: Any, columns: list[str] | None) -> Event | None:
    """The newest standing action after event *after* that touched row (table, pk) —
    the given columns of it, or any when *columns* is None."""
    events = tx.session.exec(
        select(Event)
        .where(Event.meeting_id == meeting_id, col(Event.id) > after, col(Event.undone_by).is_(None))
        .order_by(col(Event.id).desc())
    ).all()
    wanted = list(pk) if isinstance(pk, (list, tuple)) else [pk]
    for event in events:
        for change in changes_of(event):
            if change["table"] != table or change["pk"] != wanted:
                continue
            if columns is None or change["before"] is None or change["after"] is None:
                return event
            if any(change["before"].get(c) != change["after"].get(c) for c in columns):
                return event
    return None


def created_later(tx: Tx, meeting_id: int, after: int) -> dict[tuple[str, Any], Event]:
    """(table, key) of every row a standing action after event *after* created -> that action."""
    events = tx.session.exec(
        select(Event)
        .where(Event.meeting_id == meeting_id, col(Event.id) > after, col(Event.undone_by).is_(None))
        .order_by(col(Event.id))
    ).all()
    found: dict[tuple[str, Any], Event] = {}
    for event in events:
        for change in changes_of(event):
            if change["before"] is None:
                for key in changed_keys(change):
                    found.setdefault((change["table"], key), event)
    return found


def later_touching(tx: Tx, meeting_id: int, after: int, predicate: Callable[[dict[str, Any]], bool]) -> Event | None:
    """The newest standing action after event *after* with a row change matching *predicate*."""
    events = tx.session.exec(
        select(Event)
        .where(Event.meeting_id == meeting_id, col(Event.id) > after, col(Event.undone_by).is_(None))
        .order_by(col(Event.id).desc())
    ).all()
    return next((e for e in events if any(predicate(c) for c in changes_of(e))), None)


def _revert_checked(tx: Tx, meeting_id: int, target: Event, changes: list[dict[str, Any]], check: Check | None) -> None:
    left = children_left(tx.session, changes)
    if left:
        # Rows pointing at rows this undo removes: those a later action created stop it;
        # the others came with the action itself (an archive's rows) and go with it.
        later = created_later(tx, meeting_id, target.id or 0)
        for table, pk in left:
            found = later.get((table, pk))
            if found is not None:
                raise Conflict("undo.depends", event_id=found.id)
    try:
        revert(tx.session, changes)
    except Conflict as exc:
        if exc.code != "undo.conflict":
            raise
        columns = exc.params.get("columns")
        pk = exc.params.get("pk")
        found = (
            blocker(
                tx,
                meeting_id,
                target.id or 0,
                str(exc.params["table"]),
                pk,
                list(columns) if isinstance(columns, list) else None,
            )
            if pk
            else None
        )
        raise Conflict("undo.depends", event_id=found.id if found else None) from None
    if check is not None:
        tx.facts["_target"] = target.id  # the check names the later action that depends on it
        try:
            check(tx, meeting_id)
        finally:
            tx.facts.pop("_target", None)


def undo_last(store: Store, meeting_id: int, *, at: datetime, desk: str, actor: str, check: Check | None) -> Event:
    """Revert *desk*'s newest standing action on the meeting; returns that action's event.
    NotFound('undo.nothing') when there is none."""
    with store.action("undo", at=at, meeting_id=meeting_id, actor=actor, desk=desk) as tx:
        target = tx.session.exec(
            _plain(select(Event))
            .where(
                Event.meeting_id == meeting_id,
                Event.desk == desk,
                col(Event.undone_by).is_(None),
                col(Event.action).not_in(KEPT),
            )
            .order_by(col(Event.id).desc())
            .limit(1)
        ).first()
        if target is None:
            raise NotFound("undo.nothing")
        _revert_checked(tx, meeting_id, target, changes_of(target), check)
        tx.facts.update(undo_of=target.id, undone_action=target.action, undone_facts=facts_of(target))
        tx.on_event.append(lambda ev: setattr(target, "undone_by", ev.id))
    return target


def redo_last(store: Store, meeting_id: int, *, at: datetime, desk: str, actor: str, check: Check | None) -> Event:
    """Apply again the action *desk* undid last; returns the original action's event.
    NotFound('redo.nothing') when the desk has undone nothing, or has acted since."""
    with store.action("redo", at=at, meeting_id=meeting_id, actor=actor, desk=desk) as tx:
        undo = tx.session.exec(
            select(Event)
            .where(
                Event.meeting_id == meeting_id,
                Event.desk == desk,
                col(Event.undo_of).is_not(None),
                col(Event.undone_by).is_(None),
            )
            .order_by(col(Event.id).desc())
            .limit(1)
        ).first()
        if undo is None:
            raise NotFound("redo.nothing")
        acted_since = tx.session.exec(
            _plain(select(Event.id)).where(
                Event.meeting_id == meeting_id,
                Event.desk == desk,
                col(Event.id) > undo.id,
                col(Event.action).not_in(KEPT),
            )
        ).first()
        original = tx.session.get(Event, undo.undo_of)
        if acted_since is not None or original is None:
            raise NotFound("redo.nothing")
        _revert_checked(tx, meeting_id, undo, changes_of(undo), check)
        tx.facts.update(redo_of=undo.id, redone_action=original.action, redone_facts=facts_of(original))

        def mark(ev: Event) -> None:
            undo.undone_by = ev.id
            original.undone_by = None

        tx.on_event.append(mark)
    return original
