"""Dated duties (việc có thời hạn) around each meeting: report to the Party committee,
invitations and the loudspeaker announcement before, the compiled petitions, the notice
within 10 days after, the replies in 20/30 working days.

The dates are computed from the meeting's date and its plan's figures (or the default
rule set), through the office calendar; only a duty's completion is stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from models.errors import Conflict, HoinghiError
from models.planning import DutyRecord
from models.store import Store, Tx
from models.tables import Meeting, Plan, key_column
from models.text import clean_text
from session.domain.calendar import office_calendar
from session.domain.duty_rules import DEFAULT_RULES, RuleSet, get_rule_set
from session.domain.workdays import WorkCalendar

ACTOR = "office"
#: The duties whose figure is the notice a meeting needs (Luật 72/2025/QH15, Điều 43).
NOTICE_DUTIES = ("announcement", "invitations")
STATES = ("overdue", "today", "due", "done", "lapsed")


@dataclass(frozen=True)
class DutyView:
    """One duty of one meeting, with its due date and whether it was done."""

    meeting_id: int
    meeting_title: str
    meeting_day: date
    key: str
    title: str
    when: str  # before | after
    days: int
    unit: str  # calendar | working
    due: date
    done_on: date | None = None
    note: str = ""
    order: int = 0  # the rule's place in its rule set
    localities: str = ""  # the meeting's cluster of residential units, if any

    @property
    def meeting_label(self) -> str:
        """The meeting as a list names it: its cluster when it has one, else its title."""
        return self.localities or self.meeting_title

    def state(self, today: date) -> str:
        """done; overdue; today; due; or lapsed — a duty before a meeting already past."""
        if self.done_on is not None:
            return "done"
        if self.when == "before" and today > self.meeting_day:
            return "lapsed"
        if today > self.due:
            return "overdue"
        return "today" if today == self.due else "due"

    def days_left(self, today: date) -> int:
        """Calendar days until the due date (negative: overdue by that many)."""
        return (self.due - today).days


def _step(calendar: WorkCalendar, start: date, days: int, unit: str, sign: int) -> date:
    """*days* calendar or working days before (sign −1) or after (+1) *start*.

    A calendar-day limit that ends on a day off moves to a working day: an "after"
    limit to the next one (Bộ luật Dân sự 2015, Điều 148), a "before" one to the one
    before it, since the office cannot send anything that day."""
    if sign > 0:
        return calendar.add_calendar_days(start, days) if unit == "calendar" else calendar.add_working_days(start, days)
    if unit == "calendar":
        day = start - timedelta(days=days)
        while not calendar.is_working_day(day):
            day -= timedelta(days=1)
        return day
    day, left = start, days
    while left > 0:
        day -= timedelta(days=1)
        if calendar.is_working_day(day):
            left -= 1
    return day


def compute_duties(
    rules: RuleSet,
    figures: dict[str, int],
    meeting_day: date,
    calendar: WorkCalendar,
    done: dict[str, tuple[date, str]] | None = None,
    *,
    meeting_id: int = 0,
    meeting_title: str = "",
    localities: str = "",
    dated: dict[str, date] | None = None,
) -> list[DutyView]:
    """The duties of a meeting on *meeting_day*, in the rule set's order.

    A duty counted from an earlier one (the replies from the notice) starts on the day
    that one was done, else on the date its paper bears (*dated*: the notice's date, set
    when it is exported), else on its due date."""
    done = done or {}
    dated = dated or {}
    found: dict[str, DutyView] = {}
    for order, rule in enumerate(rules.rules):
        anchor = meeting_day
        if rule.anchor != "meeting":
            before = found[rule.anchor]
            anchor = before.done_on or dated.get(rule.anchor) or before.due
        days = figures.get(rule.key, rule.days)
        due = _step(calendar, anchor, days, rule.unit, -1 if rule.when == "before" else 1)
        done_on, note = done.get(rule.key, (None, ""))
        found[rule.key] = DutyView(
            meeting_id,
            meeting_title,
            meeting_day,
            rule.key,
            rule.title,
            rule.when,
            days,
            rule.unit,
            due,
            done_on,
            note,
            order,
            localities,
        )
    return list(found.values())


# --- reading ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _MeetingFacts:
    id: int
    title: str
    day: date
    rule_set: str
    own_days: dict[str, int]
    localities: str = ""
    notice_date: date | None = None


def _own_days(text: str | None) -> dict[str, int]:
    try:
        return {k: int(v) for k, v in json.loads(text or "{}").items()}
    except (ValueError, TypeError, AttributeError):
        return {}


def _meeting_facts(
    s: Session, meeting_ids: Iterable[int] | None = None, plan_id: int | None = None, *, undated: date | None = None
) -> list[_MeetingFacts]:
    """What dates a meeting's duties: the day it was held (or is planned), its plan's
    figures, the notice's date. A meeting with no day yet is left out, or dated *undated*."""
    query = (
        sa_select(
            key_column(Meeting.id),
            col(Meeting.title),
            col(Meeting.planned_date),
            col(Meeting.actual_start),
            col(Meeting.cluster),
            col(Meeting.notice_date),
            col(Plan.rule_set),
            col(Plan.duty_days),
        )
        .outerjoin(Plan, col(Plan.id) == Meeting.plan_id)
        .order_by(col(Meeting.id))
    )
    if meeting_ids is not None:
        query = query.where(col(Meeting.id).in_(list(meeting_ids)))
    if plan_id is not None:
        query = query.where(col(Meeting.plan_id) == plan_id)
    facts = []
    for mid, title, planned, started, localities, notice_date, rule_set, days in s.execute(query).all():
        day = started.date() if started is not None else (planned or undated)
        if day is None:
            continue  # no date yet: nothing can be dated
        facts.append(
            _MeetingFacts(mid, title, day, rule_set or DEFAULT_RULES, _own_days(days), localities, notice_date)
        )
    return facts


