"""Speaking requests (đăng ký phát biểu): the registration desk's slips, and the queue as data.

A registration with a summary is also a petition: registering creates its issue
(kiến nghị) in the same action, so the ledger starts complete. The ledger's tables
(``models.ledger``) are loaded by the functions that write petitions: the queue is read
from the first screen on without them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from models.changes import full_rows, insert_all
from models.errors import Conflict, HoinghiError, TextError
from models.store import Store, Tx
from models.tables import FieldLimit, Meeting, Registration, key_column, stored_id
from models.text import clean_text, fold
from session.domain.fields import canonical_field

ROLES = ("citizen", "delegate", "official")
SOURCES = ("precompiled", "hall", "slip")
STATUSES = ("waiting", "speaking", "done", "withdrawn", "absent")
_PHONE_OK = re.compile(r"^\+?[\d .()\-]+$")

NAME_MAX = 120
LOCALITY_MAX = 200
SUMMARY_MAX = 4000


@dataclass(frozen=True)
class Slip:
    """What the desk types from one paper slip (phiếu đăng ký)."""

    name: str
    locality: str = ""
    role: str = "citizen"
    organisation: str = ""
    field: str = ""
    summary: str = ""
    source: str = "hall"
    phone: str = ""


@dataclass(frozen=True)
class RegistrationView:
    id: int
    position: int  # the number shown (số thứ tự): given at registration, never changed
    queue_position: int
    name: str
    locality: str
    role: str
    organisation: str
    field: str
    summary: str
    source: str
    phone: str
    registered_at: datetime | None
    status: str
    started_at: datetime | None
    ended_at: datetime | None
    paused_at: datetime | None
    paused_seconds: float
    limit_seconds: int
    absent_count: int
    spoke_before: bool  # already spoke earlier in this meeting (registered again)
    first_time: bool  # never spoke at any meeting in this store
    search_key: str


def clean_phone(value: str) -> str:
    text = clean_text(value, field="phone", max_len=30)
    if not text:
        return ""
    digits = re.sub(r"\D", "", text)
    if not _PHONE_OK.match(text) or not 8 <= len(digits) <= 15:
        raise TextError("phone.invalid", value=text)
    return text


def clean_slip(slip: Slip, fields: list[str]) -> Slip:
    """Every text NFC, trimmed, within its limits; refusals name the field."""
    role = slip.role if slip.role in ROLES else "citizen"
    source = slip.source if slip.source in SOURCES else "hall"
    return Slip(
        name=clean_text(slip.name, field="name", required=True, max_len=NAME_MAX),
        locality=clean_text(slip.locality, field="locality", max_len=LOCALITY_MAX),
        role=role,
        organisation=clean_text(slip.organisation, field="organisation", max_len=LOCALITY_MAX),
        field=canonical_field(slip.field, fields),
        summary=clean_text(slip.summary, field="summary", multiline=True, max_len=SUMMARY_MAX),
        source=source,
        phone=clean_phone(slip.phone),
    )


def _slip_values(meeting_id: int, slip: Slip, at: datetime) -> dict[str, Any]:
    """A registration's stored values for a cleaned *slip* (phiếu đăng ký), search keys included."""
    return dict(
        meeting_id=meeting_id,
        speaker_name=slip.name,
        name_key=fold(slip.name),
        locality=slip.locality,
        locality_key=fold(slip.locality),
        role=slip.role,
        organisation=slip.organisation,
        field=slip.field,
        summary=slip.summary,
        summary_key=fold(slip.summary),
        source=slip.source,
        phone=slip.phone,
        registered_at=at,
    )


def _add(tx: Tx, meeting_id: int, slip: Slip, at: datetime, position: int, number: int) -> Registration:
    reg = Registration(**_slip_values(meeting_id, slip, at), number=number, queue_position=position)
    tx.add(reg)
    return reg


