"""Snapshot tests of the live screen: fixed terminal size, frozen clock, no cursor blink.

Update after an intended change with: pytest tests/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.widgets import Input, TextArea

from session.clock import FrozenClock
from session.domain.demo import create_demo
from session.tui.app import HoinghiApp
from tests.conftest import desk

START = datetime(2026, 3, 5, 7, 30)


def _held_to_step_four(store) -> tuple[int, FrozenClock]:
    """A meeting in its fourth step, running over its plan, with notes on screen."""
    clock = FrozenClock(datetime(2026, 3, 5, 7, 0))
    mid = create_demo(store, at=clock())
    clock.set(START)
    desk(store, mid, clock).start_meeting()
    for minutes in (9, 4, 11):
        clock.advance(minutes=minutes)
        desk(store, mid, clock).next_step()
    view_step = clock.advance(minutes=23, seconds=15)
    del view_step
    return mid, clock


async def _still(pilot) -> None:
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def _app(store, mid, clock):
    return HoinghiApp(store, meeting_id=mid, clock=clock)


def test_live_screen_before_the_meeting_vi(snap_compare, store):
    clock = FrozenClock(datetime(2026, 3, 5, 7, 20))
    mid = create_demo(store, at=clock())
    assert snap_compare(HoinghiApp(store, meeting_id=mid, clock=clock), terminal_size=(100, 30), run_before=_still)


def test_live_screen_mid_meeting_over_time_vi(snap_compare, store):
    mid, clock = _held_to_step_four(store)
    desk(store, mid, clock).save_notes(
        _step_id(store, mid, 4), "Đồng chí Lương Thị Hạnh – Phó Chủ tịch UBND xã báo cáo."
    )
    assert snap_compare(_app(store, mid, clock), terminal_size=(100, 30), run_before=_still)


def test_live_screen_mid_meeting_over_time_en(snap_compare, store, english):
    mid, clock = _held_to_step_four(store)
    assert snap_compare(_app(store, mid, clock), terminal_size=(100, 30), run_before=_still)


def test_live_screen_in_recess_large_terminal_vi(snap_compare, store):
    mid, clock = _held_to_step_four(store)
    desk(store, mid, clock).recess()
    clock.advance(minutes=7)
    assert snap_compare(_app(store, mid, clock), terminal_size=(200, 60), run_before=_still)


def test_key_help_vi(snap_compare, store):
    mid, clock = _held_to_step_four(store)

    async def open_help(pilot) -> None:
        await _still(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(_app(store, mid, clock), terminal_size=(100, 40), run_before=open_help)


def _step_id(store, mid, position) -> int:
    from session.domain.meetings import meeting_view

    return next(s.id for s in meeting_view(store, mid).agenda if s.position == position)


@pytest.fixture(autouse=True)
def _fixed_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")


def test_new_meeting_form_with_a_phuong_chosen_vi(snap_compare, store):
    """The unit found without accents, the title and the residential word following it."""
    clock = FrozenClock(datetime(2026, 3, 5, 7, 20))

    async def choose(pilot) -> None:
        await pilot.press("n")
        await pilot.pause()
        pilot.app.screen.set_focus(pilot.app.screen.query_one("#unit-search"))
        await pilot.press(*"ba don", "enter")
        await pilot.pause()
        await _still(pilot)

    assert snap_compare(HoinghiApp(store, clock=clock), terminal_size=(110, 44), run_before=choose)


def test_export_dialog_warns_past_the_legal_limit_vi(snap_compare, store, monkeypatch):
    from session.tui.screens import export_screen

    monkeypatch.setattr(
        export_screen.shutil, "which", lambda name: f"/usr/bin/{name}"
    )  # the same with or without LibreOffice
    clock = FrozenClock(datetime(2026, 3, 20, 9, 0))
    mid = create_demo(store, at=datetime(2026, 3, 6, 7, 0), finished=True)

    async def late(pilot) -> None:
        await pilot.press("x")
        await pilot.pause()
        pilot.app.screen.query_one("#export-folder").value = "/tmp/hoinghi"
        date_field = pilot.app.screen.query_one("#export-notice-date")
        pilot.app.screen.set_focus(date_field)
        date_field.value = "20/03/2026"
        pilot.app.screen.query_one("#export-progress").update(total=1, progress=0)  # not the moving idle bar
        await pilot.pause()
        await _still(pilot)

    assert snap_compare(_app(store, mid, clock), terminal_size=(110, 40), run_before=late)
