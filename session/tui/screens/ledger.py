"""The petition ledger screen (sổ kiến nghị): record issues from speeches, answers,
merge and split duplicates, and the chair's conclusions with their deadlines."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Static

from models.errors import HoinghiError
from session.domain.answers import last_speaker
from session.domain.dates import fmt_date
from session.domain.ledger import IssueView, ledger
from session.domain.sync import Changes
from session.i18n import t
from session.tui.actions import LEDGER
from session.tui.screens.base import MeetingScreenBase
from session.tui.widgets.fitted_table import FittedTable
from session.tui.widgets.key_bar import KeyBar

OUTCOME_STYLE = {"answered": "green", "study": "yellow", "assigned": "bold cyan", "forwarded": "magenta"}


class LedgerScreen(MeetingScreenBase):
    ACTIONS = LEDGER

    def __init__(self, meeting_id: int) -> None:
        super().__init__(meeting_id)
        self.issues: list[IssueView] = []
        self.marked: set[int] = set()

    def compose(self) -> ComposeResult:
        yield Static("", id="title-bar")
        with Horizontal(id="ledger-body"):
            # The petition's text takes the width left: the detail pane shows it whole.
            yield FittedTable(stretch="content", id="ledger-table", cursor_type="row", zebra_stripes=True)
            with Vertical(id="ledger-side"):
                yield Static("", id="ledger-detail")
        yield Static("", id="ledger-status")
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one(FittedTable)
        table.add_column(t("ledger.col.no"), key="no", width=4)
        table.add_column(t("ledger.col.content"), key="content", width=38)
        table.add_column(t("ledger.col.raisers"), key="raisers", width=18)
        table.add_column(t("ledger.col.answers"), key="answers", width=7)
        table.add_column(t("ledger.col.conclusion"), key="conclusion", width=14)
        table.fit()
        self.reload()
        table.focus()

    def on_store_changed(self, changes: Changes) -> None:
        self.reload()

    def reload(self) -> None:
        try:
            self.issues = ledger(self.hoinghi.store, self.meeting_id)
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            return
        table = self.query_one(DataTable)
        keep = self.selected_id()
        table.clear()
        for issue in self.issues:
            mark = "● " if issue.id in self.marked else ""
            content = Text(mark, style="bold yellow")
            if not issue.in_scope:
                content.append(t("ledger.outside"), style="italic")
            content.append(issue.content.replace("\n", " "))
            people = ", ".join(r.name for r in issue.raisers) or "—"
            if issue.merged:
                people = f"({len(issue.raisers)}) {people}"
            c = issue.conclusion
            outcome = Text(
                t(f"outcome.{c.outcome}") if c else t("outcome.none"),
                style=OUTCOME_STYLE.get(c.outcome, "") if c else "dim red",
            )
            answers = Text(
                f"✓ {len(issue.answers)}" if issue.answers else "—", style="" if issue.answers else "dim red"
            )
            table.add_row(
                Text(str(issue.position), justify="right"), content, people, answers, outcome, key=str(issue.id)
            )
        if keep is not None and str(keep) in table.rows:
            table.move_cursor(row=table.get_row_index(str(keep)))
        unanswered = sum(1 for i in self.issues if not i.answered)
        unconcluded = sum(1 for i in self.issues if not i.concluded)
        self.query_one("#title-bar", Static).update(
            t("ledger.title", count=len(self.issues), unanswered=unanswered, unconcluded=unconcluded)
        )
        self.query_one("#ledger-status", Static).update(
            t("ledger.marked", count=len(self.marked)) if self.marked else ""
        )
        self.show_detail()

    def selected_id(self) -> int | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    def selected(self) -> IssueView | None:
        issue_id = self.selected_id()
        return next((i for i in self.issues if i.id == issue_id), None)

    def targets(self) -> list[int]:
        """The marked issues, or the one under the cursor."""
        if self.marked:
            return sorted(self.marked)
        issue = self.selected()
        return [issue.id] if issue else []

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        issue = self.selected()
        detail = self.query_one("#ledger-detail", Static)
        if issue is None:
            detail.update("")
            return
        raisers = "; ".join(f"{r.name} ({r.locality or '—'})" for r in issue.raisers) or "—"
        answers = (
            " | ".join(
                f"{a.answerer_name}{' – ' + a.answerer_title if a.answerer_title else ''}: {a.summary or '…'}"
                for a in issue.answers
            )
            or "—"
        )
        c = issue.conclusion
        conclusion = "—"
        if c is not None:
            conclusion = t(f"outcome.{c.outcome}")
            if c.text:
                conclusion += f": {c.text}"
            if c.outcome == "assigned":
                conclusion += f" [{c.lead_agency}; {c.partners or '—'}; {fmt_date(c.deadline)}]"
            if c.outcome == "forwarded":
                conclusion += f" [{c.forwarded_to}]"
        detail.update(
            t("ledger.detail", content=issue.content, raisers=raisers, answers=answers, conclusion=conclusion)
        )

    # --- actions ----------------------------------------------------------------------

    def action_add_issue(self) -> None:
        from session.tui.screens.ledger_forms import IssueForm

        speaker = last_speaker(self.hoinghi.store, self.meeting_id)
        self.app.push_screen(IssueForm(self.meeting_id, raiser_id=speaker), lambda _r: self.reload())

    def action_edit_issue(self) -> None:
        from session.tui.screens.ledger_forms import IssueForm

        issue = self.selected()
        if issue is not None:
            self.app.push_screen(IssueForm(self.meeting_id, issue=issue), lambda _r: self.reload())

    def action_mark(self) -> None:
        issue_id = self.selected_id()
        if issue_id is None:
            return
        self.marked ^= {issue_id}
        self.reload()

    def action_merge(self) -> None:
        """Merge the marked petitions into the one under the cursor, once the secretary has
        confirmed which into which (the numbers as the ledger shows them)."""
        from session.tui.screens.dialogs import ConfirmScreen

        target = self.selected_id()
        sources = sorted(self.marked - {target}) if target is not None else []
        if target is None or not sources:
            self.app.notify(t("ledger.merge_how"), timeout=6)
            return
        number = {issue.id: issue.position for issue in self.issues}
        shown = ", ".join(str(number[i]) for i in sorted(sources, key=lambda i: number.get(i, 0)) if i in number)

        def merge() -> bool:
            self.ws.merge_issues(target, sources)
            return True

        def answered(yes: bool | None) -> None:
            if yes and self.act(merge):
                self.marked.clear()
                self.reload()

        question = t("ledger.merge_confirm", count=len(sources), sources=shown, target=number.get(target, "?"))
        self.open(ConfirmScreen(question), answered)

    def action_split(self) -> None:
        issue = self.selected()
        if issue is None:
            return
        for child in issue.merged[-1:]:
            self.act(partial(self.ws.split_issue, child))

    def action_record_answer(self) -> None:
        from session.tui.screens.ledger_forms import AnswerForm

        ids = self.targets()
        if ids:
            self.app.push_screen(AnswerForm(self.meeting_id, ids), lambda _r: self._after_form())

    def action_conclude(self) -> None:
        from session.tui.screens.ledger_forms import ConclusionForm

        ids = self.targets()
        if not ids:
            return
        current = next((i.conclusion for i in self.issues if i.id == ids[0]), None)
        self.app.push_screen(ConclusionForm(self.meeting_id, ids, current), lambda _r: self._after_form())

    def _after_form(self) -> None:
        self.marked.clear()
        self.reload()

    def action_followup(self) -> None:
        from session.tui.screens.followup import FollowupScreen

        self.app.push_screen(FollowupScreen(self.meeting_id))

    def action_history(self) -> None:
        from session.tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(self.meeting_id))

    def action_back(self) -> None:
        if self.marked:
            self.marked.clear()
            self.reload()
            return
        self.app.pop_screen()
