"""The dated duties around a meeting, as the office counts them: the 7-day notice, the
10-day limit, working days across Tết 2026 and 2027 (the real holidays), plans' own
figures, marking duties done and undoing it. Every expected date is counted by hand on a
calendar, not by the code under test."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from models.errors import Conflict, HoinghiError
from models.tables import Plan
from session.domain.calendar import set_office_day
from session.domain.duties import (
    due_duties,
    mark_duty_done,
    meeting_duties,
    notice_shortfall,
    reopen_duty,
    undo_office,
)
from session.domain.duty_rules import copy_rule_set, get_rule_set, list_rule_sets, user_rules_dir
from session.domain.meetings import create_meeting
from session.domain.plans import PlanDraft, create_plan, list_plans, plan_view, update_plan

AT = datetime(2026, 1, 5, 9, 0)


def meeting_on(store, day: date, plan_id: int | None = None, localities: str = "") -> int:
    return create_meeting(
        store,
        at=AT,
        title="Hội nghị đối thoại",
        day=day,
        start=time(7, 30),
        plan_id=plan_id,
        localities=localities,
        issuing_body="ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN",
    )


def dues(store, meeting_id: int) -> dict[str, date]:
    return {d.key: d.due for d in meeting_duties(store, meeting_id)}


def new_plan(store, **days) -> int:
    with store.action("plan.create", at=AT, actor="office") as tx:
        return create_plan(tx, PlanDraft(title="Kế hoạch đối thoại năm 2026", year=2026, days=days), at=AT)


# --- the dates ------------------------------------------------------------------------


def test_the_default_duties_of_an_ordinary_march_meeting(store):
    # Monday 9 March 2026: no holiday anywhere near the days before it.
    due = dues(store, meeting_on(store, date(2026, 3, 9)))
    assert due["report_party"] == date(2026, 2, 27)  # 10 days before = Sun 1/3 → Fri 27/2
    assert due["invitations"] == due["announcement"] == date(2026, 3, 2)  # 7 days before, a Monday
    assert due["compiled_list"] == date(2026, 3, 6)  # 3 days before
    assert due["prepared_answers"] == date(2026, 3, 6)  # 1 working day before a Monday: Friday
    assert due["notice"] == date(2026, 3, 19)  # 10 calendar days after, a Thursday
    # 20 working days from Thu 19/3: 20, 23–27, 30–31, 1–3/4, 6–10, 13–16 → Thu 16/4.
    assert due["replies"] == date(2026, 4, 16)
    # 30: on through 17, 20–24, 28, 29 (27/4 is the day off for Giỗ Tổ), 30/4–1/5 off, 4, 5 → Tue 5/5.
    assert due["replies_verified"] == date(2026, 5, 5)


def test_the_ten_day_notice_that_ends_on_a_weekend_moves_to_the_monday(store):
    # Wed 4/3/2026 + 10 days = Sat 14/3: the limit runs to the next working day (BLDS Điều 148).
    assert dues(store, meeting_on(store, date(2026, 3, 4)))["notice"] == date(2026, 3, 16)


def test_a_meeting_just_before_tet_2026_has_its_notice_and_replies_counted_past_tet(store):
    # Tue 10/2/2026. + 10 days = Fri 20/2, Mùng 4 Tết (16–20/2 off) → Mon 23/2.
    due = dues(store, meeting_on(store, date(2026, 2, 10)))
    assert due["notice"] == date(2026, 2, 23)
    # 20 working days from Mon 23/2: 24–27 (4), 2–6/3 (9), 9–13 (14), 16–20 (19), 23/3 (20).
    assert due["replies"] == date(2026, 3, 23)
    assert due["replies_verified"] == date(2026, 4, 6)  # 24–27 (24), 30–31 (26), 1–3/4 (29), 6/4 (30)


def test_a_meeting_just_after_tet_2026_must_be_announced_before_tet(store):
    # Thu 26/2/2026: 7 days before is Thu 19/2, Mùng 3 Tết; the office is closed 14–22/2,
    # so the invitations and the announcement must go out on Friday 13/2.
    due = dues(store, meeting_on(store, date(2026, 2, 26)))
    assert due["invitations"] == due["announcement"] == date(2026, 2, 13)
    assert due["report_party"] == date(2026, 2, 13)  # 16/2, Giao thừa → back to 13/2
    assert due["compiled_list"] == date(2026, 2, 23)
    assert due["prepared_answers"] == date(2026, 2, 25)


def test_tet_2027_in_both_directions(store):
    # Fri 29/1/2027 + 10 days = Mon 8/2/2027, Mùng 3 Tết (4–10/2 off) → Thu 11/2.
    early = dues(store, meeting_on(store, date(2027, 1, 29)))
    assert early["notice"] == date(2027, 2, 11)
    # 20 working days from Thu 11/2: 12 (1), 15–19 (6), 22–26 (11), 1–5/3 (16), 8–11/3 (20).
    assert early["replies"] == date(2027, 3, 11)
    # Wed 17/2/2027 − 7 days = Wed 10/2, Mùng 5 Tết → back over 4–9/2 to Wed 3/2.
    late = dues(store, meeting_on(store, date(2027, 2, 17)))
    assert late["invitations"] == date(2027, 2, 3)
    assert late["compiled_list"] == date(2027, 2, 12)  # Sun 14/2 → Fri 12/2


def test_working_days_follow_the_office_calendar(store):
    meeting = meeting_on(store, date(2026, 3, 9))
    assert dues(store, meeting)["replies"] == date(2026, 4, 16)
    set_office_day(store, date(2026, 3, 20), "off", "Nghỉ bù", at=AT)
    assert dues(store, meeting)["replies"] == date(2026, 4, 17)  # one working day fewer on the way


# --- the 7-day rule when a meeting is created ---------------------------------------------


def test_a_meeting_fewer_than_seven_days_ahead_is_flagged(store):
    today = date(2026, 3, 2)
    assert notice_shortfall(store, date(2026, 3, 8), today) == (6, 7)
    assert notice_shortfall(store, date(2026, 3, 2), today) == (0, 7)
    assert notice_shortfall(store, date(2026, 3, 9), today) is None  # exactly 7 days: enough
    assert notice_shortfall(store, date(2026, 2, 20), today) is None  # held already: being recorded
    assert notice_shortfall(store, None, today) is None


def test_a_plan_that_asks_for_ten_days_notice_flags_nine(store):
    plan = new_plan(store, invitations=10)
    assert notice_shortfall(store, date(2026, 3, 11), date(2026, 3, 2), plan) == (9, 10)
    assert notice_shortfall(store, date(2026, 3, 12), date(2026, 3, 2), plan) is None


# --- plans and their figures --------------------------------------------------------------


def test_a_plans_own_figures_date_its_meetings_and_a_change_moves_them_at_once(store):
    plan = new_plan(store, notice=7, replies=15)
    meeting = meeting_on(store, date(2026, 3, 9), plan)
    other = meeting_on(store, date(2026, 3, 9))
    assert dues(store, meeting)["notice"] == date(2026, 3, 16)  # 7 days after
    assert dues(store, other)["notice"] == date(2026, 3, 19)  # the default, outside the plan
    # 15 working days from Mon 16/3: 17–20 (4), 23–27 (9), 30–31 (11), 1–3/4 (14), 6/4 (15).
    assert dues(store, meeting)["replies"] == date(2026, 4, 6)
    view = plan_view(store, plan)
    with store.action("plan.edit", at=AT, actor="office") as tx:
        update_plan(tx, plan, PlanDraft(title=view.title, year=2026, days={**view.figures, "notice": 10}))
    assert dues(store, meeting)["notice"] == date(2026, 3, 19)


@pytest.mark.parametrize(
    ("draft", "code"),
    [
        (PlanDraft(title="KH", year=1999), "plan.bad_year"),
        (PlanDraft(title="KH", year="năm nay"), "plan.bad_year"),
        (PlanDraft(title="  ", year=2026), "text.empty"),
        (PlanDraft(title="KH", year=2026, days={"moi_hop": 3}), "duty.unknown"),
        (PlanDraft(title="KH", year=2026, days={"notice": -1}), "duty.bad_days"),
        (PlanDraft(title="KH", year=2026, days={"notice": "mười"}), "duty.bad_days"),
        (PlanDraft(title="KH", year=2026, rule_set="khong-co"), "duty.rules_not_found"),
    ],
)
def test_a_bad_plan_is_refused_whole(store, draft, code):
    with pytest.raises(HoinghiError) as err:
        with store.action("plan.create", at=AT, actor="office") as tx:
            create_plan(tx, draft, at=AT)
    assert err.value.code == code
    assert list_plans(store) == []


def test_a_meeting_cannot_join_a_plan_that_does_not_exist(store):
    with pytest.raises(HoinghiError) as err:
        meeting_on(store, date(2026, 3, 9), plan_id=42)
    assert err.value.code == "plan.not_found"
    with store.read() as s:
        assert s.get(Plan, 42) is None


# --- what is due ---------------------------------------------------------------------------


def test_due_lists_what_is_left_across_meetings_soonest_first(store):
    plan = new_plan(store)
    first = meeting_on(store, date(2026, 3, 9), plan, "Tổ dân phố 1, 2, 3")
    second = meeting_on(store, date(2026, 3, 12), plan, "Tổ dân phố 4, 5, 6")
    today = date(2026, 3, 3)
    listed = due_duties(store, today)
    assert [d.due for d in listed] == sorted(d.due for d in listed)
    head = [(d.meeting_id, d.key, d.state(today)) for d in listed[:3]]
    # first's invitations (due 2/3) are a day overdue; its report (27/2) too, and earlier.
    assert head[0] == (first, "report_party", "overdue")
    assert (first, "invitations", "overdue") in head
    assert listed[0].meeting_label == "Tổ dân phố 1, 2, 3"
    assert {d.meeting_id for d in listed} == {first, second}
    soon = due_duties(store, today, within=3)
    assert all(d.due <= date(2026, 3, 6) for d in soon) and soon
    assert {d.key for d in due_duties(store, today, meeting_id=second)} >= {"invitations", "notice"}


def test_done_duties_and_those_of_a_meeting_already_held_drop_out_of_due(store):
    meeting = meeting_on(store, date(2026, 3, 9))
    today = date(2026, 3, 12)  # three days after the meeting
    keys = {d.key for d in due_duties(store, today)}
    assert keys == {"notice", "replies", "replies_verified"}  # the "before" duties have lapsed
    states = {d.key: d.state(today) for d in meeting_duties(store, meeting)}
    assert states["invitations"] == "lapsed" and states["notice"] == "due"
    with store.action("duty.done", at=AT, meeting_id=meeting, actor="office") as tx:
        mark_duty_done(tx, meeting, "notice", done_on=date(2026, 3, 12), note="Số 15/TB-UBND", today=today)
    assert {d.key for d in due_duties(store, today)} == {"replies", "replies_verified"}
    assert due_duties(store, date(2026, 3, 19), within=0) == []


def test_the_replies_count_from_the_day_the_notice_went_out(store):
    meeting = meeting_on(store, date(2026, 3, 9))
    with store.action("duty.done", at=AT, meeting_id=meeting, actor="office") as tx:
        mark_duty_done(tx, meeting, "notice", done_on=date(2026, 3, 11), note="", today=date(2026, 3, 11))
    # 20 working days from Wed 11/3: 12–13 (2), 16–20 (7), 23–27 (12), 30/3–3/4 (17), 6–8/4 (20).
    assert dues(store, meeting)["replies"] == date(2026, 4, 8)


def test_a_meeting_without_a_date_has_no_dated_duties(store):
    meeting = create_meeting(store, at=AT, title="Chưa định ngày")
    assert meeting_duties(store, meeting) == []
    assert due_duties(store, date(2026, 3, 1)) == []


# --- marking done, undo -------------------------------------------------------------------


def test_marking_a_duty_done_records_the_day_and_note_and_undo_takes_it_back(store):
    meeting = meeting_on(store, date(2026, 3, 9))
    with store.action("duty.done", at=AT, meeting_id=meeting, actor="office") as tx:
        mark_duty_done(
            tx, meeting, "invitations", done_on=date(2026, 3, 2), note="Số 12/GM-UBND", today=date(2026, 3, 2)
        )
    done = {d.key: d for d in meeting_duties(store, meeting)}["invitations"]
    assert (done.done_on, done.note, done.state(date(2026, 3, 5))) == (date(2026, 3, 2), "Số 12/GM-UBND", "done")
    assert undo_office(store, meeting, at=AT) == "duty.done"
    assert {d.key: d for d in meeting_duties(store, meeting)}["invitations"].done_on is None


def test_marking_again_corrects_the_day_and_reopen_clears_it(store):
    meeting = meeting_on(store, date(2026, 3, 9))
    for day in (date(2026, 3, 2), date(2026, 3, 1)):
        with store.action("duty.done", at=AT, meeting_id=meeting, actor="office") as tx:
            mark_duty_done(tx, meeting, "announcement", done_on=day, note="", today=date(2026, 3, 3))
    assert {d.key: d.done_on for d in meeting_duties(store, meeting)}["announcement"] == date(2026, 3, 1)
    with store.action("duty.reopen", at=AT, meeting_id=meeting, actor="office") as tx:
        reopen_duty(tx, meeting, "announcement")
    assert {d.key: d.done_on for d in meeting_duties(store, meeting)}["announcement"] is None
    with pytest.raises(Conflict):
        with store.action("duty.reopen", at=AT, meeting_id=meeting, actor="office") as tx:
            reopen_duty(tx, meeting, "announcement")


@pytest.mark.parametrize(
    ("key", "day", "code"),
    [("invitations", date(2026, 3, 4), "duty.future"), ("moi_hop", date(2026, 3, 2), "duty.unknown")],
)
def test_a_duty_cannot_be_done_tomorrow_nor_be_one_the_rules_do_not_know(store, key, day, code):
    meeting = meeting_on(store, date(2026, 3, 9))
    with pytest.raises(HoinghiError) as err:
        with store.action("duty.done", at=AT, meeting_id=meeting, actor="office") as tx:
            mark_duty_done(tx, meeting, key, done_on=day, note="", today=date(2026, 3, 3))
    assert err.value.code == code
    assert all(d.done_on is None for d in meeting_duties(store, meeting))


# --- the rules as data ----------------------------------------------------------------------


def test_the_built_in_rules_carry_the_law_and_plan_defaults():
    rules = get_rule_set()
    assert rules.figures() == {
        "report_party": 10,
        "invitations": 7,
        "announcement": 7,
        "compiled_list": 3,
        "prepared_answers": 1,
        "notice": 10,
        "replies": 20,
        "replies_verified": 30,
    }
    assert rules.rule("notice").unit == "calendar" and "Điều 43" in rules.rule("notice").source
    assert rules.rule("replies").unit == "working" and rules.rule("replies").anchor == "notice"


def test_an_office_copy_of_the_rules_replaces_the_built_in_one(store):
    path = copy_rule_set("mac-dinh")
    assert path.parent == user_rules_dir()
    path.write_text(path.read_text(encoding="utf-8").replace("days = 7\n", "days = 8\n", 1), encoding="utf-8")
    assert get_rule_set().figures()["invitations"] == 8
    assert [r.name for r in list_rule_sets()] == ["mac-dinh"]
    assert dues(store, meeting_on(store, date(2026, 3, 10)))["invitations"] == date(2026, 3, 2)
    with pytest.raises(HoinghiError) as err:
        copy_rule_set("mac-dinh")
    assert err.value.code == "duty.rules_exists"


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("title = 'x'\n", "no [[duty]]"),
        ("[[duty]]\nkey='a'\ntitle='A'\ndays=3\nwhen='sometime'\n", "when"),
        ("[[duty]]\nkey='a'\ntitle='A'\ndays=-3\n", "days"),
        ("[[duty]]\nkey='a'\ntitle='A'\ndays=3\nfrom='b'\n", "from"),
        ("[[duty]]\nkey='a'\ntitle='A'\ndays=3\n[[duty]]\nkey='a'\ntitle='B'\ndays=1\n", "twice"),
        ("[[duty\n", "Expected"),
    ],
)
def test_a_broken_rules_file_is_refused_with_what_is_wrong(text, detail):
    folder = user_rules_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hong.toml").write_text(text, encoding="utf-8")
    with pytest.raises(HoinghiError) as err:
        get_rule_set("hong")
    assert err.value.code == "duty.rules_invalid"
    assert detail in err.value.params["detail"]
