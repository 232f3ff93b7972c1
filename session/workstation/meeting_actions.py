"""The meeting's particulars from a desk (thông tin hội nghị)."""

from __future__ import annotations

from session.domain import meeting_details
from session.domain.meeting_details import MeetingDetails
from session.workstation.base import WorkstationBase


class MeetingActions(WorkstationBase):
    def update_details(self, details: MeetingDetails, *, expected: MeetingDetails | None = None) -> bool:
        """Store the particulars in one action; False when nothing changed."""
        return meeting_details.update_details(
            self.store,
            self.meeting_id,
            details,
            at=self.clock(),
            expected=expected,
            actor=self.desk.kind,
            desk=self.desk.id,
        )
