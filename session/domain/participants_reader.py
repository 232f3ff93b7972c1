"""Reading an invitation list (danh sách đại biểu) from a spreadsheet (.xlsx, .xls, .ods
through python-calamine, or .csv).

Real lists start with title rows; the header row is found by its Vietnamese column
names. Lists are often split by group with a section row ("I. ĐẠI BIỂU PHƯỜNG") over
the people of that group: such a row gives the group of the rows under it.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from models.errors import HoinghiError, TextError
from models.text import fold
from session.domain.participants import ParticipantDraft, clean_participant

ALIASES: dict[str, tuple[str, ...]] = {
    "number": ("stt", "tt", "so tt", "so thu tu"),
    "name": ("ho va ten", "ho ten", "ten dai bieu", "dai bieu", "ho va ten dai bieu", "ong/ba", "ten"),
    "title": ("chuc vu", "chuc danh", "chuc vu, chuc danh"),
    "organisation": ("co quan", "don vi", "co quan, don vi", "co quan/don vi", "noi cong tac", "to chuc"),
    "group": ("thanh phan", "nhom", "khoi", "thanh phan moi"),
    "role": ("vai tro", "nhiem vu", "vai tro tai hoi nghi"),
}
HEADER_SCAN = 30
_ROMAN = re.compile(r"^(?:[ivxlc]+|[a-h])[.)]?$")


@dataclass(frozen=True)
class SheetRow:
    row: int  # the sheet's row number, as the person sees it
    draft: ParticipantDraft


@dataclass(frozen=True)
class SheetProblem:
    row: int
    code: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class ParticipantSheet:
    path: str
    sheet: str
    header_row: int  # 0: no header row found
    rows: list[SheetRow] = field(default_factory=list)
    problems: list[SheetProblem] = field(default_factory=list)


def _key(text: object) -> str:
    folded = fold("" if text is None else str(text))
    folded = re.sub(r"[.:*()\[\]]", " ", folded)
    folded = re.sub(r"\s*/\s*", "/", folded)
    return re.sub(r"\s+", " ", folded).strip()


def _mapping(cells: list[object]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = _key(cell)
        for column, aliases in ALIASES.items():
            if column not in found and key in aliases:
                found[column] = index
                break
    return found


def _cells(path: Path, sheet: str | None) -> tuple[str, list[list[object]]]:
    if not path.is_file():
        raise HoinghiError("import.missing", path=str(path))
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        raw = path.read_bytes()
        for encoding in ("utf-8-sig", "cp1258"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise HoinghiError("import.unreadable", path=str(path), detail="encoding")
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        return path.name, [list(r) for r in csv.reader(text.splitlines(), dialect)]
    if suffix not in (".xlsx", ".xlsm", ".xls", ".ods"):
        raise HoinghiError("participant.format", path=str(path))
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # a broken zip, a renamed file: unreadable, said once
        raise HoinghiError("import.unreadable", path=str(path), detail=type(exc).__name__) from None
    try:
        names = book.sheet_names
        if sheet is not None and sheet not in names:
            raise HoinghiError("import.no_sheet", sheet=sheet, sheets=", ".join(names))
        ws = book.get_sheet_by_name(sheet) if sheet else book.get_sheet_by_index(0)
        # Keep the leading empty rows so the row numbers are the ones shown in the spreadsheet.
        return ws.name, [list(r) for r in ws.to_python(skip_empty_area=False)]
    finally:
        book.close()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_participants(path: str | Path, *, sheet: str | None = None) -> ParticipantSheet:
    """Read and check a list without writing anything; every bad row is named by its row."""
    path = Path(path)
    sheet_name, rows = _cells(path, sheet)
    header, mapping = 0, dict[str, int]()
    for number, cells in enumerate(rows[:HEADER_SCAN], start=1):
        found = _mapping(cells)
        if "name" in found and len(found) > len(mapping):
            header, mapping = number, found
    result = ParticipantSheet(str(path), sheet_name, header)
    if not header:
        raise HoinghiError("participant.no_header", path=str(path))
    section = ""
    for number, cells in enumerate(rows[header:], start=header + 1):

        def cell(key: str, cells: list[object] = cells) -> str:
            index = mapping.get(key)
            return _text(cells[index]) if index is not None and index < len(cells) else ""

        name = cell("name")
        if not name and not any(_text(c) for c in cells):
            continue
        stt = cell("number")
        others = [cell(k) for k in ("title", "organisation", "group", "role")]
        first = next((_text(c) for c in cells if _text(c)), "")
        text = name or first
        shouting = any(ch.isalpha() for ch in text) and text.upper() == text
        roman = bool(stt) and bool(_ROMAN.match(fold(stt)))
        if not any(others) and not stt.isdigit() and (roman or shouting or (not name and text)):
            # A section row ("I. ĐẠI BIỂU PHƯỜNG"): the group of the rows under it.
            text = re.sub(r"^\s*(?:[IVXLCivxlc]+|[A-Ha-h])\s*[.)/-]\s*", "", text)
            section = text[:1].upper() + text[1:].lower() if shouting else text
            continue
        if not name:
            result.problems.append(SheetProblem(number, "import.missing_value", {"column": "name"}))
            continue
        draft = ParticipantDraft(
            name=name,
            title=cell("title"),
            organisation=cell("organisation"),
            group=cell("group") or section,
            role=cell("role"),
        )
        try:
            result.rows.append(SheetRow(number, clean_participant(draft)))
        except TextError as exc:
            result.problems.append(SheetProblem(number, exc.code, dict(exc.params)))
        except HoinghiError as exc:
            result.problems.append(SheetProblem(number, exc.code, dict(exc.params)))
    return result
