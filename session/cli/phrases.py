"""The standard phrases (câu mẫu) the secretary inserts into the notes: `hoinghi phrases`."""

from __future__ import annotations

import click

from session.cli import common, friendly, main
from session.i18n import t


@main.command()
@common
@click.option("--edit", is_flag=True, help="cli.opt.phrases.edit")
@click.option("--copy", "copy_only", is_flag=True, help="cli.opt.phrases.copy")
@friendly
def phrases(edit: bool, copy_only: bool) -> None:
    """Câu mẫu cho ghi chép (phím T): liệt kê; sửa bằng --edit (bản của bạn nằm trong thư mục cấu hình)."""
    from session.domain.phrases import editable_phrases_file, load_phrases, phrases_file, user_phrases_file

    if edit or copy_only:
        path, copied = editable_phrases_file()
        if copied:
            click.echo(t("cli.phrases.copied", path=path))
        if edit:
            click.edit(filename=str(path))
    path = phrases_file()
    click.echo(t("cli.phrases.file", path=path))
    if path != user_phrases_file():
        click.echo(t("cli.phrases.builtin", path=user_phrases_file()))
    for n, phrase in enumerate(load_phrases(), start=1):
        click.echo(f"{n:>3}. {phrase}")
