"""The survey screen driven by keys: ballots typed one key per answer, totals, a blank ballot."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Static

from session.domain.survey import survey_results
from session.tui.app import HoinghiApp
from session.tui.screens.survey import SurveyScreen, SurveyTotalsForm


def prompt(app) -> str:
    return str(app.screen.query_one("#survey-prompt", Static).render())


async def test_ballots_typed_from_the_console_one_key_per_answer(store, clock, finished_id):
    app = HoinghiApp(store, meeting_id=finished_id, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SurveyScreen)
        assert "Phiếu số 1 — câu 1/3" in prompt(app)
        await pilot.press("1", "2", "1")  # ballot 1 is saved after its third answer
        await pilot.press("3", "3", "0")  # ballot 2: the last question left blank
        await pilot.press("2")  # ballot 3 begun
        await pilot.pause()
        assert "Phiếu số 3 — câu 2/3" in prompt(app)
        table = app.screen.query_one(DataTable)
        assert table.get_row_at(0)[1:4] == ["1 (50,0%)", "0 (0,0%)", "1 (50,0%)"]
        assert table.get_row_at(2)[-2:] == ["1 (50,0%)", "2"]  # one blank out of two
        assert "số 2 (3-3-0)" in str(app.screen.query_one("#survey-status", Static).render())
    r = survey_results(store, finished_id)
    assert r.typed == 2 and r.last_ballot == (2, "330")  # the half-typed third ballot is not saved


async def test_backspace_corrects_an_answer_and_u_takes_back_the_last_ballot(store, clock, finished_id):
    app = HoinghiApp(store, meeting_id=finished_id, clock=clock, mode="survey")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("1", "1", "1")
        await pilot.press("2", "backspace", "3", "1", "1")
        await pilot.pause()
        assert survey_results(store, finished_id).last_ballot == (2, "311")
        await pilot.press("7")  # there is no seventh answer: nothing happens
        await pilot.pause()
        assert "câu 1/3" in prompt(app)
        await pilot.press("u")
        await pilot.pause()
        r = survey_results(store, finished_id)
        assert r.typed == 1 and r.last_ballot == (1, "111")
        assert "Phiếu số 2 — câu 1/3" in prompt(app)
        await pilot.press("escape")  # opened on its own: Esc leaves the app
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


async def test_paper_totals_entered_in_the_form(store, clock, finished_id):
    app = HoinghiApp(store, meeting_id=finished_id, clock=clock, mode="survey")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("1", "1", "1")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, SurveyTotalsForm)
        await pilot.press(*"60", "tab", *"40, 15, 5", "tab", *"38 17 5", "tab")  # question 3 left empty
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SurveyScreen)
        assert app.screen.query_one(DataTable).get_row_at(0)[-1] == "61"
    r = survey_results(store, finished_id)
    assert (r.typed, r.paper) == (1, 60)
    assert [c.count for c in r.questions[0].choices] == [41, 15, 5]
    assert r.questions[2].blank == 60 and r.questions[2].choices[0].count == 1


async def test_impossible_totals_stay_in_the_form_with_the_reason(store, clock, finished_id):
    app = HoinghiApp(store, meeting_id=finished_id, clock=clock, mode="survey")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"10", "tab", *"8, 3, 0", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SurveyTotalsForm)
        assert "nhiều hơn số phiếu thu về (10)" in str(app.screen.query_one("#form-error", Static).render())
        assert app.screen.query_one("#t-q1", Input).value == "8, 3, 0"  # what was typed stays
    assert survey_results(store, finished_id).paper == 0


async def test_p_writes_a_blank_ballot_to_print(store, clock, finished_id, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    app = HoinghiApp(store, meeting_id=finished_id, clock=clock, mode="survey")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
    written = Path(tmp_path / "home" / "hoinghi" / f"phieu-lay-y-kien-{finished_id}-xa-hoa-an-04-03-2026.docx")
    assert written.is_file()
