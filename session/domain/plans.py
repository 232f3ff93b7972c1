"""Plans (kế hoạch): a year's plan of dialogue meetings, e.g. one per cluster of residential units /
tổ dân phố, with its own figures for the dated duties around each meeting."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol, TypeVar

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from models.errors import HoinghiError
from models.store import Store, Tx
from models.tables import Meeting, Plan, key_column, stored_id
from models.text import clean_text, fold
from session.domain.duty_rules import DEFAULT_RULES, check_days, get_rule_set
from session.domain.units import Unit, official_words, unit_named

ACTOR = "office"
MIN_YEAR, MAX_YEAR = 2000, 2100


@dataclass(frozen=True)
class PlanDraft:
    """What the plan form or ``hoinghi plan new`` hands in; checked by :func:`create_plan`."""

    title: str
    year: int | str
    number: str = ""
    issued_on: date | None = None
    unit: str = ""
    rule_set: str = DEFAULT_RULES
    days: dict[str, int | str] = field(default_factory=dict)  # the plan's own figures


@dataclass(frozen=True)
class PlanMeeting:
    id: int
    title: str
    planned_date: date | None
    venue: str
    localities: str
    status: str


@dataclass(frozen=True)
class PlanView:
    id: int
    number: str
    issued_on: date | None
    year: int
    unit: str
    title: str
    rule_set: str
    figures: dict[str, int]  # every duty's days, the plan's own where set
    meetings: tuple[PlanMeeting, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.number} — {self.title}" if self.number else self.title


def _year(value: int | str) -> int:
    try:
        year = int(str(value).strip())
    except ValueError:
        raise HoinghiError("plan.bad_year", value=value) from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise HoinghiError("plan.bad_year", value=value)
    return year


def _figures(rule_set: str, days: dict[str, int | str]) -> dict[str, int]:
    rules = get_rule_set(rule_set)
    own = {}
    for key, value in days.items():
        rules.rule(key)  # an unknown duty is refused, naming the known ones
        own[key] = check_days(value, key)
    return rules.figures(own)


def _apply(plan: Plan, draft: PlanDraft) -> None:
    title = clean_text(draft.title, field="plan_title", required=True, max_len=500)
    plan.title, plan.title_key = title, fold(title)
    plan.number = clean_text(draft.number, field="plan_number", max_len=60)
    # "ba don" is kept as the official list writes it: "phường Ba Đồn".
    plan.unit = official_words(clean_text(draft.unit, field="plan_unit", max_len=200))
    plan.year = _year(draft.year)
    plan.issued_on = draft.issued_on
    plan.rule_set = draft.rule_set or DEFAULT_RULES
    plan.duty_days = json.dumps(_figures(plan.rule_set, draft.days), sort_keys=True)


def create_plan(tx: Tx, draft: PlanDraft, *, at: datetime) -> int:
    """A new plan; its figures are the rule set's defaults unless the draft sets them."""
    plan = Plan(year=draft.year if isinstance(draft.year, int) else 0, title="", created_at=at)
    _apply(plan, draft)
    tx.add(plan)
    tx.flush()
    tx.facts["plan_id"] = plan.id
    return stored_id(plan)


def update_plan(tx: Tx, plan_id: int, draft: PlanDraft) -> None:
    """Change a plan's particulars or figures (its meetings' duties follow at once)."""
    plan = tx.session.get(Plan, plan_id)
    if plan is None:
        raise HoinghiError("plan.not_found", id=plan_id)
    _apply(plan, draft)
    tx.facts["plan_id"] = plan_id


def set_meeting_plan(tx: Tx, meeting_id: int, plan_id: int | None) -> None:
    """Put a meeting in a plan (or take it out with None)."""
    meeting = tx.session.get(Meeting, meeting_id)
    if meeting is None:
        raise HoinghiError("meeting.not_found", id=meeting_id)
    if plan_id is not None and tx.session.get(Plan, plan_id) is None:
        raise HoinghiError("plan.not_found", id=plan_id)
    meeting.plan_id = plan_id


def plan_figures(plan: Plan) -> dict[str, int]:
    """The figures stored on *plan*, completed by its rule set's defaults."""
    try:
        own = {k: int(v) for k, v in json.loads(plan.duty_days or "{}").items()}
    except (ValueError, TypeError, AttributeError):
        own = {}
    return get_rule_set(plan.rule_set or DEFAULT_RULES).figures(own)


