"""Import of the Front committee's compiled list (báo cáo tổng hợp ý kiến) from .xlsx or .csv.

Real sheets start with title rows and merged header cells; the header row is found by
its Vietnamese column names, columns are mapped by them, every bad row is reported by
its sheet row number, and the import is all rows or none.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from models.errors import HoinghiError, TextError
from models.store import Store
from models.text import fold
from session.domain.fields import get_fields
from session.domain.registrations import Slip, clean_slip, register_many

# Column keys and the (folded) header texts that name them.
ALIASES: dict[str, tuple[str, ...]] = {
    "number": ("stt", "tt", "so tt", "so thu tu", "so"),
    "name": (
        "ho va ten",
        "ho ten",
        "ho va ten nguoi kien nghi",
        "nguoi kien nghi",
        "ten nguoi kien nghi",
        "cu tri",
        "cong dan",
        "nguoi phan anh",
        "ten",
    ),
    "locality": (
        "thon/to dan pho",
        "thon, to dan pho",
        "thon/tdp",
        "thon",
        "to dan pho",
        "tdp",
        "khu pho",
        "dia chi",
        "noi cu tru",
        "thon, xom",
        "ban",
        "ap",
        "khom",
        "khu dan cu",
    ),
    "field": ("linh vuc", "nhom linh vuc", "phan loai", "nhom", "loai"),
    "summary": (
        "noi dung",
        "noi dung kien nghi",
        "noi dung y kien",
        "noi dung y kien, kien nghi",
        "y kien, kien nghi",
        "y kien kien nghi",
        "kien nghi",
        "y kien",
        "noi dung phan anh",
    ),
    "phone": ("so dien thoai", "dien thoai", "sdt", "dt"),
    "organisation": ("chuc vu", "don vi", "co quan", "to chuc"),
}
REQUIRED = ("name", "summary")
HEADER_SCAN = 30  # rows searched for the header


@dataclass(frozen=True)
class RowError:
    row: int  # the sheet's own row number (1-based), as the person sees it in Excel
    code: str
    params: dict = field(default_factory=dict)


@dataclass
class ImportPlan:
    """What an import would do: the preview the desk confirms before anything is written."""

    path: str
    sheet: str
    header_row: int  # 0 when no header row was found
    headers: list[str]
    mapping: dict[str, int]  # column key -> 0-based column index
    slips: list[Slip]
    errors: list[RowError]
    rows: list[tuple[int, list[object]]]  # data rows: (sheet row number, cells)

    @property
    def unsure(self) -> bool:
        return any(key not in self.mapping for key in REQUIRED)

    @property
    def ok(self) -> bool:
        return not self.unsure and not self.errors and bool(self.slips)


def _header_key(text: object) -> str:
    if text is None:
        return ""
    folded = fold(str(text))
    folded = re.sub(r"[.:*()\[\]]", " ", folded)
    folded = re.sub(r"\s*/\s*", "/", folded)
    return re.sub(r"\s+", " ", folded).strip()


def _match(text: object) -> str | None:
    key = _header_key(text)
    if not key:
        return None
    for column, aliases in ALIASES.items():
        if key in aliases:
            return column
    for column, aliases in ALIASES.items():  # "Nội dung kiến nghị của cử tri" and the like
        if any(len(alias) > 3 and key.startswith(alias + " ") for alias in aliases):
            return column
    return None


def _mapping(cells: list[object]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        column = _match(cell)
        if column is not None and column not in found:
            found[column] = index
    return found


def _read_xlsx(path: Path, sheet: str | None) -> tuple[str, list[tuple[int, list[object]]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a broken zip, a .xls renamed, a truncated file: all unreadable
        raise HoinghiError("import.unreadable", path=str(path), detail=type(exc).__name__) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise HoinghiError("import.no_sheet", sheet=sheet, sheets=", ".join(book.sheetnames))
        ws = book[sheet] if sheet else book.worksheets[0]
        rows = []
        for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
            rows.append((number, list(row)))
        return ws.title, rows
    finally:
        book.close()


def _read_csv(path: Path) -> tuple[str, list[tuple[int, list[object]]]]:
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
    reader = csv.reader(text.splitlines(), dialect)
    return path.name, [(n, list(row)) for n, row in enumerate(reader, start=1)]


def read_rows(path: Path, sheet: str | None = None) -> tuple[str, list[tuple[int, list[object]]]]:
    if not path.is_file():
        raise HoinghiError("import.missing", path=str(path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    raise HoinghiError("import.format", path=str(path))


def find_header(rows: list[tuple[int, list[object]]]) -> tuple[int, dict[str, int], list[str], int]:
    """(header row number, mapping, header texts, index of the first data row).

    A header may span two rows (a merged "Người kiến nghị" over "Họ và tên" | "Khu dân cư"):
    the pair is combined, the lower row's names winning where they are known."""
    best = (0, {}, [], 0)
    best_score = 0
    for index, (number, cells) in enumerate(rows[:HEADER_SCAN]):
        mapping = _mapping(cells)
        score = len(mapping)
        texts = ["" if c is None else str(c) for c in cells]
        start = index + 1
        if index + 1 < len(rows):
            lower = rows[index + 1][1]
            width = max(len(cells), len(lower))
            combined = []
            for col in range(width):
                below = lower[col] if col < len(lower) else None
                above = cells[col] if col < len(cells) else None
                combined.append(below if _match(below) else above)
            combined_map = _mapping(combined)
            if len(combined_map) > score:
                mapping, score, start = combined_map, len(combined_map), index + 2
                texts = ["" if c is None else str(c) for c in combined]
        if score > best_score and any(k in mapping for k in REQUIRED):
            best, best_score = (number, mapping, texts, start), score
    return best


