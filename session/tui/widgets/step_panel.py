"""The step panel: the step in focus, its presenter and time, and the secretary's notes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from session.domain.clocks import minutes_over, step_elapsed
from session.domain.dates import fmt_duration
from session.domain.views import AgendaStep, MeetingView
from session.i18n import t
from session.tui.widgets.notes_editor import NotesEditor, Saver
from session.tui.widgets.text import show_text


class StepPanel(Vertical):
    """The step in focus and its notes editor (which saves through *save*)."""

    def __init__(self, save: Saver, clock: Callable[[], datetime], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._save = save
        self._clock = clock

    def compose(self) -> ComposeResult:
        yield Static("", id="step-heading", classes="section-title")
        yield Static("", id="step-title")
        yield Static("", id="step-meta")
        with Horizontal(id="notes-bar"):
            yield Static(t("live.notes"), id="notes-label")
            yield Static("", id="notes-status")
        yield NotesEditor(self._save, self._clock, id="notes")

    def show_step(self, step: AgendaStep | None, view: MeetingView, now: datetime) -> None:
        heading = self.query_one("#step-heading", Static)
        title = self.query_one("#step-title", Static)
        notes = self.query_one(NotesEditor)
        if step is None:
            if view.status == "planned":
                what = t("live.no_step.start")
            else:
                what = t("live.no_step.next")
            done = view.status != "planned" and all(s.ended_at or s.skipped for s in view.agenda)
            show_text(heading, t("live.all_done") if done and view.status != "closed" else t("live.no_step", what=what))
            show_text(title, "")
            show_text(self.query_one("#step-meta", Static), "")
            notes.disabled = True
            return
        state = "current" if step.id == view.current_item_id else step.state
        if state == "current" and step.ended_at:
            state = "done"
        show_text(heading, t(f"live.step.{state}", n=step.position))
        show_text(title, Text(step.title, style="bold"))
        notes.disabled = False
        self.tick(step, view, now)

    def tick(self, step: AgendaStep | None, view: MeetingView, now: datetime) -> None:
        if step is None:
            return
        meta = Text()
        if step.presenter:
            meta.append(t("live.presenter", name=step.presenter))
            meta.append("\n")
        elapsed = step_elapsed(step, view, now)
        planned = step.planned_minutes * 60
        meta.append(t("live.step.elapsed", elapsed=fmt_duration(elapsed), planned=fmt_duration(planned)))
        if step.started_at is not None and elapsed > planned:
            meta.append("  ")
            meta.append(t("clock.step.over", m=minutes_over(elapsed, planned)), style="bold red")
        show_text(self.query_one("#step-meta", Static), meta)

    def set_notes_status(self, text: str) -> None:
        # While a status is shown ("đã lưu 08:42:05") it says the saving: the label makes
        # room for it on a narrow pane.
        show_text(self.query_one("#notes-label", Static), t("live.notes.short") if text else t("live.notes"))
        show_text(self.query_one("#notes-status", Static), text)
