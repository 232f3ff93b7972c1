"""The meeting's commune-level unit (đơn vị hành chính) and every word derived from it.

Since 1 July 2025 a dialogue is held by any of the 3,321 commune-level units of three kinds,
whose residential units have many names (bản, ấp, tổ dân phố, khu phố…; see
``unit_words``). Nothing generated may name a kind by itself: labels, sentences and documents ask :func:`place_of` (or
:func:`place_words` with a store) for a :class:`Place`, which gives every derived form —
the issuing body, "UBND phường Ba Đồn", "Ủy ban MTTQ Việt Nam phường", "Đảng ủy phường",
"UBND tỉnh Quảng Trị", "Sở Nội vụ tỉnh Quảng Trị", the residential word and its heads.

The official list and its search are in ``session.domain.unit_list`` (re-exported here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from models.errors import HoinghiError
from models.text import clean_text, fold
from session.domain import unit_words as W
from session.domain.unit_list import (  # noqa: F401 — the one place callers ask for units
    Unit,
    bare_province,
    canonical_province,
    find_unit,
    kinds,
    official_units,
    provinces,
    search_units,
    unit_by_code,
)

if TYPE_CHECKING:
    from models.store import Store

COMMITTEE = "Ủy ban nhân dân"
COMMITTEE_UPPER = "ỦY BAN NHÂN DÂN"
_BODY_HEADS = ("uy ban nhan dan", "ubnd")
_NBSP = "\u00a0"


# --- the issuing body and the unit never disagree ---------------------------------------


def parse_issuing_body(text: str) -> Unit | None:
    """The unit an issuing body names: "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN" -> phường Ba Đồn.

    Accepts "UBND …" and old-style "UỶ BAN …"; None when the text names no unit kind.
    The name keeps the official spelling when the list has it."""
    words = clean_text(text).split()
    folded = [fold(w) for w in words]
    start = 0
    for head in _BODY_HEADS:
        size = len(head.split())
        if " ".join(folded[:size]) == head:
            start = size
            break
    else:
        return None
    for kind in sorted(kinds(), key=len, reverse=True):
        size = len(kind.split())
        if " ".join(folded[start : start + size]) == fold(kind) and len(words) > start + size:
            name = " ".join(words[start + size :])
            official = [u for u, _ in official_units() if fold(u.kind) == fold(kind) and fold(u.name) == fold(name)]
            if len(official) == 1:
                return official[0]
            if official:  # the same name in several provinces: the kind and the spelling are known
                return Unit(kind=kind, name=official[0].name)
            return Unit(kind=kind, name=_title_case(name))
    return None


def _title_case(name: str) -> str:
    """ "TÂN PHÚ" -> "Tân Phú"; "tân phú" -> "Tân Phú"; a name typed in mixed case is kept."""
    if name != name.upper() and name != name.lower():
        return name
    return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())


def issuing_body_of(unit: Unit) -> str:
    """ "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN" (blank for no unit)."""
    if not unit.known:
        return ""
    return f"{COMMITTEE_UPPER} {unit.kind.upper()} {unit.name.upper()}"


def check_unit(kind: str, name: str) -> tuple[str, str]:
    """Clean a unit typed by hand; the kind must be one the law knows."""
    kind_text = clean_text(kind, field="unit_kind", max_len=20).lower()
    name_text = clean_text(name, field="unit_name", max_len=100)
    if kind_text and kind_text not in kinds():
        by_fold = {fold(k): k for k in kinds()}
        if fold(kind_text) not in by_fold:
            raise HoinghiError("unit.bad_kind", value=kind_text, kinds=", ".join(kinds()[:3]))
        kind_text = by_fold[fold(kind_text)]
    if bool(kind_text) != bool(name_text):
        raise HoinghiError("unit.incomplete")
    return kind_text, name_text


# --- residential units -------------------------------------------------------------------

_SPLIT = re.compile(r"\s*(?:[,;/]|\bvà\b)\s*")


def residential_words(text: str) -> tuple[str, ...]:
    """ "Bản, Ấp" -> ("bản", "ấp"); "TDP" -> ("tổ dân phố",). Known words get their
    usual spelling; others are kept (lower case)."""
    known = {fold(w): w for w in W.HEADS}
    words: list[str] = []
    for part in _SPLIT.split(clean_text(text, field="residential", max_len=100)):
        part = part.strip().lower()
        if not part:
            continue
        key = fold(part)
        word = W.ABBREVIATIONS.get(key) or known.get(key) or part
        if word not in words:
            words.append(word)
    return tuple(words)


def default_residential(unit: Unit) -> str:
    """The residential unit a unit of that kind (and region) usually has."""
    if not unit.kind:
        return W.GENERIC
    province = bare_province(fold(unit.province))
    table = W.DEFAULT_SOUTH if province in W.SOUTH else W.DEFAULT_BY_KIND
    return table.get(unit.kind, W.GENERIC)


def _heads(words: tuple[str, ...]) -> str:
    """ "Trưởng các bản, buôn"; "Tổ trưởng các tổ dân phố, Trưởng các khu phố"."""
    groups: list[tuple[str, list[str]]] = []
    for word in words:
        head = W.HEADS.get(word, f"Trưởng {word}")
        prefix = head[: -len(word)].strip() if head.endswith(word) else head
        if groups and groups[-1][0] == prefix:
            groups[-1][1].append(word)
        else:
            groups.append((prefix, [word]))
    return ", ".join(f"{prefix} các {', '.join(ws)}" for prefix, ws in groups)


def nbsp(text: str) -> str:
    """The words of a place name bound together, so a title line never breaks inside it."""
    return text.replace(" ", _NBSP)


# --- every derived form ------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """Every form of the meeting's place, for labels, sentences and documents."""

    unit: Unit
    residential: tuple[str, ...]
    cluster: str = ""

    @property
    def known(self) -> bool:
        return self.unit.known

    # the unit
    @property
    def kind(self) -> str:
        """ "phường" — the unit's kind, lower case, as in "UBND phường"."""
        return self.unit.kind

    @property
    def name(self) -> str:
        return self.unit.name

    @property
    def full(self) -> str:
        """ "phường Ba Đồn"."""
        return f"{self.kind} {self.name}".strip()

    @property
    def issuing_body(self) -> str:
        return issuing_body_of(self.unit)

    @property
    def issuing_lines(self) -> tuple[str, ...]:
        """The header's lines: ("ỦY BAN NHÂN DÂN", "PHƯỜNG BA ĐỒN"), the name unbroken."""
        if not self.known:
            return ()
        return COMMITTEE_UPPER, f"{self.kind.upper()} {nbsp(self.name.upper())}"

    @property
    def committee(self) -> str:
        """ "Ủy ban nhân dân phường Ba Đồn"."""
        return f"{COMMITTEE} {self.full}".strip()

    @property
    def committee_short(self) -> str:
        """ "UBND phường Ba Đồn"."""
        return f"UBND {self.full}".strip()

    @property
    def committee_of_kind(self) -> str:
        """ "UBND phường"."""
        return f"UBND {self.kind}".strip()

    @property
    def council_of_kind(self) -> str:
        """ "HĐND phường"."""
        return f"HĐND {self.kind}".strip()

    @property
    def front(self) -> str:
        """ "Ủy ban MTTQ Việt Nam phường Ba Đồn"."""
        return f"Ủy ban MTTQ Việt Nam {self.full}".strip()

    @property
    def front_of_kind(self) -> str:
        """ "Ủy ban MTTQ Việt Nam phường"."""
        return f"Ủy ban MTTQ Việt Nam {self.kind}".strip()

    @property
    def front_full(self) -> str:
        """ "Ủy ban Mặt trận Tổ quốc Việt Nam phường Ba Đồn"."""
        return f"Ủy ban Mặt trận Tổ quốc Việt Nam {self.full}".strip()

    @property
    def party_of_kind(self) -> str:
        """ "Đảng ủy phường"."""
        return f"Đảng ủy {self.kind}".strip()

    @property
    def party(self) -> str:
        """ "Đảng ủy phường Ba Đồn"."""
        return f"Đảng ủy {self.full}".strip()

    @property
    def office_of_kind(self) -> str:
        """ "Văn phòng HĐND và UBND phường"."""
        return f"Văn phòng HĐND và UBND {self.kind}".strip()

    @property
    def beyond_authority(self) -> str:
        """ "vượt thẩm quyền của UBND phường"."""
        return f"vượt thẩm quyền của {self.committee_of_kind}"

    # the province
    @property
    def province(self) -> str:
        """ "tỉnh Quảng Trị"."""
        return self.unit.province

    @property
    def province_committee(self) -> str:
        """ "UBND tỉnh Quảng Trị" (blank when the province is not known)."""
        return f"UBND {self.province}" if self.province else ""

    @property
    def home_affairs(self) -> str:
        """ "Sở Nội vụ tỉnh Quảng Trị" (blank when the province is not known)."""
        return f"Sở Nội vụ {self.province}" if self.province else ""

    # residential units
    @property
    def residential_word(self) -> str:
        """ "bản, buôn" — every residential word of the meeting, joined."""
        return ", ".join(self.residential)

    @property
    def residential_plural(self) -> str:
        """ "các bản, buôn"."""
        return f"các {self.residential_word}"

    @property
    def residential_label(self) -> str:
        """ "Bản, buôn" — a column or field label."""
        word = self.residential_word
        return word[:1].upper() + word[1:]

    def _names_its_word(self, text: str) -> bool:
        """True when *text* starts with a residential word or a head's title ("Tổ dân phố
        Minh Hòa"), rather than with the unit's name alone."""
        key = fold(text)
        return any(key.startswith(fold(w) + " ") for w in (*W.HEADS, *self.residential))

    def locality_under_label(self, locality: str) -> str:
        """A locality in a column headed :attr:`residential_label`: "Tổ dân phố Chí Linh 1"
        is "Chí Linh 1" there (the part that tells two apart in a narrow column). Kept
        whole when the unit has several words (Khu phố 3 under "Tổ dân phố, khu phố")."""
        if len(self.residential) == 1:
            word, parts = fold(self.residential[0]).split(), locality.split()
            if len(parts) > len(word) and [fold(p) for p in parts[: len(word)]] == word:
                return " ".join(parts[len(word) :])
        return locality

    @property
    def residential_heads(self) -> str:
        """ "Trưởng các bản, buôn" / "Tổ trưởng các tổ dân phố, Trưởng các khu phố"."""
        return _heads(self.residential)

    @property
    def cluster_phrase(self) -> str:
        """ "Tổ dân phố Chí Linh 1, Chí Linh 2" — the residential units a meeting is for
        (blank: the whole unit). A cluster typed with its word keeps it."""
        cluster = self.cluster.strip()
        if not cluster:
            return ""
        if self._names_its_word(cluster):
            return cluster[:1].upper() + cluster[1:]
        word = self.residential[0] if self.residential else W.GENERIC
        return f"{word[:1].upper()}{word[1:]} {cluster}"

    @property
    def cluster_in_sentence(self) -> str:
        """The same inside a sentence: "tổ dân phố Chí Linh 1", "các tổ dân phố Minh Hòa,
        Xuân Kiều" — the residential word is a common noun (lower case), and several units
        are "các …". Blank for the whole unit."""
        cluster = self.cluster.strip()
        if not cluster:
            return ""
        if self._names_its_word(cluster):
            # Typed with their words ("Tổ dân phố Minh Hòa, Khu phố Châu Hòa"): kept, each
            # word lower case.
            parts = [part.strip() for part in cluster.split(",") if part.strip()]
            return ", ".join(part[:1].lower() + part[1:] if self._names_its_word(part) else part for part in parts)
        word = self.residential[0] if self.residential else W.GENERIC
        several = sum(1 for name in cluster.split(",") if name.strip()) > 1
        return f"{'các ' if several else ''}{word} {cluster}"

    def mentions(self, text: str) -> bool:
        """True when *text* already names this unit (folded)."""
        return bool(self.name) and fold(self.name) in fold(text)


