"""Petitions prepared before the meeting (chuẩn bị nội dung trả lời): every compiled
petition with the department that prepares its answer and the answer they sent, which
the chair's briefing prints."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Button, DataTable, Label, Static, TextArea

from models.errors import HoinghiError
from session.domain.preparation import PreparedIssue, prepared_issues, preparers, set_preparation
from session.i18n import error_text, t
from session.tui.actions import PREPARATION
from session.tui.screens.base import HoinghiScreen
from session.tui.screens.form import FormMessage, FormScreen
from session.tui.widgets.field import Input
from session.tui.widgets.key_bar import KeyBar

STATE_STYLE = {"unassigned": "dim red", "assigned": "yellow", "prepared": "green"}


class PreparationScreen(HoinghiScreen):
    ACTIONS = PREPARATION

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.items: list[PreparedIssue] = []
        self.seen_event: int | None = None  # set once mounted: no refresh before the table has columns

    def compose(self) -> ComposeResult:
        yield Static("", id="title-bar")
        with Horizontal(id="prep-body"):
            yield DataTable(id="prep-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="prep-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(t("ledger.col.no"), key="no", width=3)
        table.add_column(t("prep.col.field"), key="field", width=11)
        table.add_column(t("ledger.col.content"), key="content", width=24)
        table.add_column(t("prep.col.preparer"), key="preparer", width=14)
        table.add_column(t("prep.col.state"), key="state", width=12)
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def poll_store(self) -> None:
        from session.domain.sync import last_event_id

        if self.seen_event is None:
            return
        try:
            if last_event_id(self.hoinghi.store) != self.seen_event:
                self.reload()
        except HoinghiError:
            return

    def reload(self) -> None:
        from session.domain.sync import last_event_id

        try:
            self.seen_event = last_event_id(self.hoinghi.store)
            self.items = prepared_issues(self.hoinghi.store, self.meeting_id)
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            return
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        for item in self.items:
            issue = item.issue
            table.add_row(
                Text(str(issue.position), justify="right"),
                issue.field or "—",
                issue.content.replace("\n", " "),
                item.preparer or "—",
                Text(t(f"prepare.state.{item.state}"), style=STATE_STYLE[item.state]),
                key=str(issue.id),
            )
        if self.items:
            table.move_cursor(row=min(keep, len(self.items) - 1))
        counts = {s: sum(1 for i in self.items if i.state == s) for s in STATE_STYLE}
        self.query_one("#title-bar", Static).update(Text(t("prep.title", count=len(self.items), **counts)))
        self.show_detail()

    def selected(self) -> PreparedIssue | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return self.items[table.cursor_row]

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_assign()

    def show_detail(self) -> None:
        item = self.selected()
        detail = self.query_one("#prep-detail", Static)
        if item is None:
            detail.update(Text(t("prep.empty")))
            return
        raisers = "; ".join(f"{r.name} ({r.locality or '—'})" for r in item.issue.raisers) or "—"
        text = t(
            "prep.detail",
            content=item.issue.content,
            raisers=raisers,
            preparer=item.preparer or "—",
            answer=item.answer or "—",
        )
        detail.update(Text(text))

    def action_assign(self) -> None:
        item = self.selected()
        if item is not None:
            self.app.push_screen(PreparationForm(self.meeting_id, item), lambda _ok: self.reload())

    def action_add_issue(self) -> None:
        from session.tui.screens.ledger_forms import IssueForm

        self.app.push_screen(IssueForm(self.meeting_id), lambda _ok: self.reload())

    def action_briefing(self) -> None:
        from session.tui.screens.export_screen import ExportScreen

        self.app.push_screen(ExportScreen(self.meeting_id, selected=("briefing",)))

    def action_undo(self) -> None:

        try:
            name = self.hoinghi.workstation(self.meeting_id).undo().what
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            return
        self.app.notify(t("done.undo", action=name), timeout=4)
        self.reload()


class PreparationForm(FormScreen[bool]):
    """Who prepares the answer (Enter saves) and the answer they sent (Ctrl+S saves)."""

    BINDINGS = [
        Binding("escape", "cancel", "key.cancel"),
        Binding("ctrl+s", "save", "key.save", priority=True),
    ]

    def __init__(self, meeting_id: int, item: PreparedIssue) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.item = item

    def compose(self) -> ComposeResult:
        from session.domain.participants import participants

        item = self.item
        known = preparers(self.hoinghi.store, self.meeting_id)
        known += [
            p.organisation for p in participants(self.hoinghi.store, self.meeting_id) if p.official and p.organisation
        ]
        with Vertical(classes="dialog wide", id="prep-form"):
            yield Static(t("prep.form.title", issue=item.issue.content[:160]), classes="dialog-title")
            yield Label(t("prep.form.preparer"))
            yield Input(item.preparer, id="prep-preparer", suggester=SuggestFromList(known, case_sensitive=False))
            yield Label(t("prep.form.answer"))
            yield TextArea(item.answer, id="prep-answer")
            yield FormMessage("", id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("key.save"), variant="primary", id="save")
                yield Button(t("key.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#prep-preparer", Input).focus()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()  # as Esc: typed text is not dropped without a word

    def action_save(self) -> None:
        item = self.item
        now = self.hoinghi.clock()
        try:
            with self.hoinghi.desk_action("issue.prepare", meeting_id=self.meeting_id) as tx:
                set_preparation(
                    tx,
                    item.issue.id,
                    preparer=self.query_one("#prep-preparer", Input).value,
                    answer=self.query_one("#prep-answer", TextArea).text,
                    at=now,
                    expected=(item.preparer, item.answer),
                )
        except HoinghiError as exc:
            self.query_one("#form-error", Static).update(error_text(exc))
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        if not self.may_leave():
            return
        self.dismiss(False)
