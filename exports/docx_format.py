"""Nghị định 30/2020/NĐ-CP formatting for python-docx documents (thể thức văn bản).

A4 portrait, the office's margins, Times New Roman in all four font slots, the vi-VN
language tag, justified body with a first-line indent, 6 pt after paragraphs, single
line spacing, page numbers centred at the top from page 2, and the two-column header
(cơ quan ban hành | Quốc hiệu, Tiêu ngữ) with its rules.
"""

from __future__ import annotations

from copy import deepcopy
from datetime import date
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.text.paragraph import Paragraph

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.section import Section
    from docx.styles.style import ParagraphStyle
    from docx.table import Table, _Cell

    from session.domain.papers import Papers
    from session.domain.settings import OfficeSettings

from exports.metrics import line_width_cm, longest_line_cm

FONT = "Times New Roman"
LANG = "vi-VN"
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
LEFT_COL_CM = 6.0
RIGHT_COL_CM = 10.5
RULE_SHARE = 0.4  # a rule under a line is 1/3 to 1/2 of it


def _fonts(rpr: BaseOxmlElement) -> None:
    """Times New Roman in the ascii, hAnsi, eastAsia and cs slots; no theme fonts."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANG)
    lang.set(qn("w:eastAsia"), LANG)
    lang.set(qn("w:bidi"), "ar-SA")


def _doc_defaults(document: DocxDocument) -> None:
    """Override the template's defaults (Calibri/Cambria themes, en-US, 10 pt after, 1.15 lines)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr)
    ppr_default = defaults.find(qn("w:pPrDefault"))
    ppr = ppr_default.find(qn("w:pPr")) if ppr_default is not None else None
    if ppr is not None:
        spacing = ppr.find(qn("w:spacing"))
        if spacing is None:
            spacing = OxmlElement("w:spacing")
            ppr.append(spacing)
        spacing.set(qn("w:after"), "120")
        spacing.set(qn("w:line"), "240")
        spacing.set(qn("w:lineRule"), "auto")


def _style(
    document: DocxDocument,
    name: str,
    *,
    size: float,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent_cm: float = 0.0,
    after_pt: float = 6,
    before_pt: float = 0,
    keep_next: bool = False,
) -> ParagraphStyle:
    styles = document.styles
    style: ParagraphStyle
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if name != "Normal":
        style.base_style = styles["Normal"]
    font = style.font
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    _fonts(style.element.get_or_add_rPr())
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Cm(indent_cm)  # explicit 0 too: styles inherit Normal's indent
    fmt.space_after = Pt(after_pt)
    fmt.space_before = Pt(before_pt)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.keep_with_next = keep_next
    return style


def new_document(
    *, margins_mm: tuple[float, float, float, float] = (20, 20, 30, 15), body_pt: float = 14.0
) -> DocxDocument:
    """An empty document with the decree's page, fonts and paragraph styles:
    Normal (body), HN Center, HN Title, HN Summary, HN Heading, HN Small, HN Label."""
    document = Document()
    _doc_defaults(document)
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, bottom, left, right = margins_mm
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    _style(document, "Normal", size=float(body_pt), indent_cm=1.27)
    _style(document, "HN Center", size=13, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=0)
    _style(
        document,
        "HN Title",
        size=14,
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        after_pt=0,
        before_pt=12,
        keep_next=True,
    )
    _style(document, "HN Summary", size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=6, keep_next=True)
    _style(
        document, "HN Heading", size=float(body_pt), bold=True, indent_cm=1.27, after_pt=6, before_pt=6, keep_next=True
    )
    _style(document, "HN Small", size=11, align=WD_ALIGN_PARAGRAPH.LEFT, after_pt=0)
    _style(document, "HN Label", size=12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, after_pt=0)
    _page_numbers(section)
    return document


def _field(paragraph: Paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text == instruction:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)


def _page_numbers(section: Section) -> None:
    """Page number centred in the top margin, not on the first page."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = None
    _field(paragraph, "PAGE")
    for run in paragraph.runs:
        run.font.name = FONT
        run.font.size = Pt(14)
        _fonts(run._r.get_or_add_rPr())


def _widths(table: Table, widths_cm: list[float]) -> None:
    """Fixed column widths Word and LibreOffice both honour (layout, grid and cells)."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), str(int(sum(widths_cm) * 567)))
    total.set(qn("w:type"), "dxa")
    for old in tbl_pr.findall(qn("w:tblW")):
        tbl_pr.remove(old)
    tbl_pr.append(total)
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def _no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def rule(paragraph: Paragraph, width_cm: float, column_cm: float, *, gap_pt: float = 3) -> None:
    """A horizontal line of *width_cm*, centred in a column of *column_cm*: an empty
    paragraph with a top border, narrowed by its indents (the usual Word way). *gap_pt*
    keeps it off the line above, so the rule never touches the letters' descenders."""
    side = max(0.0, (column_cm - width_cm) / 2)
    fmt = paragraph.paragraph_format
    fmt.left_indent = Cm(side)
    fmt.right_indent = Cm(side)
    fmt.first_line_indent = None
    fmt.space_after = Pt(0)
    fmt.space_before = Pt(gap_pt)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "single")
    top.set(qn("w:sz"), "6")
    top.set(qn("w:space"), "1")
    top.set(qn("w:color"), "000000")
    borders.append(top)
    ppr.append(borders)
    paragraph.paragraph_format.line_spacing = Pt(2)


