"""Biên bản hội nghị đối thoại (Mẫu 1.9, Nghị định 30/2020/NĐ-CP) from a MeetingRecord.

Every speech, answer and conclusion is in it — in the dialogue step when the meeting
reached it, after the steps held when it did not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from exports.texts import capital, conclusion_text, day_words, doc_number, person, sentence, time_words
from session.domain.records import MeetingRecord
from session.domain.units import nbsp

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

    from session.domain.ledger import IssueView
    from session.domain.records import Speech

DIALOGUE_HEADING = "Tiến hành đối thoại"
NO_CONCLUSION = "Chưa có kết luận tại hội nghị"


def title_line(record: MeetingRecord) -> str:
    """The meeting's title with the unit's name unbroken."""
    title = record.meeting.title
    name = record.place.name
    return title.replace(name, nbsp(name)) if name and " " in name else title


def attendance_lines(record: MeetingRecord) -> list[str]:
    """One line a group, then what is true of the total: everyone present, and the invited
    present over the groups that have an invited number ("Toàn thể Nhân dân" has none)."""
    lines = []
    for group in record.attendance:
        if group.expected and group.present > group.expected:  # more came than were invited
            lines.append(f"- {group.name}: {group.present} người (được mời {group.expected} người).")
        elif group.expected:
            lines.append(f"- {group.name}: có mặt {group.present}/{group.expected} người được mời.")
        else:
            lines.append(f"- {group.name}: {group.present} người.")
    if record.attendance:
        present, invited = record.invited
        if invited and present > invited and all(a.expected for a in record.attendance):
            lines.append(f"Tổng số: {present} người (được mời {invited} người).")
        elif invited and all(a.expected for a in record.attendance):
            lines.append(f"Tổng số: có mặt {present}/{invited} người được mời.")
        elif invited:
            lines.append(
                f"Tổng số người dự hội nghị: {record.present} người; trong đó có mặt {present}/{invited} người được mời."
            )
        else:
            lines.append(f"Tổng số người dự hội nghị: {record.present} người.")
    return lines


def build_minutes(record: MeetingRecord) -> DocxDocument:
    from exports.docx_format import (
        add_paragraph,
        body,
        document_for,
        header,
        keep_with_next,
        recipients_and_signature,
        signature_table,
        summary_rule,
    )

    papers = record.papers
    m = record.meeting
    doc = document_for(papers)
    header(
        doc,
        parent_body=papers.parent_body,
        issuing_lines=papers.issuing_lines,
        number=doc_number(m.minutes_number, papers.minutes_suffix),
        place_date=None,
    )
    add_paragraph(doc, "BIÊN BẢN", "HNTitle")
    title = title_line(record)
    add_paragraph(doc, title, "HNSummary")
    summary_rule(doc, title)

    start = m.actual_start
    if start is not None:
        body(doc, f"Thời gian bắt đầu: {time_words(start)}, {day_words(start.date())}.")
    elif m.planned_date:
        body(doc, f"Thời gian: {day_words(m.planned_date)}.")
    body(doc, sentence(f"Địa điểm: {m.venue or '…'}"))
    attendance = attendance_lines(record)
    # Nothing recorded: a gap to fill, as for a missing venue, not a heading over nothing.
    body(doc, "Thành phần tham dự:" if attendance else "Thành phần tham dự: …")
    for line in attendance:
        body(doc, line)
    chairs = [person(m.chair, m.chair_title)] if m.chair else []
    if m.co_chair:
        chairs.append(person(m.co_chair, m.co_chair_title))
    body(doc, sentence(f"Chủ trì hội nghị: {'; '.join(chairs) or '…'}"))
    body(doc, sentence(f"Thư ký hội nghị: {person(m.secretary, m.secretary_title) if m.secretary else '…'}"))

    add_paragraph(doc, "NỘI DUNG HỘI NGHỊ", "HNTitle")
    number = 0
    told = False
    for step in m.agenda:
        if step.skipped or step.started_at is None:
            continue
        number += 1
        add_paragraph(doc, f"{number}. {step.title}", "HNHeading")
        for line in (step.notes or "").split("\n"):
            if line.strip():
                body(doc, line.strip())
        if step.kind == "dialogue" and not told:
            _dialogue(doc, record)
            told = True
    if not told and (record.speeches or record.unspoken or record.unheard):
        # The meeting never reached its dialogue step (or has none): what was said is still recorded.
        heading = next((s.title for s in m.agenda if s.kind == "dialogue"), DIALOGUE_HEADING)
        add_paragraph(doc, f"{number + 1}. {heading}", "HNHeading")
        _dialogue(doc, record)
    end = m.actual_end
    if end is not None:
        closing = f"Hội nghị kết thúc vào {time_words(end)}, {day_words(end.date())}."
    else:
        closing = "Hội nghị kết thúc vào … giờ … phút, ngày … tháng … năm …."
    if record.close_reason:
        keep_with_next(body(doc, sentence(f"Ghi chú của thư ký: {record.close_reason}"), italic=True))
    keep_with_next(body(doc, closing[:-1] + "./."))
    keep_with_next(add_paragraph(doc))
    signature_table(
        doc,
        [
            (papers.secretary_label, True, False),
            ("", False, False),
            ("", False, False),
            ("", False, False),
            (m.secretary, True, False),
        ],
        [
            (papers.chair_label, True, False),
            ("", False, False),
            ("", False, False),
            ("", False, False),
            (m.chair, True, False),
        ],
    )
    add_paragraph(doc)
    recipients_and_signature(doc, list(papers.minutes_recipients), papers.records_office, [])
    return doc


def _fields(speech: Speech) -> str:
    """The field(s) of a speech as the ledger has them now (a field corrected in the ledger
    is the field in both documents); the registration's only when it raised no issue."""
    fields = list(dict.fromkeys(i.field for i in speech.issues if i.field))
    return ", ".join(fields) if fields else speech.registration.field


