"""The workstation (bàn làm việc): a desk at work on one meeting, made of the actions of
each part of the meeting."""

from __future__ import annotations

from session.workstation.agenda_actions import AgendaActions
from session.workstation.floor_actions import FloorActions
from session.workstation.ledger_actions import LedgerActions
from session.workstation.meeting_actions import MeetingActions
from session.workstation.registration_actions import RegistrationActions
from session.workstation.undo_actions import UndoActions


class Workstation(AgendaActions, FloorActions, RegistrationActions, LedgerActions, MeetingActions, UndoActions):
    """A desk at work on one meeting."""
