"""How wide a line of Times New Roman is, to size the rules the decree measures against a
line ("1/3 to 1/2 of the line", "as long as the line").

The advance widths (1/1000 em) of printable ASCII in Times Roman and Times Bold — the
same as the metric-compatible Liberation Serif LibreOffice substitutes. A Vietnamese
letter is as wide as its base letter.
"""

from __future__ import annotations

import unicodedata

_FIRST = 32
_REGULAR = (
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722,
    722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333,
    278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
)  # fmt: skip
_BOLD = (
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778,
    778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333,
    278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
    556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
)  # fmt: skip
_CM_PER_PT = 2.54 / 72


def _advance(ch: str, table: tuple[int, ...]) -> int:
    if ch == "đ":
        ch = "d"
    elif ch == "Đ":
        ch = "D"
    elif ch == "\u00a0":
        ch = " "
    base = unicodedata.normalize("NFD", ch)[0]
    code = ord(base) - _FIRST
    return table[code] if 0 <= code < len(table) else 500


def line_width_cm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """The printed width of *text* on one line."""
    table = _BOLD if bold else _REGULAR
    return sum(_advance(ch, table) for ch in text) / 1000 * size_pt * _CM_PER_PT


def longest_line_cm(text: str, size_pt: float, column_cm: float, *, bold: bool = False) -> float:
    """The width of the longest line *text* makes in a column of *column_cm* (word wrap)."""
    longest = 0.0
    line = ""
    space = line_width_cm(" ", size_pt, bold=bold)
    width = 0.0
    for word in text.split(" "):
        word_width = line_width_cm(word, size_pt, bold=bold)
        if line and width + space + word_width > column_cm:
            longest = max(longest, width)
            line, width = word, word_width
        else:
            width = width + space + word_width if line else word_width
            line = f"{line} {word}" if line else word
    return min(column_cm, max(longest, width))
