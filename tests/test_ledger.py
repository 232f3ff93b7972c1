"""The issue ledger: issues from speeches, merges, answers, conclusions, deadlines, follow-up."""

from __future__ import annotations

from datetime import date

import pytest

from models.errors import Conflict, HoinghiError
from session.domain.calendar import deadline_for, set_office_day
from session.domain.followup import followup_items
from session.domain.ledger import (
    ConclusionDraft,
    default_deadline,
    ledger,
    open_items,
)
from session.domain.meetings import create_meeting
from session.domain.registrations import Slip
from session.domain.workdays import WorkCalendar
from tests.conftest import T0, desk

# Thursday 5 March 2026.
DAY = date(2026, 3, 5)


@pytest.fixture
def mid(store) -> int:
    return create_meeting(store, at=T0, title="Đối thoại", day=DAY)


def test_two_issues_recorded_from_one_speech(store, mid, clock):
    reg = desk(store, mid, clock).register(Slip("Lò Thị Mai", "Bản Chu", field="giao thông", summary=""))
    desk(store, mid, clock).start_meeting()
    desk(store, mid, clock).call_next()
    first = desk(store, mid, clock).add_issue("Đường ra xã lầy lội", raisers=[reg])
    second = desk(store, mid, clock).add_issue("Cầu tràn sạt lở", field="giao thông", raisers=[reg], in_scope=True)
    views = {v.id: v for v in ledger(store, mid)}
    assert [r.name for r in views[first].raisers] == ["Lò Thị Mai"]
    assert views[first].field == "giao thông"  # from the speaker's registration
    assert views[second].raisers == views[first].raisers


def test_merging_a_duplicate_keeps_every_raiser_and_can_be_split_back(store, mid, clock):
    a = desk(store, mid, clock).register(Slip("Hoàng Văn Páo", "Nà Pàn", field="đất đai", summary="Chậm cấp sổ đỏ"))
    b = desk(store, mid, clock).register(Slip("Mã Văn Lợi", "Phai Trác", field="đất đai", summary="Sổ đỏ chưa có"))
    issues = [v.id for v in ledger(store, mid)]
    desk(store, mid, clock).merge_issues(issues[0], [issues[1]])
    [merged] = ledger(store, mid)
    assert [r.registration_id for r in merged.raisers] == [a, b]
    assert merged.merged == (issues[1],)
    desk(store, mid, clock).split_issue(issues[1])
    views = ledger(store, mid)
    assert [[r.registration_id for r in v.raisers] for v in views] == [[a], [b]]


def test_an_official_answers_and_the_chair_concludes_with_a_computed_deadline(store, mid, clock):
    desk(store, mid, clock).register(Slip("Hoàng Văn Páo", "Nà Pàn", field="đất đai", summary="Chậm cấp sổ đỏ"))
    [issue] = ledger(store, mid)
    desk(store, mid, clock).record_answer(
        [issue.id],
        name="Triệu Văn Long",
        title="Trưởng phòng Kinh tế",
        agency="Phòng Kinh tế",
        summary="Hồ sơ đang thẩm định.",
    )
    due = default_deadline(store, mid)
    # Meeting Thu 5/3/2026: the notice is due 10 days later, Sunday 15/3, so Monday 16/3;
    # the reply 20 working days after that, Monday 13/4 (as `hoinghi duties` dates it).
    assert due == date(2026, 4, 13)
    desk(store, mid, clock).conclude(
        [issue.id],
        ConclusionDraft(
            "assigned",
            "Giao Phòng Kinh tế",
            "Phòng Kinh tế",
            "Trung tâm PVHCC",
            "Hoàn thiện hồ sơ",
            due,
            "Trả lời bằng văn bản",
        ),
    )
    [view] = ledger(store, mid)
    assert view.answers[0].answerer_name == "Triệu Văn Long"
    assert view.conclusion.outcome == "assigned" and view.conclusion.deadline == date(2026, 4, 13)
    with pytest.raises(HoinghiError):
        desk(store, mid, clock).conclude([issue.id], ConclusionDraft("assigned", lead_agency=""))


