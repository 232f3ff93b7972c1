"""The workstation's plumbing: one transaction per user action, stamped with the desk."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from models.store import Store, Tx
from session.clock import Clock
from session.workstation.identity import Desk


class WorkstationBase:
    """A desk working on one meeting. Subclasses add one method per user action."""

    def __init__(self, store: Store, meeting_id: int, desk: Desk, clock: Clock) -> None:
        self.store = store
        self.meeting_id = meeting_id
        self.desk = desk
        self.clock = clock

    @contextmanager
    def action(self, name: str, **facts: Any) -> Iterator[Tx]:
        """One user action: one transaction, one event row naming this desk."""
        with self.store.action(
            name,
            at=self.clock(),
            meeting_id=self.meeting_id,
            actor=self.desk.kind,
            desk=self.desk.id,
            **facts,
        ) as tx:
            yield tx
