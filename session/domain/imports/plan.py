"""Reading a compiled list into a preview (ImportPlan) without writing anything.

The file is read, every sheet or table looked at, the header found, each column
placed, each row classified, each petition checked and cleaned the way the store will
keep it, and duplicates (same name and same content, in the file or already in the
meeting) marked. Writing is :mod:`session.domain.imports.write`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

from sqlmodel import select

from models.errors import TextError
from models.store import Store
from models.tables import Registration
from models.text import fold
from session.domain.fields import OTHER, canonical_field, get_fields
from session.domain.imports import legacy
from session.domain.imports.columns import IMPORTED, KEYS, REQUIRED
from session.domain.imports.header import HEADER_SCAN, Header, find_header, map_columns, text_of
from session.domain.imports.preview import (
    ColumnUse,
    Conversion,
    GridInfo,
    ImportPlan,
    Petition,
    Problem,
    Skipped,
)
from session.domain.imports.readers import read_source
from session.domain.imports.rows import (
    group_field,
    header_keys,
    is_blank,
    is_column_numbers,
    is_footer,
    is_repeated_header,
    is_subtotal,
    row_text,
)
from session.domain.imports.sources import Cell, Grid, column_label
from session.domain.registrations import Slip, clean_slip

_WORDS = ("name", "locality", "field", "summary", "organisation")
_CCCD = re.compile(r"^\d{12}$")
_MOBILE_WITHOUT_ZERO = re.compile(r"^[35789]\d{8}$")


def _converted(grid: Grid, plan: ImportPlan) -> Grid:
    """*grid* with its old-encoding text (TCVN3, VNI) converted, the conversions noted."""
    texts = [c for _, cells in grid.rows for c in cells if isinstance(c, str)]
    encoding = legacy.detect(texts)
    if encoding is None:
        return grid
    plan.legacy = encoding
    rows = []
    for number, cells in grid.rows:
        new = []
        for index, cell in enumerate(cells):
            if isinstance(cell, str):
                after = legacy.convert_cell(cell, encoding)
                if after != cell:
                    plan.conversion_count += 1
                    if len(plan.conversions) < 5 and len(cell) > 3:
                        plan.conversions.append(Conversion(number, column_label(grid.kind, index), cell, after))
                cell = after
            new.append(cell)
        rows.append((number, new))
    return Grid(grid.kind, grid.index, grid.name, rows, grid.hidden, grid.formulas)


def _count_petitions(grid: Grid, header: Header) -> int:
    name, summary = header.mapping.get("name"), header.mapping.get("summary")
    if name is None or summary is None:
        return 0
    count = 0
    for _, cells in grid.rows[header.start :]:
        if name < len(cells) and summary < len(cells) and text_of(cells[name]) and text_of(cells[summary]):
            count += not is_column_numbers(cells)
    return count


def _pick(
    grids: list[Grid], headers: dict[int, Header | None], infos: list[GridInfo], wanted: str | None
) -> tuple[Grid | None, bool]:
    """(grid, needs_choice): the grid asked for, else the one holding the list — a
    visible one before a hidden one; a choice is needed when several visible ones do."""
    from models.errors import HoinghiError

    if wanted is not None:
        key = fold(wanted.strip())
        for grid in grids:
            if fold(grid.name) == key or str(grid.index) == key:
                return grid, False
        kind = grids[0].kind if grids else "sheet"
        names = ", ".join(g.name for g in grids)
        raise HoinghiError("import.no_table" if kind == "table" else "import.no_sheet", sheet=wanted, sheets=names)
    holding = [g for g, info in zip(grids, infos, strict=True) if info.petitions]
    visible = [g for g in holding if not g.hidden]
    if visible:
        return visible[0], len(visible) > 1
    if holding:
        return holding[0], False
    with_header = [g for g in grids if headers.get(g.index) is not None]
    shown = [g for g in grids if not g.hidden] or grids
    candidates = with_header or shown
    return (candidates[0] if candidates else None), False


def _columns(
    grid: Grid, header: Header | None, mapping: dict[str, int], by_hand: set[str], start: int
) -> list[ColumnUse]:
    texts = header.texts if header else []
    width = max([len(texts)] + [len(cells) for _, cells in grid.rows[start:]])
    has_data = [False] * width
    for _, cells in grid.rows[start:]:
        for index, cell in enumerate(cells):
            if text_of(cell):
                has_data[index] = True
    by_column = {index: key for key, index in mapping.items()}
    duplicates = header.duplicates if header else {}
    columns: list[ColumnUse] = []
    for index in range(width):
        text = texts[index] if index < len(texts) else ""
        label = column_label(grid.kind, index)
        key = by_column.get(index)
        if key is not None:
            status = "used" if key in IMPORTED else "left_out"
            columns.append(ColumnUse(index, label, text, key, status, key in by_hand))
        elif index in duplicates and duplicates[index] in mapping:
            other = column_label(grid.kind, mapping[duplicates[index]])
            columns.append(ColumnUse(index, label, text, duplicates[index], "duplicate", other=other))
        elif text or has_data[index]:
            columns.append(ColumnUse(index, label, text, None, "unknown"))
    return columns


def _loose(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def _field(text: str, fields: list[str]) -> str:
    """The office's spelling of a field ("AN NINH - TRẬT TỰ" -> "an ninh trật tự")."""
    key = _loose(text)
    for known in fields:
        if _loose(known) == key:
            return known
    letters = [ch for ch in text if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        text = text.lower()
    return canonical_field(text, fields)


def _value(cell: object, key: str, header: str, row: int, label: str, problems: list[Problem]) -> str:
    """A cell as the text a registration keeps; a date where words belong is reported."""
    if cell is None:
        return ""
    if isinstance(cell, bool) or isinstance(cell, (datetime, date, time)):
        problems.append(Problem(row, label, "import.wrong_type", {"column": key, "value": str(cell)}))
        return ""
    if isinstance(cell, (int, float)):
        number = int(cell) if isinstance(cell, int) or cell.is_integer() else cell
        if key == "locality" and isinstance(number, int):
            # A "Tổ" or "Ấp" column holding only the number: "Tổ" + 5.
            return f"{header} {number}".strip() if len(header.split()) <= 2 else str(number)
        if key in ("name", "summary", "field"):
            problems.append(Problem(row, label, "import.wrong_type", {"column": key, "value": str(number)}))
            return ""
        return str(number)
    return str(cell)


def _phone(value: str, row: int, label: str, problems: list[Problem]) -> str:
    digits = re.sub(r"[\s.\-]", "", value)
    if _CCCD.match(digits):
        problems.append(Problem(row, label, "import.id_in_phone", {}))
        return ""
    if _MOBILE_WITHOUT_ZERO.match(digits) and value.strip().isdigit():
        return "0" + digits  # a number cell lost the leading zero
    return value


def _existing(store: Store, meeting_id: int | None) -> dict[tuple[str, str], int]:
    if meeting_id is None:
        return {}
    with store.read() as s:
        rows = s.exec(
            select(Registration.name_key, Registration.summary_key, Registration.queue_position).where(
                Registration.meeting_id == meeting_id, Registration.status != "withdrawn"
            )
        ).all()
    return {(name, summary): position for name, summary, position in rows}


def duplicate_key(slip: Slip) -> tuple[str, str]:
    """Same person, same petition: folded name and folded content."""
    return fold(slip.name), fold(slip.summary)


def plan_import(
    store: Store,
    path: str | Path,
    *,
    meeting_id: int | None = None,
    sheet: str | None = None,
    mapping: dict[str, int | None] | None = None,
    header_row: int | None = None,
    source: str = "precompiled",
    progress: Callable[[int, int], None] | None = None,
) -> ImportPlan:
    """Read and check *path* without writing anything.

    *sheet* names the sheet (or the table's number) to use; *mapping* places columns by
    hand ({"locality": 2}, or None to leave a column out); *header_row* says which row
    is the header when the one found is wrong."""
    src = read_source(Path(path))
    plan = ImportPlan(path=str(path), format=src.format, encoding=src.encoding, grid=None, grids=[])
    grids = [_converted(g, plan) for g in src.grids]
    headers = {g.index: find_header(g) for g in grids}
    infos = []
    for each in grids:
        found = headers[each.index]
        count = _count_petitions(each, found) if found else 0
        infos.append(GridInfo(each.index, each.name, each.kind, each.hidden, count))
    plan.grids = infos
    grid, plan.needs_choice = _pick(grids, headers, infos, sheet)
    if sheet is not None:
        plan.needs_choice = False
    if grid is None:
        return plan
    plan.grid = next(i for i in infos if i.index == grid.index)
    header = headers[grid.index]
    if header is None and header_row is None:
        # No row names the columns: the first filled row is taken as their titles, so the
        # person placing them by hand sees what each holds.
        header_row = next((n for n, cells in grid.rows[:HEADER_SCAN] if not is_blank(cells)), None)
    if header_row is not None:
        position = next((i for i, (n, _) in enumerate(grid.rows) if n == header_row), None)
        if position is None:
            header = None
        else:
            texts = [text_of(c) for c in grid.rows[position][1]]
            named, dupes = map_columns(texts)
            header = Header((header_row,), position + 1, texts, named, dupes)
    columns = dict(header.mapping) if header else {}
    by_hand: set[str] = set()
    for key, index in (mapping or {}).items():
        if key not in KEYS:
            continue
        columns = {k: i for k, i in columns.items() if i != index and k != key}
        if index is not None:
            columns[key] = index
        by_hand.add(key)
    plan.mapping = columns
    plan.header_rows = header.rows if header else ()
    start = header.start if header else 0
    plan.columns = _columns(grid, header, columns, by_hand, start)
    for number, cells in grid.rows[:start]:
        if number not in plan.header_rows and not is_blank(cells):
            plan.skipped.append(Skipped(number, "title", row_text(cells)))
    if plan.missing:
        return plan
    _rows(store, grid, header, plan, start, source, meeting_id, progress)
    return plan


def _rows(
    store: Store,
    grid: Grid,
    header: Header | None,
    plan: ImportPlan,
    start: int,
    source: str,
    meeting_id: int | None,
    progress: Callable[[int, int], None] | None,
) -> None:
    fields = get_fields(store)
    mapping = plan.mapping
    texts = header.texts if header else []
    expected = header_keys(texts)
    labels = {key: column_label(grid.kind, index) for key, index in mapping.items()}
    heads = {key: (texts[index] if index < len(texts) else "") for key, index in mapping.items()}
    existing = _existing(store, meeting_id)
    seen: dict[tuple[str, str], int] = {}
    group = ""
    in_footer = False
    rows = grid.rows[start:]
    total = len(rows)
    for done, (number, cells) in enumerate(rows, start=1):
        if progress is not None and (done % 200 == 0 or done == total):
            progress(done, total)

        def cell(key: str, cells: list[Cell] = cells) -> Cell:
            index = mapping.get(key)
            return cells[index] if index is not None and index < len(cells) else None

        has_name, has_summary = bool(text_of(cell("name"))), bool(text_of(cell("summary")))
        person = has_name and has_summary
        if is_blank(cells):
            plan.skipped.append(Skipped(number, "blank"))
            continue
        if is_column_numbers(cells):
            plan.skipped.append(Skipped(number, "column_numbers", row_text(cells)))
            continue
        if is_repeated_header(cells, expected):
            plan.skipped.append(Skipped(number, "header_again", row_text(cells)))
            continue
        if not person and (in_footer or is_footer(cells)):
            in_footer = True
            plan.skipped.append(Skipped(number, "footer", row_text(cells)))
            continue
        if not person and is_subtotal(cells):
            plan.skipped.append(Skipped(number, "subtotal", row_text(cells)))
            continue
        heading = None if person else group_field(cells, mapping)
        if heading is not None:
            group = _field(heading, fields)
            plan.skipped.append(Skipped(number, "group", row_text(cells), {"field": group}))
            continue
        if not has_name and not has_summary:
            plan.skipped.append(Skipped(number, "no_content", row_text(cells)))
            continue
        problems: list[Problem] = []
        for key in IMPORTED:
            index = mapping.get(key)
            if index is not None and (number, index) in grid.formulas:
                problems.append(Problem(number, labels[key], "import.formula", {"cell": f"{labels[key]}{number}"}))
        values = {
            key: _value(cell(key), key, heads.get(key, ""), number, labels.get(key, ""), problems) for key in IMPORTED
        }
        if values["phone"]:
            values["phone"] = _phone(values["phone"], number, labels["phone"], problems)
        for key in REQUIRED:
            if not values[key].strip() and not any(p.column == labels[key] for p in problems):
                problems.append(Problem(number, labels[key], "import.missing_value", {"column": key}))
        if problems:
            plan.problems.extend(problems)
            continue
        from_group = not values["field"].strip() and bool(group)
        slip = Slip(
            name=values["name"],
            locality=values["locality"],
            field=_field(values["field"], fields) if values["field"].strip() else (group or OTHER),
            summary=values["summary"],
            phone=values["phone"],
            organisation=values["organisation"],
            source=source,
        )
        try:
            slip = clean_slip(slip, fields)
        except TextError as exc:
            key = str(exc.params.get("field", ""))
            label = labels.get(key) if key in labels else labels.get("phone") if exc.code.startswith("phone") else None
            plan.problems.append(Problem(number, label, exc.code, dict(exc.params)))
            continue
        dup_key = duplicate_key(slip)
        petition = Petition(number, slip, from_group)
        if dup_key in existing:
            petition = Petition(number, slip, from_group, "meeting", existing[dup_key])
        elif dup_key in seen:
            petition = Petition(number, slip, from_group, "file", seen[dup_key])
        else:
            seen[dup_key] = number
        plan.petitions.append(petition)
