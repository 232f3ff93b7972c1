"""Frames drawn in tests: the ones a test can look at, not the ones nobody sees.

A headless app computes a frame after every change, as a terminal app does, then throws
it away: the headless driver writes nothing anywhere. Those frames were a third of the CPU
time of a Pilot test. Here a headless app computes a frame only when one is looked at:

- a snapshot (``export_screenshot``, which always draws the whole screen afresh);
- the end of every ``run_test`` block: the screen the test left is drawn in full, so a
  widget that fails to draw still fails the test that put it on screen;
- every frame, in a test marked ``every_frame`` (one that checks what is drawn again
  after a change, say).

What a test reads is unchanged: widgets' state, the database, and the frames above. Every
screen and dialog is also drawn by a snapshot test at two sizes (tests/test_snapshots*).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from textual._compositor import Compositor
from textual.app import App

#: Set by the ``every_frame`` marker for the test that carries it.
every_frame = False


def install() -> None:
    draw = Compositor.render_update

    def render_update(self: Compositor, full: bool = False, screen_stack: Any = None, simplify: bool = False) -> Any:
        if full or every_frame:
            return draw(self, full, screen_stack, simplify)
        self._dirty_regions.clear()  # what drawing it would have cleared
        return None

    Compositor.render_update = render_update  # type: ignore[method-assign]

    run_test = App.run_test

    @asynccontextmanager
    async def run_test_drawn(self: App[Any], *args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        async with run_test(self, *args, **kwargs) as pilot:
            yield pilot
            if self._running and not self._closed and self.screen_stack:
                draw(self.screen._compositor, True, self._background_screens)

    App.run_test = run_test_drawn  # type: ignore[method-assign]