def _cell_text(value: object, column: str, row: int, errors: list[RowError]) -> str:
    """Text of a cell; numbers and dates where words belong are reported, not guessed."""
    if value is None:
        return ""
    if isinstance(value, bool) or isinstance(value, (datetime, date, time)):
        errors.append(RowError(row, "import.wrong_type", {"column": column, "value": str(value)}))
        return ""
    if isinstance(value, (int, float)):
        if column in ("name", "summary", "field", "locality"):
            errors.append(RowError(row, "import.wrong_type", {"column": column, "value": str(value)}))
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    return str(value)


def plan_import(
    store: Store,
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: dict[str, int] | None = None,
    header_row: int | None = None,
    source: str = "precompiled",
    progress: Callable[[int, int], None] | None = None,
) -> ImportPlan:
    """Read and check a file without writing anything. *mapping* / *header_row* override
    what was detected (the manual mapping when unsure)."""
    path = Path(path)
    sheet_name, rows = read_rows(path, sheet)
    found_row, found_map, headers, start = find_header(rows)
    if header_row is not None:
        found_row = header_row
        start = next((i + 1 for i, (n, _) in enumerate(rows) if n == header_row), 0)
        headers = ["" if c is None else str(c) for c in next((c for n, c in rows if n == header_row), [])]
        found_map = _mapping(headers)
    if mapping:
        found_map = {**found_map, **mapping}
    data = rows[start:] if found_row else rows
    plan = ImportPlan(str(path), sheet_name, found_row, headers, found_map, [], [], data)
    if plan.unsure:
        return plan
    fields = get_fields(store)
    total = len(data)
    for done, (number, cells) in enumerate(data, start=1):
        if progress is not None and (done % 100 == 0 or done == total):
            progress(done, total)

        def cell(key: str, cells=cells) -> object:
            index = found_map.get(key)
            return cells[index] if index is not None and index < len(cells) else None

        if all(c is None or str(c).strip() == "" for c in cells):
            continue  # an empty row
        errors: list[RowError] = []
        values = {key: _cell_text(cell(key), key, number, errors) for key in ALIASES}
        number_cell = cell("number")
        if isinstance(number_cell, (datetime, date, bool)):
            errors.append(RowError(number, "import.wrong_type", {"column": "number", "value": str(number_cell)}))
        if not errors and not values["name"].strip() and not values["summary"].strip():
            continue  # a footer or a spacer ("Tổng cộng", signatures…)
        if not errors and not values["name"].strip():
            errors.append(RowError(number, "import.missing_value", {"column": "name"}))
        if not errors and not values["summary"].strip():
            errors.append(RowError(number, "import.missing_value", {"column": "summary"}))
        if errors:
            plan.errors.extend(errors)
            continue
        slip = Slip(
            name=values["name"],
            locality=values["locality"],
            field=values["field"],
            summary=values["summary"],
            phone=values["phone"],
            organisation=values["organisation"],
            source=source,
        )
        try:
            plan.slips.append(clean_slip(slip, fields))
        except TextError as exc:
            plan.errors.append(
                RowError(number, f"text.{exc.code.split('.', 1)[1]}" if "." in exc.code else exc.code, dict(exc.params))
            )
    return plan


def run_import(store: Store, meeting_id: int, plan: ImportPlan, *, at: datetime, actor: str = "desk") -> int:
    """Write a checked plan: every row in one transaction, or nothing."""
    if plan.unsure:
        missing = [k for k in REQUIRED if k not in plan.mapping]
        raise HoinghiError("import.unsure", columns=", ".join(missing))
    if plan.errors:
        raise HoinghiError("import.has_errors", count=len(plan.errors))
    if not plan.slips:
        raise HoinghiError("import.empty", path=plan.path)
    return register_many(store, meeting_id, plan.slips, at=at, actor=actor)
