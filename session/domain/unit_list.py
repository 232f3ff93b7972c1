"""The official list of commune-level units (danh mục đơn vị hành chính): the
3,321 units in force since 1 July 2025, as the ``vietnam-provinces`` package carries them,
found by accent-free search, by code, by kind and name; the 34 provinces as documents name
them. The list is loaded on first use (it costs ~60 ms)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from models.errors import HoinghiError
from models.text import clean_text, fold
from session.domain import unit_words as W


@dataclass(frozen=True)
class Unit:
    """A commune-level unit: its kind (as the official list spells it, lower case), its
    name ("Ba Đồn"), its province ("tỉnh Quảng Trị") and its official code, if any."""

    kind: str = ""
    name: str = ""
    province: str = ""
    code: str = ""

    @property
    def known(self) -> bool:
        return bool(self.kind and self.name)

    @property
    def label(self) -> str:
        """ "Phường Ba Đồn — tỉnh Quảng Trị", for lists."""
        text = f"{self.kind} {self.name}".strip()
        text = text[:1].upper() + text[1:]
        return f"{text} — {self.province}" if self.province else text


# --- the official list ------------------------------------------------------------------


def kinds() -> tuple[str, ...]:
    """The commune-level kinds of the official list (the package's spelling), then the legacy ones."""
    from vietnam_provinces import VietNamDivisionType as T

    return (T.XA.value, T.PHUONG.value, T.DAC_KHU.value, *W.LEGACY_KINDS)


def _province_display(province: Any) -> str:
    """ "tỉnh Quảng Trị" / "thành phố Hà Nội" from the package's Province."""
    from vietnam_provinces import VietNamDivisionType as T

    name = province.name
    if province.division_type == T.THANH_PHO_TRUNG_UONG:
        word = "thành phố"
        if fold(name).startswith(fold(word) + " "):
            name = name[len(word) + 1 :]
    else:
        word = T.TINH.value
    return f"{word} {name}"


@lru_cache(maxsize=1)
def official_units() -> tuple[tuple[Unit, str], ...]:
    """Every unit of the official list with its folded search key, in the list's order."""
    from vietnam_provinces import Province, Ward

    provinces = {p.code: _province_display(p) for p in Province.iter_all()}
    units = []
    for ward in Ward.iter_all():
        kind = ward.division_type.value
        name = " ".join(ward.name.split())  # the list has a stray double space here and there
        if fold(name).startswith(fold(kind) + " "):
            name = name[len(kind) + 1 :]
        unit = Unit(kind=kind, name=name, province=provinces[ward.province_code], code=str(int(ward.code)))
        units.append((unit, fold(f"{kind} {name} {unit.province}")))
    return tuple(units)


def unit_by_code(code: str | int) -> Unit:
    text = str(code).strip()
    for unit, _key in official_units():
        if unit.code == text:
            return unit
    raise HoinghiError("unit.unknown_code", value=text)


def search_units(query: str, limit: int = 50) -> list[Unit]:
    """Units whose kind, name or province contain every word of *query*, without accents
    ("ba don" finds Phường Ba Đồn): exact names first, then names that start so."""
    words = fold(query).split()
    if not words:
        return []
    found = []
    for unit, key in official_units():
        if all(w in key for w in words):
            name = fold(unit.name)
            whole = " ".join(words) + " "
            exact = whole.startswith(name + " ") or whole.startswith(fold(f"{unit.kind} {unit.name}") + " ")
            rank = 0 if exact else 1 if name.startswith(words[0]) else 2
            found.append((rank, name, unit.province, unit))
    found.sort(key=lambda r: r[:3])
    return [r[3] for r in found[:limit]]


def find_unit(kind: str, name: str, province: str = "") -> Unit | None:
    """The official unit of that kind and name (and province, when several share the name)."""
    kind_key, name_key, province_key = fold(kind), fold(name), fold(province)
    matches = [
        u
        for u, _ in official_units()
        if fold(u.kind) == kind_key
        and fold(u.name) == name_key
        and (not province_key or province_key in fold(u.province))
    ]
    return matches[0] if len(matches) == 1 else None


def bare_province(folded: str) -> str:
    """ "tinh quang tri" -> "quang tri"; "thanh pho ha noi" -> "ha noi"."""
    for prefix in ("tinh ", "thanh pho ", "tp. ", "tp "):
        if folded.startswith(prefix):
            return folded[len(prefix) :]
    return folded


@lru_cache(maxsize=1)
def provinces() -> tuple[str, ...]:
    """The 34 provinces as documents name them: "tỉnh Quảng Trị", "thành phố Hà Nội"."""
    from vietnam_provinces import Province

    return tuple(_province_display(p) for p in Province.iter_all())


def canonical_province(text: str) -> str:
    """ "quang tri" -> "tỉnh Quảng Trị"; a province not in the list is kept as typed."""
    value = clean_text(text, field="province", max_len=100)
    key = bare_province(fold(value))
    for display in provinces():
        if key and key == bare_province(fold(display)):
            return display
    return value
