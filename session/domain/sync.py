"""What changed since a screen last looked: the event log read forward.

Every action writes one event row listing the rows it touched, so a screen keeps the
last event id it has seen and asks for the rows changed after it — its own actions and
those of other screens and processes alike — and refreshes only those.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import bindparam, func, or_
from sqlmodel import col, select

from models.changes import changed_keys
from models.store import Store
from models.tables import Event, key_column


@dataclass(frozen=True)
class Changes:
    last_event_id: int
    rows: dict[str, set[int]] = field(default_factory=dict)  # table -> primary keys

    def of(self, table: str) -> set[int]:
        return self.rows.get(table, set())

    @property
    def empty(self) -> bool:
        return not self.rows


_EVENT_ID = key_column(Event.id)
_LAST = select(func.max(_EVENT_ID))
# Built once: a screen asks after every action and twice a second.
_SINCE = select(_EVENT_ID, col(Event.payload)).where(_EVENT_ID > bindparam("after")).order_by(_EVENT_ID)
_SINCE_FOR_MEETING = (
    select(_EVENT_ID, col(Event.payload))
    .where(
        _EVENT_ID > bindparam("after"),
        or_(col(Event.meeting_id) == bindparam("meeting_id"), col(Event.meeting_id).is_(None)),
    )
    .order_by(_EVENT_ID)
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
