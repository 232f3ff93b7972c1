"""Imports from files: the compiled list of petitions (and, later, archives)."""

from __future__ import annotations

import click

from session.cli import MEETING_ID, clock, common, desk_id, fail, friendly, main, open_store
from session.i18n import t


@main.group(name="import")
def import_group() -> None:
    """Nhập dữ liệu từ tệp (import from files)."""


def _mapping(maps: tuple[str, ...]) -> dict[str, int | None]:
    from session.domain.imports.columns import KEYS
    from session.domain.imports.sources import parse_column

    mapping: dict[str, int | None] = {}
    for item in maps:
        key, _, column = item.partition("=")
        key, column = key.strip(), column.strip()
        if key not in KEYS:
            raise click.BadParameter(f"{item} ({', '.join(KEYS)})", param_hint="--map")
        if column in ("-", ""):
            mapping[key] = None
            continue
        index = parse_column("sheet", column)
        if index is None:
            raise click.BadParameter(item, param_hint="--map")
        mapping[key] = index
    return mapping


@import_group.command(name="speakers")
@common
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--meeting", "meeting_id", type=MEETING_ID, required=True, help="cli.opt.meeting.number")
@click.option("--sheet", default=None, help="cli.opt.import.sheet")
@click.option("--table", default=None, help="cli.opt.import.table")
@click.option(
    "--map",
    "maps",
    multiple=True,
    metavar="KEY=COLUMN",
    help="cli.opt.import.map",
)
@click.option("--allow-duplicates", is_flag=True, help="cli.opt.import.allow_duplicates")
@click.option("--dry-run", is_flag=True, help="cli.opt.import.dry_run")
@click.pass_context
@friendly
def import_speakers(
    ctx: click.Context,
    file: str,
    meeting_id: int,
    sheet: str | None,
    table: str | None,
    maps: tuple[str, ...],
    allow_duplicates: bool,
    dry_run: bool,
) -> None:
    """Nhập danh sách tổng hợp ý kiến (.xlsx, .xls, .ods, .csv, bảng Word): tất cả các dòng hoặc không dòng nào."""
    from models.errors import HoinghiError
    from session.domain.imports import plan_import, run_import
    from session.domain.meetings import meeting_view
    from session.i18n.import_preview import explain, preview_lines

    mapping = _mapping(maps)
    store = open_store(ctx)
    try:
        meeting_view(store, meeting_id)
        plan = plan_import(store, file, meeting_id=meeting_id, sheet=table or sheet, mapping=mapping or None)
        for line in preview_lines(plan, allow_duplicates=allow_duplicates):
            click.echo(line)
        refusal = plan.refusal(allow_duplicates)
        if refusal is not None:
            fail(explain(refusal))
        if dry_run:
            return
        try:
            result = run_import(
                store,
                meeting_id,
                plan,
                at=clock()(),
                actor="import",
                desk=desk_id("import"),
                allow_duplicates=allow_duplicates,
            )
        except HoinghiError as exc:
            fail(explain(exc))
    finally:
        store.close()
    if result.duplicates_left_out:
        click.echo(t("import.done_dupes", count=result.imported, dupes=result.duplicates_left_out))
    else:
        click.echo(t("import.done", count=result.imported))
