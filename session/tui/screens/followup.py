"""Follow-up (theo dõi): every conclusion waiting for a reply — studied, assigned, forwarded —
with its due date, working days left or overdue, status, and who raised it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Select, Static

from models.errors import HoinghiError
from session.domain.dates import fmt_date, parse_date
from session.domain.followup import FollowupItem, followup_items
from session.domain.ledger import FOLLOWUP
from session.domain.units import place_words
from session.i18n import error_text, t
from session.tui.actions import FOLLOWUP_SCREEN
from session.tui.screens.base import HoinghiScreen
from session.tui.screens.form import FormMessage, FormScreen
from session.tui.widgets.field import Input
from session.tui.widgets.key_bar import KeyBar


class FollowupScreen(HoinghiScreen):
    ACTIONS = FOLLOWUP_SCREEN

    def __init__(self, meeting_id: int | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.items: list[FollowupItem] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="title-bar")
        yield DataTable(id="followup-table", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(t("followup.col.deadline"), key="deadline", width=10)
        table.add_column(t("followup.col.left"), key="left", width=24)
        table.add_column(t("followup.col.status"), key="status", width=14)
        table.add_column(t("followup.col.outcome"), key="outcome", width=16)
        table.add_column(t("followup.col.agency"), key="agency", width=22)
        table.add_column(t("followup.col.issue"), key="issue", width=44)
        table.add_column(t("followup.col.names"), key="names", width=20)
        table.add_column(
            t(
                "followup.col.localities",
                residential=place_words(self.hoinghi.store, self.meeting_id).residential_label,
            ),
            key="localities",
            width=16,
        )
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        today = self.hoinghi.clock().date()
        self.query_one("#title-bar", Static).update(t("followup.title", today=fmt_date(today)))
        try:
            self.items = followup_items(self.hoinghi.store, today, self.meeting_id)
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            return
        table = self.query_one(DataTable)
        table.clear()
        for n, item in enumerate(self.items):
            if item.status == "replied":
                left = Text(f"{item.reply_number} {fmt_date(item.reply_date)}", style="green")
            elif item.overdue and item.working_days_left is not None:
                left = Text(t("followup.overdue", days=-item.working_days_left), style="bold red")
            elif item.working_days_left is None:  # no date to count from yet
                left = Text(t("followup.no_deadline"), style="dim")
            else:
                left = Text(t("followup.left", days=item.working_days_left))
            table.add_row(
                fmt_date(item.deadline) if item.deadline else "—",
                left,
                t(f"followup.{item.status}"),
                t(f"followup.outcome.{item.outcome}"),
                item.lead_agency,
                item.content.replace("\n", " "),
                item.names,
                item.localities,
                key=str(n),
            )
        if not self.items:
            self.query_one("#title-bar", Static).update(t("followup.empty"))

    def action_update(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        item = self.items[table.cursor_row]
        self.app.push_screen(FollowupForm(item), lambda _ok: self.reload())

    def action_calendar(self) -> None:
        from session.tui.screens.calendar import CalendarScreen

        self.app.push_screen(CalendarScreen(), lambda _ok: self.reload())


class FollowupForm(FormScreen[bool]):
    BINDINGS = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, item: FollowupItem) -> None:
        super().__init__()
        self.item = item

    def compose(self) -> ComposeResult:
        item = self.item
        with Vertical(classes="dialog wide"):
            yield Static(t("followup.form.title", issue=item.content[:80]), classes="dialog-title")
            yield Label(t("followup.form.status"))
            yield Select(
                [(t(f"followup.{s}"), s) for s in FOLLOWUP], value=item.status, allow_blank=False, id="f-status"
            )
            yield Label(t("followup.form.number"))
            yield Input(item.reply_number, id="f-number")
            yield Label(t("followup.form.date"))
            yield Input(fmt_date(item.reply_date), id="f-date")
            yield Label(t("followup.form.reason"))
            yield Input(item.extension_reason, id="f-reason")
            yield Label(t("followup.form.new_deadline"))
            yield Input("", id="f-deadline")
            yield FormMessage("", id="form-error", classes="error")

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.save_form()

    def save_form(self) -> bool:
        def value(wid: str) -> str:
            return self.query_one(f"#{wid}", Input).value.strip()

        try:
            self.hoinghi.workstation(self.item.meeting_id).update_followup(
                self.item.issue_id,
                str(self.query_one("#f-status", Select).value),
                reply_number=value("f-number"),
                reply_date=parse_date(value("f-date")) if value("f-date") else None,
                reason=value("f-reason"),
                new_deadline=parse_date(value("f-deadline")) if value("f-deadline") else None,
            )
        except HoinghiError as exc:
            self.query_one("#form-error", Static).update(error_text(exc))
            return True
        self.dismiss(True)
        return True

    def action_cancel(self) -> None:
        if not self.may_leave():
            return
        self.dismiss(False)
