"""HoinghiApp: the terminal app a secretary lives in."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from models.errors import HoinghiError
from models.store import Store, Tx
from session.clock import Clock, system_clock
from session.i18n import error_text, t
from session.launch import release
from session.tui.actions import key_label
from session.tui.palette import Palette, ScreenCommands

if TYPE_CHECKING:
    from session.workstation import Desk, Workstation

#: The desk each mode of the app is (undo and redo are per desk).
DESK_OF_MODE = {"console": "console", "desk": "desk", "display": "display", "survey": "office"}


class HoinghiApp(App[None]):
    """Runs one store; opens a meeting directly or shows the meeting picker."""

    CSS_PATH = "hoinghi.tcss"
    TITLE = "hoinghi"
    COMMANDS = {ScreenCommands}
    #: Below these sizes the app has the class -short / -narrow (see hoinghi.tcss): in a
    #: short terminal (80×24) forms draw their fields without frames; in a narrow one,
    #: panes that sit side by side go one under the other.
    SHORT_BELOW = 30
    NARROW_BELOW = 100

    def __init__(
        self,
        store: Store,
        *,
        meeting_id: int | None = None,
        clock: Clock = system_clock,
        mode: str = "console",
        desk: Desk | None = None,
    ) -> None:
        from session.workstation import Desk

        super().__init__()
        self._bindings.bind("ctrl+q", "quit", t("key.quit"), show=False, priority=True)
        # The palette's key, named in the app's language (Textual's own says "palette").
        self._bindings.key_to_bindings[self.COMMAND_PALETTE_BINDING] = [
            Binding(self.COMMAND_PALETTE_BINDING, "command_palette", t("key.palette"), show=False, priority=True)
        ]
        # Tab moves focus the moment the app reads it, so the letters typed right after it
        # go to the next field even when the keys arrive in one burst (see screens/form.py).
        self._bindings.bind("tab", "focus_next", show=False, priority=True)
        self._bindings.bind("shift+tab", "focus_previous", show=False, priority=True)
        self.store = store
        self.clock = clock
        self._quit_anyway = False
        self.start_meeting_id = meeting_id
        self.mode = mode  # console | display | desk | survey
        self.desk = desk or Desk.here(DESK_OF_MODE.get(mode, mode))
        self._workstations: dict[int, Workstation] = {}
        self.sub_title = t("app.subtitle")

    def workstation(self, meeting_id: int) -> Workstation:
        """This app's desk at work on *meeting_id* (the application layer)."""
        from session.workstation import Workstation

        ws = self._workstations.get(meeting_id)
        if ws is None:
            ws = self._workstations[meeting_id] = Workstation(self.store, meeting_id, self.desk, self.clock)
        return ws

    def desk_action(self, name: str, *, meeting_id: int | None = None, **facts: object) -> AbstractContextManager[Tx]:
        """One action of this app's desk outside a meeting's workstation (plans, settings)."""
        return self.store.action(
            name, at=self.clock(), meeting_id=meeting_id, actor=self.desk.kind, desk=self.desk.id, **facts
        )

    def get_key_display(self, binding: Binding) -> str:
        """Keys as printed on the keyboard ("/" rather than "slash")."""
        return binding.key_display or key_label(binding.key)

    def action_command_palette(self) -> None:
        # Textual types the app App[object], yet any app fits (it reads only app.screen).
        if not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(Palette(placeholder=t("palette.placeholder")))

    POLL_SECONDS = 0.5  # changes by other screens and processes show within a second

    def fit(self, width: int, height: int) -> None:
        """The classes of the terminal's size. Set on the app rather than on each screen
        (as Textual's breakpoints do), so a screen is laid out for the size it opens in."""
        self.set_class(height < self.SHORT_BELOW, "-short")
        self.set_class(width < self.NARROW_BELOW, "-narrow")

    def _after_first_paint(self) -> None:
        # The actions a key calls load once the first screen shows, not before it.
        import session.workstation.workstation  # noqa: F401

        # Everything loaded so far lives as long as the app: keep it out of the garbage
        # collector's full passes, which otherwise stall a keystroke now and then; the
        # collector, held back while the command loaded (session/launch.py), runs again.
        release(freeze=True)

    def on_resize(self, event: events.Resize) -> None:
        self.fit(*event.size)

    def on_mount(self) -> None:
        self.fit(*self.size)
        self.call_after_refresh(self._after_first_paint)

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
        if self.start_meeting_id is not None:
            # Straight to the meeting: the picker is made only when Esc asks for it
            # (leave_to_picker), not beneath the console at every start.
            self.open_meeting(self.start_meeting_id)
            return
        from session.tui.screens.picker import PickerScreen

        self.push_screen(PickerScreen())

    def open_meeting(self, meeting_id: int) -> None:
        from session.tui.screens.live import LiveScreen

        self.push_screen(LiveScreen(meeting_id))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Beside the screen's own actions the palette offers only quitting, in the
        app's language (Textual's own English commands are left out)."""
        yield SystemCommand(t("key.quit"), t("cmd.quit"), self.action_quit)

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
        from session.tui.screens.form import FormScreen

        typing = any(isinstance(s, FormScreen) and s.unsaved_text() for s in self.screen_stack)
        if typing and not self._quit_anyway:
            # Nor is a half-typed form (a slip, an answer): the first Ctrl+Q says so.
            self._quit_anyway = True
            self.notify(t("quit.form_unsaved"), severity="warning", timeout=8)
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
