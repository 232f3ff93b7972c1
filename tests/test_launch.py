"""The `hoinghi` command loads with the garbage collector held back; the app lets it run
again once its first screen is painted, and a command that opens no screen gets it back
within a few seconds."""

from __future__ import annotations

import gc
import time

import pytest

from session import launch
from session.tui.app import HoinghiApp


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(launch, "_holding", [])
    yield
    for timer in launch._holding:
        timer.cancel()
    gc.enable()


async def test_the_app_lets_the_collector_run_once_its_first_screen_is_painted(held, store, demo_id, clock):
    launch.hold()
    assert not gc.isenabled()
    frozen = gc.get_freeze_count()
    app = HoinghiApp(store, meeting_id=demo_id, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen  # what the app loaded is kept out of full passes


def test_a_command_that_opens_no_screen_gets_the_collector_back(held, monkeypatch):
    monkeypatch.setattr(launch, "HOLD_AT_MOST_SECONDS", 0.05)
    launch.hold()
    launch.hold()  # once: a second hold starts no second timer
    assert not gc.isenabled() and len(launch._holding) == 1
    end = time.monotonic() + 5
    while not gc.isenabled() and time.monotonic() < end:
        time.sleep(0.01)
    assert gc.isenabled()


def test_the_hoinghi_command_starts_through_the_launcher():
    from importlib.metadata import entry_points

    [script] = entry_points(group="console_scripts", name="hoinghi")
    assert script.value == "session.launch:main"
