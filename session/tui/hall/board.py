"""HallBoard: the whole hall display as one widget, laid out for its own size.

It shows a :class:`~session.tui.hall.layout.Frame`; the layout is planned again when
the window changes size, so the name and the countdown always fill what is there.
Colours are component classes (one per style name of the layout), kept high-contrast
for a projector: white on black, the countdown green, amber at the warning, red over.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from session.tui.hall.layout import Big, Frame, plan

STYLES = (
    "title",
    "context",
    "label",
    "name",
    "name-next",
    "info",
    "hint",
    "dim",
    "heading",
    "next",
    "clock-normal",
    "clock-warning",
    "clock-over",
    "clock-open",
    "clock-idle",
    "words",
    "words-warning",
    "words-over",
    "recess",
    "thanks",
)


class HallBoard(Widget):
    """The hall display's board (bảng màn hình hội trường)."""

    COMPONENT_CLASSES = {f"hall--{name}" for name in STYLES}

    DEFAULT_CSS = """
    HallBoard {
        width: 1fr;
        height: 1fr;
        background: #000000;
        color: #f2f2f2;
    }
    HallBoard > .hall--title { color: #ffd75f; text-style: bold; }
    HallBoard > .hall--context { color: #d0d0d0; }
    HallBoard > .hall--label { color: #8ec5ff; }
    HallBoard > .hall--name { color: #ffffff; text-style: bold; }
    HallBoard > .hall--name-next { color: #8ec5ff; text-style: bold; }
    HallBoard > .hall--info { color: #e0e0e0; }
    HallBoard > .hall--hint { color: #ffd75f; text-style: bold; }
    HallBoard > .hall--dim { color: #a8a8a8; }
    HallBoard > .hall--heading { color: #ffffff; text-style: bold; }
    HallBoard > .hall--next { color: #ffffff; }
    HallBoard > .hall--clock-normal { color: #3ddc84; }
    HallBoard > .hall--clock-warning { color: #ffc400; }
    HallBoard > .hall--clock-over { color: #ff4040; }
    HallBoard > .hall--clock-open { color: #8ec5ff; }
    HallBoard > .hall--clock-idle { color: #ffd75f; }
    HallBoard > .hall--words { color: #d0d0d0; }
    HallBoard > .hall--words-warning { color: #000000; background: #ffc400; text-style: bold; }
    HallBoard > .hall--words-over { color: #ffffff; background: #d00000; text-style: bold; }
    HallBoard > .hall--recess { color: #8ec5ff; }
    HallBoard > .hall--thanks { color: #ffd75f; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 — Textual's name
        super().__init__(id=id)
        self.frame = Frame()

    def show(self, frame: Frame) -> None:
        """Show *frame*; nothing is redrawn when it is the same as the one on screen."""
        if frame == self.frame:
            return
        self.frame = frame
        phase = self.phase
        self.set_class(phase == "warning", "-warning")
        self.set_class(phase == "over", "-over")
        self.refresh()

    @property
    def phase(self) -> str:
        """The countdown's phase on screen: normal, warning, over, open, idle ("" if none)."""
        for group in self.frame.middle:
            for block in group:
                if isinstance(block, Big) and block.primary and block.style.startswith("clock-"):
                    return block.style.removeprefix("clock-")
        return ""

    def lines(self) -> list[str]:
        """The rows as plain text (what the hall reads), at the widget's size."""
        return [row.text for row in plan(self.frame, self.size.width, self.size.height)]

    def render(self) -> Text:
        rows = plan(self.frame, self.size.width, self.size.height)
        text = Text(no_wrap=True, overflow="crop", end="")
        styles: dict[str, Style] = {}
        for i, row in enumerate(rows):
            if i:
                text.append("\n")
            if row.style and row.style not in styles:
                styles[row.style] = self.get_component_rich_style(f"hall--{row.style}", partial=True)
            text.append(row.text, styles.get(row.style))
        return text