def add_paragraph(document: DocxDocument, text: str = "", style_id: str | None = None) -> Paragraph:
    """A paragraph at the end of the body. python-docx looks for the section properties
    among all of the body's children on every paragraph it adds, which made building a
    document quadratic in its length; here the new paragraph goes straight before them."""
    body = document.element.body
    try:
        last = body[-1]  # lxml finds the last child directly (len() would count them all)
    except IndexError:
        last = None
    p = OxmlElement("w:p")
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(p)
    else:
        body.append(p)
    paragraph = Paragraph(p, document._body)
    if style_id:
        set_style(paragraph, style_id)
    if text:
        p.append(_run_xml(text))
    return paragraph


def text_width_cm(document: DocxDocument) -> float:
    """The width between the page margins."""
    section = document.sections[0]
    width, left, right = section.page_width, section.left_margin, section.right_margin
    if width is None or left is None or right is None:
        raise ValueError("the document's page size and margins are not set")
    return (width - left - right) / 360000


def summary_rule(document: DocxDocument, text: str, *, size_pt: float = 14) -> None:
    """The rule under a document's summary line (trích yếu): 1/3 to 1/2 of its longest line."""
    column = text_width_cm(document)
    width = longest_line_cm(text, size_pt, column, bold=True) * RULE_SHARE
    rule(add_paragraph(document), width_cm=width, column_cm=column)


def keep_with_next(paragraph: Paragraph) -> None:
    paragraph.paragraph_format.keep_with_next = True


def _cant_split(table: Table) -> None:
    """A table row that is never cut across two pages (the signature block)."""
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))


def set_style(paragraph: Paragraph, style_id: str) -> None:
    """Give *paragraph* a style by id (python-docx's by-name setter rescans every style)."""
    paragraph._p.style = style_id


def _cell_paragraph(
    cell: _Cell, text: str, *, size: float, bold: bool = False, italic: bool = False, first: bool = False
) -> Paragraph:
    paragraph: Paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    set_style(paragraph, "HNCenter")
    run = paragraph.add_run(text)
    run.bold = bold
    run.italic = italic
    run.font.size = Pt(size)
    return paragraph


def date_line(place: str, day: date) -> str:
    """ "Hòa An, ngày 05 tháng 3 năm 2026": day padded below 10, month padded for 1 and 2 only."""
    month = f"{day.month:02d}" if day.month in (1, 2) else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def header(
    document: DocxDocument,
    *,
    parent_body: str,
    issuing_lines: tuple[str, ...],
    number: str | None,
    place_date: str | None,
) -> None:
    """The two-column borderless header table of the decree: parent body (12–13 pt, not
    bold), issuing body (bold) with its rule, the number (None: a form with no number, such as a blank ballot); Quốc hiệu, Tiêu ngữ with a rule as
    long as it, the place and date in italics."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _widths(table, [LEFT_COL_CM, RIGHT_COL_CM])
    left, right = table.rows[0].cells
    first = True
    if parent_body:
        _cell_paragraph(left, parent_body.upper(), size=13, first=True)
        first = False
    for line in issuing_lines:
        _cell_paragraph(left, line, size=13, bold=True, first=first)
        first = False
    widest = max((longest_line_cm(line, 13, LEFT_COL_CM, bold=True) for line in issuing_lines), default=LEFT_COL_CM)
    rule(left.add_paragraph(), width_cm=widest * RULE_SHARE, column_cm=LEFT_COL_CM)
    if number is not None:
        _cell_paragraph(left, f"Số: {number}", size=13)
    _cell_paragraph(right, QUOC_HIEU, size=12, bold=True, first=True)
    _cell_paragraph(right, TIEU_NGU, size=14, bold=True)
    rule(right.add_paragraph(), width_cm=line_width_cm(TIEU_NGU, 14, bold=True), column_cm=RIGHT_COL_CM)
    if place_date:
        _cell_paragraph(right, "", size=6)
        _cell_paragraph(right, place_date, size=14, italic=True)


def _signature_lines(cell: _Cell, lines: list[tuple[str, bool, bool]]) -> None:
    for n, (text, bold, italic) in enumerate(lines):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        set_style(paragraph, "HNCenter")
        paragraph.paragraph_format.keep_with_next = n < len(lines) - 1
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        run.font.size = Pt(14)


def signature_table(
    document: DocxDocument, left: list[tuple[str, bool, bool]] | None, right: list[tuple[str, bool, bool]]
) -> None:
    """Two columns of (text, bold, italic) lines, never split across pages; a blank for
    the signature is the caller's."""
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, [8.0, 8.5])
    _cant_split(table)
    cells = table.rows[0].cells
    for cell, lines in ((cells[0], left or []), (cells[1], right)):
        _signature_lines(cell, lines)


