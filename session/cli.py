"""The command line: ``hoinghi``. Heavy modules (Textual, python-docx) load only when used."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

import click

from session import __version__
from session.i18n import error_text, set_language, t


def _fail(message: str) -> None:
    click.echo(f"hoinghi: {message}", err=True)
    sys.exit(1)


def friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn every error meant for a person into one clear line and a non-zero exit."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from models.errors import HoinghiError

        try:
            return fn(*args, **kwargs)
        except HoinghiError as exc:
            _fail(error_text(exc))
        except BrokenPipeError:  # `hoinghi followup | head`: the reader has had enough
            sys.stderr.close()
            sys.exit(0)
        except OSError as exc:
            _fail(f"{exc.strerror or exc} ({exc.filename or ''})")

    return wrapper


def _open_store(ctx: click.Context):
    from models.store import Store

    return Store.open(ctx.obj["db"])


def _clock():
    from session.clock import system_clock

    return system_clock


def _set_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        ctx.ensure_object(dict)["db"] = value


def _set_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        set_language(value)


def common(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--db`` and ``--lang`` are accepted after the sub-command too."""
    fn = click.option("--db", expose_value=False, callback=_set_db, help="Database file or URL.")(fn)
    return click.option(
        "--lang", expose_value=False, callback=_set_lang, type=click.Choice(["vi", "en"]), help="vi or en."
    )(fn)


@click.group(invoke_without_command=True)
@click.option("--db", envvar="HOINGHI_DB", help="Database: a file path or a URL (sqlite:///…, postgresql+psycopg://…).")
@click.option(
    "--lang", envvar="HOINGHI_LANG", type=click.Choice(["vi", "en"]), default=None, help="vi (default) or en."
)
@click.version_option(__version__, prog_name="hoinghi")
@click.pass_context
def main(ctx: click.Context, db: str | None, lang: str | None) -> None:
    """hoinghi — điều hành hội nghị đối thoại, ghi biên bản và thông báo kết luận."""
    set_language(lang)
    ctx.ensure_object(dict)
    ctx.obj.setdefault("db", db)
    if ctx.invoked_subcommand is None:
        ctx.invoke(run)


@main.command()
@common
@click.option("--meeting", "meeting_id", type=int, default=None, help="Open this meeting directly.")
@click.pass_context
@friendly
def run(ctx: click.Context, meeting_id: int | None) -> None:
    """Mở ứng dụng (open the app)."""
    store = _open_store(ctx)
    if meeting_id is not None:
        from session.domain.meetings import meeting_view

        meeting_view(store, meeting_id)  # a clear message now rather than inside the app
    _run_app(store, meeting_id)


