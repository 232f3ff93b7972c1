"""What the documents before the meeting read, as plain data: the invitation (giấy mời),
the loudspeaker announcement (thông báo trên hệ thống truyền thanh) and the chair's
briefing (tài liệu phục vụ chủ trì)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.errors import HoinghiError
from models.store import Store
from models.tables import Meeting
from session.domain.duties import DutyView, meeting_duties
from session.domain.meetings import meeting_view
from session.domain.papers import Papers, papers_of
from session.domain.participants import ParticipantView, participants
from session.domain.place_words import PlaceWords, place_words
from session.domain.plans import PlanView, plan_view
from session.domain.preparation import PreparedIssue, prepared_issues
from session.domain.settings import OfficeSettings, get_settings
from session.domain.units import meeting_place
from session.domain.views import MeetingView


@dataclass(frozen=True)
class MeetingPapers:
    """A meeting as the documents before it need it."""

    meeting: MeetingView
    settings: OfficeSettings  # the office's own suffixes for these papers (GM-UBND, BC-VP)
    printed: Papers  # what the meeting's documents print: signers, page, issuing body
    plan: PlanView | None
    invitation_number: str
    localities: str
    words: PlaceWords
    participants: tuple[ParticipantView, ...]
    duties: tuple[DutyView, ...]

    @property
    def issuing_body(self) -> str:
        """The meeting's own, or its unit's (its plan's unit when the meeting has none yet)."""
        return self.printed.issuing_body or self.words.place.issuing_body

    @property
    def issuing_lines(self) -> tuple[str, ...]:
        """The issuing body as the header prints it, line by line."""
        return self.printed.issuing_lines if self.printed.issuing_body else self.words.place.issuing_lines

    @property
    def place_name(self) -> str:
        return self.printed.place_name or self.words.name

    @property
    def day(self) -> date | None:
        return self.meeting.planned_date

    def duty_due(self, key: str) -> date | None:
        return next((d.due for d in self.duties if d.key == key), None)

    def groups(self) -> list[tuple[str, list[ParticipantView]]]:
        """The invitees by group, in the order the groups first appear on the list."""
        found: dict[str, list[ParticipantView]] = {}
        for person in self.participants:
            found.setdefault(person.group, []).append(person)
        return list(found.items())


def meeting_papers(store: Store, meeting_id: int) -> MeetingPapers:
    view = meeting_view(store, meeting_id)
    with store.read() as s:
        row = s.get(Meeting, meeting_id)
        if row is None:
            raise HoinghiError("meeting.not_found", id=meeting_id)
        plan_id, number, localities = row.plan_id, row.invitation_number, row.cluster
        place = meeting_place(row)
        printed = papers_of(row, place)
    plan = plan_view(store, plan_id) if plan_id is not None else None
    return MeetingPapers(
        meeting=view,
        settings=get_settings(store),
        printed=printed,
        plan=plan,
        invitation_number=number,
        localities=localities,
        words=place_words(place, plan.unit if plan else ""),
        participants=tuple(participants(store, meeting_id)),
        duties=tuple(meeting_duties(store, meeting_id)),
    )


@dataclass(frozen=True)
class Briefing:
    """The chair's briefing: the expected questions by field, who prepares, what they prepared."""

    papers: MeetingPapers
    issues: tuple[PreparedIssue, ...]

    def by_field(self) -> list[tuple[str, list[PreparedIssue]]]:
        found: dict[str, list[PreparedIssue]] = {}
        for item in self.issues:
            found.setdefault(item.issue.field or "", []).append(item)
        return sorted(found.items(), key=lambda kv: (-len(kv[1]), kv[0] == "", kv[0]))


def briefing(store: Store, meeting_id: int) -> Briefing:
    return Briefing(meeting_papers(store, meeting_id), tuple(prepared_issues(store, meeting_id)))
