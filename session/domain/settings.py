"""Local office settings (cài đặt của văn phòng), stored in the database: the defaults a
new meeting copies — the office's unit, signers, recipients, number suffixes, the page.

A meeting keeps its own copy (``session.domain.papers``): changing a setting changes the
meetings created afterwards, never the documents of a meeting already made.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from typing import Any

from models.errors import HoinghiError
from models.store import Store, Tx
from models.tables import Setting
from models.text import clean_text

AUTHORITIES = ("TM.", "KT.", "TL.", "Q.", "")

#: Nghị định 30/2020/NĐ-CP, Phụ lục I: page margins (mm) and the body's font size (pt).
NUMBER_RANGES: dict[str, tuple[float, float]] = {
    "margin_top_mm": (20, 25),
    "margin_bottom_mm": (20, 25),
    "margin_left_mm": (30, 35),
    "margin_right_mm": (15, 20),
    "body_pt": (13, 14),
}
LIST_FIELDS = ("recipients", "minutes_recipients")


@dataclass(frozen=True)
class OfficeSettings:
    issuing_body: str = ""  # the office's unit, e.g. ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN (blank: chosen per meeting)
    unit_code: str = ""  # the office's unit in the official list (see `hoinghi units`)
    residential: str = ""  # residential units' word(s) (blank: the unit kind's default)
    parent_body: str = ""  # cơ quan chủ quản, optional
    place_name: str = ""  # địa danh (blank: the unit's name)
    minutes_suffix: str = "BB-UBND"
    notice_suffix: str = "TB-UBND"  # also the loudspeaker announcement's
    invitation_suffix: str = "GM-UBND"
    briefing_suffix: str = "BC-VP"  # the office's briefing for the chair
    # Signature of the conclusion notice: authority line, title line, name.
    notice_authority: str = "TM."  # TM. | KT. | TL. | Q. | ""
    notice_authority_body: str = "ỦY BAN NHÂN DÂN"
    notice_signer_title: str = "CHỦ TỊCH"
    notice_signer_name: str = ""  # blank: the chair
    chair_label: str = "CHỦ TỌA"
    secretary_label: str = "THƯ KÝ"
    recipients: tuple[str, ...] = ()  # Nơi nhận of the notice (blank: the unit's usual list)
    minutes_recipients: tuple[str, ...] = ()  # Nơi nhận of the minutes (blank: the unit's usual list)
    records_office: str = "VT"  # "Lưu: VT, …"
    margin_top_mm: float = 20.0
    margin_bottom_mm: float = 20.0
    margin_left_mm: float = 30.0
    margin_right_mm: float = 15.0
    body_pt: float = 14.0


def check_number(name: str, value: object) -> float:
    """A page setting parsed ("14", "14,0") and within the decree's range, or a clear refusal."""
    low, high = NUMBER_RANGES[name]
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        raise HoinghiError("settings.bad_number", name=name, value=value, low=f"{low:g}", high=f"{high:g}") from None
    if not low <= number <= high:
        raise HoinghiError("settings.out_of_range", name=name, value=value, low=f"{low:g}", high=f"{high:g}")
    return number


def _clean(name: str, value: object) -> object:
    """One setting as it is stored, or a HoinghiError naming it."""
    if name in NUMBER_RANGES:
        return check_number(name, value)
    if name in LIST_FIELDS:
        items = value if isinstance(value, (list, tuple)) else str(value).split(";")
        return tuple(clean_text(str(i), field=name, max_len=200) for i in items if clean_text(str(i)))
    text = clean_text(str(value), field=name, max_len=200)
    if name == "notice_authority" and text not in AUTHORITIES:
        raise HoinghiError("settings.bad_authority", value=text)
    if name == "issuing_body" and text:
        from session.domain.units import parse_issuing_body

        if parse_issuing_body(text) is None:
            raise HoinghiError("unit.unparsed", value=text)
    if name == "unit_code" and text:
        from session.domain.units import unit_by_code

        unit_by_code(text)
    return text


def get_settings(store: Store) -> OfficeSettings:
    """The stored settings. A stored value that is no longer valid (an older version kept
    numbers unchecked) is ignored: it can never stop an export."""
    with store.read() as s:
        row = s.get(Setting, "office")
    if row is None:
        return OfficeSettings()
    try:
        data = json.loads(row.value)
    except ValueError:
        return OfficeSettings()
    if not isinstance(data, dict):
        return OfficeSettings()
    known = {f.name for f in fields(OfficeSettings)}
    values: dict[str, Any] = {}
    for name, value in data.items():
        if name not in known:
            continue
        try:
            values[name] = _clean(name, value)
        except (HoinghiError, TypeError, ValueError):
            continue
    return replace(OfficeSettings(), **values)


def update_settings(store: Store, *, at: datetime, **changes: object) -> OfficeSettings:
    """Change some settings; text is cleaned, numbers checked, unknown names refused."""
    known = {f.name for f in fields(OfficeSettings)}
    cleaned: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in known:
            raise HoinghiError("settings.unknown", name=name)
        cleaned[name] = _clean(name, value)
    with store.action("settings.office", at=at, actor="office") as tx:
        return save_settings(tx, cleaned)


def save_settings(tx: Tx, cleaned: dict[str, Any]) -> OfficeSettings:
    """Store checked settings in the action's transaction (the current ones are re-read there)."""
    row = tx.session.get(Setting, "office")
    current = OfficeSettings()
    if row is not None:
        try:
            data = json.loads(row.value)
        except ValueError:
            data = {}
        known = {f.name for f in fields(OfficeSettings)}
        for name, value in (data if isinstance(data, dict) else {}).items():
            if name in known:
                try:
                    one: dict[str, Any] = {name: _clean(name, value)}
                    current = replace(current, **one)
                except (HoinghiError, TypeError, ValueError):
                    continue
    updated = replace(current, **cleaned)
    value = json.dumps(asdict(updated), ensure_ascii=False)
    if row is None:
        tx.add(Setting(key="office", value=value))
    elif row.value != value:
        row.value = value
    return updated
