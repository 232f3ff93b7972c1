"""Kill -9 the running app: on restart the meeting, its clocks and the notes are there."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import datetime

import pytest

from models.store import Store
from session.domain.demo import create_demo
from session.domain.meetings import meeting_view
from session.tui.app import HoinghiApp
from session.tui.widgets.clock_bar import ClockBar
from tests.conftest import until

pytestmark = pytest.mark.slow  # each test runs the app in a process of its own and kills it

# The real app in its own process, headless, driven by keys from an auto-pilot.
CHILD = textwrap.dedent("""
    import asyncio, sys
    from models.store import Store
    from session.tui.app import HoinghiApp

    db, meeting_id, keys, text = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

    async def drive(pilot):
        await pilot.pause()
        for key in keys.split():
            await pilot.press(key)
        if text:
            await pilot.press(*text)
        print("READY", flush=True)
        await asyncio.sleep(120)

    HoinghiApp(Store.open(db), meeting_id=meeting_id).run(headless=True, size=(100, 30), auto_pilot=drive)
""")


def run_and_kill(db, meeting_id: int, keys: str, text: str, wait_after: float) -> float:
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(meeting_id), keys, text],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "READY"
        ready = time.monotonic()
        time.sleep(wait_after)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    return ready


async def test_sigkill_mid_step_resumes_the_same_step_with_downtime_counted(db_path):
    store = Store.open(str(db_path))
    meeting_id = create_demo(store, at=datetime.now())
    store.close()
    run_and_kill(db_path, meeting_id, "n n n", "", wait_after=1.0)
    time.sleep(1.5)  # the app is down
    store = Store.open(str(db_path))
    view = meeting_view(store, meeting_id)
    assert view.status == "running" and view.current_step.position == 3
    app = HoinghiApp(store, meeting_id=meeting_id)
    step = view.current_step
    assert (datetime.now() - step.started_at).total_seconds() >= 2.5  # before the kill + the downtime

    def bar_counts_the_downtime() -> bool:
        # The bar ticks once a second: it shows this second's elapsed time or the one before.
        elapsed = int((datetime.now() - step.started_at).total_seconds())
        bar = str(app.screen.query_one(ClockBar).render())
        return f"Bước 3: 0:{elapsed:02d}" in bar or f"Bước 3: 0:{elapsed - 1:02d}" in bar

    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, bar_counts_the_downtime)
    store.close()


async def test_recess_survives_a_sigkill(db_path):
    store = Store.open(str(db_path))
    meeting_id = create_demo(store, at=datetime.now())
    store.close()
    run_and_kill(db_path, meeting_id, "n n p", "", wait_after=0.5)
    store = Store.open(str(db_path))
    view = meeting_view(store, meeting_id)
    assert view.status == "recess" and view.recess_since is not None
    store.close()


def test_notes_typed_then_sigkill_within_a_second_are_kept(db_path):
    store = Store.open(str(db_path))
    meeting_id = create_demo(store, at=datetime.now())
    store.close()
    notes = "Đồng chí Hoàng Văn Thắng, Chủ tịch UBND xã phát biểu khai mạc"
    run_and_kill(db_path, meeting_id, "n w", notes, wait_after=0.9)
    store = Store.open(str(db_path))
    assert meeting_view(store, meeting_id).agenda[0].notes == notes
    store.close()