def _run_app(store, meeting_id: int | None, mode: str = "console") -> None:
    from session.tui.app import HoinghiApp

    app = HoinghiApp(store, meeting_id=meeting_id, clock=_clock(), mode=mode)
    try:
        app.run()
    finally:
        store.close()
    if app.return_code:
        sys.exit(app.return_code)


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
@click.option("--issuing-body", default="", help="Issuing body, e.g. ỦY BAN NHÂN DÂN XÃ HÒA AN.")
@click.pass_context
@friendly
def new(ctx, template, title, venue, place, day, start, issuing_body) -> None:
    """Tạo hội nghị mới từ mẫu chương trình; in ra số hội nghị."""
    from session.domain.dates import parse_date, parse_time
    from session.domain.meetings import create_meeting

    store = _open_store(ctx)
    try:
        meeting_id = create_meeting(
            store,
            at=_clock()(),
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

    store = _open_store(ctx)
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
    """Tạo (hoặc mở lại) hội nghị mẫu của xã Hòa An."""
    from session.domain.demo import create_demo, find_demo

    store = _open_store(ctx)
    meeting_id = None if fresh else find_demo(store, finished=finished)
    if meeting_id is None:
        meeting_id = create_demo(store, at=_clock()(), finished=finished)
    if no_tui:
        store.close()
        click.echo(meeting_id)
        return
    _run_app(store, meeting_id)


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
    store = _open_store(ctx)
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
                _fail(t("import.unsure"))
            return
        count = run_import(store, meeting_id, plan, at=_clock()())
    finally:
        store.close()
    click.echo(t("import.done", count=count))


def _weekday(day) -> str:
    from session.domain.dates import WEEKDAYS_EN, WEEKDAYS_VI
    from session.i18n import language

    return (WEEKDAYS_VI if language() == "vi" else WEEKDAYS_EN)[day.weekday()]


@main.command()
@common
@click.option("--meeting", "meeting_id", type=int, default=None, help="Only this meeting (default: all).")
@click.option("--today", default=None, help="Count days from this date (dd/mm/yyyy) instead of today.")
@click.pass_context
@friendly
def followup(ctx, meeting_id, today) -> None:
    """Theo dõi việc giao sau hội nghị: hạn, số ngày làm việc còn lại hoặc quá hạn."""
    from session.domain.dates import fmt_date, parse_date
    from session.domain.followup import followup_items

    day = parse_date(today) if today else _clock()().date()
    store = _open_store(ctx)
    try:
        items = followup_items(store, day, meeting_id)
    finally:
        store.close()
    click.echo(t("followup.title", today=fmt_date(day)))
    if not items:
        click.echo(t("followup.empty"))
        return
    click.echo(t("followup.cli.header"))
    for item in items:
        if item.status == "replied":
            left = f"{item.reply_number} {fmt_date(item.reply_date)}"
        elif item.overdue:
            left = t("followup.overdue", days=-item.working_days_left)
        else:
            left = t("followup.left", days=item.working_days_left)
        click.echo(
            t(
                "followup.cli.row",
                deadline=fmt_date(item.deadline),
                weekday=_weekday(item.deadline),
                left=left,
                status=t(f"followup.{item.status}"),
                agency=item.lead_agency,
                content=item.content[:90],
                localities=item.localities or "—",
            )
        )


@main.command()
@common
@click.option("--meeting", "meeting_id", type=int, required=True, help="Meeting number.")
@click.pass_context
@friendly
def history(ctx, meeting_id) -> None:
    """Nhật ký thao tác của một hội nghị: ai đổi gì, lúc nào."""
    from session.domain.history import history_rows

    store = _open_store(ctx)
    try:
        rows = history_rows(store, meeting_id)
    finally:
        store.close()
    for row in rows:
        undone = t("history.undone") if row.undone else ""
        click.echo(
            f"{row.at:%d/%m/%Y %H:%M:%S}  {t('actor.' + row.actor):<18} {t('action.' + row.action)}{undone}: {row.detail}"
        )


@main.command(name="calendar")
@common
@click.option("--off", "off_day", default=None, help="Add an extra day off (dd/mm/yyyy).")
@click.option("--work", "work_day", default=None, help="Add a working Saturday (dd/mm/yyyy).")
@click.option("--remove", "remove_day", default=None, help="Remove an office day (dd/mm/yyyy).")
@click.option("--note", default="", help="Why (shown in the list).")
@click.pass_context
@friendly
def calendar_cmd(ctx, off_day, work_day, remove_day, note) -> None:
    """Ngày nghỉ thêm và ngày làm bù của cơ quan (dùng để tính hạn theo ngày làm việc)."""
    from session.domain.calendar import office_days, set_office_day
    from session.domain.dates import fmt_date, parse_date

    store = _open_store(ctx)
    try:
        for value, kind in ((off_day, "off"), (work_day, "work"), (remove_day, "")):
            if value:
                set_office_day(store, parse_date(value), kind, note, at=_clock()())
        click.echo(t("calendar.title"))
        for day, kind, text in office_days(store):
            click.echo(f"{fmt_date(day)} {_weekday(day):<9} {t('calendar.' + kind):<8} {text}")
    finally:
        store.close()


@main.command(name="export")
@common
@click.argument("kind", type=click.Choice(["minutes", "conclusion", "followup", "json"]))
@click.option("--meeting", "meeting_id", type=int, required=True, help="Meeting number.")
@click.option("--out", "out", required=True, help="File to write, or a folder ending in /.")
@click.option("--pdf", is_flag=True, help="Also a PDF (needs LibreOffice's soffice).")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@click.option("--date", "issued", default=None, help="Date of the notice (dd/mm/yyyy; default today).")
@click.pass_context
@friendly
def export_cmd(ctx, kind, meeting_id, out, pdf, force, issued) -> None:
    """Xuất biên bản, thông báo kết luận, bảng theo dõi (.xlsx) hoặc JSON của hội nghị."""
    from exports.run import export
    from session.domain.dates import parse_date
    from session.domain.meetings import meeting_view

    today = parse_date(issued) if issued else _clock()().date()
    store = _open_store(ctx)
    try:
        meeting_view(store, meeting_id)
        paths = export(store, meeting_id, kind, out, today=today, force=force, pdf=pdf)
    finally:
        store.close()
    for path in paths:
        click.echo(t("export.written", path=path))


@main.command(name="settings")
@common
@click.option(
    "--set",
    "pairs",
    multiple=True,
    metavar="NAME=VALUE",
    help="Change a setting, e.g. issuing_body='ỦY BAN NHÂN DÂN XÃ HÒA AN' or recipients='A;B;C'.",
)
@click.pass_context
@friendly
def settings_cmd(ctx, pairs) -> None:
    """Cài đặt của văn phòng dùng cho mọi văn bản xuất ra (cơ quan, địa danh, người ký, nơi nhận…)."""
    from dataclasses import asdict

    from session.domain.settings import get_settings, update_settings

    store = _open_store(ctx)
    try:
        if pairs:
            changes = {}
            for pair in pairs:
                name, sep, value = pair.partition("=")
                if not sep:
                    raise click.BadParameter(pair, param_hint="--set")
                changes[name.strip()] = value
            update_settings(store, at=_clock()(), **changes)
        for name, value in asdict(get_settings(store)).items():
            shown = "; ".join(value) if isinstance(value, (list, tuple)) else value
            click.echo(f"{name:<22} {shown}")
    finally:
        store.close()


@main.command(name="details")
@common
@click.option("--meeting", "meeting_id", type=int, default=None, help="Meeting (default: the one in session).")
@click.option(
    "--set",
    "pairs",
    multiple=True,
    metavar="NAME=VALUE",
    help="Change a particular, e.g. chair='Hoàng Văn Thắng' chair_title='Chủ tịch UBND xã' minutes_number=12.",
)
@click.option(
    "--group",
    "groups",
    multiple=True,
    metavar="NAME=PRESENT/INVITED",
    help="Attendance of a group, e.g. 'Đại biểu xã=18/20' (a new name adds the group; '=' alone removes it).",
)
@click.pass_context
@friendly
def details_cmd(ctx, meeting_id, pairs, groups) -> None:
    """Thông tin hội nghị: chủ trì, thư ký, số văn bản, thành phần và số người có mặt."""
    from models.errors import HoinghiError
    from session.domain.dates import fmt_date, fmt_time, parse_date, parse_time
    from session.domain.meeting_details import TEXT_FIELDS, Attendance, meeting_details, update_details

    store = _open_store(ctx)
    try:
        meeting_id = _meeting_or_latest(store, meeting_id)
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
            update_details(store, meeting_id, details.edit(**changes, groups=tuple(rows)), at=_clock()())
            details = meeting_details(store, meeting_id)
        for name in TEXT_FIELDS:
            click.echo(f"{name:<16} {getattr(details, name)}")
        click.echo(f"{'date':<16} {fmt_date(details.planned_date)}")
        click.echo(f"{'start':<16} {fmt_time(details.planned_start)}")
        for group in details.groups:
            click.echo(f"{'group':<16} {group.name}={group.present}/{group.expected}")
    finally:
        store.close()


def _meeting_or_latest(store, meeting_id: int | None) -> int:
    from models.errors import HoinghiError
    from session.domain.meetings import latest_meeting_id, meeting_view

    if meeting_id is None:
        meeting_id = latest_meeting_id(store)
        if meeting_id is None:
            raise HoinghiError("meeting.none")
    meeting_view(store, meeting_id)
    return meeting_id


@main.command()
@common
@click.option("--meeting", "meeting_id", type=int, default=None, help="Meeting (default: the one in session).")
@click.option("--serve", is_flag=True, help="Serve the display to a browser (needs the `serve` extra).")
@click.option("--host", default="localhost", show_default=True, help="With --serve: address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="With --serve: port.")
@click.pass_context
@friendly
def display(ctx: click.Context, meeting_id: int | None, serve: bool, host: str, port: int) -> None:
    """Màn hình hội trường (chỉ xem, chữ lớn) cho máy chiếu hoặc màn hình thứ hai.

    Với --serve: mở cùng màn hình đó trong trình duyệt, tại http://localhost:8000."""
    store = _open_store(ctx)
    meeting_id = _meeting_or_latest(store, meeting_id)
    if not serve:
        _run_app(store, meeting_id, mode="display")
        return
    from session.domain.meetings import meeting_view
    from session.i18n import language
    from session.web_display import serve_display

    title = meeting_view(store, meeting_id).title
    url = store.url
    store.close()
    click.echo(t("serve.started", url=f"http://{host}:{port}"))
    serve_display(url, meeting_id, language(), host, port, title)


@main.command()
@common
@click.option("--meeting", "meeting_id", type=int, default=None, help="Meeting (default: the one in session).")
@click.pass_context
@friendly
def desk(ctx: click.Context, meeting_id: int | None) -> None:
    """Bộ phận đăng ký phát biểu: phiếu đăng ký, nhập danh sách, danh sách chờ."""
    store = _open_store(ctx)
    _run_app(store, _meeting_or_latest(store, meeting_id), mode="desk")
