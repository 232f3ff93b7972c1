"""Bench data for the yearly report: years of held meetings, each with its speakers, issues,
answers, conclusions, replies and survey ballots (bench only; rows written in bulk).

``fill_years(store, years=range(2022, 2027), meetings=40, speakers=300, issues=500)``
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, insert
from sqlmodel import Session, select

from models.attendance import AttendanceGroup
from models.ledger import AnswerIssue, Conclusion, Issue, IssueRaiser
from models.store import Store
from models.survey import Survey, SurveyBallot, SurveyQuestion
from models.tables import Answer, Meeting, Registration
from models.text import fold

FIELDS = [
    "đất đai",
    "môi trường",
    "giao thông",
    "an sinh xã hội",
    "an ninh trật tự",
    "y tế",
    "giáo dục",
    "cán bộ",
    "khác",
]
OUTCOMES = ["answered"] * 5 + ["study"] * 2 + ["assigned"] * 4 + ["forwarded"]
STATUSES = ["not_started", "in_progress", "replied", "replied", "replied", "extended"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Hoàng", "Phạm", "Vũ", "Đặng", "Lăng", "Nông", "Triệu"]
GIVEN = ["Văn Páo", "Thị Mỵ", "Văn Đức", "Thị Hoa", "Văn Long", "Thị Lan", "Đình Tuấn", "Thị Mai"]
QUESTIONS = ["Tổ chức hội nghị", "Trả lời tại hội nghị", "Giải quyết sau hội nghị"]
CHOICES = json.dumps(["Hài lòng", "Tương đối hài lòng", "Không hài lòng"], ensure_ascii=False)


def _next_id(s: Session, model: Any) -> int:
    found: int | None = s.exec(select(func.max(model.id))).one()
    return (found or 0) + 1


def fill_years(
    store: Store,
    years: Iterable[int] = range(2022, 2027),
    *,
    meetings: int = 40,
    speakers: int = 300,
    issues: int = 500,
    ballots: int = 40,
    unit: str = "XÃ HÒA AN",
    residential: str = "Thôn",
    seed: int = 7,
) -> list[int]:
    """Held meetings over *years* (``meetings`` a year); returns their ids."""
    rng = random.Random(seed)
    places = [f"{residential} {n}" for n in range(1, 13)]
    ids = []
    with store.action("bench.fill", at=datetime(2026, 12, 1), actor="system") as tx:
        s = tx.session
        ids_of = {model: _next_id(s, model) for model in (Meeting, Registration, Issue, Answer, Survey)}
        rows: dict[type, list[dict[str, Any]]] = {
            m: []
            for m in (
                Meeting,
                AttendanceGroup,
                Registration,
                Issue,
                IssueRaiser,
                Answer,
                AnswerIssue,
                Conclusion,
                Survey,
                SurveyQuestion,
                SurveyBallot,
            )
        }
        for year in years:
            for n in range(meetings):
                mid = ids_of[Meeting]
                ids_of[Meeting] += 1
                ids.append(mid)
                day = date(year, 1, 5) + timedelta(days=(n * 360) // meetings)
                start = datetime.combine(day, time(7, 30))
                rows[Meeting].append(
                    dict(
                        id=mid,
                        title=f"Hội nghị đối thoại số {n + 1} năm {year}",
                        kind="dialogue",
                        template="doi-thoai",
                        issuing_body=f"ỦY BAN NHÂN DÂN {unit}",
                        parent_body="",
                        place_name=unit.split(" ", 1)[1].title(),
                        venue=f"Nhà văn hóa {places[n % len(places)]}",
                        planned_date=day,
                        planned_start=time(7, 30),
                        planned_end=time(11, 30),
                        actual_start=start,
                        actual_end=start + timedelta(hours=4),
                        recess_seconds=0.0,
                        status="closed",
                        chair="Hoàng Văn Thắng",
                        chair_title="Chủ tịch UBND",
                        co_chair="",
                        co_chair_title="",
                        secretary="",
                        secretary_title="",
                        minutes_number="",
                        notice_number="",
                        speech_limit_seconds=180,
                        notice_days=10,
                        reply_days=20,
                        verify_days=30,
                        close_reason="",
                        created_at=start - timedelta(days=20),
                    )
                )
                for position, (name, expected) in enumerate(
                    (("Đại biểu", 20), ("Đại biểu khu dân cư", 24), ("Đại diện Nhân dân", 60)), start=1
                ):
                    rows[AttendanceGroup].append(
                        dict(
                            meeting_id=mid,
                            position=position,
                            name=name,
                            expected=expected,
                            present=expected - rng.randint(0, 3),
                        )
                    )
                clock = start + timedelta(minutes=60)
                first_reg = ids_of[Registration]
                for k in range(speakers):
                    name = f"{rng.choice(FAMILY)} {rng.choice(GIVEN)} {k}"
                    place = places[k % len(places)]
                    seconds = rng.randint(60, 240)
                    rows[Registration].append(
                        dict(
                            id=ids_of[Registration],
                            meeting_id=mid,
                            speaker_name=name,
                            name_key=fold(name),
                            locality=place,
                            locality_key=fold(place),
                            role="official" if k % 15 == 0 else "citizen",
                            organisation="",
                            field=FIELDS[k % len(FIELDS)],
                            summary="Đề nghị giải quyết.",
                            summary_key="de nghi giai quyet.",
                            source="hall",
                            phone="",
                            registered_at=start - timedelta(days=3),
                            queue_position=k + 1,
                            status="done",
                            started_at=clock,
                            ended_at=clock + timedelta(seconds=seconds),
                            paused_seconds=0.0,
                            absent_count=0,
                        )
                    )
                    ids_of[Registration] += 1
                    clock += timedelta(seconds=seconds + 20)
                for k in range(issues):
                    iid = ids_of[Issue]
                    ids_of[Issue] += 1
                    field = FIELDS[k % len(FIELDS)]
                    rows[Issue].append(
                        dict(
                            id=iid,
                            meeting_id=mid,
                            position=k + 1,
                            content=f"Kiến nghị số {k + 1} về {field}.",
                            content_key=fold(f"Kiến nghị số {k + 1} về {field}."),
                            field=field,
                            in_scope=True,
                            created_at=start,
                        )
                    )
                    rows[IssueRaiser].append(dict(issue_id=iid, registration_id=first_reg + k % speakers))
                    if k % 2 == 0:
                        aid = ids_of[Answer]
                        ids_of[Answer] += 1
                        rows[Answer].append(
                            dict(
                                id=aid,
                                meeting_id=mid,
                                answerer_name="Triệu Văn Long",
                                answerer_title="Trưởng phòng",
                                answerer_agency="Phòng Kinh tế",
                                by_chair=False,
                                started_at=clock,
                                ended_at=clock + timedelta(seconds=rng.randint(60, 200)),
                                summary="Trả lời.",
                            )
                        )
                        rows[AnswerIssue].append(dict(answer_id=aid, issue_id=iid))
                    outcome = OUTCOMES[k % len(OUTCOMES)]
                    status = rng.choice(STATUSES) if outcome != "answered" else "not_started"
                    deadline = day + timedelta(days=45) if outcome == "assigned" else None
                    replied = day + timedelta(days=rng.randint(20, 70)) if status == "replied" else None
                    rows[Conclusion].append(
                        dict(
                            issue_id=iid,
                            outcome=outcome,
                            text="Kết luận.",
                            lead_agency="Phòng Kinh tế" if outcome in ("study", "assigned") else "",
                            partners="",
                            task="",
                            deadline=deadline,
                            reply_method="",
                            forwarded_to="UBND tỉnh" if outcome == "forwarded" else "",
                            followup_status=status,
                            reply_number=f"{k}/PKT" if replied else "",
                            reply_date=replied,
                            extension_reason="Cần xác minh." if status == "extended" else "",
                        )
                    )
                sid = ids_of[Survey]
                ids_of[Survey] += 1
                rows[Survey].append(
                    dict(
                        id=sid,
                        meeting_id=mid,
                        form="hai-long",
                        title="Phiếu lấy ý kiến",
                        intro="",
                        created_at=start,
                        total_ballots=0,
                    )
                )
                for position, text in enumerate(QUESTIONS, start=1):
                    rows[SurveyQuestion].append(
                        dict(survey_id=sid, position=position, text=text, short=text, choices=CHOICES)
                    )
                for number in range(1, ballots + 1):
                    answers = "".join(str(rng.choice("1112230")) for _ in QUESTIONS)
                    rows[SurveyBallot].append(dict(survey_id=sid, number=number, answers=answers, entered_at=start))
        for model, batch in rows.items():
            if batch:
                s.execute(insert(model), batch)
    return ids
