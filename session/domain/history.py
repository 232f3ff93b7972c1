"""The event log read as history (nhật ký): who changed what, when."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import col, select

from models.store import Store
from models.tables import Event, stored_id

# The columns worth naming in a one-line summary of a change, by table.
_LABEL = {
    "registration": "speaker_name",
    "issue": "content",
    "agenda_item": "title",
    "meeting": "title",
    "answer": "answerer_name",
    "conclusion": "outcome",
    "participant": "name",
    "export_record": "file_name",
}
_QUIET = {"name_key", "locality_key", "summary_key", "content_key"}


@dataclass(frozen=True)
class HistoryRow:
    """One action of the log: when, which desk, what (its facts), and the rows it changed."""

    id: int
    at: datetime
    actor: str
    desk: str
    action: str
    facts: dict[str, Any]
    undone: bool
    detail: str  # the changed values, for an audit: "registration Lò Văn Pàng: status: waiting → done"


def _describe(change: dict[str, Any]) -> str:
    if "rows" in change:  # many rows inserted at once (an imported list)
        return f"+{change['table']} ×{len(change['rows'])}"
    before, after = change["before"], change["after"]
    row = after or before or {}
    label = str(row.get(_LABEL.get(change["table"], "id"), ""))[:40]
    if before is None:
        return f"+{change['table']} {label}".strip()
    if after is None:
        return f"−{change['table']} {label}".strip()
    changed = [k for k in after if before.get(k) != after[k] and k not in _QUIET]
    parts = [f"{k}: {str(before.get(k))[:30]} → {str(after[k])[:30]}" for k in changed[:3]]
    return f"{change['table']} {label}: " + "; ".join(parts)


def history_rows(store: Store, meeting_id: int, limit: int | None = None) -> list[HistoryRow]:
    with store.read() as s:
        query = select(Event).where(Event.meeting_id == meeting_id).order_by(col(Event.id).desc())
        if limit:
            query = query.limit(limit)
        events = s.exec(query).all()
    rows = []
    for ev in events:
        payload = json.loads(ev.payload)
        changes = payload.pop("changes", [])
        detail = "; ".join(_describe(c) for c in changes[:3])
        if len(changes) > 3:
            detail += f"; … (+{len(changes) - 3})"
        rows.append(
            HistoryRow(stored_id(ev), ev.at, ev.actor, ev.desk, ev.action, payload, ev.undone_by is not None, detail)
        )
    return rows


def machines(rows: list[HistoryRow]) -> int:
    """How many machines acted on the meeting (their names are shown when more than one)."""
    return len({row.desk.partition("@")[2] for row in rows if "@" in row.desk})


def _ends_recess(payload: str) -> bool:
    """Whether an action's logged changes take the meeting out of a recess (its
    ``recess_since`` cleared): resuming does, and so does moving to another step or
    closing the meeting during one."""
    try:
        changes = json.loads(payload or "{}").get("changes", [])
    except (ValueError, AttributeError):
        return False
    return any(
        isinstance(change, dict)
        and change.get("table") == "meeting"
        and isinstance(change.get("before"), dict)
        and isinstance(change.get("after"), dict)
        and change["before"].get("recess_since") is not None
        and change["after"].get("recess_since") is None
        for change in changes
    )


def recess_times(store: Store, meeting_id: int) -> tuple[datetime | None, datetime | None]:
    """The latest recess (tạm nghỉ) of a meeting: when it began, and when the meeting
    went on again (None while it lasts, or when there has been none), as the log holds
    them — undone actions left out."""
    with store.read() as s:
        began_at = s.exec(
            select(Event.id, Event.at)
            .where(
                Event.meeting_id == meeting_id,
                Event.action == "meeting.recess",
                col(Event.undone_by).is_(None),
                col(Event.undo_of).is_(None),
            )
            .order_by(col(Event.id).desc())
            .limit(1)
        ).first()
        if began_at is None:
            return None, None
        after = s.exec(
            select(Event.at, Event.payload)
            .where(
                Event.meeting_id == meeting_id,
                col(Event.id) > began_at[0],
                col(Event.undone_by).is_(None),
                col(Event.undo_of).is_(None),
            )
            .order_by(col(Event.id))
        ).all()
    ended = next((at for at, payload in after if _ends_recess(payload)), None)
    return began_at[1], ended
