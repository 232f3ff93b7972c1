"""No code, message or template spells a unit kind or a residential unit by itself: every
place word reaches the screen or the page from the meeting's unit (session.domain.units).

The exceptions are the vocabulary itself (unit_words.py), the demo meeting's data, and
"xã hội" (society), which is not a place."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLACE = re.compile(r"\b(xã|Xã|XÃ|thôn|Thôn)\b")
# "xã hội" (society) is not a place; "cấp xã" is the level itself (Luật 72/2025/QH15: the
# commune level is xã, phường and đặc khu alike), and "xã, phường, đặc khu" names all three.
SOCIETY = re.compile(r"(?i)\bxã hội\b|\bcấp xã\b|\bxã, phường, đặc khu\b")
ALLOWED = {
    "session/domain/unit_words.py",  # the vocabulary of place words, as data
    "session/domain/demo_data.py",  # the demo meeting: a xã with its thôn
    "session/domain/demo.py",
}


def test_no_place_word_is_spelled_outside_the_vocabulary_and_the_demo():
    found = []
    for folder in ("models", "session", "exports"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in (".py", ".toml") or str(path.relative_to(ROOT)) in ALLOWED:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if PLACE.search(SOCIETY.sub("", line)):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []
