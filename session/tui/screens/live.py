"""The live console (màn hình điều hành): the screen the secretary lives in for four hours.

Every key press becomes one domain action (one durable transaction); the screen then
re-reads what changed. The clock ticks once a second and repaints only the clock bar,
the step timer and, when its text changes, one table cell.
"""

from __future__ import annotations

import time as _time
from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Static, TextArea

from models.errors import Conflict, HoinghiError
from models.text import clean_text
from session.domain import agenda, queue
from session.domain.answers import (
    Answerer,
    answerers,
    end_answer,
    issues_of_registration,
    last_speaker,
    start_answer,
)
from session.domain.dates import fmt_date
from session.domain.live import LiveState, load_live
from session.domain.phrases import fill, load_phrases, phrases_file
from session.domain.registrations import speaker_field
from session.domain.views import AgendaStep
from session.i18n import error_text, t
from session.tui.screens.base import MeetingScreenBase
from session.tui.screens.dialogs import ConfirmScreen, HelpScreen, PhraseScreen, StepDraft, StepFormScreen
from session.tui.widgets.agenda_table import AgendaTable
from session.tui.widgets.clock_bar import ClockBar
from session.tui.widgets.queue_panel import QueuePanel
from session.tui.widgets.step_panel import NotesArea, StepPanel

NOTES_DEBOUNCE = 0.4  # seconds of quiet before the notes are saved
NOTES_MAX_WAIT = 0.8  # typing without pause still saves at least this often
NOTES_RETRY = 3.0  # notes that could not be saved (a lock, a full disk) are tried again


