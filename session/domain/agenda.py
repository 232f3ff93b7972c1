"""Running the order of business (điều hành chương trình): start, next, back, jump, insert,
edit, reorder, skip, recess (tạm nghỉ), resume, close, notes. Each is one action.

A step's clock is ``started_at`` … ``ended_at`` minus ``paused_seconds``. Returning to a
step that had ended reopens it and counts the time away as paused, so its elapsed time is
the sum of the periods it was current.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select

from models.errors import Conflict, HoinghiError
from models.store import Tx
from models.tables import AgendaItem, Meeting, Registration, stored_id
from models.text import clean_text
from session.domain.templates import STEP_KINDS


def _meeting(tx: Tx, meeting_id: int) -> Meeting:
    meeting = tx.session.get(Meeting, meeting_id)
    if meeting is None:
        raise HoinghiError("meeting.not_found", id=meeting_id)
    return meeting


def _items(tx: Tx, meeting_id: int) -> list[AgendaItem]:
    return list(
        tx.session.exec(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(col(AgendaItem.position))
        ).all()
    )


def _item(tx: Tx, meeting_id: int, item_id: int) -> AgendaItem:
    item = tx.session.get(AgendaItem, item_id)
    if item is None or item.meeting_id != meeting_id:
        raise HoinghiError("agenda.step_not_found")
    return item


def _require_open(meeting: Meeting) -> None:
    if meeting.status == "closed":
        raise Conflict("agenda.closed")


def _end_current(tx: Tx, meeting: Meeting, at: datetime) -> None:
    if meeting.current_item_id is None:
        return
    item = tx.session.get(AgendaItem, meeting.current_item_id)
    if item is not None and item.ended_at is None:
        item.ended_at = at
    meeting.current_item_id = None


def _make_current(meeting: Meeting, item: AgendaItem, at: datetime) -> None:
    if item.started_at is None:
        item.started_at = at
    elif item.ended_at is not None:
        item.paused_seconds += (at - item.ended_at).total_seconds()
        item.ended_at = None
    item.skipped = False
    meeting.current_item_id = item.id


def _leave_recess(tx: Tx, meeting: Meeting, at: datetime) -> None:
    if meeting.status != "recess" or meeting.recess_since is None:
        return
    paused = max(0.0, (at - meeting.recess_since).total_seconds())
    meeting.recess_seconds += paused
    if meeting.current_item_id is not None:
        item = tx.session.get(AgendaItem, meeting.current_item_id)
        if item is not None and item.started_at is not None:
            item.paused_seconds += max(0.0, (at - max(meeting.recess_since, item.started_at)).total_seconds())
    speaker = _speaker(tx, meeting.id) if meeting.id is not None else None
    if speaker is not None and speaker.paused_at is not None and speaker.paused_at >= meeting.recess_since:
        # Stopped by the recess (or during it): the speech goes on where it was. One the
        # chair had paused before the recess stays paused.
        speaker.paused_seconds += max(0.0, (at - speaker.paused_at).total_seconds())
        speaker.paused_at = None
    meeting.recess_since = None
    meeting.status = "running"


def _speaker(tx: Tx, meeting_id: int) -> Registration | None:
    """Who has the floor (đang phát biểu), if anyone."""
    return tx.session.exec(
        select(Registration).where(Registration.meeting_id == meeting_id, Registration.status == "speaking")
    ).first()


def start_meeting(tx: Tx, meeting_id: int) -> int | None:
    """Open the meeting (khai mạc): its clock starts, so does the first step."""
    at = tx.at
    meeting = _meeting(tx, meeting_id)
    if meeting.status != "planned":
        raise Conflict("agenda.already_started")
    tx.name = "meeting.start"
    meeting.status = "running"
    meeting.actual_start = at
    first = next((i for i in _items(tx, meeting_id) if not i.skipped), None)
    if first is not None:
        _make_current(meeting, first, at)
        tx.facts["step"] = first.title
    return meeting.current_item_id


def next_step(tx: Tx, meeting_id: int, *, expect_current: int | None = -1) -> int | None:
    """Close the current step with its actual time and open the next one. Starts the
    meeting if it has not started. Returns the new current step id (None: none left).

    *expect_current*: the step the caller's screen showed as current; if another screen
    has moved on meanwhile, Conflict('agenda.moved_on') instead of skipping a step."""
    at = tx.at
    meeting = _meeting(tx, meeting_id)
    if meeting.status == "planned":
        return start_meeting(tx, meeting_id)
    _require_open(meeting)
    if expect_current != -1 and meeting.current_item_id != expect_current:
        raise Conflict("agenda.moved_on")
    _leave_recess(tx, meeting, at)
    items = _items(tx, meeting_id)
    current = next((i for i in items if i.id == meeting.current_item_id), None)
    if current is None:
        # Nothing current (every step done, or left): take the first step never held.
        candidates = [i for i in items if not i.skipped and i.started_at is None]
    else:
        candidates = [i for i in items if i.position > current.position and not i.skipped and i.ended_at is None]
    _end_current(tx, meeting, at)
    if candidates:
        _make_current(meeting, candidates[0], at)
        tx.facts["step"] = candidates[0].title
    return meeting.current_item_id


def jump_to(tx: Tx, meeting_id: int, item_id: int) -> None:
    """Make *item_id* the current step (a done step is reopened, its clock continues)."""
    at = tx.at
    meeting = _meeting(tx, meeting_id)
    _require_open(meeting)
    item = _item(tx, meeting_id, item_id)
    tx.facts["step"] = item.title
    if meeting.status == "planned":
        meeting.status = "running"
        meeting.actual_start = at
    _leave_recess(tx, meeting, at)
    if item.id == meeting.current_item_id:
        return
    _end_current(tx, meeting, at)
    _make_current(meeting, item, at)


def previous_step(tx: Tx, meeting_id: int) -> int:
    """Go back to the step before the current one."""
    meeting = _meeting(tx, meeting_id)
    items = _items(tx, meeting_id)
    current = next((i for i in items if i.id == meeting.current_item_id), None)
    if current is None:
        held = [i for i in items if i.started_at is not None and not i.skipped]
        target = held[-1] if held else None
    else:
        earlier = [i for i in items if i.position < current.position and not i.skipped]
        target = earlier[-1] if earlier else None
    if target is None:
        raise Conflict("agenda.no_previous")
    jump_to(tx, meeting_id, stored_id(target))
    return stored_id(target)


def _clean_step(title: str, presenter: str, minutes: int, kind: str) -> tuple[str, str, int, str]:
    title = clean_text(title, field="step_title", required=True)
    presenter = clean_text(presenter, field="presenter")
    if not isinstance(minutes, int) or not 0 <= minutes <= 1440:
        raise HoinghiError("agenda.bad_minutes", value=minutes)
    if kind not in STEP_KINDS:
        kind = "other"
    return title, presenter, minutes, kind


def insert_step(
    tx: Tx,
    meeting_id: int,
    *,
    after_position: int,
    title: str,
    presenter: str = "",
    minutes: int = 10,
    kind: str = "other",
) -> int:
    """Insert a step after *after_position* (0: at the top). Returns its id."""
    title, presenter, minutes, kind = _clean_step(title, presenter, minutes, kind)
    meeting = _meeting(tx, meeting_id)
    _require_open(meeting)
    for item in _items(tx, meeting_id):
        if item.position > after_position:
            item.position += 1
    new = tx.add(
        AgendaItem(
            meeting_id=meeting_id,
            position=after_position + 1,
            title=title,
            presenter=presenter,
            planned_minutes=minutes,
            kind=kind,
        )
    )
    tx.flush()
    tx.facts["step"] = title
    return int(new.id)


def edit_step(
    tx: Tx, meeting_id: int, item_id: int, *, title: str, presenter: str, minutes: int, kind: str | None = None
) -> None:
    """Edit a step; *kind* None keeps the step's kind."""
    title, presenter, minutes, new_kind = _clean_step(title, presenter, minutes, kind or "other")
    item = _item(tx, meeting_id, item_id)
    item.title, item.presenter, item.planned_minutes = title, presenter, minutes
    if kind is not None:
        item.kind = new_kind
    tx.facts["step"] = title


