"""The invitation list (danh sách đại biểu được mời): named participants of a meeting with
their title, body, group (thành phần) and role, and their attendance ticked at the door.

Ticking someone present adds one to their group's count (``AttendanceGroup.present``),
the figure the minutes and the notice print; un-ticking takes it back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import col, select

from models.attendance import AttendanceGroup, Participant
from models.errors import Conflict, HoinghiError
from models.store import Store, Tx
from models.tables import Meeting, stored_id
from models.text import clean_text, fold, matches

ACTOR = "office"
ROLES = ("chair", "co_chair", "presenter", "answerer", "delegate")
#: Roles of the first release, still read: they map onto today's roles.
OLD_ROLES = {"official": "answerer", "secretary": "delegate", "front": "delegate"}
#: Who may be asked to answer at the meeting (the answerer picker).
OFFICIAL_ROLES = ("chair", "co_chair", "presenter", "answerer", "official")
#: Words a sheet or a person may use for a role (folded).
ROLE_WORDS = {
    "chu tri": "chair",
    "chu toa": "chair",
    "dong chu tri": "co_chair",
    "dong chu toa": "co_chair",
    "trinh bay": "presenter",
    "bao cao": "presenter",
    "bao cao vien": "presenter",
    "tra loi": "answerer",
    "giai trinh": "answerer",
    "can bo tra loi": "answerer",
    "dai bieu": "delegate",
    "khach moi": "delegate",
}


@dataclass(frozen=True)
class ParticipantDraft:
    name: str
    title: str = ""
    organisation: str = ""
    group: str = ""
    role: str = "delegate"


@dataclass(frozen=True)
class ParticipantView:
    id: int
    position: int
    name: str
    title: str
    organisation: str
    group: str
    role: str
    present: bool
    arrived_at: datetime | None
    search_key: str

    @property
    def official(self) -> bool:
        return self.role in OFFICIAL_ROLES


def role_of(value: str) -> str:
    """A role key from a key or its Vietnamese word ("chủ trì", "trả lời"…); blank: delegate."""
    text = fold(clean_text(value))
    if not text:
        return "delegate"
    key = text.replace(" ", "_").replace("-", "_")
    if key in ROLES:
        return key
    if key in OLD_ROLES:
        return OLD_ROLES[key]
    if text in ROLE_WORDS:
        return ROLE_WORDS[text]
    raise HoinghiError("participant.bad_role", value=value, roles=", ".join(ROLES))


def clean_participant(draft: ParticipantDraft) -> ParticipantDraft:
    return ParticipantDraft(
        name=clean_text(draft.name, field="name", required=True, max_len=120),
        title=clean_text(draft.title, field="participant_title", max_len=200),
        organisation=clean_text(draft.organisation, field="organisation", max_len=200),
        group=clean_text(draft.group, field="attendance", max_len=120),
        role=role_of(draft.role),
    )


def _meeting(tx: Tx, meeting_id: int) -> Meeting:
    meeting = tx.session.get(Meeting, meeting_id)
    if meeting is None:
        raise HoinghiError("meeting.not_found", id=meeting_id)
    return meeting


def _participant(tx: Tx, participant_id: int) -> Participant:
    row = tx.session.get(Participant, participant_id)
    if row is None:
        raise HoinghiError("participant.not_found")
    return row


def _group(tx: Tx, meeting_id: int, name: str) -> AttendanceGroup | None:
    """The attendance group a participant's group names (accents and case ignored);
    created when the list names a group the meeting does not have yet."""
    if not name:
        return None
    key = fold(name)
    groups = tx.session.exec(select(AttendanceGroup).where(AttendanceGroup.meeting_id == meeting_id)).all()
    for group in groups:
        if fold(group.name) == key:
            return group
    top = max((g.position for g in groups), default=0)
    group = AttendanceGroup(meeting_id=meeting_id, position=top + 1, name=name)
    tx.add(group)
    return group


def _expect_named(tx: Tx, meeting_id: int, group: AttendanceGroup | None) -> None:
    """A group expects at least the people invited by name into it."""
    if group is None:
        return
    tx.flush()
    key = fold(group.name)
    named = sum(
        1
        for g in tx.session.exec(select(Participant.group).where(Participant.meeting_id == meeting_id)).all()
        if fold(g) == key
    )
    if group.expected < named:
        group.expected = named


def _same_person(tx: Tx, meeting_id: int, draft: ParticipantDraft, skip: int | None = None) -> Participant | None:
    rows = tx.session.exec(
        select(Participant).where(Participant.meeting_id == meeting_id, Participant.name_key == fold(draft.name))
    ).all()
    for row in rows:
        if row.id != skip and fold(row.organisation) == fold(draft.organisation):
            return row
    return None


def add_participants(tx: Tx, meeting_id: int, drafts: Iterable[ParticipantDraft]) -> list[int]:
    """Add people to the invitation list in one action: all of them, or none (the same
    name from the same body twice is refused)."""
    _meeting(tx, meeting_id)
    cleaned = [clean_participant(d) for d in drafts]
    top = tx.session.exec(select(func.max(Participant.position)).where(Participant.meeting_id == meeting_id)).one() or 0
    added: list[Participant] = []
    for n, draft in enumerate(cleaned, start=1):
        if _same_person(tx, meeting_id, draft) is not None:
            raise HoinghiError("participant.duplicate", name=draft.name, organisation=draft.organisation or "—")
        row = tx.add(
            Participant(
                meeting_id=meeting_id,
                position=top + n,
                name=draft.name,
                name_key=fold(draft.name),
                title=draft.title,
                organisation=draft.organisation,
                group=draft.group,
                role=draft.role,
                present=False,
            )
        )
        tx.flush()
        added.append(row)
    # In the order typed: a group new to the meeting is named as it was first written.
    for name in dict.fromkeys(d.group for d in cleaned if d.group):
        _expect_named(tx, meeting_id, _group(tx, meeting_id, name))
    tx.facts["count"] = len(added)
    return [stored_id(row) for row in added]


def add_participant(tx: Tx, meeting_id: int, draft: ParticipantDraft) -> int:
    return add_participants(tx, meeting_id, [draft])[0]


def edit_participant(tx: Tx, participant_id: int, draft: ParticipantDraft) -> None:
    """Correct someone on the list; a present person moves their count to the new group."""
    draft = clean_participant(draft)
    row = _participant(tx, participant_id)
    if _same_person(tx, row.meeting_id, draft, skip=row.id) is not None:
        raise HoinghiError("participant.duplicate", name=draft.name, organisation=draft.organisation or "—")
    if row.present and fold(row.group) != fold(draft.group):
        _count(tx, row, -1)
        row.group = draft.group
        _count(tx, row, +1)
    row.name, row.name_key = draft.name, fold(draft.name)
    row.title, row.organisation, row.group, row.role = draft.title, draft.organisation, draft.group, draft.role
    _expect_named(tx, row.meeting_id, _group(tx, row.meeting_id, row.group))


def remove_participant(tx: Tx, participant_id: int) -> str:
    """Take someone off the list (their tick at the door goes with them); returns the name."""
    row = _participant(tx, participant_id)
    if row.present:
        _count(tx, row, -1)
    tx.delete(row)
    return row.name


def _count(tx: Tx, row: Participant, delta: int) -> None:
    group = _group(tx, row.meeting_id, row.group)
    if group is not None:
        group.present = max(0, group.present + delta)


def set_present(tx: Tx, participant_id: int, present: bool, *, at: datetime) -> None:
    """Tick someone present at the door (or take the tick back); their group counts them."""
    row = _participant(tx, participant_id)
    if row.present == present:
        raise Conflict("participant.already_present" if present else "participant.not_present", name=row.name)
    row.present = present
    row.arrived_at = at if present else None
    _count(tx, row, +1 if present else -1)


def participants(store: Store, meeting_id: int) -> list[ParticipantView]:
    """The invitation list in its order."""
    with store.read() as s:
        rows = s.exec(
            select(Participant)
            .where(Participant.meeting_id == meeting_id)
            .order_by(col(Participant.position), col(Participant.id))
        ).all()
    return [
        ParticipantView(
            id=stored_id(p),
            position=p.position,
            name=p.name,
            title=p.title,
            organisation=p.organisation,
            group=p.group,
            role=OLD_ROLES.get(p.role, p.role),
            present=p.present,
            arrived_at=p.arrived_at,
            search_key=" ".join((p.name_key, fold(p.title), fold(p.organisation), fold(p.group))),
        )
        for p in rows
    ]


def find(people: list[ParticipantView], query: str) -> list[ParticipantView]:
    """The people whose name, title, body or group hold every word of *query* (no accents)."""
    if not query.strip():
        return list(people)
    return [p for p in people if matches(query, p.search_key)]
