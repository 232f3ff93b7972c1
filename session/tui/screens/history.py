"""The history screen (nhật ký): who changed what, when — the event log, newest first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from session.domain.history import history_rows
from session.i18n import t


class HistoryScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", t("key.back"))]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Static(t("history.title"), id="title-bar")
        yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(t("history.col.at"), width=19)
        table.add_column(t("history.col.actor"), width=16)
        table.add_column(t("history.col.action"), width=22)
        table.add_column(t("history.col.detail"), width=90)
        for row in history_rows(self.app.store, self.meeting_id, limit=2000):
            undone = t("history.undone") if row.undone else ""
            table.add_row(
                f"{row.at:%d/%m/%Y %H:%M:%S}", t(f"actor.{row.actor}"), t(f"action.{row.action}") + undone, row.detail
            )
        table.focus()
