"""Plans (kế hoạch): the year's plans, each with its meetings and the figures of its dated
duties; create or correct a plan, add a meeting to it, see what it still has to do."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Label, Static

from models.errors import HoinghiError
from session.domain.dates import fmt_date, parse_date
from session.domain.duty_rules import DEFAULT_RULES, get_rule_set
from session.domain.plans import PlanDraft, PlanSummary, PlanView, create_plan, list_plans, plan_view, update_plan
from session.i18n import error_text, t
from session.tui.actions import PLANS
from session.tui.screens.base import HoinghiScreen
from session.tui.screens.form import FormMessage, FormScreen
from session.tui.widgets.field import Input
from session.tui.widgets.key_bar import KeyBar


class PlansScreen(HoinghiScreen):
    ACTIONS = PLANS

    def __init__(self, plan_id: int | None = None) -> None:
        super().__init__()
        self.start_plan = plan_id
        self.plans: list[PlanSummary] = []

    def compose(self) -> ComposeResult:
        yield Static(t("plans.title"), classes="screen-title")
        yield Static(t("plans.empty"), id="plans-empty")
        with Horizontal(id="plans-body"):
            yield DataTable(id="plans-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="plan-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(t("plans.col.year"), key="year", width=5)
        table.add_column(t("plans.col.number"), key="number", width=14)
        table.add_column(t("plans.col.title"), key="title", width=36)
        table.add_column(t("plans.col.meetings"), key="meetings", width=5)
        self.reload(select=self.start_plan)

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self, select: int | None = None) -> None:
        try:
            self.plans = list_plans(self.hoinghi.store)
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            return
        table = self.query_one(DataTable)
        keep = select if select is not None else self.selected_id()
        table.clear()
        for p in self.plans:
            table.add_row(str(p.year), p.number or "—", p.title, str(p.meetings), key=str(p.id))
        self.query_one("#plans-empty").display = not self.plans
        if keep is not None and str(keep) in table.rows:
            table.move_cursor(row=table.get_row_index(str(keep)))
        table.focus()
        self.show_detail()

    def selected_id(self) -> int | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_duties()

    def show_detail(self) -> None:
        plan_id = self.selected_id()
        detail = self.query_one("#plan-detail", Static)
        if plan_id is None:
            detail.update("")
            return
        try:
            plan = plan_view(self.hoinghi.store, plan_id)
            rules = get_rule_set(plan.rule_set)
        except HoinghiError as exc:
            detail.update(Text(error_text(exc)))
            return
        lines = [
            plan.label,
            t("plan.show.head", number=plan.number or "—", day=fmt_date(plan.issued_on) or "—", year=plan.year),
        ]
        if plan.unit:
            lines.append(t("plan.show.unit", unit=plan.unit))
        lines += ["", t("plans.figures")]
        for rule in rules.rules:
            figure = t(f"duty.figure.{rule.when}.{rule.unit}", days=plan.figures[rule.key])
            lines.append(f"  {figure:<22} {rule.title}")
        lines += ["", t("plans.meetings", count=len(plan.meetings))]
        for m in plan.meetings:
            where = f" — {m.localities}" if m.localities else ""
            lines.append(f"  {m.id}. {fmt_date(m.planned_date) or '—'} {t('status.' + m.status)}{where}")
        detail.update(Text("\n".join(lines)))

    def action_new_plan(self) -> None:
        self.app.push_screen(PlanForm(), lambda plan_id: self.reload(select=plan_id) if plan_id else None)

    def action_edit_plan(self) -> None:
        plan_id = self.selected_id()
        if plan_id is not None:
            self.app.push_screen(PlanForm(plan_view(self.hoinghi.store, plan_id)), lambda _p: self.reload())

    def action_new_meeting(self) -> None:
        from session.tui.screens.new_meeting import NewMeetingScreen

        plan_id = self.selected_id()
        if plan_id is not None:
            self.app.push_screen(NewMeetingScreen(plan_id=plan_id), lambda _m: self.reload())

    def action_duties(self) -> None:
        from session.tui.screens.duties import DutiesScreen

        plan_id = self.selected_id()
        if plan_id is not None:
            self.app.push_screen(DutiesScreen(plan_id=plan_id))


class PlanForm(FormScreen[int | None]):
    """A new plan, or a plan corrected: particulars and the days of every duty."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, plan: PlanView | None = None) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        p = self.plan
        rules = get_rule_set(p.rule_set if p else DEFAULT_RULES)
        figures = p.figures if p else rules.figures()
        self.keys = rules.keys
        with VerticalScroll(classes="dialog wide", id="plan-form"):
            yield Static(t("plans.form.edit" if p else "plans.form.new"), classes="dialog-title")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(t("plans.col.number"))
                    yield Input(p.number if p else "", id="plan-number", placeholder="45/KH-UBND")
                with Vertical():
                    yield Label(t("plans.form.date"))
                    yield Input(fmt_date(p.issued_on) if p else "", id="plan-date")
                with Vertical():
                    yield Label(t("plans.col.year"))
                    yield Input(str(p.year) if p else str(self.hoinghi.clock().year), id="plan-year")
            yield Label(t("plans.form.title"))
            yield Input(p.title if p else "", id="plan-title")
            yield Label(t("plans.form.unit"))
            yield Input(p.unit if p else "", id="plan-unit", placeholder="phường Ba Đồn")
            yield Label(t("plans.figures"), classes="section")
            for rule in rules.rules:
                with Horizontal(classes="row figure-row"):
                    yield Input(str(figures[rule.key]), id=f"days-{rule.key}", classes="figure", type="integer")
                    yield Label(f"{t(f'duty.unit.{rule.when}.{rule.unit}')} — {rule.title}", classes="figure-label")
            yield FormMessage("", id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("key.save"), variant="primary", id="save")
                yield Button(t("key.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#plan-number" if self.plan is None else "#plan-title", Input).focus()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.save()
        else:
            self.action_cancel()  # as Esc: typed text is not dropped without a word

    def save(self) -> None:
        def value(wid: str) -> str:
            return self.query_one(f"#{wid}", Input).value

        now = self.hoinghi.clock()
        try:
            draft = PlanDraft(
                title=value("plan-title"),
                year=value("plan-year"),
                number=value("plan-number"),
                issued_on=parse_date(value("plan-date")) if value("plan-date").strip() else None,
                unit=value("plan-unit"),
                rule_set=self.plan.rule_set if self.plan else DEFAULT_RULES,
                days={key: value(f"days-{key}") for key in self.keys},
            )
            if self.plan is None:
                with self.hoinghi.desk_action("plan.create") as tx:
                    plan_id = create_plan(tx, draft, at=now)
            else:
                plan_id = self.plan.id
                with self.hoinghi.desk_action("plan.edit") as tx:
                    update_plan(tx, plan_id, draft)
        except HoinghiError as exc:
            self.query_one("#form-error", Static).update(error_text(exc))
            return
        self.app.notify(t("plans.saved", title=draft.title), timeout=3)
        self.dismiss(plan_id)

    def action_cancel(self) -> None:
        if not self.may_leave():
            return
        self.dismiss(None)
