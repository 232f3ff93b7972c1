"""Snapshot tests of the screens around the meeting day: fixed terminal size, frozen clock.

Update after an intended change with: pytest tests/test_snapshots_planning.py --snapshot-update
"""

from __future__ import annotations

from datetime import datetime

import pytest

from session.clock import FrozenClock
from session.domain.participants import participants, set_present
from session.tui.app import HoinghiApp
from tests.planning_data import ward_plan

NOW = datetime(2026, 3, 5, 9, 0)


@pytest.fixture(autouse=True)
def _fixed_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")


def test_duties_due_across_the_plans_meetings_vi(snap_compare, store):
    ward_plan(store)

    async def open_due(pilot) -> None:
        await pilot.press("d")
        await pilot.pause()

    app = HoinghiApp(store, clock=FrozenClock(NOW))
    assert snap_compare(app, terminal_size=(120, 30), run_before=open_due)


def test_the_door_with_two_people_ticked_vi(snap_compare, store):
    _plan, (meeting, *_rest) = ward_plan(store)
    for person in participants(store, meeting)[1:3]:
        with store.action("participant.present", at=NOW, meeting_id=meeting, actor="office") as tx:
            set_present(tx, person.id, True, at=NOW)

    async def open_door(pilot) -> None:
        await pilot.press("j", "p", "slash", *"chi linh")
        await pilot.pause()

    app = HoinghiApp(store, meeting_id=meeting, clock=FrozenClock(NOW))
    assert snap_compare(app, terminal_size=(120, 24), run_before=open_door)
