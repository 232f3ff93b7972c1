"""Giấy mời (Nghị định 30/2020/NĐ-CP): one invitation to the meeting, with the list of
invitees by group attached (Danh sách đại biểu được mời)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from exports import meeting_words as W
from exports.texts import doc_number, person
from session.domain.planning_records import MeetingPapers

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table
    from docx.text.paragraph import Paragraph

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def summary_line(papers: MeetingPapers) -> str:
    return "Dự " + W.meeting_phrase(papers)


def build_invitation(papers: MeetingPapers, *, issued: date) -> DocxDocument:
    from exports.docx_format import (
        body,
        date_line,
        document_for,
        grid_table,
        header,
        recipients_and_signature,
        rule,
        set_style,
    )

    s = papers.settings
    m = papers.meeting
    number = doc_number(papers.invitation_number, s.invitation_suffix)
    doc = document_for(papers.printed)
    header(
        doc,
        parent_body=papers.printed.parent_body,
        issuing_lines=papers.issuing_lines,
        number=number,
        place_date=date_line(papers.place_name or "…", issued),
    )
    set_style(doc.add_paragraph("GIẤY MỜI"), "HNTitle")
    doc.add_paragraph(summary_line(papers), style="HN Summary")
    rule(doc.add_paragraph(), width_cm=4.0, column_cm=16.5)

    committee = papers.words.committee_full
    reference = W.plan_reference(papers)
    opening = f"Thực hiện {reference}, " if reference else ""
    body(doc, f"{opening}{papers.words.committee_kind if reference else committee} trân trọng kính mời:")
    count = len(papers.participants)
    if count:
        body(doc, f"Các đồng chí, ông (bà) có tên trong danh sách kèm theo ({count} đại biểu).", bold=True)
    else:
        body(doc, "Các đồng chí, ông (bà): ……………………………………………", bold=True)
    body(doc, f"Đến dự {W.meeting_phrase(papers)}.")
    body(doc, f"{W.when(papers)}.", bold_prefix="Thời gian: ")
    body(doc, f"{m.venue or '…'}.", bold_prefix="Địa điểm: ")
    if m.chair:
        chair = person(m.chair, m.chair_title)
        body(doc, f"{chair[0].upper()}{chair[1:]}.", bold_prefix="Chủ trì: ")
    body(
        doc,
        f"Chủ tịch {papers.words.committee} thông báo tình hình kinh tế - xã hội, quốc phòng - an ninh; "
        "đối thoại, trao đổi, trả lời các ý kiến, kiến nghị của Nhân dân.",
        bold_prefix="Nội dung: ",
    )
    body(doc, "Rất mong các đại biểu đến dự đầy đủ, đúng thời gian./.")

    recipients_and_signature(doc, ["Như thành phần mời"], papers.printed.records_office, W.signature(papers))
    if papers.participants:
        _annex(doc, papers, number, issued, grid_table, set_style)
    return doc


def _annex(
    doc: DocxDocument,
    papers: MeetingPapers,
    number: str,
    issued: date,
    grid_table: Callable[..., Table],
    set_style: Callable[[Paragraph, str], None],
) -> None:
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    set_style(doc.add_paragraph("DANH SÁCH ĐẠI BIỂU ĐƯỢC MỜI"), "HNTitle")
    note = doc.add_paragraph(
        f"(Kèm theo Giấy mời số {number} ngày {issued:%d/%m/%Y} của {papers.words.committee_full})"
    )
    set_style(note, "HNCenter")
    for run in note.runs:
        run.italic = True
    doc.add_paragraph()
    rows: list[tuple[list[str], bool]] = []
    n = 0
    groups = papers.groups()
    for index, (group, people) in enumerate(groups):
        if group or len(groups) > 1:
            label = _ROMAN[index] if index < len(_ROMAN) else str(index + 1)
            rows.append(([f"{label}. {group or 'Đại biểu khác'} ({len(people)})"], True))
        for p in people:
            n += 1
            rows.append(([str(n), p.name, p.title, p.organisation], False))
    grid_table(doc, ["STT", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị"], [1.5, 5.0, 4.2, 5.8], rows)
    total = doc.add_paragraph(f"Tổng số: {n} đại biểu./.", style="HN Center")
    total.paragraph_format.space_before = Pt(6)
