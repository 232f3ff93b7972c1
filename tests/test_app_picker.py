"""The first screens, driven by keys: pick a meeting, create one, see its agenda."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from session.tui.app import HoinghiApp


async def test_opening_the_demo_meeting_shows_its_nine_step_agenda(store, demo_id, clock):
    app = HoinghiApp(store, meeting_id=demo_id, clock=clock)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        agenda = app.screen.query_one("#agenda", DataTable)
        assert agenda.row_count == 9
        assert "Tiến hành đối thoại" in [agenda.get_row_at(i)[1].plain for i in range(9)]
        header = str(app.screen.query_one("#title-bar", Static).render())
        assert "Hòa An" in header
        await pilot.press("q")
    assert app.return_code == 0


async def test_the_picker_lists_meetings_and_enter_opens_one(store, demo_id, finished_id, clock):
    app = HoinghiApp(store, clock=clock)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#meetings", DataTable)
        assert table.row_count == 2
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.meeting_id in (demo_id, finished_id)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#meetings", DataTable).row_count == 2


async def test_a_meeting_opened_at_start_leaves_by_esc_to_the_list_and_back(store, demo_id, finished_id, clock):
    from session.tui.screens.live import LiveScreen
    from session.tui.screens.picker import PickerScreen
    from tests.conftest import until

    app = HoinghiApp(store, meeting_id=demo_id, clock=clock)
    async with app.run_test(size=(120, 32)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LiveScreen))
        # Nothing was built beneath the console at start: only Textual's default screen.
        assert len(app.screen_stack) == 2
        assert not any(isinstance(screen, PickerScreen) for screen in app.screen_stack)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, PickerScreen))
        assert app.screen.query_one("#meetings", DataTable).row_count == 2
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, LiveScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, PickerScreen))
        await pilot.press("q")
    assert app.return_code == 0


async def test_creating_a_meeting_by_keys(store, clock):
    app = HoinghiApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#picker-empty").display
        await pilot.press("n")
        await pilot.pause()
        title = app.screen.query_one("#title")
        title.value = ""
        await pilot.press(*"Đối thoại quý I")
        await pilot.press("tab")  # to the venue field
        await pilot.press(*"Nhà văn hóa")
        await pilot.press("enter")  # no unit chosen, the office has none: refused, saying how
        await pilot.pause()
        error = str(app.screen.query_one("#form-error", Static).render())
        assert "Chưa có đơn vị hành chính của hội nghị" in error
        app.screen.set_focus(app.screen.query_one("#unit-search"))
        await pilot.press(*"ba don", "enter")  # the unit found without accents
        await pilot.pause()
        app.screen.set_focus(app.screen.query_one("#venue"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#agenda", DataTable).row_count == 9
    from session.domain.meetings import list_meetings

    [meeting] = list_meetings(store)
    assert meeting.title == "Đối thoại quý I" and meeting.venue == "Nhà văn hóa"


async def test_an_empty_title_is_refused_in_the_form_and_nothing_is_created(store, clock):
    app = HoinghiApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#title").value = "   "
        await pilot.press("enter")
        await pilot.pause()
        error = str(app.screen.query_one("#form-error", Static).render())
        assert "không được để trống" in error
    from session.domain.meetings import list_meetings

    assert list_meetings(store) == []


async def test_survey_and_particulars_keys_on_a_plans_heading_say_to_choose_a_meeting(make_app):
    """The cursor starts on the first meeting, under its plan's heading; moved up onto the
    heading, the survey and particulars keys ask for a meeting instead of failing, and work
    once a meeting row is chosen."""
    from session.tui.screens.picker import PickerScreen
    from session.tui.screens.survey import SurveyScreen
    from tests.conftest import until

    app = make_app("plan", meeting=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PickerScreen))
        table = app.screen.query_one("#meetings", DataTable)
        first = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        assert first == str(make_app.scene.meetings["main"])  # the ward plan's first meeting
        await pilot.press("up")
        heading = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        assert heading is not None and heading.startswith("plan-")
        await pilot.press("y", "e")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        said = [n.message for n in app._notifications]
        assert said.count("Chọn một hội nghị (không phải dòng tên kế hoạch) rồi bấm lại.") == 2
        await pilot.press("down", "y")
        await until(pilot, lambda: isinstance(app.screen, SurveyScreen))


async def test_leaving_a_meeting_puts_the_lists_cursor_on_it(make_app):
    """Esc from a meeting opened at start shows the list with that meeting under the
    cursor (not a plan's heading): Enter opens it again."""
    from session.tui.screens.live import LiveScreen
    from session.tui.screens.picker import PickerScreen
    from tests.conftest import until

    app = make_app("plan", meeting="ward-3")
    ward_3 = make_app.scene.meetings["ward-3"]
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LiveScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, PickerScreen))
        table = app.screen.query_one("#meetings", DataTable)
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == str(ward_3)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, LiveScreen) and app.screen.meeting_id == ward_3)


async def test_the_palette_of_the_meeting_list_speaks_vietnamese(store, demo_id, clock):
    from textual.command import CommandList

    from tests.conftest import until

    app = HoinghiApp(store, clock=clock)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.press("ctrl+p", *"tao hoi nghi")  # no accents needed
        commands = app.screen.query_one(CommandList)
        await until(pilot, lambda: commands.option_count > 0)
        shown = " ".join(str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count))
        assert "Tạo hội nghị mới" in shown and "cmd." not in shown
        await pilot.press(*"zzz")  # nothing by that name
        said = lambda: [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]  # noqa: E731
        await until(pilot, lambda: len(said()) == 1 and "Không tìm thấy thao tác nào" in said()[0])
        assert "No matches" not in said()[0]
