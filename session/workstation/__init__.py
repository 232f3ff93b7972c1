"""The application layer (bàn làm việc): one object per desk and meeting, one method per
user action. Each method is one transaction holding all its checks, stamped with the desk
that acted; it returns plain data or raises a HoinghiError whose text is translated when
shown. Screens call these methods and nothing else to change a meeting; no Textual here."""

from __future__ import annotations

from session.workstation.agenda_actions import AgendaActions
from session.workstation.floor_actions import FloorActions
from session.workstation.identity import Desk, machine_name
from session.workstation.ledger_actions import LedgerActions
from session.workstation.meeting_actions import MeetingActions
from session.workstation.registration_actions import RegistrationActions
from session.workstation.undo_actions import UndoActions, Undone


class Workstation(AgendaActions, FloorActions, RegistrationActions, LedgerActions, MeetingActions, UndoActions):
    """A desk at work on one meeting."""


__all__ = ["Desk", "Undone", "Workstation", "machine_name"]
