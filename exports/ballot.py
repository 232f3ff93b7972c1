"""The blank satisfaction ballot (phiếu lấy ý kiến về sự hài lòng) to print and hand out after
the meeting: the questionnaire as a table with a box per answer, Nghị định 30 page and fonts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from exports.texts import day_words
from session.domain.place_words import meeting_words
from session.domain.records import MeetingRecord
from session.domain.survey_forms import SurveyForm

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

BOX = "☐"


def _summary(title: str) -> str:
    """ "Về sự hài lòng …" from "Phiếu lấy ý kiến về sự hài lòng …" (the type name is above it)."""
    head = "phiếu lấy ý kiến"
    if title.lower().startswith(head):
        rest = title[len(head) :].strip()
        return rest[:1].upper() + rest[1:]
    return title


def build_ballot(record: MeetingRecord, form: SurveyForm) -> DocxDocument:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from exports.docx_format import body, document_for, header, rule, set_style
    from exports.docx_tables import figures_table

    papers = record.papers
    m = record.meeting
    doc = document_for(papers)
    header(doc, parent_body=papers.parent_body, issuing_lines=papers.issuing_lines, number=None, place_date=None)
    set_style(doc.add_paragraph("PHIẾU LẤY Ý KIẾN"), "HNTitle")
    doc.add_paragraph(_summary(form.title), style="HN Summary")
    held = f"{day_words(record.meeting_day)}" if record.meeting_day else ""
    where = f" tại {m.venue}" if m.venue else ""
    about = doc.add_paragraph(f"({m.title}{', ' + held if held else ''}{where})", style="HN Center")
    for run in about.runs:
        run.italic = True
    rule(doc.add_paragraph(), width_cm=4.0, column_cm=16.5)
    if form.intro:
        body(doc, form.intro)
    choices: list[str] = []
    for q in form.questions:
        choices += [c for c in q.choices if c not in choices]
    rows = []
    for n, q in enumerate(form.questions, start=1):
        rows.append((n, q.text, *(BOX if c in q.choices else "" for c in choices)))
    rest = (16.5 - 1.3 - 7.5) / len(choices)
    table = figures_table(doc, ("STT", "Nội dung", *choices), rows, (1.3, 7.5, *([rest] * len(choices))), size=13)
    for row in table.rows[1:]:
        for cell in row.cells[2:]:
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(18)  # a box big enough to tick with a pen
    words = meeting_words(record.meeting, record.issuing_body)
    lines = (
        "Ý kiến khác (nếu có): " + "." * 75,
        "." * 105,
        "." * 105,
        f"Họ và tên (không bắt buộc): {'.' * 38} {words.residential_title}: {'.' * 22}",
    )
    for line in lines:
        paragraph = body(doc, line)
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT  # dotted lines, not stretched
        paragraph.paragraph_format.first_line_indent = None
    thanks = doc.add_paragraph("Xin trân trọng cảm ơn Ông (Bà)!", style="HN Center")
    for run in thanks.runs:
        run.italic = True
        run.bold = True
    return doc