def place_of(
    kind: str, name: str, province: str = "", code: str = "", residential: str = "", cluster: str = ""
) -> Place:
    """The :class:`Place` of a unit; a blank residential word takes the unit's default."""
    unit = Unit(kind=kind, name=name, province=province, code=code)
    words = residential_words(residential) or residential_words(default_residential(unit))
    return Place(unit=unit, residential=words, cluster=cluster)


def meeting_place(meeting: object) -> Place:
    """The place of a meeting row or view (anything with the unit columns). A meeting whose
    unit was never set but whose issuing body names one (written before units existed) is
    read through its issuing body."""
    kind, name = _words(meeting, "unit_kind"), _words(meeting, "unit_name")
    province, code = _words(meeting, "province"), _words(meeting, "unit_code")
    if not kind and _words(meeting, "issuing_body"):
        parsed = parse_issuing_body(_words(meeting, "issuing_body"))
        if parsed is not None:
            kind, name = parsed.kind, parsed.name
            province, code = province or parsed.province, code or parsed.code
    return place_of(kind, name, province, code, _words(meeting, "residential"), _words(meeting, "cluster"))


def _words(meeting: object, column: str) -> str:
    """A text column of a meeting row or view; blank when it has none (an older view)."""
    value = getattr(meeting, column, "")
    return value if isinstance(value, str) else ""