class LiveScreen(MeetingScreenBase):
    BINDINGS = [
        # Ctrl keys work even while typing notes; the single letters are quicker elsewhere.
        Binding("n", "next_step", t("key.next"), show=False),
        Binding("ctrl+n", "next_step", t("key.next"), priority=True),
        Binding("b", "prev_step", t("key.prev"), show=False),
        Binding("ctrl+b", "prev_step", t("key.prev"), show=False, priority=True),
        Binding("g,enter", "jump", t("key.jump"), show=False),
        Binding("i", "insert_step", t("key.insert"), show=False),
        Binding("e", "edit_step", t("key.edit"), show=False),
        Binding("shift+up", "move_step(-1)", t("key.move_up"), show=False),
        Binding("shift+down", "move_step(1)", t("key.move_down"), show=False),
        Binding("s", "skip_step", t("key.skip"), show=False),
        Binding("p", "recess", t("key.recess"), show=False),
        Binding("ctrl+r", "recess", t("key.recess"), priority=True),
        Binding("k", "close_meeting", t("key.close"), show=False),
        Binding("u,ctrl+z", "undo", t("key.undo")),
        Binding("w", "notes", t("key.notes"), show=False),
        Binding("t", "phrase", t("key.phrase"), show=False),
        Binding("ctrl+t", "phrase", t("key.phrase"), show=False, priority=True),
        Binding("c", "call_next", t("key.call_next")),
        Binding("v", "call_field", t("key.call_field"), show=False),
        Binding("f", "finish_speech", t("key.finish"), show=False),
        Binding("space", "pause_speech", t("key.pause_speech"), show=False),
        Binding("a", "answer", t("key.answer")),
        Binding("r", "register", t("key.register")),
        Binding("d", "queue", t("key.queue")),
        Binding("l", "ledger", t("key.ledger"), show=False),
        Binding("o", "followup", t("key.followup"), show=False),
        Binding("y", "survey", t("key.survey"), show=False),
        Binding("h", "history", t("key.history"), show=False),
        Binding("x", "export", t("key.export"), show=False),
        Binding("m", "details", t("key.details"), show=False),
        Binding("f1", "help", t("key.help")),
        Binding("escape", "meetings", t("key.meetings"), show=False),
        Binding("q", "app.quit", t("key.quit"), show=False),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__(meeting_id)
        self.state: LiveState | None = None
        self.shown_step_id: int | None = None
        self._notes_loaded = ""
        self._notes_dirty_since: float | None = None
        self._notes_timer: Any = None
        self._notes_saved: tuple[int, str] | None = None  # (step id, text as stored)
        self._notes_error: str | None = None  # why the notes on screen are not saved yet

    # --- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("", id="title-bar")
        yield ClockBar(id="clock-bar")
        with Horizontal(id="live-body"):
            with Vertical(id="left-pane"):
                yield AgendaTable(id="agenda")
                yield QueuePanel(id="queue-panel")
            yield StepPanel(id="step-panel")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.reload(follow_current=True)
        self.set_interval(1.0, self.tick)
        self.focus_agenda()

    def on_screen_suspend(self) -> None:
        self.flush_notes()

    def on_unmount(self) -> None:
        self.flush_notes()

    def focus_agenda(self) -> None:
        self.query_one(AgendaTable).focus()

    # --- reading ------------------------------------------------------------------

    def reload(self, *, follow_current: bool = False) -> None:
        now = self.app.clock()
        try:
            self.state = load_live(self.app.store, self.meeting_id, now)
        except HoinghiError as exc:
            self.app.report(exc)
            return
        view = self.state.view
        self.query_one("#title-bar", Static).update(
            f"{t('status.' + view.status)} · {fmt_date(view.planned_date) or '—'} · {view.title} · {view.venue or '—'}"
        )
        table = self.query_one(AgendaTable)
        cursor = view.current_item_id if follow_current else None
        table.show(view, now, cursor_step=cursor)
        self.query_one(QueuePanel).show(self.state, now)
        self.query_one(ClockBar).show(self.state, now)
        self._show_step(table.selected_step_id(), reload_notes=True)

    def on_store_changed(self, changes) -> None:  # noqa: ANN001
        current = self.state.view.current_item_id if self.state else None
        self.reload()
        if self.state is not None and self.state.view.current_item_id != current:
            self.reload(follow_current=True)

    def _step(self, step_id: int | None) -> AgendaStep | None:
        if self.state is None or step_id is None:
            return None
        return next((s for s in self.state.view.agenda if s.id == step_id), None)

    def _show_step(self, step_id: int | None, *, reload_notes: bool) -> None:
        if self.state is None:
            return
        if step_id != self.shown_step_id:
            if not self.flush_notes():
                # The notes on screen could not be saved: stay with them rather than show
                # another step's notes in their place (or save them to the wrong step).
                if self.shown_step_id is not None:
                    self.query_one(AgendaTable).show(self.state.view, self.app.clock(), cursor_step=self.shown_step_id)
                step = self._step(self.shown_step_id)
                self.query_one(StepPanel).show_step(step, self.state.view, self.app.clock())
                return
            reload_notes = True
        step = self._step(step_id)
        self.shown_step_id = step.id if step else None
        panel = self.query_one(StepPanel)
        panel.show_step(step, self.state.view, self.app.clock())
        if reload_notes and self._notes_dirty_since is None:
            text = step.notes if step else ""
            if step is not None and self._notes_saved == (step.id, text):
                return  # the store holds what this screen saved: keep the text and cursor as typed
            self._notes_loaded = text
            self._notes_saved = (step.id, text) if step else None
            notes = self.query_one(NotesArea)
            if notes.text != text:
                notes.load_text(text)
            panel.set_notes_status("")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "agenda" and event.row_key is not None:
            step_id = int(event.row_key.value)
            if step_id != self.shown_step_id:
                self._show_step(step_id, reload_notes=True)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "agenda":
            self.action_jump()

    def tick(self) -> None:
        if self.state is None:
            return
        now = self.app.clock()
        view = self.state.view
        self.query_one(ClockBar).show(self.state, now)
        self.query_one(AgendaTable).tick(view, now)
        self.query_one(QueuePanel).tick(now)
        step = self._step(self.shown_step_id)
        if step is not None and step.id == view.current_item_id:
            self.query_one(StepPanel).tick(step, view, now)

    # --- notes --------------------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id != "notes":
            return
        if event.text_area.text == self._notes_loaded and self._notes_dirty_since is None:
            return  # loaded from the store, not typed
        moment = _time.monotonic()
        if self._notes_dirty_since is None:
            self._notes_dirty_since = moment
        self.query_one(StepPanel).set_notes_status(t("live.notes.pending"))
        if moment - self._notes_dirty_since >= NOTES_MAX_WAIT:
            self.flush_notes()
            return
        if self._notes_timer is not None:
            self._notes_timer.stop()
        self._notes_timer = self.set_timer(NOTES_DEBOUNCE, self.flush_notes)

    def flush_notes(self) -> bool:
        """Save the notes on screen now if they changed (autosave and before any action).

        False when they could not be saved (too long, a locked or full database): they
        stay on screen marked unsaved, are tried again every few seconds, and nothing that
        would replace them on screen goes ahead."""
        if self._notes_timer is not None:
            self._notes_timer.stop()
            self._notes_timer = None
        if self._notes_dirty_since is None or self.shown_step_id is None:
            return True
        areas = self.query(NotesArea)
        if not areas:
            return True  # the screen is being taken down (its text was saved when it was left)
        text = areas.first().text
        now = self.app.clock()
        try:
            agenda.save_notes(self.app.store, self.shown_step_id, text, at=now)
        except HoinghiError as exc:
            message = error_text(exc)
            self.query_one(StepPanel).set_notes_status(t("live.notes.unsaved", message=message))
            if message != self._notes_error:
                self.app.report(exc)
                self._notes_error = message
            self._notes_timer = self.set_timer(NOTES_RETRY, self.flush_notes)
            return False
        self._notes_error = None
        self._notes_dirty_since = None
        self._notes_loaded = text
        self._notes_saved = (self.shown_step_id, clean_text(text, multiline=True))
        self.query_one(StepPanel).set_notes_status(t("live.notes.saved", time=now.strftime("%H:%M:%S")))
        return True

    def _notes_are_saved(self) -> bool:
        """Save the notes first; if they cannot be, say so: the action must not replace them."""
        if self.flush_notes():
            return True
        self.app.notify(t("live.notes.first"), severity="warning", timeout=6)
        return False

    # --- actions ------------------------------------------------------------------

    def _act(self, fn: Callable[[Any], Any], *, follow: bool = True, done: str | None = None) -> Any:
        if not self._notes_are_saved():
            return None
        try:
            result = fn(self.app.clock())
        except HoinghiError as exc:
            self.app.report(exc)
            self.reload(follow_current=True)  # show the current state (another screen may have acted)
            return None
        self.reload(follow_current=follow)
        from session.domain.sync import last_event_id

        self.seen_event = last_event_id(self.app.store)  # a full reload has seen everything
        if done:
            self.app.notify(done, timeout=4)
        return result if result is not None else True

    def action_next_step(self) -> None:
        seen = self.state.view.current_item_id if self.state and self.state.view.status != "planned" else -1
        self._act(lambda at: agenda.next_step(self.app.store, self.meeting_id, at=at, expect_current=seen))

    def action_prev_step(self) -> None:
        self._act(lambda at: agenda.previous_step(self.app.store, self.meeting_id, at=at))

    def action_jump(self) -> None:
        step_id = self.query_one(AgendaTable).selected_step_id()
        if step_id is not None:
            self._act(lambda at: agenda.jump_to(self.app.store, self.meeting_id, step_id, at=at))

    def action_insert_step(self) -> None:
        step = self._step(self.query_one(AgendaTable).selected_step_id())
        after = step.position if step else 0
        created: list[int] = []

        def submit(draft: StepDraft) -> None:
            created.append(
                agenda.insert_step(
                    self.app.store,
                    self.meeting_id,
                    at=self.app.clock(),
                    after_position=after,
                    title=draft.title,
                    presenter=draft.presenter,
                    minutes=draft.minutes,
                    kind=draft.kind,
                )
            )

        def closed(draft: StepDraft | None) -> None:
            if draft is not None and created:
                self.reload()
                self.query_one(AgendaTable).show(self.state.view, self.app.clock(), cursor_step=created[0])

        self.flush_notes()
        self.app.push_screen(StepFormScreen(t("step.form.insert"), submit=submit), closed)

    def action_edit_step(self) -> None:
        step = self._step(self.query_one(AgendaTable).selected_step_id())
        if step is None:
            return

        def submit(draft: StepDraft) -> None:
            agenda.edit_step(
                self.app.store,
                step.id,
                at=self.app.clock(),
                title=draft.title,
                presenter=draft.presenter,
                minutes=draft.minutes,
                kind=draft.kind,
            )

        self.flush_notes()
        draft = StepDraft(step.title, step.presenter, step.planned_minutes, step.kind)
        self.app.push_screen(StepFormScreen(t("step.form.edit"), draft, submit=submit), lambda d: d and self.reload())

    def action_move_step(self, delta: int) -> None:
        step_id = self.query_one(AgendaTable).selected_step_id()
        if step_id is not None:
            self._act(lambda at: agenda.move_step(self.app.store, step_id, delta, at=at), follow=False)

    def action_skip_step(self) -> None:
        step_id = self.query_one(AgendaTable).selected_step_id()
        if step_id is not None:
            self._act(lambda at: agenda.toggle_skip(self.app.store, step_id, at=at), follow=False)

    def action_recess(self) -> None:
        if self.state is None:
            return
        if self.state.view.status == "recess":
            self._act(lambda at: agenda.resume(self.app.store, self.meeting_id, at=at), done=t("done.resume"))
        else:
            self._act(lambda at: agenda.recess(self.app.store, self.meeting_id, at=at), done=t("done.recess"))

    def action_close_meeting(self) -> None:
        from session.domain.ledger import open_items
        from session.tui.screens.dialogs import ReasonScreen

        now = self.app.clock()
        if not self._notes_are_saved():
            return
        pending = open_items(self.app.store, self.meeting_id).count

        def close(reason: str = "") -> None:
            self._act(
                lambda at: agenda.close_meeting(self.app.store, self.meeting_id, at=at, reason=reason),
                done=t("done.closed", time=self.app.clock().strftime("%H:%M")),
            )

        def close_with(reason: str) -> None:  # in the reason form: a refusal keeps the reason typed
            agenda.close_meeting(self.app.store, self.meeting_id, at=self.app.clock(), reason=reason)

        def closed(reason: str) -> None:
            if reason:
                self.reload(follow_current=True)
                self.app.notify(t("done.closed", time=self.app.clock().strftime("%H:%M")), timeout=4)

        if pending:
            self.app.push_screen(ReasonScreen(t("close.reason.title", count=pending), close_with), closed)
            return
        self.app.push_screen(ConfirmScreen(t("confirm.close", time=now.strftime("%H:%M"))), lambda yes: yes and close())

    def action_undo(self) -> None:
        name = self._act(lambda at: agenda.undo(self.app.store, self.meeting_id, at=at))
        if isinstance(name, str):
            self.app.notify(t("done.undo", action=t(f"action.{name}")), timeout=4)

    def action_notes(self) -> None:
        notes = self.query_one(NotesArea)
        if not notes.disabled:
            notes.focus()

    def action_phrase(self) -> None:
        notes = self.query_one(NotesArea)
        if notes.disabled or self.state is None:
            return
        try:
            phrases = load_phrases()
        except HoinghiError as exc:
            self.app.report(exc)
            return
        step = self._step(self.shown_step_id)
        filled = [fill(phrase, self.state.view, step, self.app.clock()) for phrase in phrases]
        labels = list(filled)
        if step is not None and step.kind == "conclusion":
            from session.domain.ledger import conclusions_summary

            summary = conclusions_summary(self.app.store, self.meeting_id)
            if summary:
                filled.insert(0, summary)
                labels.insert(0, t("phrase.conclusions", count=summary.count("\n") + 1))

        def chosen(text: str | None) -> None:
            notes.focus()
            if text:
                before = notes.document.get_line(notes.cursor_location[0])[: notes.cursor_location[1]]
                prefix = "" if not before or before.endswith(" ") else " "
                notes.insert(prefix + text)

        self.app.push_screen(PhraseScreen(filled, str(phrases_file()), labels), chosen)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.key_rows()))

    def action_meetings(self) -> None:
        if not self._notes_are_saved():
            return
        self.leave_to_picker()

    # --- the floor: speakers and answers ----------------------------------------------

    def _floor_act(self, fn: Callable[[Any], Any]) -> Any:
        return self._act(fn, follow=False)

    def action_call_next(self, field: str | None = None) -> None:
        speaking = self.state.floor.speaker.id if self.state and self.state.floor.speaker else None
        called = self._floor_act(
            lambda at: (
                queue.call_next(self.app.store, self.meeting_id, at=at, field=field, expect_current=speaking) or "none"
            )
        )
        if called == "none":
            where = f" ({field})" if field else ""
            self.app.notify(t("done.nobody_waiting", field=where), timeout=4)

    def action_call_field(self) -> None:
        field = None
        if self.state is not None and self.state.floor.speaker is not None:
            field = self.state.floor.speaker.field
        else:
            last = last_speaker(self.app.store, self.meeting_id)
            if last is not None:
                field = speaker_field(self.app.store, last)
        self.action_call_next(field=field)

    def action_finish_speech(self) -> None:
        self._floor_act(lambda at: queue.finish(self.app.store, self.meeting_id, at=at))

    def action_pause_speech(self) -> None:
        self._floor_act(lambda at: queue.toggle_pause(self.app.store, self.meeting_id, at=at))

    def action_answer(self) -> None:
        from session.tui.screens.answer import AnswerEndScreen, AnswerPickScreen

        self.flush_notes()
        if self.state is not None and self.state.floor.answer is not None:

            def submit(summary: str) -> None:
                end_answer(self.app.store, self.meeting_id, at=self.app.clock(), summary=summary or None)

            self.app.push_screen(AnswerEndScreen(submit), lambda _summary: self.reload())
            return
        reg_id = last_speaker(self.app.store, self.meeting_id)
        issue_ids = issues_of_registration(self.app.store, reg_id) if reg_id is not None else []
        if not issue_ids:
            self.app.report(Conflict("answer.no_issue"))
            return

        def picked(who: Answerer | None) -> None:
            if who is not None:
                self._floor_act(lambda at: start_answer(self.app.store, self.meeting_id, issue_ids, who, at=at))

        self.app.push_screen(AnswerPickScreen(answerers(self.app.store, self.meeting_id)), picked)

    def action_register(self) -> None:
        from session.tui.screens.registration_form import RegistrationForm

        self.open_screen(RegistrationForm(self.meeting_id), lambda _n: self.reload())

    def action_queue(self) -> None:
        from session.tui.screens.queue import QueueScreen

        self.open_screen(QueueScreen(self.meeting_id))

    def action_details(self) -> None:
        from session.tui.screens.details import MeetingDetailsScreen

        self.open_screen(MeetingDetailsScreen(self.meeting_id), lambda saved: saved and self.reload())

    def open_screen(self, screen, callback=None) -> None:  # noqa: ANN001
        """Open another screen over the console; the notes on screen are saved first."""
        self.flush_notes()
        self.app.push_screen(screen, callback)

    def action_ledger(self) -> None:
        from session.tui.screens.ledger import LedgerScreen

        self.open_screen(LedgerScreen(self.meeting_id))

    def action_followup(self) -> None:
        from session.tui.screens.followup import FollowupScreen

        self.open_screen(FollowupScreen(self.meeting_id))

    def action_survey(self) -> None:
        from session.tui.screens.survey import SurveyScreen

        self.open_screen(SurveyScreen(self.meeting_id))

    def action_history(self) -> None:
        from session.tui.screens.history import HistoryScreen

        self.open_screen(HistoryScreen(self.meeting_id))

    def action_export(self) -> None:
        from session.tui.screens.export_screen import ExportScreen

        self.open_screen(ExportScreen(self.meeting_id))

    # --- palette ------------------------------------------------------------------

    def palette_commands(self) -> list[tuple[str, str, Callable[[], Any]]]:
        return [
            (t("key.next"), t("cmd.next"), self.action_next_step),
            (t("key.prev"), t("cmd.prev"), self.action_prev_step),
            (t("key.jump"), t("cmd.jump"), self.action_jump),
            (t("key.insert"), t("cmd.insert"), self.action_insert_step),
            (t("key.edit"), t("cmd.edit"), self.action_edit_step),
            (t("key.move_up"), t("cmd.move_up"), lambda: self.action_move_step(-1)),
            (t("key.move_down"), t("cmd.move_down"), lambda: self.action_move_step(1)),
            (t("key.skip"), t("cmd.skip"), self.action_skip_step),
            (t("key.recess"), t("cmd.recess"), self.action_recess),
            (t("key.close"), t("cmd.close"), self.action_close_meeting),
            (t("key.undo"), t("cmd.undo"), self.action_undo),
            (t("key.notes"), t("cmd.notes"), self.action_notes),
            (t("key.phrase"), t("cmd.phrase"), self.action_phrase),
            (t("key.call_next"), t("cmd.call_next"), self.action_call_next),
            (t("key.call_field"), t("cmd.call_field"), self.action_call_field),
            (t("key.finish"), t("cmd.finish"), self.action_finish_speech),
            (t("key.pause_speech"), t("cmd.pause_speech"), self.action_pause_speech),
            (t("key.answer"), t("cmd.answer"), self.action_answer),
            (t("key.register"), t("cmd.register"), self.action_register),
            (t("key.queue"), t("cmd.queue"), self.action_queue),
            (t("key.ledger"), t("cmd.ledger"), self.action_ledger),
            (t("key.followup"), t("cmd.followup"), self.action_followup),
            (t("key.history"), t("cmd.history"), self.action_history),
            (t("key.export"), t("cmd.export"), self.action_export),
            (t("key.help"), t("cmd.help"), self.action_help),
            (t("key.meetings"), t("cmd.meetings"), self.action_meetings),
        ]
