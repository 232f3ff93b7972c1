"""The order of business from a desk (điều hành chương trình): steps, recess, close, notes."""

from __future__ import annotations

import json
from datetime import datetime

from sqlmodel import col, select

from models.store import Tx
from models.tables import Event
from session.domain import agenda
from session.workstation.base import WorkstationBase

#: Notes saved again within this many seconds of the last save, at the same desk and
#: step, continue that save: undo then takes back the whole burst of typing.
NOTES_BURST_SECONDS = 60


class AgendaActions(WorkstationBase):
    def start_meeting(self) -> int | None:
        """Open the meeting (khai mạc) and its first step."""
        with self.action("meeting.start") as tx:
            return agenda.start_meeting(tx, self.meeting_id)

    def next_step(self, *, seen: int | None = -1) -> int | None:
        """Next step (the meeting opens on the first). *seen*: the current step as shown."""
        with self.action("agenda.next") as tx:
            return agenda.next_step(tx, self.meeting_id, expect_current=seen)

    def previous_step(self) -> int:
        with self.action("agenda.back") as tx:
            return agenda.previous_step(tx, self.meeting_id)

    def jump_to(self, item_id: int) -> None:
        with self.action("agenda.jump", item_id=item_id) as tx:
            agenda.jump_to(tx, self.meeting_id, item_id)

    def insert_step(
        self, *, after_position: int, title: str, presenter: str = "", minutes: int = 10, kind: str = "other"
    ) -> int:
        with self.action("agenda.insert") as tx:
            return agenda.insert_step(
                tx,
                self.meeting_id,
                after_position=after_position,
                title=title,
                presenter=presenter,
                minutes=minutes,
                kind=kind,
            )

    def edit_step(
        self, item_id: int, *, title: str, presenter: str = "", minutes: int = 10, kind: str | None = None
    ) -> None:
        with self.action("agenda.edit", item_id=item_id) as tx:
            agenda.edit_step(tx, self.meeting_id, item_id, title=title, presenter=presenter, minutes=minutes, kind=kind)

    def move_step(self, item_id: int, delta: int) -> None:
        with self.action("agenda.move", item_id=item_id) as tx:
            agenda.move_step(tx, self.meeting_id, item_id, delta)

    def toggle_skip(self, item_id: int) -> bool:
        with self.action("agenda.skip", item_id=item_id) as tx:
            return agenda.toggle_skip(tx, self.meeting_id, item_id)

    def recess(self, until: datetime | None = None) -> None:
        """Recess (tạm nghỉ), with the resume time the chair announced if any."""
        with self.action("meeting.recess") as tx:
            agenda.recess(tx, self.meeting_id, until=until)

    def resume(self) -> None:
        with self.action("meeting.resume") as tx:
            agenda.resume(tx, self.meeting_id)

    def close_meeting(self, reason: str = "") -> None:
        with self.action("meeting.close") as tx:
            agenda.close_meeting(tx, self.meeting_id, reason=reason)

    def save_notes(self, item_id: int, text: str) -> bool:
        """Store the notes of a step. Saves a moment apart while typing on continue one
        another (one event), so the history is not a keystroke log and undo takes back
        what was typed since the notes were last left alone."""
        with self.action("agenda.notes") as tx:
            changed = agenda.save_notes(tx, self.meeting_id, item_id, text)
            if changed:
                last = tx.session.exec(
                    select(Event)
                    .where(Event.meeting_id == self.meeting_id, Event.desk == self.desk.id)
                    .order_by(col(Event.id).desc())
                    .limit(1)
                ).first()
                if (
                    last is not None
                    and last.action == "agenda.notes"
                    and last.undone_by is None
                    and json.loads(last.payload).get("item_id") == item_id
                    and (tx.at - last.at).total_seconds() <= NOTES_BURST_SECONDS
                    and self._untouched_since(tx, last.id or 0, item_id)
                ):
                    tx.continues = last.id
            return changed

    def _untouched_since(self, tx: Tx, event_id: int, item_id: int) -> bool:
        """No other event touched the step's row after *event_id* (another desk's edit stays its own)."""
        later = tx.session.exec(
            select(Event.payload).where(Event.meeting_id == self.meeting_id, col(Event.id) > event_id)
        ).all()
        marker = f'"table": "agenda_item", "pk": [{item_id}]'
        return not any(marker in payload for payload in later)