def _add_issues(tx: Tx, meeting_id: int, regs: list[Registration], at: datetime) -> None:
    """A summary is a petition: one issue per registration that has one."""
    from models.ledger import Issue, IssueRaiser

    tx.flush()
    top = tx.session.exec(select(func.max(Issue.position)).where(Issue.meeting_id == meeting_id)).one() or 0
    pairs: list[tuple[Issue, Registration]] = []
    for reg in regs:
        if not reg.summary:
            continue
        top += 1
        issue = Issue(
            meeting_id=meeting_id,
            position=top,
            content=reg.summary,
            content_key=reg.summary_key,
            field=reg.field,
            created_at=at,
        )
        tx.add(issue)
        pairs.append((issue, reg))
    tx.flush()
    for issue, reg in pairs:
        tx.add(IssueRaiser(issue_id=stored_id(issue), registration_id=stored_id(reg)))


def _twin(tx: Tx, meeting_id: int, slip: Slip, exclude: int | None = None) -> Registration | None:
    """A registration in this meeting with the same folded name and residential unit, if any."""
    query = select(Registration).where(
        Registration.meeting_id == meeting_id,
        Registration.name_key == fold(slip.name),
        Registration.locality_key == fold(slip.locality),
        Registration.status != "withdrawn",
    )
    if exclude is not None:
        query = query.where(Registration.id != exclude)
    return tx.session.exec(query.order_by(col(Registration.queue_position))).first()


def next_position(tx: Tx, meeting_id: int) -> int:
    top = tx.session.exec(
        select(func.max(Registration.queue_position)).where(Registration.meeting_id == meeting_id)
    ).one()
    return (top or 0) + 1


def next_place(tx: Tx, meeting_id: int) -> tuple[int, int]:
    """The next queue position and the next registration number, read in one query."""
    position, number = tx.session.exec(
        select(func.max(Registration.queue_position), func.max(Registration.number)).where(
            Registration.meeting_id == meeting_id
        )
    ).one()
    return (position or 0) + 1, (number or 0) + 1


def _open_meeting(tx: Tx, meeting_id: int) -> Meeting:
    meeting = tx.session.get(Meeting, meeting_id)
    if meeting is None:
        raise HoinghiError("meeting.not_found", id=meeting_id)
    if meeting.status == "closed":
        # A late walk-in would otherwise appear in the re-exported minutes as an opinion
        # compiled before the meeting.
        raise Conflict("registration.closed")
    return meeting


def register(tx: Tx, meeting_id: int, slip: Slip, *, force: bool = False) -> int:
    """Add one slip (already cleaned with :func:`clean_slip`) at the end of the queue. A
    near-duplicate (same folded name and residential unit) raises Conflict('registration.duplicate')
    unless *force*; the check is made inside the write, so two desks typing the same
    person at once cannot both pass it. Returns the new id."""
    _open_meeting(tx, meeting_id)
    if not force:
        twin = _twin(tx, meeting_id, slip)
        if twin is not None:
            raise Conflict(
                "registration.duplicate", name=twin.speaker_name, locality=twin.locality or "—", number=twin.number
            )
    reg = _add(tx, meeting_id, slip, tx.at, *next_place(tx, meeting_id))
    _add_issues(tx, meeting_id, [reg], tx.at)
    tx.facts.update(name=reg.speaker_name, number=reg.number)
    return stored_id(reg)


def register_many(tx: Tx, meeting_id: int, slips: list[Slip]) -> int:
    """All slips (already cleaned) or none, in one action (the Front committee's compiled list)."""
    add_cleaned_slips(tx, meeting_id, slips, at=tx.at)
    tx.facts["count"] = len(slips)
    return len(slips)


