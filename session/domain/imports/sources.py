"""What a file holds before anything is understood: its sheets or tables as rows of cells.

Every row keeps the number the person sees (Excel's row 26, or the 12th row of the
first Word table), so every message can point at the place in the file itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: A cell as read: text, a number, a date/time, a bool, or None when empty.
Cell = object


@dataclass(frozen=True)
class Grid:
    """One sheet of a workbook, one table of a Word document, or a whole .csv file.

    *kind* says how places are named: ``sheet`` (row number and column letter),
    ``table`` (bảng N, dòng M, cột K) or ``csv`` (row number and column number)."""

    kind: str
    index: int  # 1-based position in the file
    name: str
    rows: list[tuple[int, list[Cell]]]  # (the file's own row number, cells)
    hidden: bool = False
    # Cells holding a formula whose result was never saved (row number, 0-based column).
    formulas: frozenset[tuple[int, int]] = frozenset()

    @property
    def width(self) -> int:
        return max((len(cells) for _, cells in self.rows), default=0)


@dataclass(frozen=True)
class Source:
    """A file read into grids, with what was learnt on the way (its text encoding)."""

    path: str
    format: str  # xlsx, xls, ods, csv, docx
    grids: list[Grid]
    encoding: str = ""  # for .csv: the encoding it was read in
    notes: list[tuple[str, dict[str, object]]] = field(default_factory=list)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (as the spreadsheet names its columns)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_label(kind: str, index: int) -> str:
    """How the person finds a column: a letter in a sheet, a number in a table or .csv."""
    return column_letter(index) if kind == "sheet" else str(index + 1)


def parse_column(kind: str, text: str) -> int | None:
    """The 0-based column a person named: "E" or "5" (either works everywhere)."""
    text = text.strip().upper()
    if text.isdigit():
        number = int(text)
        return number - 1 if number >= 1 else None
    if text.isalpha() and text.isascii() and len(text) <= 3:
        value = 0
        for ch in text:
            value = value * 26 + (ord(ch) - 64)
        return value - 1
    return None