def _view(plan: Plan, meetings: list[PlanMeeting]) -> PlanView:
    return PlanView(
        id=stored_id(plan),
        number=plan.number,
        issued_on=plan.issued_on,
        year=plan.year,
        unit=plan.unit,
        title=plan.title,
        rule_set=plan.rule_set,
        figures=plan_figures(plan),
        meetings=tuple(meetings),
    )


def _meetings(s: Session, plan_id: int) -> list[PlanMeeting]:
    rows = s.execute(
        sa_select(
            key_column(Meeting.id),
            col(Meeting.title),
            col(Meeting.planned_date),
            col(Meeting.venue),
            col(Meeting.cluster),
            col(Meeting.status),
        )
        .where(col(Meeting.plan_id) == plan_id)
        .order_by(col(Meeting.planned_date), col(Meeting.id))
    ).all()
    return [PlanMeeting(*row) for row in rows]


def plan_view(store: Store, plan_id: int) -> PlanView:
    with store.read() as s:
        plan = s.get(Plan, plan_id)
        if plan is None:
            raise HoinghiError("plan.not_found", id=plan_id)
        return _view(plan, _meetings(s, plan_id))


@dataclass(frozen=True)
class PlanSummary:
    id: int
    number: str
    issued_on: date | None
    year: int
    unit: str
    title: str
    meetings: int

    @property
    def label(self) -> str:
        return f"{self.number} — {self.title}" if self.number else self.title

    @property
    def short(self) -> str:
        """The plan's number, or the start of its title when it has none."""
        if self.number:
            return self.number
        return self.title if len(self.title) <= 48 else self.title[:47] + "…"


def list_plans(store: Store) -> list[PlanSummary]:
    """Every plan, newest year first, with how many meetings it holds."""
    with store.read() as s:
        counts = dict(
            s.exec(
                select(col(Meeting.plan_id), func.count())
                .where(col(Meeting.plan_id).is_not(None))
                .group_by(col(Meeting.plan_id))
            ).all()
        )
        plans = s.exec(
            select(Plan).order_by(col(Plan.year).desc(), col(Plan.issued_on).desc(), col(Plan.id).desc())
        ).all()
        return [
            PlanSummary(stored_id(p), p.number, p.issued_on, p.year, p.unit, p.title, counts.get(p.id, 0))
            for p in plans
        ]


def plan_of_meetings(store: Store) -> dict[int, int]:
    """meeting id -> plan id, for the meetings that belong to a plan."""
    with store.read() as s:
        rows = s.exec(select(key_column(Meeting.id), col(Meeting.plan_id)).where(col(Meeting.plan_id).is_not(None)))
        return {meeting_id: plan_id for meeting_id, plan_id in rows if plan_id is not None}


class _Listed(Protocol):
    @property
    def id(self) -> int: ...


Listed = TypeVar("Listed", bound=_Listed)


def plan_groups(store: Store, meetings: list[Listed]) -> list[tuple[PlanSummary | None, list[Listed]]]:
    """*meetings* (any objects with an ``id``) grouped by plan, newest plan first, each
    plan's in date order; the meetings of no plan last, in their own order. No plans at
    all: one group."""
    plans = list_plans(store)
    of = plan_of_meetings(store)
    groups: list[tuple[PlanSummary | None, list[Listed]]] = []
    for plan in plans:
        members = [m for m in meetings if of.get(m.id) == plan.id]
        # A plan's meetings in the order they are held: cluster 1, 2, 3.
        members.sort(key=lambda m: (getattr(m, "planned_date", None) or date.max, m.id))
        groups.append((plan, members))
    rest = [m for m in meetings if m.id not in of]
    if rest or not groups:
        groups.append((None, rest))
    return groups


def plan_unit(store: Store, plan_id: int) -> Unit | None:
    """The unit of the official list a plan's unit names ("phường Ba Đồn"), if it names one:
    a meeting made in the plan is that unit's meeting."""
    with store.read() as s:
        plan = s.get(Plan, plan_id)
    return unit_named(plan.unit) if plan is not None else None
