"""Local office settings (cài đặt của văn phòng) that every export uses, stored in the
database: issuing and parent body, place name, signers, recipients, number suffixes."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime

from models.errors import HoinghiError
from models.store import Store
from models.tables import Setting
from models.text import clean_text

AUTHORITIES = ("TM.", "KT.", "TL.", "Q.", "")


@dataclass(frozen=True)
class OfficeSettings:
    issuing_body: str = ""  # e.g. ỦY BAN NHÂN DÂN XÃ HÒA AN (blank: the meeting's)
    parent_body: str = ""  # cơ quan chủ quản, optional
    place_name: str = ""  # địa danh (blank: the meeting's)
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
    recipients: tuple[str, ...] = field(
        default=(
            "Thường trực Đảng ủy xã (b/c)",
            "Thường trực HĐND xã (b/c)",
            "Chủ tịch, các Phó Chủ tịch UBND xã",
            "Ủy ban MTTQ Việt Nam xã",
            "Các cơ quan, đơn vị được giao nhiệm vụ",
            "Trưởng các thôn (niêm yết)",
        )
    )
    records_office: str = "VT"  # "Lưu: VT, …"
    margin_top_mm: float = 20
    margin_bottom_mm: float = 20
    margin_left_mm: float = 30
    margin_right_mm: float = 15
    body_pt: float = 14


def get_settings(store: Store) -> OfficeSettings:
    with store.read() as s:
        row = s.get(Setting, "office")
    if row is None:
        return OfficeSettings()
    try:
        data = json.loads(row.value)
    except ValueError:
        return OfficeSettings()
    known = {f.name for f in fields(OfficeSettings)}
    values = {k: (tuple(v) if k == "recipients" else v) for k, v in data.items() if k in known}
    return replace(OfficeSettings(), **values)


def update_settings(store: Store, *, at: datetime, **changes: object) -> OfficeSettings:
    """Change some settings; text is cleaned, numbers checked, unknown names refused."""
    current = get_settings(store)
    known = {f.name: f for f in fields(OfficeSettings)}
    cleaned: dict[str, object] = {}
    for name, value in changes.items():
        if name not in known:
            raise HoinghiError("settings.unknown", name=name)
        default = getattr(OfficeSettings(), name)
        if isinstance(default, float):
            try:
                number = float(str(value).replace(",", "."))
            except ValueError:
                raise HoinghiError("settings.bad_number", name=name, value=value) from None
            limits = (8, 14) if name == "body_pt" else (5, 50)
            if not limits[0] <= number <= limits[1]:
                raise HoinghiError("settings.bad_number", name=name, value=value)
            cleaned[name] = number
        elif isinstance(default, tuple):
            items = value if isinstance(value, (list, tuple)) else str(value).split(";")
            cleaned[name] = tuple(clean_text(str(i), max_len=200) for i in items if clean_text(str(i)))
        else:
            text = clean_text(str(value), field=name, max_len=200)
            if name == "notice_authority" and text not in AUTHORITIES:
                raise HoinghiError("settings.bad_authority", value=text)
            cleaned[name] = text
    updated = replace(current, **cleaned)
    with store.action("settings.office", at=at, actor="office") as tx:
        row = tx.get(Setting, "office")
        value = json.dumps(asdict(updated), ensure_ascii=False)
        if row is None:
            tx.add(Setting(key="office", value=value))
        else:
            row.value = value
    return updated
