"""The hall display (màn hình hội trường): read-only, for a projector or a second
terminal, the speaker's name and the countdown as large as the window allows.

It reads the meeting through the domain (:func:`session.domain.hall.load_hall`) when
the event log says something changed — any screen or process, polled twice a second —
and recomputes its clocks from the stored timestamps several times a second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult

from models.errors import HoinghiError
from session.domain.hall import HallState, load_hall
from session.tui.actions import DISPLAY
from session.tui.hall.board import HallBoard
from session.tui.hall.content import frame_for
from session.tui.screens.base import MeetingScreenBase

if TYPE_CHECKING:
    from session.domain.sync import Changes

TICK_SECONDS = 0.2  # the countdown turns over within a fifth of a second of the clock


class DisplayScreen(MeetingScreenBase):
    ACTIONS = DISPLAY

    DEFAULT_CSS = """
    DisplayScreen { background: #000000; }
    """

    def __init__(self, meeting_id: int) -> None:
        super().__init__(meeting_id)
        self.state: HallState | None = None

    def compose(self) -> ComposeResult:
        yield HallBoard(id="hall")

    def on_mount(self) -> None:
        super().on_mount()
        self.reload()
        self.set_interval(TICK_SECONDS, self.tick)

    def on_store_changed(self, changes: Changes) -> None:
        self.reload()

    def reload(self) -> None:
        try:
            self.state = load_hall(self.hoinghi.store, self.meeting_id, self.hoinghi.clock())
        except HoinghiError:
            return  # the other side is restarting or busy: keep showing the last state
        self.tick()

    def tick(self) -> None:
        if self.state is not None:
            self.query_one(HallBoard).show(frame_for(self.state, self.hoinghi.clock()))
