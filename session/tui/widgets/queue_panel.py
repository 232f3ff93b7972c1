"""The speaker queue panel (danh sách phát biểu) on the live screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from session.domain.live import LiveState
from session.i18n import t


class QueuePanel(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(t("live.queue.title"), classes="section-title")
        yield Static(t("live.queue.empty"), id="queue-summary")

    def show(self, state: LiveState) -> None:
        queue = state.queue
        summary = self.query_one("#queue-summary", Static)
        if queue.waiting == 0:
            summary.update(t("live.queue.empty"))
        else:
            minutes = round(queue.waiting_seconds / 60)
            summary.update(t("live.queue.summary", waiting=queue.waiting, minutes=minutes))
