"""Answers (trả lời): who answered which issues, when and for how long, and what was said."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, select

from models.errors import Conflict, HoinghiError
from models.ledger import AnswerIssue, Issue, IssueRaiser
from models.store import Store, Tx
from models.tables import Answer, Registration, stored_id
from models.text import clean_text
from session.domain.queue import floor_open, stop_speaking


@dataclass(frozen=True)
class Answerer:
    name: str
    title: str = ""
    agency: str = ""
    by_chair: bool = False


def _open_answer(tx: Tx, meeting_id: int) -> Answer | None:
    return tx.session.exec(
        select(Answer).where(
            Answer.meeting_id == meeting_id, col(Answer.started_at).is_not(None), col(Answer.ended_at).is_(None)
        )
    ).first()


def issues_of_registration(store: Store, reg_id: int) -> list[int]:
    with store.read() as s:
        return list(
            s.exec(
                select(IssueRaiser.issue_id)
                .where(IssueRaiser.registration_id == reg_id)
                .order_by(col(IssueRaiser.issue_id))
            ).all()
        )


def start_answer(tx: Tx, meeting_id: int, issue_ids: list[int], answerer: Answerer) -> int:
    """Give the floor to the chair or an official to answer *issue_ids*; the answer is
    timed from now. Any answer still running is ended first; so is the citizen's speech."""
    at = tx.at
    name = clean_text(answerer.name, field="name", required=True, max_len=120)
    title = clean_text(answerer.title, max_len=200)
    agency = clean_text(answerer.agency, max_len=200)
    floor_open(tx, meeting_id)  # an answer is given while the meeting is held
    if not issue_ids:
        raise Conflict("answer.no_issue")
    running = _open_answer(tx, meeting_id)
    if running is not None:
        running.ended_at = at
    for issue_id in issue_ids:
        issue = tx.session.get(Issue, issue_id)
        if issue is None or issue.meeting_id != meeting_id:
            raise HoinghiError("issue.not_found")
    stop_speaking(tx, meeting_id)
    answer = tx.add(
        Answer(
            meeting_id=meeting_id,
            answerer_name=name,
            answerer_title=title,
            answerer_agency=agency,
            by_chair=answerer.by_chair,
            started_at=at,
        )
    )
    tx.flush()
    for issue_id in issue_ids:
        tx.add(AnswerIssue(answer_id=answer.id, issue_id=issue_id))
    tx.facts.update(name=name, issues=len(issue_ids))
    return int(answer.id)


def end_answer(tx: Tx, meeting_id: int, *, summary: str | None = None) -> int:
    """Stop the running answer's clock (and store its summary if given)."""
    text = None if summary is None else clean_text(summary, field="summary", multiline=True, max_len=20_000)
    running = _open_answer(tx, meeting_id)
    if running is None:
        raise Conflict("answer.none_running")
    running.ended_at = tx.at
    if text is not None:
        running.summary = text
    tx.facts["name"] = running.answerer_name
    return stored_id(running)


def stop_running(tx: Tx, meeting_id: int) -> None:
    """Stop the clock of an answer still running (the meeting closes)."""
    running = _open_answer(tx, meeting_id)
    if running is not None:
        running.ended_at = tx.at


def answerers(store: Store, meeting_id: int) -> list[Answerer]:
    """Who may answer: the chair first, then every official on the invitation list
    (co-chairs, presenters, answerers), in the list's order."""
    from models.attendance import Participant
    from models.tables import Meeting
    from session.domain.participants import OFFICIAL_ROLES

    with store.read() as s:
        meeting = s.get(Meeting, meeting_id)
        if meeting is None:
            raise HoinghiError("meeting.not_found", id=meeting_id)
        people = s.exec(
            select(Participant)
            .where(Participant.meeting_id == meeting_id, col(Participant.role).in_(OFFICIAL_ROLES))
            .order_by(col(Participant.position), col(Participant.id))
        ).all()
    found = []
    if meeting.chair:
        found.append(Answerer(meeting.chair, meeting.chair_title, "", by_chair=True))
    for p in people:
        if p.name == meeting.chair:
            continue
        found.append(Answerer(p.name, title_at(p.title, p.organisation), p.organisation, by_chair=False))
    return found


def title_at(title: str, organisation: str) -> str:
    """A title with the body it is held in (chức vụ và cơ quan), the words they share said
    once: "Trưởng phòng" of "Phòng Kinh tế" is "Trưởng phòng Kinh tế", "Trưởng Công an" of
    "Công an phường" is "Trưởng Công an phường"; a title that names its body already
    ("Phó Chủ tịch UBND phường") is kept as it is."""
    title, organisation = title.strip(), organisation.strip()
    if not organisation or organisation.casefold() in title.casefold():
        return title
    if not title:
        return organisation
    words, body = title.split(), organisation.split()
    for size in range(min(len(words), len(body)), 0, -1):
        if [w.casefold() for w in words[-size:]] == [w.casefold() for w in body[:size]]:
            return " ".join([*words, *body[size:]])
    return f"{title} {organisation}"


def last_speaker(store: Store, meeting_id: int) -> int | None:
    """The registration speaking now, or the one who spoke last."""
    with store.read() as s:
        speaking = s.exec(
            select(Registration.id).where(Registration.meeting_id == meeting_id, Registration.status == "speaking")
        ).first()
        if speaking is not None:
            return speaking
        return s.exec(
            select(Registration.id)
            .where(Registration.meeting_id == meeting_id, Registration.status == "done")
            .order_by(col(Registration.ended_at).desc())
        ).first()
