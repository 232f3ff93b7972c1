"""Text typed in the old 8-bit Vietnamese encodings: TCVN3 (ABC, the .Vn fonts) and VNI.

Offices still meet lists typed years ago with .VnTime or VNI-Times fonts. Opened
anywhere else such text is mojibake ("NguyÔn V¨n §øc", "Nguyeãn Vaên Ñöùc"): each byte
shows as its Latin-1 / Windows-1252 character. The conversion tables are data
(``data/tcvn3.tsv``, ``data/vni.tsv``); a cell is converted only when it holds
characters no Vietnamese Unicode text has and the conversion leaves none of them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources

from models.errors import HoinghiError

ENCODINGS = ("tcvn3", "vni")
_MIN_WORDS = 2  # words that must convert cleanly before a grid is called legacy text


def _to_byte(ch: str) -> int | None:
    """The byte a mojibake character stands for (Windows-1252, else Latin-1)."""
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        code = ord(ch)
        return code if code < 256 else None


@cache
def table(encoding: str) -> dict[str, str]:
    """{legacy characters (as Latin-1): Unicode letter} read from the data file."""
    text = resources.files("session.domain.imports").joinpath(f"data/{encoding}.tsv").read_text("utf-8")
    mapping = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        codes, letter = line.split("\t")
        mapping[bytes(int(b, 16) for b in codes.split()).decode("latin-1")] = letter
    return mapping


@cache
def _vietnamese_letters() -> frozenset[str]:
    """Every letter Vietnamese Unicode text uses (NFC), both cases."""
    letters = set("abcdefghijklmnopqrstuvwxyz") | {"đ"}
    bases = "aăâeêioôơuưy"
    tones = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    for base in bases:
        for tone in tones:
            letters.add(unicodedata.normalize("NFC", base + tone))
    return frozenset(letters | {ch.upper() for ch in letters})


@cache
def telltales(encoding: str) -> frozenset[str]:
    """Characters of *encoding*'s mojibake that Vietnamese Unicode text never holds."""
    chars = {ch for seq in table(encoding) for ch in seq if ord(ch) >= 0xA0}
    return frozenset(chars - _vietnamese_letters())


def _normalise(text: str) -> str:
    # Windows-1252 characters stand for their bytes; give every character its Latin-1 form.
    out = []
    for ch in text:
        if ord(ch) > 0xFF:
            byte = _to_byte(ch)
            out.append(chr(byte) if byte is not None else ch)
        else:
            out.append(ch)
    return "".join(out)


def convert(text: str, encoding: str) -> str:
    """*text* decoded from *encoding*'s mojibake into NFC Unicode (longest match first).

    A word whose plain letters are all capitals was typed with an upper-case font
    (.VnTimeH), which draws the lower-case codes as capitals: it is made upper case."""
    mapping = table(encoding)
    longest = max(len(k) for k in mapping)
    source = _normalise(text)
    out = []
    i = 0
    while i < len(source):
        for size in range(longest, 0, -1):
            piece = source[i : i + size]
            if len(piece) == size and piece in mapping:
                out.append(mapping[piece])
                i += size
                break
        else:
            out.append(source[i])
            i += 1
    words = []
    for before, after in zip(source.split(" "), "".join(out).split(" "), strict=False):
        ascii_letters = [ch for ch in before if ch.isascii() and ch.isalpha()]
        if ascii_letters and all(ch.isupper() for ch in ascii_letters) and len(ascii_letters) > 1:
            after = after.upper()
        words.append(after)
    result = " ".join(words) if len(words) == len("".join(out).split(" ")) else "".join(out)
    return unicodedata.normalize("NFC", result)


_SEPARATORS = re.compile(r"[\s!-/0-9:-@\[-`{-~]+")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


_NUCLEI = (
    "uyê|uya|uyu|iêu|yêu|oai|oao|oay|oeo|uây|uôi|ươi|ươu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ôô|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|yê|"
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_SYLLABLE = re.compile(rf"^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?({_NUCLEI})(ch|ng|nh|[cmnpt])?$")


def _is_vietnamese(word: str) -> bool:
    """A written Vietnamese syllable: its letters, one tone at most, a possible shape."""
    letters = [ch for ch in word if ch.isalpha()]
    if any(ch not in _vietnamese_letters() for ch in letters):
        return False
    joined = "".join(letters)
    if joined not in (joined.lower(), joined.upper(), joined[:1].upper() + joined[1:].lower()):
        return False  # "cÊp": a capital inside a word is a legacy code, not a capital
    toned = sum(1 for ch in letters if _TONES & set(unicodedata.normalize("NFD", ch)))
    if toned > 1:
        return False
    plain = "".join(ch for ch in unicodedata.normalize("NFD", joined.lower()) if ch not in _TONES)
    match = _SYLLABLE.match(unicodedata.normalize("NFC", plain))
    if match is None:
        return False
    initial, nucleus = match.group(1) or "", match.group(2)
    front = nucleus[0] in "ieêy"
    # Spelling rules: "nghi", "ghe", "ki" but "ngo", "ga", "co" (never "ngi", "ci", "gho").
    return not ((initial in ("ngh", "gh", "k") and not front) or (initial in ("ng", "c") and front))


def looks_legacy(text: str, encoding: str) -> bool:
    """*text* holds *encoding*'s telltale characters and converts into Vietnamese."""
    marks = telltales(encoding)
    source = _normalise(text)
    if not any(ch in marks for ch in source):
        return False
    converted = convert(text, encoding)
    if any(ch in marks for ch in converted):
        return False
    words = [w for w, before in zip(_words(converted), _words(source), strict=False) if any(c in marks for c in before)]
    return all(_is_vietnamese(w) for w in words)


def _words(text: str) -> list[str]:
    # Split on spaces, ASCII punctuation and digits only: TCVN3 letters include "¸", "µ", "¨"…
    return [w for w in _SEPARATORS.split(text) if w]


def convert_cell(text: str, encoding: str) -> str:
    """A cell of a sheet known to be typed in *encoding*, converted when it shows it.

    A cell shows it when one of its words has the encoding's telltale characters, or is
    no Vietnamese syllable as it stands but becomes one ("Baûn" -> "Bản" in VNI); then
    every word of the cell is converted ("Laêng Thò Myî" -> "Lăng Thị Mỵ"). A cell
    already written in Unicode ("Bản Nà Pàn") is left as it is."""
    marks = telltales(encoding)
    evidence = False
    for word in _words(text):
        after = convert(word, encoding)
        if any(ch in marks for ch in after) or not _is_vietnamese(after):
            continue
        if any(ch in marks for ch in _normalise(word)) or not _is_vietnamese(word):
            evidence = True
            break
    return convert(text, encoding) if evidence else text


def detect(texts: Iterable[str]) -> str | None:
    """The old encoding the texts were typed in, or None when they are Unicode.

    Refuses (``import.legacy_unsure``) text full of such characters that neither
    table turns into Vietnamese."""
    scores = dict.fromkeys(ENCODINGS, 0)
    suspicious = 0
    for text in texts:
        for word in _normalise(text).split():
            hits = [enc for enc in ENCODINGS if any(ch in telltales(enc) for ch in word)]
            if not hits:
                continue
            suspicious += 1
            for enc in hits:
                if looks_legacy(word, enc):
                    scores[enc] += 1
    best = max(ENCODINGS, key=lambda enc: scores[enc])
    if scores[best] >= _MIN_WORDS and scores[best] >= 0.8 * suspicious:
        return best
    if suspicious >= 5 and scores[best] < 0.8 * suspicious:
        raise HoinghiError("import.legacy_unsure", count=suspicious)
    return None