def _done(s: Session, meeting_ids: list[int] | None) -> dict[int, dict[str, tuple[date, str]]]:
    query = select(col(DutyRecord.meeting_id), col(DutyRecord.duty), col(DutyRecord.done_on), col(DutyRecord.note))
    if meeting_ids is not None:
        query = query.where(col(DutyRecord.meeting_id).in_(meeting_ids))
    found: dict[int, dict[str, tuple[date, str]]] = {}
    for mid, duty, done_on, note in s.exec(query).all():
        found.setdefault(mid, {})[duty] = (done_on, note)
    return found


def _duties_of(
    facts: list[_MeetingFacts], done: dict[int, dict[str, tuple[date, str]]], calendar: WorkCalendar
) -> Iterator[DutyView]:
    rule_sets: dict[str, RuleSet] = {}
    for f in facts:
        rules = rule_sets.get(f.rule_set)
        if rules is None:
            rules = rule_sets[f.rule_set] = get_rule_set(f.rule_set)
        yield from compute_duties(
            rules,
            rules.figures(f.own_days),
            f.day,
            calendar,
            done.get(f.id, {}),
            meeting_id=f.id,
            meeting_title=f.title,
            localities=f.localities,
            dated={"notice": f.notice_date} if f.notice_date else None,
        )


def meeting_duties(store: Store, meeting_id: int) -> list[DutyView]:
    """Every duty of one meeting, done or not, in the order of its rule set."""
    calendar = office_calendar(store)
    with store.read() as s:
        if s.get(Meeting, meeting_id) is None:
            raise HoinghiError("meeting.not_found", id=meeting_id)
        facts = _meeting_facts(s, [meeting_id])
        done = _done(s, [meeting_id])
    return list(_duties_of(facts, done, calendar))


#: The duties that date a citizen's written reply: in general, and where the case needs
#: verification (xác minh).
REPLY_DUTIES = ("replies", "replies_verified")


@dataclass(frozen=True)
class ReplyDue:
    """When the written replies of a meeting's conclusions are due, unless the chair set a
    date: counted from the notice as the meeting's duties count them."""

    plain: date
    verified: date

    def of(self, verification: bool) -> date:
        return self.verified if verification else self.plain


def replies_due(
    store: Store, meeting_ids: list[int] | None = None, *, undated: date | None = None
) -> dict[int, ReplyDue]:
    """The reply deadlines of *meeting_ids* (all meetings: None), as ``hoinghi duties``
    shows them. A meeting with no day yet has none, unless dated *undated*. A rule set
    without a duty for verified cases uses the general one."""
    calendar = office_calendar(store)
    with store.read() as s:
        facts = _meeting_facts(s, meeting_ids, undated=undated)
        done = _done(s, [f.id for f in facts])
    found: dict[int, dict[str, date]] = {}
    for duty in _duties_of(facts, done, calendar):
        if duty.key in REPLY_DUTIES:
            found.setdefault(duty.meeting_id, {})[duty.key] = duty.due
    return {
        mid: ReplyDue(due["replies"], due.get("replies_verified", due["replies"]))
        for mid, due in found.items()
        if "replies" in due
    }


