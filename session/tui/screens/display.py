"""The hall display (màn hình hội trường): read-only, large type, for a projector or a
second terminal. It follows the meeting from the database (any process) twice a second."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Digits, Static

from models.errors import HoinghiError
from session.domain.clocks import forecast
from session.domain.dates import fmt_duration, fmt_time
from session.domain.live import LiveState, load_live
from session.domain.queue import WARNING_SECONDS
from session.i18n import t
from session.tui.screens.base import MeetingScreenBase


class DisplayScreen(MeetingScreenBase):
    BINDINGS = [Binding("q,escape", "app.quit", t("key.quit"))]

    def __init__(self, meeting_id: int) -> None:
        super().__init__(meeting_id)
        self.state: LiveState | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="display"):
            yield Static("", id="display-title")
            yield Static("", id="display-step")
            yield Static("", id="display-speaker")
            yield Digits("", id="display-clock")
            yield Static("", id="display-words")
            yield Static("", id="display-next")
            yield Static("", id="display-footer")

    def on_mount(self) -> None:
        super().on_mount()
        self.reload()
        self.set_interval(1.0, self.tick)

    def on_store_changed(self, changes) -> None:  # noqa: ANN001
        self.reload()

    def reload(self) -> None:
        try:
            self.state = load_live(self.app.store, self.meeting_id, self.app.clock())
        except HoinghiError:
            return  # the other side is restarting or busy: keep showing the last state
        view = self.state.view
        self.query_one("#display-title", Static).update(Text(view.title, style="bold", justify="center"))
        step = view.current_step
        if view.status == "closed":
            step_text = t("display.closed")
        elif view.status == "recess":
            step_text = t("display.recess")
        elif step is None:
            step_text = t("display.planned", time=fmt_time(view.planned_start) or "…")
        else:
            total = sum(1 for s in view.agenda if not s.skipped)
            step_text = t("display.step", n=step.position, total=total, title=step.title)
        self.query_one("#display-step", Static).update(Text(step_text, justify="center"))
        floor = self.state.floor
        speaker = Text(justify="center")
        if floor.speaker is None:
            speaker.append(t("display.nobody"), style="dim")
        else:
            speaker.append(floor.speaker.name, style="bold")
            speaker.append(f"\n{floor.speaker.locality or '—'} · {floor.speaker.field or '—'}")
        self.query_one("#display-speaker", Static).update(speaker)
        upcoming = Text(justify="center")
        if floor.next_names:
            upcoming.append(t("display.next") + ": ", style="bold")
            upcoming.append("  ·  ".join(floor.next_names))
        self.query_one("#display-next", Static).update(upcoming)
        self.tick()

    def tick(self) -> None:
        if self.state is None:
            return
        now: datetime = self.app.clock()
        floor = self.state.floor
        digits = self.query_one("#display-clock", Digits)
        words = self.query_one("#display-words", Static)
        digits.remove_class("warning", "over")
        if floor.speaker is None:
            digits.update("")
            words.update("")
        else:
            left = floor.speaker.limit_seconds - floor.speaker.elapsed(now)
            if left < 0:
                digits.update(fmt_duration(-left, signed=True).replace("−", "-"))
                digits.add_class("over")
                words.update(Text(t("display.over") + " " + fmt_duration(-left), style="bold red", justify="center"))
            else:
                digits.update(fmt_duration(left))
                if left <= WARNING_SECONDS:
                    digits.add_class("warning")
                    words.update(Text(t("display.warning", seconds=int(left)), style="bold yellow", justify="center"))
                else:
                    words.update(Text(t("display.left"), justify="center"))
        fc = forecast(self.state.view, now, self.state.queue)
        footer = t("display.waiting", waiting=self.state.queue.waiting)
        if fc.end is not None:
            footer += "   ·   " + t("display.forecast", time=fmt_time(fc.end))
        self.query_one("#display-footer", Static).update(Text(footer, justify="center"))
