"""Thông báo kết luận (Mẫu 1.4, Nghị định 30/2020/NĐ-CP) from a MeetingRecord.

A public document: names and thôn of the citizens may appear, phone and ID numbers never."""

from __future__ import annotations

import re
from collections import OrderedDict
from datetime import date

from exports.texts import body_names, day_words, doc_number, person
from models.text import fold
from session.domain.dates import fmt_date
from session.domain.records import MeetingRecord

_PRIVATE = re.compile(r"(?<!\d)(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?!\d)|(?<!\d)\d{9}(?:\d{3})?(?!\d)")


def scrub(text: str) -> str:
    """Remove phone numbers and 9/12-digit ID numbers (CMND/CCCD) from public text."""
    return _PRIVATE.sub("…", text)


def build_notice(record: MeetingRecord, *, issued: date):
    from exports.docx_format import body, date_line, document_for, header, recipients_and_signature, rule, set_style

    s = record.settings
    m = record.meeting
    doc = document_for(s)
    header(
        doc,
        parent_body=s.parent_body,
        issuing_body=record.issuing_body,
        number=doc_number(m.notice_number, s.notice_suffix),
        place_date=date_line(record.place_name or "…", issued),
    )
    full_name, body_name = body_names(record.issuing_body) if record.issuing_body else ("Ủy ban nhân dân", "UBND")
    year = (record.meeting_day or issued).year
    set_style(doc.add_paragraph("THÔNG BÁO"), "HNTitle")
    doc.add_paragraph(
        f"Kết luận của Chủ tịch {body_name} tại Hội nghị đối thoại với Nhân dân năm {year}", style="HN Summary"
    )
    rule(doc.add_paragraph(), width_cm=4.0, column_cm=16.5)

    day = record.meeting_day
    opening = (
        f"{day_words(day).capitalize() if day else 'Ngày …'}, {full_name} "
        f"phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam tổ chức {m.title[0].lower() + m.title[1:]}"
        f"{' tại ' + m.venue if m.venue else ''}. "
    )
    if m.chair:
        opening += f"{person(m.chair, m.chair_title)[0].upper()}{person(m.chair, m.chair_title)[1:]} chủ trì hội nghị. "
    if record.attendance:
        groups = "; ".join(f"{a.name.lower()} {a.present}" for a in record.attendance)
        opening += f"Dự hội nghị có {record.present} đại biểu ({groups}). "
    spoken = len(record.speeches)
    opening += (
        f"Tại hội nghị có {spoken} lượt ý kiến phát biểu; tổng hợp {len(record.issues)} ý kiến, kiến nghị "
        f"của Nhân dân (kể cả ý kiến tổng hợp trước hội nghị)."
    )
    body(doc, scrub(opening))
    body(
        doc,
        f"Sau khi nghe ý kiến của Nhân dân và ý kiến trả lời của các cơ quan, đơn vị, Chủ tịch {body_name} "
        "kết luận như sau:",
    )

    set_style(doc.add_paragraph("I. ĐÁNH GIÁ CHUNG"), "HNHeading")
    by_field: OrderedDict[str, list] = OrderedDict()
    for issue in record.issues:
        by_field.setdefault(issue.field or "khác", []).append(issue)
    fields_text = ", ".join(f"{f} ({len(v)} ý kiến)" for f, v in sorted(by_field.items(), key=lambda kv: -len(kv[1])))
    body(
        doc,
        "Hội nghị diễn ra nghiêm túc, dân chủ, đúng chương trình; Nhân dân thẳng thắn nêu ý kiến, các cơ quan, "
        f"đơn vị trả lời trực tiếp, cụ thể. Các ý kiến tập trung vào các lĩnh vực: {fields_text}.",
    )

    set_style(doc.add_paragraph("II. KẾT LUẬN CỤ THỂ"), "HNHeading")
    for n, (field, issues) in enumerate(by_field.items(), start=1):
        set_style(doc.add_paragraph(f"{n}. Lĩnh vực {field}"), "HNHeading")
        for letter, issue in zip("abcdefghiklmnopqrstuvxy" * 40, issues, strict=False):
            names = ", ".join(f"{r.name} ({r.locality})" if r.locality else r.name for r in issue.raisers)
            who = f" ({names})" if names else ""
            outside = " (ngoài nội dung hội nghị)" if not issue.in_scope else ""
            body(doc, scrub(f"{issue.content}{who}{outside}"), bold_prefix=f"{letter}) Kiến nghị: ")
            body(doc, scrub(_conclusion_text(issue)), bold_prefix="Kết luận: ")

    set_style(doc.add_paragraph("III. TỔ CHỨC THỰC HIỆN"), "HNHeading")
    lines = [
        "Các cơ quan, đơn vị được giao nhiệm vụ khẩn trương triển khai thực hiện, trả lời công dân bằng văn bản "
        "và báo cáo kết quả về Ủy ban nhân dân (qua Văn phòng HĐND và UBND) đúng thời hạn nêu trên.",
        "Văn phòng HĐND và UBND theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Chủ tịch UBND.",
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam giám sát việc giải quyết các kiến nghị của Nhân dân.",
        "Trưởng các thôn, tổ dân phố niêm yết công khai Thông báo này để Nhân dân biết, giám sát.",
    ]
    for line in lines:
        body(doc, f"- {line}")
    body(
        doc,
        f"Trên đây là Thông báo kết luận của Chủ tịch {body_name} tại Hội nghị đối thoại với Nhân dân năm {year}./.",
    )

    signer = s.notice_signer_name or m.chair
    authority = []
    if s.notice_authority:
        authority.append((f"{s.notice_authority} {s.notice_authority_body}".strip(), True, False))
    authority.append((s.notice_signer_title, True, False))
    signature = [*authority, ("", False, False), ("", False, False), ("", False, False), (signer, True, False)]
    recipients_and_signature(doc, list(s.recipients), s.records_office, signature)
    return doc


def _conclusion_text(issue) -> str:
    c = issue.conclusion
    if c is None:
        return "Chưa có kết luận tại hội nghị; Văn phòng tổng hợp, báo cáo Chủ tịch UBND xem xét."
    if c.outcome == "answered":
        return c.text or "Đã được trả lời trực tiếp tại hội nghị."
    if c.outcome == "study":
        lead = f" Giao {c.lead_agency} nghiên cứu, đề xuất." if c.lead_agency else ""
        return (c.text or "Tiếp thu, nghiên cứu.") + lead
    if c.outcome == "forwarded":
        return (
            c.text + " " if c.text else ""
        ) + f"Nội dung vượt thẩm quyền của xã; chuyển kiến nghị đến {c.forwarded_to}."
    partners = f", phối hợp với {c.partners}" if c.partners else ""
    task = f" {c.task}" if c.task and c.task != c.text else ""
    text = c.text.rstrip(". ")
    if fold(c.lead_agency) not in fold(text):  # the chair's words may already name the agency
        clause = f"Giao {c.lead_agency} chủ trì{partners}{':' if task else ''}{task}".rstrip(". ")
        text = f"{text}. {clause}" if text else clause
    text += f"; thời hạn hoàn thành trước ngày {fmt_date(c.deadline)}"
    if c.reply_method:
        text += f"; {c.reply_method[0].lower() + c.reply_method[1:]}"
    return text + "."
