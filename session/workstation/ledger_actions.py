"""The petition ledger from a desk (sổ kiến nghị): petitions, answers, conclusions, follow-up."""

from __future__ import annotations

from datetime import date, datetime

from session.domain import ledger
from session.domain.fields import get_fields
from session.domain.ledger import ConclusionDraft
from session.workstation.base import WorkstationBase


class LedgerActions(WorkstationBase):
    def add_issue(
        self, content: str, *, field: str = "", in_scope: bool = True, raisers: list[int] | None = None
    ) -> int:
        fields = get_fields(self.store)
        with self.action("issue.add") as tx:
            return ledger.add_issue(
                tx, self.meeting_id, content, fields=fields, field=field, in_scope=in_scope, raisers=raisers
            )

    def edit_issue(
        self, issue_id: int, *, content: str, field: str, in_scope: bool, expected: str | None = None
    ) -> None:
        fields = get_fields(self.store)
        with self.action("issue.edit", issue_id=issue_id) as tx:
            ledger.edit_issue(
                tx,
                self.meeting_id,
                issue_id,
                fields=fields,
                content=content,
                field=field,
                in_scope=in_scope,
                expected=expected,
            )

    def merge_issues(self, target_id: int, source_ids: list[int]) -> None:
        with self.action("issue.merge", target=target_id) as tx:
            ledger.merge_issues(tx, self.meeting_id, target_id, source_ids)

    def split_issue(self, issue_id: int) -> None:
        with self.action("issue.split", issue_id=issue_id) as tx:
            ledger.split_issue(tx, self.meeting_id, issue_id)

    def record_answer(
        self,
        issue_ids: list[int],
        *,
        name: str,
        title: str = "",
        agency: str = "",
        by_chair: bool = False,
        summary: str = "",
        started_at: datetime | None = None,
        ended_at: datetime | None = None,
    ) -> int:
        """An answer recorded after the fact (or typed from notes), with its times if known."""
        with self.action("answer.add") as tx:
            return ledger.record_answer(
                tx,
                self.meeting_id,
                issue_ids,
                name=name,
                title=title,
                agency=agency,
                by_chair=by_chair,
                summary=summary,
                started_at=started_at,
                ended_at=ended_at,
            )

    def conclude(
        self, issue_ids: list[int], draft: ConclusionDraft, *, expected: dict[int, str | None] | None = None
    ) -> None:
        with self.action("issue.conclude", issues=issue_ids) as tx:
            ledger.conclude(tx, self.meeting_id, issue_ids, draft, expected=expected)

    def update_followup(
        self,
        issue_id: int,
        status: str,
        *,
        reply_number: str = "",
        reply_date: date | None = None,
        reason: str = "",
        new_deadline: date | None = None,
    ) -> None:
        with self.action("followup.update", issue_id=issue_id) as tx:
            ledger.update_followup(
                tx,
                self.meeting_id,
                issue_id,
                status,
                reply_number=reply_number,
                reply_date=reply_date,
                reason=reason,
                new_deadline=new_deadline,
            )
