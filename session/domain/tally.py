"""Counting names typed in different ways as one: "To dan pho Xuan Kieu 1" typed without
accents at one desk and "Tổ dân phố Xuân Kiều 1" at another are the same tổ dân phố."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from models.text import fold


def tally(values: Iterable[str]) -> Counter[str]:
    """How often each name occurs, names equal but for accents, case and spacing counted
    together under their fullest spelling (the most letters with diacritics, then the one
    typed most often, then the first met)."""
    counts = Counter(values)
    spellings: dict[str, list[str]] = {}
    for value in counts:
        spellings.setdefault(fold(value) or value, []).append(value)
    result: Counter[str] = Counter()
    for same in spellings.values():
        label = max(same, key=lambda v: (sum(1 for ch in v if ord(ch) > 127), counts[v]))
        result[label] = sum(counts[v] for v in same)
    return result
