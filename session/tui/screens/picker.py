"""Meeting picker (chọn hội nghị): list, create from a template, open."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Header, Static

from models.errors import HoinghiError
from session.domain.dates import fmt_date
from session.domain.meetings import list_meetings
from session.domain.plans import plan_groups
from session.i18n import t
from session.tui.actions import PICKER
from session.tui.screens.base import HoinghiScreen
from session.tui.widgets.key_bar import KeyBar


class PickerScreen(HoinghiScreen):
    """The meetings, grouped under their plans. The cursor starts on a meeting, never on a
    plan's heading: the one given (the meeting just left), else the one it was on, else
    the first."""

    ACTIONS = PICKER

    def __init__(self, highlight: int | None = None) -> None:
        super().__init__()
        self._highlight = None if highlight is None else str(highlight)
        self._shown = False  # the list has been shown (the cursor is the person's)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("picker.title"), classes="screen-title")
        yield Static(t("picker.empty"), id="picker-empty")
        table: DataTable[str | Text] = DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield table
        yield KeyBar()

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
        keep = self._highlight or (self._selected_key() if self._shown else None)
        by_person = self._shown and self._highlight is None  # where the person left the cursor
        self._highlight = None
        table.clear()
        try:
            meetings = list_meetings(self.hoinghi.store)
            groups = plan_groups(self.hoinghi.store, meetings)
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            meetings, groups = [], []
        for plan, members in groups:
            if plan is not None or len(groups) > 1:
                label = t("picker.plan", plan=plan.short, count=len(members)) if plan else t("picker.no_plan")
                key = f"plan-{plan.id}" if plan else "plan-none"
                table.add_row("", str(plan.year) if plan else "", "", Text(label, style="bold"), "", "", key=key)
            for m in members:
                table.add_row(
                    str(m.id),
                    fmt_date(m.day),
                    t(f"status.{m.status}"),
                    m.title,
                    m.venue,
                    str(m.registrations),
                    key=str(m.id),
                )
        self.query_one("#picker-empty").display = not meetings
        table.display = bool(meetings)
        if meetings:
            keys = [key.value for key in table.rows if key.value]
            meeting_rows = [key for key in keys if not key.startswith("plan-")]
            # A heading only if the person put the cursor there; else the first meeting shown.
            target = keep if keep in (keys if by_person else meeting_rows) else meeting_rows[0]
            table.move_cursor(row=table.get_row_index(target), animate=False)
            table.focus()
        self._shown = True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self._open(event.row_key.value)

    def _selected_key(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def _meeting_key(self) -> str | None:
        """The meeting under the cursor; on a plan's heading, a word saying to choose one."""
        key = self._selected_key()
        if key is not None and key.startswith("plan-"):
            self.notify(t("picker.choose_meeting"), severity="warning")
            return None
        return key

    def _open(self, key: str | None) -> None:
        if key is None or key == "plan-none":
            return
        if key.startswith("plan-"):  # a plan's heading: the plan itself
            self.action_plans(int(key.removeprefix("plan-")))
            return
        self.hoinghi.open_meeting(int(key))

    def action_open(self) -> None:
        self._open(self._selected_key())

    def action_details(self) -> None:
        from session.tui.screens.details import MeetingDetailsScreen

        key = self._meeting_key()
        if key is None:
            return

        def closed(saved: bool | None) -> None:
            if saved:
                self.refresh_list()

        self.app.push_screen(MeetingDetailsScreen(int(key)), closed)

    def action_plans(self, plan_id: int | None = None) -> None:
        from session.tui.screens.plans import PlansScreen

        self.app.push_screen(PlansScreen(plan_id))

    def action_due(self) -> None:
        from session.tui.screens.duties import DutiesScreen

        self.app.push_screen(DutiesScreen())

    def action_survey(self) -> None:
        from session.tui.screens.survey import SurveyScreen

        key = self._meeting_key()
        if key is not None:
            self.app.push_screen(SurveyScreen(int(key)))

    def action_new(self) -> None:
        from session.tui.screens.new_meeting import NewMeetingScreen

        def created(meeting_id: int | None) -> None:
            if meeting_id is not None:
                self.refresh_list()
                self.app.notify(t("new.created", id=meeting_id))
                self.hoinghi.open_meeting(meeting_id)

        self.app.push_screen(NewMeetingScreen(), created)
