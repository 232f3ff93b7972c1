"""The words a document uses for the place (địa danh): the kind of commune-level unit (xã,
phường, đặc khu) and the kind of residential unit (thôn, bản, ấp, tổ dân phố, khu phố…).

Read from the meeting's data — its issuing body and the localities its speakers gave — in
this one place, so nothing generated says "xã" or "thôn" by itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from models.text import fold

UNIT_KINDS = ("xã", "phường", "đặc khu", "thị trấn")
# Longer words first: "tổ dân phố" before "tổ", "khu phố" before "khu".
RESIDENTIAL = ("tổ dân phố", "khu dân cư", "khu phố", "thôn", "bản", "buôn", "sóc", "ấp", "khóm", "làng", "tổ", "khu")
_ABBREVIATIONS = {"tdp": "tổ dân phố", "kdc": "khu dân cư", "kp": "khu phố"}


@dataclass(frozen=True)
class PlaceWords:
    unit_kind: str  # xã | phường | đặc khu | thị trấn
    unit_name: str  # "Hòa An" (as written after the kind)
    residential: str  # thôn | tổ dân phố | …

    @property
    def unit(self) -> str:
        """ "xã Hòa An" (or just "xã" when the name is not known)."""
        return f"{self.unit_kind} {self.unit_name}".strip()

    @property
    def residential_title(self) -> str:
        """ "Thôn", "Tổ dân phố": for a column header."""
        return self.residential[:1].upper() + self.residential[1:]


def unit_of(issuing_body: str) -> tuple[str, str]:
    """("phường", "Ba Đồn") from "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN"; ("", "") when unknown."""
    words = issuing_body.strip().split()
    folded = [fold(w) for w in words]
    for kind in sorted(UNIT_KINDS, key=len, reverse=True):
        kind_words = fold(kind).split()
        for start in range(len(folded) - len(kind_words) + 1):
            if folded[start : start + len(kind_words)] == kind_words:
                name = " ".join(words[start + len(kind_words) :])
                return kind, name.title() if name.isupper() else name
    return "", ""


_FOLDED = tuple((fold(word), word) for word in RESIDENTIAL)


def residential_of(locality: str) -> str | None:
    """ "tổ dân phố" from "Tổ dân phố Chí Linh 1" or "TDP Chí Linh 1"; None if no known word."""
    key = fold(locality)
    first = key.split(" ", 1)[0].rstrip(".") if key else ""
    if first in _ABBREVIATIONS:
        return _ABBREVIATIONS[first]
    for folded, word in _FOLDED:
        if key == folded or key.startswith(folded + " "):
            return word
    return None


def place_words(issuing_body: str, localities: Iterable[str] = ()) -> PlaceWords:
    """The unit kind from the issuing body; the residential word the localities use most,
    else the usual one for the unit kind (tổ dân phố in a phường, thôn elsewhere)."""
    kind, name = unit_of(issuing_body)
    used: Counter[str] = Counter()
    for loc, count in Counter(loc for loc in localities if loc).items():
        word = residential_of(loc)
        if word:
            used[word] += count
    if used:
        residential = used.most_common(1)[0][0]
    else:
        residential = "tổ dân phố" if kind == "phường" else "thôn"
    return PlaceWords(unit_kind=kind or "xã", unit_name=name, residential=residential)
