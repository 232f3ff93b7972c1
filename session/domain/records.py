"""The whole record of a meeting as plain data (biên bản's source): what the exports read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select as sa_select
from sqlmodel import col, select

from models.attendance import AttendanceGroup, Participant
from models.errors import HoinghiError
from models.store import Store
from models.tables import Meeting, Registration, key_column
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
    unspoken: tuple[IssueView, ...]  # petitions compiled before the meeting, not raised in a speech
    issues: tuple[IssueView, ...]
    close_reason: str
    # Petitions of people who registered at the meeting (in the hall, on a slip) and were
    # not heard: called but absent, withdrawn, or still waiting when it closed.
    unheard: tuple[IssueView, ...] = ()

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
        rows = s.execute(
            sa_select(
                key_column(Registration.id),
                col(Registration.speaker_name),
                col(Registration.locality),
                col(Registration.field),
                col(Registration.summary),
                col(Registration.started_at),
            )
            .where(
                col(Registration.meeting_id) == meeting_id,
                col(Registration.status).in_(("done", "speaking")),
                col(Registration.started_at).is_not(None),
            )
            .order_by(col(Registration.started_at), col(Registration.id))
        ).all()
    return [SpeakerLine(*row) for row in rows]


def meeting_record(store: Store, meeting_id: int) -> MeetingRecord:
    view = meeting_view(store, meeting_id)
    with store.read() as s:
        groups = s.exec(
            select(AttendanceGroup)
            .where(AttendanceGroup.meeting_id == meeting_id)
            .order_by(col(AttendanceGroup.position))
        ).all()
        people = s.exec(
            select(Participant.name, Participant.title, Participant.organisation, Participant.group)
            .where(Participant.meeting_id == meeting_id)
            .order_by(col(Participant.id))
        ).all()
        row = s.get(Meeting, meeting_id)
        if row is None:
            raise HoinghiError("meeting.not_found", id=meeting_id)
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
    with store.read() as s:
        at_meeting = set(
            s.execute(
                sa_select(key_column(Registration.id)).where(
                    col(Registration.meeting_id) == meeting_id, col(Registration.source) != "precompiled"
                )
            ).scalars()
        )

    def registered_at_meeting(issue: IssueView) -> bool:
        return bool(issue.raisers) and all(r.registration_id in at_meeting for r in issue.raisers)

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
        participants=tuple((name, title, organisation, group) for name, title, organisation, group in people),
        speeches=tuple(speeches),
        unspoken=tuple(i for i in issues if i.id not in told and not registered_at_meeting(i)),
        unheard=tuple(i for i in issues if i.id not in told and registered_at_meeting(i)),
        issues=tuple(issues),
        close_reason=close_reason,
    )
