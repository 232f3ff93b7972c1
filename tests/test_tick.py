"""Tick boxes show their mark only when ticked: told apart without colour."""

from __future__ import annotations

from session.tui.app import HoinghiApp
from session.tui.widgets.tick import Tick
from tests.conftest import until


async def test_a_ticked_box_shows_a_tick_and_an_empty_one_shows_none(store, finished_id, clock):
    app = HoinghiApp(store, meeting_id=finished_id, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("x")  # the export dialog: the minutes and the notice ticked
        await until(pilot, lambda: bool(app.screen.query(Tick)))
        boxes = {box.id: box for box in app.screen.query(Tick)}
        ticked = [key for key, box in boxes.items() if box.value]
        assert ticked and len(ticked) < len(boxes)
        for key, box in boxes.items():
            drawn = str(box.render())
            assert ("✓" in drawn) == box.value, (key, drawn)
            assert "X" not in drawn[:3]
        empty = next(box for box in boxes.values() if not box.value and not box.disabled)
        empty.focus()
        await pilot.press("space")
        assert empty.value and "✓" in str(empty.render())
