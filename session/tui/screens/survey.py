"""The survey screen (nhập phiếu lấy ý kiến): ballots typed one key per answer.

The typist reads a paper ballot and presses the number of the answer ticked for each
question (0: none ticked); after the last question the ballot is saved and the next one
starts. Backspace steps back inside the ballot, U takes back the last saved ballot, T
enters totals counted on paper, P prints a blank ballot. The counters under the prompt
are the results so far.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Static

from models.errors import HoinghiError
from session.domain.meetings import meeting_view
from session.domain.survey import (
    SurveyResults,
    add_ballot,
    parse_counts,
    remove_last_ballot,
    set_totals,
    survey_results,
)
from session.i18n import error_text, language, t
from session.tui.actions import SURVEY
from session.tui.screens.base import HoinghiScreen
from session.tui.screens.form import FormMessage, FormScreen
from session.tui.widgets.field import Input
from session.tui.widgets.key_bar import KeyBar


def _pct(value: float) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if language() == "vi" else text


class SurveyScreen(HoinghiScreen):
    ACTIONS = SURVEY
    BINDINGS = [  # movement, no actions of their own
        *(Binding(str(n), f"answer({n})", str(n), show=False) for n in range(10)),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.results: SurveyResults | None = None
        self.current: list[int] = []  # answers of the ballot being typed

    def compose(self) -> ComposeResult:
        yield Static("", id="title-bar")
        with Vertical(id="survey-entry"):
            yield Static("", id="survey-prompt")
            yield Static("", id="survey-choices")
            yield Static("", id="survey-progress")
        yield DataTable(id="survey-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="survey-status")
        yield KeyBar()

    def on_mount(self) -> None:
        try:
            title = meeting_view(self.hoinghi.store, self.meeting_id).title
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            title = ""
        self.query_one("#title-bar", Static).update(t("survey.title", title=title))
        self.reload()
        self.query_one(DataTable).focus()

    # --- showing ------------------------------------------------------------------------

    def reload(self) -> None:
        try:
            self.results = survey_results(self.hoinghi.store, self.meeting_id)
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            return
        self.show_table()
        self.show_prompt()

    def choice_columns(self, results: SurveyResults) -> list[str]:
        columns: list[str] = []
        for q in results.questions:
            columns += [c.text for c in q.choices if c.text not in columns]
        return columns

    def show_table(self) -> None:
        r = self.results
        if r is None:
            return
        table = self.query_one(DataTable)
        columns = self.choice_columns(r)
        table.clear(columns=True)
        table.add_column(t("survey.col.question"), width=28)
        for column in columns:
            table.add_column(column, width=max(14, len(column) + 1))
        table.add_column(t("survey.blank"), width=14)
        table.add_column(t("survey.col.total"), width=7)
        for q in r.questions:
            counts = {c.text: c for c in q.choices}
            cells = [f"{counts[c].count} ({_pct(counts[c].percent)}%)" if c in counts else "–" for c in columns]
            table.add_row(f"{q.position}. {q.short}", *cells, f"{q.blank} ({_pct(q.blank_percent)}%)", str(q.ballots))
        status = t("survey.status", ballots=r.ballots, typed=r.typed, paper=r.paper)
        if r.last_ballot:
            status += "  " + t("survey.last", number=r.last_ballot[0], answers="-".join(r.last_ballot[1]))
        self.query_one("#survey-status", Static).update(status)

    def show_prompt(self) -> None:
        r = self.results
        if r is None:
            return
        questions = r.questions
        number = (r.last_ballot[0] if r.last_ballot else 0) + 1
        q = questions[len(self.current)]
        self.query_one("#survey-prompt", Static).update(
            Text(
                t("survey.prompt", number=number, question=q.position, count=len(questions), text=q.text),
                style="bold",
            )
        )
        keys = "   ".join(f"[{n}] {c.text}" for n, c in enumerate(q.choices, start=1))
        self.query_one("#survey-choices", Static).update(f"{keys}   [0] {t('survey.blank')}")
        done = [
            f"{questions[i].short}: {questions[i].choices[a - 1].text if a else t('survey.blank')}"
            for i, a in enumerate(self.current)
        ]
        self.query_one("#survey-progress", Static).update("  ·  ".join(done))

    # --- actions: one domain call each ----------------------------------------------------

    def action_close(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:  # opened on its own (hoinghi survey): nothing under it to go back to
            self.app.exit()

    def action_answer(self, choice: int) -> None:
        if self.results is None:
            return
        q = self.results.questions[len(self.current)]
        if choice > len(q.choices):
            self.app.bell()
            return
        self.current.append(choice)
        if len(self.current) < len(self.results.questions):
            self.show_prompt()
            return
        answers, self.current = self.current, []
        at = self.hoinghi.clock()
        try:
            with self.hoinghi.store.action("survey.ballot", at=at, meeting_id=self.meeting_id, actor="office") as tx:
                add_ballot(tx, self.meeting_id, answers, at=at)
        except HoinghiError as exc:
            self.hoinghi.report(exc)
        self.reload()

    def action_back(self) -> None:
        if self.current:
            self.current.pop()
            self.show_prompt()

    def action_undo_ballot(self) -> None:
        at = self.hoinghi.clock()
        try:
            with self.hoinghi.store.action("survey.unballot", at=at, meeting_id=self.meeting_id, actor="office") as tx:
                number = remove_last_ballot(tx, self.meeting_id)
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            return
        self.app.notify(t("survey.undone", number=number), timeout=4)
        self.reload()

    def action_totals(self) -> None:
        if self.results is None:
            return

        def saved(ok: bool | None) -> None:
            if ok:
                self.reload()

        self.app.push_screen(SurveyTotalsForm(self.meeting_id, self.results), saved)

    def action_print_ballot(self) -> None:
        from exports.run import export
        from session.tui.screens.export_screen import default_folder

        try:
            [path] = export(
                self.hoinghi.store,
                self.meeting_id,
                "ballot",
                default_folder() / "",
                today=self.hoinghi.clock().date(),
                force=True,
                actor=self.hoinghi.desk.kind,
                desk=self.hoinghi.desk.id,
            )
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            return
        self.app.notify(t("export.written", path=path), timeout=8)


class SurveyTotalsForm(FormScreen[bool]):
    """Totals of ballots counted on paper: how many, and per question the count of each answer."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, meeting_id: int, results: SurveyResults) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.results = results

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(t("survey.totals.title"), classes="dialog-title")
            yield Label(t("survey.totals.ballots"))
            yield Input(str(self.results.paper or ""), id="t-ballots")
            for q, counts in zip(self.results.questions, self.results.paper_counts, strict=True):
                yield Label(f"{q.position}. {q.short} — " + ", ".join(c.text for c in q.choices))
                shown = ", ".join(str(n) for n in counts) if any(counts) else ""
                yield Input(shown, placeholder=", ".join("0" for _ in q.choices), id=f"t-q{q.position}")
            yield Static(t("survey.totals.hint"), classes="hint")
            yield FormMessage("", id="form-error", classes="error")

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        try:
            ballots_text = self.query_one("#t-ballots", Input).value.strip() or "0"
            if not ballots_text.isdigit():
                raise HoinghiError("survey.bad_count", value=ballots_text)
            # A question left empty: no paper ballot answered it.
            counts = [
                parse_counts(self.query_one(f"#t-q{q.position}", Input).value) or [0] * len(q.choices)
                for q in self.results.questions
            ]
            at = self.hoinghi.clock()
            with self.hoinghi.store.action("survey.totals", at=at, meeting_id=self.meeting_id, actor="office") as tx:
                set_totals(tx, self.meeting_id, int(ballots_text), counts, at=at)
        except HoinghiError as exc:
            self.query_one("#form-error", Static).update(error_text(exc))
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