def _speech_line(n: int, speech: Speech) -> str:
    reg = speech.registration
    where = f", {reg.locality}" if reg.locality else ""
    field = _fields(speech)
    field = f" (lĩnh vực {field})" if field else ""
    return f"Ý kiến {n}: {reg.name}{where}{field}:"


def _content(issue: IssueView) -> str:
    text = issue.content.strip().rstrip(".")
    return sentence(f"{text} (ngoài nội dung hội nghị)" if not issue.in_scope else text)


def _issue_lines(doc: DocxDocument, record: MeetingRecord, issue: IssueView) -> None:
    from exports.docx_format import body

    body(doc, _content(issue), bold_prefix="Nội dung: ")
    for answer in issue.answers:
        who = capital(person(answer.answerer_name, answer.answerer_title))
        body(doc, f"{who}: {sentence(answer.summary) or '…'}", bold_prefix="Trả lời: ")
    body(doc, conclusion_text(issue.conclusion, record.place, pending=NO_CONCLUSION), bold_prefix="Kết luận: ")


def _dialogue(doc: DocxDocument, record: MeetingRecord) -> None:
    from exports.docx_format import body, keep_with_next

    for n, speech in enumerate(record.speeches, start=1):
        keep_with_next(body(doc, _speech_line(n, speech), bold=True))
        if not speech.issues and speech.registration.summary:
            body(doc, sentence(speech.registration.summary), bold_prefix="Nội dung: ")
        for issue in speech.issues:
            _issue_lines(doc, record, issue)
    for heading, issues in (
        ("Các ý kiến, kiến nghị tổng hợp trước hội nghị không được trình bày trực tiếp:", record.unspoken),
        ("Các ý kiến, kiến nghị đăng ký tại hội nghị nhưng không được trình bày trực tiếp:", record.unheard),
    ):
        if not issues:
            continue
        body(doc, heading, bold=True)
        for issue in issues:
            names = "; ".join(f"{r.name}{', ' + r.locality if r.locality else ''}" for r in issue.raisers)
            if names:
                body(doc, sentence(names), bold_prefix="Người kiến nghị: ")
            _issue_lines(doc, record, issue)
