"""The invitation list of a meeting: `hoinghi participants list|add|remove|import|present`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from session.cli import MEETING_ID, clock, common, fail, friendly, main, meeting_or_latest, open_store
from session.i18n import t

if TYPE_CHECKING:
    from models.store import Store
    from session.domain.participants import ParticipantView

_MEETING = click.option("--meeting", "meeting_id", type=MEETING_ID, default=None, help="cli.opt.meeting.current")


def _print(store: Store, meeting_id: int) -> None:
    from session.domain.participants import participants

    people = participants(store, meeting_id)
    if not people:
        click.echo(t("participants.empty"))
        return
    click.echo(t("participants.cli.header"))
    for p in people:
        mark = "✓" if p.present else "·"
        arrived = f" {p.arrived_at:%H:%M}" if p.arrived_at else ""
        click.echo(
            f"{p.position:>3} {mark}{arrived:<6} {p.name:<24} {t('participant.role.' + p.role):<14} "
            f"{p.title}{', ' if p.title and p.organisation else ''}{p.organisation} [{p.group or '—'}]"
        )
    present = sum(1 for p in people if p.present)
    click.echo(t("participants.count", present=present, total=len(people)))


def _one(store: Store, meeting_id: int, who: str) -> ParticipantView:
    """The participant numbered *who* on the list, or the only one whose name matches it."""
    from models.errors import HoinghiError
    from session.domain.participants import find, participants

    people = participants(store, meeting_id)
    if who.strip().isdigit():
        found = [p for p in people if p.position == int(who)]
    else:
        found = find(people, who)
    if not found:
        raise HoinghiError("participant.not_found")
    if len(found) > 1:
        raise HoinghiError("participant.ambiguous", query=who, names=", ".join(p.name for p in found[:6]))
    return found[0]


@main.group(name="participants")
def participants_group() -> None:
    """Danh sách đại biểu được mời của hội nghị; điểm danh tại cửa."""


@participants_group.command(name="list")
@common
@_MEETING
@click.pass_context
@friendly
def list_cmd(ctx: click.Context, meeting_id: int | None) -> None:
    """Liệt kê đại biểu (✓: đã có mặt)."""
    store = open_store(ctx)
    try:
        _print(store, meeting_or_latest(store, meeting_id))
    finally:
        store.close()


@participants_group.command(name="add")
@common
@_MEETING
@click.argument("name")
@click.option("--title", default="", help="cli.opt.participant.title")
@click.option("--body", "organisation", default="", help="cli.opt.participant.body")
@click.option("--group", default="", help="cli.opt.participant.group")
@click.option("--role", default="delegate", help="cli.opt.participant.role")
@click.pass_context
@friendly
def add_cmd(
    ctx: click.Context, meeting_id: int | None, name: str, title: str, organisation: str, group: str, role: str
) -> None:
    """Thêm một đại biểu vào danh sách mời."""
    from session.domain.participants import ParticipantDraft, add_participant

    store = open_store(ctx)
    try:
        meeting_id = meeting_or_latest(store, meeting_id)
        with store.action("participant.add", at=clock()(), meeting_id=meeting_id, actor="office") as tx:
            add_participant(tx, meeting_id, ParticipantDraft(name, title, organisation, group, role))
        _print(store, meeting_id)
    finally:
        store.close()


@participants_group.command(name="remove")
@common
@_MEETING
@click.argument("who")
@click.pass_context
@friendly
def remove_cmd(ctx: click.Context, meeting_id: int | None, who: str) -> None:
    """Bỏ một đại biểu khỏi danh sách (theo số thứ tự hoặc tên)."""
    from session.domain.participants import remove_participant

    store = open_store(ctx)
    try:
        meeting_id = meeting_or_latest(store, meeting_id)
        person = _one(store, meeting_id, who)
        with store.action("participant.remove", at=clock()(), meeting_id=meeting_id, actor="office") as tx:
            remove_participant(tx, person.id)
        _print(store, meeting_id)
    finally:
        store.close()


@participants_group.command(name="present")
@common
@_MEETING
@click.argument("who")
@click.option("--absent", is_flag=True, help="cli.opt.participant.absent")
@click.pass_context
@friendly
def present_cmd(ctx: click.Context, meeting_id: int | None, who: str, absent: bool) -> None:
    """Điểm danh tại cửa: đánh dấu đại biểu đã có mặt (số thứ tự hoặc tên, không cần dấu)."""
    from session.domain.participants import set_present

    now = clock()()
    store = open_store(ctx)
    try:
        meeting_id = meeting_or_latest(store, meeting_id)
        person = _one(store, meeting_id, who)
        with store.action("participant.present", at=now, meeting_id=meeting_id, actor="office") as tx:
            set_present(tx, person.id, not absent, at=now)
        click.echo(t("participants.ticked" if not absent else "participants.unticked", name=person.name))
    finally:
        store.close()


@participants_group.command(name="import")
@common
@_MEETING
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--sheet", default=None, help="cli.opt.participant.sheet")
@click.option("--dry-run", is_flag=True, help="cli.opt.participant.dry_run")
@click.pass_context
@friendly
def import_cmd(ctx: click.Context, meeting_id: int | None, file: str, sheet: str | None, dry_run: bool) -> None:
    """Nhập danh sách đại biểu từ bảng tính (.xlsx, .xls, .ods, .csv): tất cả các dòng hoặc không dòng nào."""
    from session.domain.participants import add_participants
    from session.domain.participants_reader import read_participants
    from session.i18n import row_error_text

    store = open_store(ctx)
    try:
        meeting_id = meeting_or_latest(store, meeting_id)
        sheet_data = read_participants(file, sheet=sheet)
        click.echo(
            t(
                "participants.import.preview",
                sheet=sheet_data.sheet,
                header=sheet_data.header_row,
                count=len(sheet_data.rows),
                errors=len(sheet_data.problems),
            )
        )
        for problem in sheet_data.problems:
            click.echo(row_error_text(problem.row, problem.code, problem.params), err=True)
        if sheet_data.problems:
            fail(t("error.import.has_errors", count=len(sheet_data.problems)))
        if dry_run:
            for row in sheet_data.rows:
                d = row.draft
                click.echo(f"{row.row:>4}  {d.name} — {d.title} — {d.organisation} [{d.group}] {d.role}")
            return
        with store.action("participant.import", at=clock()(), meeting_id=meeting_id, actor="office") as tx:
            added = add_participants(tx, meeting_id, [r.draft for r in sheet_data.rows])
        click.echo(t("participants.imported", count=len(added)))
    finally:
        store.close()
