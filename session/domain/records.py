"""The whole record of a meeting as plain data (biên bản's source): what the exports read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import select

from models.store import Store
from models.tables import AttendanceGroup, Meeting, Participant, Registration
from session.domain.ledger import IssueView, ledger
from session.domain.meetings import meeting_view
from session.domain.papers import Papers, papers_of
from session.domain.units import Place, meeting_place
from session.domain.views import MeetingView


@dataclass(frozen=True)
class Attendance:
    name: str
    expected: int
    present: int


@dataclass(frozen=True)
class SpeakerLine:
    """A registration as the minutes name it."""

    id: int
    name: str
    locality: str
    field: str
    summary: str
    started_at: datetime | None


@dataclass(frozen=True)
class Speech:
    """A speech held at the meeting, with the issues it raised (in speaking order)."""

    registration: SpeakerLine
    issues: tuple[IssueView, ...]


@dataclass(frozen=True)
class MeetingRecord:
    meeting: MeetingView
    place: Place  # the unit and its residential units: every place word
    papers: Papers  # what the documents print that belongs to the meeting
    attendance: tuple[Attendance, ...]
    participants: tuple[tuple[str, str, str, str], ...]  # name, title, organisation, group
    speeches: tuple[Speech, ...]
    unspoken: tuple[IssueView, ...]  # petitions not raised in a speech (compiled before, speaker absent…)
    issues: tuple[IssueView, ...]
    close_reason: str

    @property
    def issuing_body(self) -> str:
        return self.papers.issuing_body

    @property
    def place_name(self) -> str:
        return self.papers.place_name

    @property
    def meeting_day(self) -> date | None:
        m = self.meeting
        return m.actual_start.date() if m.actual_start else m.planned_date

    @property
    def present(self) -> int:
        return sum(a.present for a in self.attendance)

    @property
    def invited(self) -> tuple[int, int]:
        """(present, invited) over the groups that have an invited number."""
        counted = [a for a in self.attendance if a.expected]
        return sum(a.present for a in counted), sum(a.expected for a in counted)


def held_registrations(store: Store, meeting_id: int) -> list[SpeakerLine]:
    """The speeches held, in the order they were given."""
    with store.read() as s:
        rows = s.exec(
            select(
                Registration.id,
                Registration.speaker_name,
                Registration.locality,
                Registration.field,
                Registration.summary,
                Registration.started_at,
            )
            .where(
                Registration.meeting_id == meeting_id,
                Registration.status.in_(("done", "speaking")),
                Registration.started_at.is_not(None),
            )
            .order_by(Registration.started_at, Registration.id)
        ).all()
    return [SpeakerLine(*row) for row in rows]


def meeting_record(store: Store, meeting_id: int) -> MeetingRecord:
    view = meeting_view(store, meeting_id)
    with store.read() as s:
        groups = s.exec(
            select(AttendanceGroup).where(AttendanceGroup.meeting_id == meeting_id).order_by(AttendanceGroup.position)
        ).all()
        people = s.exec(
            select(Participant.name, Participant.title, Participant.organisation, Participant.group)
            .where(Participant.meeting_id == meeting_id)
            .order_by(Participant.id)
        ).all()
        row = s.get(Meeting, meeting_id)
        close_reason = row.close_reason
        place = meeting_place(row)
        papers = papers_of(row, place)
    issues = ledger(store, meeting_id)
    by_reg: dict[int, list[IssueView]] = {}
    for issue in issues:
        for raiser in issue.raisers:
            by_reg.setdefault(raiser.registration_id, []).append(issue)
    speeches = []
    told: set[int] = set()
    for reg in held_registrations(store, meeting_id):
        own = tuple(i for i in by_reg.get(reg.id, []) if i.id not in told)
        told.update(i.id for i in own)
        speeches.append(Speech(reg, own))
    return MeetingRecord(
        meeting=view,
        place=place,
        papers=papers,
        # A group nobody was invited from and nobody came from (a template's group the
        # meeting did not use) is not printed as "0 người".
        attendance=tuple(Attendance(g.name, g.expected, g.present) for g in groups if g.expected or g.present),
        participants=tuple(tuple(p) for p in people),
        speeches=tuple(speeches),
        unspoken=tuple(i for i in issues if i.id not in told),
        issues=tuple(issues),
        close_reason=close_reason,
    )
