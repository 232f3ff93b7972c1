"""The one-line text field of every form: Textual's Input, without laying the whole
screen out again on each key.

Textual's Input records the width of its text as its virtual size, a reactive that asks
for a layout of the whole screen whenever it changes — that is, on every key typed or
every field cleared. Nothing outside the field depends on that width (the field's own
size is fixed by its CSS; only its horizontal scrolling reads it), so here the width is
recorded quietly first; Textual then finds it unchanged and lays nothing out.
"""

from __future__ import annotations

from typing import Any

from textual import events, widgets
from textual.geometry import Size
from textual.widget import Widget

from models.text import pasted


class Input(widgets.Input):
    """A text field (ô nhập) whose typing repaints the field, not the screen; it remembers
    the text it opened with (:attr:`initial`), so a form can tell what was typed since."""

    def __init__(self, value: str | None = None, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(value, *args, **kwargs)
        self.initial = value or ""

    @property
    def typed(self) -> bool:
        """Text typed here that differs from what the field opened with."""
        return self.value.strip() != self.initial.strip()

    def _on_paste(self, event: events.Paste) -> None:
        # Textual hands the event on to Input's own handler next, which inserts it.
        event.text = pasted(event.text, multiline=False)  # a tab between two names is a space

    def _watch_value(self, value: str) -> None:
        if not self.styles.auto_dimensions:  # an auto-sized field does follow its text
            self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)
