"""What a column of the compiled list holds, read from its header text.

Headers are compared folded (no accents, no case, đ -> d) and with their punctuation
loosened, so "Họ và tên", "HỌ VÀ TÊN" and "Họ, tên" are one name. A residential-unit
column may list several kinds of unit ("Tổ dân phố, khu phố", "Ấp/Bản", "TDP - KP").
"""

from __future__ import annotations

import re

from models.text import fold

#: Columns that become part of a registration (in the order the preview lists them).
IMPORTED = ("name", "locality", "field", "summary", "phone", "organisation")
#: Columns that are recognised and deliberately left out (said so in the preview).
RECOGNISED = ("number", "note", "id_number")
KEYS = IMPORTED + RECOGNISED
REQUIRED = ("name", "summary")

ALIASES: dict[str, tuple[str, ...]] = {
    "number": ("stt", "tt", "so tt", "so thu tu", "thu tu", "so"),
    "name": (
        "ho va ten",
        "ho ten",
        "ho, ten",
        "ten",
        "nguoi kien nghi",
        "nguoi de nghi",
        "nguoi phan anh",
        "ten nguoi kien nghi",
        "ho va ten nguoi kien nghi",
        "ho ten nguoi kien nghi",
        "ho va ten cu tri",
        "ho ten cu tri",
        "cu tri",
        "cong dan",
        "nguoi dan",
        "ho va ten nguoi de nghi",
    ),
    "field": (
        "linh vuc",
        "linh vuc kien nghi",
        "nhom linh vuc",
        "nhom van de",
        "nhom noi dung",
        "van de",
        "phan loai",
        "nhom",
        "loai",
    ),
    "summary": (
        "noi dung",
        "noi dung kien nghi",
        "noi dung y kien",
        "noi dung y kien, kien nghi",
        "noi dung y kien kien nghi",
        "noi dung de nghi",
        "noi dung phan anh",
        "noi dung phan anh, kien nghi",
        "y kien, kien nghi",
        "y kien kien nghi",
        "kien nghi",
        "y kien",
        "tom tat noi dung",
        "tom tat y kien",
        "tom tat noi dung kien nghi",
        "tom tat noi dung y kien, kien nghi",
    ),
    "phone": ("so dien thoai", "dien thoai", "sdt", "dt", "so dt", "dien thoai lien he"),
    "organisation": ("chuc vu", "chuc danh", "don vi", "co quan", "to chuc", "chuc vu, don vi"),
    "note": ("ghi chu",),
    "id_number": ("cccd", "cmnd", "so cccd", "so cmnd", "can cuoc", "so can cuoc", "so dinh danh", "cccd/cmnd"),
}

# Words that name a residential unit or an address (tổ dân phố, ấp, bản…).
UNIT_WORDS = frozenset(
    {
        "thon",
        "ban",
        "buon",
        "soc",
        "ap",
        "khom",
        "xom",
        "to",
        "to dan pho",
        "tdp",
        "khu pho",
        "kp",
        "khu dan cu",
        "kdc",
        "khu",
        "khu vuc",
        "lang",
        "doi",
        "cum dan cu",
        "dia chi",
        "dia ban",
        "noi cu tru",
        "noi o",
        "cho o",
        "dia chi thuong tru",
        "don vi dan cu",
        "thon, xom",
    }
)
# A column whose header says it holds the answer or the result is never the petition.
_NOT_PETITION = ("tra loi", "giai quyet", "ket qua", "co quan", "don vi chu tri", "thoi han")
_PREFIXES = ("noi dung", "tom tat", "y kien", "kien nghi")


def header_key(text: object) -> str:
    """The folded, punctuation-loosened form headers are compared in."""
    if text is None:
        return ""
    key = fold(str(text))
    key = re.sub(r"[.:*()\[\]\"“”'’]", " ", key)
    key = re.sub(r"\s*([/,;&+-])\s*", r"\1", key)
    key = key.replace(",", ", ")
    return re.sub(r"\s+", " ", key).strip(" ,-/")


def _is_unit_list(key: str) -> bool:
    parts = [p.strip() for p in re.split(r"[,/;&+-]|\bva\b|\bhoac\b", key) if p.strip()]
    return bool(parts) and all(p in UNIT_WORDS for p in parts)


def exact_key(text: object) -> str | None:
    """The column a header names exactly (or as a list of residential units), if any."""
    key = header_key(text)
    if not key:
        return None
    for column, aliases in ALIASES.items():
        if key in aliases:
            return column
    if _is_unit_list(key):
        return "locality"
    return None


def column_key(text: object) -> tuple[str | None, bool]:
    """(column, exact): what a header names, and whether it named it exactly.

    Beyond the exact names, "Nội dung kiến nghị của cử tri về…" and the like are the
    petition, and "Họ và tên người kiến nghị (đại diện)" the name — unless the header
    says it holds an answer or a result."""
    exact = exact_key(text)
    if exact is not None:
        return exact, True
    key = header_key(text)
    if not key or any(word in key for word in _NOT_PETITION):
        return None, False
    if key.startswith(_PREFIXES):
        return "summary", False
    if key.startswith(("ho va ten", "ho ten")):
        return "name", False
    if key.startswith(("so dien thoai", "dien thoai")):
        return "phone", False
    if key.startswith("linh vuc"):
        return "field", False
    if key.startswith(("dia chi", "thon", "to dan pho", "khu pho")):
        return "locality", False
    return None, False
