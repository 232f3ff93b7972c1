"""The yearly report's figures (số liệu báo cáo năm) as plain data: meetings held,
attendance, speakers and their share of the time, opinions by field and by residential
unit, how they were concluded, replies on time / late / overdue as of the report date,
and the satisfaction survey. The roll-up (tổng hợp) gives the same figures per commune.

Computed from ``MeetingFacts`` only, so a commune's own store and a province's pile of
JSON archives give the same report; tests check the figures without Word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from models.text import fold
from session.domain.ledger import TRACKED_OUTCOMES
from session.domain.place_words import PlaceWords
from session.domain.report_facts import IssueFact, MeetingFacts
from session.domain.survey import ChoiceResult, QuestionResult, percentages
from session.domain.tally import tally

OUTCOMES = ("answered", "study", "assigned", "forwarded", "")  # "": no conclusion recorded


@dataclass(frozen=True)
class Count:
    label: str
    count: int
    percent: float


@dataclass(frozen=True)
class MeetingLine:
    """One meeting in the report's list of meetings."""

    commune: str
    day: date | None
    title: str
    venue: str
    held: bool
    present: int
    speeches: int
    issues: int


@dataclass(frozen=True)
class Replies:
    """Replies to what was studied, assigned or forwarded, as of the report date."""

    tracked: int = 0
    on_time: int = 0  # replied by the due date
    late: int = 0  # replied after it
    overdue: int = 0  # no reply, due date passed
    pending: int = 0  # no reply yet, still in time

    @property
    def replied(self) -> int:
        return self.on_time + self.late


@dataclass(frozen=True)
class YearFigures:
    year: int
    today: date
    place: PlaceWords
    meetings: tuple[MeetingLine, ...]
    held: int
    planned: int  # in the year but not held (yet)
    expected: int
    present: int
    groups: tuple[tuple[str, int, int], ...]  # attendance by group: name, expected, present
    speakers_people: int
    speakers_officials: int
    seconds_people: float  # the people's speeches
    seconds_officials: float  # officials' speeches and every answer
    issues: int
    by_field: tuple[Count, ...]
    by_locality: tuple[Count, ...]
    outcomes: tuple[Count, ...]  # in OUTCOMES order
    replies: Replies
    survey: tuple[QuestionResult, ...]
    survey_ballots: int

    @property
    def speakers(self) -> int:
        return self.speakers_people + self.speakers_officials

    @property
    def people_time_percent(self) -> float:
        """The people's share of the time spoken (đối thoại: give the time to the citizens)."""
        return percentages([round(self.seconds_people), round(self.seconds_officials)])[0]

    def outcome(self, name: str) -> int:
        return next(c.count for c in self.outcomes if c.label == name)


@dataclass(frozen=True)
class CommuneRow:
    """One commune in the province's roll-up (một dòng mỗi đơn vị)."""

    commune: str
    figures: YearFigures

    @property
    def satisfied_percent(self) -> float | None:
        """Share of the answers given that chose the first (most satisfied) choice."""
        chosen = sum(q.choices[0].count for q in self.figures.survey if q.choices)
        given = sum(sum(c.count for c in q.choices) for q in self.figures.survey)
        return percentages([chosen, given - chosen])[0] if given else None


