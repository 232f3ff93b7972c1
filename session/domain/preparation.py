"""Petitions prepared before the meeting (chuẩn bị nội dung trả lời): each compiled
petition is given to a department to prepare the answer, which the chair reads in the
briefing before the meeting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import select

from models.errors import Conflict, HoinghiError
from models.ledger import Issue
from models.planning import IssuePreparation
from models.store import Store, Tx
from models.text import clean_text
from session.domain.ledger import IssueView, ledger

ACTOR = "office"


@dataclass(frozen=True)
class PreparedIssue:
    """A petition with who prepares its answer and the answer prepared so far."""

    issue: IssueView
    preparer: str = ""
    answer: str = ""
    updated_at: datetime | None = None

    @property
    def state(self) -> str:
        """unassigned | assigned (no answer yet) | prepared"""
        if self.answer:
            return "prepared"
        return "assigned" if self.preparer else "unassigned"


def set_preparation(
    tx: Tx,
    issue_id: int,
    *,
    preparer: str,
    answer: str,
    at: datetime,
    expected: tuple[str, str] | None = None,
) -> None:
    """Give a petition to a department to prepare (and record the answer it sent).

    *expected*: (preparer, answer) as the form was opened on; if another screen changed
    them meanwhile, Conflict('preparation.changed') and nothing is overwritten."""
    preparer = clean_text(preparer, field="preparer", max_len=200)
    answer = clean_text(answer, field="prepared_answer", multiline=True, max_len=10_000)
    if answer and not preparer:
        raise HoinghiError("preparation.no_preparer")
    issue = tx.session.get(Issue, issue_id)
    if issue is None:
        raise HoinghiError("issue.not_found")
    row = tx.session.exec(select(IssuePreparation).where(IssuePreparation.issue_id == issue_id)).first()
    current = (row.preparer, row.answer) if row is not None else ("", "")
    if expected is not None and current != expected:
        raise Conflict("preparation.changed")
    tx.facts["issue_id"] = issue_id
    if not preparer and not answer:
        if row is not None:
            tx.delete(row)
        return
    if row is None:
        row = tx.add(IssuePreparation(issue_id=issue_id, meeting_id=issue.meeting_id))
    if (row.preparer, row.answer) != (preparer, answer):
        row.preparer, row.answer, row.updated_at = preparer, answer, at


def prepared_issues(store: Store, meeting_id: int) -> list[PreparedIssue]:
    """Every petition of the meeting (merged ones under their group) with its preparation."""
    issues = ledger(store, meeting_id)
    with store.read() as s:
        rows = {
            r.issue_id: r
            for r in s.exec(select(IssuePreparation).where(IssuePreparation.meeting_id == meeting_id)).all()
        }
    found = []
    for issue in issues:
        row = rows.get(issue.id)
        found.append(PreparedIssue(issue, row.preparer, row.answer, row.updated_at) if row else PreparedIssue(issue))
    return found


def preparers(store: Store, meeting_id: int) -> list[str]:
    """The departments already named in this meeting's preparations, for the form's hints."""
    with store.read() as s:
        names = s.exec(
            select(IssuePreparation.preparer).where(IssuePreparation.meeting_id == meeting_id).distinct()
        ).all()
    return sorted({n for n in names if n})
