"""The import preview as translated lines, the same for the command line and the screen.

Places are the file's own: "Dòng 26, cột E" in a sheet, "Bảng 1, dòng 12" in a Word
table; column keys are shown by their names, never as internal keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from models.errors import HoinghiError
from session.i18n import error_text, t

if TYPE_CHECKING:
    from session.domain.imports.preview import ImportPlan, Petition

PETITIONS_SHOWN = 1000  # on screen; the command line lists every one


def key_name(key: str) -> str:
    return t(f"import.key.{key}")


def grid_name(kind: str, name: str, hidden: bool = False) -> str:
    return t(f"import.grid.{kind}", name=name) + (t("import.grid.hidden") if hidden else "")


def place(kind: str, table: int, row: int | str, column: str | None = None) -> str:
    suffix = "_cell" if column else ""
    return t(f"import.place.{kind}{suffix}", table=table, row=row, column=column or "")


def explain(exc: HoinghiError) -> str:
    """An import refusal (or any error) as one sentence, keys turned into names."""
    if exc.code == "import.unsure":
        columns = ", ".join(key_name(k) for k in str(exc.params.get("columns", "")).split(",") if k)
        return error_text(HoinghiError(exc.code, **{**exc.params, "columns": columns}))
    return error_text(exc)


def problem_text(code: str, params: dict[str, object]) -> str:
    params = dict(params)
    for name in ("column", "field"):
        if name in params and f"import.key.{params[name]}" in _keys():
            params[name] = key_name(str(params[name]))
    return explain(HoinghiError(code, **params))


def _keys() -> set[str]:
    from session.i18n import _CATALOGS

    return set(_CATALOGS["vi"])


def _ranges(rows: list[int]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for row in rows:
        if spans and spans[-1][1] == row - 1:
            spans[-1] = (spans[-1][0], row)
        else:
            spans.append((row, row))
    return spans


def preview_lines(plan: ImportPlan, *, allow_duplicates: bool = False, screen: bool = False) -> list[str]:
    """Everything the person should see before importing, in reading order."""
    lines = [t("import.file", file=Path(plan.path).name, format=plan.format)]
    if plan.encoding:
        lines.append(t("import.encoding", encoding=plan.encoding))
    kind = plan.kind
    table = plan.grid.index if plan.grid else 0
    if len(plan.grids) > 1:
        lines.append(t("import.grids"))
        for info in plan.grids:
            name = grid_name(info.kind, info.name, info.hidden)
            key = "import.grid.found" if info.petitions else "import.grid.nothing"
            chosen = t("import.grid.chosen") if plan.grid and info.index == plan.grid.index else ""
            lines.append(t(key, grid=name, count=info.petitions) + chosen)
    elif plan.grid is not None:
        lines.append(t("import.reading_grid", grid=grid_name(kind, plan.grid.name, plan.grid.hidden)))
    if plan.grid is not None and plan.grid.hidden:
        lines.append(t("import.hidden_used", name=plan.grid.name))
    if plan.legacy:
        encoding = t(f"import.legacy.{plan.legacy}")
        lines.append(t("import.legacy", encoding=encoding, count=plan.conversion_count))
        for c in plan.conversions:
            lines.append(t("import.conversion", row=c.row, column=c.column, before=c.before, after=c.after))
    if plan.header_rows:
        lines.append(t("import.header", rows=", ".join(str(r) for r in plan.header_rows)))
    else:
        lines.append(t("import.no_header"))
    if plan.columns:
        lines.append(t("import.columns"))
    for col in plan.columns:
        header = col.header or "…"
        meaning = key_name(col.key) if col.key else ""  # every column but an unknown one has its key
        if col.status == "used":
            key = "import.column.by_hand" if col.by_hand else "import.column.used"
            lines.append(t(key, label=col.label, header=header, meaning=meaning))
        elif col.status == "left_out":
            reason = t(f"import.left_out.{col.key}")
            lines.append(t("import.column.left_out", label=col.label, header=header, meaning=meaning, reason=reason))
        elif col.status == "duplicate":
            lines.append(t("import.column.duplicate", label=col.label, header=header, meaning=meaning, other=col.other))
        else:
            key = "import.column.unknown_tui" if screen else "import.column.unknown"
            lines.append(t(key, label=col.label, header=header))
    refusal = plan.refusal(allow_duplicates)
    if plan.missing:
        lines.append(t("import.refused", reason=explain(refusal) if refusal else ""))
        return lines
    problem_rows = {p.row for p in plan.problems}
    lines.append(
        t(
            "import.summary",
            count=len(plan.to_import(allow_duplicates)),
            skipped=len(plan.skipped),
            problems=len(problem_rows),
        )
    )
    if plan.problems:
        lines.append(t("import.problems"))
        for p in plan.problems:
            lines.append(
                t("import.line", place=place(kind, table, p.row, p.column), message=problem_text(p.code, p.params))
            )
    if plan.skipped:
        lines.append(t("import.skipped"))
        lines += _skipped_lines(plan, kind, table)
    duplicates = plan.duplicates()
    if duplicates and not allow_duplicates:
        lines.append(t("import.duplicates_tui" if screen else "import.duplicates", count=len(duplicates)))
    if plan.petitions:
        lines.append(t("import.petitions"))
        shown = plan.petitions[:PETITIONS_SHOWN] if screen else plan.petitions
        for petition in shown:
            lines.append(petition_line(petition, kind, table))
        if len(plan.petitions) > len(shown):
            lines.append(t("import.more", count=len(plan.petitions) - len(shown)))
    lines.append(t("import.refused", reason=explain(refusal)) if refusal else t("import.ready"))
    return lines


def _skipped_lines(plan: ImportPlan, kind: str, table: int) -> list[str]:
    lines = []
    blanks = sorted(s.row for s in plan.skipped if s.reason == "blank")
    blank_spans = {first: last for first, last in _ranges(blanks)}
    for s in plan.skipped:
        if s.reason == "blank":
            if s.row not in blank_spans:
                continue
            last = blank_spans[s.row]
            row: int | str = s.row if last == s.row else t("import.rows_range", first=s.row, last=last)
        else:
            row = s.row
        reason = t(f"import.skip.{s.reason}", **s.params)
        text = f" — “{s.text}”" if s.text else ""
        lines.append(t("import.skip_line", place=place(kind, table, row), reason=reason, text=text))
    return lines


def petition_line(p: Petition, kind: str, table: int) -> str:
    slip = p.slip
    summary = slip.summary.replace("\n", " ")
    line = t(
        "import.petition",
        place=place(kind, table, p.row),
        name=slip.name,
        locality=slip.locality or "—",
        field=slip.field or "—",
        summary=summary if len(summary) <= 90 else summary[:89] + "…",
    )
    if p.duplicate == "file":
        line += t("import.dup.file", row=p.duplicate_of)
    elif p.duplicate == "meeting":
        line += t("import.dup.meeting", number=p.duplicate_of)
    return line
