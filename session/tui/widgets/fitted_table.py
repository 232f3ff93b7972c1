"""A table whose text column takes the width the other columns leave (bảng co giãn).

The ledger's petition text is the one column that can be cut short — the detail pane
beside the table shows it whole — while the columns after it (who raised it, the answers,
the conclusion) are what a secretary scans down. A fixed text width pushed the conclusion
past the right edge at 120 columns; here the text column is sized on every resize.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import DataTable


class FittedTable(DataTable[Any]):
    """A DataTable whose column *stretch* takes the room left, at least *least* cells."""

    def __init__(self, *, stretch: str, least: int = 16, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.stretch = stretch
        self.least = least

    def on_resize(self, event: events.Resize) -> None:
        self.fit()

    def fit(self) -> None:
        """Size the stretching column to the room the others leave (after columns change
        or the table is resized)."""
        column = self.columns.get(self.stretch)  # type: ignore[call-overload]
        if column is None or not self.size.width:
            return
        others = sum(c.get_render_width(self) for c in self.columns.values() if c is not column)
        room = self.size.width - self.styles.scrollbar_size_vertical - others - 2 * self.cell_padding
        width = max(self.least, room)
        if width != column.width:
            column.width = width
            column.auto_width = False
            self._require_update_dimensions = True
            self._clear_caches()
