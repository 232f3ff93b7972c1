"""The screens around the meeting day, driven by keys: plans in the picker, what is due,
the invitation list and the door, the answers prepared before the meeting."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input, Select, Static, TextArea

from session.domain.duties import meeting_duties
from session.domain.meeting_details import meeting_details
from session.domain.participants import participants
from session.domain.plans import list_plans, plan_view
from session.domain.preparation import prepared_issues
from session.tui.app import HoinghiApp
from tests.planning_data import ward_plan
from tests.test_participants import invitation_sheet


def rows(table: DataTable) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_the_picker_groups_meetings_under_their_plan_and_k_opens_the_plans(store, demo_id, clock):
    plan, meetings = ward_plan(store)
    app = HoinghiApp(store, clock=clock)
    async with app.run_test(size=(130, 36)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#meetings", DataTable)
        listed = rows(table)
        assert listed[0][3] == "Kế hoạch 45/KH-UBND (3 hội nghị)"
        assert [r[0] for r in listed[1:4]] == [str(m) for m in meetings]  # in date order
        assert listed[4][3] == "Hội nghị không thuộc kế hoạch nào" and listed[5][0] == str(demo_id)
        await pilot.press("up", "enter")  # from the first meeting up to the plan's heading: the plan itself
        await pilot.pause()
        assert type(app.screen).__name__ == "PlansScreen"
        detail = str(app.screen.query_one("#plan-detail", Static).render())
        assert "trước 7 ngày" in detail and "Tổ dân phố Chí Linh 1, Chí Linh 2, Chí Linh 3" in detail
        await pilot.press("escape", "down", "enter")  # the first meeting opens as before
        await pilot.pause()
        assert app.screen.meeting_id == meetings[0]
    del plan


async def test_a_plan_is_created_and_given_a_meeting_by_keys(store, clock):
    from session.domain.settings import update_settings

    update_settings(store, at=clock(), unit_code="19009")  # the office's own unit: phường Ba Đồn
    app = HoinghiApp(store, clock=clock)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press("k")
        await pilot.pause()
        assert app.screen.query_one("#plans-empty").display
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"12/KH-UBND", "tab", *"15/01/2026", "tab", "tab")
        await pilot.press(*"Đối thoại với Nhân dân các thôn năm 2026", "tab", *"xã Điềm He", "tab", "tab")
        days = app.screen.query_one("#days-invitations", Input)
        assert days.value == "7" and app.focused is days
        days.value = "10"
        await pilot.press("enter")
        await pilot.pause()
        [plan] = list_plans(store)
        assert (plan.number, plan.issued_on, plan.year, plan.unit) == (
            "12/KH-UBND",
            date(2026, 1, 15),
            2026,
            "xã Điềm He",
        )
        assert plan_view(store, plan.id).figures["invitations"] == 10
        # M: a meeting in this plan; 10/3 is only five days ahead of Thu 5/3: the form says so.
        await pilot.press("m")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#plan", Select).value == plan.id
        form.query_one("#title", Input).value = "Đối thoại cụm thôn 1"
        form.query_one("#date", Input).value = "10/03/2026"
        form.query_one("#cluster", Input).value = "Thôn Nà Pàn, Bản Chu"
        form.query_one("#title", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        warnings = [n.message for n in app._notifications]
        assert any("sau 5 ngày nữa, chưa đủ 10 ngày" in m for m in warnings), warnings
        [meeting] = plan_view(store, plan.id).meetings
        assert (meeting.planned_date, meeting.localities) == (date(2026, 3, 10), "Thôn Nà Pàn, Bản Chu")
        # The plan is for xã Điềm He: so is the meeting (not the office's own unit), as
        # `hoinghi new --plan` makes it.
        from session.domain.meeting_details import meeting_details

        assert meeting_details(store, meeting.id).issuing_body == "ỦY BAN NHÂN DÂN XÃ ĐIỀM HE"


async def test_a_wrong_figure_keeps_the_plan_form_open_with_a_clear_line(store, clock):
    app = HoinghiApp(store, clock=clock)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press("k", "n")
        await pilot.pause()
        app.screen.query_one("#plan-title", Input).value = "Kế hoạch"
        app.screen.query_one("#days-notice", Input).value = "400"
        app.screen.query_one("#plan-title", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "notice: số ngày “400” không hợp lệ" in str(app.screen.query_one("#form-error", Static).render())
    assert list_plans(store) == []


async def test_what_is_due_is_listed_soonest_first_and_marked_done_with_a_note(store, clock):
    _plan, meetings = ward_plan(store)
    app = HoinghiApp(store, clock=clock)  # Thu 5/3/2026
    async with app.run_test(size=(130, 36)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        table = app.screen.query_one("#duties-table", DataTable)
        listed = rows(table)
        dues = [date(int(r[0][6:]), int(r[0][3:5]), int(r[0][:2])) for r in listed]
        assert dues == sorted(dues)
        # First: the report for the 12/3 meeting, due Mon 2/3, three days overdue.
        assert listed[0][:3] == ["02/03/2026", "Thứ Hai", "quá hạn 3 ngày"]
        assert "Tổ dân phố Chí Linh 1" in listed[0][3] and "Thường trực Đảng ủy" in listed[0][4]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#duty-day", Input).value == "05/03/2026"
        await pilot.press(*"Công văn 31/UBND", "enter")
        await pilot.pause()
        done = {d.key: d for d in meeting_duties(store, meetings[0])}["report_party"]
        assert (done.done_on, done.note) == (date(2026, 3, 5), "Công văn 31/UBND")
        assert len(rows(table)) == len(listed) - 1
        await pilot.press("u")
        await pilot.pause()
        assert {d.key: d for d in meeting_duties(store, meetings[0])}["report_party"].done_on is None
        assert len(rows(table)) == len(listed)


async def test_the_console_opens_the_meetings_preparation_and_the_door(store, clock, tmp_path):
    _plan, (meeting, *_rest) = ward_plan(store)
    sheet = invitation_sheet(
        tmp_path / "them.xlsx", rows=[[1, "Mai Văn Tú", "Bí thư", "Chi bộ tổ dân phố Chí Linh 3", None]]
    )
    app = HoinghiApp(store, meeting_id=meeting, clock=clock)
    async with app.run_test(size=(130, 36)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        duties = rows(app.screen.query_one("#duties-table", DataTable))
        assert len(duties) == 8 and duties[0][3].startswith("Báo cáo Thường trực")
        await pilot.press("p")
        await pilot.pause()
        assert "0/6 có mặt" in str(app.screen.query_one("#title-bar", Static).render())
        # At the door: a few letters without accents, Enter.
        await pilot.press("slash", *"lan chi linh", "enter")
        await pilot.pause()
        assert app.screen.query_one("#door-search", Input).value == ""
        assert [p.name for p in participants(store, meeting) if p.present] == ["Phạm Thị Lan"]
        groups = {g.name: (g.present, g.expected) for g in meeting_details(store, meeting).groups}
        assert groups["Đại biểu tổ dân phố"] == (1, 2)
        await pilot.press("escape")  # back to the list
        await pilot.pause()
        await pilot.press("space")  # the first on the list
        await pilot.pause()
        assert {p.name for p in participants(store, meeting) if p.present} == {"Phạm Thị Lan", "Nguyễn Văn Hùng"}
        # N: one more by hand; I: one more from a spreadsheet.
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(
            *"Hà Thị Thu", "tab", *"Chủ tịch", "tab", *"Ủy ban MTTQ phường", "tab", *"Đại biểu phường", "enter"
        )
        await pilot.pause()
        assert "Đã thêm Hà Thị Thu." in str(app.screen.query_one("#form-error", Static).render())
        await pilot.press("escape", "i")
        await pilot.pause()
        await pilot.press(*str(sheet), "enter")
        await pilot.pause()
        assert "1 đại biểu, 0 dòng lỗi" in str(app.screen.query_one("#import-result", Static).render())
        await pilot.press("enter")  # the Import button has the focus
        await pilot.pause()
        assert [p.name for p in participants(store, meeting)][-2:] == ["Hà Thị Thu", "Mai Văn Tú"]
        assert "2/8 có mặt" in str(app.screen.query_one("#title-bar", Static).render())


async def test_a_name_not_on_the_list_is_said_at_the_door(store, clock):
    _plan, (meeting, *_rest) = ward_plan(store)
    app = HoinghiApp(store, meeting_id=meeting, clock=clock)
    async with app.run_test(size=(130, 36)) as pilot:
        await pilot.press("j", "p")
        await pilot.pause()
        await pilot.press("slash", *"khong co ai", "enter")
        await pilot.pause()
        assert "Không có ai tên “khong co ai”" in str(app.screen.query_one("#participants-status", Static).render())
    assert not any(p.present for p in participants(store, meeting))


async def test_compiled_petitions_are_given_to_departments_from_the_meeting(store, clock):
    _plan, (meeting, *_rest) = ward_plan(store)
    app = HoinghiApp(store, meeting_id=meeting, clock=clock)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press("j", "k")
        await pilot.pause()
        table = app.screen.query_one("#prep-table", DataTable)
        assert [r[4] for r in rows(table)] == ["Chưa giao"] * 3
        await pilot.press("down", "enter")  # the road
        await pilot.pause()
        await pilot.press(*"Phòng Kinh tế, Hạ tầng và Đô thị", "tab")
        answer = app.screen.query_one("#prep-answer", TextArea)
        assert app.focused is answer
        await pilot.press(*"Đã đưa vào kế hoạch duy tu quý II.", "ctrl+s")
        await pilot.pause()
        assert [r[4] for r in rows(table)] == ["Chưa giao", "Đã có trả lời", "Chưa giao"]
        road = prepared_issues(store, meeting)[1]
        assert (road.preparer, road.answer) == (
            "Phòng Kinh tế, Hạ tầng và Đô thị",
            "Đã đưa vào kế hoạch duy tu quý II.",
        )
        assert "Đã đưa vào kế hoạch duy tu quý II." in str(app.screen.query_one("#prep-detail", Static).render())
        # Enter on the department alone: assigned, answer still to come.
        await pilot.press("up", "enter")
        await pilot.pause()
        await pilot.press(*"Phòng Kinh tế", "enter")
        await pilot.pause()
        assert [r[4] for r in rows(table)][0] == "Đang chuẩn bị"
        await pilot.press("x")
        await pilot.pause()
        assert app.screen.query_one("#export-briefing").value and not app.screen.query_one("#export-minutes").value
