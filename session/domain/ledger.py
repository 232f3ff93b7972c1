"""The issue ledger (sổ kiến nghị): every petition with who raised it, its answers, and
the chair's conclusion — answered, to be studied, assigned with a deadline, or forwarded.

Duplicates are merged by pointing an issue at another (``merged_into_id``): each keeps its
own raisers, so a merge can be split again exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from models.errors import Conflict, HoinghiError
from models.ledger import AnswerIssue, Conclusion, Issue, IssueRaiser
from models.store import Store, Tx
from models.tables import Answer, Meeting, Registration, key_column, table_of
from models.text import clean_text, fold
from session.domain.calendar import office_calendar
from session.domain.fields import canonical_field

OUTCOMES = ("answered", "study", "assigned", "forwarded")
FOLLOWUP = ("not_started", "in_progress", "replied", "extended")
TRACKED_OUTCOMES = ("study", "assigned", "forwarded")  # followed up until their reply


@dataclass(frozen=True)
class Raiser:
    registration_id: int
    name: str
    locality: str
    phone: str


@dataclass(frozen=True)
class AnswerView:
    id: int
    answerer_name: str
    answerer_title: str
    answerer_agency: str
    by_chair: bool
    started_at: datetime | None
    ended_at: datetime | None
    summary: str


@dataclass(frozen=True)
class ConclusionView:
    id: int
    outcome: str
    text: str
    lead_agency: str
    partners: str
    task: str
    deadline: date | None
    reply_method: str
    forwarded_to: str
    followup_status: str
    reply_number: str
    reply_date: date | None
    extension_reason: str


@dataclass(frozen=True)
class IssueView:
    id: int
    position: int
    content: str
    field: str
    in_scope: bool
    merged_into_id: int | None
    raisers: tuple[Raiser, ...]  # its own and those of issues merged into it
    merged: tuple[int, ...]  # ids of issues merged into this one
    answers: tuple[AnswerView, ...]
    conclusion: ConclusionView | None
    first_raised_at: datetime | None = None
    speech_order: int = 10**9  # order of the first speech that raised it

    @property
    def answered(self) -> bool:
        return bool(self.answers)

    @property
    def concluded(self) -> bool:
        return self.conclusion is not None


@dataclass(frozen=True)
class ConclusionDraft:
    outcome: str
    text: str = ""
    lead_agency: str = ""
    partners: str = ""
    task: str = ""
    deadline: date | None = None
    reply_method: str = ""
    forwarded_to: str = ""


# --- issues ----------------------------------------------------------------------


def _meeting(tx: Tx, meeting_id: int) -> Meeting:
    meeting = tx.session.get(Meeting, meeting_id)
    if meeting is None:
        raise HoinghiError("meeting.not_found", id=meeting_id)
    return meeting


def _issue(tx: Tx, meeting_id: int, issue_id: int) -> Issue:
    issue = tx.session.get(Issue, issue_id)
    if issue is None or issue.meeting_id != meeting_id:
        raise HoinghiError("issue.not_found")
    return issue


def _about(tx: Tx, issue: Issue) -> None:
    """Name the petition in the action's facts (its number and first words)."""
    tx.facts.update(issue=issue.position, text=issue.content[:60])


def clean_issue_text(content: str) -> str:
    return clean_text(content, field="summary", multiline=True, required=True, max_len=4000)


def add_issue(
    tx: Tx,
    meeting_id: int,
    content: str,
    *,
    fields: list[str],
    field: str = "",
    in_scope: bool = True,
    raisers: list[int] | None = None,
) -> int:
    """Record a petition (kiến nghị) raised in a speech; *raisers* are registration ids."""
    text = clean_issue_text(content)
    field_text = canonical_field(field, fields) if field else ""
    _meeting(tx, meeting_id)
    top = tx.session.exec(select(func.max(Issue.position)).where(Issue.meeting_id == meeting_id)).one() or 0
    issue = tx.add(
        Issue(
            meeting_id=meeting_id,
            position=top + 1,
            content=text,
            content_key=fold(text),
            field=field_text,
            in_scope=in_scope,
            created_at=tx.at,
        )
    )
    tx.flush()
    for reg_id in raisers or []:
        reg = tx.session.get(Registration, reg_id)
        if reg is None or reg.meeting_id != meeting_id:
            raise HoinghiError("registration.not_found")
        if not field_text:
            issue.field = reg.field
        tx.add(IssueRaiser(issue_id=issue.id, registration_id=reg_id))
    _about(tx, issue)
    return int(issue.id)