def update_registration(tx: Tx, meeting_id: int, reg_id: int, slip: Slip, *, force: bool = False) -> None:
    """Correct a registration (name, residential unit, field, summary, phone…); its number stays.
    The petition made from its summary follows the corrected summary and field."""
    from models.ledger import Issue, IssueRaiser

    reg = tx.session.get(Registration, reg_id)
    if reg is None or reg.meeting_id != meeting_id:
        raise HoinghiError("registration.not_found")
    if not force:
        twin = _twin(tx, meeting_id, slip, exclude=reg_id)
        if twin is not None:
            raise Conflict(
                "registration.duplicate", name=twin.speaker_name, locality=twin.locality or "—", number=twin.number
            )
    old_summary = reg.summary
    reg.speaker_name, reg.name_key = slip.name, fold(slip.name)
    reg.locality, reg.locality_key = slip.locality, fold(slip.locality)
    reg.role, reg.organisation, reg.source, reg.phone = slip.role, slip.organisation, slip.source, slip.phone
    old_field, reg.field = reg.field, slip.field
    reg.summary, reg.summary_key = slip.summary, fold(slip.summary)
    own = tx.session.exec(
        select(Issue)
        .join(IssueRaiser, col(IssueRaiser.issue_id) == Issue.id)
        .where(IssueRaiser.registration_id == reg_id)
        .order_by(col(Issue.position))
    ).all()
    made_from_slip = [i for i in own if i.content == old_summary]
    for issue in made_from_slip:
        if slip.summary:
            issue.content, issue.content_key = slip.summary, fold(slip.summary)
        if issue.field == old_field:
            issue.field = slip.field
    if slip.summary and not own:
        _add_issues(tx, meeting_id, [reg], tx.at)
    tx.facts.update(name=reg.speaker_name, number=reg.number, registration_id=reg_id)


@dataclass(frozen=True)
class PreparedSlips:
    """Cleaned slips turned into table rows before any transaction (đăng ký hàng loạt):
    registrations with queue positions counted from 0, and each one's issue (or None)."""

    registrations: list[dict[str, Any]]
    issues: list[dict[str, Any] | None]


def prepare_slips(meeting_id: int, slips: list[Slip], *, at: datetime) -> PreparedSlips:
    """The rows for *slips* (already cleaned), computed outside the write transaction."""
    from models.ledger import Issue

    regs = full_rows(
        Registration,
        [{**_slip_values(meeting_id, slip, at), "queue_position": n} for n, slip in enumerate(slips)],
    )
    issues = full_rows(
        Issue,
        [
            dict(
                meeting_id=meeting_id,
                position=0,
                content=reg["summary"],
                content_key=reg["summary_key"],
                field=reg["field"],
                created_at=at,
            )
            for reg in regs
            if reg["summary"]
        ],
    )
    it = iter(issues)
    return PreparedSlips(regs, [next(it) if reg["summary"] else None for reg in regs])


def add_prepared(tx: Tx, meeting_id: int, prepared: PreparedSlips, keep: list[int] | None = None) -> list[int]:
    """Append prepared slips (those at the indexes in *keep*, or all) to the queue, with
    their issues, by bulk insert: a list of thousands holds the write lock for a moment
    only. Returns the new registrations' ids, in order."""
    from models.ledger import Issue, IssueRaiser

    _open_meeting(tx, meeting_id)
    chosen = range(len(prepared.registrations)) if keep is None else keep
    start, first = next_place(tx, meeting_id)
    regs = [dict(prepared.registrations[i], queue_position=start + n, number=first + n) for n, i in enumerate(chosen)]
    ids = insert_all(tx.session, Registration, regs)
    top = tx.session.exec(select(func.max(Issue.position)).where(Issue.meeting_id == meeting_id)).one() or 0
    issues: list[dict[str, Any]] = []
    raisers: list[int] = []
    for reg_id, i in zip(ids, chosen, strict=True):
        issue = prepared.issues[i]
        if issue is not None:
            issues.append(dict(issue, position=top + len(issues) + 1))
            raisers.append(reg_id)
    issue_ids = insert_all(tx.session, Issue, issues)
    links = [
        {"issue_id": issue_id, "registration_id": reg_id} for issue_id, reg_id in zip(issue_ids, raisers, strict=True)
    ]
    insert_all(tx.session, IssueRaiser, full_rows(IssueRaiser, links))
    return ids