def due_duties(
    store: Store,
    today: date,
    *,
    within: int | None = None,
    plan_id: int | None = None,
    meeting_id: int | None = None,
) -> list[DutyView]:
    """What is still to do across all meetings (or one plan, one meeting): overdue and due,
    soonest first. *within*: only what falls due in that many days from *today*."""
    calendar = office_calendar(store)
    with store.read() as s:
        facts = _meeting_facts(s, None if meeting_id is None else [meeting_id], plan_id)
        done = _done(s, None if meeting_id is None and plan_id is None else [f.id for f in facts])
    horizon = today + timedelta(days=within) if within is not None else None
    found = [
        d
        for d in _duties_of(facts, done, calendar)
        if d.state(today) in ("overdue", "today", "due") and (horizon is None or d.due <= horizon)
    ]
    found.sort(key=lambda d: (d.due, d.meeting_day, d.meeting_id, d.order))
    return found


def notice_shortfall(store: Store, day: date | None, today: date, plan_id: int | None = None) -> tuple[int, int] | None:
    """(days ahead, days needed) when a meeting on *day* (today or later) leaves too little
    time to announce it and send the invitations (7 days by default); None otherwise."""
    if day is None:
        return None
    rule_set, own = DEFAULT_RULES, {}
    if plan_id is not None:
        with store.read() as s:
            plan = s.get(Plan, plan_id)
            if plan is None:
                raise HoinghiError("plan.not_found", id=plan_id)
            rule_set, own = plan.rule_set or DEFAULT_RULES, _own_days(plan.duty_days)
    rules = get_rule_set(rule_set)
    figures = rules.figures(own)
    needed = max((figures[k] for k in NOTICE_DUTIES if k in figures), default=0)
    ahead = (day - today).days
    # A date already past is a meeting being recorded after the fact, not one being called.
    return (ahead, needed) if 0 <= ahead < needed else None


# --- writing ---------------------------------------------------------------------------


def _rule_keys(tx: Tx, meeting: Meeting) -> tuple[str, ...]:
    rule_set = DEFAULT_RULES
    if meeting.plan_id is not None:
        plan = tx.session.get(Plan, meeting.plan_id)
        if plan is not None:
            rule_set = plan.rule_set or DEFAULT_RULES
    return get_rule_set(rule_set).keys


def mark_duty_done(tx: Tx, meeting_id: int, duty: str, *, done_on: date, note: str = "", today: date) -> None:
    """Mark a duty of a meeting done on *done_on* (not after *today*), with a note."""
    note = clean_text(note, field="note", max_len=500)
    meeting = tx.session.get(Meeting, meeting_id)
    if meeting is None:
        raise HoinghiError("meeting.not_found", id=meeting_id)
    keys = _rule_keys(tx, meeting)
    if duty not in keys:
        raise HoinghiError("duty.unknown", duty=duty, keys=", ".join(keys))
    if done_on > today:
        raise HoinghiError("duty.future", day=done_on.strftime("%d/%m/%Y"))
    row = tx.session.exec(
        select(DutyRecord).where(DutyRecord.meeting_id == meeting_id, DutyRecord.duty == duty)
    ).first()
    if row is None:
        tx.add(DutyRecord(meeting_id=meeting_id, duty=duty, done_on=done_on, note=note))
    else:
        row.done_on, row.note = done_on, note
    tx.facts["duty"] = duty


def reopen_duty(tx: Tx, meeting_id: int, duty: str) -> None:
    """Take back a duty's "done" (it was recorded by mistake)."""
    row = tx.session.exec(
        select(DutyRecord).where(DutyRecord.meeting_id == meeting_id, DutyRecord.duty == duty)
    ).first()
    if row is None:
        raise Conflict("duty.not_done", duty=duty)
    tx.delete(row)
    tx.facts["duty"] = duty


def undo_office(store: Store, meeting_id: int, *, at: datetime) -> str:
    """Revert the last action of this machine's office on the meeting (the command line's
    undo); returns the action undone."""
    from models.store import machine_name
    from session.domain.invariants import check

    return store.undo_last(meeting_id, at=at, desk=f"office@{machine_name()}", actor="office", check=check).action
