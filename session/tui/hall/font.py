"""A 5×7 pixel font for the hall display, with the Vietnamese marks composed on top.

Capital letters only: a name on the projector reads best in capitals, and every
Vietnamese capital is a base letter plus at most a hat (ˆ ˘), a horn and a tone mark
(sắc, huyền, hỏi, ngã, nặng), which Unicode decomposition (NFD) gives us.

A text glyph is ``TEXT_HEIGHT`` pixel rows: five rows for the marks above, seven for
the letter, a blank row and a row for the dot below (dấu nặng). Clock glyphs are the
seven letter rows alone. A pixel is ``#``; rows are strings of equal width.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

CAP_HEIGHT = 7
MARK_ROWS = 5  # rows 0-4 above the letter; row 4 stays blank, apart from the horn
TEXT_HEIGHT = MARK_ROWS + CAP_HEIGHT + 2  # + a blank row and the dot below
GAP = 1  # blank columns between two glyphs
SPACE_WIDTH = 2  # a word space, plus the gaps on both sides

_BASE = """
A .###. #...# #...# ##### #...# #...# #...#
B ####. #...# #...# ####. #...# #...# ####.
C .###. #...# #.... #.... #.... #...# .###.
D ####. #...# #...# #...# #...# #...# ####.
Đ .####. .#...# .#...# ###..# .#...# .#...# .####.
E ##### #.... #.... ####. #.... #.... #####
F ##### #.... #.... ####. #.... #.... #....
G .###. #...# #.... #.### #...# #...# .####
H #...# #...# #...# ##### #...# #...# #...#
I .###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.
J ..### ...#. ...#. ...#. ...#. #..#. .##..
K #...# #..#. #.#.. ##... #.#.. #..#. #...#
L #.... #.... #.... #.... #.... #.... #####
M #...# ##.## #.#.# #.#.# #...# #...# #...#
N #...# #...# ##..# #.#.# #..## #...# #...#
O .###. #...# #...# #...# #...# #...# .###.
P ####. #...# #...# ####. #.... #.... #....
Q .###. #...# #...# #...# #.#.# #..#. .##.#
R ####. #...# #...# ####. #.#.. #..#. #...#
S .#### #.... #.... .###. ....# ....# ####.
T ##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..
U #...# #...# #...# #...# #...# #...# .###.
V #...# #...# #...# #...# #...# .#.#. ..#..
W #...# #...# #...# #.#.# #.#.# #.#.# .#.#.
X #...# #...# .#.#. ..#.. .#.#. #...# #...#
Y #...# #...# #...# .#.#. ..#.. ..#.. ..#..
Z ##### ....# ...#. ..#.. .#... #.... #####
0 .###. #...# #...# #...# #...# #...# .###.
1 ..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.
2 .###. #...# ....# ...#. ..#.. .#... #####
3 ##### ...#. ..#.. ...#. ....# #...# .###.
4 ...#. ..##. .#.#. #..#. ##### ...#. ...#.
5 ##### #.... ####. ....# ....# #...# .###.
6 ..##. .#... #.... ####. #...# #...# .###.
7 ##### ....# ...#. ..#.. .#... .#... .#...
8 .###. #...# #...# .###. #...# #...# .###.
9 .###. #...# #...# .#### ....# ...#. .##..
: . . # . # . .
- ... ... ... ### ... ... ...
+ ... ... .#. ### .#. ... ...
. . . . . . . #
, .. .. .. .. .. .# #.
' # # . . . . .
( .# #. #. #. #. #. .#
) #. .# .# .# .# .# #.
/ ....# ...#. ...#. ..#.. .#... .#... #....
"""

GLYPHS: dict[str, tuple[str, ...]] = {line.split()[0]: tuple(line.split()[1:]) for line in _BASE.strip().splitlines()}

# Marks, as (column, row) pixels. Alone, a tone sits in rows 1-3; over a hat (ˆ ˘),
# which takes rows 2-3, it moves up to rows 0-1 and to the right, as Vietnamese print does.
_HAT = {
    "\u0302": ((2, 2), (1, 3), (3, 3)),  # ˆ mũ: Â Ê Ô
    "\u0306": ((0, 2), (4, 2), (1, 3), (2, 3), (3, 3)),  # ˘ trăng: Ă (a wide cup, unlike ˆ)
}
_TONE_ALONE = {
    "\u0301": ((3, 2), (2, 3)),  # sắc
    "\u0300": ((1, 2), (2, 3)),  # huyền
    "\u0309": ((1, 1), (2, 1), (3, 2), (2, 3)),  # hỏi
    "\u0303": ((1, 2), (2, 2), (4, 2), (0, 3), (3, 3)),  # ngã
}
_TONE_OVER_HAT = {
    "\u0301": ((4, 0), (3, 1)),
    "\u0300": ((3, 0), (4, 1)),
    "\u0309": ((3, 0), (4, 0), (4, 1)),
    "\u0303": ((1, 0), (2, 0), (4, 0), (0, 1), (3, 1)),
}
_DOT_BELOW = "\u0323"  # nặng
_HORN = "\u031b"  # móc: Ơ Ư


def _canvas(width: int) -> list[list[str]]:
    return [["."] * width for _ in range(TEXT_HEIGHT)]


@lru_cache(maxsize=512)
def text_glyph(char: str) -> tuple[str, ...] | None:
    """The TEXT_HEIGHT rows of *char* (upper-cased), or None if the font lacks it."""
    if char == " ":
        return tuple("." * SPACE_WIDTH for _ in range(TEXT_HEIGHT))
    decomposed = unicodedata.normalize("NFD", char.upper().replace("\u00d0", "Đ"))  # Ð (eth) typed for Đ
    base, marks = decomposed[0], decomposed[1:]
    rows = GLYPHS.get(base)
    if rows is None or any(m not in _HAT and m not in _TONE_ALONE and m not in (_DOT_BELOW, _HORN) for m in marks):
        return None
    width = len(rows[0]) + (1 if _HORN in marks else 0)
    canvas = _canvas(width)
    for y, row in enumerate(rows):
        for x, pixel in enumerate(row):
            canvas[MARK_ROWS + y][x] = pixel
    centre = (len(rows[0]) - 5) // 2  # marks are drawn for a five-column letter
    hat = next((m for m in marks if m in _HAT), None)
    pixels: list[tuple[int, int]] = []
    if hat:
        pixels += _HAT[hat]
    for mark in marks:
        if mark in _TONE_ALONE:
            pixels += (_TONE_OVER_HAT if hat else _TONE_ALONE)[mark]
    if _DOT_BELOW in marks:
        pixels.append((2, TEXT_HEIGHT - 1))
    for x, y in pixels:
        x += centre
        if 0 <= x < width:
            canvas[y][x] = "#"
    if _HORN in marks:
        canvas[MARK_ROWS - 1][width - 1] = "#"
        canvas[MARK_ROWS][width - 1] = "#"
    return tuple("".join(row) for row in canvas)


@lru_cache(maxsize=64)
def clock_glyph(char: str) -> tuple[str, ...] | None:
    """The CAP_HEIGHT rows of a clock character (digits, ``:``, ``-``, ``+``)."""
    if char == " ":
        return tuple("." * SPACE_WIDTH for _ in range(CAP_HEIGHT))
    return GLYPHS.get(char)


def can_draw(text: str) -> bool:
    """Whether every character of *text* has a glyph (else: show it as plain text)."""
    return all(text_glyph(c) is not None for c in unicodedata.normalize("NFC", text))