def move_step(tx: Tx, meeting_id: int, item_id: int, delta: int) -> None:
    """Move a step up (delta −1) or down (+1) the order of business."""
    items = _items(tx, meeting_id)
    index = next((n for n, i in enumerate(items) if i.id == item_id), None)
    if index is None:
        raise HoinghiError("agenda.step_not_found")
    tx.facts["step"] = items[index].title
    other = index + delta
    if not 0 <= other < len(items):
        return
    items[index].position, items[other].position = items[other].position, items[index].position


def toggle_skip(tx: Tx, meeting_id: int, item_id: int) -> bool:
    """Skip a step not yet held (or take it back). Returns the new skipped state."""
    meeting = _meeting(tx, meeting_id)
    item = _item(tx, meeting_id, item_id)
    if item.id == meeting.current_item_id:
        raise Conflict("agenda.skip_current")
    if item.started_at is not None and not item.skipped:
        raise Conflict("agenda.skip_held")
    item.skipped = not item.skipped
    tx.facts.update(step=item.title, skipped=item.skipped)
    return item.skipped


def recess(tx: Tx, meeting_id: int, *, until: datetime | None = None) -> None:
    """Pause the meeting clock (tạm nghỉ); the current step's and the speaker's clocks
    pause too.
    *until*: the resume time the chair announced, if any (the hall display shows it)."""
    if until is not None and until <= tx.at:
        raise HoinghiError("recess.until_past", time=until.strftime("%H:%M"))
    if until is not None:
        tx.facts["until"] = until.isoformat(timespec="seconds")
    meeting = _meeting(tx, meeting_id)
    if meeting.status != "running":
        raise Conflict("agenda.not_running")
    meeting.status = "recess"
    meeting.recess_since = tx.at
    speaker = _speaker(tx, meeting_id)
    if speaker is not None and speaker.paused_at is None:
        speaker.paused_at = tx.at  # the speech's clock stops with the meeting's