def test_grouped_answer_covers_several_issues_on_one_field(store, mid, clock):
    for name in ("An", "Bình", "Chi"):
        desk(store, mid, clock).register(Slip(name, field="đất đai", summary=f"Đất của {name}"))
    ids = [v.id for v in ledger(store, mid)]
    desk(store, mid, clock).record_answer(
        ids, name="Hoàng Văn Thắng", by_chair=True, summary="Trả lời chung về đất đai"
    )
    assert all(len(v.answers) == 1 and v.answers[0].by_chair for v in ledger(store, mid))


def test_closing_with_an_unconcluded_issue_needs_a_recorded_reason(store, mid, clock):
    desk(store, mid, clock).register(Slip("An", summary="Câu hỏi chưa trả lời"))
    desk(store, mid, clock).start_meeting()
    assert open_items(store, mid).count == 1
    with pytest.raises(Conflict) as err:
        desk(store, mid, clock).close_meeting()
    assert err.value.code == "meeting.unconcluded" and err.value.params["count"] == 1
    desk(store, mid, clock).close_meeting(reason="Hết giờ, sẽ trả lời bằng văn bản")
    from session.domain.meetings import meeting_view

    assert meeting_view(store, mid).status == "closed"


# --- working days across Vietnamese holidays ---------------------------------------------


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (date(2026, 2, 13), 10, date(2026, 3, 6)),  # Friday before Tết 2026 (16–20/2 off)
        (date(2026, 2, 13), 1, date(2026, 2, 23)),
        (date(2026, 4, 28), 3, date(2026, 5, 5)),  # 30/4 and 1/5 off, then the weekend
        (date(2026, 8, 28), 2, date(2026, 9, 4)),  # weekend, 31/8 (swap), 1/9 and 2/9 off: Thu 3/9, Fri 4/9
        (date(2026, 4, 24), 1, date(2026, 4, 28)),  # Giỗ Tổ Hùng Vương observed on Monday 27/4
    ],
)
def test_working_days_skip_weekends_and_public_holidays(start, days, expected):
    assert WorkCalendar().add_working_days(start, days) == expected


def test_an_office_day_off_and_a_working_saturday_count(store, clock):
    calendar_day = date(2026, 3, 9)  # a Monday the office is closed
    set_office_day(store, calendar_day, "off", "Bầu cử bổ sung", at=clock())
    set_office_day(store, date(2026, 3, 7), "work", "Làm bù", at=clock())

    # From Fri 6/3: Sat 7/3 (works) is day 1, Mon 9/3 (off) skipped, Tue 10/3 is day 2.
    assert deadline_for(store, date(2026, 3, 6), 2) == date(2026, 3, 10)


def test_followup_lists_assignments_and_flags_overdue(store, mid, clock):
    desk(store, mid, clock).register(Slip("Hoàng Văn Páo", "Thôn Nà Pàn", field="đất đai", summary="Chậm cấp sổ đỏ"))
    [issue] = ledger(store, mid)
    desk(store, mid, clock).conclude(
        [issue.id], ConclusionDraft("assigned", "", "Phòng Kinh tế", deadline=date(2026, 4, 16))
    )
    [item] = followup_items(store, date(2026, 4, 14))
    assert item.localities == "Thôn Nà Pàn" and item.working_days_left == 2 and not item.overdue
    [item] = followup_items(store, date(2026, 4, 20))
    assert item.working_days_left == -2 and item.overdue
    desk(store, mid, clock).update_followup(issue.id, "replied", reply_number="45/PKT", reply_date=date(2026, 4, 17))
    [item] = followup_items(store, date(2026, 4, 20))
    assert item.status == "replied" and not item.overdue and item.reply_number == "45/PKT"
    with pytest.raises(HoinghiError):
        desk(store, mid, clock).update_followup(issue.id, "extended")  # a reason is required


