"""QueueList: the registration list as one scrolling widget (Line API, no widget per row).

Each row is rendered once into a Strip cached by its key and redrawn only when that row
changes; reordering moves keys, not renderings. DataTable re-renders every visible cell
after any change, which at 2,000 rows put "call next" above its 30 ms budget.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

Cells = tuple[Text, ...]

#: What the last column (the free text) keeps at least, on a narrow screen.
LAST_AT_LEAST = 24


def fit_widths(widths: Sequence[int], floors: Sequence[int], total: int) -> list[int]:
    """*widths* for a line *total* cells wide: the columns before the last give up room,
    each in proportion to what it has above its floor, until the last has
    ``LAST_AT_LEAST`` (or they are all at their floors). The last is whatever is left."""
    fixed = list(widths[:-1])
    short = LAST_AT_LEAST - (total - sum(fixed))
    spare = [max(0, w - f) for w, f in zip(fixed, floors, strict=True)]
    if short <= 0 or not sum(spare):
        return [*fixed, widths[-1]]
    share = min(1.0, short / sum(spare))
    fitted = [w - int(round(room * share)) for w, room in zip(fixed, spare, strict=True)]
    return [*fitted, widths[-1]]


class QueueList(ScrollView, can_focus=True):
    """Rows of Text cells in fixed-width columns; a row cursor; Enter selects."""

    COMPONENT_CLASSES = {"queue-list--cursor", "queue-list--even"}
    DEFAULT_CSS = """
    QueueList {
        background: $surface;
    }
    QueueList > .queue-list--cursor {
        background: $accent 60%;
        text-style: bold;
    }
    QueueList:blur > .queue-list--cursor {
        background: $accent 30%;
    }
    QueueList > .queue-list--even {
        background: $boost;
    }
    """
    BINDINGS = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "jump(0)", show=False),
        Binding("end", "jump(-1)", show=False),
        Binding("enter", "select", show=False),
    ]

    class Selected(Message):
        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    class Highlighted(Message):
        def __init__(self, key: str | None) -> None:
            super().__init__()
            self.key = key

    class Fitted(Message):
        """The columns were fitted to a new width: a header above them follows."""

    def __init__(
        self,
        widths: Sequence[int],
        *,
        floors: Sequence[int] | None = None,
        id: str | None = None,  # noqa: A002
    ) -> None:
        super().__init__(id=id)
        self.natural = list(widths)  # the last column takes what is left
        self.floors = list(floors) if floors is not None else list(widths[:-1])  # narrowest each may get
        self.widths = list(widths)  # as fitted to the width shown
        self.order: list[str] = []
        self.cells: dict[str, Cells] = {}
        self._index: dict[str, int] = {}
        self._strips: dict[str, Strip] = {}
        self._strip_width = 0
        self.cursor_row = 0

    # --- data -------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.order)

    def __contains__(self, key: str) -> bool:
        return key in self.cells

    def set_rows(self, rows: Sequence[tuple[str, Cells]]) -> None:
        self.cells = dict(rows)
        self.order = [key for key, _ in rows]
        self._strips.clear()
        self._reindex()

    def put(self, key: str, cells: Cells) -> None:
        """Add a row at the end, or replace an existing row's cells."""
        if key not in self.cells:
            self.order.append(key)
            self._index[key] = len(self.order) - 1
        if self.cells.get(key) != cells:
            self.cells[key] = cells
            self._strips.pop(key, None)
        self._changed()

    def remove_row(self, key: str) -> None:
        if key in self.cells:
            del self.cells[key]
            self._strips.pop(key, None)
            self.order.remove(key)
            self._reindex()

    def reorder(self, keys: list[str]) -> None:
        if keys != self.order:
            self.order = list(keys)
            self._reindex()

    def _reindex(self) -> None:
        self._index = {key: n for n, key in enumerate(self.order)}
        self.cursor_row = max(0, min(self.cursor_row, len(self.order) - 1))
        self._changed()

    def _changed(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.order))
        self.refresh()

    def get_row_at(self, index: int) -> Cells:
        return self.cells[self.order[index]]

    def get_row_index(self, key: str) -> int:
        return self._index[key]

    def selected_key(self) -> str | None:
        return self.order[self.cursor_row] if self.order else None

    def move_cursor(self, row: int) -> None:
        if not self.order:
            return
        row = max(0, min(row, len(self.order) - 1))
        moved = row != self.cursor_row
        self.cursor_row = row
        top = int(self.scroll_offset.y)
        height = max(1, self.scrollable_content_region.height)
        if row < top:
            self.scroll_to(y=row, animate=False)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False)
        self.refresh()
        if moved:
            self.post_message(self.Highlighted(self.selected_key()))

    # --- keys and mouse ------------------------------------------------------------

    def action_cursor(self, delta: int) -> None:
        self.move_cursor(self.cursor_row + delta)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self.cursor_row + direction * max(1, self.scrollable_content_region.height - 1))

    def action_jump(self, where: int) -> None:
        self.move_cursor(len(self.order) - 1 if where < 0 else 0)

    def action_select(self) -> None:
        key = self.selected_key()
        if key is not None:
            self.post_message(self.Selected(key))

    def on_click(self, event: events.Click) -> None:
        row = event.y + int(self.scroll_offset.y)
        if 0 <= row < len(self.order):
            self.move_cursor(row)
            if event.chain >= 2:
                self.action_select()

    # --- rendering ---------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        """The columns fitted to the width now shown (before the rows are drawn at it)."""
        fitted = fit_widths(self.natural, self.floors, event.size.width)
        if fitted != self.widths:
            self.widths = fitted
            self._strips.clear()
            self.post_message(self.Fitted())

    def _render_row(self, key: str, width: int) -> Strip:
        line = Text(no_wrap=True, end="")
        cells = self.cells[key]
        last = len(self.widths) - 1
        used = 0
        for n, cell in enumerate(cells):
            column = self.widths[n] if n < last else max(1, width - used)
            piece = cell.copy()
            piece.truncate(column - 1, overflow="ellipsis", pad=True)
            line.append_text(piece)
            line.append(" ")
            used += column
        segments = list(line.render(self.app.console))
        return Strip(segments).crop_extend(0, width, None)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width or self.size.width
        if width != self._strip_width:
            self._strips.clear()
            self._strip_width = width
        row = y + int(self.scroll_offset.y)
        if not 0 <= row < len(self.order):
            return Strip.blank(width, self.rich_style)
        key = self.order[row]
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._render_row(key, width)
        if row == self.cursor_row:
            style = self.get_component_rich_style("queue-list--cursor")
        elif row % 2:
            style = self.get_component_rich_style("queue-list--even")
        else:
            style = self.rich_style
        return strip.apply_style(
            Style(bgcolor=style.bgcolor, bold=style.bold) if row == self.cursor_row else Style(bgcolor=style.bgcolor)
        )

    def header(self, labels: Sequence[str]) -> Text:
        """The column titles, laid out like the rows (for a Static above the list)."""
        line = Text(no_wrap=True, end="", style="bold")
        for n, label in enumerate(labels):
            column = self.widths[n] if n < len(self.widths) - 1 else len(label) + 1
            piece = Text(label)
            piece.truncate(column - 1, overflow="ellipsis", pad=True)
            line.append_text(piece)
            line.append(" ")
        return line
