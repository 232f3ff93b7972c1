"""The yearly report's figures from a hand-checked set of meetings, replies on time / late /
overdue as of a date (across Tết), and the roll-up of several communes' archives."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from models.errors import HoinghiError
from session.domain.calendar import announced_calendar, office_calendar
from session.domain.followup import reply_due
from session.domain.ledger import ConclusionDraft, ledger
from session.domain.meeting_details import Attendance, meeting_details, update_details
from session.domain.meetings import create_meeting
from session.domain.place_words import PlaceWords, meeting_words
from session.domain.registrations import Slip
from session.domain.report import reply_state, rollup, year_figures
from session.domain.report_archive import read_archives
from session.domain.report_facts import IssueFact, facts_from_store, report_meetings
from session.domain.survey import add_ballot, set_totals
from session.domain.units import place_of
from tests.conftest import T0, desk

DAY = date(2026, 3, 5)  # Thursday: notice due Mon 16/3 (10 days: Sun 15/3), replies due Mon 13/4 (20 working days)
REPORT_DAY = date(2026, 4, 20)
XA = PlaceWords(place_of("xã", "Hòa An", residential="thôn"))


def held_meeting(store, *, day=DAY, body="ỦY BAN NHÂN DÂN XÃ HÒA AN", people=None) -> int:
    """The hand-checked meeting (all times from 08:00 on *day*):

    speaker                 role      thôn          field           speaks  issue outcome
    Hoàng Văn Páo           citizen   Thôn Nà Pàn   đất đai         3:00    assigned, due 16/4, replied 10/4
    Lăng Thị Mỵ             citizen   Thôn Bản Chu  giao thông      2:00    study (due 16/4 by default), no reply
    Triệu Văn Long          official  —             môi trường      1:00    answered
    Nguyễn Văn Đức          citizen   Thôn Nà Pàn   an sinh xã hội  4:00    forwarded (due 16/4), replied 17/4
    Lò Thị Mai              citizen   Thôn Bản Chu  y tế            absent  not concluded

    Answers: the chair 5:00 on the first two issues, the official 2:00 on the fourth.
    Attendance: Đại biểu xã 20/18, Đại biểu thôn 16/16, Đại diện Nhân dân 24/20.
    """
    people = people or [
        ("Hoàng Văn Páo", "Thôn Nà Pàn", "citizen", "đất đai", "Chậm cấp sổ đỏ", 180),
        ("Lăng Thị Mỵ", "Thôn Bản Chu", "citizen", "giao thông", "Đường ra xã lầy lội", 120),
        ("Triệu Văn Long", "", "official", "môi trường", "Rác thải ở chợ", 60),
        ("Nguyễn Văn Đức", "Thôn Nà Pàn", "citizen", "an sinh xã hội", "Trợ cấp chậm", 240),
        ("Lò Thị Mai", "Thôn Bản Chu", "citizen", "y tế", "Trạm y tế thiếu thuốc", None),
    ]
    mid = create_meeting(store, at=T0, title="Đối thoại năm 2026", day=day, issuing_body=body)
    details = meeting_details(store, mid)
    groups = (
        Attendance("Đại biểu xã", 20, 18),
        Attendance("Đại biểu thôn", 16, 16),
        Attendance("Đại diện Nhân dân", 24, 20),
    )
    update_details(store, mid, details.edit(groups=groups, chair="Hoàng Văn Thắng"), at=T0)
    clock = datetime.combine(day, datetime.min.time()).replace(hour=8)
    desk(store, mid, clock).start_meeting()
    regs = [desk(store, mid, clock).register(Slip(n, p, role=r, field=f, summary=s)) for n, p, r, f, s, _ in people]
    for reg, (*_rest, seconds) in zip(regs, people, strict=True):
        if seconds is None:
            continue
        desk(store, mid, clock).call(reg)
        clock += timedelta(seconds=seconds)
        desk(store, mid, clock).finish_speech()
    issues = [v.id for v in ledger(store, mid)]
    at = clock
    desk(store, mid, at).record_answer(
        issues[:2], name="Hoàng Văn Thắng", by_chair=True, started_at=at, ended_at=at + timedelta(minutes=5)
    )
    at += timedelta(minutes=5)
    desk(store, mid, at).record_answer(
        [issues[3]], name="Triệu Văn Long", started_at=at, ended_at=at + timedelta(minutes=2)
    )
    desk(store, mid, at).conclude(
        [issues[0]], ConclusionDraft("assigned", "", "Phòng Kinh tế", deadline=date(2026, 4, 16))
    )
    desk(store, mid, at).conclude([issues[1]], ConclusionDraft("study", "Tiếp thu", lead_agency="Phòng Kinh tế"))
    desk(store, mid, at).conclude([issues[2]], ConclusionDraft("answered", "Đã trả lời"))
    desk(store, mid, at).conclude([issues[3]], ConclusionDraft("forwarded", "", forwarded_to="Sở Y tế"))
    desk(store, mid, at).update_followup(issues[0], "replied", reply_number="12/PKT", reply_date=date(2026, 4, 10))
    desk(store, mid, at).update_followup(issues[3], "replied", reply_number="7/SYT", reply_date=date(2026, 4, 17))
    desk(store, mid, at + timedelta(minutes=30)).close_meeting(reason="Hết chương trình")
    return mid


@pytest.fixture
def year_set(store):
    """The held meeting, a meeting planned for September (not held), one from 2025."""
    held = held_meeting(store)
    planned = create_meeting(store, at=T0, title="Đối thoại cụm thôn", day=date(2026, 9, 10))
    earlier = held_meeting(store, day=date(2025, 11, 6))
    return held, planned, earlier


def figures(store, *, today=REPORT_DAY, keep=None):
    ids = report_meetings(store, 2026, keep)
    facts = facts_from_store(store, ids, office_calendar(store))
    return year_figures(facts, year=2026, today=today, place=facts[0].place)


def test_the_report_counts_the_hand_checked_meetings(store, year_set):
    held, planned, _earlier = year_set
    assert report_meetings(store, 2026) == [held, planned]  # 2025's meeting is not in 2026
    f = figures(store)
    assert (f.held, f.planned) == (1, 1)
    assert (f.expected, f.present) == (60, 54)
    assert f.groups == (("Đại biểu xã", 20, 18), ("Đại biểu thôn", 16, 16), ("Đại diện Nhân dân", 24, 20))
    assert (f.speakers_people, f.speakers_officials) == (3, 1)
    assert f.seconds_people == 540  # 3:00 + 2:00 + 4:00
    assert f.seconds_officials == 480  # the official's 1:00 speech + answers of 5:00 and 2:00
    assert f.people_time_percent == 52.9  # 540 / 1020
    assert f.issues == 5
    assert [(c.label, c.count, c.percent) for c in f.by_field] == [
        ("an sinh xã hội", 1, 20.0),
        ("đất đai", 1, 20.0),
        ("giao thông", 1, 20.0),
        ("môi trường", 1, 20.0),
        ("y tế", 1, 20.0),
    ]
    assert [(c.label, c.count) for c in f.by_locality] == [
        ("Thôn Bản Chu", 2),
        ("Thôn Nà Pàn", 2),
        ("(không ghi thôn)", 1),
    ]
    assert [(c.label, c.count) for c in f.outcomes] == [
        ("answered", 1),
        ("study", 1),
        ("assigned", 1),
        ("forwarded", 1),
        ("", 1),
    ]
    r = f.replies
    # Due 13/4 (notice due 15/3, a Sunday, so Mon 16/3; then 20 working days).
    # Assigned: replied 10/4 by 13/4. Study: no reply on 20/4. Forwarded: replied 17/4, late.
    assert (r.tracked, r.on_time, r.late, r.overdue, r.pending) == (3, 1, 1, 1, 0)
    assert [m.title for m in f.meetings] == ["Đối thoại năm 2026", "Đối thoại cụm thôn"]
    assert [m.held for m in f.meetings] == [True, False]


def test_replies_as_of_an_earlier_date(store, year_set):
    r = figures(store, today=date(2026, 4, 10)).replies
    # On 10/4 nothing is due yet (13/4); the forwarded petition's reply of 17/4 is not known yet.
    assert (r.on_time, r.late, r.overdue, r.pending) == (1, 0, 0, 2)


def test_the_meeting_selection_takes_a_filter(store, year_set):
    held, planned, _ = year_set
    assert report_meetings(store, 2026, lambda m: m.status == "closed") == [held]
    assert figures(store, keep=lambda m: m.id == held).planned == 0


def test_survey_results_join_the_year(store, year_set):
    held, _planned, _ = year_set
    with store.action("survey.ballot", at=T0, meeting_id=held, actor="office") as tx:
        add_ballot(tx, held, [1, 1, 2], at=T0)
    with store.action("survey.totals", at=T0, meeting_id=held, actor="office") as tx:
        set_totals(tx, held, 9, [[5, 3, 1], [4, 4, 1], [3, 3, 3]], at=T0)
    f = figures(store)
    assert f.survey_ballots == 10
    assert [(c.text, c.count, c.percent) for c in f.survey[0].choices] == [
        ("Hài lòng", 6, 60.0),
        ("Tương đối hài lòng", 3, 30.0),
        ("Không hài lòng", 1, 10.0),
    ]
    assert f.survey[2].blank == 0 and f.survey[2].choices[1].count == 4


def test_no_meeting_in_the_year_is_a_clear_message_and_nothing_is_written(store, year_set, tmp_path):
    from exports.report_run import write_year_report

    out = tmp_path / "bao-cao"
    with pytest.raises(HoinghiError) as err:
        write_year_report(store, 2031, out, today=REPORT_DAY)
    assert err.value.code == "report.no_meetings" and err.value.params == {"year": 2031}
    assert not out.exists()


# --- on time / late / overdue across Tết ---------------------------------------------------


def test_a_reply_due_date_across_tet_counts_working_days():
    calendar = announced_calendar()
    # Thu 5/2/2026: the notice is due 10 days later, Sunday 15/2, which moves past Tết
    # (16–20/2 off) to Monday 23/2; replies are due 20 working days after that, Monday 23/3
    # (30 with verification: Monday 6/4).
    assert reply_due(calendar, date(2026, 2, 5), 10, 20) == date(2026, 3, 23)
    assert reply_due(calendar, date(2026, 2, 5), 10, 30) == date(2026, 4, 6)
    # A notice issued on Wednesday 25/2 counts from that day: 20 working days, Wednesday 25/3.
    assert reply_due(calendar, date(2026, 2, 5), 10, 20, notice_date=date(2026, 2, 25)) == date(2026, 3, 25)


@pytest.mark.parametrize(
    ("reply", "today", "state"),
    [
        (date(2026, 3, 23), date(2026, 4, 1), "on_time"),  # on the due day itself
        (date(2026, 3, 24), date(2026, 4, 1), "late"),
        (None, date(2026, 3, 23), "pending"),
        (None, date(2026, 3, 24), "overdue"),
        (date(2026, 3, 26), date(2026, 3, 24), "overdue"),  # a reply dated after the report date
    ],
)
def test_reply_state_as_of_a_date(reply, today, state):
    due = reply_due(announced_calendar(), date(2026, 2, 5), 10, 20)
    issue = IssueFact("đất đai", "Thôn Nà Pàn", "assigned", due, "replied" if reply else "in_progress", reply)
    assert reply_state(issue, today) == state


# --- roll-up of the communes' archives -------------------------------------------------------


def archive(store, mid, path):
    from exports.json_export import json_bytes

    path.write_bytes(json_bytes(store, mid))
    return path


def test_archives_give_the_same_facts_as_the_store(store, year_set, tmp_path):
    held = year_set[0]
    [from_store] = facts_from_store(store, [held], announced_calendar())
    [from_file], duplicates = read_archives([archive(store, held, tmp_path / "a.json")], announced_calendar())
    assert replace(from_file, source=from_store.source) == from_store and duplicates == []


def test_the_roll_up_has_one_row_per_commune(tmp_path):
    from models.store import Store

    paths = []
    for name, body, places in (
        ("hoa-an", "ỦY BAN NHÂN DÂN XÃ HÒA AN", ("Thôn Nà Pàn", "Thôn Bản Chu")),
        ("ba-don", "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN", ("Tổ dân phố 1", "TDP 2")),
    ):
        store = Store.open(str(tmp_path / f"{name}.db"))
        people = [
            ("Hoàng Văn Páo", places[0], "citizen", "đất đai", "Sổ đỏ", 180),
            ("Lăng Thị Mỵ", places[1], "citizen", "giao thông", "Đường", 120),
            ("Triệu Văn Long", "", "official", "môi trường", "Rác", 60),
            ("Nguyễn Văn Đức", places[0], "citizen", "an sinh xã hội", "Trợ cấp", 240),
            ("Lò Thị Mai", places[1], "citizen", "y tế", "Thuốc", None),
        ]
        mid = held_meeting(store, body=body, people=people)
        paths.append(archive(store, mid, tmp_path / f"{name}.json"))
        if name == "hoa-an":
            second = held_meeting(store, day=date(2026, 6, 4), body=body, people=people)
            paths.append(archive(store, second, tmp_path / f"{name}-2.json"))
        store.close()
    facts, duplicates = read_archives([*paths, paths[0]], announced_calendar())  # one file given twice
    assert duplicates == ["hoa-an.json"] and len(facts) == 3
    rows = rollup(facts, year=2026, today=REPORT_DAY)
    assert [r.commune for r in rows] == ["phường Ba Đồn", "xã Hòa An"]
    ba_don, hoa_an = rows
    assert (hoa_an.figures.held, hoa_an.figures.issues, ba_don.figures.held, ba_don.figures.issues) == (2, 10, 1, 5)
    assert ba_don.figures.place.residential == "tổ dân phố"
    assert hoa_an.satisfied_percent is None  # no survey
    total = year_figures(facts, year=2026, today=REPORT_DAY, place=XA, name_communes=True)
    assert total.issues == 15 and total.held == 3
    labels = {c.label for c in total.by_locality}
    assert "Thôn Nà Pàn – xã Hòa An" in labels and "Tổ dân phố 1 – phường Ba Đồn" in labels


def test_a_file_of_another_format_or_damaged_stops_the_roll_up(store, year_set, tmp_path):
    good = archive(store, year_set[0], tmp_path / "good.json")
    data = json.loads(good.read_text(encoding="utf-8"))
    cases = {
        "sheet.xlsx": b"PK\x03\x04 not json",
        "other.json": json.dumps({"format": "something-else/2"}).encode(),
        "cut.json": good.read_bytes()[:500],
        "broken.json": json.dumps({**data, "issue": [{"id": "x"}]}).encode(),
        "dates.json": json.dumps({**data, "meeting": {**data["meeting"], "actual_start": 12}}).encode(),
    }
    codes = {}
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(HoinghiError) as err:
            read_archives([good, path], announced_calendar())
        codes[name] = err.value.code
        assert err.value.params["path"] == str(path)
    assert codes == {
        "sheet.xlsx": "report.archive_format",
        "other.json": "report.archive_format",
        "cut.json": "report.archive_damaged",
        "broken.json": "report.archive_damaged",
        "dates.json": "report.archive_damaged",
    }
    with pytest.raises(HoinghiError) as err:
        read_archives([tmp_path / "missing.json"], announced_calendar())
    assert err.value.code == "report.archive_unreadable"


# --- place words --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("meeting", "unit", "residential"),
    [
        # An archive of the first release: only the issuing body says where.
        ({"issuing_body": "ỦY BAN NHÂN DÂN XÃ HÒA AN"}, "xã Hòa An", "thôn"),
        ({"issuing_body": "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN"}, "phường Ba Đồn", "tổ dân phố"),
        # Today's: the meeting's own unit and residential word.
        ({"unit_kind": "xã", "unit_name": "Vĩnh Hậu", "residential": "ấp"}, "xã Vĩnh Hậu", "ấp"),
        (
            {"unit_kind": "đặc khu", "unit_name": "Côn Đảo", "residential": "khu dân cư"},
            "đặc khu Côn Đảo",
            "khu dân cư",
        ),
    ],
)
def test_place_words_come_from_the_meetings_data(meeting, unit, residential):
    words = meeting_words(meeting)
    assert (words.unit, words.residential) == (unit, residential)


def test_residential_units_with_numbers_are_listed_in_number_order():
    from session.domain.report import natural_key

    labels = ["Tổ dân phố 10", "Tổ dân phố 2", "tổ dân phố 1", "Ấp 3"]
    assert sorted(labels, key=natural_key) == ["Ấp 3", "tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố 10"]


def test_ballots_and_the_year_figures_on_each_database_engine(db_url):
    from models.store import Store

    store = Store.open(db_url)
    try:
        mid = held_meeting(store)
        with store.action("survey.ballot", at=T0, meeting_id=mid, actor="office") as tx:
            add_ballot(tx, mid, [1, 2, 3], at=T0)
        with store.action("survey.totals", at=T0, meeting_id=mid, actor="office") as tx:
            set_totals(tx, mid, 4, [[4, 0, 0], [2, 2, 0], [1, 1, 1]], at=T0)
        f = figures(store)
        assert (f.issues, f.replies.on_time, f.replies.late, f.replies.overdue) == (5, 1, 1, 1)
        assert f.people_time_percent == 52.9 and f.survey_ballots == 5
        assert [c.count for c in f.survey[2].choices] == [1, 1, 2] and f.survey[2].blank == 1
    finally:
        store.close()


def test_the_report_counts_a_reply_due_as_the_follow_up_and_the_archive_do(store, tmp_path):
    """A plan that gives replies 15 working days, a notice marked done on Monday 9/3: the
    follow-up, the year report from the store and the report from the meeting's archive
    all say the reply to a petition to study is due on Monday 30/3."""
    from session.domain.duties import mark_duty_done
    from session.domain.followup import followup_items
    from session.domain.plans import PlanDraft, create_plan, set_meeting_plan

    at = datetime(2026, 2, 1, 9, 0)
    with store.action("plan.new", at=at, actor="office") as tx:
        plan = create_plan(tx, PlanDraft(title="Kế hoạch", year=2026, days={"replies": 15}), at=at)
    mid = create_meeting(store, at=at, title="Đối thoại", day=DAY)
    with store.action("meeting.plan", at=at, meeting_id=mid, actor="office") as tx:
        set_meeting_plan(tx, mid, plan)
    ws = desk(store, mid, lambda: datetime.combine(DAY, datetime.min.time()).replace(hour=8))
    ws.register(Slip("Hoàng Văn Páo", "Thôn Nà Pàn", field="đất đai", summary="Cấp sổ đỏ"))
    [issue] = ledger(store, mid)
    ws.conclude([issue.id], ConclusionDraft("study", "Giao nghiên cứu", "Phòng Kinh tế"))
    with store.action("duty.done", at=at, meeting_id=mid, actor="office") as tx:
        mark_duty_done(tx, mid, "notice", done_on=date(2026, 3, 9), today=date(2026, 3, 9))
    [item] = followup_items(store, date(2026, 3, 20), mid)
    assert item.deadline == date(2026, 3, 30)
    [from_store] = facts_from_store(store, [mid], office_calendar(store))
    assert [i.due for i in from_store.issues] == [date(2026, 3, 30)]
    [from_file], _ = read_archives([archive(store, mid, tmp_path / "a.json")], office_calendar(store))
    assert [i.due for i in from_file.issues] == [date(2026, 3, 30)]
