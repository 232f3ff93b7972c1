"""The live console driven by keys, as the secretary uses it."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList, TextArea

from session.domain.meetings import meeting_view
from session.domain.registrations import list_registrations
from session.tui.app import HoinghiApp
from session.tui.palette import screen_actions
from session.tui.widgets.agenda_table import AgendaTable
from session.tui.widgets.clock_bar import ClockBar
from tests.conftest import until


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def searched(app) -> bool:
    """The command palette has finished looking for what was typed."""
    return all(worker.is_finished for worker in app.workers)


def current_position(store, mid) -> int | None:
    step = meeting_view(store, mid).current_step
    return step.position if step else None


@pytest.fixture
def app(store, demo_id, clock):
    return HoinghiApp(store, meeting_id=demo_id, clock=clock)


async def test_c_before_the_meeting_starts_says_so_and_calls_nobody(app, store, demo_id):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        shown = " ".join(n.message for n in app._notifications)
        assert "Hội nghị chưa bắt đầu" in shown and "phím N" in shown
        assert meeting_view(store, demo_id).status == "planned"
        assert "speaking" not in [r.status for r in list_registrations(store, demo_id)]


async def test_n_starts_the_meeting_then_moves_step_by_step(app, store, demo_id, clock):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        assert meeting_view(store, demo_id).status == "running"
        assert current_position(store, demo_id) == 1
        clock.advance(minutes=12)
        await pilot.press("n")
        await pilot.pause()
        assert current_position(store, demo_id) == 2
        row = app.screen.query_one(AgendaTable).get_row_at(0)
        assert row[0].plain.strip() == "✓ 1" and row[3].plain == "12′ vượt 2"
        assert "Bước 2:" in text_of(app, ClockBar)


async def test_back_jump_and_undo(app, store, demo_id, clock):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "n", "n")
        assert current_position(store, demo_id) == 3
        await pilot.press("b")
        assert current_position(store, demo_id) == 2
        await pilot.press("down", "down", "down", "down", "g")  # cursor to step 6
        assert current_position(store, demo_id) == 6
        await pilot.press("u")
        assert current_position(store, demo_id) == 2
        await pilot.pause()
        assert "Đã hoàn tác" in " ".join(n.message for n in app._notifications)


async def test_insert_edit_reorder_and_skip_by_keys(app, store, demo_id, clock):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*"Văn nghệ chào mừng")
        await pilot.press("enter")
        await pilot.pause()
        titles = [s.title for s in meeting_view(store, demo_id).agenda]
        assert titles[1] == "Văn nghệ chào mừng" and len(titles) == 10
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#step-minutes-input").value = "7"
        await pilot.press("enter")
        await pilot.pause()
        assert meeting_view(store, demo_id).agenda[1].planned_minutes == 7
        await pilot.press("shift+down")
        assert meeting_view(store, demo_id).agenda[2].title == "Văn nghệ chào mừng"
        await pilot.press("s")
        assert meeting_view(store, demo_id).agenda[2].skipped
        await pilot.press("u", "u", "u", "u")
        assert len(meeting_view(store, demo_id).agenda) == 9


async def test_a_step_with_an_empty_title_is_refused_in_the_form(app, store, demo_id):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("space", "enter")
        await pilot.pause()
        assert "không được để trống" in text_of(app, "#form-error")
        await pilot.press("escape")
    assert len(meeting_view(store, demo_id).agenda) == 9


async def test_recess_pauses_the_clock_and_resume_continues(app, store, demo_id, clock):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        clock.advance(minutes=4)
        await pilot.press("p")
        await pilot.pause()
        clock.advance(minutes=20)
        app.screen.tick()
        bar = text_of(app, ClockBar)
        assert "TẠM NGHỈ" in bar and "Hội nghị 4:00" in bar
        await pilot.press("ctrl+r")
        await pilot.pause()
        clock.advance(minutes=1)
        app.screen.tick()
        assert "Hội nghị 5:00" in text_of(app, ClockBar)
        await pilot.press("u")  # undo the resume: back in recess
        assert meeting_view(store, demo_id).status == "recess"


async def test_close_asks_first_then_closes(store, clock):
    from session.domain.meetings import create_meeting

    mid = create_meeting(store, at=clock(), title="Họp không có kiến nghị", day=clock().date())
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        clock.advance(minutes=30)
        await pilot.press("k")
        await pilot.pause()
        assert "Bước đang diễn ra sẽ được đóng lại" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("n")  # "no"
        await pilot.pause()
        assert meeting_view(store, mid).status == "running"
        for _ in meeting_view(store, mid).agenda:
            await pilot.press("ctrl+n")  # every step done: none is under way any more
        await pilot.pause()
        assert meeting_view(store, mid).current_step is None or meeting_view(store, mid).current_step.ended_at
        await pilot.press("k")
        await pilot.pause()
        question = str(app.screen.query_one(".dialog-title").render())
        assert question.startswith("Kết thúc hội nghị lúc") and "Bước đang diễn ra" not in question
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        view = meeting_view(store, mid)
        assert view.status == "closed" and view.actual_end == clock()
        assert "kết thúc lúc" in text_of(app, ClockBar)


async def test_closing_with_open_petitions_asks_for_a_reason(app, store, demo_id, clock):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.press("k")
        await pilot.pause()
        assert "Còn 25 kiến nghị chưa có kết luận" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("escape")
        await pilot.pause()
        assert meeting_view(store, demo_id).status == "running"
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("enter")  # no reason yet: said so, nothing closes
        await pilot.pause()
        assert "Hãy ghi lý do trước khi bấm Enter" in text_of(app, "#form-error")
        assert meeting_view(store, demo_id).status == "running"
        await pilot.press(*"Hết giờ, trả lời bằng văn bản", "enter")
        await pilot.pause()
    from models.tables import Meeting

    with store.read() as s:
        meeting = s.get(Meeting, demo_id)
        assert meeting.status == "closed" and meeting.close_reason == "Hết giờ, trả lời bằng văn bản"


async def test_notes_are_autosaved_while_typing_and_ctrl_n_works_from_the_notes(app, store, demo_id, clock):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "w")
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"Khai mạc đúng giờ")
        await until(pilot, lambda: meeting_view(store, demo_id).agenda[0].notes == "Khai mạc đúng giờ")  # autosaved
        await pilot.press(*", đủ thành phần")
        await pilot.press("ctrl+n")  # saves the notes, moves to step 2
        view = meeting_view(store, demo_id)
        assert view.agenda[0].notes == "Khai mạc đúng giờ, đủ thành phần"
        assert view.current_step.position == 2
        await pilot.pause()
        assert app.screen.query_one("#notes", TextArea).text == ""


async def test_esc_then_a_key_read_as_one_alt_key_leaves_the_notes_and_acts(app, store, demo_id, clock):
    from textual import events

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "w", *"Khai mạc")
        app.post_message(events.Key("alt+n", "n"))  # what the terminal reads for Esc, n typed quickly
        await until(pilot, lambda: meeting_view(store, demo_id).current_step.position == 2)
        view = meeting_view(store, demo_id)
        assert view.agenda[0].notes == "Khai mạc"
        assert view.current_step.position == 2
        assert isinstance(app.focused, AgendaTable)


async def test_notes_that_cannot_be_saved_stay_on_screen_and_hold_the_step(app, store, demo_id, clock):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "w")
        await pilot.press(*"Khai mạc")
        await until(pilot, lambda: meeting_view(store, demo_id).agenda[0].notes == "Khai mạc")  # autosaved
        notes = app.screen.query_one("#notes", TextArea)
        notes.insert(" và " + "rất dài " * 2_600)  # a paste past the 20,000-character limit
        await until(pilot, lambda: "CHƯA LƯU" in text_of(app, "#notes-status"))
        assert "quá dài" in text_of(app, "#notes-status")
        await pilot.press("ctrl+n")  # the next step would replace the notes on screen: refused
        await pilot.pause()
        view = meeting_view(store, demo_id)
        assert view.current_step.position == 1
        assert view.agenda[0].notes == "Khai mạc"  # the store kept the last good save
        assert notes.text.startswith("Khai mạc và rất dài") and len(notes.text) > 20_000
        await pilot.press("ctrl+q")  # quitting would throw them away: asks first
        await pilot.pause()
        assert app.is_running and app.screen.query_one("#notes", TextArea) is notes
        await pilot.press("escape", "down")  # looking at the next step would replace them too
        await pilot.pause()
        assert app.screen.shown_step_id == view.agenda[0].id
        assert app.screen.query_one(AgendaTable).selected_step_id() == view.agenda[0].id
        assert len(notes.text) > 20_000
        await pilot.press("w")
        await pilot.press("ctrl+z")  # the secretary takes the paste back
        await until(pilot, lambda: "đã lưu" in text_of(app, "#notes-status"))
        await pilot.press("ctrl+n")
        await pilot.pause()
        view = meeting_view(store, demo_id)
        assert view.current_step.position == 2
        assert view.agenda[0].notes == "Khai mạc" and view.agenda[1].notes == ""


async def test_a_reason_refused_by_a_locked_database_stays_typed_in_the_form(db_path, clock, monkeypatch):
    import sqlite3

    from textual.widgets import Input

    from models.store import Store
    from models.tables import Meeting
    from session.domain.demo import create_demo
    from session.tui.screens.dialogs import ReasonScreen

    monkeypatch.setenv("HOINGHI_BUSY_MS", "200")
    store = Store.open(str(db_path))
    mid = create_demo(store, at=clock())
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "k")
        await pilot.pause()
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        await pilot.press(*"Hết giờ, trả lời bằng văn bản", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReasonScreen)
        assert app.screen.query_one("#reason", Input).value == "Hết giờ, trả lời bằng văn bản"
        assert "đang bị chương trình khác khóa" in text_of(app, "#form-error")
        other.execute("ROLLBACK")
        other.close()
        await pilot.press("enter")  # the same text, once more
        await pilot.pause()
        assert not isinstance(app.screen, ReasonScreen)
    with store.read() as s:
        meeting = s.get(Meeting, mid)
        assert meeting.status == "closed" and meeting.close_reason == "Hết giờ, trả lời bằng văn bản"
    store.close()


async def test_an_answer_summary_refused_stays_typed_in_the_form(store, clock):
    from textual.widgets import Input

    from session.domain.demo import create_demo
    from session.tui.screens.answer import AnswerEndScreen

    mid = create_demo(store, at=clock())
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("n", "c")  # the meeting starts, the first speaker is called
        clock.advance(seconds=60)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")  # the chair answers
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        summary = app.screen.query_one("#answer-summary", Input)
        summary.insert_text_at_cursor("Sẽ cấp giấy " * 2_000)  # pasted: past the 20,000-character limit
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AnswerEndScreen)
        assert "quá dài" in text_of(app, "#form-error")
        assert summary.value.startswith("Sẽ cấp giấy Sẽ cấp giấy")
        summary.value = ""
        await pilot.press(*"Sẽ cấp giấy trong tháng 12", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, AnswerEndScreen)
    from session.domain.ledger import ledger

    answers = [a.summary for item in ledger(store, mid) for a in item.answers]
    assert "Sẽ cấp giấy trong tháng 12" in answers


async def test_ctrl_t_inserts_a_standard_phrase_with_the_chairs_name(store, clock):
    from session.domain.demo import create_demo

    mid = create_demo(store, at=clock())
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "n", "n")  # step 3: opening speech
        await pilot.press("ctrl+t")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        options.highlighted = 3
        await pilot.press("enter")
        await until(pilot, lambda: meeting_view(store, mid).agenda[2].notes != "")  # autosaved
    notes = meeting_view(store, mid).agenda[2].notes
    assert notes.startswith("Đồng chí Hoàng Văn Thắng – Chủ tịch UBND xã phát biểu khai mạc")


async def test_f1_lists_every_key_and_the_palette_lists_actions_by_name(app):
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        help_text = text_of(app, "#help-keys")
        for label in ("Bước tiếp", "Tạm nghỉ", "Hoàn tác", "Chèn bước", "Bỏ qua bước", "Ctrl+N"):
            assert label in help_text
        await pilot.press("escape")
        commands = [a.title() for a in screen_actions(app.screen)]
        assert {"Bước tiếp", "Kết thúc", "Câu mẫu", "Xuất văn bản"} <= set(commands)


async def test_the_palette_finds_a_command_typed_without_accents(app):
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"xuat")
        await until(pilot, lambda: searched(app))
        found = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert found and "Xuất văn bản" in found[0]
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "ExportScreen")
        # Vietnamese throughout: Textual's own English commands are not offered.
        await pilot.press("escape", "ctrl+p")
        await pilot.press(*"theme")
        await until(pilot, lambda: searched(app))
        assert [str(o.prompt) for o in app.screen.query_one(OptionList).options if "heme" in str(o.prompt)] == []


async def test_english_is_selectable(english, store, demo_id, clock):
    app = HoinghiApp(store, meeting_id=demo_id, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert "Meeting 0:00" in text_of(app, ClockBar)
        assert "Step 1 · under way" in text_of(app, "#step-heading")
        assert "Next step" in [a.title() for a in screen_actions(app.screen)]
        assert "Next step" in [b.description for b in app.screen._bindings.key_to_bindings["ctrl+n"]]


async def test_export_screen_writes_the_documents_and_lists_their_paths(store, clock, tmp_path):
    from session.domain.demo import create_demo

    mid = create_demo(store, at=clock(), finished=True)
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(110, 44)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#export-folder").value = str(tmp_path / "van-ban")
        app.screen.query_one("#export-followup").value = True
        app.screen.query_one("#run").press()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        result = str(app.screen.query_one("#export-result").render())
        assert "Đã ghi 3 tệp" in result
        assert not app.screen.query_one("#open").disabled
        app.screen.query_one("#run").press()  # again: nothing is overwritten without asking
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = str(app.screen.query_one("#export-result").render())
        assert "đã có; không ghi đè" in said and "Ghi đè tệp đã có" in said and "--force" not in said
        await pilot.press("escape", "x")  # the next export offers the folder this one went to
        await until(pilot, lambda: app.screen.query("#export-folder"))
        assert app.screen.query_one("#export-folder").value == str(tmp_path / "van-ban")
    names = sorted(p.name for p in (tmp_path / "van-ban").iterdir())
    where = f"{mid}-xa-hoa-an-04-03-2026"  # which meeting, whose and when
    assert names == [f"bien-ban-hoi-nghi-{where}.docx", f"theo-doi-{where}.xlsx", f"thong-bao-ket-luan-{where}.docx"]


async def test_a_closed_meeting_does_not_invite_calling_the_next_speaker(store, finished_id, clock):
    """After the meeting (everyone heard, the meeting closed) the floor says the meeting
    is closed, not "press C to call the next one"."""
    app = HoinghiApp(store, meeting_id=finished_id, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: "kết thúc" in str(app.screen.query_one("#speaker-now").render()))
        said = str(app.screen.query_one("#speaker-now").render())
        assert said == "Hội nghị đã kết thúc." and "Bấm C" not in said


async def test_a_meeting_closed_with_people_waiting_says_so_and_forecasts_nothing(store, demo_id, clock):
    from tests.conftest import desk

    console = desk(store, demo_id, clock)
    console.start_meeting()
    console.call_next()
    clock.advance(minutes=20)
    console.close_meeting("Hết giờ, văn phòng tổng hợp sau.")
    waiting = sum(1 for r in list_registrations(store, demo_id) if r.status == "waiting")
    app = HoinghiApp(store, meeting_id=demo_id, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: "kết thúc" in text_of(app, "#speaker-now"))
        assert text_of(app, "#speaker-now") == f"Hội nghị đã kết thúc; {waiting} người đăng ký chưa được phát biểu."
        assert "Tiếp theo" not in text_of(app, "#speaker-next")  # nobody is next any more
        assert "người chờ" not in text_of(app, "#floor-tally")
        clock_bar = str(app.screen.query_one(ClockBar).render())
        assert "Dự kiến" not in clock_bar and "Kết thúc trong thời gian kế hoạch (11:00)" in clock_bar


async def test_notes_opened_after_a_restart_continue_after_what_was_written(store, demo_id, clock):
    from tests.conftest import desk

    console = desk(store, demo_id, clock)
    console.start_meeting()
    step = meeting_view(store, demo_id).current_item_id
    assert step is not None
    console.save_notes(step, "Khai mạc đúng giờ")
    app = HoinghiApp(store, meeting_id=demo_id, clock=clock)  # the console opened again
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        assert isinstance(app.focused, TextArea)
        await pilot.press(*", đủ thành phần")
        await until(pilot, lambda: meeting_view(store, demo_id).agenda[0].notes == "Khai mạc đúng giờ, đủ thành phần")


async def test_ctrl_q_with_a_half_typed_slip_asks_first(store, demo_id, clock):
    from session.domain.registrations import list_registrations

    app = HoinghiApp(store, meeting_id=demo_id, clock=clock)
    before = len(list_registrations(store, demo_id))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "reg-name")
        await pilot.press(*"Lò Thị Mai")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and app.focused.id == "reg-name" and app.focused.value == "Lò Thị Mai"
        assert any("Đang nhập dở, chưa lưu" in n.message for n in app._notifications)
        await pilot.press("ctrl+q")  # asked once: the second press quits
        await pilot.pause()
    assert not app.is_running
    assert len(list_registrations(store, demo_id)) == before


async def test_ctrl_q_with_an_empty_slip_form_quits_at_once(store, demo_id, clock):
    app = HoinghiApp(store, meeting_id=demo_id, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "reg-name")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


async def test_starting_a_meeting_set_for_another_day_is_asked_about_first(store, clock):
    from datetime import timedelta

    from session.domain.meetings import create_meeting
    from session.tui.screens.dialogs import ConfirmScreen

    mid = create_meeting(store, at=clock(), title="Đối thoại tổ 5", day=clock().date() + timedelta(days=7))
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "dự kiến họp ngày 12/03/2026, hôm nay là 05/03/2026" in app.screen.question
        await pilot.press("n")  # no (and a second N pressed by habit answers no too)
        await pilot.pause()
        assert meeting_view(store, mid).status == "planned"
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await until(pilot, lambda: meeting_view(store, mid).status == "running")


async def test_the_export_dialog_of_a_meeting_still_being_held_says_it_gives_drafts(store, demo_id, finished_id, clock):
    from tests.conftest import desk

    desk(store, demo_id, clock).start_meeting()
    for mid, draft in ((demo_id, True), (finished_id, False)):
        app = HoinghiApp(store, meeting_id=mid, clock=clock)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("x")
            await until(pilot, lambda app=app: bool(app.screen.query("#export-notice-limit")))
            said = text_of(app, "#export-notice-limit")
            assert ("chưa bế mạc" in said and "bản nháp" in said) is draft, said


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_a_step_name_too_long_for_its_column_ends_at_a_whole_word(store, demo_id, clock, size):
    """ "Tiến hành đối tho" reads as a typo: a long name stops after a whole word, with
    "…"; the panel beside shows it whole."""
    titles = [step.title for step in meeting_view(store, demo_id).agenda]
    app = HoinghiApp(store, meeting_id=demo_id, clock=clock)
    async with app.run_test(size=size) as pilot:
        table = app.screen.query_one(AgendaTable)
        await until(pilot, lambda: table.row_count == len(titles))
        await pilot.pause()
        width = table.columns[next(k for k in table.columns if k.value == "step")].width
        shown = [table.get_row_at(row)[1].plain for row in range(table.row_count)]
    assert any(text.endswith("…") for text in shown)  # the demo's names do not all fit
    for title, text in zip(titles, shown, strict=True):
        assert len(text) <= width
        if text != title:
            kept = text.removesuffix("…")
            assert text.endswith("…") and title.startswith(kept)
            assert title[len(kept)] in " ,;", f"{text!r} cuts a word of {title!r}"


def test_shorten_keeps_whole_words():
    from session.tui.widgets.text import shorten

    assert shorten("Tiến hành đối thoại", 19) == "Tiến hành đối thoại"
    assert shorten("Tiến hành đối thoại", 17) == "Tiến hành đối…"
    assert shorten("Tuyên bố lý do, giới thiệu đại biểu", 17) == "Tuyên bố lý do…"
    assert shorten("Nghịđịnhkhôngcókhoảngtrắng", 10) == "Nghịđịnhk…"  # no word to stop at: cut, marked
    assert shorten("abc", 1) == "…" and shorten("abc", 0) == ""


async def test_closing_by_k_with_nobody_speaking_says_the_meeting_is_over_at_once(store, demo_id, clock):
    """The floor panel follows the close even when nobody held the floor (it used to
    keep saying "Bấm C để mời người tiếp theo" until the console was opened again)."""
    from session.tui.screens.dialogs import ReasonScreen
    from tests.conftest import desk

    desk(store, demo_id, clock).start_meeting()
    app = HoinghiApp(store, meeting_id=demo_id, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: "Bấm C" in text_of(app, "#speaker-now"))
        await pilot.press("k")
        await until(pilot, lambda: isinstance(app.screen, ReasonScreen))
        await pilot.press(*"Hết giờ", "enter")
        await until(pilot, lambda: "kết thúc" in text_of(app, "#speaker-now"))
        assert "Bấm C" not in text_of(app, "#speaker-now")
        assert "Tiếp theo" not in text_of(app, "#speaker-next")


async def test_capital_letters_work_as_their_small_letters_and_shift_u_still_redoes(app, store, demo_id):
    """With Caps Lock on (or Shift held) N still starts the meeting and C calls; U keeps
    its own meaning (redo), so it is not taken as u."""
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("N")
        await until(pilot, lambda: meeting_view(store, demo_id).status == "running")
        await pilot.press("C")
        await until(pilot, lambda: any(r.status == "speaking" for r in list_registrations(store, demo_id)))
        await pilot.press("u")  # the call undone
        await until(pilot, lambda: not any(r.status == "speaking" for r in list_registrations(store, demo_id)))
        await pilot.press("U")  # and done again
        await until(pilot, lambda: any(r.status == "speaking" for r in list_registrations(store, demo_id)))


async def test_notes_for_a_step_not_reached_yet_go_to_the_step_under_way(app, store, demo_id, clock):
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n")  # the meeting opens: step 1 under way
        await pilot.press("down", "down")  # looking ahead at step 3, not started
        await pilot.pause()
        assert "Bước 3 · chưa đến" in text_of(app, "#step-heading")
        await pilot.press("w", *"Đủ thành phần")
        await until(pilot, lambda: meeting_view(store, demo_id).agenda[0].notes == "Đủ thành phần")
        assert meeting_view(store, demo_id).agenda[2].notes == ""
        assert "Bước 3 chưa đến: ghi chép vào bước đang diễn ra (bước 1)." in " ".join(
            n.message for n in app._notifications
        )
        assert "Bước 1 · đang diễn ra" in text_of(app, "#step-heading")
        await pilot.press("ctrl+n", "escape", "up")  # step 2 under way; step 1, finished, in focus
        await pilot.pause()
        assert "Bước 1 · đã xong" in text_of(app, "#step-heading")
        await pilot.press("w", "end", *", khai mạc đúng giờ")  # a finished step's notes completed afterwards
        await until(pilot, lambda: meeting_view(store, demo_id).agenda[0].notes == "Đủ thành phần, khai mạc đúng giờ")
        assert meeting_view(store, demo_id).agenda[1].notes == ""


async def test_a_meeting_held_early_shows_the_day_held_and_once_closed_offers_no_speaker_keys(store, clock):
    """Planned for Friday 6/3, opened on Thursday 5/3 (confirmed): the console's title and
    the list say the 5th, as the minutes will. Closed, the key bar no longer offers to call
    a speaker or move the agenda; it still offers to export."""
    from datetime import timedelta

    from session.domain.meetings import create_meeting, list_meetings
    from session.tui.widgets.key_bar import KeyBar

    day = clock().date()
    mid = create_meeting(store, at=clock(), title="Đối thoại sớm", day=day + timedelta(days=1))
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        assert day.strftime("%d/%m/%Y") not in text_of(app, "#title-bar")
        await pilot.press("n", "y")  # another day than planned: asked, confirmed
        await until(pilot, lambda: meeting_view(store, mid).status == "running")
        await until(pilot, lambda: day.strftime("%d/%m/%Y") in text_of(app, "#title-bar"))
        bar = app.screen.query_one(KeyBar)
        assert " C " in str(bar.render())
        await pilot.press("k", "y")
        await until(pilot, lambda: meeting_view(store, mid).status == "closed")
        await until(pilot, lambda: " C " not in str(bar.render()))
        shown = str(bar.render())
        assert shown.startswith(" U Hoàn tác  D Danh sách  X Xuất văn bản ")  # what a closed meeting still does
        assert " N " not in shown and " A " not in shown
        await pilot.press("c")  # the key still answers, saying why
        await pilot.pause()
        assert "kết thúc" in " ".join(n.message for n in app._notifications)
    [summary] = list_meetings(store)
    assert summary.day == day and summary.planned_date == day + timedelta(days=1)


async def test_what_is_pasted_is_what_is_kept_in_the_notes_and_on_a_slip(app, store, demo_id, clock):
    from textual import events
    from textual.widgets import Input

    from session.tui.screens.registration_form import RegistrationForm

    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n", "w")
        notes = app.screen.query_one("#notes", TextArea)
        app.post_message(events.Paste("Khai mạc đúng giờ.\r\nĐủ thành phần.\x07"))  # as the terminal sends it
        await until(pilot, lambda: meeting_view(store, demo_id).agenda[0].notes == "Khai mạc đúng giờ.\nĐủ thành phần.")
        assert notes.text == "Khai mạc đúng giờ.\nĐủ thành phần."  # no blank line between, nothing split
        await pilot.press("escape", "r")
        await until(pilot, lambda: isinstance(app.screen, RegistrationForm))
        name = app.screen.query_one("#reg-name", Input)
        app.post_message(events.Paste("Lê Văn\tTám\r\n"))
        await until(pilot, lambda: name.value == "Lê Văn Tám")
        await pilot.press("tab", *"Bản Chu", "enter")
        await until(pilot, lambda: "Lê Văn Tám" in str(app.screen.query_one("#form-status").render()))
    assert [r.name for r in list_registrations(store, demo_id)][-1] == "Lê Văn Tám"


async def test_on_a_narrow_screen_the_notes_label_makes_room_for_the_save_status(app, store, demo_id, clock):
    async with app.run_test(size=(80, 24)) as pilot:
        assert text_of(app, "#notes-label") == "Ghi chép (tự động lưu)"
        await pilot.press("n", "w", *"Khai mạc")
        await until(pilot, lambda: "đã lưu" in text_of(app, "#notes-status"))
        label, status = app.screen.query_one("#notes-label"), app.screen.query_one("#notes-status")
        assert text_of(app, "#notes-label") == "Ghi chép"
        assert label.region.width >= len("Ghi chép") and status.region.x >= label.region.right  # side by side, whole
