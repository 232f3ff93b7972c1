"""The loudspeaker announcement (thông báo trên hệ thống truyền thanh): a short text a
radio announcer reads — who holds the meeting, when, where, how to send petitions — as
plain text and as a Nghị định 30 notice (.docx)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from exports import meeting_words as W
from exports.texts import day_words, doc_number
from session.domain.planning_records import MeetingPapers

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument


def title_lines(papers: MeetingPapers) -> tuple[str, str]:
    year = W.year(papers)
    about = f"Về việc tổ chức {W.meeting_phrase(papers)}"
    if year is not None and str(year) not in about:
        about += f" năm {year}"
    return "THÔNG BÁO", about


def body_lines(papers: MeetingPapers, issued: date | None = None) -> list[str]:
    """The paragraphs the announcer reads, in order. The day petitions are asked by is
    left out once it has passed on *issued* (an announcement made late asks for none by a
    day gone: they are still taken, and raised at the meeting)."""
    m = papers.meeting
    words = papers.words
    reference = W.plan_reference(papers)
    opening = f"Thực hiện {reference}, " if reference else ""
    lines = [
        "Kính thưa toàn thể Nhân dân!",
        f"{opening}{words.committee_kind if reference else words.committee_full} tổ chức "
        f"{W.meeting_phrase(papers)}, cụ thể như sau:",
        f"Thời gian: bắt đầu lúc {W.when(papers)}.",
        f"Địa điểm: {m.venue or '…'}.",
    ]
    if m.chair:
        chair_title = f", {m.chair_title}" if m.chair_title else ""
        lines.append(f"Chủ trì hội nghị: đồng chí {m.chair}{chair_title}.")
    lines.append(
        f"Tham dự hội nghị có lãnh đạo Đảng ủy, Hội đồng nhân dân, Ủy ban nhân dân, Ủy ban Mặt trận Tổ quốc "
        f"Việt Nam {words.unit}, các cơ quan, đơn vị liên quan và đại diện Nhân dân {W.cluster(papers)}."
    )
    deadline = papers.duty_due("compiled_list")
    by = f" trước {day_words(deadline)}" if deadline and (issued is None or deadline >= issued) else ""
    lines.append(
        f"Nhân dân có ý kiến, kiến nghị xin gửi về Ban Công tác Mặt trận, Trưởng {words.residential} nơi cư trú "
        f"hoặc gửi trực tiếp {words.committee_full} (qua {words.place.office_of_kind}){by} để tổng hợp, "
        "trả lời tại hội nghị. Tại hội nghị, Nhân dân đăng ký phát biểu với bộ phận tiếp nhận ý kiến."
    )
    lines.append(f"{words.committee_full} trân trọng thông báo để Nhân dân được biết và tham dự đông đủ.")
    return lines


def announcement_text(papers: MeetingPapers, *, issued: date | None = None) -> str:
    """Plain text for the announcer: title, summary, the paragraphs, one blank line apart."""
    head, about = title_lines(papers)
    return "\n\n".join([f"{head}\n{about}", *body_lines(papers, issued)]) + "\n"


def build_announcement(papers: MeetingPapers, *, issued: date) -> DocxDocument:
    from exports.docx_format import body, date_line, document_for, header, recipients_and_signature, rule, set_style

    doc = document_for(papers.printed)
    header(
        doc,
        parent_body=papers.printed.parent_body,
        issuing_lines=papers.issuing_lines,
        number=doc_number("", papers.printed.notice_suffix),
        place_date=date_line(papers.place_name or "…", issued),
    )
    head, about = title_lines(papers)
    set_style(doc.add_paragraph(head), "HNTitle")
    doc.add_paragraph(about, style="HN Summary")
    rule(doc.add_paragraph(), width_cm=4.0, column_cm=16.5)
    lines = body_lines(papers, issued)
    for line in lines[:-1]:
        label, sep, rest = line.partition(": ")
        if sep and len(label) < 25:
            body(doc, rest, bold_prefix=f"{label}: ")
        else:
            body(doc, line)
    body(doc, lines[-1] + "/.")
    recipients = [
        f"Đài truyền thanh {papers.words.unit} (phát thanh)",
        f"Trưởng các {papers.words.residential}",
        papers.words.place.front_of_kind,
    ]
    recipients_and_signature(doc, recipients, papers.printed.records_office, W.signature(papers))
    return doc