def edit_issue(
    tx: Tx,
    meeting_id: int,
    issue_id: int,
    *,
    fields: list[str],
    content: str,
    field: str,
    in_scope: bool,
    expected: str | None = None,
) -> None:
    """Edit a petition. *expected*: its text as the editor loaded it; if another screen
    changed it meanwhile, Conflict('issue.changed') and nothing is overwritten."""
    text = clean_issue_text(content)
    field_text = canonical_field(field, fields) if field else ""
    issue = _issue(tx, meeting_id, issue_id)
    if expected is not None and issue.content != expected:
        raise Conflict("issue.changed")
    issue.content, issue.content_key, issue.field, issue.in_scope = text, fold(text), field_text, in_scope
    _about(tx, issue)


def merge_issues(tx: Tx, meeting_id: int, target_id: int, source_ids: list[int]) -> None:
    """Merge duplicates into *target_id*: one issue that keeps every raiser."""
    target = _issue(tx, meeting_id, target_id)
    if target.merged_into_id is not None:
        raise Conflict("issue.merged_target")
    for source_id in source_ids:
        if source_id == target_id:
            continue
        source = _issue(tx, meeting_id, source_id)
        # Issues already merged into the source follow it to the new target.
        for child in tx.session.exec(select(Issue).where(Issue.merged_into_id == source_id)):
            child.merged_into_id = target_id
        source.merged_into_id = target_id
    _about(tx, target)
    tx.facts["count"] = len([i for i in source_ids if i != target_id])


def split_issue(tx: Tx, meeting_id: int, issue_id: int) -> None:
    """Undo a merge for one issue: it stands on its own again with its own raisers."""
    issue = _issue(tx, meeting_id, issue_id)
    if issue.merged_into_id is None:
        raise Conflict("issue.not_merged")
    issue.merged_into_id = None
    _about(tx, issue)


# --- answers -------------------------------------------------------------------------


