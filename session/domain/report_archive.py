"""Reading the communes' meeting archives (tệp lưu trữ hội nghị, ``hoinghi export json``,
format "hoinghi-meeting/1") into the plain rows a report counts — without writing them
into any database. Every file is read and checked before anything is counted: one file of
another format or damaged stops the roll-up with a message naming it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from models.errors import HoinghiError
from session.domain.archive import SUPPORTED  # the versions an archive may have
from session.domain.report_facts import (
    AnswerValues,
    BallotValues,
    ConclusionValues,
    GroupValues,
    IssueValues,
    MeetingFacts,
    MeetingRows,
    MeetingValues,
    QuestionValues,
    RaiserValues,
    RegistrationValues,
    SurveyValues,
    TotalValues,
    facts_of,
)
from session.domain.workdays import WorkCalendar


def _moment(value: Any) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"time {value!r}")
    return datetime.fromisoformat(value)


def _day(value: Any) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"date {value!r}")
    return date.fromisoformat(value[:10])


# The columns a report reads, per table, and which of them are whole numbers.
_NEEDED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "attendance_group": (("name", "expected", "present"), ("expected", "present")),
    "registration": (("id", "role", "status", "locality", "started_at", "ended_at"), ("id",)),
    "issue": (("id", "field", "merged_into_id"), ("id",)),
    "issue_raiser": (("id", "issue_id", "registration_id"), ("id", "issue_id", "registration_id")),
    "answer": (("started_at", "ended_at"), ()),
    "conclusion": (("issue_id", "outcome", "followup_status"), ("issue_id",)),
    "survey": (("total_ballots",), ("total_ballots",)),
    "survey_question": (("position", "text", "choices"), ("position",)),
    "survey_ballot": (("number", "answers"), ("number",)),
    "survey_total": (("question_position", "choice", "count"), ("question_position", "choice", "count")),
}


def _rows(
    data: dict[str, Any], table: str, *, times: Iterable[str] = (), days: Iterable[str] = ()
) -> list[dict[str, Any]]:
    """The rows of *table*, checked to hold the columns a report reads (whole numbers where
    counted), dates and times parsed: from here on they are typed as the store's."""
    rows = data.get(table, [])
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise TypeError(f"{table}: not a list of rows")
    needed, whole = _NEEDED.get(table, ((), ()))
    out = []
    for row in rows:
        row = dict(row)
        missing = [name for name in needed if name not in row]
        if missing:
            raise KeyError(f"{table}.{missing[0]}")
        for name in whole:
            if not isinstance(row[name], int) or isinstance(row[name], bool):
                raise TypeError(f"{table}.{name} {row[name]!r}")
        for name in times:
            row[name] = _moment(row.get(name))
        for name in days:
            row[name] = _day(row.get(name))
        out.append(row)
    return out


def archive_rows(data: Any) -> MeetingRows:
    """The rows of one archive's meeting, dates and times parsed. Raises KeyError, TypeError
    or ValueError on a damaged archive (the caller names the file)."""
    if not isinstance(data.get("meeting"), dict):
        raise KeyError("meeting")
    [meeting] = _rows(
        {"m": [data["meeting"]]}, "m", times=("actual_start", "actual_end"), days=("planned_date", "notice_date")
    )
    for name in ("id", "notice_days", "reply_days"):
        meeting[name] = int(meeting[name])
    office = data.get("office") if isinstance(data.get("office"), dict) else {}
    surveys = _rows(data, "survey")
    deadlines = data.get("deadlines") if isinstance(data.get("deadlines"), dict) else {}
    return MeetingRows(
        meeting=cast(MeetingValues, meeting),
        replies_due=_day(deadlines.get("replies")),  # as the office's duties counted it (newer archives)
        office_body=str(office.get("issuing_body") or ""),
        office_place=str(office.get("place_name") or ""),
        groups=cast(list[GroupValues], _rows(data, "attendance_group")),
        registrations=cast(list[RegistrationValues], _rows(data, "registration", times=("started_at", "ended_at"))),
        issues=cast(list[IssueValues], _rows(data, "issue")),
        raisers=cast(list[RaiserValues], _rows(data, "issue_raiser")),
        answers=cast(list[AnswerValues], _rows(data, "answer", times=("started_at", "ended_at"))),
        conclusions=cast(list[ConclusionValues], _rows(data, "conclusion", days=("deadline", "reply_date"))),
        survey=cast(SurveyValues, surveys[0]) if surveys else None,
        survey_questions=cast(list[QuestionValues], _rows(data, "survey_question")),
        survey_ballots=cast(list[BallotValues], _rows(data, "survey_ballot")),
        survey_totals=cast(list[TotalValues], _rows(data, "survey_total")),
    )


def read_archive(path: Path, calendar: WorkCalendar) -> MeetingFacts:
    """One archive's meeting as report facts; a clear HoinghiError for anything else."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise HoinghiError("report.archive_unreadable", path=str(path), detail=exc) from None
    if not raw.lstrip()[:1] == b"{":
        raise HoinghiError("report.archive_format", path=str(path), found="?")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise HoinghiError("report.archive_damaged", path=str(path), detail=str(exc)[:120]) from None
    found = data.get("format") if isinstance(data, dict) else None
    kind, _sep, version = str(found or "").partition("/")
    if kind != "hoinghi-meeting" or not version.isdigit() or int(version) not in SUPPORTED:
        raise HoinghiError("report.archive_format", path=str(path), found=str(found or "?"))
    try:
        return facts_of(archive_rows(data), calendar, source=Path(path).name)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        detail = f"{type(exc).__name__}: {exc}"[:120]
        raise HoinghiError("report.archive_damaged", path=str(path), detail=detail) from None


def read_archives(paths: Iterable[Path], calendar: WorkCalendar) -> tuple[list[MeetingFacts], list[str]]:
    """Every archive's facts, or the first file's error before anything is counted.
    The same meeting sent twice (same commune, number and day) counts once; the second
    file's name is returned among the duplicates."""
    facts: list[MeetingFacts] = []
    seen: dict[tuple[str, int, date | None, str], int] = {}
    duplicates: list[str] = []
    for path in paths:
        fact = read_archive(Path(path), calendar)
        key = (fact.commune, fact.meeting_id, fact.day, fact.title)
        if key in seen:
            duplicates.append(fact.source)
            facts[seen[key]] = fact  # the file given last is the newer export
            continue
        seen[key] = len(facts)
        facts.append(fact)
    return facts, duplicates
