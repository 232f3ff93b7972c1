"""The history screen (nhật ký): the meeting's actions as sentences, newest first —
"08:42 Bàn đăng ký: ghi số 27 Lý Văn Tài"."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from session.domain.history import history_rows, machines
from session.i18n import t
from session.tui.actions import HISTORY
from session.tui.screens.base import HoinghiScreen
from session.tui.widgets.key_bar import KeyBar
from session.workstation.story import desk_label, sentence


class HistoryScreen(HoinghiScreen):
    ACTIONS = HISTORY

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Static(t("history.title"), id="title-bar")
        yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(t("history.col.at"), width=8)
        table.add_column(t("history.col.actor"), width=22)
        table.add_column(t("history.col.action"), width=90)
        rows = history_rows(self.hoinghi.store, self.meeting_id, limit=2000)
        several = machines(rows) > 1
        for row in rows:
            what = Text(sentence(row.action, row.facts), style="dim strike" if row.undone else "")
            if row.undone:
                what.append(t("story.undone"), style="dim")
            table.add_row(f"{row.at:%H:%M:%S}", desk_label(row.actor, row.desk, with_machine=several), what)
        table.focus()

    def action_back(self) -> None:
        self.app.pop_screen()
