"""HoinghiApp: the terminal app a secretary lives in."""

from __future__ import annotations

import gc
from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from models.errors import HoinghiError
from models.store import Store
from session.clock import Clock, system_clock
from session.i18n import error_text, t


class HoinghiApp(App[None]):
    """Runs one store; opens a meeting directly or shows the meeting picker."""

    CSS_PATH = "hoinghi.tcss"
    TITLE = "hoinghi"
    BINDINGS = [
        Binding("ctrl+q", "quit", t("key.quit"), show=False, priority=True),
        # Tab moves focus the moment the app reads it, so the letters typed right after it
        # go to the next field even when the keys arrive in one burst (see screens/form.py).
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
    ]

    def __init__(
        self, store: Store, *, meeting_id: int | None = None, clock: Clock = system_clock, mode: str = "console"
    ) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self._quit_anyway = False
        self.start_meeting_id = meeting_id
        self.mode = mode  # console | display | desk | survey
        self.sub_title = t("app.subtitle")

    POLL_SECONDS = 0.5  # changes by other screens and processes show within a second

    def on_mount(self) -> None:
        from session.tui.screens.picker import PickerScreen

        # Everything loaded so far lives as long as the app: keep it out of the garbage
        # collector's full passes, which otherwise stall a keystroke now and then.
        self.call_after_refresh(gc.freeze)

        self.set_interval(self.POLL_SECONDS, self.poll_store)
        if self.mode == "display" and self.start_meeting_id is not None:
            from session.tui.screens.display import DisplayScreen

            self.push_screen(DisplayScreen(self.start_meeting_id))
            return
        if self.mode == "desk" and self.start_meeting_id is not None:
            from session.tui.screens.queue import QueueScreen

            self.push_screen(QueueScreen(self.start_meeting_id, desk=True))
            return
        if self.mode == "survey" and self.start_meeting_id is not None:
            from session.tui.screens.survey import SurveyScreen

            self.push_screen(SurveyScreen(self.start_meeting_id))
            return
        self.push_screen(PickerScreen())
        if self.start_meeting_id is not None:
            self.open_meeting(self.start_meeting_id)

    def open_meeting(self, meeting_id: int) -> None:
        from session.tui.screens.live import LiveScreen

        self.push_screen(LiveScreen(meeting_id))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette (Ctrl+P) lists every action of the screen, by name."""
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            for title, help_text, callback in commands():
                yield SystemCommand(title, help_text, callback)
        yield from super().get_system_commands(screen)

    async def action_quit(self) -> None:
        saved = True
        for screen in self.screen_stack:
            flush = getattr(screen, "flush_notes", None)
            if flush is not None:
                saved = flush() and saved
        if not saved and not self._quit_anyway:
            # Notes on screen that cannot be saved are not thrown away on one key press.
            self._quit_anyway = True
            self.notify(t("quit.unsaved"), severity="error", timeout=8)
            return
        self.exit()

    def poll_store(self) -> None:
        for screen in list(self.screen_stack):
            # A screen being taken down (leaving it, or the app exiting) has lost its
            # widgets already; it has nothing left to refresh.
            if not (screen.is_running and screen.is_attached and screen.display):
                continue
            poll = getattr(screen, "poll_store", None)
            if poll is not None:
                poll()

    def report(self, exc: HoinghiError) -> None:
        """Show an error as one clear line; nothing else changes."""
        self.notify(error_text(exc), severity="error", timeout=8)
