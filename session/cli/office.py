"""The office's own data: follow-up, history, calendar, settings."""

from __future__ import annotations

import click

from session.cli import MEETING_ID, clock, common, friendly, main, open_store, weekday
from session.i18n import t


@main.command()
@common
@click.option("--meeting", "meeting_id", type=MEETING_ID, default=None, help="cli.opt.meeting.only_or_all")
@click.option("--today", default=None, help="cli.opt.today")
@click.pass_context
@friendly
def followup(ctx: click.Context, meeting_id: int | None, today: str | None) -> None:
    """Theo dõi sau hội nghị (giao nghiên cứu, giao giải quyết, chuyển cấp trên): hạn, số ngày làm việc còn lại hoặc quá hạn."""
    from session.domain.dates import fmt_date, parse_date
    from session.domain.followup import followup_items
    from session.domain.units import place_words

    day = parse_date(today) if today else clock()().date()
    store = open_store(ctx)
    try:
        items = followup_items(store, day, meeting_id)
        residential = place_words(store, meeting_id).residential_word
    finally:
        store.close()
    click.echo(t("followup.title", today=fmt_date(day)))
    if not items:
        click.echo(t("followup.empty"))
        return
    click.echo(t("followup.cli.header", residential=residential))
    for item in items:
        if item.status == "replied":
            left = f"{item.reply_number} {fmt_date(item.reply_date)}"
        elif item.working_days_left is None:  # no deadline set, and the meeting has no date to count from
            left = t("followup.no_deadline")
        elif item.overdue:
            left = t("followup.overdue", days=-item.working_days_left)
        else:
            left = t("followup.left", days=item.working_days_left)
        click.echo(
            t(
                "followup.cli.row",
                deadline=fmt_date(item.deadline) if item.deadline else f"{'—':<10}",
                weekday=weekday(item.deadline) if item.deadline else "",
                left=left,
                status=t(f"followup.{item.status}"),
                outcome=t(f"followup.outcome.{item.outcome}"),
                agency=item.lead_agency,
                content=item.content[:90],
                names=item.names or "—",
                localities=item.localities or "—",
            )
        )


@main.command()
@common
@click.option("--meeting", "meeting_id", type=MEETING_ID, required=True, help="cli.opt.meeting.number")
@click.option("--changes", is_flag=True, help="cli.opt.history.changes")
@click.pass_context
@friendly
def history(ctx: click.Context, meeting_id: int, changes: bool) -> None:
    """Nhật ký thao tác của một hội nghị: ai làm gì, lúc nào."""
    from session.domain.history import history_rows, machines
    from session.workstation.story import desk_label, sentence

    store = open_store(ctx)
    try:
        rows = history_rows(store, meeting_id)
    finally:
        store.close()
    several = machines(rows) > 1
    for row in reversed(rows):
        undone = t("story.undone") if row.undone else ""
        who = desk_label(row.actor, row.desk, with_machine=several)
        click.echo(f"{row.at:%d/%m/%Y %H:%M}  {who}: {sentence(row.action, row.facts)}{undone}")
        if changes and row.detail:
            click.echo(f"      {row.detail}")


@main.command(name="calendar")
@common
@click.option("--off", "off_day", default=None, help="cli.opt.calendar.off")
@click.option("--work", "work_day", default=None, help="cli.opt.calendar.work")
@click.option("--remove", "remove_day", default=None, help="cli.opt.calendar.remove")
@click.option("--note", default="", help="cli.opt.calendar.note")
@click.option("--yes", is_flag=True, help="cli.opt.calendar.yes")
@click.pass_context
@friendly
def calendar_cmd(
    ctx: click.Context, off_day: str | None, work_day: str | None, remove_day: str | None, note: str, yes: bool
) -> None:
    """Ngày nghỉ thêm và ngày làm bù của cơ quan (dùng để tính hạn theo ngày làm việc)."""
    from models.errors import HoinghiError
    from session.domain.calendar import office_days, set_office_day
    from session.domain.dates import fmt_date, parse_date
    from session.domain.swapped_days import swapped_days
    from session.i18n import error_text

    store = open_store(ctx, create=bool(off_day or work_day or remove_day))
    try:
        for value, kind in ((off_day, "off"), (work_day, "work"), (remove_day, "")):
            if value:
                day = parse_date(value)
                try:
                    set_office_day(store, day, kind, note, at=clock()(), confirmed=yes)
                except HoinghiError as exc:
                    if exc.code != "calendar.confirm_holiday":
                        raise
                    # A public holiday made a working day: only when the person says so.
                    click.confirm(error_text(exc), abort=True, err=True)
                    set_office_day(store, day, kind, note, at=clock()(), confirmed=True)
        click.echo(t("calendar.title"))
        for day, kind, text in office_days(store):
            click.echo(f"{fmt_date(day)} {weekday(day):<9} {t('calendar.' + kind):<8} {text}")
        click.echo("")
        click.echo(t("calendar.announced"))
        for d in swapped_days():
            click.echo(f"{fmt_date(d.day)} {weekday(d.day):<9} {t('calendar.' + d.kind):<8} {d.note} [{d.source}]")
    finally:
        store.close()


@main.command(name="settings")
@common
@click.option(
    "--set",
    "pairs",
    multiple=True,
    metavar="NAME=VALUE",
    help="cli.opt.settings.set",
)
@click.pass_context
@friendly
def settings_cmd(ctx: click.Context, pairs: tuple[str, ...]) -> None:
    """Cài đặt của văn phòng dùng cho mọi văn bản xuất ra (cơ quan, địa danh, người ký, nơi nhận…)."""
    from dataclasses import asdict

    from session.domain.settings import get_settings, update_settings

    store = open_store(ctx, create=bool(pairs))
    try:
        if pairs:
            changes: dict[str, str] = {}
            for pair in pairs:
                name, sep, value = pair.partition("=")
                if not sep:
                    raise click.BadParameter(pair, param_hint="--set")
                changes[name.strip()] = value
            update_settings(store, at=clock()(), **changes)
        for name, value in asdict(get_settings(store)).items():
            shown = "; ".join(value) if isinstance(value, (list, tuple)) else value
            click.echo(f"{name:<22} {shown}")
    finally:
        store.close()
