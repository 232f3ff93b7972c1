"""Vietnamese text handling: NFC storage, control characters, search and sort keys.

Every piece of text that reaches the store goes through :func:`clean_text`; every
searchable column has a companion key made by :func:`fold` (khóa tìm kiếm: no accents,
no case, đ -> d), because SQLite's LIKE only folds ASCII.
"""

from __future__ import annotations

import re
import unicodedata

from models.errors import TextError

# XML 1.0 (and so Word) cannot hold C0 controls other than tab/newline/carriage return;
# C1 controls, surrogates and the two non-characters below are refused by Word as well.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")

#: Default length limits (characters) by kind of field.
SHORT_MAX = 300
LONG_MAX = 20_000


def clean_text(
    value: str | None,
    *,
    field: str = "text",
    multiline: bool = False,
    required: bool = False,
    max_len: int | None = None,
) -> str:
    """Return *value* as the store keeps it: NFC, no forbidden controls, trimmed.

    Single-line fields collapse every run of white space (tabs and line breaks
    included) to one space. Multi-line fields keep line breaks, normalised to ``\\n``.
    Raises :class:`TextError` for an empty required value or one over *max_len*.
    """
    text = "" if value is None else str(value)
    # Controls out first: one between a letter and its mark would otherwise keep the
    # pair from composing, and the stored text would not be NFC.
    text = _LINE_BREAKS.sub("\n", text)
    text = _FORBIDDEN.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if multiline:
        lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
        text = "\n".join(lines).strip("\n")
        text = re.sub(r"\n{3,}", "\n\n", text)
    else:
        text = _SPACES.sub(" ", text.replace("\n", " ")).strip()
    limit = max_len if max_len is not None else (LONG_MAX if multiline else SHORT_MAX)
    if required and not text:
        raise TextError("text.empty", field=field)
    if len(text) > limit:
        raise TextError("text.too_long", field=field, limit=limit, length=len(text))
    return text


_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")


def pasted(text: str, *, multiline: bool) -> str:
    """Text pasted into a field as it will be kept, so what is on screen is what is saved:
    a terminal's colour codes and other controls out, any system's line breaks as one,
    NFC; a one-line field takes the first line, its tabs and runs of spaces as one space.
    Unlike :func:`clean_text` it neither trims nor refuses: the person goes on typing."""
    text = _ESCAPES.sub("", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _FORBIDDEN.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if multiline:
        return text
    first = text.split("\n", 1)[0]
    return _SPACES.sub(" ", first)


def fold(value: str | None) -> str:
    """Search key (khóa tìm kiếm): "Nguyễn Văn Đức" -> "nguyen van duc"."""
    if not value:
        return ""
    text = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    # "ı" (dotless i) upper-cases to "I": fold both to "i" so a search in capitals finds it.
    text = text.casefold().replace("ı", "i")
    return _SPACES.sub(" ", _FORBIDDEN.sub("", text).replace("\n", " ")).strip()


def matches(query: str, key: str) -> bool:
    """True when every word of *query* occurs in the folded *key*."""
    return all(word in key for word in fold(query).split())


# --- Vietnamese alphabetical order -------------------------------------------------

_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# Tone marks in dictionary order: ngang (none), huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Marks that make a distinct letter rather than a tone.
_LETTER_MARKS = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}


def _word_key(word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    letters: list[int] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFC", word.casefold()):
        if ch == "đ":
            letters.append(_LETTER_RANK["đ"])
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        tone = 0
        for mark in marks:
            if mark in _TONE_RANK:
                tone = _TONE_RANK[mark]
            elif (base, mark) in _LETTER_MARKS:
                base = _LETTER_MARKS[(base, mark)]
        rank = _LETTER_RANK.get(base)
        # Letters outside the Vietnamese alphabet (f, j, w, z, digits) sort after it.
        letters.append(rank if rank is not None else 100 + ord(base))
        if tone:
            tones.append(tone)
        else:
            tones.append(0)
    return tuple(letters), tuple(tones)


# Per word, its letters' ranks and its tones' ranks: (letters of each word, tones of each word).
NameKey = tuple[tuple[tuple[int, ...], ...], tuple[tuple[int, ...], ...]]


def name_sort_key(full_name: str) -> NameKey:
    """Sort key for a Vietnamese full name: given name (last word) first, then the rest."""
    words = clean_text(full_name).split()
    if not words:
        return ((), ())
    ordered = [words[-1], *words[:-1]]
    keys = [_word_key(w) for w in ordered]
    # Letters decide first across all words; tones only break ties.
    return tuple(k[0] for k in keys), tuple(k[1] for k in keys)
