"""What changed since a screen last looked: the event log read forward.

Every action writes one event row listing the rows it touched, so a screen keeps the
last event id it has seen and asks for the rows changed after it — its own actions and
those of other screens and processes alike — and refreshes only those.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import bindparam, func, or_
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


_LAST = select(func.max(Event.id))
# Built once: a screen asks after every action and twice a second.
_SINCE = select(Event.id, Event.payload).where(Event.id > bindparam("after")).order_by(Event.id)
_SINCE_FOR_MEETING = (
    select(Event.id, Event.payload)
    .where(Event.id > bindparam("after"), or_(Event.meeting_id == bindparam("meeting_id"), Event.meeting_id.is_(None)))
    .order_by(Event.id)
)


def last_event_id(store: Store) -> int:
    with store.read() as s:
        return s.exec(_LAST).one() or 0


def changes_since(store: Store, meeting_id: int | None, after: int) -> Changes:
    """Rows touched by events after *after* (for *meeting_id*, plus store-wide ones).
    Nothing new: an empty :class:`Changes` whose ``last_event_id`` is *after*."""
    with store.read() as s:
        if meeting_id is None:
            events = s.exec(_SINCE, params={"after": after}).all()
        else:
            events = s.exec(_SINCE_FOR_MEETING, params={"after": after, "meeting_id": meeting_id}).all()
    rows: dict[str, set[int]] = {}
    last = after
    for event_id, payload in events:
        last = event_id
        for change in json.loads(payload).get("changes", []):
            for pk in changed_keys(change):
                if isinstance(pk, int):
                    rows.setdefault(change["table"], set()).add(pk)
    return Changes(last, rows)
