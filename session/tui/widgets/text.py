"""Showing text in a Static without repainting more than it takes.

``Static.update`` repaints the widget and lays the whole screen out again, which on the
live console costs more than the text itself. Here an unchanged text is left alone, and
the screen is laid out again only when the widget's height has to change.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from textual.widgets import Static

_shown: WeakKeyDictionary[Static, Any] = WeakKeyDictionary()


def show_text(widget: Static, content: Any) -> None:
    """Show *content* (a str or a Rich Text) in *widget*."""
    if widget in _shown and _shown[widget] == content:
        return
    _shown[widget] = content
    width, height = widget.styles.width, widget.styles.height
    if width is not None and width.is_auto:
        widget.update(content)  # its width follows the text: lay out again
        return
    if height is not None and not height.is_auto:
        widget.update(content, layout=False)  # a fixed height: nothing else moves
        return
    region = widget.content_region
    widget.update(content, layout=False)
    if not region.width:
        widget.refresh(layout=True)  # not laid out yet
        return
    needed = widget.get_content_height(region.size, widget.app.size, region.width)
    if needed != region.height:
        widget.refresh(layout=True)


def shorten(text: str, width: int) -> str:
    """*text* in at most *width* cells: when longer, cut after a whole word and marked
    "…" (a word cut short reads as a typo: "Tiến hành đối tho")."""
    from rich.cells import cell_len

    if cell_len(text) <= width:
        return text
    if width < 2:
        return "…" if width == 1 else ""
    cut = text
    while cut and cell_len(cut) > width - 1:
        cut = cut[:-1]
    space = cut.rfind(" ")
    if not text[len(cut)].isspace() and space >= (width - 1) // 2:
        cut = cut[:space]  # back to the last whole word, unless it would leave too little
    return cut.rstrip(" ,;:-–") + "…"