def recipients_and_signature(
    document: DocxDocument, recipients: list[str], records: str, signature: list[tuple[str, bool, bool]]
) -> None:
    """Nơi nhận on the left (label 12 pt bold italic, entries 11 pt), signature on the
    right; the row is never split across pages."""
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, [7.5, 9.0])
    _cant_split(table)
    left, right = table.rows[0].cells
    label = left.paragraphs[0]
    set_style(label, "HNLabel")
    label.add_run("Nơi nhận:")
    for entry in [*(f"- {e};" for e in recipients), f"- Lưu: {records}."]:
        paragraph = left.add_paragraph(entry)
        set_style(paragraph, "HNSmall")
    _signature_lines(right, signature)


def _run_xml(text: str, *, bold: bool = False, italic: bool = False) -> BaseOxmlElement:
    """A <w:r> element, copied from a prototype: python-docx's per-property setters cost
    ~80 µs a run, which made a 2,000-paragraph minutes several times slower than needed."""
    key = (bold, italic)
    proto = _PROTOS.get(key)
    if proto is None:
        proto = OxmlElement("w:r")
        if bold or italic:
            rpr = OxmlElement("w:rPr")
            if bold:
                rpr.append(OxmlElement("w:b"))
            if italic:
                rpr.append(OxmlElement("w:i"))
            proto.append(rpr)
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        proto.append(t)
        _PROTOS[key] = proto
    run = deepcopy(proto)
    run[-1].text = text
    return run


_PROTOS: dict[tuple[bool, bool], BaseOxmlElement] = {}


def body(
    document: DocxDocument, text: str, *, bold_prefix: str = "", italic: bool = False, bold: bool = False
) -> Paragraph:
    """A body paragraph (Normal style: justified, indented), optionally led by a bold label."""
    paragraph = add_paragraph(document)
    if bold_prefix:
        paragraph._p.append(_run_xml(bold_prefix, bold=True))
    paragraph._p.append(_run_xml(text, bold=bold, italic=italic))
    return paragraph


def document_for(papers: Papers | OfficeSettings) -> DocxDocument:
    """A new document with the meeting's margins and body size — or the office's, for a
    paper of the office itself (the yearly report)."""
    margins = getattr(papers, "margins_mm", None) or (
        papers.margin_top_mm,
        papers.margin_bottom_mm,
        papers.margin_left_mm,
        papers.margin_right_mm,
    )
    return new_document(margins_mm=margins, body_pt=papers.body_pt)


def grid_table(
    document: DocxDocument,
    headers: list[str],
    widths_cm: list[float],
    rows: list[tuple[list[str], bool]],
    *,
    size: float = 13,
) -> Table:
    """A bordered table with a bold header row; *rows* are (cells, bold). A row of one cell
    spans the whole width (a group heading). Fixed widths, centred numbers in column 1."""
    table: Table = document.add_table(rows=1, cols=len(headers))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER

    def fill(cell: _Cell, text: str, *, bold: bool, center: bool) -> None:
        paragraph = cell.paragraphs[0]
        set_style(paragraph, "HNCenter" if center else "HNSmall")
        run = paragraph.add_run(text)
        run.bold = bold
        run.font.size = Pt(size)

    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        fill(cell, text, bold=True, center=True)
    spans = []
    for cells, bold in rows:
        row = table.add_row().cells  # type: ignore[no-untyped-call]  # unannotated in python-docx
        if len(cells) == 1:
            spans.append((row, cells[0], bold))
            continue
        for index, (cell, text) in enumerate(zip(row, cells, strict=True)):
            fill(cell, text, bold=bold, center=index == 0)
    _widths(table, widths_cm)  # before merging: a merged row's cells are one cell
    for row, text, bold in spans:
        fill(row[0].merge(row[-1]), text, bold=bold, center=False)
    header_row = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # the header row again on every page
    repeat.set(qn("w:val"), "true")
    header_row.append(repeat)
    return table
