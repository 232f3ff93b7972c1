"""Snapshot tests of the hall display: every mode at 80×24, 120×36 and 200×60, and the
countdown's warning and overrun; frozen clock, no cursor. Each moment is a scene of the
app factory (tests/app_factory.py, from tests/hall_scenes.py).

Update after an intended change with: pytest tests/test_snapshots_display.py --snapshot-update
"""

from __future__ import annotations

import pytest

SIZES = [(80, 24), (120, 36), (200, 60)]
MODES = ["before", "step", "dialogue", "recess", "closed"]


async def _still(pilot) -> None:
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("mode", MODES)
def test_hall_display(snap_compare, make_app, mode, size):
    app = make_app(f"hall-{mode}", mode="display")
    assert snap_compare(app, terminal_size=size, run_before=_still)


@pytest.mark.parametrize("moment", ["warning", "over", "answer", "idle", "recess-open"])
def test_hall_display_moments(snap_compare, make_app, moment):
    app = make_app(f"hall-{moment}", mode="display")
    assert snap_compare(app, terminal_size=(120, 36), run_before=_still)


def test_hall_display_over_time_en(snap_compare, make_app, english):
    app = make_app("hall-over", mode="display")
    assert snap_compare(app, terminal_size=(120, 36), run_before=_still)
