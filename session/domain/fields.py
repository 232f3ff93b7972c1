"""Fields (lĩnh vực) petitions are classified by: a fixed list the office can edit."""

from __future__ import annotations

import json
from datetime import datetime

from models.store import Store
from models.tables import Setting
from models.text import clean_text, fold

DEFAULT_FIELDS = (
    "đất đai",
    "môi trường",
    "giao thông",
    "an sinh xã hội",
    "an ninh trật tự",
    "y tế",
    "giáo dục",
    "cán bộ",
    "khác",
)
OTHER = "khác"


def get_fields(store: Store) -> list[str]:
    with store.read() as s:
        row = s.get(Setting, "fields")
    if row is None:
        return list(DEFAULT_FIELDS)
    try:
        fields = [clean_text(str(f)) for f in json.loads(row.value)]
    except (ValueError, TypeError):
        return list(DEFAULT_FIELDS)
    return [f for f in fields if f] or list(DEFAULT_FIELDS)


def set_fields(store: Store, fields: list[str], *, at: datetime) -> list[str]:
    cleaned: list[str] = []
    for f in fields:
        text = clean_text(f, field="field", max_len=60)
        if text and fold(text) not in {fold(c) for c in cleaned}:
            cleaned.append(text)
    if OTHER not in cleaned:
        cleaned.append(OTHER)
    with store.action("settings.fields", at=at, actor="office") as tx:
        row = tx.session.get(Setting, "fields")
        value = json.dumps(cleaned, ensure_ascii=False)
        if row is None:
            tx.add(Setting(key="fields", value=value))
        else:
            row.value = value
    return cleaned


def canonical_field(value: str, fields: list[str]) -> str:
    """The list's spelling of *value* when it matches one ignoring accents/case, else the text."""
    text = clean_text(value, field="field", max_len=60)
    if not text:
        return OTHER
    key = fold(text)
    for known in fields:
        if fold(known) == key:
            return known
    return text
