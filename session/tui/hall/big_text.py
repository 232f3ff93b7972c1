"""Big text in terminal cells: the pixel font scaled up and drawn with half blocks.

One cell holds two pixels stacked (▀ ▄ █), so a pixel is one column wide and half a
row high — about square in a terminal or a browser's monospace font.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from session.tui.hall.font import CAP_HEIGHT, GAP, TEXT_HEIGHT, clock_glyph, text_glyph

_HALVES = {(".", "."): " ", ("#", "."): "▀", (".", "#"): "▄", ("#", "#"): "█"}


@dataclass(frozen=True)
class Face:
    """Which glyphs and how tall: names and words (with Vietnamese marks) or the clock."""

    glyph: Callable[[str], tuple[str, ...] | None]
    height: int


TEXT = Face(text_glyph, TEXT_HEIGHT)
CLOCK = Face(clock_glyph, CAP_HEIGHT)


def pixels(text: str, face: Face) -> list[str] | None:
    """The pixel rows of one line of *text*, or None if a character has no glyph."""
    glyphs = []
    for char in unicodedata.normalize("NFC", text):
        glyph = face.glyph(char)
        if glyph is None:
            return None
        glyphs.append(glyph)
    if not glyphs:
        return ["" for _ in range(face.height)]
    gap = "." * GAP
    return [gap.join(g[y] for g in glyphs) for y in range(face.height)]


def width_of(text: str, face: Face, scale: int) -> int | None:
    """Columns *text* takes at *scale*, or None if it cannot be drawn."""
    rows = pixels(text, face)
    return None if rows is None else len(rows[0]) * scale


def rows_of(face: Face, scale: int, lines: int = 1) -> int:
    """Terminal rows of *lines* lines of text at *scale*."""
    return lines * math.ceil(face.height * scale / 2)


def draw(text: str, face: Face, scale: int) -> list[str]:
    """Cell lines of *text* at *scale* (every line the same width)."""
    rows = pixels(text, face)
    if rows is None:
        raise ValueError(f"no glyph for some character of {text!r}")
    scaled = ["".join(p * scale for p in row) for row in rows for _ in range(scale)]
    if len(scaled) % 2:
        scaled.append("." * len(scaled[0]))
    return [
        "".join(_HALVES[pair] for pair in zip(top, bottom, strict=True))
        for top, bottom in zip(scaled[::2], scaled[1::2], strict=True)
    ]


def split_lines(words: list[str], count: int) -> list[str]:
    """*words* in *count* lines as even as possible (the longest line shortest)."""
    if count <= 1 or len(words) <= 1:
        return [" ".join(words)]
    best: list[str] | None = None
    for first in range(1, len(words)):
        head = " ".join(words[:first])
        rest = split_lines(words[first:], count - 1)
        lines = [head, *rest]
        if best is None or max(map(len, lines)) < max(map(len, best)):
            best = lines
    return best or [" ".join(words)]
