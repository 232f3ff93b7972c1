"""A tick box (ô đánh dấu) whose mark shows only when it is ticked.

Textual's Checkbox draws an X whether ticked or not and tells the two apart by colour
alone: on a monochrome terminal, a projector or for a colour-blind clerk every box looks
ticked. Here a ticked box shows ✓ and an empty one a blank.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox


class Tick(Checkbox):
    """A Checkbox marked ✓ when ticked, blank when not."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "✓" if self.value else " "
        return super()._button
