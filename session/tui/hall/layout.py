"""The hall display's layout: what goes where at a given size, in whole terminal cells.

A mode is described as a :class:`Frame` — lines pinned to the top, groups of blocks in
the middle, lines pinned to the bottom. :func:`plan` picks the size of every big block
(the countdown first: at least a quarter of the height when it can be, then the name),
drops optional lines when the window is too short, and spreads the spare rows between
the middle groups. The result is plain rows of text with a style name each.
"""

from __future__ import annotations

import itertools
import math
import textwrap
from dataclasses import dataclass, field

from rich.cells import cell_len

from session.tui.hall.big_text import CLOCK, Face, draw, rows_of, split_lines, width_of

MAX_SCALE = 12


@dataclass(frozen=True)
class Plain:
    """Ordinary text, centred; wrapped to at most *max_lines* (… on the last)."""

    text: str
    style: str
    max_lines: int = 1
    optional: bool = False  # dropped first when the window is too short


@dataclass(frozen=True)
class Big:
    """Text drawn in the pixel font, as large as the window allows.

    *primary*: the block that gets its size first (the countdown); *share*: the most of
    the height it may take. Text the font cannot draw, or too long for the width even
    at the smallest size, is shown as a :class:`Plain` line in *fallback* style."""

    text: str
    style: str
    face: Face
    primary: bool = False
    share: float = 0.4
    max_lines: int = 1
    fallback: str = ""


Block = Plain | Big


@dataclass(frozen=True)
class Frame:
    top: tuple[Plain, ...] = ()
    middle: tuple[tuple[Block, ...], ...] = ()
    bottom: tuple[Plain, ...] = ()


@dataclass(frozen=True)
class Row:
    """One row of the screen: its text (already centred and padded) and style name."""

    text: str
    style: str


@dataclass(frozen=True)
class _Option:
    rows: int
    lines: tuple[str, ...] = ()
    scale: int = 0  # 0: the plain-text fallback


@dataclass
class _Placed:
    block: Block
    option: _Option | None = None
    plain: list[str] = field(default_factory=list)


def wrap(text: str, width: int, max_lines: int) -> list[str]:
    """*text* in lines of at most *width* cells; the last line ends in … if cut."""
    if width <= 0 or not text:
        return [] if not text else [""]
    lines = textwrap.wrap(text, width=width, break_long_words=True, break_on_hyphens=False) or [""]
    if len(lines) > max_lines:
        kept = lines[:max_lines]
        last = kept[-1]
        kept[-1] = (last[: max(0, width - 1)].rstrip() if cell_len(last) >= width else last) + "…"
        lines = kept
    return lines


def _big_options(block: Big, width: int) -> list[_Option]:
    """Every size *block* can be drawn at within *width*, largest first."""
    words = block.text.upper().split() if block.face.height > 7 else [block.text]
    options: list[_Option] = []
    for count in range(1, min(block.max_lines, len(words)) + 1):
        lines = tuple(split_lines(words, count))
        widths = [width_of(line, block.face, 1) for line in lines]
        if any(w is None for w in widths):
            return []
        widest = max(w for w in widths if w is not None)
        for scale in range(1, MAX_SCALE + 1):
            if widest * scale > width:
                break
            options.append(_Option(rows_of(block.face, scale, len(lines)), lines, scale))
    return sorted(options, key=lambda o: (-o.rows, len(o.lines)))


def _choose(bigs: list[Big], width: int, height: int, room: int) -> tuple[list[_Option | None], tuple[bool, int]]:
    """A size for every big block (None: shown as one plain line) that fits in *room*
    rows, and how good that is: (the countdown ≥ ¼ height, how many blocks are big)."""
    choices: list[list[_Option | None]] = []
    for big in bigs:
        limit = max(1, math.floor(big.share * height))
        options: list[_Option | None] = [o for o in _big_options(big, width) if o.rows <= limit]
        choices.append([*options, None])
    quarter = math.ceil(height / 4)
    best: tuple[bool, int, int, int, int] | None = None
    best_combo: list[_Option | None] = [None] * len(bigs)
    for combo in itertools.product(*choices):
        if sum(o.rows if o else 1 for o in combo) > room:
            continue
        primary = [o for big, o in zip(bigs, combo, strict=True) if big.primary]
        others = [o.scale if o else 0 for big, o in zip(bigs, combo, strict=True) if not big.primary]
        clocks = [o for big, o in zip(bigs, combo, strict=True) if big.primary and big.face is CLOCK]
        score = (
            all(o is not None and o.rows >= quarter for o in clocks),  # the countdown reads from the back row
            sum(1 for o in combo if o is not None),  # every name drawn big
            sum(o.scale for o in primary if o),
            sum(others),  # the larger the letters the better…
            -sum(len(o.lines) for o in combo if o),  # …on as few lines as can be
        )
        if best is None or score > best:
            best, best_combo = score, list(combo)
    return best_combo, (bool(best[0]), int(best[1])) if best is not None else (False, 0)


