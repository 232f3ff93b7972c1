"""The trust a secretary puts in the keys: U says what it undid, Shift+U does it again,
a form never saves what nobody chose, the answerer picker filters as one types, the desk
does not close on one Esc, a slip can be corrected from the list."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, Select

from session.domain.demo import create_demo
from session.domain.ledger import ledger
from session.domain.registrations import list_registrations
from session.tui.app import HoinghiApp
from tests.conftest import desk, until


def messages(app) -> list[str]:  # noqa: ANN001
    return [str(n.message) for n in app._notifications]


@pytest.fixture
def dialogue(store, clock) -> int:
    mid = create_demo(store, at=clock())
    console = desk(store, mid, clock)
    console.start_meeting()
    for _ in range(5):
        console.next_step()
    return mid


async def test_u_says_which_action_it_undid_and_shift_u_does_it_again(store, clock, dialogue):
    app = HoinghiApp(store, meeting_id=dialogue, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("c")
        clock.advance(minutes=3)
        await pilot.press("f")
        await pilot.press("u")
        await until(pilot, lambda: "Đã hoàn tác: kết thúc lượt nói của Hoàng Văn Páo" in messages(app))
        assert [r.status for r in list_registrations(store, dialogue) if r.name == "Hoàng Văn Páo"] == ["speaking"]
        await pilot.press("U")  # Shift+U, as a terminal sends it
        await until(pilot, lambda: "Đã làm lại: kết thúc lượt nói của Hoàng Văn Páo" in messages(app))
        assert [r.status for r in list_registrations(store, dialogue) if r.name == "Hoàng Văn Páo"] == ["done"]


async def test_the_history_reads_as_sentences(store, clock, dialogue):
    app = HoinghiApp(store, meeting_id=dialogue, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("c", "h")
        await until(pilot, lambda: type(app.screen).__name__ == "HistoryScreen")
        table = app.screen.query_one("#history-table")
        first = [str(cell) for cell in table.get_row_at(0)]
        # This laptop and the one that opened the meeting: the machine is named too.
        assert first[1].startswith("Bàn thư ký (") and first[2] == "mời số 1 Hoàng Văn Páo phát biểu"


async def test_enter_in_a_new_conclusion_saves_nothing_until_an_outcome_is_chosen(store, clock, dialogue):
    app = HoinghiApp(store, meeting_id=dialogue, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("l")
        await until(pilot, lambda: type(app.screen).__name__ == "LedgerScreen")
        first = app.screen.selected()
        assert first is not None and first.conclusion is None
        await pilot.press("k")
        await until(pilot, lambda: type(app.screen).__name__ == "ConclusionForm")
        await pilot.press(*"Đã trả lời", "enter")
        error = app.screen.query_one("#form-error")
        await until(pilot, lambda: "Chọn kết luận" in str(error.render()))
        # The message is on screen, not below the visible part of the dialog.
        await until(pilot, lambda: error.region.height > 0 and error.region.bottom <= 36)
        assert next(i for i in ledger(store, dialogue) if i.id == first.id).conclusion is None
        app.screen.query_one("#c-outcome", Select).value = "answered"
        await until(pilot, lambda: str(error.render()).strip() == "")  # the choice answers the message
        app.screen.query_one("#c-text", Input).focus()
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "LedgerScreen")
        assert next(i for i in ledger(store, dialogue) if i.id == first.id).conclusion.outcome == "answered"


async def test_typing_in_the_answerer_picker_filters_at_once(store, clock, dialogue):
    app = HoinghiApp(store, meeting_id=dialogue, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("c", "a")
        await until(pilot, lambda: type(app.screen).__name__ == "AnswerPickScreen")
        options = app.screen.query_one(OptionList)
        everyone = options.option_count
        await pilot.press(*"van binh")  # no accents needed
        await until(pilot, lambda: options.option_count < everyone)
        assert [str(o.prompt).split(" – ")[0] for o in options.options] == ["Lăng Văn Bình"]
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "LiveScreen")
        await until(pilot, lambda: app.screen.state is not None and app.screen.state.floor.answer is not None)
        assert app.screen.state.floor.answer[0] == "Lăng Văn Bình"


async def test_the_desk_asks_before_esc_closes_it_and_undoes_its_own_slip(store, clock, dialogue):
    app = HoinghiApp(store, meeting_id=dialogue, clock=clock, mode="desk")
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: type(app.screen).__name__ == "QueueScreen")
        await pilot.press("r")
        await until(pilot, lambda: type(app.screen).__name__ == "RegistrationForm")
        await pilot.press(*"Lý Văn Tài", "tab", *"Bản Chu", "enter", "escape")
        await until(pilot, lambda: type(app.screen).__name__ == "QueueScreen")
        assert "Lý Văn Tài" in [r.name for r in list_registrations(store, dialogue)]
        await pilot.press("u")
        await until(pilot, lambda: "Lý Văn Tài" not in [r.name for r in list_registrations(store, dialogue)])
        await pilot.press("escape")
        await until(pilot, lambda: type(app.screen).__name__ == "ConfirmScreen")
        await pilot.press("n")
        await until(pilot, lambda: type(app.screen).__name__ == "QueueScreen")
        assert app.is_running
        await pilot.press("f1")
        await until(pilot, lambda: type(app.screen).__name__ == "HelpScreen")
        help_text = str(app.screen.query_one("#help-keys").render())
        assert "/  Tìm" in help_text and "Slash" not in help_text


async def test_a_slip_is_corrected_from_the_list_and_keeps_its_number(store, clock, dialogue):
    app = HoinghiApp(store, meeting_id=dialogue, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("d")
        await until(pilot, lambda: type(app.screen).__name__ == "QueueScreen")
        before = app.screen.selected()
        await pilot.press("e")
        await until(pilot, lambda: type(app.screen).__name__ == "RegistrationForm")
        name = app.screen.query_one("#reg-name", Input)
        assert name.value == before.name
        name.value = "Hoàng Văn Pảo"
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "QueueScreen")
        after = {r.id: r for r in list_registrations(store, dialogue)}[before.id]
        assert (after.name, after.position) == ("Hoàng Văn Pảo", before.position)
