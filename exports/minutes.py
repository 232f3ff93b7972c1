"""Biên bản hội nghị đối thoại (Mẫu 1.9, Nghị định 30/2020/NĐ-CP) from a MeetingRecord."""

from __future__ import annotations

from exports.texts import OUTCOME_WORDS, day_words, doc_number, person, time_words
from models.text import fold
from session.domain.dates import fmt_date
from session.domain.records import MeetingRecord


def build_minutes(record: MeetingRecord):
    from exports.docx_format import body, document_for, header, recipients_and_signature, set_style, signature_table

    s = record.settings
    m = record.meeting
    doc = document_for(s)
    header(
        doc,
        parent_body=s.parent_body,
        issuing_body=record.issuing_body,
        number=doc_number(m.minutes_number, s.minutes_suffix),
        place_date=None,
    )
    set_style(doc.add_paragraph("BIÊN BẢN"), "HNTitle")
    set_style(doc.add_paragraph(m.title), "HNSummary")

    start = m.actual_start
    if start is not None:
        body(doc, f"Thời gian bắt đầu: {time_words(start)}, {day_words(start.date())}.", bold_prefix="")
    elif m.planned_date:
        body(doc, f"Thời gian: {day_words(m.planned_date)}.")
    body(doc, f"Địa điểm: {m.venue or '…'}.")
    body(doc, "Thành phần tham dự:", bold_prefix="")
    for group in record.attendance:
        expected = f"/{group.expected}" if group.expected else ""
        body(doc, f"- {group.name}: {group.present}{expected} người.")
    total_expected = sum(a.expected for a in record.attendance)
    if record.attendance:
        body(doc, f"Tổng số: {record.present}/{total_expected} đại biểu có mặt.")
    chairs = [person(m.chair, m.chair_title)] if m.chair else []
    if m.co_chair:
        chairs.append(person(m.co_chair, m.co_chair_title))
    body(doc, f"Chủ trì hội nghị: {'; '.join(chairs) or '…'}.")
    body(doc, f"Thư ký hội nghị: {person(m.secretary, m.secretary_title) if m.secretary else '…'}.")

    set_style(doc.add_paragraph("NỘI DUNG HỘI NGHỊ"), "HNTitle")
    number = 0
    for step in m.agenda:
        if step.skipped or step.started_at is None:
            continue
        number += 1
        set_style(doc.add_paragraph(f"{number}. {step.title}"), "HNHeading")
        for line in (step.notes or "").split("\n"):
            if line.strip():
                body(doc, line.strip())
        if step.kind == "dialogue":
            _dialogue(doc, record)
    end = m.actual_end
    if end is not None:
        closing = f"Hội nghị kết thúc vào {time_words(end)}, {day_words(end.date())}."
    else:
        closing = "Hội nghị kết thúc vào … giờ … phút, ngày … tháng … năm …."
    if record.close_reason:
        body(doc, f"Ghi chú của thư ký: {record.close_reason}", italic=True)
    body(doc, closing + "/.")
    doc.add_paragraph()
    signature_table(
        doc,
        [
            (s.secretary_label, True, False),
            ("", False, False),
            ("", False, False),
            ("", False, False),
            (m.secretary, True, False),
        ],
        [
            (s.chair_label, True, False),
            ("", False, False),
            ("", False, False),
            ("", False, False),
            (m.chair, True, False),
        ],
    )
    doc.add_paragraph()
    recipients_and_signature(
        doc, ["Chủ tịch, các Phó Chủ tịch UBND xã", "Ủy ban MTTQ Việt Nam xã"], s.records_office, []
    )
    return doc


def _speech_line(n: int, reg) -> str:
    where = f", {reg.locality}" if reg.locality else ""
    field = f" (lĩnh vực {reg.field})" if reg.field else ""
    return f"Ý kiến {n}: {reg.name}{where}{field}"


def _issue_lines(doc, issue) -> None:
    from exports.docx_format import body

    outside = " (ngoài nội dung hội nghị)" if not issue.in_scope else ""
    body(doc, f"{issue.content}{outside}", bold_prefix="Nội dung: ")
    for answer in issue.answers:
        who = person(answer.answerer_name, answer.answerer_title)
        who = who[0].upper() + who[1:]
        body(doc, f"{who}: {answer.summary or '…'}", bold_prefix="Trả lời: ")
    c = issue.conclusion
    if c is not None:
        text = OUTCOME_WORDS[c.outcome]
        if c.text and fold(c.text).startswith(fold(text)):
            text = c.text.rstrip(".")
        elif c.text:
            text += f". {c.text.rstrip('.')}"
        if c.outcome == "assigned":
            partners = f", phối hợp {c.partners}" if c.partners else ""
            text += f" (chủ trì: {c.lead_agency}{partners}; thời hạn: {fmt_date(c.deadline)})"
        if c.outcome == "forwarded" and c.forwarded_to:
            text += f" (chuyển: {c.forwarded_to})"
        body(doc, text, bold_prefix="Kết luận: ")


def _dialogue(doc, record: MeetingRecord) -> None:
    from exports.docx_format import body

    for n, speech in enumerate(record.speeches, start=1):
        body(doc, _speech_line(n, speech.registration) + ":", bold=True)
        issues = speech.issues
        if not issues and speech.registration.summary:
            body(doc, speech.registration.summary, bold_prefix="Nội dung: ")
        for issue in issues:
            _issue_lines(doc, issue)
    if record.unspoken:
        body(doc, "Các ý kiến, kiến nghị tổng hợp trước hội nghị không được trình bày trực tiếp:", bold=True)
        for issue in record.unspoken:
            names = ", ".join(f"{r.name}{', ' + r.locality if r.locality else ''}" for r in issue.raisers)
            if names:
                body(doc, names, bold_prefix="Người kiến nghị: ")
            _issue_lines(doc, issue)