def test_undo_covers_the_ledger(store, mid, clock):
    desk(store, mid, clock).register(Slip("An", summary="Một"))
    desk(store, mid, clock).register(Slip("Bình", summary="Hai"))
    ids = [v.id for v in ledger(store, mid)]
    desk(store, mid, clock).merge_issues(ids[0], [ids[1]])
    desk(store, mid, clock).conclude([ids[0]], ConclusionDraft("answered", "Đã trả lời"))
    assert desk(store, mid, clock).undo().action == "issue.conclude"
    assert desk(store, mid, clock).undo().action == "issue.merge"
    assert len(ledger(store, mid)) == 2 and all(v.conclusion is None for v in ledger(store, mid))


def test_a_petition_forwarded_without_an_answer_does_not_hold_the_closing(store, mid, clock):
    """Forwarded to the province (or to be studied) is a conclusion: the meeting closes
    without asking for a reason; one answered but not concluded still holds it."""
    for name in ("An", "Bình"):
        desk(store, mid, clock).register(Slip(name, summary=f"Kiến nghị của {name}"))
    forwarded, answered = (v.id for v in ledger(store, mid))
    desk(store, mid, clock).start_meeting()
    desk(store, mid, clock).conclude([forwarded], ConclusionDraft("forwarded", "", forwarded_to="UBND tỉnh"))
    desk(store, mid, clock).record_answer([answered], name="Hoàng Văn Thắng", by_chair=True, summary="Đã rõ")
    assert open_items(store, mid).count == 1
    with pytest.raises(Conflict) as err:
        desk(store, mid, clock).close_meeting()
    assert err.value.params["count"] == 1
    desk(store, mid, clock).conclude([answered], ConclusionDraft("answered", "Đã trả lời tại hội nghị"))
    assert open_items(store, mid).count == 0
    desk(store, mid, clock).close_meeting()


def test_a_meeting_held_before_its_planned_day_counts_its_deadlines_from_the_day_held(store):
    """Planned for Thursday 26/11/2026, held on Tuesday 24/11 (started early, on purpose):
    the notice is due 10 days after the 24th (Friday 4/12) and the reply 20 working days
    after that, Monday 4/1/2027 past New Year's Day — the law counts from the meeting, not
    from the plan. Once the notice bears its date (Thursday 26/11), the replies count from
    it: Thursday 24/12, or 30 working days with verification, Friday 8/1/2027. The duties'
    list (`hoinghi duties`) and the follow-up say the same."""
    from dataclasses import replace
    from datetime import datetime

    from session.domain.duties import meeting_duties
    from session.domain.meeting_details import meeting_details, update_details

    mid = create_meeting(store, at=T0, title="Đối thoại", day=date(2026, 11, 26))
    desk(store, mid, lambda: datetime(2026, 11, 24, 8, 0)).start_meeting()

    def duty(key: str) -> date:
        return next(d.due for d in meeting_duties(store, mid) if d.key == key)

    assert duty("notice") == date(2026, 12, 4)
    assert default_deadline(store, mid) == duty("replies") == date(2027, 1, 4)
    details = meeting_details(store, mid)
    update_details(store, mid, replace(details, notice_date=date(2026, 11, 26)), at=datetime(2026, 11, 26, 9, 0))
    assert default_deadline(store, mid) == duty("replies") == date(2026, 12, 24)
    assert default_deadline(store, mid, verification=True) == duty("replies_verified") == date(2027, 1, 8)


def test_a_meeting_with_no_day_yet_counts_its_default_deadline_from_the_day_given(store):
    """The app's day, not the computer's: a screen under a test clock (or a laptop whose
    clock the app does not trust) counts as the app does."""
    mid = create_meeting(store, at=T0, title="Đối thoại chưa định ngày")
    # Thu 5/3/2026 + 10 days = Sun 15/3, so Mon 16/3; + 20 working days = Mon 13/4.
    assert default_deadline(store, mid, today=date(2026, 3, 5)) == date(2026, 4, 13)
    assert default_deadline(store, mid, today=date(2026, 3, 12)) > date(2026, 4, 13)
