"""Finding the header row of a compiled list, under its title rows and merged cells.

A header may take two rows: a merged "Người kiến nghị" over "Họ và tên" | "Bản". The
row under a header joins it only when every filled cell of it is itself a known header,
so the first person of the list is never read as a second header row.
"""

from __future__ import annotations

from dataclasses import dataclass

from session.domain.imports.columns import IMPORTED, REQUIRED, column_key, exact_key
from session.domain.imports.sources import Cell, Grid

HEADER_SCAN = 40  # rows searched for the header


@dataclass(frozen=True)
class Header:
    rows: tuple[int, ...]  # the file's row numbers that make the header
    start: int  # index (in the grid's rows) of the first row under the header
    texts: list[str]  # each column's header text ("Người kiến nghị / Họ và tên")
    mapping: dict[str, int]  # column key -> 0-based column
    # Columns a header names but whose key another column already took: column -> key.
    duplicates: dict[int, str]

    @property
    def row(self) -> int:
        return self.rows[0]


def text_of(cell: Cell) -> str:
    return "" if cell is None else str(cell).strip()


def map_columns(texts: list[str]) -> tuple[dict[str, int], dict[int, str]]:
    """Columns named exactly win over columns named loosely; the first of equals wins."""
    found: dict[str, int] = {}
    duplicates: dict[int, str] = {}
    loose: list[tuple[int, str]] = []
    for index, text in enumerate(texts):
        key, exact = column_key(text)
        if key is None:
            continue
        if not exact:
            loose.append((index, key))
        elif key in found:
            duplicates[index] = key
        else:
            found[key] = index
    for index, key in loose:
        if key in found:
            duplicates[index] = key
        else:
            found[key] = index
    return found, duplicates


def _is_subheader(cells: list[Cell], upper: list[Cell]) -> bool:
    """Every filled cell is a known header (a cell repeating the one above it, as a
    vertical merge does, says nothing either way); at least one is new."""
    above = [text_of(c) for c in upper]
    new = [
        text_of(c)
        for index, c in enumerate(cells)
        if text_of(c) and (index >= len(above) or text_of(c) != above[index])
    ]
    return bool(new) and all(exact_key(text) is not None for text in new)


def _score(mapping: dict[str, int]) -> int:
    return sum(1 for key in mapping if key in IMPORTED or key == "number")


def find_header(grid: Grid) -> Header | None:
    """The best header in the first rows of *grid*, or None when no row names the
    person and the petition (or one of them and two other known columns)."""
    best: Header | None = None
    best_score = 0
    rows = grid.rows
    for index, (number, cells) in enumerate(rows[:HEADER_SCAN]):
        texts = [text_of(c) for c in cells]
        mapping, duplicates = map_columns(texts)
        used: tuple[int, ...] = (number,)
        start = index + 1
        if index + 1 < len(rows) and _is_subheader(rows[index + 1][1], cells):
            lower = [text_of(c) for c in rows[index + 1][1]]
            width = max(len(texts), len(lower))
            combined = []
            for col in range(width):
                above = texts[col] if col < len(texts) else ""
                below = lower[col] if col < len(lower) else ""
                if below and below != above:
                    combined.append(f"{above} / {below}" if above else below)
                else:
                    combined.append(above)
            # The lower row's names decide where it has one.
            names = [
                below if exact_key(below) else above
                for above, below in zip(
                    texts + [""] * (width - len(texts)), lower + [""] * (width - len(lower)), strict=True
                )
            ]
            lower_map, lower_dupes = map_columns(names)
            if _score(lower_map) >= _score(mapping):
                texts, mapping, duplicates = combined, lower_map, lower_dupes
                used, start = (number, rows[index + 1][0]), index + 2
        score = _score(mapping)
        has_required = sum(1 for key in REQUIRED if key in mapping)
        if has_required == 0 or score < 2 or (has_required == 1 and score < 3):
            continue
        if score > best_score:
            best, best_score = Header(used, start, texts, mapping, duplicates), score
    return best
