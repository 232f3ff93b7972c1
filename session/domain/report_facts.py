"""The facts of held meetings a yearly report counts (số liệu báo cáo), as plain data.

Read from this store or from the communes' JSON archives into the same shape: the rows of
each table a meeting owns (``MeetingRows``), then reduced to ``MeetingFacts``. The report
(``session.domain.report``) computes its figures from those facts only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NotRequired, TypedDict, cast

from sqlalchemy import Executable
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from models.attendance import AttendanceGroup
from models.ledger import Conclusion, Issue, IssueRaiser
from models.store import Store
from models.survey import Survey, SurveyBallot, SurveyQuestion, SurveyTotal
from models.tables import Answer as AnswerRow
from models.tables import Meeting, Registration, stored_id, table_of
from session.domain.followup import reply_due
from session.domain.ledger import TRACKED_OUTCOMES
from session.domain.place_words import PlaceWords, meeting_words
from session.domain.survey import QuestionResult, tally
from session.domain.workdays import WorkCalendar


# The rows a report reads, table by table: the columns it counts, as this store holds them
# and as an archive ("hoinghi export json") carries them. A row may hold more columns
# (the meeting's unit columns give its place words).
class MeetingValues(TypedDict):
    id: int
    notice_days: int
    reply_days: int
    actual_start: datetime | None
    planned_date: date | None
    notice_date: NotRequired[date | None]
    title: NotRequired[str]
    issuing_body: NotRequired[str]
    place_name: NotRequired[str]
    chair: NotRequired[str]
    venue: NotRequired[str]


class GroupValues(TypedDict):
    name: str
    expected: int
    present: int
    position: NotRequired[int]


class RegistrationValues(TypedDict):
    id: int
    role: str
    status: str
    locality: str
    started_at: datetime | None
    ended_at: datetime | None
    paused_seconds: float


class IssueValues(TypedDict):
    id: int
    field: str
    merged_into_id: int | None
    position: NotRequired[int]


class RaiserValues(TypedDict):
    id: int
    issue_id: int
    registration_id: int


class AnswerValues(TypedDict):
    started_at: datetime | None
    ended_at: datetime | None


class ConclusionValues(TypedDict):
    issue_id: int
    outcome: str
    followup_status: str
    deadline: date | None
    reply_date: date | None


class SurveyValues(TypedDict):
    total_ballots: int


class QuestionValues(TypedDict):
    position: int
    text: str
    short: NotRequired[str]
    choices: str  # JSON list of the choices


class BallotValues(TypedDict):
    number: int
    answers: str  # one digit per question


class TotalValues(TypedDict):
    question_position: int
    choice: int
    count: int


@dataclass(frozen=True)
class SpeechFact:
    """A speech held (lượt phát biểu): by an official or by the people, and how long."""

    official: bool
    seconds: float


@dataclass(frozen=True)
class IssueFact:
    """A petition (kiến nghị) as the report counts it."""

    field: str
    locality: str  # the first raiser's residential unit ("" when not known)
    outcome: str  # answered | study | assigned | forwarded | "" (no conclusion)
    due: date | None  # when the reply is due (study, assigned, forwarded)
    status: str  # follow-up status
    reply_date: date | None


@dataclass(frozen=True)
class MeetingFacts:
    source: str  # where it was read from: "#12" in this store, or an archive's file name
    commune: str  # "phường Ba Đồn"
    place: PlaceWords
    meeting_id: int
    title: str
    issuing_body: str
    place_name: str
    chair: str
    day: date | None
    held: bool
    venue: str
    groups: tuple[tuple[str, int, int], ...]  # attendance: name, expected, present
    speeches: tuple[SpeechFact, ...]
    answer_seconds: float  # time the chair and officials spent answering
    issues: tuple[IssueFact, ...]
    survey: tuple[QuestionResult, ...] = ()
    survey_ballots: int = 0


@dataclass
class MeetingRows:
    """The rows of one meeting, table by table, as mappings (column name -> value)."""

    meeting: MeetingValues
    #: When the replies are due unless the chair set a date, as the meeting's duties count
    #: it (the plan's own figures, the notice's date); None: counted here from the meeting.
    replies_due: date | None = None
    office_body: str = ""  # the office setting's issuing body, which wins over the meeting's
    office_place: str = ""
    groups: list[GroupValues] = field(default_factory=list)
    registrations: list[RegistrationValues] = field(default_factory=list)
    issues: list[IssueValues] = field(default_factory=list)
    raisers: list[RaiserValues] = field(default_factory=list)
    answers: list[AnswerValues] = field(default_factory=list)
    conclusions: list[ConclusionValues] = field(default_factory=list)
    survey: SurveyValues | None = None
    survey_questions: list[QuestionValues] = field(default_factory=list)
    survey_ballots: list[BallotValues] = field(default_factory=list)
    survey_totals: list[TotalValues] = field(default_factory=list)


def meeting_day(meeting: MeetingValues) -> date | None:
    """The day a meeting was held, or is planned for."""
    started = meeting.get("actual_start")
    if started is not None:
        return started.date()
    return meeting.get("planned_date")


def _seconds(start: datetime | None, end: datetime | None, paused: float = 0.0) -> float:
    if start is None or end is None:
        return 0.0
    return max(0.0, (end - start).total_seconds() - (paused or 0.0))


def facts_of(rows: MeetingRows, calendar: WorkCalendar, *, source: str) -> MeetingFacts:
    """Reduce one meeting's rows to the facts a report counts."""
    m = rows.meeting
    day = meeting_day(m)
    body = rows.office_body or m.get("issuing_body") or ""
    localities = {r["id"]: r.get("locality") or "" for r in rows.registrations}
    place = meeting_words(m, body)
    commune = place.unit if place.unit_name else (rows.office_place or m.get("place_name") or source)
    speeches = tuple(
        SpeechFact(
            official=r.get("role") == "official", seconds=_seconds(r["started_at"], r["ended_at"], r["paused_seconds"])
        )
        for r in sorted(rows.registrations, key=lambda r: r["id"])
        if r.get("status") in ("done", "speaking") and r.get("started_at") is not None
    )
    first_raiser: dict[int, int] = {}
    for link in sorted(rows.raisers, key=lambda r: r["id"]):
        first_raiser.setdefault(link["issue_id"], link["registration_id"])
    children: dict[int, list[int]] = {}
    for issue in rows.issues:
        parent = issue.get("merged_into_id")
        if parent is not None:
            children.setdefault(parent, []).append(issue["id"])
    conclusions = {c["issue_id"]: c for c in rows.conclusions}
    default_due = rows.replies_due or (
        reply_due(calendar, day, m["notice_days"], m["reply_days"], notice_date=m.get("notice_date")) if day else None
    )
    issues: list[IssueFact] = []
    for issue in sorted(rows.issues, key=lambda r: (r.get("position") or 0, r["id"])):
        if issue.get("merged_into_id") is not None:
            continue  # counted once, with the issue it was merged into
        raiser = first_raiser.get(issue["id"])
        if raiser is None:
            raiser = next((first_raiser[c] for c in children.get(issue["id"], []) if c in first_raiser), None)
        c = conclusions.get(issue["id"])
        outcome = c["outcome"] if c else ""
        tracked = outcome in TRACKED_OUTCOMES
        issues.append(
            IssueFact(
                field=issue.get("field") or "khác",
                locality=localities.get(raiser, "") if raiser is not None else "",
                outcome=outcome,
                due=(c.get("deadline") or default_due) if c is not None and tracked else None,
                status=c.get("followup_status", "not_started") if c else "",
                reply_date=c.get("reply_date") if c else None,
            )
        )
    survey: tuple[QuestionResult, ...] = ()
    ballots = 0
    if rows.survey is not None:
        questions = [
            (q["text"], q.get("short") or q["text"][:40], tuple(json.loads(q["choices"])))
            for q in sorted(rows.survey_questions, key=lambda q: q["position"])
        ]
        paper = int(rows.survey.get("total_ballots") or 0)
        totals = [(t["question_position"], t["choice"], t["count"]) for t in rows.survey_totals]
        answers = [b["answers"] for b in sorted(rows.survey_ballots, key=lambda b: b["number"])]
        survey, typed = tally(questions, answers, totals, paper)
        ballots = typed + paper
    return MeetingFacts(
        source=source,
        commune=commune,
        place=place,
        meeting_id=int(m["id"]),
        title=m.get("title") or "",
        issuing_body=body,
        place_name=rows.office_place or m.get("place_name") or "",
        chair=m.get("chair") or "",
        day=day,
        held=m.get("actual_start") is not None,
        venue=m.get("venue") or "",
        groups=tuple(
            (g["name"], int(g["expected"] or 0), int(g["present"] or 0))
            for g in sorted(rows.groups, key=lambda g: g.get("position") or 0)
        ),
        speeches=speeches,
        answer_seconds=sum(_seconds(a["started_at"], a["ended_at"]) for a in rows.answers),
        issues=tuple(issues),
        survey=survey,
        survey_ballots=ballots,
    )


