"""Undo and redo from a desk: its own latest action, said in words."""

from __future__ import annotations

from dataclasses import dataclass

from models.errors import Conflict
from models.tables import Event
from models.undo import facts_of
from session.domain.invariants import check
from session.workstation.base import WorkstationBase
from session.workstation.story import desk_label, sentence


@dataclass(frozen=True)
class Undone:
    """What an undo or a redo took back or did again, as a phrase."""

    action: str
    what: str


class UndoActions(WorkstationBase):
    def undo(self) -> Undone:
        """Take back this desk's latest action on the meeting (U / Ctrl+Z)."""
        try:
            event = self.store.undo_last(
                self.meeting_id, at=self.clock(), desk=self.desk.id, actor=self.desk.kind, check=check
            )
        except Conflict as exc:
            raise self._named(exc) from None
        return Undone(event.action, sentence(event.action, facts_of(event)))

    def redo(self) -> Undone:
        """Do again what this desk just undid (Ctrl+Y / Shift+U)."""
        try:
            event = self.store.redo_last(
                self.meeting_id, at=self.clock(), desk=self.desk.id, actor=self.desk.kind, check=check
            )
        except Conflict as exc:
            raise self._named(exc) from None
        return Undone(event.action, sentence(event.action, facts_of(event)))

    def _named(self, exc: Conflict) -> Conflict:
        """'undo.depends' with the later action told in words."""
        if exc.code != "undo.depends":
            return exc
        event_id = exc.params.get("event_id")
        later = None
        if isinstance(event_id, int):
            with self.store.read() as s:
                later = s.get(Event, event_id)
        if later is None:
            from session.i18n import t

            return Conflict("undo.depends", later=t("error.undo.depends.unknown"))
        text = f"«{later.at:%H:%M} {desk_label(later.actor, later.desk)}: {sentence(later.action, facts_of(later))}»"
        return Conflict("undo.depends", later=text)
