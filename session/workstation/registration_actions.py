"""Speaking requests from a desk (đăng ký phát biểu): a slip, a correction, a compiled list."""

from __future__ import annotations

from session.domain import registrations
from session.domain.fields import get_fields
from session.domain.registrations import Slip, clean_slip
from session.workstation.base import WorkstationBase


class RegistrationActions(WorkstationBase):
    def register(self, slip: Slip, *, force: bool = False) -> int:
        """One slip at the end of the queue; a near-duplicate asks first (Conflict) unless *force*."""
        cleaned = clean_slip(slip, get_fields(self.store))
        with self.action("registration.add") as tx:
            return registrations.register(tx, self.meeting_id, cleaned, force=force)

    def edit_registration(self, reg_id: int, slip: Slip, *, force: bool = False) -> None:
        """Correct a registration (name, residential unit, field, summary, phone…); its number stays."""
        cleaned = clean_slip(slip, get_fields(self.store))
        with self.action("registration.edit") as tx:
            registrations.update_registration(tx, self.meeting_id, reg_id, cleaned, force=force)

    def register_many(self, slips: list[Slip]) -> int:
        """A compiled list: all or nothing. The slips are checked before the write, which
        stays short so the other desks are not kept waiting."""
        fields = get_fields(self.store)
        cleaned = [clean_slip(s, fields) for s in slips]
        with self.action("registration.import") as tx:
            return registrations.register_many(tx, self.meeting_id, cleaned)
