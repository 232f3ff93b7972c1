"""The hall display in a real browser (headless Chromium), as a projector shows it:
large, drawn from this machine only, and changed within a second by a call made at the
secretary's desk in another process."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import pytest

from models.store import Store
from session.domain.demo import create_demo
from tests.browser import Browser, chromium_missing, decode_png
from tests.conftest import desk
from tests.pg import free_port
from tests.served import serving

pytestmark = pytest.mark.slow  # a real browser against a served display

pytest.importorskip("textual_serve", reason="the `serve` extra (textual-serve) is not installed")


@pytest.fixture(autouse=True)
def _chromium() -> None:
    """Skip where Chromium is not installed, with the reason — in CI it must run."""
    missing = chromium_missing()
    if missing and os.environ.get("CI") == "true":
        pytest.fail(missing + " — but this is CI, where it must run", pytrace=False)
    if missing:
        pytest.skip(missing)


GREEN, RED = (0x3D, 0xDC, 0x84), (0xFF, 0x40, 0x40)  # the countdown, as HallBoard colours it

CALL_NEXT = textwrap.dedent("""
    import sys, time
    from datetime import datetime, timedelta
    from models.store import Store
    from session.workstation import Desk, Workstation
    store = Store.open(sys.argv[1])
    moment = datetime.now() - timedelta(seconds=float(sys.argv[3]))
    Workstation(store, int(sys.argv[2]), Desk("console", "test"), lambda: moment).call_next()
    print(time.monotonic(), flush=True)
""")


def _in_dialogue(db_path) -> int:
    store = Store.open(str(db_path))
    meeting_id = create_demo(store, at=datetime.now())
    now = datetime.now()
    desk(store, meeting_id, now - timedelta(minutes=70)).start_meeting()
    for _ in range(5):
        desk(store, meeting_id, now - timedelta(minutes=1)).next_step()
    store.close()
    return meeting_id


def _call_next_elsewhere(db_path, meeting_id: int, seconds_ago: float = 0) -> float:
    """The secretary calls the next speaker from another process; returns when it committed."""
    done = subprocess.run(
        [sys.executable, "-c", CALL_NEXT, str(db_path), str(meeting_id), str(seconds_ago)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.strip())


@pytest.mark.serial
async def test_the_projector_browser_shows_the_display_large_and_a_call_changes_it_within_a_second(db_path, tmp_path):
    meeting_id = _in_dialogue(db_path)
    with serving(db_path, tmp_path) as port:
        origin = f"http://127.0.0.1:{port}"
        async with Browser(1280, 720) as browser:
            await browser.open(origin + "/")
            screen = await browser.wait_for_text("Mời chuẩn bị phát biểu", 30)
            rows = screen["rows"]
            assert any("Bước 6/9 · Tiến hành đối thoại" in row for row in rows)
            assert any("Tiếp theo: Lăng Thị Mỵ  ·  Vi Văn Dũng" in row for row in rows)
            assert len(rows) <= 26 and screen["cols"] >= 64, "type sized for the back of the hall"
            before = await browser.screenshot_png()

            committed = _call_next_elsewhere(db_path, meeting_id)
            changed = None
            while time.monotonic() - committed < 3:
                if await browser.screenshot_png() != before:
                    changed = time.monotonic() - committed
                    break
            assert changed is not None and changed < 1.0, f"the screenshot changed after {changed} s"

            screen = await browser.wait_for_text("Thôn Nà Pàn · đất đai", 2)
            assert any("Đang phát biểu" in row for row in screen["rows"])
            assert any("Thời gian còn lại" in row for row in screen["rows"])
            shot = decode_png(await browser.screenshot_png())
            digits = shot.rows_with(GREEN)
            assert digits, "no countdown on screen"
            assert digits[-1] - digits[0] + 1 >= 720 / 4, f"the countdown is {digits[-1] - digits[0] + 1} px high"
            # The name is drawn above the countdown in big white letters.
            white = shot.rows_with((0xFF, 0xFF, 0xFF), tolerance=8)
            name = [y for y in white if y < digits[0]]
            assert name and name[-1] - name[0] >= 720 / 10

            # Everything the page asked for came from the server it was opened from.
            assert browser.requests, "no request recorded"
            for url in browser.requests:
                parts = urlsplit(url)
                assert parts.netloc == f"127.0.0.1:{port}", url
            assert any(u.startswith(f"ws://127.0.0.1:{port}/ws?") for u in browser.requests)
            assert any(u.endswith("/static/fonts/RobotoMono-VariableFont_wght.ttf") for u in browser.requests)


async def test_a_small_window_gets_smaller_type_and_a_speaker_over_time_turns_red(db_path, tmp_path):
    meeting_id = _in_dialogue(db_path)
    _call_next_elsewhere(db_path, meeting_id, seconds_ago=200)  # 3 minutes allowed: 20 s over
    with serving(db_path, tmp_path) as port:
        async with Browser(640, 360) as browser:
            await browser.open(f"http://127.0.0.1:{port}/")
            screen = await browser.wait_for_text("QUÁ GIỜ", 30)
            assert screen["fontSize"] < 16 and screen["cols"] >= 64
            shot = decode_png(await browser.screenshot_png())
            assert (shot.width, shot.height) == (640, 360)
            digits = shot.rows_with(RED)
            assert digits and digits[-1] - digits[0] + 1 >= 360 / 4
            assert not shot.rows_with(GREEN), "the countdown is red, not green, once over"


async def test_after_the_server_restarts_the_projector_comes_back_by_itself(db_path, tmp_path):
    _in_dialogue(db_path)
    port = free_port()
    async with Browser(800, 450) as browser:
        with serving(db_path, tmp_path, port=port):
            await browser.open(f"http://127.0.0.1:{port}/")
            await browser.wait_for_text("Mời chuẩn bị phát biểu", 30)
        # The laptop serving the display restarted: the page says so, in the hall's language…
        assert await _body_class(browser, lambda c: "-closed" in c, 10)
        assert await browser.evaluate("document.getElementById('closed').innerText.includes('Mất kết nối')")
        with serving(db_path, tmp_path, port=port):
            # …and picks the display up again once the server answers, with nobody at the keyboard.
            assert await _body_class(browser, lambda c: "-first-byte" in c and "-closed" not in c, 30)
            await browser.wait_for_text("Mời chuẩn bị phát biểu", 10)


async def _body_class(browser: Browser, wanted, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if wanted(await browser.evaluate("document.body.className") or ""):
            return True
        await asyncio.sleep(0.1)
    return False
