"""Imports from files: the compiled list of petitions (and, later, archives)."""

from __future__ import annotations

import click

from session.cli import clock, common, desk_id, fail, friendly, main, open_store
from session.i18n import t


@main.group(name="import")
def import_group() -> None:
    """Nhập dữ liệu từ tệp (import from files)."""


@import_group.command(name="speakers")
@common
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--meeting", "meeting_id", type=int, required=True, help="Meeting number.")
@click.option("--sheet", default=None, help="Sheet name (default: the first).")
@click.option(
    "--map",
    "maps",
    multiple=True,
    metavar="COLUMN=LETTER",
    help="Map a column by hand: name, locality, field, summary, phone (e.g. summary=E).",
)
@click.option("--dry-run", is_flag=True, help="Check and show the preview; write nothing.")
@click.pass_context
@friendly
def import_speakers(ctx, file, meeting_id, sheet, maps, dry_run) -> None:
    """Nhập danh sách tổng hợp ý kiến (.xlsx/.csv): tất cả các dòng hoặc không dòng nào."""
    from openpyxl.utils import column_index_from_string

    from session.domain.importer import plan_import, run_import
    from session.domain.meetings import meeting_view
    from session.i18n import row_error_text

    mapping = {}
    for item in maps:
        key, _, letter = item.partition("=")
        try:
            mapping[key.strip()] = column_index_from_string(letter.strip().upper()) - 1
        except ValueError:
            raise click.BadParameter(item, param_hint="--map") from None
    store = open_store(ctx)
    try:
        meeting_view(store, meeting_id)
        plan = plan_import(store, file, sheet=sheet, mapping=mapping or None)
        click.echo(
            t(
                "import.preview",
                sheet=plan.sheet,
                header=plan.header_row or "—",
                count=len(plan.slips),
                errors=len(plan.errors),
            )
        )
        for error in plan.errors:
            click.echo(row_error_text(error.row, error.code, error.params), err=True)
        if dry_run:
            if plan.unsure:
                fail(t("import.unsure"))
            return
        count = run_import(store, meeting_id, plan, at=clock()(), actor="import", desk=desk_id("import"))
    finally:
        store.close()
    click.echo(t("import.done", count=count))
