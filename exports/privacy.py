"""Personal numbers never printed in a public document (thông báo kết luận): phone numbers
and identity numbers (CMND 9 digits, CCCD 12 digits) in every common way of typing them.

The shapes are data: ``PRIVATE`` lists what a personal number looks like, ``KEEP`` what
looks like one but is not (an amount of money, an area). A number is found as a whole run
of digit groups, so no part of it is left behind ("… 612"); a run that is not one number
as a whole (a day next to a phone number) is searched for one inside it.
"""

from __future__ import annotations

import re

#: A run of digits in groups joined by one space, dot or dash, optionally after a +84 / (+84)
#: country code; matched whole (never a part of a longer run).
_SEP = r"[ \u00a0.\-]"
RUN = re.compile(
    r"(?<![\d+])(?P<prefix>\(\+?84\)" + _SEP + r"?|\+84" + _SEP + r"?|\+" + _SEP + r"?)?"
    r"(?P<digits>\d+(?:" + _SEP + r"\d+)*)(?!\d)"
)
_GROUPS = re.compile(r"(\d+)")

#: (what, digits once the separators are gone) — each a personal number.
PRIVATE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("mobile or landline, 0 + 9 or 10 digits", re.compile(r"0\d{9,10}")),
    ("country code 84 + 9 or 10 digits", re.compile(r"84\d{9,10}")),
    ("mobile written without its 0", re.compile(r"[35789]\d{8}")),
    ("CMND, 9 digits", re.compile(r"\d{9}")),
    ("CCCD / ĐDCN, 12 digits", re.compile(r"\d{12}")),
)

#: Text right after a run that makes it a quantity, not a personal number.
KEEP = re.compile(
    r"\s?(?:đồng|đ\b|vnđ|vnd|triệu|tỷ|nghìn|ngàn|m2|m²|m3|m³|ha\b|%|km|kg|tấn|lượt|người|hộ)", re.IGNORECASE
)

MASK = "…"


def is_private(digits: str, *, country_code: bool = False) -> bool:
    """True when *digits* (separators removed) have the shape of a personal number."""
    if country_code:
        digits = "84" + digits.lstrip("0")
    return any(pattern.fullmatch(digits) for _what, pattern in PRIVATE)


def _mask_inside(run: str) -> str:
    """The longest stretch of whole digit groups in *run* that is a personal number, masked;
    the rest searched the same way."""
    parts = _GROUPS.split(run)  # ["", "2026", " ", "0912", " ", "345", …, ""]
    groups = parts[1::2]
    for size in range(len(groups), 0, -1):
        for start in range(len(groups) - size + 1):
            if is_private("".join(groups[start : start + size])):
                left = "".join(parts[: 2 * start + 1])
                right = "".join(parts[2 * (start + size) :])
                return _mask_inside(left) + MASK + _mask_inside(right)
    return run


def scrub(text: str) -> str:
    """*text* with every personal number replaced by "…"."""

    def replace(match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group("digits"))
        prefix = match.group("prefix") or ""
        if not prefix and KEEP.match(text, match.end()):
            return match.group(0)
        if is_private(digits, country_code="84" in prefix):
            return MASK
        return prefix + _mask_inside(match.group("digits"))

    # A number masked at the end of a sentence: the ellipsis ends it ("qua số …", not "…").
    return _DOUBLE_STOP.sub(MASK, RUN.sub(replace, text))


_DOUBLE_STOP = re.compile(re.escape(MASK) + r"\.(?!/)")
