"""The floor from a desk (điều hành phát biểu): calls, speeches, answers, the queue."""

from __future__ import annotations

from sqlmodel import col, select

from models.errors import Conflict
from models.ledger import IssueRaiser
from models.tables import Registration
from session.domain import answers, queue
from session.domain.answers import Answerer
from session.workstation.base import WorkstationBase


class FloorActions(WorkstationBase):
    def call_next(self, *, field: str | None = None, seen: int | None = -1) -> int | None:
        """The next waiting speaker (on *field*). *seen*: who the screen showed speaking."""
        with self.action("queue.next") as tx:
            return queue.call_next(tx, self.meeting_id, field=field, expect_current=seen)

    def call_same_field(self, *, seen: int | None = -1) -> int | None:
        """The next waiting speaker on the field of the one speaking now, or who spoke last."""
        with self.action("queue.next") as tx:
            field = tx.session.exec(
                select(Registration.field)
                .where(Registration.meeting_id == self.meeting_id, col(Registration.status).in_(("speaking", "done")))
                .order_by(col(Registration.status).desc(), col(Registration.ended_at).desc())
                .limit(1)
            ).first()
            return queue.call_next(tx, self.meeting_id, field=field or None, expect_current=seen)

    def call(self, reg_id: int) -> None:
        with self.action("queue.call") as tx:
            queue.call(tx, self.meeting_id, reg_id)

    def finish_speech(self) -> None:
        with self.action("queue.finish") as tx:
            queue.finish(tx, self.meeting_id)

    def pause_speech(self) -> bool:
        with self.action("queue.pause") as tx:
            return queue.toggle_pause(tx, self.meeting_id)

    def mark_absent(self, reg_id: int) -> str:
        with self.action("queue.absent") as tx:
            return queue.mark_absent(tx, self.meeting_id, reg_id)

    def withdraw(self, reg_id: int) -> None:
        with self.action("queue.withdraw") as tx:
            queue.withdraw(tx, self.meeting_id, reg_id)

    def requeue(self, reg_id: int) -> None:
        with self.action("queue.requeue") as tx:
            queue.requeue(tx, self.meeting_id, reg_id)

    def move_speaker(self, reg_id: int, where: str) -> None:
        with self.action("queue.move") as tx:
            queue.move(tx, self.meeting_id, reg_id, where)

    def set_speaker_limit(self, reg_id: int, seconds: int | None) -> None:
        with self.action("queue.limit") as tx:
            queue.set_speaker_limit(tx, self.meeting_id, reg_id, seconds)

    def set_limits(self, default_seconds: int, per_field: dict[str, int]) -> None:
        with self.action("queue.limits") as tx:
            queue.set_limits(tx, self.meeting_id, default_seconds, per_field)

    def start_answer(self, who: Answerer, issue_ids: list[int] | None = None) -> int:
        """The chair or an official answers *issue_ids* — by default the petitions of the
        person speaking now, or of the one who spoke last — timed from now."""
        with self.action("answer.start") as tx:
            queue.floor_open(tx, self.meeting_id)  # said first: no petition to pick in a closed meeting either
            if issue_ids is None:
                reg_id = tx.session.exec(
                    select(Registration.id)
                    .where(
                        Registration.meeting_id == self.meeting_id, col(Registration.status).in_(("speaking", "done"))
                    )
                    .order_by(col(Registration.status).desc(), col(Registration.ended_at).desc())
                    .limit(1)
                ).first()
                issue_ids = (
                    list(
                        tx.session.exec(select(IssueRaiser.issue_id).where(IssueRaiser.registration_id == reg_id)).all()
                    )
                    if reg_id is not None
                    else []
                )
                if not issue_ids:
                    raise Conflict("answer.no_issue")
            return answers.start_answer(tx, self.meeting_id, issue_ids, who)

    def end_answer(self, summary: str | None = None) -> int:
        with self.action("answer.end") as tx:
            return answers.end_answer(tx, self.meeting_id, summary=summary)
