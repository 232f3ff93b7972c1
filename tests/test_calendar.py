"""The office calendar: the government's announced swaps shipped as data with their source,
the office's own days on top, and a public holiday made a working day only when confirmed."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, Select, Static

from models.errors import HoinghiError
from session.domain.calendar import announced_calendar, deadline_for, office_days, set_office_day
from session.domain.swapped_days import DATA_FILE, load_swapped_days, swapped_days, swapped_in
from session.domain.workdays import WorkCalendar


def test_every_shipped_swap_has_its_source_and_pairs_a_day_off_with_a_day_worked():
    days = load_swapped_days(DATA_FILE)
    assert days == swapped_days()
    assert all(d.source.strip() for d in days)
    for year in {d.day.year for d in days}:
        kinds = sorted(d.kind for d in swapped_in(year))
        assert kinds.count("off") == kinds.count("work"), year
    assert all(d.day.weekday() == 5 for d in days if d.kind == "work")  # worked Saturdays
    announced = {(d.day, d.kind) for d in days}
    assert {(date(2026, 1, 2), "off"), (date(2026, 1, 10), "work"), (date(2025, 4, 26), "work")} <= announced
    assert "12729/VPCP-KGVX" in next(d.source for d in days if d.day == date(2026, 1, 2))


@pytest.mark.parametrize(
    ("start", "days", "expected", "holidays_only"),
    [
        # 1/1/2026 holiday, Fri 2/1 off by the swap: one working day after 31/12/2025 is Mon 5/1.
        (date(2025, 12, 31), 1, date(2026, 1, 5), date(2026, 1, 2)),
        # …and Saturday 10/1 is worked: the sixth working day.
        (date(2025, 12, 31), 6, date(2026, 1, 10), date(2026, 1, 9)),
        # Saturday 26/4/2025 was worked for Friday 2/5/2025.
        (date(2025, 4, 25), 1, date(2025, 4, 26), date(2025, 4, 28)),
        (date(2025, 4, 29), 1, date(2025, 5, 5), date(2025, 5, 5)),  # 30/4, 1/5 holidays, 2/5 off
    ],
)
def test_announced_swaps_count_in_working_days(start, days, expected, holidays_only):
    assert announced_calendar().add_working_days(start, days) == expected
    assert WorkCalendar().add_working_days(start, days) == holidays_only  # the holidays package alone


def test_the_office_corrects_an_announced_day_and_its_own_day_wins(store, clock):
    assert deadline_for(store, date(2026, 1, 9), 1) == date(2026, 1, 10)  # Saturday 10/1 worked
    set_office_day(store, date(2026, 1, 10), "off", "Cơ quan không làm bù", at=clock())
    assert deadline_for(store, date(2026, 1, 9), 1) == date(2026, 1, 12)
    set_office_day(store, date(2026, 1, 10), "", at=clock())  # the office's entry removed
    assert deadline_for(store, date(2026, 1, 9), 1) == date(2026, 1, 10)


def test_making_a_public_holiday_a_working_day_needs_confirmation(store, clock):
    with pytest.raises(HoinghiError) as err:
        set_office_day(store, date(2026, 9, 2), "work", "Trực lễ", at=clock())
    assert err.value.code == "calendar.confirm_holiday" and err.value.params["day"] == "02/09/2026"
    assert office_days(store) == []
    with pytest.raises(HoinghiError):
        set_office_day(store, date(2026, 1, 2), "work", at=clock())  # an announced day off too
    set_office_day(store, date(2026, 9, 2), "work", "Trực lễ", at=clock(), confirmed=True)
    assert office_days(store) == [(date(2026, 9, 2), "work", "Trực lễ")]
    set_office_day(store, date(2026, 3, 7), "work", "Làm bù", at=clock())  # an ordinary Saturday: no question


def _run(*args, input_text=None):
    from tests.cli import hoinghi

    return hoinghi(*args, input=input_text)


def test_cli_asks_before_a_holiday_becomes_a_working_day_unless_yes(tmp_path):
    db = str(tmp_path / "c.db")
    refused = _run("calendar", "--db", db, "--work", "30/04/2026", input_text="n\n")
    assert refused.returncode != 0 and "Ngày 30/04/2026 là ngày nghỉ" in refused.stderr
    assert "30/04/2026" not in refused.stdout
    agreed = _run("calendar", "--db", db, "--work", "30/04/2026", input_text="y\n")
    assert agreed.returncode == 0 and "30/04/2026" in agreed.stdout.split("\n\n")[0]
    direct = _run("calendar", "--db", db, "--work", "01/05/2026", "--yes")
    assert direct.returncode == 0 and "01/05/2026" in direct.stdout
    # The announced swaps are listed with their source.
    assert "10/01/2026" in direct.stdout and "12729/VPCP-KGVX" in direct.stdout


async def test_calendar_screen_confirms_a_holiday_worked(store, clock):
    from session.tui.app import HoinghiApp
    from session.tui.screens.calendar import CalendarScreen
    from session.tui.screens.dialogs import ConfirmScreen

    app = HoinghiApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(CalendarScreen())
        await pilot.pause()
        listing = str(app.screen.query_one("#calendar-list", Static).render())
        assert "Ngày hoán đổi đã công bố năm 2026" in listing and "10/01 làm bù" in listing
        app.screen.query_one("#cal-kind", Select).value = "work"
        app.screen.query_one("#cal-day", Input).focus()
        await pilot.press(*"02/09/2026", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert office_days(store) == []
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, CalendarScreen)
    assert office_days(store) == [(date(2026, 9, 2), "work", "")]
