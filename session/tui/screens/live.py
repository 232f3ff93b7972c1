"""The live console (màn hình điều hành): the screen the secretary lives in for four hours.

A key calls one method of the desk's workstation (one durable transaction); the screen
then repaints from the store, the one path for its own actions and everyone else's. The
clock ticks once a second and repaints only the clock bar, the step timer and, when its
text changes, one table cell.
"""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Static

from models.errors import HoinghiError
from session.domain.dates import fmt_date
from session.domain.live import LiveState, load_live, refresh_live
from session.domain.sync import Changes
from session.domain.views import AgendaStep
from session.i18n import t
from session.tui.actions import LIVE
from session.tui.screens.base import MeetingScreenBase
from session.tui.widgets.agenda_table import AgendaTable
from session.tui.widgets.clock_bar import ClockBar
from session.tui.widgets.key_bar import KeyBar
from session.tui.widgets.notes_editor import NotesEditor
from session.tui.widgets.queue_panel import QueuePanel
from session.tui.widgets.step_panel import StepPanel
from session.tui.widgets.text import show_text


class LiveScreen(MeetingScreenBase):
    ACTIONS = LIVE

    def __init__(self, meeting_id: int) -> None:
        super().__init__(meeting_id)
        self.state: LiveState | None = None
        self.shown_step_id: int | None = None
        self._bar_status = ""  # the meeting's status the key bar was last drawn for

    # --- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("", id="title-bar")
        yield ClockBar(id="clock-bar")
        with Horizontal(id="live-body"):
            with Vertical(id="left-pane"):
                yield AgendaTable(id="agenda")
                yield QueuePanel(id="queue-panel")
            yield StepPanel(self._save_notes, self.hoinghi.clock, id="step-panel")
        yield KeyBar()

    def _save_notes(self, step_id: int, text: str) -> None:
        self.ws.save_notes(step_id, text)

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

    @property
    def notes(self) -> NotesEditor:
        return self.query_one(NotesEditor)

    # --- reading ------------------------------------------------------------------

    def reload(self, *, follow_current: bool = False) -> None:
        """Read the whole live state and show it (on opening; after the particulars)."""
        now = self.hoinghi.clock()
        try:
            self.state = load_live(self.hoinghi.store, self.meeting_id, now)
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            return
        self._show_view(now, follow_current=follow_current)
        self.query_one(QueuePanel).show(self.state, now)
        self.query_one(ClockBar).show(self.state, now)

    def on_store_changed(self, changes: Changes) -> None:
        """Read again only what *changes* touched and repaint only that: an agenda action
        leaves the floor panel alone, a speaker called leaves the agenda alone."""
        before = self.state
        if before is None:
            self.reload(follow_current=True)
            return
        now = self.hoinghi.clock()
        try:
            self.state = refresh_live(self.hoinghi.store, before, changes, now)
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            return
        if self.state.view is not before.view:
            # The meeting moved on to another step: the cursor follows it.
            self._show_view(now, follow_current=self.state.view.current_item_id != before.view.current_item_id)
        if self.state.floor is not before.floor or self.state.view.status != before.view.status:
            # The floor panel also says whether the meeting is held (nobody is called
            # once it has closed, whoever had the floor or not).
            self.query_one(QueuePanel).show(self.state, now)
        if self.state is not before:
            self.query_one(ClockBar).show(self.state, now)

    #: What a closed meeting no longer does: left off the key bar (the keys still say why).
    CLOSED_OFF_BAR = frozenset(
        {
            "next_step",
            "prev_step",
            "jump",
            "recess",
            "call_next",
            "call_field",
            "finish_speech",
            "pause_speech",
            "answer",
            "register",
            "close_meeting",
        }
    )

    def offers(self, action: str) -> bool:
        """Whether the key bar shows *action* now."""
        closed = self.state is not None and self.state.view.status == "closed"
        return not (closed and action in self.CLOSED_OFF_BAR)

    def _show_view(self, now: datetime, *, follow_current: bool = False) -> None:
        """The title, the agenda and the step in focus, from ``self.state.view``."""
        assert self.state is not None
        view = self.state.view
        if view.status != self._bar_status:  # the bar offers what the meeting can do now
            self._bar_status = view.status
            self.refresh_bindings()
        show_text(
            self.query_one("#title-bar", Static),
            f"{t('status.' + view.status)} · {fmt_date(view.day) or '—'} · {view.title} · {view.venue or '—'}",
        )
        table = self.query_one(AgendaTable)
        table.show(view, now, cursor_step=view.current_item_id if follow_current else None)
        self._show_step(table.selected_step_id())

    def _step(self, step_id: int | None) -> AgendaStep | None:
        if self.state is None or step_id is None:
            return None
        return next((s for s in self.state.view.agenda if s.id == step_id), None)

    def _show_step(self, step_id: int | None) -> None:
        if self.state is None:
            return
        now = self.hoinghi.clock()
        step = self._step(step_id)
        if not self.notes.show_step(step.id if step else None, step.notes if step else ""):
            # The notes on screen could not be saved: stay with them rather than show
            # another step's notes in their place (or save them to the wrong step).
            if self.shown_step_id is not None:
                self.query_one(AgendaTable).show(self.state.view, now, cursor_step=self.shown_step_id)
            step = self._step(self.shown_step_id)
        else:
            self.shown_step_id = step.id if step else None
        self.query_one(StepPanel).show_step(step, self.state.view, now)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "agenda" and event.row_key is not None and event.row_key.value is not None:
            step_id = int(event.row_key.value)
            if step_id != self.shown_step_id:
                self._show_step(step_id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "agenda":
            self.action_jump()

    def tick(self) -> None:
        if self.state is None:
            return
        now = self.hoinghi.clock()
        view = self.state.view
        self.query_one(ClockBar).show(self.state, now)
        self.query_one(AgendaTable).tick(view, now)
        self.query_one(QueuePanel).tick(now)
        step = self._step(self.shown_step_id)
        if step is not None and step.id == view.current_item_id:
            self.query_one(StepPanel).tick(step, view, now)

    # --- notes --------------------------------------------------------------------

    def on_notes_editor_status(self, event: NotesEditor.Status) -> None:
        self.query_one(StepPanel).set_notes_status(event.text)
        if event.error is not None:
            self.hoinghi.report(event.error)

    def on_notes_editor_left(self, event: NotesEditor.Left) -> None:
        # Focus now (not later), so a key read with the Esc goes to the console.
        self.set_focus(self.query_one(AgendaTable))
        if event.key:
            self.app.call_later(self.app.simulate_key, event.key)

    def flush_notes(self) -> bool:
        """Save the notes on screen now (autosave, and before anything else happens)."""
        editors = self.query(NotesEditor)
        return editors.first().flush() if editors else True

    def ready_to_act(self) -> bool:
        if self.flush_notes():
            return True
        self.app.notify(t("live.notes.first"), severity="warning", timeout=6)
        return False

    # --- the agenda -----------------------------------------------------------------

    def selected_step(self) -> AgendaStep | None:
        return self._step(self.query_one(AgendaTable).selected_step_id())

    def action_next_step(self) -> None:
        view = self.state.view if self.state else None
        seen = view.current_item_id if view and view.status != "planned" else -1
        today = self.hoinghi.clock().date()
        if view is not None and view.status == "planned" and view.planned_date not in (None, today):
            # Starting a meeting set for another day is asked about: its clocks start now.
            from session.tui.screens.dialogs import ConfirmScreen

            question = t("live.start_other_day", planned=fmt_date(view.planned_date), today=fmt_date(today))

            def answered(yes: bool | None) -> None:
                if yes:
                    self.act(lambda: self.ws.next_step(seen=seen))

            self.open(ConfirmScreen(question), answered)
            return
        self.act(lambda: self.ws.next_step(seen=seen))

    def action_prev_step(self) -> None:
        self.act(self.ws.previous_step)

    def action_jump(self) -> None:
        step = self.selected_step()
        if step is not None:
            self.act(lambda: self.ws.jump_to(step.id))

    def action_insert_step(self) -> None:
        from session.tui.screens.dialogs import StepDraft, StepFormScreen

        step = self.selected_step()
        after = step.position if step else 0
        created: list[int] = []

        def submit(draft: StepDraft) -> None:
            created.append(
                self.ws.insert_step(
                    after_position=after,
                    title=draft.title,
                    presenter=draft.presenter,
                    minutes=draft.minutes,
                    kind=draft.kind,
                )
            )

        def closed(_draft: StepDraft | None) -> None:
            self.poll_store()
            if created and self.state is not None:
                self.query_one(AgendaTable).show(self.state.view, self.hoinghi.clock(), cursor_step=created[0])

        self.open(StepFormScreen(t("step.form.insert"), submit=submit), closed)

    def action_edit_step(self) -> None:
        from session.tui.screens.dialogs import StepDraft, StepFormScreen

        step = self.selected_step()
        if step is None:
            return

        def submit(draft: StepDraft) -> None:
            self.ws.edit_step(
                step.id, title=draft.title, presenter=draft.presenter, minutes=draft.minutes, kind=draft.kind
            )

        draft = StepDraft(step.title, step.presenter, step.planned_minutes, step.kind)
        self.open(StepFormScreen(t("step.form.edit"), draft, submit=submit), lambda _d: self.poll_store())

    def action_move_step(self, delta: int) -> None:
        step = self.selected_step()
        if step is not None:
            self.act(lambda: self.ws.move_step(step.id, delta))

    def action_skip_step(self) -> None:
        step = self.selected_step()
        if step is not None:
            self.act(lambda: self.ws.toggle_skip(step.id))

    def action_recess(self) -> None:
        if self.state is None:
            return
        if self.state.view.status == "recess":
            self.act(self.ws.resume, done=t("done.resume"))
        else:
            self.act(self.ws.recess, done=t("done.recess"))

    def action_close_meeting(self) -> None:
        from session.domain.ledger import open_items
        from session.tui.screens.dialogs import ConfirmScreen, ReasonScreen

        if not self.ready_to_act():
            return
        pending = open_items(self.hoinghi.store, self.meeting_id).count

        def done() -> str:
            return t("done.closed", time=self.hoinghi.clock().strftime("%H:%M"))

        if pending:

            def closed(reason: str) -> None:
                self.poll_store()
                if reason:
                    self.app.notify(done(), timeout=4)

            # In the reason form: a refusal keeps the reason as typed.
            self.open(ReasonScreen(t("close.reason.title", count=pending), self.ws.close_meeting), closed)
            return
        now = self.hoinghi.clock()
        view = self.state.view if self.state else None
        running = view is not None and any(s.id == view.current_item_id and not s.ended_at for s in view.agenda)
        question = "confirm.close" if running else "confirm.close_no_step"  # nothing to say is closed
        self.open(
            ConfirmScreen(t(question, time=now.strftime("%H:%M"))),
            lambda yes: yes and self.act(self.ws.close_meeting, done=lambda _r: done()),
        )

    def action_notes(self) -> None:
        """Write notes for the step in focus. While the meeting runs, a step not reached yet
        is not what is being said: the notes go to the step under way, and the secretary is
        told so (a finished step keeps its notes open, to complete them afterwards)."""
        view = self.state.view if self.state else None
        step = self._step(self.shown_step_id)
        current = self._step(view.current_item_id) if view else None
        if view is not None and view.status in ("running", "recess") and step and current and step.state == "pending":
            self.query_one(AgendaTable).show(view, self.hoinghi.clock(), cursor_step=current.id)
            self._show_step(current.id)
            if self.shown_step_id == current.id:
                self.app.notify(t("live.notes.to_current", pending=step.position, current=current.position), timeout=5)
        if not self.notes.disabled:
            self.notes.focus()

    def action_phrase(self) -> None:
        from session.domain.phrases import fill, load_phrases, user_phrases_file
        from session.tui.screens.dialogs import PhraseScreen

        notes = self.notes
        if notes.disabled or self.state is None:
            return
        try:
            phrases = load_phrases()
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            return
        step = self._step(self.shown_step_id)
        from session.domain.history import recess_times

        recess = recess_times(self.hoinghi.store, self.meeting_id)
        filled = [fill(phrase, self.state.view, step, self.hoinghi.clock(), recess) for phrase in phrases]
        labels = list(filled)
        if step is not None and step.kind == "conclusion":
            from session.domain.ledger import conclusions_summary

            summary = conclusions_summary(self.hoinghi.store, self.meeting_id)
            if summary:
                filled.insert(0, summary)
                labels.insert(0, t("phrase.conclusions", count=summary.count("\n") + 1))

        def chosen(text: str | None) -> None:
            notes.focus()
            if text:
                before = notes.document.get_line(notes.cursor_location[0])[: notes.cursor_location[1]]
                prefix = "" if not before or before.endswith(" ") else " "
                notes.insert(prefix + text)

        self.app.push_screen(PhraseScreen(filled, str(user_phrases_file()), labels), chosen)

    def action_meetings(self) -> None:
        if self.ready_to_act():
            self.leave_to_picker()

    # --- the floor: speakers and answers ----------------------------------------------

    def _speaking(self) -> int | None:
        return self.state.floor.speaker.id if self.state and self.state.floor.speaker else None

    def action_call_next(self) -> None:
        before = self.state.floor.speaker if self.state else None

        def said(_called: int) -> str | None:
            # C ended the speech under way first: both names, as the undo will say them.
            after = self.state.floor.speaker if self.state else None
            if before is None or after is None or after.id == before.id:
                return None
            return t("done.ended_and_called", ended=before.name, name=after.name)

        called = self.act(lambda: self.ws.call_next(seen=self._speaking()) or 0, done=said)
        if called == 0:
            self.app.notify(t("done.nobody_waiting", field=""), timeout=4)

    def action_call_field(self) -> None:
        called = self.act(lambda: self.ws.call_same_field(seen=self._speaking()) or 0)
        if called == 0:
            self.app.notify(t("done.nobody_waiting", field=""), timeout=4)

    def action_finish_speech(self) -> None:
        self.act(self.ws.finish_speech)

    def action_pause_speech(self) -> None:
        self.act(self.ws.pause_speech)

    def action_answer(self) -> None:
        from session.domain.answers import Answerer, answerers
        from session.tui.screens.answer import AnswerEndScreen, AnswerPickScreen

        if not self.ready_to_act():
            return
        if self.state is not None and self.state.floor.answer is not None:
            self.open(AnswerEndScreen(lambda s: self.ws.end_answer(s or None)), lambda _s: self.poll_store())
            return

        def picked(who: Answerer | None) -> None:
            if who is not None:
                self.act(lambda: self.ws.start_answer(who))

        self.open(AnswerPickScreen(answerers(self.hoinghi.store, self.meeting_id)), picked)

    # --- other screens ------------------------------------------------------------

    def action_register(self) -> None:
        from session.tui.screens.registration_form import RegistrationForm

        self.open(RegistrationForm(self.meeting_id), lambda _n: self.poll_store())

    def action_queue(self) -> None:
        from session.tui.screens.queue import QueueScreen

        self.open(QueueScreen(self.meeting_id))

    def action_details(self) -> None:
        from session.tui.screens.details import MeetingDetailsScreen

        def closed(saved: bool | None) -> None:
            if saved:
                self.reload()

        self.open(MeetingDetailsScreen(self.meeting_id), closed)

    def action_prepare(self) -> None:
        from session.tui.screens.duties import DutiesScreen

        self.open(DutiesScreen(self.meeting_id))

    def action_ledger(self) -> None:
        from session.tui.screens.ledger import LedgerScreen

        self.open(LedgerScreen(self.meeting_id))

    def action_followup(self) -> None:
        from session.tui.screens.followup import FollowupScreen

        self.open(FollowupScreen(self.meeting_id))

    def action_survey(self) -> None:
        from session.tui.screens.survey import SurveyScreen

        self.open(SurveyScreen(self.meeting_id))

    def action_history(self) -> None:
        from session.tui.screens.history import HistoryScreen

        self.open(HistoryScreen(self.meeting_id))

    def action_export(self) -> None:
        from session.tui.screens.export_screen import ExportScreen

        self.open(ExportScreen(self.meeting_id))
