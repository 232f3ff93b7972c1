"""What every meeting screen shares: its desk's workstation, one way to act, one way to
repaint, keys from the action table, undo and redo, help, leaving to the picker."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual.screen import Screen

from models.errors import HoinghiError
from session.i18n import t
from session.tui.actions import Act, bindings, help_rows, translate

if TYPE_CHECKING:
    from session.domain.sync import Changes
    from session.tui.app import HoinghiApp
    from session.workstation import Workstation

R = TypeVar("R")


class HoinghiScreen(Screen[None]):
    """A screen of hoinghi: typed access to the app, keys from an action table."""

    ACTIONS: tuple[Act, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        if self.ACTIONS:
            # The table's keys, labelled now in the current language; a class's own
            # BINDINGS stay for plain movement keys that are no action of their own.
            own = self._bindings
            self._bindings = bindings(self.ACTIONS)
            for key, found in own.key_to_bindings.items():
                self._bindings.key_to_bindings.setdefault(key, list(found))
        translate(self._bindings)

    @property
    def hoinghi(self) -> HoinghiApp:
        return cast("HoinghiApp", self.app)

    def key_rows(self) -> list[tuple[str, str, bool]]:
        """(keys, description, works while typing) for the help screen."""
        return help_rows(self.ACTIONS)

    def action_help(self) -> None:
        from session.tui.screens.dialogs import HelpScreen

        self.app.push_screen(HelpScreen(self.key_rows()))


class MeetingScreenBase(HoinghiScreen):
    """A screen on one meeting. It follows the store: :meth:`poll_store` (called by the
    app twice a second, and right after each action) hands it the rows changed since it
    last looked, by any screen or process, and :meth:`on_store_changed` repaints what they
    touch — the one repaint path. A screen covered by another (not a dialog) waits, and
    catches up when it shows again."""

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.seen_event: int | None = None  # set once mounted: no repaint before the widgets exist

    @property
    def ws(self) -> Workstation:
        """This desk's workstation on the meeting: one method per user action."""
        return self.hoinghi.workstation(self.meeting_id)

    def on_mount(self) -> None:
        from session.domain.sync import last_event_id

        self.seen_event = last_event_id(self.hoinghi.store)

    def on_screen_resume(self) -> None:
        self.poll_store()  # what changed while another screen covered this one

    def covered(self) -> bool:
        """True while another screen, not a dialog, lies over this one: nothing of it shows."""
        from textual.screen import ModalScreen

        stack = self.app.screen_stack
        if self not in stack:
            return True
        return any(not isinstance(above, ModalScreen) for above in stack[stack.index(self) + 1 :])

    def poll_store(self) -> None:
        from session.domain.sync import changes_since

        if self.seen_event is None or self.covered():
            return  # a covered screen catches up when it shows again (on_screen_resume)
        try:
            changes = changes_since(self.hoinghi.store, self.meeting_id, self.seen_event)
        except HoinghiError:
            return  # a busy or locked moment: the next poll will see it
        self.seen_event = changes.last_event_id
        if not changes.empty:
            self.on_store_changed(changes)

    def on_store_changed(self, changes: Changes) -> None:
        """Repaint what *changes* touched. Screens override."""

    def ready_to_act(self) -> bool:
        """False when the screen holds something that must be saved first (notes)."""
        return True

    def act(self, call: Callable[[], R], *, done: str | Callable[[R], str | None] | None = None) -> R | None:
        """Run one workstation method for a key. An error becomes one clear line; either
        way the screen then repaints from the store (its own change and any other's)."""
        if not self.ready_to_act():
            return None
        try:
            result = call()
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            self.poll_store()
            return None
        self.poll_store()
        message = done(result) if callable(done) else done
        if message:
            self.app.notify(message, timeout=4)
        return result

    def action_undo(self) -> None:
        self.act(self.ws.undo, done=lambda u: t("done.undo", action=u.what))

    def action_redo(self) -> None:
        self.act(self.ws.redo, done=lambda u: t("done.redo", action=u.what))

    def open(self, screen: Screen[Any], callback: Callable[[Any], Any] | None = None) -> None:
        """Open another screen over this one (what must be saved first is saved)."""
        self.ready_to_act()
        self.app.push_screen(screen, callback)

    def leave_to_picker(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            from session.tui.screens.picker import PickerScreen

            self.app.switch_screen(PickerScreen(highlight=self.meeting_id))  # the cursor on this meeting
