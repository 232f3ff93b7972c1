"""Tests draw the frames they look at (tests/frames.py): a widget that cannot draw the
screen a test leaves still fails that test, and a snapshot is drawn in full."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static


class Broken(Static):
    """Draws until it is told to break, as a widget with a bug in one state would."""

    broken = False

    def render(self):  # noqa: ANN201
        if self.broken:
            raise RuntimeError("cannot draw this state")
        return super().render()


class OneWidget(App[None]):
    CSS = "Broken { width: 20; height: 1; }"  # its size is fixed: laying it out draws nothing

    def compose(self) -> ComposeResult:
        yield Broken("ready")


async def test_a_widget_that_cannot_draw_the_last_screen_fails_the_test():
    app = OneWidget()
    with pytest.raises(RuntimeError, match="cannot draw this state"):
        async with app.run_test(size=(40, 5)) as pilot:
            widget = app.query_one(Broken)
            widget.broken = True
            widget.refresh()
            await pilot.pause()


async def test_the_screen_a_test_leaves_is_drawn_with_what_it_shows():
    app = OneWidget()
    async with app.run_test(size=(40, 5)) as pilot:
        app.query_one(Broken).update("Đã-vẽ")
        await pilot.pause()
        assert "Đã-vẽ" in app.export_screenshot()
