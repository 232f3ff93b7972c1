"""Text tables (.csv): the encoding is detected, never guessed silently.

UTF-8 with or without a byte-order mark, UTF-16 (as Excel's "Unicode text" saves it),
and Windows-1258 (Vietnamese Windows: base letters precomposed, tones as combining marks)
are recognised; anything else is refused with the list of encodings tried. Text typed in
the old 8-bit fonts (TCVN3, VNI) is read byte for byte so it can be converted later.
"""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

from models.errors import HoinghiError
from session.domain.imports import legacy
from session.domain.imports.sources import Cell, Grid, Source

TRIED = "UTF-8, UTF-16, Windows-1258"
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VOWELS = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")


def _plausible_cp1258(text: str) -> bool:
    """Windows-1258 text puts its tone marks after vowels and has no C1 controls."""
    previous = ""
    for ch in text:
        if ch in _TONES and previous not in _VOWELS:
            return False
        if "\x80" <= ch <= "\x9f":
            return False
        previous = ch
    return True


def decode(raw: bytes) -> tuple[str, str]:
    """(text, encoding name) or a refusal naming the encodings tried."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "UTF-8"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise HoinghiError("import.encoding", tried=TRIED) from None
    sample = raw[:4000]
    if sample and sample.count(b"\x00") > len(sample) // 4:  # UTF-16 without its mark
        order = "utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be"
        try:
            return raw.decode(order), "UTF-16"
        except UnicodeDecodeError:
            raise HoinghiError("import.encoding", tried=TRIED) from None
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    latin = raw.decode("cp1252", errors="ignore")
    if legacy.detect(latin.split()) is not None:
        return raw.decode("latin-1"), "8-bit"  # TCVN3 / VNI bytes: converted cell by cell later
    try:
        text = raw.decode("cp1258")
    except UnicodeDecodeError:
        raise HoinghiError("import.encoding", tried=TRIED) from None
    if not _plausible_cp1258(text):
        raise HoinghiError("import.encoding", tried=TRIED)
    return unicodedata.normalize("NFC", text), "Windows-1258"


def read_csv(path: Path) -> Source:
    text, encoding = decode(path.read_bytes())
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows: list[tuple[int, list[Cell]]] = [
            (number, [cell if cell.strip() else None for cell in row])
            for number, row in enumerate(csv.reader(text.splitlines(), dialect), start=1)
        ]
    except csv.Error:
        raise HoinghiError("import.damaged", path=path.name) from None
    grid = Grid(kind="csv", index=1, name=path.name, rows=rows)
    return Source(path=str(path), format="csv", grids=[grid], encoding=encoding)