def _centre(text: str, width: int) -> str:
    pad = max(0, width - cell_len(text))
    return " " * (pad // 2) + text + " " * (pad - pad // 2)


def _plain_rows(block: Plain, width: int) -> list[Row]:
    margin = 2 if width > 20 else 0
    lines = wrap(block.text, width - margin, block.max_lines)
    return [Row(_centre(line, width), block.style) for line in lines]


def plan(frame: Frame, width: int, height: int) -> list[Row]:
    """The rows of *frame* at *width* × *height*: exactly *height* rows."""
    if width <= 0 or height <= 0:
        return []
    top = [list(_plain_rows(b, width)) for b in frame.top]
    bottom = [list(_plain_rows(b, width)) for b in frame.bottom]
    middle = [[_Placed(b) for b in group] for group in frame.middle]
    for group in middle:
        for placed in group:
            if isinstance(placed.block, Plain):
                placed.plain = [r.text for r in _plain_rows(placed.block, width)]

    optional = [
        b
        for b in (*frame.top, *[p.block for g in middle for p in g], *frame.bottom)
        if isinstance(b, Plain) and b.optional
    ]
    dropped: set[int] = set()
    bigs = [p for group in middle for p in group if isinstance(p.block, Big)]

    def fixed_rows() -> int:
        rows = sum(len(r) for b, r in zip(frame.top, top, strict=True) if id(b) not in dropped)
        rows += sum(len(r) for b, r in zip(frame.bottom, bottom, strict=True) if id(b) not in dropped)
        rows += sum(
            len(p.plain) for g in middle for p in g if isinstance(p.block, Plain) and id(p.block) not in dropped
        )
        return rows

    # A blank row around each middle group, when the window has rows to spare.
    gaps = len([g for g in middle if g]) + 1 if height >= 20 else 0
    # Optional lines go, last first, only as far as it makes the big blocks big enough.
    blocks = [p.block for p in bigs if isinstance(p.block, Big)]
    chosen, level = _choose(blocks, width, height, height - fixed_rows() - gaps)
    kept: set[int] = set()
    for block in reversed(optional):
        if level == (True, len(bigs)):
            break
        dropped.add(id(block))
        more, better = _choose(blocks, width, height, height - fixed_rows() - gaps)
        if better > level:
            chosen, level, kept = more, better, set(dropped)
    dropped.intersection_update(kept)
    for placed, option in zip(bigs, chosen, strict=True):
        placed.option = option

    rows: list[Row] = []
    head = [row for b, r in zip(frame.top, top, strict=True) if id(b) not in dropped for row in r]
    foot = [row for b, r in zip(frame.bottom, bottom, strict=True) if id(b) not in dropped for row in r]
    groups = [_group_rows(group, width, dropped) for group in middle]
    groups = [g for g in groups if g]
    spare = height - len(head) - len(foot) - sum(len(g) for g in groups)
    slots = len(groups) + 1
    gap = [spare // slots + (1 if i < spare % slots else 0) for i in range(slots)] if spare > 0 else [0] * slots
    blank = Row(" " * width, "")
    rows.extend(head)
    for i, lines in enumerate(groups):
        rows.extend([blank] * gap[i])
        rows.extend(lines)
    rows.extend([blank] * gap[-1])
    rows.extend(foot)
    return rows[:height] + [blank] * max(0, height - len(rows))


def _group_rows(group: list[_Placed], width: int, dropped: set[int]) -> list[Row]:
    rows: list[Row] = []
    for placed in group:
        block = placed.block
        if id(block) in dropped:
            continue
        if isinstance(block, Plain):
            rows.extend(Row(text, block.style) for text in placed.plain)
        elif placed.option is None:
            rows.extend(_plain_rows(Plain(block.text, block.fallback or block.style), width))
        else:
            for line in placed.option.lines:
                rows.extend(
                    Row(_centre(cells, width), block.style) for cells in draw(line, block.face, placed.option.scale)
                )
    return rows
