"""The meeting's archive: `hoinghi import json FILE` brings a meeting exported with
`hoinghi export json` into this database as a new meeting (ids renumbered, history kept)."""

from __future__ import annotations

import click

from session.cli import clock, common, friendly, open_store
from session.cli.imports import import_group
from session.i18n import t


@import_group.command(name="json")
@common
@click.argument("file", type=click.Path(dir_okay=False))
@click.pass_context
@friendly
def import_json(ctx: click.Context, file: str) -> None:
    """Nhập hồ sơ lưu trữ của một hội nghị (.json do `hoinghi export json` xuất) thành hội nghị mới."""
    from session.domain.archive import import_file, read_archive

    read_archive(file)  # a file that is not an archive is refused before the database is opened
    store = open_store(ctx, create=True)
    try:
        done = import_file(store, file, at=clock()())
    finally:
        store.close()
    click.echo(t("archive.imported", id=done.meeting_id, title=done.title, rows=done.rows, events=done.events))