def natural_key(label: str) -> tuple[int | str, ...]:
    """ "Tổ dân phố 6" before "Tổ dân phố 10"; accents and case ignored."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", fold(label)))


def _counts(counter: Counter[str], order: Sequence[str] | None = None) -> tuple[Count, ...]:
    if order is None:
        # Most first; ties in alphabetical order (numbers as numbers), so the table is stable.
        order = sorted(counter, key=lambda k: (-counter[k], natural_key(k), k))
    shares = percentages([counter[k] for k in order])
    return tuple(Count(label, counter[label], share) for label, share in zip(order, shares, strict=True))


def reply_state(issue: IssueFact, today: date) -> str:
    """on_time | late | overdue | pending, as of *today* (a reply dated later is not known yet)."""
    replied = issue.reply_date if issue.status == "replied" else None
    if replied is not None and replied <= today:
        return "on_time" if issue.due is None or replied <= issue.due else "late"
    if issue.due is not None and today > issue.due:
        return "overdue"
    return "pending"


def merge_survey(results: Sequence[Sequence[QuestionResult]]) -> tuple[QuestionResult, ...]:
    """Add the survey results of several meetings, question by question (same text and choices)."""
    order: list[tuple[str, tuple[str, ...]]] = []
    sums: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    shorts: dict[tuple[str, tuple[str, ...]], str] = {}
    for questions in results:
        for q in questions:
            key = (q.text, tuple(c.text for c in q.choices))
            if key not in sums:
                order.append(key)
                sums[key] = [0] * (len(q.choices) + 1)
                shorts[key] = q.short
            row = sums[key]
            for n, c in enumerate(q.choices):
                row[n] += c.count
            row[-1] += q.blank
    merged = []
    for position, key in enumerate(order, start=1):
        row = sums[key]
        shares = percentages(row)
        merged.append(
            QuestionResult(
                position=position,
                text=key[0],
                short=shorts[key],
                choices=tuple(ChoiceResult(t, n, p) for t, n, p in zip(key[1], row, shares, strict=False)),
                blank=row[-1],
                blank_percent=shares[-1],
            )
        )
    return tuple(merged)


def year_figures(
    facts: Sequence[MeetingFacts], *, year: int, today: date, place: PlaceWords, name_communes: bool = False
) -> YearFigures:
    """The figures of the meetings in *facts* (already chosen for the year). With
    *name_communes* (a roll-up) each residential unit is named with its commune: two
    communes may both have a "Tổ dân phố 1"."""
    held = [f for f in facts if f.held]
    lines = tuple(
        MeetingLine(
            commune=f.commune,
            day=f.day,
            title=f.title,
            venue=f.venue,
            held=f.held,
            present=sum(p for _n, _e, p in f.groups),
            speeches=len(f.speeches),
            issues=len(f.issues),
        )
        for f in sorted(facts, key=lambda f: (f.day or date.max, f.commune, f.meeting_id))
    )
    group_order: list[str] = []
    group_sums: dict[str, list[int]] = {}
    for f in held:
        for name, expected, present in f.groups:
            if name not in group_sums:
                group_order.append(name)
                group_sums[name] = [0, 0]
            group_sums[name][0] += expected
            group_sums[name][1] += present
    speeches = [s for f in held for s in f.speeches]
    issues = [i for f in held for i in f.issues]
    unknown = f"(không ghi {place.residential})"

    def locality(fact: MeetingFacts, issue: IssueFact) -> str:
        label = issue.locality or unknown
        return f"{label} – {fact.commune}" if name_communes else label

    states = Counter(reply_state(i, today) for i in issues if i.outcome in TRACKED_OUTCOMES)
    return YearFigures(
        year=year,
        today=today,
        place=place,
        meetings=lines,
        held=len(held),
        planned=len(facts) - len(held),
        expected=sum(v[0] for v in group_sums.values()),
        present=sum(v[1] for v in group_sums.values()),
        groups=tuple((name, group_sums[name][0], group_sums[name][1]) for name in group_order),
        speakers_people=sum(1 for s in speeches if not s.official),
        speakers_officials=sum(1 for s in speeches if s.official),
        seconds_people=sum(s.seconds for s in speeches if not s.official),
        seconds_officials=sum(s.seconds for s in speeches if s.official) + sum(f.answer_seconds for f in held),
        issues=len(issues),
        by_field=_counts(Counter(i.field for i in issues)),
        by_locality=_counts(tally(locality(f, i) for f in held for i in f.issues)),
        outcomes=_counts(Counter(i.outcome for i in issues), OUTCOMES),
        replies=Replies(
            tracked=sum(states.values()),
            on_time=states["on_time"],
            late=states["late"],
            overdue=states["overdue"],
            pending=states["pending"],
        ),
        survey=merge_survey([f.survey for f in held]),
        survey_ballots=sum(f.survey_ballots for f in held),
    )


def rollup(facts: Sequence[MeetingFacts], *, year: int, today: date) -> list[CommuneRow]:
    """One row per commune (by name), in Vietnamese alphabetical order of the name."""
    by_commune: dict[str, list[MeetingFacts]] = {}
    for f in facts:
        by_commune.setdefault(f.commune, []).append(f)
    rows = [
        CommuneRow(name, year_figures(group, year=year, today=today, place=group[0].place))
        for name, group in by_commune.items()
    ]
    return sorted(rows, key=lambda r: (natural_key(r.commune), r.commune))