def record_answer(
    tx: Tx,
    meeting_id: int,
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
    """Record an answer after the fact (or one typed from notes) for one or several issues."""
    name = clean_text(name, field="name", required=True, max_len=120)
    summary = clean_text(summary, field="summary", multiline=True, max_len=20_000)
    title = clean_text(title, max_len=200)
    agency = clean_text(agency, max_len=200)
    if not issue_ids:
        raise Conflict("answer.no_issue")
    first = None
    for issue_id in issue_ids:
        issue = _issue(tx, meeting_id, issue_id)
        first = first or issue
    answer = tx.add(
        Answer(
            meeting_id=meeting_id,
            answerer_name=name,
            answerer_title=title,
            answerer_agency=agency,
            by_chair=by_chair,
            started_at=started_at,
            ended_at=ended_at,
            summary=summary,
        )
    )
    tx.flush()
    for issue_id in issue_ids:
        tx.add(AnswerIssue(answer_id=answer.id, issue_id=issue_id))
    if first is not None:
        _about(tx, first)
    tx.facts.update(name=name, count=len(issue_ids))
    return int(answer.id)


def _clean_draft(draft: ConclusionDraft) -> ConclusionDraft:
    if draft.outcome not in OUTCOMES:
        raise HoinghiError("conclusion.bad_outcome", value=draft.outcome)
    cleaned = ConclusionDraft(
        outcome=draft.outcome,
        text=clean_text(draft.text, field="summary", multiline=True, max_len=10_000),
        lead_agency=clean_text(draft.lead_agency, field="lead_agency", max_len=200),
        partners=clean_text(draft.partners, field="partners", max_len=400),
        task=clean_text(draft.task, field="task", multiline=True, max_len=4000),
        deadline=draft.deadline,
        reply_method=clean_text(draft.reply_method, field="reply_method", max_len=300),
        forwarded_to=clean_text(draft.forwarded_to, field="forwarded_to", max_len=200),
    )
    if cleaned.outcome == "assigned" and (not cleaned.lead_agency or cleaned.deadline is None):
        raise HoinghiError("conclusion.assignment_incomplete")
    if cleaned.outcome == "forwarded" and not cleaned.forwarded_to:
        raise HoinghiError("conclusion.forward_incomplete")
    return cleaned


def conclude(
    tx: Tx,
    meeting_id: int,
    issue_ids: list[int],
    draft: ConclusionDraft,
    *,
    expected: dict[int, str | None] | None = None,
) -> None:
    """The chair's conclusion on one issue or a group of issues (same text for each).

    *expected*: issue id -> the conclusion text the form was opened on (None: none yet);
    if another screen concluded meanwhile, Conflict('issue.changed')."""
    if not issue_ids:
        raise Conflict("answer.no_issue")
    draft = _clean_draft(draft)
    for issue_id in issue_ids:
        issue = _issue(tx, meeting_id, issue_id)
        row = tx.session.exec(select(Conclusion).where(Conclusion.issue_id == issue_id)).first()
        if expected is not None and issue_id in expected and (row.text if row else None) != expected[issue_id]:
            raise Conflict("issue.changed")
        if row is None:
            row = tx.add(Conclusion(issue_id=issue_id))
        row.outcome, row.text = draft.outcome, draft.text
        row.lead_agency = draft.lead_agency if draft.outcome in ("assigned", "study") else ""
        row.partners = draft.partners if draft.outcome == "assigned" else ""
        row.task = draft.task if draft.outcome == "assigned" else ""
        row.deadline = draft.deadline if draft.outcome == "assigned" else None
        row.reply_method = draft.reply_method if draft.outcome == "assigned" else ""
        row.forwarded_to = draft.forwarded_to if draft.outcome == "forwarded" else ""
        if issue_id == issue_ids[0]:
            _about(tx, issue)
    tx.facts.update(outcome=draft.outcome, count=len(issue_ids))


def default_deadline(store: Store, meeting_id: int, *, verification: bool = False, today: date | None = None) -> date:
    """When a conclusion's written reply is due unless the chair sets a date: as the
    meeting's duties date it (``hoinghi duties``), from the notice's date once it has one,
    else from the day the notice is due, itself counted from the day the meeting was held
    (or is planned: a meeting with no day yet counts from *today*, the app's day)."""
    from session.domain.duties import replies_due
    from session.domain.followup import reply_due

    today = today or date.today()
    due = replies_due(store, [meeting_id], undated=today).get(meeting_id)
    if due is not None:
        return due.of(verification)
    with store.read() as s:  # a rule set of the office's own without a reply duty
        meeting = s.get(Meeting, meeting_id)
        if meeting is None:
            raise HoinghiError("meeting.not_found", id=meeting_id)
        day = meeting.actual_start.date() if meeting.actual_start else (meeting.planned_date or today)
        days = meeting.verify_days if verification else meeting.reply_days
        notice_days, notice_date = meeting.notice_days, meeting.notice_date
    return reply_due(office_calendar(store), day, notice_days, days, notice_date=notice_date)


def update_followup(
    tx: Tx,
    meeting_id: int,
    issue_id: int,
    status: str,
    *,
    reply_number: str = "",
    reply_date: date | None = None,
    reason: str = "",
    new_deadline: date | None = None,
) -> None:
    """Follow-up of a conclusion to study, assign or forward (theo dõi): in progress, replied (with the reply's number
    and date), or extended (with a reason and a new deadline)."""
    if status not in FOLLOWUP:
        raise HoinghiError("followup.bad_status", value=status)
    reply_number = clean_text(reply_number, field="reply_number", max_len=60)
    reason = clean_text(reason, field="reason", max_len=1000)
    if status == "replied" and (not reply_number or reply_date is None):
        raise HoinghiError("followup.reply_incomplete")
    if status == "extended" and not reason:
        raise HoinghiError("followup.reason_needed")
    issue = _issue(tx, meeting_id, issue_id)
    row = tx.session.exec(select(Conclusion).where(Conclusion.issue_id == issue_id)).first()
    if row is None or row.outcome not in TRACKED_OUTCOMES:
        raise Conflict("followup.not_assigned")
    row.followup_status = status
    if status == "replied":
        row.reply_number, row.reply_date = reply_number, reply_date
    if status == "extended":
        row.extension_reason = reason
        if new_deadline is not None:
            row.deadline = new_deadline
    _about(tx, issue)
    tx.facts["status"] = status


# --- reading --------------------------------------------------------------------------


def ledger(store: Store, meeting_id: int, *, include_merged: bool = False) -> list[IssueView]:
    """Every issue with its raisers, answers and conclusion, in the order raised."""
    with store.read() as s:
        return ledger_in(s, meeting_id, include_merged=include_merged)


def ledger_in(s: Session, meeting_id: int, *, include_merged: bool = False) -> list[IssueView]:
    """:func:`ledger` read in an open session (also inside an action's transaction)."""
    # Plain column rows, not ORM objects: this runs for every screen refresh and export.
    issues = s.execute(
        sa_select(
            key_column(Issue.id),
            col(Issue.position),
            col(Issue.content),
            col(Issue.field),
            col(Issue.in_scope),
            col(Issue.merged_into_id),
            col(Issue.created_at),
        )
        .where(col(Issue.meeting_id) == meeting_id)
        .order_by(col(Issue.position))
    ).all()
    raisers = s.execute(
        sa_select(
            col(IssueRaiser.issue_id),
            key_column(Registration.id),
            col(Registration.speaker_name),
            col(Registration.locality),
            col(Registration.phone),
            col(Registration.started_at),
            col(Registration.queue_position),
        )
        .join(Registration, key_column(Registration.id) == IssueRaiser.registration_id)
        .where(col(Registration.meeting_id) == meeting_id)
        .order_by(col(Registration.queue_position))
    ).all()
    answers = s.execute(
        sa_select(
            col(AnswerIssue.issue_id),
            key_column(Answer.id),
            col(Answer.answerer_name),
            col(Answer.answerer_title),
            col(Answer.answerer_agency),
            col(Answer.by_chair),
            col(Answer.started_at),
            col(Answer.ended_at),
            col(Answer.summary),
        )
        .join(Answer, key_column(Answer.id) == AnswerIssue.answer_id)
        .where(col(Answer.meeting_id) == meeting_id)
        .order_by(col(Answer.started_at), col(Answer.id))
    ).all()
    conclusions = {
        row.issue_id: row
        for row in s.execute(
            sa_select(*table_of(Conclusion).columns)
            .join(Issue, key_column(Issue.id) == Conclusion.issue_id)
            .where(col(Issue.meeting_id) == meeting_id)
        ).all()
    }
    own: dict[int, list[Raiser]] = {}
    spoke: dict[int, tuple[datetime, int]] = {}
    for issue_id, reg_id, name, locality, phone, started, position in raisers:
        own.setdefault(issue_id, []).append(Raiser(reg_id, name, locality, phone))
        key = (started or datetime.max, position)
        spoke[issue_id] = min(spoke.get(issue_id, key), key)
    answer_map: dict[int, list[AnswerView]] = {}
    for issue_id, *columns in answers:
        answer_map.setdefault(issue_id, []).append(AnswerView(*columns))
    children: dict[int, list[int]] = {}
    for issue in issues:
        if issue.merged_into_id is not None:
            children.setdefault(issue.merged_into_id, []).append(issue.id)
    views = []
    for issue in issues:
        if issue.merged_into_id is not None and not include_merged:
            continue
        group = [issue.id, *children.get(issue.id, [])]
        people: list[Raiser] = []
        for member in group:
            for raiser in own.get(member, []):
                if raiser.registration_id not in {p.registration_id for p in people}:
                    people.append(raiser)
        answer_list: list[AnswerView] = []
        for member in group:
            for answer in answer_map.get(member, []):
                if answer.id not in {a.id for a in answer_list}:
                    answer_list.append(answer)
        c = conclusions.get(issue.id)
        conclusion = None
        if c is not None:
            conclusion = ConclusionView(
                c.id,
                c.outcome,
                c.text,
                c.lead_agency,
                c.partners,
                c.task,
                c.deadline,
                c.reply_method,
                c.forwarded_to,
                c.followup_status,
                c.reply_number,
                c.reply_date,
                c.extension_reason,
            )
        first = min((spoke[m] for m in group if m in spoke), default=(datetime.max, 10**9))
        views.append(
            IssueView(
                id=issue.id,
                position=issue.position,
                content=issue.content,
                field=issue.field,
                in_scope=issue.in_scope,
                merged_into_id=issue.merged_into_id,
                raisers=tuple(people),
                merged=tuple(children.get(issue.id, [])),
                answers=tuple(answer_list),
                conclusion=conclusion,
                first_raised_at=issue.created_at,
                speech_order=first[1],
            )
        )
    return views


@dataclass(frozen=True)
class OpenItems:
    unanswered: list[IssueView] = field(default_factory=list)
    unconcluded: list[IssueView] = field(default_factory=list)

    @property
    def count(self) -> int:
        """Issues the meeting may not close on without a reason: those with no conclusion.
        One concluded (forwarded, to be studied, assigned) needs no answer at the meeting."""
        return len(self.unconcluded)


def open_items(store: Store, meeting_id: int) -> OpenItems:
    """Issues still without an answer, and without a conclusion (before the meeting may close)."""
    with store.read() as s:
        return _open_items(ledger_in(s, meeting_id))


def open_count(s: Session, meeting_id: int) -> int:
    """How many issues still lack a conclusion, read inside a transaction."""
    return _open_items(ledger_in(s, meeting_id)).count


def _open_items(views: list[IssueView]) -> OpenItems:
    return OpenItems(
        unanswered=[v for v in views if not v.answered],
        unconcluded=[v for v in views if not v.concluded],
    )


def conclusions_summary(store: Store, meeting_id: int) -> str:
    """The chair's conclusions, issue by issue, for step 7 (Chủ trì tóm tắt, kết luận)."""
    from session.domain.dates import fmt_date

    lines = []
    concluded = [(v, v.conclusion) for v in ledger(store, meeting_id) if v.conclusion is not None]
    for n, (issue, c) in enumerate(concluded, start=1):
        line = f"{n}. {issue.content}"
        if c.text:
            line += f" — {c.text}"
        if c.outcome == "assigned" and c.deadline:
            line += f" (giao {c.lead_agency}, hạn {fmt_date(c.deadline)})"
        elif c.outcome == "forwarded":
            line += f" (chuyển {c.forwarded_to})"
        lines.append(line)
    return "\n".join(lines)
