"""Meetings: open the app, create, list, the demo, agenda templates, particulars."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from session.cli import (
    MEETING_ID,
    PLAN_ID,
    clock,
    common,
    desk_id,
    friendly,
    main,
    meeting_or_latest,
    open_store,
    run_app,
)
from session.i18n import t

if TYPE_CHECKING:
    from session.domain.units import Unit


@main.command()
@common
@click.option("--meeting", "meeting_id", type=MEETING_ID, default=None, help="cli.opt.meeting.open")
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
@click.option("--template", default="doi-thoai", show_default=True, help="cli.opt.new.template")
@click.option("--title", default=None, help="cli.opt.new.title")
@click.option("--venue", default="", help="cli.opt.new.venue")
@click.option("--place", default="", help="cli.opt.new.place")
@click.option("--date", "day", default=None, help="cli.opt.new.date")
@click.option("--start", default=None, help="cli.opt.new.start")
@click.option("--unit", default=None, help="cli.opt.new.unit")
@click.option("--province", default="", help="cli.opt.new.province")
@click.option("--unit-code", default=None, help="cli.opt.new.unit_code")
@click.option(
    "--issuing-body",
    default="",
    help="cli.opt.new.issuing_body",
)
@click.option("--residential", default="", help="cli.opt.new.residential")
@click.option("--cluster", default="", help="cli.opt.new.cluster")
@click.option("--plan", "plan_id", type=PLAN_ID, default=None, help="cli.opt.new.plan")
@click.option("--localities", default="", help="cli.opt.new.localities", hidden=True)
@click.pass_context
@friendly
def new(
    ctx: click.Context,
    template: str,
    title: str | None,
    venue: str,
    place: str,
    day: str | None,
    start: str | None,
    unit: str | None,
    province: str,
    unit_code: str | None,
    issuing_body: str,
    residential: str,
    cluster: str,
    plan_id: int | None,
    localities: str,
) -> None:
    """Tạo hội nghị mới từ mẫu chương trình; in ra số hội nghị."""
    from session.domain.dates import parse_date, parse_time
    from session.domain.meetings import create_meeting

    chosen: Unit | None = None
    if unit_code:
        from session.domain.units import unit_by_code

        chosen = unit_by_code(unit_code)
    elif unit:
        chosen = pick_unit(unit, province)
    planned_day = parse_date(day) if day else None
    planned_start = parse_time(start) if start else None
    if chosen is None and not issuing_body.strip() and plan_id is None and _new_database(ctx):
        # Nothing names the unit and a new database holds no office settings that could:
        # refused before the database is made, not after.
        from models.errors import HoinghiError

        raise HoinghiError("meeting.no_unit")
    store = open_store(ctx, create=True)
    try:
        meeting_id = create_meeting(
            store,
            at=clock()(),
            template=template,
            title=title,
            venue=venue,
            place=place,
            day=planned_day,
            start=planned_start,
            issuing_body=issuing_body,
            unit=chosen,
            residential=residential,
            cluster=cluster,
            plan_id=plan_id,
            localities=localities,
            require_unit=True,
        )
        from session.cli.planning import warn_short_notice
        from session.domain.meetings import meeting_view

        click.echo(t("cli.new.created", id=meeting_id, title=meeting_view(store, meeting_id).title), err=True)

        warn_short_notice(store, planned_day, clock()().date(), plan_id)
    finally:
        store.close()
    click.echo(meeting_id)


def _new_database(ctx: click.Context) -> bool:
    """Whether the database ``--db`` names (or the user's own) is an SQLite file not made yet."""
    from models.store import resolve_url, sqlite_path

    try:
        path = sqlite_path(resolve_url(ctx.obj.get("db") if ctx.obj else None))
    except Exception:  # noqa: BLE001 — a URL hoinghi cannot read: opening it says so, in one line
        return False
    return path is not None and not path.exists()


def pick_unit(query: str, province: str = "") -> Unit:
    """The one official unit *query* (and *province*) names, or a clear refusal."""
    from models.errors import HoinghiError
    from session.domain.units import named, search_units

    found = search_units(f"{query} {province}".strip(), limit=200)
    candidates = named(query, found) or found
    if not candidates:
        raise HoinghiError("unit.not_found", query=query)
    if len(candidates) > 1:
        shown = "; ".join(f"{u.label} ({u.code})" for u in candidates[:8])
        raise HoinghiError("unit.ambiguous", query=query, count=len(candidates), units=shown)
    return candidates[0]


@main.command()
@common
@click.argument("query", nargs=-1, required=True)
@friendly
def units(query: tuple[str, ...]) -> None:
    """Tìm đơn vị hành chính trong danh mục chính thức (không cần dấu), in mã và tên."""
    from session.domain.units import search_units

    text = " ".join(query)
    found = search_units(text, limit=100)
    if not found:
        click.echo(t("cli.units.none", query=text))
        return
    for unit in found:
        click.echo(t("cli.units.row", code=unit.code, unit=unit.label))


@main.command(name="list")
@common
@click.pass_context
@friendly
def list_cmd(ctx: click.Context) -> None:
    """Liệt kê các hội nghị."""
    from session.cli.table import echo_table
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
    rows = [(m.id, fmt_date(m.day), t("status." + m.status), m.title) for m in meetings]
    echo_table(t("cli.list.header"), rows)


@main.command()
@common
@click.option("--copy", "copy_name", default=None, help="cli.opt.templates.copy")
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
@click.option("--no-tui", is_flag=True, help="cli.opt.demo.no_tui")
@click.option("--finished", is_flag=True, help="cli.opt.demo.finished")
@click.option("--new", "fresh", is_flag=True, help="cli.opt.demo.new")
@click.pass_context
@friendly
def demo(ctx: click.Context, no_tui: bool, finished: bool, fresh: bool) -> None:
    """Tạo (hoặc mở lại) hội nghị mẫu (một đơn vị hư cấu: Hòa An)."""
    from session.domain.demo import create_demo, find_demo

    store = open_store(ctx, create=True)
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
@click.option("--meeting", "meeting_id", type=MEETING_ID, default=None, help="cli.opt.meeting.current")
@click.option(
    "--set",
    "pairs",
    multiple=True,
    metavar="NAME=VALUE",
    help="cli.opt.details.set",
)
@click.option(
    "--group",
    "groups",
    multiple=True,
    metavar="NAME=PRESENT/INVITED",
    help="cli.opt.details.group",
)
@click.pass_context
@friendly
def details_cmd(ctx: click.Context, meeting_id: int | None, pairs: tuple[str, ...], groups: tuple[str, ...]) -> None:
    """Thông tin hội nghị: đơn vị hành chính, chủ trì, thư ký, số văn bản, người ký, nơi nhận,
    ngày thông báo, thành phần và số người có mặt."""
    from models.errors import HoinghiError
    from session.domain.dates import fmt_date, fmt_time, parse_date, parse_time
    from session.domain.meeting_details import (
        LIST_FIELDS,
        NUMBER_FIELDS,
        SETTABLE,
        Attendance,
        meeting_details,
        update_details,
    )

    dates = {"date": "planned_date", "notice_date": "notice_date"}
    names = (*SETTABLE, "date", "start", "notice_date")
    store = open_store(ctx)
    try:
        meeting_id = meeting_or_latest(store, meeting_id)
        details = meeting_details(store, meeting_id)
        if pairs or groups:
            changes: dict[str, Any] = {}
            for pair in pairs:
                name, sep, value = pair.partition("=")
                name = name.strip()
                if not sep or name not in names:
                    raise HoinghiError("details.unknown", name=name, names=", ".join(names))
                if name in dates:
                    changes[dates[name]] = parse_date(value) if value.strip() else None
                elif name == "start":
                    changes["planned_start"] = parse_time(value) if value.strip() else None
                elif name in LIST_FIELDS:
                    changes[name] = tuple(value.split(";"))
                else:
                    changes[name] = value
            rows = list(details.groups)
            for spec in groups:
                name, sep, counts = spec.partition("=")
                if not sep or not name.strip():
                    raise HoinghiError("attendance.group_spec", spec=spec)
                present, _slash, invited = counts.partition("/")
                index = next((i for i, g in enumerate(rows) if g.name.casefold() == name.strip().casefold()), None)
                if not counts.strip():
                    if index is not None:
                        rows.pop(index)
                    continue
                # The counts go as typed: update_details checks them and names the group of a bad one.
                row = Attendance(name.strip(), invited.strip() or 0, present.strip() or 0)  # type: ignore[arg-type]  # counts as text, checked by the domain
                if index is None:
                    rows.append(row)
                else:
                    rows[index] = Attendance(rows[index].name, row.expected, row.present, rows[index].id)
            update_details(
                store,
                meeting_id,
                details.edit(**changes, groups=tuple(rows)),
                at=clock()(),
                actor="office",
                desk=desk_id("office"),
            )
            details = meeting_details(store, meeting_id)
        # Each particular by its label as the form shows it, then its value, then the name
        # `--set NAME=VALUE` changes it by.
        shown: list[tuple[str, str, str]] = []
        for name in SETTABLE:
            value = getattr(details, name)
            if name in LIST_FIELDS:
                value = "; ".join(value)
            elif name in NUMBER_FIELDS:
                value = f"{float(value):g}"
            shown.append((t(f"field.{name}"), str(value), name))
        shown.append((t("details.date"), fmt_date(details.planned_date), "date"))
        shown.append((t("details.start"), fmt_time(details.planned_start), "start"))
        shown.append((t("field.notice_date"), fmt_date(details.notice_date), "notice_date"))
        width = max(len(label) for label, _value, _name in shown)
        for label, value, name in shown:
            click.echo(f"{label:<{width}}  {value or '—'}  [{name}]")
        for group in details.groups:
            click.echo(f"{t('details.group'):<{width}}  {group.name}={group.present}/{group.expected}  [--group]")
    finally:
        store.close()
