"""The chair's briefing (báo cáo phục vụ chủ trì): the petitions compiled before the
meeting by field, who prepares each answer and the answer prepared — a report of the
office to the chair, in the Nghị định 30 layout."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from exports import meeting_words as W
from exports.privacy import scrub
from exports.texts import doc_number
from session.domain.planning_records import Briefing

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

_LETTERS = "abcdefghiklmnopqrstuvxy"
OFFICE = "Văn phòng HĐND và UBND"


def _letter(n: int) -> str:
    if n < len(_LETTERS):
        return _LETTERS[n]
    return f"{_LETTERS[n // len(_LETTERS) - 1]}{_LETTERS[n % len(_LETTERS)]}"


def build_briefing(record: Briefing, *, issued: date) -> DocxDocument:
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

    papers = record.papers
    s = papers.settings
    m = papers.meeting
    words = papers.words
    doc = document_for(papers.printed)
    header(
        doc,
        parent_body=papers.issuing_body,
        issuing_lines=("VĂN PHÒNG", "HĐND VÀ UBND"),
        number=doc_number("", s.briefing_suffix),
        place_date=date_line(papers.place_name or "…", issued),
    )
    set_style(doc.add_paragraph("BÁO CÁO"), "HNTitle")
    doc.add_paragraph(
        "Tổng hợp ý kiến, kiến nghị của Nhân dân trước hội nghị đối thoại và nội dung trả lời dự kiến",
        style="HN Summary",
    )
    rule(doc.add_paragraph(), width_cm=4.0, column_cm=16.5)
    addressee = doc.add_paragraph(f"Kính gửi: Chủ tịch {words.committee}.")
    set_style(addressee, "HNCenter")

    items = record.issues
    prepared = sum(1 for i in items if i.state == "prepared")
    assigned = sum(1 for i in items if i.state == "assigned")
    groups = record.by_field()
    body(
        doc,
        f"Chuẩn bị {W.meeting_phrase(papers)} ({W.when(papers)}, tại {m.venue or '…'}), {OFFICE} tổng hợp "
        f"{len(items)} ý kiến, kiến nghị của Nhân dân nhận được trước hội nghị, thuộc {len(groups)} lĩnh vực; "
        f"{prepared} ý kiến đã có nội dung trả lời dự kiến, {assigned} ý kiến đã giao đơn vị chuẩn bị nhưng chưa "
        f"có nội dung, {len(items) - prepared - assigned} ý kiến chưa giao đơn vị chuẩn bị. Cụ thể như sau:",
    )

    set_style(doc.add_paragraph("I. TỔNG HỢP THEO LĨNH VỰC"), "HNHeading")
    rows = []
    for n, (field, group) in enumerate(groups, start=1):
        preparers = sorted({i.preparer for i in group if i.preparer})
        ready = sum(1 for i in group if i.state == "prepared")
        rows.append(
            ([str(n), field or "Khác", str(len(group)), "; ".join(preparers) or "—", f"{ready}/{len(group)}"], False)
        )
    rows.append((["", "Tổng cộng", str(len(items)), "", f"{prepared}/{len(items)}"], True))
    grid_table(
        doc, ["STT", "Lĩnh vực", "Số ý kiến", "Đơn vị chuẩn bị", "Đã có trả lời"], [1.5, 3.8, 2.2, 6.2, 2.8], rows
    )

    set_style(doc.add_paragraph("II. NỘI DUNG CỤ THỂ"), "HNHeading")
    for n, (field, group) in enumerate(groups, start=1):
        set_style(doc.add_paragraph(f"{n}. Lĩnh vực {field or 'khác'} ({len(group)} ý kiến)"), "HNHeading")
        for index, item in enumerate(group):
            issue = item.issue
            names = "; ".join(f"{r.name}, {r.locality}" if r.locality else r.name for r in issue.raisers)
            who = f" ({names})" if names else ""
            body(doc, scrub(f"{issue.content}{who}"), bold_prefix=f"{_letter(index)}) Ý kiến: ")
            body(doc, item.preparer or "chưa giao", bold_prefix="Đơn vị chuẩn bị: ", italic=not item.preparer)
            answer = item.answer or "(chưa có nội dung)"
            body(doc, scrub(answer), bold_prefix="Nội dung trả lời dự kiến: ", italic=not item.answer)
    body(
        doc,
        f"Trên đây là tổng hợp ý kiến, kiến nghị của Nhân dân và nội dung trả lời dự kiến, {OFFICE} kính báo cáo Chủ tịch {words.committee}./.",
    )
    signature = [("CHÁNH VĂN PHÒNG", True, False), ("", False, False), ("", False, False), ("", False, False)]
    recipients_and_signature(
        doc, [f"Chủ tịch {words.committee} (b/c)", "Các đơn vị chuẩn bị nội dung"], "VP", signature
    )
    return doc
