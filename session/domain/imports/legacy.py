"""Text typed in the old 8-bit Vietnamese encodings (TCVN3/ABC with .Vn fonts, VNI).

Filled in below; until then nothing is detected."""

from __future__ import annotations

from collections.abc import Iterable


def detect(texts: Iterable[str]) -> str | None:
    return None


def convert(text: str, encoding: str) -> str:
    return text


def looks_legacy(text: str, encoding: str) -> bool:
    return False