def resume(tx: Tx, meeting_id: int) -> None:
    meeting = _meeting(tx, meeting_id)
    if meeting.status != "recess":
        raise Conflict("agenda.not_in_recess")
    _leave_recess(tx, meeting, tx.at)


def close_meeting(tx: Tx, meeting_id: int, *, reason: str = "") -> None:
    """Close the meeting (bế mạc): the current step ends, the meeting's end time is set.

    While issues still lack an answer or a conclusion the meeting closes only with a
    recorded reason (Conflict 'meeting.unconcluded' otherwise)."""
    from session.domain.answers import stop_running
    from session.domain.ledger import open_count
    from session.domain.queue import stop_speaking

    at = tx.at
    reason = clean_text(reason, field="reason", multiline=True, max_len=2000)
    meeting = _meeting(tx, meeting_id)
    _require_open(meeting)
    if meeting.status == "planned":
        raise Conflict("agenda.not_started")
    pending = open_count(tx.session, meeting_id)
    if pending and not reason:
        raise Conflict("meeting.unconcluded", count=pending)
    tx.facts["open_issues"] = pending
    _leave_recess(tx, meeting, at)
    _end_current(tx, meeting, at)
    stop_speaking(tx, meeting_id)  # nobody keeps the floor, and no answer's clock runs on
    stop_running(tx, meeting_id)
    meeting.status = "closed"
    meeting.actual_end = at
    if reason:
        meeting.close_reason = reason


def save_notes(tx: Tx, meeting_id: int, item_id: int, text: str) -> bool:
    """Store the secretary's notes of a step (ghi chép). Returns False if unchanged."""
    notes = clean_text(text, field="notes", multiline=True)
    item = _item(tx, meeting_id, item_id)
    if item.notes == notes:
        return False
    item.notes = notes
    tx.facts.update(step=item.title, item_id=item_id)
    return True
