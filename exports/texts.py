"""Vietnamese wording shared by the documents (dates and times as written in full)."""

from __future__ import annotations

from datetime import date, datetime

OUTCOME_WORDS = {
    "answered": "Đã trả lời tại hội nghị",
    "study": "Tiếp thu, giao nghiên cứu",
    "assigned": "Giao cơ quan giải quyết",
    "forwarded": "Vượt thẩm quyền của xã, chuyển cấp trên",
}


def day_words(day: date) -> str:
    """ "ngày 20 tháng 11 năm 2026" (day padded below 10; month padded for 1 and 2)."""
    month = f"{day.month:02d}" if day.month in (1, 2) else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def time_words(moment: datetime) -> str:
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút"


def doc_number(number: str, suffix: str) -> str:
    """ "12/BB-UBND", or dots when the number is not known yet."""
    return f"{number or '…'}/{suffix}" if number else f"     /{suffix}"


def person(name: str, title: str) -> str:
    return f"đồng chí {name} – {title}" if title else f"đồng chí {name}"


_LEVELS = ("XÃ ", "PHƯỜNG ", "THỊ TRẤN ", "ĐẶC KHU ")


def body_names(issuing_body: str) -> tuple[str, str]:
    """("Ủy ban nhân dân xã Hòa An", "UBND xã Hòa An") from "ỦY BAN NHÂN DÂN XÃ HÒA AN"."""
    text = issuing_body.strip().upper()
    head = "ỦY BAN NHÂN DÂN"
    rest = text[len(head) :].strip() if text.startswith(head) else text
    place = rest
    for level in _LEVELS:
        if rest.startswith(level):
            place = level.strip().lower() + " " + rest[len(level) :].title()
            break
    else:
        place = rest.title()
    if not text.startswith(head):
        return place, place
    return f"Ủy ban nhân dân {place}".strip(), f"UBND {place}".strip()
