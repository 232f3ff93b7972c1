"""Plain-text tables for the commands' listings (``list``, ``plan list``): each column as
wide as its widest cell or heading, so headings stand over their values whatever the
language."""

from __future__ import annotations

from collections.abc import Sequence

import click
from rich.cells import cell_len


def table_lines(heading: str, rows: Sequence[Sequence[object]], *, right: frozenset[int] = frozenset()) -> list[str]:
    """The lines of a table: *heading* names the columns separated by "|"; columns whose
    index is in *right* are aligned right (numbers); the last column is not padded."""
    names = heading.split("|")
    cells = [names, *([str(c) for c in row] for row in rows)]
    widths = [max(cell_len(line[n]) for line in cells) for n in range(len(names))]

    def line(values: Sequence[str]) -> str:
        out = []
        for n, value in enumerate(values):
            pad = " " * (widths[n] - cell_len(value))
            if n == len(values) - 1 and n not in right:
                out.append(value)
            else:
                out.append(pad + value if n in right else value + pad)
        return "  ".join(out)

    return [line(values) for values in cells]


def echo_table(heading: str, rows: Sequence[Sequence[object]], *, right: frozenset[int] = frozenset()) -> None:
    for text in table_lines(heading, rows, right=right):
        click.echo(text)
