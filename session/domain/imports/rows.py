"""What each row under the header is: a petition, or a row skipped for a stated reason.

Compiled lists carry more than petitions: the column-number row "(1) (2) (3)", field
headings written as group rows ("I. LĨNH VỰC ĐẤT ĐAI"), subtotal rows ("Cộng: 12 ý
kiến"), blank rows, the header repeated at a page break, and the date and signature
block under the table ("Hòa An, ngày 05 tháng 3 năm 2026", "TM. BAN THƯỜNG TRỰC").
"""

from __future__ import annotations

import re

from models.text import fold
from session.domain.imports.columns import header_key
from session.domain.imports.header import text_of
from session.domain.imports.sources import Cell

_COLUMN_NUMBER = re.compile(r"^\(?\s*(\d{1,2}|[a-z])\s*\)?$")
_ROMAN = re.compile(r"^(?=[ivxl]+$)(x{0,3})(ix|iv|v?i{0,3})$")
_GROUP_PREFIX = re.compile(r"^(?P<mark>[ivxl]+|[a-h]|\d{1,2})\s*[.):/-]\s*(?P<rest>.+)$")
_FIELD_WORDS = re.compile(r"^(linh vuc|nhom|ve linh vuc|nhom van de|van de)\b[\s:,-]*")
_SUBTOTAL = re.compile(r"^(tong cong|tong so|tong|cong|so luong)\s*(:|\d|$|\(|y kien|kien nghi|luot|nguoi|cac)")
_FOOTER = re.compile(
    r"(^|\s)ngay\s*\S*\s*thang\s*\S*\s*nam\b|^(tm|kt|tl|q|tuq)\s*[./]|^noi nhan\b|^nguoi (lap|tong hop|ky)\b"
    r"|^(chu tich|pho chu tich|truong ban|thu ky|xac nhan|ghi chu\s*:)|^ban thuong truc"
)


def filled(cells: list[Cell]) -> list[tuple[int, str]]:
    return [(index, text_of(cell)) for index, cell in enumerate(cells) if text_of(cell)]


def is_blank(cells: list[Cell]) -> bool:
    return not filled(cells)


def is_column_numbers(cells: list[Cell]) -> bool:
    """ "(1) (2) (3) (4)" or "1 2 3 4" or "A B C": the row numbering the columns."""
    values = [text for _, text in filled(cells)]
    if len(values) < 2:
        return False
    keys = [fold(v) for v in values]
    if not all(_COLUMN_NUMBER.match(k) for k in keys):
        return False
    marks = [_COLUMN_NUMBER.match(k).group(1) for k in keys]  # type: ignore[union-attr]
    if all(m.isdigit() for m in marks):
        numbers = [int(m) for m in marks]
        return numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    return all(m.isalpha() for m in marks)


def header_keys(header_texts: list[str]) -> list[set[str]]:
    """For each column, the folded names its header goes by ("A / B": A, B and both)."""
    return [{header_key(p) for p in text.split(" / ")} | {header_key(text)} for text in header_texts]


def is_repeated_header(cells: list[Cell], expected: list[set[str]]) -> bool:
    """The header again (Word repeats it on each page when told to; people paste it).
    *expected* comes from :func:`header_keys`."""
    values = filled(cells)
    if len(values) < 2:
        return False
    for index, text in values:
        if index >= len(expected) or len(text) > 80 or header_key(text) not in expected[index]:
            return False
    return True


def group_field(cells: list[Cell], mapping: dict[str, int]) -> str | None:
    """The field a group row announces ("I. LĨNH VỰC ĐẤT ĐAI" -> "ĐẤT ĐAI"), else None.

    A group row has one text (besides a roman numeral or letter in the number column)
    and says it is a heading: a numeral in front, the words "lĩnh vực" / "nhóm", or
    capitals only. A person with no petition is not a group row."""
    values = filled(cells)
    number_col = mapping.get("number")
    mark = ""
    if values and number_col is not None and values[0][0] == number_col and len(values) == 2:
        mark = fold(values[0][1]).rstrip(".")
        values = values[1:]
    if len(values) != 1:
        return None
    text = values[0][1]
    if mark and not (_ROMAN.match(mark) or re.fullmatch(r"[a-h]", mark)):
        return None  # "1 | Nguyễn Văn A" is a person with nothing else filled in
    key = fold(text)
    match = _GROUP_PREFIX.match(key)
    rest = text
    heading = bool(mark)
    if match and (_ROMAN.match(match.group("mark")) or len(match.group("mark")) == 1):
        heading = True
        rest = text[len(text) - len(match.group("rest")) :]
    words = _FIELD_WORDS.match(fold(rest))
    if words:
        heading = True
        rest = rest[len(words.group(0)) :]
    letters = [ch for ch in text if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters) and len(letters) >= 3:
        heading = True
    if not heading:
        return None
    return rest.strip(" .:-") or None


def is_subtotal(cells: list[Cell]) -> bool:
    values = filled(cells)
    return bool(values) and bool(_SUBTOTAL.match(fold(values[0][1])))


def is_footer(cells: list[Cell]) -> bool:
    """The first row of the date / signature block under the table."""
    values = filled(cells)
    return bool(values) and any(_FOOTER.search(fold(text)) for _, text in values[:2])


def row_text(cells: list[Cell], limit: int = 80) -> str:
    """What a skipped row held, shortened, so the preview can show it."""
    text = " | ".join(text for _, text in filled(cells))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
