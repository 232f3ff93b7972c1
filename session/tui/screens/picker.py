"""Meeting picker (chọn hội nghị): list, create from a template, open."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from models.errors import HoinghiError
from session.domain.dates import fmt_date
from session.domain.meetings import list_meetings
from session.i18n import t


class PickerScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "open", t("key.open")),
        Binding("n", "new", t("key.new")),
        Binding("e", "details", t("key.details")),
        Binding("y", "survey", t("key.survey")),
        Binding("q", "app.quit", t("key.quit")),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("picker.title"), classes="screen-title")
        yield Static(t("picker.empty"), id="picker-empty")
        table: DataTable = DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(
            t("picker.col.id"),
            t("picker.col.date"),
            t("picker.col.status"),
            t("picker.col.title"),
            t("picker.col.venue"),
            t("picker.col.speakers"),
        )
        self.refresh_list()

    def on_screen_resume(self) -> None:
        self.refresh_list()

    def refresh_list(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        try:
            meetings = list_meetings(self.app.store)
        except HoinghiError as exc:
            self.app.report(exc)
            meetings = []
        for m in meetings:
            table.add_row(
                str(m.id),
                fmt_date(m.planned_date),
                t(f"status.{m.status}"),
                m.title,
                m.venue,
                str(m.registrations),
                key=str(m.id),
            )
        self.query_one("#picker-empty").display = not meetings
        table.display = bool(meetings)
        if meetings:
            table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_meeting(int(event.row_key.value))

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self.app.open_meeting(int(key.value))

    def action_details(self) -> None:
        from session.tui.screens.details import MeetingDetailsScreen

        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self.app.push_screen(MeetingDetailsScreen(int(key.value)), lambda saved: saved and self.refresh_list())

    def action_survey(self) -> None:
        from session.tui.screens.survey import SurveyScreen

        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self.app.push_screen(SurveyScreen(int(key.value)))

    def action_new(self) -> None:
        from session.tui.screens.new_meeting import NewMeetingScreen

        def created(meeting_id: int | None) -> None:
            if meeting_id is not None:
                self.refresh_list()
                self.app.notify(t("new.created", id=meeting_id))
                self.app.open_meeting(meeting_id)

        self.app.push_screen(NewMeetingScreen(), created)