# --- from this store ----------------------------------------------------------------------


def report_meetings(store: Store, year: int, keep: Callable[[Meeting], bool] | None = None) -> list[int]:
    """The meetings a yearly report covers: held (or planned) in *year*, and kept by *keep*
    (a filter on the meeting, e.g. one plan's meetings)."""
    with store.read() as s:
        meetings = s.exec(select(Meeting).order_by(col(Meeting.id))).all()
    chosen = []
    for m in meetings:
        day = m.actual_start.date() if m.actual_start else m.planned_date
        if day is not None and day.year == year and (keep is None or keep(m)):
            chosen.append(stored_id(m))
    return chosen


def _grouped(rows: Iterable[dict[str, Any]], key: str) -> dict[Any, list[dict[str, Any]]]:
    out: dict[Any, list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(row[key], []).append(row)
    return out


def facts_from_store(store: Store, meeting_ids: Sequence[int], calendar: WorkCalendar) -> list[MeetingFacts]:
    """The facts of *meeting_ids*: a few queries for all of them, not a few per meeting."""
    if not meeting_ids:
        return []
    from session.domain.settings import get_settings

    office = get_settings(store)
    ids = list(meeting_ids)

    with store.read() as s:
        connection = s.connection()

        def fetch(statement: Executable) -> list[dict[str, Any]]:
            # Plain dicts from plain rows: no ORM loading, and fast lookups afterwards.
            result = connection.execute(statement)
            keys = list(result.keys())
            return [dict(zip(keys, row, strict=True)) for row in result.fetchall()]

        meetings = fetch(sa_select(*table_of(Meeting).columns).where(col(Meeting.id).in_(ids)))
        groups = fetch(sa_select(*table_of(AttendanceGroup).columns).where(col(AttendanceGroup.meeting_id).in_(ids)))
        regs = fetch(
            sa_select(
                col(Registration.id),
                col(Registration.meeting_id),
                col(Registration.role),
                col(Registration.status),
                col(Registration.locality),
                col(Registration.started_at),
                col(Registration.ended_at),
                col(Registration.paused_seconds),
            ).where(col(Registration.meeting_id).in_(ids))
        )
        issues = fetch(
            sa_select(
                col(Issue.id), col(Issue.meeting_id), col(Issue.position), col(Issue.field), col(Issue.merged_into_id)
            ).where(col(Issue.meeting_id).in_(ids))
        )
        raisers = fetch(
            sa_select(
                col(IssueRaiser.id), col(IssueRaiser.issue_id), col(IssueRaiser.registration_id), col(Issue.meeting_id)
            )
            .join(Issue, col(Issue.id) == IssueRaiser.issue_id)
            .where(col(Issue.meeting_id).in_(ids))
        )
        answers = fetch(
            sa_select(col(AnswerRow.meeting_id), col(AnswerRow.started_at), col(AnswerRow.ended_at)).where(
                col(AnswerRow.meeting_id).in_(ids)
            )
        )
        conclusions = fetch(
            sa_select(
                col(Conclusion.issue_id),
                col(Conclusion.outcome),
                col(Conclusion.deadline),
                col(Conclusion.followup_status),
                col(Conclusion.reply_date),
                col(Issue.meeting_id),
            )
            .join(Issue, col(Issue.id) == Conclusion.issue_id)
            .where(col(Issue.meeting_id).in_(ids))
        )
        surveys = fetch(sa_select(*table_of(Survey).columns).where(col(Survey.meeting_id).in_(ids)))
        survey_ids = [r["id"] for r in surveys]
        questions = fetch(
            sa_select(*table_of(SurveyQuestion).columns).where(col(SurveyQuestion.survey_id).in_(survey_ids))
        )
        ballots = fetch(
            sa_select(col(SurveyBallot.survey_id), col(SurveyBallot.number), col(SurveyBallot.answers)).where(
                col(SurveyBallot.survey_id).in_(survey_ids)
            )
        )
        totals = fetch(sa_select(*table_of(SurveyTotal).columns).where(col(SurveyTotal.survey_id).in_(survey_ids)))
    # The rows hold their tables' columns (the queries above name them): typed as such.
    groups_of = _grouped(groups, "meeting_id")
    registrations_of = _grouped(regs, "meeting_id")
    issues_of = _grouped(issues, "meeting_id")
    raisers_of = _grouped(raisers, "meeting_id")
    answers_of = _grouped(answers, "meeting_id")
    conclusions_of = _grouped(conclusions, "meeting_id")
    survey_of = {r["meeting_id"]: r for r in surveys}
    questions_of, ballots_of, totals_of = (
        _grouped(questions, "survey_id"),
        _grouped(ballots, "survey_id"),
        _grouped(totals, "survey_id"),
    )
    from session.domain.duties import replies_due

    due = replies_due(store, list(ids))
    facts = []
    for m in sorted(meetings, key=lambda r: ids.index(r["id"])):
        mid = m["id"]
        survey = survey_of.get(mid)
        sid = survey["id"] if survey else None
        rows = MeetingRows(
            meeting=cast(MeetingValues, m),
            replies_due=due[mid].plain if mid in due else None,
            office_body=office.issuing_body,
            office_place=office.place_name,
            groups=cast(list[GroupValues], groups_of.get(mid, [])),
            registrations=cast(list[RegistrationValues], registrations_of.get(mid, [])),
            issues=cast(list[IssueValues], issues_of.get(mid, [])),
            raisers=cast(list[RaiserValues], raisers_of.get(mid, [])),
            answers=cast(list[AnswerValues], answers_of.get(mid, [])),
            conclusions=cast(list[ConclusionValues], conclusions_of.get(mid, [])),
            survey=cast(SurveyValues | None, survey),
            survey_questions=cast(list[QuestionValues], questions_of.get(sid, [])),
            survey_ballots=cast(list[BallotValues], ballots_of.get(sid, [])),
            survey_totals=cast(list[TotalValues], totals_of.get(sid, [])),
        )
        facts.append(facts_of(rows, calendar, source=f"#{mid}"))
    return facts
