"""Tables of figures in a Nghị định 30 document (bảng số liệu): a grid with a bold header row
that repeats on every page, text columns on the left, figures centred, fixed widths."""

from __future__ import annotations

from collections.abc import Sequence

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from exports.docx_format import _widths, set_style


def _cell_text(cell, text: str, *, size: float, bold: bool, align) -> None:  # noqa: ANN001
    paragraph = cell.paragraphs[0]
    set_style(paragraph, "HNSmall")
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(2)
    fmt.space_after = Pt(2)
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold


def _row_flag(row, name: str) -> None:  # noqa: ANN001
    """w:cantSplit (a row never breaks across pages) or w:tblHeader (repeats on each page)."""
    flag = OxmlElement(f"w:{name}")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


KEEP_TOGETHER_ROWS = 16  # a table this short is kept on one page
CELL_MARGIN_TWIPS = 57  # 1 mm each side: narrow figure columns keep their words whole


def _cell_margins(table) -> None:  # noqa: ANN001
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(CELL_MARGIN_TWIPS))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    table._tbl.tblPr.append(margins)


def figures_table(
    document,  # noqa: ANN001
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths_cm: Sequence[float],
    *,
    text_columns: Sequence[int] = (1,),
    size: float = 12,
    header_size: float | None = None,
    bold_last: bool = False,
):
    """A bordered table: *headers* (bold, centred, repeated on each page), then *rows*.
    Columns in *text_columns* are left-aligned; the others (numbers) are centred. With
    *bold_last* the last row (a total) is bold."""
    table = document.add_table(rows=1 + len(rows), cols=len(headers))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, list(widths_cm))
    _cell_margins(table)
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell_text(cell, text, size=header_size or size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _row_flag(table.rows[0], "tblHeader")
    for n, values in enumerate(rows, start=1):
        bold = bold_last and n == len(rows)
        for column, (cell, value) in enumerate(zip(table.rows[n].cells, values, strict=True)):
            align = WD_ALIGN_PARAGRAPH.LEFT if column in text_columns else WD_ALIGN_PARAGRAPH.CENTER
            _cell_text(cell, "" if value is None else str(value), size=size, bold=bold, align=align)
    keep = len(rows) < KEEP_TOGETHER_ROWS
    for n, row in enumerate(table.rows):
        _row_flag(row, "cantSplit")
        if keep and n < len(table.rows) - 1:
            for cell in row.cells:
                cell.paragraphs[0].paragraph_format.keep_with_next = True
    # A little air after the table before the next paragraph.
    document.add_paragraph().paragraph_format.space_after = Pt(0)
    return table
