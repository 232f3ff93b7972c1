"""How the documents before a meeting name it: when, where, for whom, by whose plan."""

from __future__ import annotations

from datetime import time

from exports.texts import day_words
from models.text import fold
from session.domain.dates import WEEKDAYS_VI
from session.domain.planning_records import MeetingPapers


def clock_words(moment: time) -> str:
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút"


def when(papers: MeetingPapers) -> str:
    """ "07 giờ 30 phút, Thứ Năm, ngày 05 tháng 3 năm 2026" (dots where not known yet)."""
    m = papers.meeting
    day = m.planned_date
    if day is None:
        return "… giờ … phút, ngày … tháng … năm …"
    start = f"{clock_words(m.planned_start)}, " if m.planned_start else ""
    return f"{start}{WEEKDAYS_VI[day.weekday()]}, {day_words(day)}"


def cluster(papers: MeetingPapers) -> str:
    """Whose meeting it is: "tổ dân phố Chí Linh 1", "các tổ dân phố Chí Linh 1, Chí Linh 2",
    or every residential unit of the unit (see ``Place.cluster_in_sentence``)."""
    if not papers.localities.strip():
        return f"các {papers.words.residential} trên địa bàn {papers.words.unit}"
    return papers.words.place.cluster_in_sentence


def plan_reference(papers: MeetingPapers) -> str:
    """ "Kế hoạch số 45/KH-UBND ngày 02/01/2026 của Ủy ban nhân dân phường Ba Đồn" or ""."""
    plan = papers.plan
    if plan is None:
        return ""
    number = f" số {plan.number}" if plan.number else ""
    issued = f" ngày {plan.issued_on:%d/%m/%Y}" if plan.issued_on else ""
    return f"Kế hoạch{number}{issued} của {papers.words.committee_full}"


def year(papers: MeetingPapers) -> int | None:
    if papers.meeting.planned_date is not None:
        return papers.meeting.planned_date.year
    return papers.plan.year if papers.plan else None


def signature(papers: MeetingPapers) -> list[tuple[str, bool, bool]]:
    """The People's Committee's signature as the meeting's notices carry it."""
    s = papers.printed
    lines = []
    if s.notice_authority:
        lines.append((f"{s.notice_authority} {s.notice_authority_body}".strip(), True, False))
    lines.append((s.notice_signer_title, True, False))
    signer = s.notice_signer_name or papers.meeting.chair
    return [*lines, ("", False, False), ("", False, False), ("", False, False), (signer, True, False)]


def meeting_phrase(papers: MeetingPapers) -> str:
    """The meeting inside a sentence: its title, lower case first, saying whose it is."""
    title = papers.meeting.title.strip()
    title = title[0].lower() + title[1:] if title else "hội nghị đối thoại"
    if "nhan dan" not in fold(title):
        return f"{title} với Nhân dân {cluster(papers)}"
    if papers.localities.strip() and fold(papers.localities) not in fold(title):
        return f"{title} ({cluster(papers)})"
    return title
