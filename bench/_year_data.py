"""Bench data: several years of a ward's dialogue meetings (bench only).

By default 5 years × 40 meetings, each with 300 speakers and 500 petitions: one plan a
year, meetings spread over the working days of the year, each with its attendance
groups and invitees. Meetings before *today* are held and closed: every speech timed,
answers by the chair or an official, a conclusion on every petition (answered, to be
studied, assigned with a deadline and its follow-up, forwarded), their duties done
except a few; meetings after *today* are planned, with the compiled list received.

Written with bulk inserts in one transaction on a fresh database (ids are given here),
so the yearly report and ``hoinghi due`` can be measured on realistic volume.

    from bench._year_data import build_years
    data = build_years(store)            # YearData(plans, meetings, today)
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlmodel import SQLModel

from models.attendance import AttendanceGroup, Participant
from models.ledger import AnswerIssue, Conclusion, Issue, IssueRaiser
from models.planning import DutyRecord, IssuePreparation
from models.store import Store
from models.tables import AgendaItem, Answer, Meeting, Plan, Registration, table_of
from models.text import fold
from session.domain.duties import compute_duties
from session.domain.duty_rules import get_rule_set
from session.domain.workdays import WorkCalendar

FIELDS = ["đất đai", "môi trường", "giao thông", "an sinh xã hội", "an ninh trật tự", "y tế", "giáo dục", "cán bộ"]
OUTCOMES = ["answered"] * 5 + ["study"] * 2 + ["assigned"] * 4 + ["forwarded"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Quang", "Hữu", "Ngọc"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hùng", "Lan", "Mai", "Nam", "Phúc", "Sơn", "Tâm", "Thu", "Vinh"]
OFFICIALS = [
    ("Lê Thị Bình", "Trưởng phòng", "Phòng Kinh tế, Hạ tầng và Đô thị"),
    ("Võ Văn Dũng", "Trưởng Công an", "Công an phường"),
    ("Mai Văn Tú", "Trưởng phòng", "Phòng Văn hóa - Xã hội"),
    ("Đỗ Thị Hoa", "Trạm trưởng", "Trạm Y tế phường"),
]
CHAIR = ("Nguyễn Văn Hùng", "Chủ tịch UBND phường")
GROUPS = [("Đại biểu phường", 20, 18), ("Đại biểu tổ dân phố", 24, 22), ("Đại diện Nhân dân", 60, 51)]


@dataclass
class YearData:
    today: date
    plans: list[int] = field(default_factory=list)
    meetings: list[int] = field(default_factory=list)
    held: list[int] = field(default_factory=list)


class _Ids:
    def __init__(self) -> None:
        self.next: dict[str, int] = {}

    def __call__(self, table: str) -> int:
        value = self.next.get(table, 0) + 1
        self.next[table] = value
        return value


def _meeting_days(year: int, count: int, calendar: WorkCalendar) -> list[date]:
    """*count* working days spread over the year (mid-January to mid-December)."""
    first, last = date(year, 1, 15), date(year, 12, 15)
    step = (last - first).days / count
    days = []
    for n in range(count):
        day = first + timedelta(days=int(n * step))
        while not calendar.is_working_day(day):
            day += timedelta(days=1)
        days.append(day)
    return days


def build_years(
    store: Store,
    *,
    years: range = range(2022, 2027),
    meetings_per_year: int = 40,
    speakers: int = 300,
    issues: int = 500,
    today: date = date(2026, 11, 23),
    seed: int = 13,
) -> YearData:
    rnd = random.Random(seed)
    calendar = WorkCalendar()
    rules = get_rule_set()
    ids = _Ids()
    rows: dict[type, list[dict[str, Any]]] = {}
    data = YearData(today=today)

    def put(model: type, **values: object) -> None:
        rows.setdefault(model, []).append(values)

    at = datetime.combine(date(years.start, 1, 2), time(8, 0))
    for year in years:
        plan_id = ids("plan")
        data.plans.append(plan_id)
        title = f"Tổ chức hội nghị đối thoại giữa Chủ tịch UBND phường với Nhân dân năm {year}"
        put(
            Plan,
            id=plan_id,
            number=f"{10 + year % 100}/KH-UBND",
            issued_on=date(year, 1, 8),
            year=year,
            unit="phường Ba Đồn",
            title=title,
            title_key=fold(title),
            rule_set="mac-dinh",
            duty_days=json.dumps(rules.figures(), sort_keys=True),
            created_at=at,
        )
        for cluster, day in enumerate(_meeting_days(year, meetings_per_year, calendar), start=1):
            held = day < today
            meeting_id = ids("meeting")
            data.meetings.append(meeting_id)
            start = datetime.combine(day, time(7, 30))
            localities = f"Tổ dân phố {3 * cluster - 2}, {3 * cluster - 1}, {3 * cluster}"
            clock = start + timedelta(minutes=62)  # the dialogue starts after the opening steps
            put(
                Meeting,
                id=meeting_id,
                title=f"Hội nghị đối thoại giữa Chủ tịch UBND phường với Nhân dân cụm {cluster} năm {year}",
                kind="dialogue",
                template="doi-thoai",
                issuing_body="ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN",
                place_name="Ba Đồn",
                venue=f"Nhà văn hóa tổ dân phố {3 * cluster - 1}",
                planned_date=day,
                planned_start=time(7, 30),
                planned_end=time(11, 30),
                actual_start=start if held else None,
                actual_end=None,  # set below, once the dialogue's length is known
                status="closed" if held else "planned",
                chair=CHAIR[0],
                chair_title=CHAIR[1],
                secretary="Phạm Thị Lan",
                secretary_title="Chuyên viên Văn phòng HĐND và UBND phường",
                minutes_number=str(cluster) if held else "",
                notice_number=str(cluster) if held else "",
                plan_id=plan_id,
                cluster=localities,
                created_at=at,
            )
            for position, (name, expected, present) in enumerate(GROUPS, start=1):
                put(
                    AttendanceGroup,
                    id=ids("group"),
                    meeting_id=meeting_id,
                    position=position,
                    name=name,
                    expected=expected,
                    present=present if held else 0,
                )
            for position, (name, title_, body) in enumerate([(CHAIR[0], "Chủ tịch", "UBND phường"), *OFFICIALS], 1):
                put(
                    Participant,
                    id=ids("participant"),
                    meeting_id=meeting_id,
                    name=name,
                    name_key=fold(name),
                    title=title_,
                    organisation=body,
                    group="Đại biểu phường",
                    role="chair" if position == 1 else "answerer",
                    present=held,
                    position=position,
                )
            # The speakers, and the petitions each raised (issue n by speaker n mod speakers).
            raised: dict[int, list[tuple[int, str]]] = {}
            registrations = []
            for n in range(1, speakers + 1):
                reg_id = ids("registration")
                name = f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
                locality = f"Tổ dân phố {3 * cluster - 2 + n % 3}"
                field_ = FIELDS[(n * 7 + cluster) % len(FIELDS)]
                summary = f"Kiến nghị số {n} về {field_} của {locality}."
                registrations.append((reg_id, field_))
                put(
                    Registration,
                    id=reg_id,
                    meeting_id=meeting_id,
                    speaker_name=name,
                    name_key=fold(name),
                    locality=locality,
                    locality_key=fold(locality),
                    role="official" if n % 25 == 0 else "citizen",  # a few officials speak too
                    field=field_,
                    summary=summary,
                    summary_key=fold(summary),
                    source="precompiled" if n <= speakers // 3 else "hall",
                    registered_at=start - timedelta(days=3 if n <= speakers // 3 else 0, minutes=speakers - n),
                    queue_position=n,
                    status="done" if held else "waiting",
                )
            for n in range(1, issues + 1):
                issue_id = ids("issue")
                reg_id, field_ = registrations[(n - 1) % len(registrations)]
                content = f"Nội dung kiến nghị {n} về {field_}."
                put(
                    Issue,
                    id=issue_id,
                    meeting_id=meeting_id,
                    position=n,
                    content=content,
                    content_key=fold(content),
                    field=field_,
                    in_scope=n % 40 != 0,
                    created_at=start - timedelta(days=3),
                )
                put(IssueRaiser, id=ids("raiser"), issue_id=issue_id, registration_id=reg_id)
                raised.setdefault(reg_id, []).append((issue_id, field_))
                if held:
                    put(Conclusion, **_conclusion(ids("conclusion"), issue_id, field_, n, day, today, rnd, calendar))
                elif n % 2:
                    put(
                        IssuePreparation,
                        id=ids("preparation"),
                        issue_id=issue_id,
                        meeting_id=meeting_id,
                        preparer=OFFICIALS[n % len(OFFICIALS)][2],
                        answer="Nội dung trả lời dự kiến." if n % 4 == 1 else "",
                        updated_at=at,
                    )
            if held:
                # Each speech, then the answer to what it raised: the chair or an official.
                for index, (reg_id, _field) in enumerate(registrations):
                    speech = timedelta(seconds=rnd.randint(20, 75))
                    row = rows[Registration][-len(registrations) + index]
                    row["started_at"], row["ended_at"] = clock, clock + speech
                    clock += speech
                    by_chair = index % 3 == 0
                    who = (CHAIR[0], CHAIR[1], "UBND phường") if by_chair else OFFICIALS[index % len(OFFICIALS)]
                    answer_id = ids("answer")
                    length = timedelta(seconds=rnd.randint(15, 60))
                    put(
                        Answer,
                        id=answer_id,
                        meeting_id=meeting_id,
                        answerer_name=who[0],
                        answerer_title=who[1],
                        answerer_agency=who[2],
                        by_chair=by_chair,
                        started_at=clock,
                        ended_at=clock + length,
                        summary="Trả lời tại hội nghị.",
                    )
                    clock += length + timedelta(seconds=10)
                    for issue_id, _f in raised.get(reg_id, []):
                        put(AnswerIssue, id=ids("answer_issue"), answer_id=answer_id, issue_id=issue_id)
            if held:
                rows[Meeting][-1]["actual_end"] = clock + timedelta(minutes=25)
                for position, (title_, kind) in enumerate(
                    [("Khai mạc", "opening"), ("Đối thoại", "dialogue"), ("Kết luận, bế mạc", "closing")], 1
                ):
                    put(
                        AgendaItem,
                        id=ids("agenda"),
                        meeting_id=meeting_id,
                        position=position,
                        title=title_,
                        kind=kind,
                        planned_minutes=60,
                    )
                data.held.append(meeting_id)
            # The office's record of its duties: all done for older meetings but a few.
            recent = (today - day).days < 45
            for duty in compute_duties(rules, rules.figures(), day, calendar):
                if duty.due >= today or (recent and duty.when == "after") or rnd.random() < 0.03:
                    continue
                put(DutyRecord, id=ids("duty"), meeting_id=meeting_id, duty=duty.key, done_on=duty.due, note="")
    order: list[type[SQLModel]] = [
        Plan,
        Meeting,
        AttendanceGroup,
        Participant,
        AgendaItem,
        Registration,
        Issue,
        IssueRaiser,
        Answer,
        AnswerIssue,
        Conclusion,
        IssuePreparation,
        DutyRecord,
    ]
    with store.engine.begin() as conn:
        for model in order:
            batch = rows.get(model, [])
            keys = sorted({k for row in batch for k in row})
            for row in batch:  # executemany needs the same keys in every row
                for key in keys:
                    row.setdefault(key, _default(model, key))
            if batch:
                conn.execute(table_of(model).insert(), batch)
    return data


def _default(model: type[SQLModel], key: str) -> object:
    column = table_of(model).c[key]
    default = column.default
    if default is not None and getattr(default, "is_scalar", False):
        value: object = getattr(default, "arg", None)
        return value
    return None


def _conclusion(
    row_id: int, issue_id: int, field_: str, n: int, day: date, today: date, rnd: random.Random, calendar: WorkCalendar
) -> dict[str, Any]:
    """The chair's conclusion on a petition; an assignment with its deadline and follow-up
    (replied on time or late, or still open — overdue once its deadline has passed)."""
    outcome = rnd.choice(OUTCOMES)
    row: dict[str, Any] = {"id": row_id, "issue_id": issue_id, "outcome": outcome, "text": "Kết luận."}
    if outcome in ("assigned", "study"):
        row["lead_agency"] = OFFICIALS[n % len(OFFICIALS)][2]
    if outcome == "assigned":
        notice = day + timedelta(days=10)
        deadline = calendar.add_working_days(notice, 30 if field_ == "đất đai" else 20)
        replied = deadline + timedelta(days=rnd.randint(-20, 12))
        status = "replied" if replied < today and rnd.random() < 0.9 else "in_progress"
        row.update(
            partners="Ủy ban MTTQ phường",
            task="Giải quyết, trả lời công dân.",
            deadline=deadline,
            reply_method="Trả lời bằng văn bản",
            followup_status=status,
            reply_number=f"{n}/UBND" if status == "replied" else "",
            reply_date=replied if status == "replied" else None,
        )
    if outcome == "forwarded":
        row["forwarded_to"] = "UBND tỉnh"
    return row
