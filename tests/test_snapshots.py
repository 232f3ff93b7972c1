"""Snapshot tests of the live screen: fixed terminal size, frozen clock, no cursor blink.

Update after an intended change with: pytest tests/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.widgets import TextArea

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
