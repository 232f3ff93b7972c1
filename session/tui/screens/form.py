"""The base of every dialog that is typed into: keys act in the order they were typed.

A terminal hands a fast typist's keys (or a burst from tmux, a barcode reader, a paste of
key presses) to the app all at once. Textual routes each key to whichever widget has focus
when the app reads it, while the effect of Tab or Enter happens later, in the widgets' own
queues; the letters after them would land in the field just left, or be cleared with the
saved slip. Here Enter in a text field is taken first, waits until that field has taken
every key typed before it, then submits; Tab is made immediate at the app level
(see ``HoinghiApp.BINDINGS``).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, cast
from weakref import WeakSet

from textual import events, on
from textual.binding import Binding
from textual.screen import ModalScreen, ScreenResultType
from textual.visual import VisualType
from textual.widgets import Select, Static
from textual.widgets._select import SelectOverlay

from session.i18n import t
from session.tui.actions import translate
from session.tui.widgets.field import Input

if TYPE_CHECKING:
    from session.tui.app import HoinghiApp

SETTLE_SECONDS = 1.0  # a field that has not caught up by then is submitted as it stands


class FormScreen(ModalScreen[ScreenResultType]):
    """A modal form whose text fields submit on Enter (``on_input_submitted``)."""

    BINDINGS = [Binding("enter", "submit_field", show=False, priority=True)]

    def __init__(self) -> None:
        super().__init__()
        translate(self._bindings)  # "key.cancel" and the like, in the current language
        self._chosen: WeakSet[Select[Any]] = WeakSet()  # dropdowns whose list the person has opened
        self._leave_anyway = False  # Esc pressed once over unsaved text: the next one leaves

    @property
    def hoinghi(self) -> HoinghiApp:
        return cast("HoinghiApp", self.app)

    def unsaved_text(self) -> bool:
        """Whether a field holds text typed and not yet saved (quitting asks first)."""
        return any(field.typed for field in self.query(Input))

    def may_leave(self) -> bool:
        """Esc on a form holding text typed and not saved (a slip half written): the first
        press says so and the form stays; a second press leaves it, text and all."""
        if self._leave_anyway or not self.unsaved_text():
            return True
        self._leave_anyway = True
        self.app.notify(t("form.esc_unsaved"), severity="warning", timeout=6)
        return False

    def mark_saved(self) -> None:
        """What the fields hold now is saved (a form that stays open for the next one, with
        some fields kept): Esc leaves without a warning until something more is typed."""
        for field in self.query(Input):
            field.initial = field.value

    @on(Input.Changed)
    def _typing_again(self) -> None:
        self._leave_anyway = False  # what is typed after the warning is warned about again

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit_field":
            # Enter keeps its own meaning on lists and buttons, and in an open dropdown.
            focused = self.focused
            return isinstance(focused, Input) or (isinstance(focused, Select) and not focused.expanded)
        return True

    def save_form(self) -> bool:
        """Save the form as Enter in its text fields does; False if it has no such save.
        Called for Enter on a closed dropdown the person has already chosen in: they are
        done with the form, as after any other field. On a dropdown whose list they have
        not opened, Enter opens it, as Textual's does (its preset is no choice of theirs)."""
        return False

    def forget_choices(self) -> None:
        """The form starts again (the next slip): its dropdowns hold presets again."""
        self._chosen.clear()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, SelectOverlay) and isinstance(event.widget.parent, Select):
            self._chosen.add(event.widget.parent)  # its list was opened: what it holds was chosen

    async def action_submit_field(self) -> None:
        field = self.focused
        if isinstance(field, Select):
            if field.is_blank() or field not in self._chosen or not self.save_form():
                field.action_show_overlay()
            return
        if not isinstance(field, Input):
            return
        caught_up = asyncio.Event()
        field.call_later(caught_up.set)  # runs after every key already queued for the field
        try:
            await asyncio.wait_for(caught_up.wait(), SETTLE_SECONDS)
        except TimeoutError:
            pass
        handler = getattr(self, "on_input_submitted", None)
        if handler is not None:
            handler(Input.Submitted(field, field.value))


class FormMessage(Static):
    """A form's error or result line: whatever it says is scrolled into view, so a message
    below the visible part of a tall dialog is never missed."""

    said = False  # whether it says anything now

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        super().update(content, layout=layout)
        self.said = bool(content)
        if content:
            self.call_after_refresh(self.scroll_visible, animate=False)

    def clear(self) -> None:
        """Say nothing (cheap when it already says nothing: called on every key)."""
        if self.said:
            self.update("")