def add_cleaned_slips(tx: Tx, meeting_id: int, slips: list[Slip], *, at: datetime) -> list[int]:
    """Append already cleaned slips to the queue, with their issues (see :func:`add_prepared`)."""
    return add_prepared(tx, meeting_id, prepare_slips(meeting_id, slips, at=at))


# --- reading -----------------------------------------------------------------------


def _plain(reg: Registration, limit: int, spoke_before: bool, first_time: bool) -> RegistrationView:
    return RegistrationView(
        id=stored_id(reg),
        position=reg.number,
        queue_position=reg.queue_position,
        name=reg.speaker_name,
        locality=reg.locality,
        role=reg.role,
        organisation=reg.organisation,
        field=reg.field,
        summary=reg.summary,
        source=reg.source,
        phone=reg.phone,
        registered_at=reg.registered_at,
        status=reg.status,
        started_at=reg.started_at,
        ended_at=reg.ended_at,
        paused_at=reg.paused_at,
        paused_seconds=reg.paused_seconds,
        limit_seconds=reg.limit_seconds or limit,
        absent_count=reg.absent_count,
        spoke_before=spoke_before,
        first_time=first_time,
        search_key=" ".join((reg.name_key, reg.locality_key, fold(reg.field), reg.summary_key)),
    )


def limits_of(store: Store, meeting_id: int) -> tuple[int, dict[str, int]]:
    """The meeting's default speaking limit and its per-field limits, in seconds."""
    with store.read() as s:
        meeting = s.get(Meeting, meeting_id)
        if meeting is None:
            raise HoinghiError("meeting.not_found", id=meeting_id)
        per_field = {r.field: r.seconds for r in s.exec(select(FieldLimit).where(FieldLimit.meeting_id == meeting_id))}
        return meeting.speech_limit_seconds, per_field


def list_registrations(
    store: Store, meeting_id: int, ids: set[int] | None = None, *, limits: tuple[int, dict[str, int]] | None = None
) -> list[RegistrationView]:
    """The queue in queue order (or just *ids*), with each speaker's effective limit and marks.
    *limits*: the meeting's :func:`limits_of`, when the caller already holds them."""
    default, per_field = limits if limits is not None else limits_of(store, meeting_id)
    with store.read() as s:
        query = select(Registration).where(Registration.meeting_id == meeting_id)
        if ids is not None:
            query = query.where(col(Registration.id).in_(ids))
        regs = s.exec(query.order_by(col(Registration.queue_position))).all()
        done_rows = s.exec(
            select(key_column(Registration.id), Registration.name_key, Registration.locality_key).where(
                Registration.meeting_id == meeting_id, Registration.status == "done"
            )
        ).all()
        spoke_count = {
            (name_key, locality_key): count
            for name_key, locality_key, count in s.exec(
                select(Registration.name_key, Registration.locality_key, func.count())
                .where(Registration.status == "done")
                .group_by(Registration.name_key, Registration.locality_key)
            ).all()
        }
    done_here: dict[tuple[str, str], list[int]] = {}
    for rid, name_key, locality_key in done_rows:
        done_here.setdefault((name_key, locality_key), []).append(rid)
    views = []
    for reg in regs:
        person = (reg.name_key, reg.locality_key)
        spoke_before = any(rid != reg.id for rid in done_here.get(person, ()))
        earlier = spoke_count.get(person, 0) - (1 if reg.status == "done" else 0)
        views.append(_plain(reg, per_field.get(reg.field, default), spoke_before, earlier == 0))
    return views


def speaker_field(store: Store, reg_id: int) -> str | None:
    """The field (lĩnh vực) a registration was made on."""
    with store.read() as s:
        return s.exec(select(Registration.field).where(Registration.id == reg_id)).first()


def registration_number(store: Store, reg_id: int) -> int:
    """The number a registration shows (số thứ tự), given once and never changed."""
    with store.read() as s:
        reg = s.get(Registration, reg_id)
        return reg.number if reg else 0
