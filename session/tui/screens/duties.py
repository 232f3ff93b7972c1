"""Dated duties (việc có thời hạn): what is due and overdue across all meetings (from the
picker), or every duty of one meeting with the ways to prepare it (from the console)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Static

from models.errors import HoinghiError
from session.domain.dates import WEEKDAYS_EN, WEEKDAYS_VI, fmt_date, parse_date
from session.domain.duties import DutyView, due_duties, mark_duty_done, meeting_duties, reopen_duty
from session.i18n import error_text, language, t
from session.tui.actions import DUTIES
from session.tui.screens.base import HoinghiScreen
from session.tui.screens.form import FormMessage, FormScreen
from session.tui.widgets.field import Input
from session.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from models.store import Tx

STATE_STYLE = {"overdue": "bold red", "today": "bold yellow", "due": "", "done": "green", "lapsed": "dim"}


def weekday(day: date) -> str:
    return (WEEKDAYS_VI if language() == "vi" else WEEKDAYS_EN)[day.weekday()]


def left_text(duty: DutyView, today: date) -> Text:
    state = duty.state(today)
    if state == "done":
        label = t("duty.state.done_on", day=fmt_date(duty.done_on))
    elif state == "overdue":
        label = t("duty.state.overdue", days=-duty.days_left(today))
    elif state in ("today", "lapsed"):
        label = t(f"duty.state.{state}")
    else:
        label = t("duty.state.left", days=duty.days_left(today))
    return Text(label, style=STATE_STYLE[state])


class DutiesScreen(HoinghiScreen):
    """*meeting_id*: that meeting's duties, done or not; None: what is due everywhere;
    *plan_id*: what is due in one plan."""

    ACTIONS = DUTIES

    def __init__(self, meeting_id: int | None = None, *, plan_id: int | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.plan_id = plan_id
        self.duties: list[DutyView] = []
        self.seen_event: int | None = None  # set once mounted: no refresh before the table has columns

    def compose(self) -> ComposeResult:
        yield Static("", id="title-bar")
        yield DataTable(id="duties-table", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(t("duty.col.due"), key="due", width=10)
        table.add_column(t("duty.col.weekday"), key="weekday", width=8)
        table.add_column(t("duty.col.left"), key="left", width=17)
        if self.meeting_id is None:
            table.add_column(t("duty.col.meeting"), key="meeting", width=26)
        table.add_column(t("duty.col.duty"), key="duty", width=48 if self.meeting_id is None else 56)
        table.add_column(t("duty.col.note"), key="note", width=20)
        self.reload()
        table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("participants", "prepared"):
            return self.meeting_id is not None  # the meeting's own papers, from its console
        return True

    def on_screen_resume(self) -> None:
        self.reload()

    def poll_store(self) -> None:
        from session.domain.sync import last_event_id

        if self.seen_event is None:
            return
        try:
            last = last_event_id(self.hoinghi.store)
        except HoinghiError:
            return
        if last != self.seen_event:
            self.reload()

    def reload(self) -> None:
        from session.domain.sync import last_event_id

        today = self.hoinghi.clock().date()
        try:
            self.seen_event = last_event_id(self.hoinghi.store)
            if self.meeting_id is not None:
                self.duties = meeting_duties(self.hoinghi.store, self.meeting_id)
            else:
                self.duties = due_duties(self.hoinghi.store, today, plan_id=self.plan_id)
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            return
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        for n, duty in enumerate(self.duties):
            cells: list[object] = [fmt_date(duty.due), weekday(duty.due), left_text(duty, today)]
            if self.meeting_id is None:
                cells.append(f"{duty.meeting_id} · {duty.meeting_day:%d/%m} · {duty.meeting_label}")
            cells += [duty.title, duty.note]
            table.add_row(*cells, key=str(n))
        if self.duties:
            table.move_cursor(row=min(keep, len(self.duties) - 1))
        overdue = sum(1 for d in self.duties if d.state(today) == "overdue")
        day = f"{weekday(today)} {fmt_date(today)}"
        if self.meeting_id is not None:
            head = self.duties[0].meeting_label if self.duties else ""
            title = t("duty.title.meeting", title=head, today=day, overdue=overdue)
            if not self.duties:
                title = t("duty.no_date")
        else:
            title = t("duty.title.all", today=day, count=len(self.duties), overdue=overdue)
            if not self.duties:
                title = t("due.empty")
        self.query_one("#title-bar", Static).update(Text(title))

    def selected(self) -> DutyView | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return self.duties[table.cursor_row]

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_done()

    def action_done(self) -> None:
        duty = self.selected()
        if duty is not None:
            self.app.push_screen(DutyDoneForm(duty), lambda _ok: self.reload())

    def _act(self, name: str, meeting_id: int, fn: Callable[[Tx], object]) -> None:
        try:
            with self.hoinghi.desk_action(name, meeting_id=meeting_id) as tx:
                fn(tx)
        except HoinghiError as exc:
            self.hoinghi.report(exc)
        self.reload()

    def action_reopen(self) -> None:
        duty = self.selected()
        if duty is not None:
            self._act("duty.reopen", duty.meeting_id, lambda tx: reopen_duty(tx, duty.meeting_id, duty.key))

    def action_undo(self) -> None:
        duty = self.selected()
        meeting_id = self.meeting_id or (duty.meeting_id if duty else None)
        if meeting_id is None:
            return
        try:
            name = self.hoinghi.workstation(meeting_id).undo().what
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            return
        self.app.notify(t("done.undo", action=name), timeout=4)
        self.reload()

    def action_participants(self) -> None:
        from session.tui.screens.participants import ParticipantsScreen

        if self.meeting_id is not None:
            self.app.push_screen(ParticipantsScreen(self.meeting_id))

    def action_prepared(self) -> None:
        from session.tui.screens.preparation import PreparationScreen

        if self.meeting_id is not None:
            self.app.push_screen(PreparationScreen(self.meeting_id))


class DutyDoneForm(FormScreen[bool]):
    """Mark a duty done: the day (today by default) and a note (số văn bản, người làm…)."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, duty: DutyView) -> None:
        super().__init__()
        self.duty = duty

    def compose(self) -> ComposeResult:
        duty = self.duty
        with Vertical(classes="dialog wide"):
            yield Static(t("duty.form.title", duty=duty.title, due=fmt_date(duty.due)), classes="dialog-title")
            yield Label(t("duty.form.day"))
            yield Input(fmt_date(duty.done_on or self.hoinghi.clock().date()), id="duty-day")
            yield Label(t("duty.form.note"))
            yield Input(duty.note, id="duty-note")
            yield FormMessage("", id="form-error", classes="error")

    def on_mount(self) -> None:
        self.query_one("#duty-note", Input).focus()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        duty = self.duty
        now = self.hoinghi.clock()
        try:
            day = parse_date(self.query_one("#duty-day", Input).value)
            note = self.query_one("#duty-note", Input).value
            with self.hoinghi.desk_action("duty.done", meeting_id=duty.meeting_id) as tx:
                mark_duty_done(tx, duty.meeting_id, duty.key, done_on=day, note=note, today=now.date())
        except HoinghiError as exc:
            self.query_one("#form-error", Static).update(error_text(exc))
            return
        self.app.notify(t("duty.marked", duty=duty.title), timeout=3)
        self.dismiss(True)

    def action_cancel(self) -> None:
        if not self.may_leave():
            return
        self.dismiss(False)
