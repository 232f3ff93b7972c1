"""The vocabulary of places (từ chỉ địa danh), as data: the residential units (đơn vị dân
cư — thôn, bản, ấp, tổ dân phố, khu phố…) with the title of their head, their usual
abbreviations, and which one a unit uses unless the office says otherwise.

This is the one file that spells residential-unit words; everything generated asks
``session.domain.units`` for them. The commune-level kinds themselves (xã, phường,
đặc khu) come from the official list (``vietnam_provinces.VietNamDivisionType``).
"""

from __future__ import annotations

#: Residential unit -> title of its head (người đứng đầu), as printed in "Nơi nhận" and
#: in the notice's implementation paragraph.
HEADS: dict[str, str] = {
    "thôn": "Trưởng thôn",
    "bản": "Trưởng bản",
    "buôn": "Trưởng buôn",
    "sóc": "Trưởng sóc",
    "plei": "Trưởng plei",
    "làng": "Trưởng làng",
    "xóm": "Trưởng xóm",
    "ấp": "Trưởng ấp",
    "tổ dân phố": "Tổ trưởng tổ dân phố",
    "khu phố": "Trưởng khu phố",
    "khóm": "Trưởng khóm",
    "tổ dân cư": "Tổ trưởng tổ dân cư",
    "khu dân cư": "Trưởng khu dân cư",
}

#: Abbreviations met in compiled lists and typed by hand.
ABBREVIATIONS: dict[str, str] = {
    "tdp": "tổ dân phố",
    "kp": "khu phố",
    "kdc": "khu dân cư",
}

#: The word used when a meeting has no unit yet (the generic legal term).
GENERIC = "khu dân cư"

#: Default residential unit by unit kind (the kind's word as the official list spells it);
#: ``SOUTH`` overrides it for the provinces where ấp and khu phố are the usage.
DEFAULT_BY_KIND: dict[str, str] = {
    "xã": "thôn",
    "phường": "tổ dân phố",
    "đặc khu": "thôn",
    "thị trấn": "tổ dân phố",
}
DEFAULT_SOUTH: dict[str, str] = {
    "xã": "ấp",
    "phường": "khu phố",
    "đặc khu": "ấp",
    "thị trấn": "khu phố",
}
#: Provinces (post-2025 names, folded, without tỉnh / thành phố) where ấp / khu phố are the residential units.
SOUTH: frozenset[str] = frozenset(
    {
        "ho chi minh",
        "dong nai",
        "tay ninh",
        "dong thap",
        "vinh long",
        "an giang",
        "can tho",
        "ca mau",
    }
)

#: Unit kinds an issuing body may name. The three current ones come from the official list;
#: thị trấn is kept so that archives of meetings held before 1 July 2025 still read.
LEGACY_KINDS: tuple[str, ...] = ("thị trấn",)
