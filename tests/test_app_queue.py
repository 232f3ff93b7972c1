"""The registration desk and the queue, driven by keys."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from session.domain.meetings import create_meeting, meeting_view
from session.domain.registrations import Slip, list_registrations
from session.tui.app import HoinghiApp
from session.tui.screens.import_screen import ImportScreen
from session.tui.screens.queue import COLUMN_WIDTHS, QueueScreen
from session.tui.widgets.queue_list import QueueList
from session.tui.widgets.queue_panel import QueuePanel
from tests.conftest import T0, desk, until

SLIPS = [
    ("Nguyễn Văn Đức", "Thôn Tân Lập", "Trợ cấp người cao tuổi chậm"),
    ("Lò Thị Mai", "Bản Chu", "Đường ra xã lầy lội"),
    ("Hoàng Văn Páo", "Nà Pàn", "Cấp giấy chứng nhận đất"),
    ("Vi Văn Dũng", "Khòn Cuổi", "Rác thải chưa thu gom"),
    ("Chu Thị Ngọc", "Pác Lùng", "Thiếu thuốc bảo hiểm y tế"),
    ("Đỗ Văn Thịnh", "Đồng Tâm", "Đua xe buổi tối"),
    ("Hà Thị Liên", "Nà Lầu", "Điểm trường mầm non dột"),
    ("Mã Văn Lợi", "Phai Trác", "Giá bồi thường đất"),
    ("Nông Văn Khải", "Nà Pàn", "Cầu tràn sạt lở"),
    ("Lương Thị Thoa", "Bản Chu", "Một cửa hướng dẫn chưa đủ"),
]


def text_of(app, selector) -> str:
    return str(app.screen.query_one(selector).render())


async def test_typing_ten_slips_at_the_desk(store, clock):
    mid = create_meeting(store, at=T0, title="Đối thoại")
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        for name, village, summary in SLIPS:
            await pilot.press(*name)
            await pilot.press("tab")
            await pilot.press(*village)
            await pilot.press("tab")
            await pilot.press(*summary)
            await pilot.press("enter")
            await pilot.pause()
            assert app.focused.id == "reg-name" and app.focused.value == ""
        assert "Đã ghi số 10: Lương Thị Thoa" in text_of(app, "#form-status")
        await pilot.press("escape")
        await pilot.pause()
        assert "10 người chờ" in text_of(app, "#floor-tally")
    regs = list_registrations(store, mid)
    assert [(r.name, r.locality, r.summary) for r in regs] == SLIPS
    assert all(r.source == "hall" and r.status == "waiting" for r in regs)


async def test_a_near_duplicate_slip_asks_before_adding(store, clock):
    mid = create_meeting(store, at=T0, title="Đối thoại")
    desk(store, mid, clock).register(Slip("Nguyễn Văn Đức", "Thôn Tân Lập"))
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"nguyen van duc", "tab", *"thon tan lap", "enter")
        await pilot.pause()
        assert "Đã có Nguyễn Văn Đức – Thôn Tân Lập (số 1)" in text_of(app, "#form-error")
        assert len(list_registrations(store, mid)) == 1
        await pilot.press("enter")  # yes, add anyway
        await pilot.pause()
    assert len(list_registrations(store, mid)) == 2


def _with_slips(store, clock) -> int:
    """A meeting under way (the floor is given only once it has started), five slips in."""
    mid = create_meeting(store, at=T0, title="Đối thoại")
    fields = ["đất đai", "y tế", "đất đai", "giáo dục", "y tế"]
    for (name, village, summary), field in zip(SLIPS, fields, strict=False):
        desk(store, mid, clock).register(Slip(name, village, field=field, summary=summary))
    desk(store, mid, clock).start_meeting()
    return mid


async def test_reorder_next_on_a_field_absent_and_requeue(store, clock):
    mid = _with_slips(store, clock)
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
        table = app.screen.query_one(QueueList)
        assert table.row_count == 5
        await pilot.press("down", "down", "down", "down", "t")  # Chu Thị Ngọc to the top
        await pilot.press("down", "shift+down")  # Nguyễn Văn Đức one down
        names = [r.name for r in list_registrations(store, mid)]
        assert names[:3] == ["Chu Thị Ngọc", "Lò Thị Mai", "Nguyễn Văn Đức"]
        await pilot.press("c")  # Chu Thị Ngọc speaks (y tế)
        await pilot.pause()
        table.move_cursor(0)  # the speaking row is on top
        assert table.get_row_at(0)[1].plain[2:] == "Chu Thị Ngọc"
        await pilot.press("v")  # next on the selected row's field: y tế
        speaking = [r.name for r in list_registrations(store, mid) if r.status == "speaking"]
        assert speaking == ["Lò Thị Mai"]
        await pilot.pause()
        assert "Đang phát biểu: Lò Thị Mai" in text_of(app, "#queue-status")
        # Called but not in the hall: to the end once, then marked absent.
        row = table.get_row_index(str(next(r.id for r in list_registrations(store, mid) if r.name == "Hoàng Văn Páo")))
        table.move_cursor(row)
        await pilot.press("m")  # vắng mặt
        await pilot.pause()
        regs = list_registrations(store, mid)
        assert [r.name for r in regs if r.status == "waiting"][-1] == "Hoàng Văn Páo"
        await pilot.press("m")
        await pilot.pause()
        assert next(r for r in list_registrations(store, mid) if r.name == "Hoàng Văn Páo").status == "absent"
        await pilot.press("x")  # back in the queue
        await pilot.pause()
        assert next(r for r in list_registrations(store, mid) if r.name == "Hoàng Văn Páo").status == "waiting"


async def test_search_ignores_accents_and_d(store, clock):
    mid = _with_slips(store, clock)
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("d", "slash")
        table = app.screen.query_one(QueueList)

        def names() -> list[str]:
            return [table.get_row_at(i)[1].plain[2:] for i in range(table.row_count)]

        await pilot.press(*"nguyen")
        await until(pilot, lambda: names() == ["Nguyễn Văn Đức"])  # the list follows the search
        search = app.screen.query_one("#queue-search", Input)
        search.value = ""
        await pilot.press(*"duc")
        # "giáo dục" matches too
        await until(pilot, lambda: "Nguyễn Văn Đức" in names() and "Vi Văn Dũng" in names())
        search.value = "nguyen van duc"
        await until(pilot, lambda: names() == ["Nguyễn Văn Đức"])
        search.value = "dat"
        await until(pilot, lambda: {table.get_row_at(i)[3].plain for i in range(table.row_count)} == {"đất đai"})


async def test_countdown_warns_30_seconds_before_and_shows_overrun(store, clock):
    mid = _with_slips(store, clock)
    desk(store, mid, clock).set_limits(120, {})
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        clock.advance(seconds=60)
        app.screen.tick()
        assert "Còn 1:00" in text_of(app, "#speaker-clock")
        clock.advance(seconds=35)
        app.screen.tick()
        assert "CÒN 25 GIÂY" in text_of(app, "#speaker-clock")
        await pilot.press("space")  # an interruption: the clock stops
        clock.advance(seconds=300)
        app.screen.tick()
        clock_text = text_of(app, "#speaker-clock")
        assert "TẠM DỪNG" in clock_text and "CÒN 25 GIÂY" in clock_text
        await pilot.press("space")
        clock.advance(seconds=70)
        app.screen.tick()
        assert "+0:45" in text_of(app, "#speaker-clock") and "QUÁ GIỜ 0:45" in text_of(app, "#speaker-clock")
        panel = app.screen.query_one(QueuePanel)
        assert "Công dân 2:45" in str(panel.query_one("#floor-tally").render())


async def test_a_letter_means_on_the_list_what_it_means_on_the_console(store, clock):
    """The assistant goes back and forth between the console and the list: C calls and F
    ends a speech on both, and the list's own actions take letters that only open a screen
    on the console (M vắng mặt, L lọc, O nhóm; Del rút), so the console's keys that act at
    once (A answer, W notes, N/B/G/S steps, K close) mark nobody and move nothing here."""
    mid = _with_slips(store, clock)
    app = HoinghiApp(store, meeting_id=mid, clock=clock)

    def status(name: str) -> str:
        return next(r.status for r in list_registrations(store, mid) if r.name == name)

    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("d", "c")
        await until(pilot, lambda: status("Nguyễn Văn Đức") == "speaking")
        await pilot.press("f")  # as on the console
        await until(pilot, lambda: status("Nguyễn Văn Đức") == "done")
        table = app.screen.query_one(QueueList)
        table.move_cursor(
            table.get_row_index(str(next(r.id for r in list_registrations(store, mid) if r.name == "Lò Thị Mai")))
        )
        step = meeting_view(store, mid).current_item_id
        await pilot.press("a", "w", "n", "b", "g", "s", "k")
        await pilot.pause()
        assert status("Lò Thị Mai") == "waiting"
        assert meeting_view(store, mid).current_item_id == step and isinstance(app.screen, QueueScreen)
        await pilot.press("delete")
        await until(pilot, lambda: status("Lò Thị Mai") == "withdrawn")
        await pilot.press("l")  # the first field on the list: đất đai
        await until(pilot, lambda: app.screen.field_filter == "đất đai")
        assert {app.screen.views[int(key)].field for key in table.order} == {"đất đai"}
        await pilot.press("o")
        await until(pilot, lambda: app.screen.grouped)


async def test_what_the_list_does_not_show_is_said(store, clock):
    """C while someone speaks ends that speech before calling: the message names both, on
    the list and on the console; + and − change a time the list has no column for: said."""
    mid = _with_slips(store, clock)
    app = HoinghiApp(store, meeting_id=mid, clock=clock)

    def said() -> str:
        return " ".join(n.message for n in app._notifications)

    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("d", "c")
        await until(pilot, lambda: any(r.status == "speaking" for r in list_registrations(store, mid)))
        await pilot.press("c")
        await until(pilot, lambda: "Kết thúc lượt nói của Nguyễn Văn Đức; mời Lò Thị Mai." in said())
        table = app.screen.query_one(QueueList)
        waiting = next(r for r in list_registrations(store, mid) if r.name == "Vi Văn Dũng")
        table.move_cursor(table.get_row_index(str(waiting.id)))
        await pilot.press("plus")
        await until(pilot, lambda: f"Số {waiting.position} Vi Văn Dũng: được nói 3:30." in said())
        await pilot.press("escape", "c")  # the console says it the same way
        await until(pilot, lambda: "Kết thúc lượt nói của Lò Thị Mai; mời Hoàng Văn Páo." in said())


async def test_grouped_by_field_the_fields_come_in_the_order_of_the_alphabet(store, clock):
    """ "đất đai" before "giáo dục" before "y tế" (by code point "đ" comes after "y")."""
    from models.text import fold

    mid = _with_slips(store, clock)
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("d", "o")
        await until(pilot, lambda: isinstance(app.screen, QueueScreen) and app.screen.grouped)
        table = app.screen.query_one(QueueList)
        fields = list(dict.fromkeys(app.screen.views[int(key)].field for key in table.order))
    assert fields == ["đất đai", "giáo dục", "y tế"] == sorted(fields, key=fold)


async def test_the_floor_goes_to_an_official_and_the_tally_counts_it(store, clock):
    from session.domain.demo import create_demo

    mid = create_demo(store, at=clock())
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("n", "c")  # the meeting starts, the first speaker is called
        clock.advance(seconds=150)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # the third answerer on the list
        await pilot.pause()
        clock.advance(seconds=100)
        app.screen.tick()
        assert "Đang trả lời:" in text_of(app, "#speaker-clock")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Sẽ cấp giấy trong tháng 12", "enter")
        await pilot.pause()
        tally = text_of(app, "#floor-tally")
        assert "Công dân 2:30 (60%)" in tally and "Cán bộ 1:40" in tally


async def test_importing_the_compiled_list_from_the_queue_screen(store, clock, tmp_path):
    from tests.sheets import compiled_list, with_bad_types

    mid = create_meeting(store, at=T0, title="Đối thoại")
    bad = with_bad_types(tmp_path / "sai.xlsx")
    good = compiled_list(tmp_path / "dung.xlsx")
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, QueueScreen))
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, ImportScreen))
        app.screen.query_one("#import-path", Input).value = str(bad)
        await pilot.press("enter")
        await until(pilot, lambda: "Dòng 7, cột B: Họ và tên" in text_of(app, "#import-summary"))
        assert "Dòng 9, cột E: Nội dung" in text_of(app, "#import-summary")
        assert app.screen.query_one("#run").disabled
        app.screen.query_one("#import-path", Input).value = str(good)
        await pilot.press("enter")
        await until(pilot, lambda: "Sẽ nhập 3 kiến nghị; bỏ qua 5 dòng; 0 dòng lỗi" in text_of(app, "#import-summary"))
        await until(pilot, lambda: app.screen.query_one("#import-progress").percentage == 1.0)
        app.screen.query_one("#run").press()
        await until(pilot, lambda: "Đã nhập 3 người đăng ký" in text_of(app, "#import-summary"))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, QueueScreen))
        await until(pilot, lambda: app.screen.query_one(QueueList).row_count == 3)
    assert [r.name for r in list_registrations(store, mid)] == ["Hoàng Văn Páo", "Lăng Thị Mỵ", "Nguyễn Văn Đức"]


@pytest.mark.every_frame  # what is drawn again after a change
async def test_after_an_action_only_the_touched_rows_are_rendered_again(store, clock):
    mid = _with_slips(store, clock)
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        table = app.screen.query_one(QueueList)
        before = dict(table._strips)
        assert len(before) == 5
        await pilot.press("c")  # the first speaker's row changes; the others only move
        await pilot.pause()
        first = str(list_registrations(store, mid)[0].id)
        kept = [key for key, strip in table._strips.items() if before.get(key) is strip]
        assert first not in kept and len(kept) == 4
        assert table.get_row_at(0)[4].plain == "đang nói"


def _burst(app, *keys: str) -> None:
    """Queue keys the way a terminal delivers a fast typist's burst (or a paste of key
    presses): all at once, before the app has handled the first."""
    from textual import events

    for key in keys:
        char = key if len(key) == 1 else {"tab": "\t", "enter": "\r"}.get(key)
        name = {" ": "space", "-": "minus"}.get(key, key)
        app.post_message(events.Key(name, char))


async def test_slips_typed_faster_than_the_screen_keeps_up_land_in_their_fields(store, clock):
    mid = create_meeting(store, at=T0, title="Đối thoại")
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        keys: list[str] = []
        for name, village, summary in SLIPS[:4]:
            keys += [*name, "tab", *village, "tab", *summary, "enter"]
        keys += [*"Lò Văn Sinh", "tab", *"Nà"]  # the next slip, still being typed
        _burst(app, *keys)
        await until(pilot, lambda: len(list_registrations(store, mid)) == 4)
        await until(pilot, lambda: app.screen.query_one("#reg-locality", Input).value == "Nà")
        assert app.screen.query_one("#reg-name", Input).value == "Lò Văn Sinh"
        assert app.screen.query_one("#reg-summary", Input).value == ""
    regs = list_registrations(store, mid)
    assert [(r.name, r.locality, r.summary) for r in regs] == SLIPS[:4]


async def test_each_slip_starts_with_no_field_carried_over_from_the_last(store, clock):
    """A slip filed under "giao thông" does not silently file the next one there too."""
    from textual.widgets import Select

    from session.tui.screens.registration_form import RegistrationForm

    mid = create_meeting(store, at=T0, title="Đối thoại")
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, RegistrationForm))
        field = app.screen.query_one("#reg-field", Select)
        default = field.value
        field.value = "giao thông"
        await pilot.press(*"Lò Văn Pàng", "tab", *"Bản Chu", "tab", *"Đường xuống cấp", "enter")
        await until(pilot, lambda: len(list_registrations(store, mid)) == 1)
        await until(pilot, lambda: app.focused is not None and app.focused.id == "reg-name")
        assert field.value == default != "giao thông"
        await pilot.press(*"Lò Thị Mai", "tab", *"Bản Chu", "tab", *"Đèn đường", "enter")
        await until(pilot, lambda: len(list_registrations(store, mid)) == 2)
    assert [r.field for r in list_registrations(store, mid)] == ["giao thông", default]


async def test_enter_on_a_dropdown_opens_it_until_a_choice_is_made_then_saves_the_slip(store, clock):
    """Tabbing to a slip's dropdown, Enter opens it (its preset "khác" is nobody's choice);
    Enter there chooses; Enter again, on the dropdown now chosen in, saves the slip as it
    does in the text fields (it used to open the list again)."""
    from textual.widgets import Select

    from session.tui.screens.registration_form import RegistrationForm

    mid = create_meeting(store, at=T0, title="Đối thoại")
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, RegistrationForm))
        await pilot.press(*"Lò Văn Pàng", "tab", *"Bản Chu", "tab", *"Đường xuống cấp", "tab")
        field = app.screen.query_one("#reg-field", Select)
        assert app.focused is field
        await pilot.press("enter")
        await until(pilot, lambda: field.expanded)
        assert len(list_registrations(store, mid)) == 0  # opening saved nothing
        await pilot.press("home", "enter")  # the first field on the list
        await until(pilot, lambda: not field.expanded)
        chosen = field.value
        assert len(list_registrations(store, mid)) == 0  # choosing saved nothing
        await pilot.press("enter")
        await until(pilot, lambda: len(list_registrations(store, mid)) == 1)
    (slip,) = list_registrations(store, mid)
    assert (slip.name, slip.field) == ("Lò Văn Pàng", chosen)


async def test_enter_on_a_conclusion_with_no_outcome_opens_the_choice(store, clock):
    """The outcome is never saved unchosen: on an empty dropdown Enter opens it."""
    from textual.widgets import Select

    from session.tui.screens.ledger import LedgerScreen
    from session.tui.screens.ledger_forms import ConclusionForm

    mid = _with_slips(store, clock)
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, LedgerScreen))
        await pilot.press("k")
        await until(pilot, lambda: isinstance(app.screen, ConclusionForm))
        outcome = app.screen.query_one("#c-outcome", Select)
        outcome.focus()
        await pilot.press("enter")
        await until(pilot, lambda: outcome.expanded)
        assert isinstance(app.screen, ConclusionForm)


async def test_a_message_about_a_slip_goes_once_the_slip_is_corrected(store, clock):
    """ "Họ và tên: không được để trống" goes as soon as a name is typed; a near-duplicate
    warning goes when the slip is changed, and is asked again, not added unasked."""
    from session.tui.screens.registration_form import RegistrationForm

    mid = create_meeting(store, at=T0, title="Đối thoại")
    desk(store, mid, clock).register(Slip("Nguyễn Văn Đức", "Thôn Tân Lập"))
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, RegistrationForm))
        await pilot.press("enter")
        await until(pilot, lambda: "không được để trống" in text_of(app, "#form-error"))
        await pilot.press(*"nguyen van duc")
        await until(pilot, lambda: text_of(app, "#form-error") == "")
        await pilot.press("tab", *"thon tan lap", "enter")
        await until(pilot, lambda: "Đã có Nguyễn Văn Đức" in text_of(app, "#form-error"))
        await pilot.press("tab", *"Hỏi về đất", "enter")
        await until(pilot, lambda: "Đã có Nguyễn Văn Đức" in text_of(app, "#form-error"))
        assert len(list_registrations(store, mid)) == 1  # changed after the warning: asked again
        await pilot.press("enter")
        await until(pilot, lambda: len(list_registrations(store, mid)) == 2)


async def test_esc_on_a_half_written_slip_warns_first_and_a_second_esc_drops_it(store, clock):
    from session.tui.screens.registration_form import RegistrationForm

    mid = create_meeting(store, at=T0, title="Đối thoại")
    app = HoinghiApp(store, meeting_id=mid, clock=clock, mode="desk")
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, RegistrationForm))
        await pilot.press("escape")  # nothing typed: it closes at once
        await until(pilot, lambda: isinstance(app.screen, QueueScreen))
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, RegistrationForm))
        await pilot.press(*"Lò Văn Pàng", "tab", *"Bản Chu", "escape")
        await pilot.pause()
        assert isinstance(app.screen, RegistrationForm)  # still there, with what was typed
        assert app.screen.query_one("#reg-name", Input).value == "Lò Văn Pàng"
        assert "Đang nhập dở, chưa lưu" in " ".join(str(n.message) for n in app._notifications)
        await pilot.press("tab", *"Đường xuống cấp", "escape")  # typed more: warned again
        await pilot.pause()
        assert isinstance(app.screen, RegistrationForm)
        await pilot.press("escape")  # a second Esc: the slip is dropped
        await until(pilot, lambda: isinstance(app.screen, QueueScreen))
    assert list_registrations(store, mid) == []


def test_on_a_narrow_screen_the_columns_give_the_summary_room_down_to_their_floors():
    from session.tui.screens.queue import COLUMN_FLOORS
    from session.tui.widgets.queue_list import LAST_AT_LEAST, fit_widths

    natural = list(COLUMN_WIDTHS)
    assert fit_widths(natural, COLUMN_FLOORS, 120) == natural  # room enough: as designed
    at_90 = fit_widths(natural, COLUMN_FLOORS, 90)
    assert 90 - sum(at_90[:-1]) == LAST_AT_LEAST and at_90[0] == 6 and at_90[4] == 11  # number, status kept
    assert fit_widths(natural, COLUMN_FLOORS, 80)[:-1] == list(COLUMN_FLOORS)  # all at their floors
    assert fit_widths(natural, COLUMN_FLOORS, 60)[:-1] == list(COLUMN_FLOORS)  # never below them
