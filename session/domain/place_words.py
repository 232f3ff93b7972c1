"""The words of the place for the papers before a meeting (giấy mời, thông báo truyền
thanh, báo cáo cho chủ trì), read from the meeting's unit (session.domain.units) — or,
for a meeting whose unit is not set yet, from its plan's unit. Nothing here spells a
unit kind or a residential unit: they all come from the unit."""

from __future__ import annotations

from dataclasses import dataclass

from session.domain.units import COMMITTEE, Place, meeting_place, parse_issuing_body, place_of


@dataclass(frozen=True)
class PlaceWords:
    """How a paper names its unit, from the unit's :class:`Place`."""

    place: Place

    @property
    def kind(self) -> str:
        return self.place.kind

    @property
    def name(self) -> str:
        return self.place.name

    @property
    def residential(self) -> str:
        return self.place.residential_word

    @property
    def residential_title(self) -> str:
        """ "Ấp", "Tổ dân phố": for a column header."""
        word = self.residential
        return word[:1].upper() + word[1:]

    @property
    def unit_kind(self) -> str:
        return self.kind

    @property
    def unit_name(self) -> str:
        return self.name

    @property
    def unit(self) -> str:
        """ "phường Ba Đồn" — or "địa phương" when the unit is not known."""
        return self.place.full or "địa phương"

    @property
    def committee(self) -> str:
        """ "UBND phường Ba Đồn" """
        return self.place.committee_short if self.place.full else "UBND"

    @property
    def committee_kind(self) -> str:
        """ "Ủy ban nhân dân phường": the committee named a second time in a sentence."""
        return f"{COMMITTEE} {self.kind}" if self.kind else self.committee_full

    @property
    def committee_full(self) -> str:
        """ "Ủy ban nhân dân phường Ba Đồn" """
        return self.place.committee if self.place.full else COMMITTEE


def place_words(place: Place, plan_unit: str = "") -> PlaceWords:
    """The meeting's *place*; when its unit is not set, the unit its plan names ("phường Ba Đồn")."""
    if not place.known and plan_unit.strip():
        unit = parse_issuing_body(f"{COMMITTEE} {plan_unit}".upper())
        if unit is not None:
            place = place_of(unit.kind, unit.name, unit.province, unit.code, "", place.cluster)
    return PlaceWords(place)


def meeting_words(meeting: object, issuing_body: str = "") -> PlaceWords:
    """The words of a meeting row, view or archived row (a dict), its issuing body given
    separately when the office's own one stands in for it."""
    from types import SimpleNamespace

    if isinstance(meeting, dict):
        meeting = SimpleNamespace(**meeting)
    if issuing_body and not getattr(meeting, "unit_kind", ""):
        meeting = SimpleNamespace(**{**vars(meeting), "issuing_body": issuing_body})
    return PlaceWords(meeting_place(meeting))
