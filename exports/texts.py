"""Vietnamese wording shared by the documents: dates and times in full, sentences that end
with a full stop, the conclusion of an issue (the same words in the minutes and in the
notice), Vietnamese lettering. Every place word comes from the meeting's ``Place``."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from models.text import fold
from session.domain.dates import fmt_date
from session.domain.units import Place

if TYPE_CHECKING:
    from session.domain.ledger import ConclusionView

#: Vietnamese lettering of list items (no f, j, w, z; đ after d).
LETTERS = (
    "a",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "g",
    "h",
    "i",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "x",
    "y",
)
_ENDINGS = (".", "!", "?", "…", "./.")


def outcome_words(outcome: str, place: Place) -> str:
    """The kind of conclusion in a few words, when the chair's own words are missing."""
    return {
        "answered": "Đã trả lời tại hội nghị",
        "study": "Tiếp thu, giao nghiên cứu",
        "assigned": "Giao cơ quan giải quyết",
        "forwarded": f"Nội dung {place.beyond_authority}, chuyển cấp có thẩm quyền",
    }[outcome]


def day_words(day: date) -> str:
    """ "ngày 20 tháng 11 năm 2026" (day padded below 10; month padded for 1 and 2)."""
    month = f"{day.month:02d}" if day.month in (1, 2) else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def time_words(moment: datetime) -> str:
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút"


def doc_number(number: str, suffix: str) -> str:
    """ "12/BB-UBND", or room for the number when it is not known yet."""
    return f"{number}/{suffix}" if number else f"     /{suffix}"


def person(name: str, title: str) -> str:
    return f"đồng chí {name} – {title}" if title else f"đồng chí {name}"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """*text* as a sentence: trimmed, first letter up, ending with a full stop (once)."""
    text = " ".join(text.split()).strip()
    if not text:
        return ""
    text = text.rstrip(",;:- ")
    if not text.endswith(_ENDINGS):
        text += "."
    return capital(text)


def sentences(*parts: str) -> str:
    """Sentences joined, each ending with its own full stop."""
    return " ".join(s for s in (sentence(p) for p in parts) if s)


def letter(n: int, count: int) -> str:
    """The label of the *n*-th (0-based) of *count* items: a) b) … y); past 23 items the
    whole list is numbered instead (1, 2, 3…), so no label is ever made up."""
    return f"{LETTERS[n]})" if count <= len(LETTERS) else f"{n + 1})"


def _says(text: str, words: str) -> bool:
    """True when the chair's *text* already says *words* (folded, ignoring case and accents)."""
    return bool(words) and fold(words) in fold(text)


def conclusion_text(conclusion: ConclusionView | None, place: Place, *, pending: str = "") -> str:
    """The chair's conclusion on an issue as printed in both documents: the chair's own words
    first, then what they do not already say — who leads, with whom, by when, how the
    citizen is answered, where it is forwarded. Every sentence ends with a full stop."""
    c = conclusion
    if c is None:
        return sentence(pending)
    own = c.text.strip()
    parts = [own] if own else []
    if c.outcome == "answered":
        if not own:
            parts.append("Đã được trả lời trực tiếp tại hội nghị")
    elif c.outcome == "study":
        if not own:
            parts.append("Tiếp thu, nghiên cứu")
        if c.lead_agency and not _says(own, c.lead_agency):
            parts.append(f"Giao {c.lead_agency} nghiên cứu, đề xuất")
    elif c.outcome == "forwarded":
        if not own or not _says(own, c.forwarded_to):
            parts.append(f"Nội dung {place.beyond_authority}; chuyển kiến nghị đến {c.forwarded_to}")
    else:  # assigned: one sentence of clauses, after the chair's own words
        partners = f", phối hợp với {c.partners}" if c.partners else ""
        task = c.task.strip().rstrip(". ")
        if not task or _says(own, task) or (own and _says(task, own.rstrip(". "))):
            task = ""
        clauses = []
        if not _says(own, c.lead_agency):
            clauses.append(f"Giao {c.lead_agency} chủ trì{partners}{': ' + task if task else ''}")
        elif c.partners and not _says(own, c.partners):
            clauses.append(f"cơ quan phối hợp: {c.partners}")
        if c.deadline:
            clauses.append(f"thời hạn hoàn thành trước ngày {fmt_date(c.deadline)}")
        if c.reply_method and not _says(own, c.reply_method):
            clauses.append(c.reply_method[:1].lower() + c.reply_method[1:])
        parts.append("; ".join(clauses))
    return sentences(*parts)
