"""Workbooks (.xlsx, .xls, .ods) through python-calamine: one fast reader for all three.

Every sheet is read with its visibility; vertically merged cells repeat their value
down the merge (a residential unit written once for five people applies to all five); formula cells
whose result was never saved (a sheet written by a program, not by Excel) are found in
the file itself so the rows using them can be reported.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from models.errors import HoinghiError
from session.domain.imports.sources import Cell, Grid, Source

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .xls and of encrypted .xlsx
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")


def _value(cell: object) -> Cell:
    if cell == "" or cell is None:
        return None
    if isinstance(cell, timedelta):  # a duration cell: keep it visible as text
        return str(cell)
    return cell


def _refuse_locked_or_damaged(path: Path, head: bytes, exc: Exception | None = None) -> None:
    import python_calamine as pc

    if exc is not None and isinstance(exc, pc.PasswordError):
        raise HoinghiError("import.password", path=path.name) from None
    if head.startswith(_CFB) and _ENCRYPTED in path.read_bytes():
        raise HoinghiError("import.password", path=path.name) from None
    if exc is not None:
        raise HoinghiError("import.damaged", path=path.name) from None


def read_workbook(path: Path) -> Source:
    import python_calamine as pc

    with path.open("rb") as fh:
        head = fh.read(8)
    _refuse_locked_or_damaged(path, head)
    try:
        with path.open("rb") as fh:
            book = pc.CalamineWorkbook.from_filelike(fh)  # by content: a renamed .xls still reads
    except Exception as exc:  # calamine's errors (zip, xml, cfb, password) and anything below them
        _refuse_locked_or_damaged(path, head, exc)
        raise
    kind = {b"PK": "xlsx", _CFB[:2]: "xls"}.get(head[:2], "xlsx")
    if path.suffix.lower() == ".ods":
        kind = "ods"
    formulas = _unsaved_formulas(path) if kind == "xlsx" else {}
    grids = []
    try:
        for index, meta in enumerate(book.sheets_metadata, start=1):
            if meta.typ != pc.SheetTypeEnum.WorkSheet:
                continue
            sheet = book.get_sheet_by_name(meta.name)
            rows = [[_value(c) for c in row] for row in sheet.to_python(skip_empty_area=False)]
            for (top, left), (bottom, _right) in sheet.merged_cell_ranges or ():
                if top < len(rows) and left < len(rows[top]):
                    for r in range(top + 1, min(bottom, len(rows) - 1) + 1):
                        if left < len(rows[r]) and rows[r][left] is None:
                            rows[r][left] = rows[top][left]
            grids.append(
                Grid(
                    kind="sheet",
                    index=index,
                    name=meta.name,
                    rows=[(number, cells) for number, cells in enumerate(rows, start=1)],
                    hidden=meta.visible != pc.SheetVisibleEnum.Visible,
                    formulas=frozenset(formulas.get(meta.name, ())),
                )
            )
    except HoinghiError:
        raise
    except Exception:
        raise HoinghiError("import.damaged", path=path.name) from None
    finally:
        book.close()
    return Source(path=str(path), format=kind, grids=grids)


def _cell_ref(ref: str) -> tuple[int, int]:
    letters = "".join(ch for ch in ref if ch.isalpha())
    digits = "".join(ch for ch in ref if ch.isdigit())
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    return int(digits), col - 1


def _unsaved_formulas(path: Path) -> dict[str, set[tuple[int, int]]]:
    """{sheet name: {(row, column)}} of formula cells with no saved result."""
    found: dict[str, set[tuple[int, int]]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
            rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
            targets = {r.get("Id"): r.get("Target", "") for r in rels}
            for sheet in book.iter(f"{_MAIN}sheet"):
                target = targets.get(sheet.get(f"{_REL}id"), "")
                member = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
                data = archive.read(member)
                if not _FORMULA.search(data):
                    continue
                cells = set()
                for _, element in ElementTree.iterparse(io.BytesIO(data)):
                    if element.tag == f"{_MAIN}c":
                        formula = element.find(f"{_MAIN}f")
                        value = element.find(f"{_MAIN}v")
                        if formula is not None and (value is None or not (value.text or "").strip()):
                            cells.add(_cell_ref(element.get("r", "A1")))
                        element.clear()
                if cells:
                    found[sheet.get("name", "")] = cells
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return found  # calamine read the values; this extra look is only for the report
    return found


def is_date(value: object) -> bool:
    return isinstance(value, (datetime, date, time))
