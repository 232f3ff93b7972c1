"""What changed since a screen last looked: the event log read forward.

Every action writes one event row listing the rows it touched, so a screen keeps the
last event id it has seen and asks for the rows changed after it — its own actions and
those of other screens and processes alike — and refreshes only those.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import func, or_
from sqlmodel import select

from models.changes import changed_keys
from models.store import Store
from models.tables import Event


@dataclass(frozen=True)
class Changes:
    last_event_id: int
    rows: dict[str, set[int]] = field(default_factory=dict)  # table -> primary keys

    def of(self, table: str) -> set[int]:
        return self.rows.get(table, set())

    @property
    def empty(self) -> bool:
        return not self.rows


def last_event_id(store: Store) -> int:
    with store.read() as s:
        return s.exec(select(func.max(Event.id))).one() or 0


def changes_since(store: Store, meeting_id: int | None, after: int) -> Changes:
    """Rows touched by events after *after* (for *meeting_id*, plus store-wide ones)."""
    with store.read() as s:
        query = select(Event.id, Event.payload, Event.undo_of).where(Event.id > after)
        if meeting_id is not None:
            query = query.where(or_(Event.meeting_id == meeting_id, Event.meeting_id.is_(None)))
        events = s.exec(query.order_by(Event.id)).all()
    rows: dict[str, set[int]] = {}
    last = after
    for event_id, payload, _undo_of in events:
        last = event_id
        for change in json.loads(payload).get("changes", []):
            for pk in changed_keys(change):
                if isinstance(pk, int):
                    rows.setdefault(change["table"], set()).add(pk)
    return Changes(last, rows)
