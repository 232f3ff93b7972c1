"""The meeting screen: the agenda (chương trình) of one meeting."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from models.errors import HoinghiError
from session.domain.dates import fmt_date, fmt_time
from session.domain.meetings import meeting_view
from session.domain.views import MeetingView
from session.i18n import t


class MeetingScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "back", t("key.back")),
        Binding("q", "app.quit", t("key.quit")),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.view: MeetingView | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="meeting-header", classes="screen-title")
        yield Static(t("agenda.title"), classes="section-title")
        yield DataTable(id="agenda", cursor_type="row", zebra_stripes=True)
        yield Static("", id="agenda-total")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#agenda", DataTable)
        table.add_column(t("agenda.col.no"), key="no")
        table.add_column(t("agenda.col.step"), key="step")
        table.add_column(t("agenda.col.presenter"), key="presenter")
        table.add_column(t("agenda.col.planned"), key="planned")
        table.add_column(t("agenda.col.actual"), key="actual")
        self.reload()

    def reload(self) -> None:
        try:
            self.view = meeting_view(self.app.store, self.meeting_id)
        except HoinghiError as exc:
            self.app.report(exc)
            return
        view = self.view
        self.query_one("#meeting-header", Static).update(
            t("meeting.header", title=view.title, venue=view.venue or "—", date=fmt_date(view.planned_date) or "—")
            + f" · {t('status.' + view.status)}"
        )
        table = self.query_one("#agenda", DataTable)
        table.clear()
        for step in view.agenda:
            actual = ""
            if step.started_at and step.ended_at:
                minutes = round(((step.ended_at - step.started_at).total_seconds() - step.paused_seconds) / 60)
                actual = t("minutes.short", m=minutes)
            table.add_row(
                str(step.position),
                step.title,
                step.presenter,
                t("minutes.short", m=step.planned_minutes),
                actual,
                key=str(step.id),
            )
        start = view.planned_start
        end = ""
        if start:
            end_dt = datetime.combine(view.planned_date or datetime.min.date(), start) + timedelta(
                minutes=view.planned_minutes
            )
            end = fmt_time(end_dt)
        self.query_one("#agenda-total", Static).update(
            t("agenda.total", minutes=view.planned_minutes, start=fmt_time(start) or "—", end=end or "—")
        )
        table.focus()

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            from session.tui.screens.picker import PickerScreen

            self.app.switch_screen(PickerScreen())