def place_words(store: Store, meeting_id: int | None) -> Place:
    """The place of meeting *meeting_id* (the generic words when there is none): the one
    small function labels in screens call."""
    from models.tables import Meeting

    if meeting_id is None:
        return place_of("", "")
    with store.read() as s:
        meeting = s.get(Meeting, meeting_id)
        if meeting is None:
            return place_of("", "")
        return meeting_place(meeting)


def unit_named(typed: str) -> Unit | None:
    """The one unit of the official list *typed* names exactly ("ba don", "phường Ba
    Đồn"), or None (no unit, or several sharing the name)."""
    if not fold(typed):
        return None
    exact = named(typed, search_units(typed, limit=200))
    return exact[0] if len(exact) == 1 else None


def official_words(typed: str) -> str:
    """A unit as the official list writes it ("ba don" → "phường Ba Đồn") when *typed*
    names exactly one unit of the list, by its name with or without its kind; else *typed*
    unchanged (a plan's unit is free text: a cluster of residential units, say)."""
    unit = unit_named(typed)
    return f"{unit.kind} {unit.name}" if unit is not None else typed


def named(query: str, found: list[Unit]) -> list[Unit]:
    """The units of *found* that *query* names exactly, by name with or without their kind
    ("ba don", "phường Ba Đồn"), rather than just containing its words."""
    wanted = fold(query)
    return [u for u in found if wanted in (fold(u.name), fold(f"{u.kind} {u.name}"))]
