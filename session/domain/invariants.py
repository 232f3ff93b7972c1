"""What must hold of a meeting after any action, undo and redo included (bất biến):
at most one person speaking, at most one answer running, a current step that is open,
and nobody given the floor before the meeting starts or after it closes. Undo and redo
check them inside their transaction and refuse, naming the later action that they would
contradict, rather than leave two people speaking."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from models.errors import Conflict
from models.store import Tx
from models.tables import AgendaItem, Answer, Meeting, Registration
from models.undo import later_touching


def broken(s: Session, meeting_id: int) -> str | None:
    """The name of the first invariant that does not hold, or None (read in *s*: an
    action's own session, or any other)."""
    speaking = s.exec(
        select(func.count())
        .select_from(Registration)
        .where(Registration.meeting_id == meeting_id, Registration.status == "speaking")
    ).one()
    if speaking > 1:
        return "speaker"
    running = s.exec(
        select(func.count())
        .select_from(Answer)
        .where(Answer.meeting_id == meeting_id, col(Answer.started_at).is_not(None), col(Answer.ended_at).is_(None))
    ).one()
    if running > 1:
        return "answer"
    meeting = s.get(Meeting, meeting_id)
    if meeting is not None and meeting.status in ("planned", "closed") and (speaking or running):
        return "floor"
    if meeting is not None and meeting.current_item_id is not None:
        item = s.get(AgendaItem, meeting.current_item_id)
        if item is None or item.started_at is None or item.ended_at is not None or meeting.status == "closed":
            return "step"
    if meeting is not None:
        open_steps = s.exec(
            select(func.count())
            .select_from(AgendaItem)
            .where(
                AgendaItem.meeting_id == meeting_id,
                col(AgendaItem.started_at).is_not(None),
                col(AgendaItem.ended_at).is_(None),
            )
        ).one()
        if open_steps > (1 if meeting.current_item_id is not None else 0):
            return "step"
    return None


def _touches(what: str) -> Any:
    def speaker(change: dict[str, Any]) -> bool:
        return change["table"] == "registration" and (change["after"] or {}).get("status") == "speaking"

    def answer(change: dict[str, Any]) -> bool:
        return change["table"] == "answer" and change["before"] is None

    def step(change: dict[str, Any]) -> bool:
        if change["table"] == "meeting":
            return (change["before"] or {}).get("current_item_id") != (change["after"] or {}).get("current_item_id")
        return change["table"] == "agenda_item" and (change["before"] or {}).get("started_at") != (
            change["after"] or {}
        ).get("started_at")

    def floor(change: dict[str, Any]) -> bool:
        return change["table"] == "meeting" or speaker(change) or answer(change)

    return {"speaker": speaker, "answer": answer, "step": step, "floor": floor}[what]


def check(tx: Tx, meeting_id: int) -> None:
    """Raise Conflict('undo.depends') naming the later action an undo would contradict."""
    what = broken(tx.session, meeting_id)
    if what is None:
        return
    after = int(tx.facts.get("_target") or 0)
    found = later_touching(tx, meeting_id, after, _touches(what))
    raise Conflict("undo.depends", event_id=found.id if found else None, invariant=what)
