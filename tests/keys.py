"""Keys pressed in Pilot tests are delivered one at a time, each once the app has done
everything it caused; ``pilot.pause()`` waits for the same.

Textual's Pilot waits after every key until the process *looks* idle: it sleeps 20 ms at
least twice and compares CPU time with wall time — about 45 ms a key at best, and more on a
busy machine, where typing a few slips took half a minute. Here a key is handed to the app
and the test waits until every message queue of the app and of the widgets on its screens
is empty, with no callback pending: the moment the key's whole effect has been processed.
That is the same condition the old wait guessed at, checked instead of inferred, so every
test keeps its meaning (keys still go through the app one by one, in order) and a key
costs what the app takes to handle it.
"""

from __future__ import annotations

import asyncio
import time
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from textual import events
from textual._queue import Queue
from textual.app import App
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.message_pump import MessagePump
from textual.pilot import Pilot

# A handler may wait on something that is not a message (a worker, a dialog's result):
# after this long the key counts as handled, as Textual's own wait gives up after 1 s.
SETTLE_TIMEOUT = 1.0


def _pumps(app: App) -> Iterator[MessagePump]:
    yield app
    for screen in reversed(app.screen_stack):  # the top screen first: it is where keys go
        yield from screen.walk_children(with_self=True)


def _busy(pump: MessagePump) -> bool:
    queue = pump._message_queue
    return bool(
        # running and not waiting for its next message: handling one (or mounting)
        (pump._running and not getattr(queue, "waiting", False))
        or not queue.empty()
        or pump._pending_message is not None
        or pump._next_callbacks
        or getattr(pump, "_callbacks", None)  # a screen's callbacks after its repaint
    )


def _working(app: App) -> bool:
    return any(_busy(pump) for pump in _pumps(app)) or not all(worker.is_finished for worker in app.workers)


async def settle(app: App, timeout: float = SETTLE_TIMEOUT) -> None:
    """Return once nothing in *app* has a message, a callback or a worker left to finish."""
    end = time.monotonic() + timeout
    quiet = 0
    spins = 0
    while quiet < 2 and time.monotonic() < end:
        # Yield to the app's tasks; once they stop being ready, sleep a little instead of
        # spinning (a timer or a thread may be what is left).
        await asyncio.sleep(0 if spins < 50 else 0.002)
        spins += 1
        quiet = 0 if _working(app) else quiet + 1


async def press_keys(app: App, keys: Iterable[str]) -> None:
    """What Pilot.press does for each key, waiting on the condition above instead of on
    CPU idleness (``wait:<ms>`` keys still sleep as Textual's own do)."""
    for key in keys:
        if key.startswith("wait:"):
            await asyncio.sleep(float(key.partition(":")[2]) / 1000)
            await app._animator.wait_until_complete()
            continue
        if len(key) == 1 and not key.isalnum():
            key = _character_to_key(key)
        original_key = REPLACED_KEYS.get(key, key)
        try:
            char: str | None = unicodedata.lookup(_get_unicode_name_from_key(original_key))
        except KeyError:
            char = key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(app)
        await app._post_message(event)
        await settle(app)
        await app._animator.wait_until_complete()


def install() -> None:
    """Make every Pilot in this test process press keys this way."""
    get = Queue.get

    async def watched_get(self: Queue[Any]) -> Any:
        # A message pump waiting here has handled everything it was given.
        self.waiting = True  # type: ignore[attr-defined]
        try:
            return await get(self)
        finally:
            self.waiting = False  # type: ignore[attr-defined]

    Queue.get = watched_get  # type: ignore[method-assign]

    async def _press_keys(self: App, keys: Iterable[str]) -> None:
        await press_keys(self, keys)

    App._press_keys = _press_keys  # type: ignore[method-assign]

    pause = Pilot.pause

    async def settled_pause(self: Pilot[Any], delay: float | None = None) -> None:
        """``pilot.pause()``: until the app has handled everything (not until it looks idle)."""
        if delay is not None:
            await pause(self, delay)
            return
        await self._wait_for_screen()
        await settle(self.app)
        self.app.screen._on_timer_update()

    Pilot.pause = settled_pause  # type: ignore[method-assign]
