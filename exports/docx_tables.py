"""Tables of figures in a Nghị định 30 document (bảng số liệu): a grid with a bold header row
that repeats on every page, text columns on the left, figures centred, fixed widths."""

from __future__ import annotations

from collections.abc import Sequence
from copy import deepcopy
from typing import TYPE_CHECKING

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from exports.docx_format import _widths

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import Table, _Cell, _Row

_PROTOS: dict[tuple[float, bool, str, bool], BaseOxmlElement] = {}


def _paragraph_xml(text: str, *, size: float, bold: bool, align: str, keep: bool) -> BaseOxmlElement:
    """A cell's <w:p>, copied from a prototype: python-docx's per-property setters cost
    tens of microseconds each, and a year's tables hold hundreds of cells."""
    key = (size, bold, align, keep)
    proto = _PROTOS.get(key)
    if proto is None:
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), "HNSmall")
        ppr.append(style)
        if keep:
            ppr.append(OxmlElement("w:keepNext"))
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:before"), "40")  # 2 pt
        spacing.set(qn("w:after"), "40")
        ppr.append(spacing)
        jc = OxmlElement("w:jc")
        jc.set(qn("w:val"), align)
        ppr.append(jc)
        p.append(ppr)
        r = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        if bold:
            rpr.append(OxmlElement("w:b"))
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), str(int(size * 2)))
        rpr.append(sz)
        r.append(rpr)
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        r.append(t)
        p.append(r)
        _PROTOS[key] = proto = p
    paragraph = deepcopy(proto)
    paragraph[-1][-1].text = text
    return paragraph


def _cell_text(cell: _Cell, text: str, *, size: float, bold: bool, align: str, keep: bool = False) -> None:
    tc = cell._tc
    for old in tc.findall(qn("w:p")):
        tc.remove(old)
    tc.append(_paragraph_xml(text, size=size, bold=bold, align=align, keep=keep))


def _row_flag(row: _Row, name: str) -> None:
    """w:cantSplit (a row never breaks across pages) or w:tblHeader (repeats on each page)."""
    flag = OxmlElement(f"w:{name}")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


KEEP_TOGETHER_ROWS = 16  # a table this short is kept on one page
CELL_MARGIN_TWIPS = 57  # 1 mm each side: narrow figure columns keep their words whole


def _cell_margins(table: Table) -> None:
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(CELL_MARGIN_TWIPS))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    table._tbl.tblPr.append(margins)


def figures_table(
    document: DocxDocument,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths_cm: Sequence[float],
    *,
    text_columns: Sequence[int] = (1,),
    size: float = 12,
    header_size: float | None = None,
    bold_last: bool = False,
) -> Table:
    """A bordered table: *headers* (bold, centred, repeated on each page), then *rows*.
    Columns in *text_columns* are left-aligned; the others (numbers) are centred. With
    *bold_last* the last row (a total) is bold."""
    table: Table = document.add_table(rows=1 + len(rows), cols=len(headers))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, list(widths_cm))
    _cell_margins(table)
    keep = len(rows) < KEEP_TOGETHER_ROWS  # a short table stays on one page
    table_rows = table.rows
    for cell, text in zip(table_rows[0].cells, headers, strict=True):
        _cell_text(cell, text, size=header_size or size, bold=True, align="center", keep=keep)
    _row_flag(table_rows[0], "tblHeader")
    for n, values in enumerate(rows, start=1):
        last = n == len(rows)
        bold = bold_last and last
        for column, (cell, value) in enumerate(zip(table_rows[n].cells, values, strict=True)):
            align = "left" if column in text_columns else "center"
            _cell_text(
                cell, "" if value is None else str(value), size=size, bold=bold, align=align, keep=keep and not last
            )
    for row in table_rows:
        _row_flag(row, "cantSplit")
    # A little air after the table before the next paragraph.
    document.add_paragraph().paragraph_format.space_after = Pt(0)
    return table
