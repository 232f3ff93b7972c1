"""The words of the place (xã / phường / đặc khu, thôn / tổ dân phố) for generated text.

Nothing generated may say "xã" or "thôn" by itself: a phường has tổ dân phố, a xã thôn,
bản or ấp. The words come from the meeting's data; today that is its issuing body (or the
plan's unit), read here and nowhere else, so the unit kind and residential-unit words the
meeting will carry can be wired in this one function.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The kinds of commune-level unit, as printed, and the residential unit each usually has.
KINDS = {"xã": "thôn", "phường": "tổ dân phố", "đặc khu": "khu dân cư", "thị trấn": "tổ dân phố"}


@dataclass(frozen=True)
class PlaceWords:
    kind: str  # xã | phường | đặc khu (blank when the data does not say)
    name: str  # Ba Đồn
    residential: str  # thôn | tổ dân phố | … ("thôn, tổ dân phố" when unknown)

    @property
    def unit(self) -> str:
        """ "phường Ba Đồn" — or the name alone, or "địa phương"."""
        return " ".join(p for p in (self.kind, self.name) if p) or "địa phương"

    @property
    def committee(self) -> str:
        """ "UBND phường Ba Đồn" """
        return f"UBND {self.unit}" if self.kind or self.name else "UBND"

    @property
    def committee_kind(self) -> str:
        """ "Ủy ban nhân dân phường": the committee named a second time in a sentence."""
        return f"Ủy ban nhân dân {self.kind}" if self.kind else self.committee_full

    @property
    def committee_full(self) -> str:
        """ "Ủy ban nhân dân phường Ba Đồn" """
        return f"Ủy ban nhân dân {self.unit}" if self.kind or self.name else "Ủy ban nhân dân"


def _split(text: str) -> tuple[str, str]:
    rest = " ".join(text.split())
    upper = rest.upper()
    for head in ("ỦY BAN NHÂN DÂN ", "UBND "):
        if upper.startswith(head):
            rest = rest[len(head) :]
            upper = rest.upper()
            break
    for kind in sorted(KINDS, key=len, reverse=True):
        if upper.startswith(kind.upper() + " "):
            name = rest[len(kind) + 1 :].strip()
            return kind, name.title() if name.upper() == name else name
    return "", rest.title() if rest.upper() == rest else rest


def place_words(issuing_body: str = "", plan_unit: str = "") -> PlaceWords:
    """The unit's kind, name and residential word from what the meeting says about itself:
    its issuing body ("ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN"), else its plan's unit ("phường Ba Đồn")."""
    for source in (issuing_body, plan_unit):
        if source and source.strip():
            kind, name = _split(source)
            return PlaceWords(kind, name, KINDS.get(kind, "thôn, tổ dân phố"))
    return PlaceWords("", "", "thôn, tổ dân phố")
