"""Plans and the dated duties around each meeting: `hoinghi plan …`, `hoinghi due`,
`hoinghi duties`, and the answers prepared before the meeting (`hoinghi prepare`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from session.cli import (
    ISSUE_NUMBER,
    MEETING_ID,
    PLAN_ID,
    Whole,
    clock,
    common,
    friendly,
    main,
    meeting_or_latest,
    open_store,
    weekday,
)
from session.i18n import t

if TYPE_CHECKING:
    from datetime import date

    from models.store import Store
    from session.domain.duties import DutyView


def parse_days(pairs: tuple[str, ...]) -> dict[str, int | str]:
    """ "invitations=10" pairs as a dict (checked by the domain)."""
    found: dict[str, int | str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(pair, param_hint="--days")
        found[key.strip()] = value.strip()
    return found


def duty_left(duty: DutyView, today: date) -> str:
    from session.domain.dates import fmt_date

    state = duty.state(today)
    if state == "done":
        return t("duty.state.done_on", day=fmt_date(duty.done_on))
    if state == "overdue":
        return t("duty.state.overdue", days=-duty.days_left(today))
    if state == "today":
        return t("duty.state.today")
    if state == "lapsed":
        return t("duty.state.lapsed")
    return t("duty.state.left", days=duty.days_left(today))


def warn_short_notice(store: Store, day: date | None, today: date, plan_id: int | None) -> None:
    from session.domain.duties import notice_shortfall

    short = notice_shortfall(store, day, today, plan_id)
    if short is not None:
        click.echo(
            t("plan.short_notice" if short[0] else "plan.short_notice_today", ahead=short[0], needed=short[1]), err=True
        )


@main.group(name="plan")
def plan_group() -> None:
    """Kế hoạch tổ chức hội nghị đối thoại (một kế hoạch có thể gồm nhiều hội nghị)."""


@plan_group.command(name="new")
@common
@click.option("--title", required=True, help="cli.opt.plan.title")
@click.option("--year", required=True, help="cli.opt.plan.year")
@click.option("--number", default="", help="cli.opt.plan.number")
@click.option("--date", "issued", default=None, help="cli.opt.plan.date")
@click.option("--unit", default="", help="cli.opt.plan.unit")
@click.option("--rules", "rule_set", default="mac-dinh", show_default=True, help="cli.opt.plan.rules")
@click.option("--days", "days", multiple=True, metavar="KEY=DAYS", help="cli.opt.plan.days")
@click.pass_context
@friendly
def plan_new(
    ctx: click.Context,
    title: str,
    year: str,
    number: str,
    issued: str | None,
    unit: str,
    rule_set: str,
    days: tuple[str, ...],
) -> None:
    """Tạo kế hoạch; in ra số kế hoạch."""
    from session.domain.dates import parse_date
    from session.domain.plans import PlanDraft, create_plan

    draft = PlanDraft(
        title=title,
        year=year,
        number=number,
        issued_on=parse_date(issued) if issued else None,
        unit=unit,
        rule_set=rule_set,
        days=parse_days(days),
    )
    store = open_store(ctx, create=True)
    try:
        with store.action("plan.create", at=clock()(), actor="office") as tx:
            plan_id = create_plan(tx, draft, at=clock()())
    finally:
        store.close()
    click.echo(plan_id)


@plan_group.command(name="edit")
@common
@click.argument("plan_id", type=PLAN_ID)
@click.option("--title", default=None, help="cli.opt.plan.title")
@click.option("--year", default=None, help="cli.opt.plan.year")
@click.option("--number", default=None, help="cli.opt.plan.number")
@click.option("--date", "issued", default=None, help="cli.opt.plan.date_edit")
@click.option("--unit", default=None, help="cli.opt.plan.unit")
@click.option("--days", "days", multiple=True, metavar="KEY=DAYS", help="cli.opt.plan.days")
@click.pass_context
@friendly
def plan_edit(
    ctx: click.Context,
    plan_id: int,
    title: str | None,
    year: str | None,
    number: str | None,
    issued: str | None,
    unit: str | None,
    days: tuple[str, ...],
) -> None:
    """Sửa kế hoạch hoặc số ngày của từng việc; hạn của các hội nghị tính lại ngay."""
    from session.domain.dates import parse_date
    from session.domain.plans import PlanDraft, plan_view, update_plan

    store = open_store(ctx)
    try:
        view = plan_view(store, plan_id)
        draft = PlanDraft(
            title=view.title if title is None else title,
            year=view.year if year is None else year,
            number=view.number if number is None else number,
            issued_on=view.issued_on if issued is None else (parse_date(issued) if issued.strip() else None),
            unit=view.unit if unit is None else unit,
            rule_set=view.rule_set,
            days={**view.figures, **parse_days(days)},
        )
        with store.action("plan.edit", at=clock()(), actor="office") as tx:
            update_plan(tx, plan_id, draft)
        _show_plan(store, plan_id, clock()().date())
    finally:
        store.close()


@plan_group.command(name="list")
@common
@click.pass_context
@friendly
def plan_list(ctx: click.Context) -> None:
    """Liệt kê các kế hoạch."""
    from session.cli.table import echo_table
    from session.domain.dates import fmt_date
    from session.domain.plans import list_plans

    store = open_store(ctx)
    try:
        plans = list_plans(store)
    finally:
        store.close()
    if not plans:
        click.echo(t("plan.list.empty"))
        return
    rows = [(p.id, p.year, p.number, fmt_date(p.issued_on), p.meetings, p.title) for p in plans]
    echo_table(t("plan.list.header"), rows, right=frozenset({4}))  # the count of meetings


def _show_plan(store: Store, plan_id: int, today: date) -> None:
    from session.domain.dates import fmt_date
    from session.domain.duties import meeting_duties
    from session.domain.duty_rules import get_rule_set
    from session.domain.plans import plan_view

    plan = plan_view(store, plan_id)
    rules = get_rule_set(plan.rule_set)
    click.echo(t("plan.show.head", number=plan.number or "—", day=fmt_date(plan.issued_on) or "—", year=plan.year))
    click.echo(plan.title)
    if plan.unit:
        click.echo(t("plan.show.unit", unit=plan.unit))
    click.echo(t("plan.show.rules", name=plan.rule_set))
    # Each duty by its title, with the key that `--days KEY=DAYS` changes it by.
    figures = [t("duty.figure." + rule.when + "." + rule.unit, days=plan.figures[rule.key]) for rule in rules.rules]
    width = max((len(f) for f in figures), default=0)
    for rule, figure in zip(rules.rules, figures, strict=True):
        click.echo(f"  {figure:<{width}}  {rule.title}  [{rule.key}]")
    if not plan.meetings:
        click.echo(t("plan.show.no_meetings", id=plan.id))
        return
    for m in plan.meetings:
        day = fmt_date(m.planned_date) or "—"
        click.echo("")
        click.echo(t("plan.show.meeting", id=m.id, day=day, title=m.title, status=t("status." + m.status)))
        if m.localities or m.venue:
            click.echo(f"     {m.localities}{' — ' if m.localities and m.venue else ''}{m.venue}")
        for duty in meeting_duties(store, m.id):
            click.echo(f"     {fmt_date(duty.due)} {weekday(duty.due):<9} {duty_left(duty, today):<22} {duty.title}")


@plan_group.command(name="show")
@common
@click.argument("plan_id", type=PLAN_ID)
@click.option("--today", default=None, help="cli.opt.today")
@click.pass_context
@friendly
def plan_show(ctx: click.Context, plan_id: int, today: str | None) -> None:
    """Một kế hoạch: số ngày của từng việc, các hội nghị và hạn của từng việc."""
    from session.domain.dates import parse_date

    day = parse_date(today) if today else clock()().date()
    store = open_store(ctx)
    try:
        _show_plan(store, plan_id, day)
    finally:
        store.close()


@plan_group.command(name="attach")
@common
@click.argument("plan_id", type=PLAN_ID)
@click.option("--meeting", "meeting_id", type=MEETING_ID, required=True, help="cli.opt.meeting.number")
@click.pass_context
@friendly
def plan_attach(ctx: click.Context, plan_id: int, meeting_id: int) -> None:
    """Đưa một hội nghị đã có vào kế hoạch (0: đưa ra khỏi kế hoạch)."""
    from session.domain.plans import set_meeting_plan

    store = open_store(ctx)
    try:
        with store.action("plan.attach", at=clock()(), meeting_id=meeting_id, actor="office") as tx:
            set_meeting_plan(tx, meeting_id, plan_id or None)
    finally:
        store.close()
    click.echo(
        t("plan.attached", meeting=meeting_id, plan=plan_id) if plan_id else t("plan.detached", meeting=meeting_id)
    )


@plan_group.command(name="rules")
@common
@click.option("--copy", "copy_name", default=None, help="cli.opt.plan.rules_copy")
@friendly
def plan_rules(copy_name: str | None) -> None:
    """Các bộ quy định thời hạn (ai làm gì, trước/sau hội nghị bao nhiêu ngày)."""
    from session.domain.duty_rules import copy_rule_set, list_rule_sets, user_rules_dir

    if copy_name:
        click.echo(t("plan.rules.copied", name=copy_name, path=copy_rule_set(copy_name)))
        return
    click.echo(t("plan.rules.header", folder=user_rules_dir()))
    for rules in list_rule_sets():
        click.echo(f"{rules.name}: {rules.title}  ({rules.path})")
        for rule in rules.rules:
            figure = t(f"duty.figure.{rule.when}.{rule.unit}", days=rule.days)
            anchor = "" if rule.anchor == "meeting" else f" ← {rule.anchor}"
            click.echo(f"  {rule.key:<18} {figure}{anchor:<10} {rule.title}")


@main.command(name="due")
@common
@click.option("--today", default=None, help="cli.opt.today")
@click.option("--within", type=Whole(0, 3650), default=None, help="cli.opt.due.within")
@click.option("--plan", "plan_id", type=PLAN_ID, default=None, help="cli.opt.due.plan")
@click.option("--meeting", "meeting_id", type=MEETING_ID, default=None, help="cli.opt.meeting.only")
@click.pass_context
@friendly
def due_cmd(
    ctx: click.Context, today: str | None, within: int | None, plan_id: int | None, meeting_id: int | None
) -> None:
    """Việc đến hạn và quá hạn của mọi hội nghị, việc gần hạn nhất trước."""
    from session.domain.dates import fmt_date, parse_date
    from session.domain.duties import due_duties

    day = parse_date(today) if today else clock()().date()
    store = open_store(ctx)
    try:
        duties = due_duties(store, day, within=within, plan_id=plan_id, meeting_id=meeting_id)
    finally:
        store.close()
    click.echo(t("due.title", today=fmt_date(day)))
    if not duties:
        click.echo(t("due.empty"))
        return
    click.echo(t("due.header"))
    for duty in duties:
        click.echo(
            f"{fmt_date(duty.due)} {weekday(duty.due):<9} {duty_left(duty, day):<18} "
            f"{duty.meeting_id:>4} {fmt_date(duty.meeting_day)}  {duty.title} [{duty.key}]"
        )


@main.command(name="duties")
@common
@click.option("--meeting", "meeting_id", type=MEETING_ID, default=None, help="cli.opt.meeting.current")
@click.option("--done", "done_key", default=None, metavar="KEY", help="cli.opt.duties.done")
@click.option("--date", "done_date", default=None, help="cli.opt.duties.date")
@click.option("--note", default="", help="cli.opt.duties.note")
@click.option("--reopen", "reopen_key", default=None, metavar="KEY", help="cli.opt.duties.reopen")
@click.option("--undo", is_flag=True, help="cli.opt.duties.undo")
@click.option("--today", default=None, help="cli.opt.today")
@click.pass_context
@friendly
def duties_cmd(
    ctx: click.Context,
    meeting_id: int | None,
    done_key: str | None,
    done_date: str | None,
    note: str,
    reopen_key: str | None,
    undo: bool,
    today: str | None,
) -> None:
    """Các việc có thời hạn của một hội nghị; đánh dấu đã làm (ngày, ghi chú) hoặc hoàn tác."""
    from session.domain.dates import fmt_date, parse_date
    from session.domain.duties import mark_duty_done, meeting_duties, reopen_duty, undo_office

    now = clock()()
    day_today = parse_date(today) if today else now.date()
    store = open_store(ctx)
    try:
        meeting_id = meeting_or_latest(store, meeting_id)
        if done_key:
            day = parse_date(done_date) if done_date else day_today
            with store.action("duty.done", at=now, meeting_id=meeting_id, actor="office") as tx:
                mark_duty_done(tx, meeting_id, done_key, done_on=day, note=note, today=day_today)
        if reopen_key:
            with store.action("duty.reopen", at=now, meeting_id=meeting_id, actor="office") as tx:
                reopen_duty(tx, meeting_id, reopen_key)
        if undo:
            click.echo(t("done.undo", action=t("action." + undo_office(store, meeting_id, at=now))))
        for duty in meeting_duties(store, meeting_id):
            note_text = f" — {duty.note}" if duty.note else ""
            click.echo(
                f"{fmt_date(duty.due)} {weekday(duty.due):<9} {duty_left(duty, day_today):<22} "
                f"{duty.key:<18} {duty.title}{note_text}"
            )
    finally:
        store.close()


@main.command(name="prepare")
@common
@click.option("--meeting", "meeting_id", type=MEETING_ID, default=None, help="cli.opt.meeting.current")
@click.option("--issue", "number", type=ISSUE_NUMBER, default=None, help="cli.opt.prepare.issue")
@click.option("--by", "preparer", default=None, help="cli.opt.prepare.by")
@click.option("--answer", default=None, help="cli.opt.prepare.answer")
@click.pass_context
@friendly
def prepare_cmd(
    ctx: click.Context, meeting_id: int | None, number: int | None, preparer: str | None, answer: str | None
) -> None:
    """Kiến nghị tổng hợp trước hội nghị: giao đơn vị chuẩn bị và nội dung trả lời dự kiến."""
    from models.errors import HoinghiError
    from session.domain.preparation import prepared_issues, set_preparation

    now = clock()()
    store = open_store(ctx)
    try:
        meeting_id = meeting_or_latest(store, meeting_id)
        items = prepared_issues(store, meeting_id)
        if number is not None:
            item = next((i for i in items if i.issue.position == number), None)
            if item is None:
                raise HoinghiError("issue.no_number", id=number)
            with store.action("issue.prepare", at=now, meeting_id=meeting_id, actor="office") as tx:
                set_preparation(
                    tx,
                    item.issue.id,
                    preparer=item.preparer if preparer is None else preparer,
                    answer=item.answer if answer is None else answer,
                    at=now,
                )
            items = prepared_issues(store, meeting_id)
        for item in items:
            state = t("prepare.state." + item.state)
            click.echo(f"{item.issue.position:>3}. [{item.issue.field or '—'}] {item.issue.content[:90]}")
            click.echo(f"     {state}: {item.preparer or '—'}{' — ' + item.answer[:90] if item.answer else ''}")
    finally:
        store.close()
