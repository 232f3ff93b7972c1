"""Tables inside a Word document (.docx): the compiled list is very often one.

python-docx repeats a merged cell in ``row.cells`` (once per grid column it spans, and
down a vertical merge); a horizontal repeat is kept once, at its first column, so a
group row "I. LĨNH VỰC ĐẤT ĐAI" merged across the table reads as one cell, while a
vertical merge keeps its value on every row it covers.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from models.errors import HoinghiError
from session.domain.imports.sources import Cell, Grid, Source

if TYPE_CHECKING:
    from docx.oxml.table import CT_Tc
    from docx.table import _Cell, _Row

_P, _T = (f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{tag}" for tag in ("p", "t"))


def _text(cell: _Cell) -> str | None:
    """The cell's paragraphs, one line each (read from the XML: python-docx's
    paragraph objects cost a query per paragraph, too slow for thousands of rows)."""
    lines = ["".join(t.text or "" for t in p.iter(_T)) for p in cell._tc.iter(_P)]
    text = "\n".join(lines).strip()
    return text or None


def _row_cells(row: _Row) -> list[Cell]:
    cells: list[Cell] = []
    previous: CT_Tc | None = None
    for cell in row.cells:
        if previous is not None and cell._tc is previous:
            cells.append(None)  # the same merged cell again: counted once
            continue
        previous = cell._tc
        cells.append(_text(cell))
    return cells


def read_docx(path: Path) -> Source:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise HoinghiError("import.password", path=path.name)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise HoinghiError("import.damaged", path=path.name) from None
    except Exception:  # lxml's XMLSyntaxError and the like: a broken document
        raise HoinghiError("import.damaged", path=path.name) from None
    grids = []
    for index, table in enumerate(document.tables, start=1):
        rows = [(number, _row_cells(row)) for number, row in enumerate(table.rows, start=1)]
        grids.append(Grid(kind="table", index=index, name=str(index), rows=rows))
    if not grids:
        raise HoinghiError("import.no_table", path=path.name)
    return Source(path=str(path), format="docx", grids=grids)
