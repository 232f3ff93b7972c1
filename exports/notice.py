"""Thông báo kết luận (Mẫu 1.4, Nghị định 30/2020/NĐ-CP) from a MeetingRecord.

A public document: names and residential units of the citizens may appear, phone and ID
numbers never (``exports.privacy``)."""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from typing import TYPE_CHECKING

from exports.privacy import scrub
from exports.texts import capital, conclusion_text, day_words, doc_number, letter, person, sentence, sentences
from session.domain.papers import Papers
from session.domain.records import MeetingRecord
from session.domain.units import Place, nbsp

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

    from session.domain.ledger import IssueView

PENDING = "Chưa có kết luận tại hội nghị; {office} tổng hợp, báo cáo Chủ tịch {committee} xem xét"


def audience(place: Place) -> str:
    """ "Nhân dân" or "Nhân dân các tổ dân phố Chí Linh 1, Chí Linh 2" (the cluster's names unbroken)."""
    cluster = place.cluster_in_sentence
    if not cluster:
        return "Nhân dân"
    return "Nhân dân " + ", ".join(nbsp(part.strip()) for part in cluster.split(","))


def summary_line(record: MeetingRecord, year: int) -> str:
    place = record.place
    committee = f"UBND {place.kind} {nbsp(place.name)}".strip()
    return f"Kết luận của Chủ tịch {committee} tại Hội nghị đối thoại với {audience(place)} năm {year}"


def signature_lines(papers: Papers, chair: str) -> list[tuple[str, bool, bool]]:
    """The notice's signature block (thẩm quyền ký): for a collective body a deputy signs
    "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" (Nghị định 30/2020, Điều 13)."""
    authority, body_name = papers.notice_authority, papers.notice_authority_body
    lines: list[str] = []
    if authority == "KT." and body_name.upper() in ("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN"):
        lines += [f"TM. {body_name}", "KT. CHỦ TỊCH"]
    elif authority:
        lines.append(f"{authority} {body_name}".strip())
    lines.append(papers.notice_signer_title)
    signer = papers.notice_signer_name or chair
    return [*((line, True, False) for line in lines), ("", False, False), ("", False, False), ("", False, False)] + [
        (signer, True, False)
    ]


def opening(record: MeetingRecord) -> str:
    m, place = record.meeting, record.place
    day = record.meeting_day
    title = m.title.strip().rstrip(".")
    title = title[:1].lower() + title[1:]
    parts = [
        f"{capital(day_words(day)) if day else 'Ngày …'}, {place.committee} phối hợp với {place.front_full} "
        f"tổ chức {title}{' tại ' + m.venue.strip().rstrip('.') if m.venue else ''}"
    ]
    if m.chair:
        parts.append(f"{capital(person(m.chair, m.chair_title))} chủ trì hội nghị")
    if record.attendance:
        groups = "; ".join(f"{a.name}: {a.present} người" for a in record.attendance)
        parts.append(f"Tham dự hội nghị có {record.present} người, gồm: {groups}")
    parts.append(
        f"Tại hội nghị có {len(record.speeches)} lượt ý kiến phát biểu; tổng hợp {len(record.issues)} ý kiến, "
        "kiến nghị của Nhân dân, kể cả ý kiến tổng hợp trước hội nghị"
    )
    return sentences(*parts)


def build_notice(record: MeetingRecord, *, issued: date) -> DocxDocument:
    from exports.docx_format import (
        add_paragraph,
        body,
        date_line,
        document_for,
        header,
        keep_with_next,
        recipients_and_signature,
        summary_rule,
    )

    def say(text: str, *, bold_prefix: str = "") -> Paragraph:
        # Every public sentence goes through the privacy filter.
        return body(doc, scrub(text), bold_prefix=bold_prefix)

    papers, place = record.papers, record.place
    m = record.meeting
    doc = document_for(papers)
    header(
        doc,
        parent_body=papers.parent_body,
        issuing_lines=papers.issuing_lines,
        number=doc_number(m.notice_number, papers.notice_suffix),
        place_date=date_line(nbsp(papers.place_name) if papers.place_name else "…", issued),
    )
    year = (record.meeting_day or issued).year
    add_paragraph(doc, "THÔNG BÁO", "HNTitle")
    summary = summary_line(record, year)
    add_paragraph(doc, summary, "HNSummary")
    summary_rule(doc, summary)

    say(opening(record))
    say(
        "Sau khi nghe ý kiến của Nhân dân và ý kiến trả lời của các cơ quan, đơn vị, "
        f"Chủ tịch {place.committee_short} kết luận như sau:"
    )

    add_paragraph(doc, "I. ĐÁNH GIÁ CHUNG", "HNHeading")
    by_field: OrderedDict[str, list[IssueView]] = OrderedDict()
    for issue in record.issues:
        by_field.setdefault(issue.field or "khác", []).append(issue)
    fields_text = ", ".join(f"{f} ({len(v)} ý kiến)" for f, v in sorted(by_field.items(), key=lambda kv: -len(kv[1])))
    say(
        "Hội nghị diễn ra nghiêm túc, dân chủ, đúng chương trình; Nhân dân thẳng thắn nêu ý kiến, các cơ quan, "
        f"đơn vị trả lời trực tiếp, cụ thể. Các ý kiến tập trung vào các lĩnh vực: {fields_text}."
    )

    add_paragraph(doc, "II. KẾT LUẬN CỤ THỂ", "HNHeading")
    pending = PENDING.format(office=place.office_of_kind, committee=place.committee_of_kind)
    for n, (field, issues) in enumerate(by_field.items(), start=1):
        add_paragraph(doc, f"{n}. Lĩnh vực {field}", "HNHeading")
        for k, issue in enumerate(issues):
            text = issue.content.strip().rstrip(".")
            if not issue.in_scope:
                text += " (ngoài nội dung hội nghị)"
            names = "; ".join(f"{r.name}, {r.locality}" if r.locality else r.name for r in issue.raisers)
            line = sentences(text, f"Người kiến nghị: {names}") if names else sentence(text)
            keep_with_next(say(line, bold_prefix=f"{letter(k, len(issues))} Kiến nghị: "))
            say(conclusion_text(issue.conclusion, place, pending=pending), bold_prefix="Kết luận: ")

    add_paragraph(doc, "III. TỔ CHỨC THỰC HIỆN", "HNHeading")
    lines = [
        "Các cơ quan, đơn vị được giao nhiệm vụ khẩn trương triển khai thực hiện, trả lời công dân bằng văn bản "
        f"và báo cáo kết quả về {place.committee_of_kind} (qua {place.office_of_kind}) đúng thời hạn nêu trên.",
        f"{place.office_of_kind} theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Chủ tịch "
        f"{place.committee_of_kind}.",
        f"Đề nghị {place.front_of_kind} giám sát việc giải quyết các kiến nghị của Nhân dân.",
        f"{place.residential_heads} niêm yết công khai Thông báo này để Nhân dân biết, giám sát.",
    ]
    for line in lines:
        say(f"- {line}")
    closing = say(
        f"Trên đây là Thông báo kết luận của Chủ tịch {place.committee_short} tại Hội nghị đối thoại với "
        f"{audience(place)} năm {year}./."
    )
    keep_with_next(closing)
    keep_with_next(add_paragraph(doc))
    recipients_and_signature(
        doc, list(papers.notice_recipients), papers.records_office, signature_lines(papers, m.chair)
    )
    return doc
