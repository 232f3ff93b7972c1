"""Meetings: open the app, create, list, the demo, agenda templates, particulars."""

from __future__ import annotations

import click

from session.cli import clock, common, friendly, main, meeting_or_latest, open_store, run_app
from session.i18n import t


@main.command()
@common
@click.option("--meeting", "meeting_id", type=int, default=None, help="Open this meeting directly.")
@click.pass_context
@friendly
def run(ctx: click.Context, meeting_id: int | None) -> None:
    """Mở ứng dụng (open the app)."""
    store = open_store(ctx)
    if meeting_id is not None:
        from session.domain.meetings import meeting_view

        meeting_view(store, meeting_id)  # a clear message now rather than inside the app
    run_app(store, meeting_id)


@main.command()
@common
@click.option(
    "--template", default="doi-thoai", show_default=True, help="Agenda template name (see `hoinghi templates`)."
)
@click.option("--title", default=None, help="Meeting title (default: the template's).")
@click.option("--venue", default="", help="Venue (địa điểm).")
@click.option("--place", default="", help="Place name written on documents (địa danh).")
@click.option("--date", "day", default=None, help="Date, dd/mm/yyyy.")
@click.option("--start", default=None, help="Start time, hh:mm (default: the template's).")
@click.option("--issuing-body", default="", help="Issuing body typed by hand, e.g. ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN (sets the unit it names).")
@click.pass_context
@friendly
def new(ctx, template, title, venue, place, day, start, issuing_body) -> None:
    """Tạo hội nghị mới từ mẫu chương trình; in ra số hội nghị."""
    from session.domain.dates import parse_date, parse_time
    from session.domain.meetings import create_meeting

    store = open_store(ctx)
    try:
        meeting_id = create_meeting(
            store,
            at=clock()(),
            template=template,
            title=title,
            venue=venue,
            place=place,
            day=parse_date(day) if day else None,
            start=parse_time(start) if start else None,
            issuing_body=issuing_body,
        )
    finally:
        store.close()
    click.echo(meeting_id)


@main.command(name="list")
@common
@click.pass_context
@friendly
def list_cmd(ctx: click.Context) -> None:
    """Liệt kê các hội nghị."""
    from session.domain.dates import fmt_date
    from session.domain.meetings import list_meetings

    store = open_store(ctx)
    try:
        meetings = list_meetings(store)
    finally:
        store.close()
    if not meetings:
        click.echo(t("cli.list.empty"))
        return
    click.echo(t("cli.list.header"))
    for m in meetings:
        click.echo(f"{m.id:<4} {fmt_date(m.planned_date):<11} {t('status.' + m.status):<15} {m.title}")


@main.command()
@common
@click.option("--copy", "copy_name", default=None, help="Copy a built-in template into your folder to edit it.")
@friendly
def templates(copy_name: str | None) -> None:
    """Liệt kê các mẫu chương trình hội nghị."""
    from session.domain.templates import copy_template, list_templates, user_template_dir

    if copy_name:
        click.echo(t("cli.templates.copied", name=copy_name, path=copy_template(copy_name)))
        return
    click.echo(t("cli.templates.header", folder=user_template_dir()))
    for tpl in list_templates():
        click.echo(
            t(
                "cli.templates.row",
                name=tpl.name,
                steps=len(tpl.steps),
                minutes=tpl.minutes,
                title=tpl.title,
                path=tpl.path,
            )
        )


@main.command()
@common
@click.option("--no-tui", is_flag=True, help="Create the demo meeting, print its number and exit.")
@click.option("--finished", is_flag=True, help="The same meeting, fully held (ready to export).")
@click.option("--new", "fresh", is_flag=True, help="Always create a new demo meeting.")
@click.pass_context
@friendly
def demo(ctx: click.Context, no_tui: bool, finished: bool, fresh: bool) -> None:
    """Tạo (hoặc mở lại) hội nghị mẫu (một đơn vị hư cấu: Hòa An)."""
    from session.domain.demo import create_demo, find_demo

    store = open_store(ctx)
    meeting_id = None if fresh else find_demo(store, finished=finished)
    if meeting_id is None:
        meeting_id = create_demo(store, at=clock()(), finished=finished)
    if no_tui:
        store.close()
        click.echo(meeting_id)
        return
    run_app(store, meeting_id)


@main.command(name="details")
@common
@click.option("--meeting", "meeting_id", type=int, default=None, help="Meeting (default: the one in session).")
@click.option(
    "--set",
    "pairs",
    multiple=True,
    metavar="NAME=VALUE",
    help="Change a particular, e.g. chair='Hoàng Văn Thắng' chair_title='Chủ tịch UBND phường' minutes_number=12 unit_code=19009 notice_date=20/03/2026.",
)
@click.option(
    "--group",
    "groups",
    multiple=True,
    metavar="NAME=PRESENT/INVITED",
    help="Attendance of a group, e.g. 'Khách mời=18/20' (a new name adds the group; '=' alone removes it).",
)
@click.pass_context
@friendly
def details_cmd(ctx, meeting_id, pairs, groups) -> None:
    """Thông tin hội nghị: chủ trì, thư ký, số văn bản, thành phần và số người có mặt."""
    from models.errors import HoinghiError
    from session.domain.dates import fmt_date, fmt_time, parse_date, parse_time
    from session.domain.meeting_details import TEXT_FIELDS, Attendance, meeting_details, update_details

    store = open_store(ctx)
    try:
        meeting_id = meeting_or_latest(store, meeting_id)
        details = meeting_details(store, meeting_id)
        if pairs or groups:
            changes: dict = {}
            for pair in pairs:
                name, sep, value = pair.partition("=")
                name = name.strip()
                if not sep or name not in (*TEXT_FIELDS, "date", "start"):
                    raise HoinghiError("details.unknown", name=name, names=", ".join((*TEXT_FIELDS, "date", "start")))
                if name == "date":
                    changes["planned_date"] = parse_date(value) if value.strip() else None
                elif name == "start":
                    changes["planned_start"] = parse_time(value) if value.strip() else None
                else:
                    changes[name] = value
            rows = list(details.groups)
            for spec in groups:
                name, _sep, counts = spec.partition("=")
                present, _slash, invited = counts.partition("/")
                index = next((i for i, g in enumerate(rows) if g.name.casefold() == name.strip().casefold()), None)
                if not counts.strip():
                    if index is not None:
                        rows.pop(index)
                    continue
                row = Attendance(name.strip(), invited.strip() or 0, present.strip() or 0)  # type: ignore[arg-type]
                if index is None:
                    rows.append(row)
                else:
                    rows[index] = Attendance(rows[index].name, row.expected, row.present, rows[index].id)
            update_details(store, meeting_id, details.edit(**changes, groups=tuple(rows)), at=clock()())
            details = meeting_details(store, meeting_id)
        for name in TEXT_FIELDS:
            click.echo(f"{name:<16} {getattr(details, name)}")
        click.echo(f"{'date':<16} {fmt_date(details.planned_date)}")
        click.echo(f"{'start':<16} {fmt_time(details.planned_start)}")
        for group in details.groups:
            click.echo(f"{'group':<16} {group.name}={group.present}/{group.expected}")
    finally:
        store.close()
