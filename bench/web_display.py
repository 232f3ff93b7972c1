"""How the hall display served to a browser (``hoinghi display --serve``) does:

1. the websocket, read as a browser would: first screen, and how long a call of the next
   speaker takes to reach the redrawn "next" line;
2. in headless Chromium at 1280×720 (when installed): page opened -> display shown,
   a call made in another process -> the screenshot changes, the font size and grid the
   page chose and the countdown's height in pixels.

Run: .venv/bin/python bench/web_display.py   (needs the `serve` extra)
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._util import summary  # noqa: E402

_ANSI = re.compile(rb"\x1b(\[[0-9;?$]*[A-Za-z]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][A-Z0-9])")
GREEN = (0x3D, 0xDC, 0x84)  # the countdown's colour on the board


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


async def _wait_text(ws: Any, wanted: str, seconds: float) -> bool:
    import aiohttp

    raw = b""
    try:
        async with asyncio.timeout(seconds):
            async for msg in ws:
                if msg.type == aiohttp.WSMsgType.BINARY:
                    raw += msg.data
                    if wanted in _ANSI.sub(b"", raw).decode("utf-8", "replace"):
                        return True
    except TimeoutError:
        pass
    return False


async def measure_stream(db: str, meeting_id: int, port: int, samples: int = 15) -> tuple[float, list[float]]:
    import aiohttp

    from bench._data import console
    from models.store import Store
    from session.domain.registrations import list_registrations

    store = Store.open(db)
    names = [r.name for r in list_registrations(store, meeting_id)]
    delays: list[float] = []
    async with aiohttp.ClientSession() as http:
        opened = time.perf_counter()
        async with http.ws_connect(f"ws://127.0.0.1:{port}/ws?width=100&height=30") as ws:
            assert await _wait_text(ws, "Mời chuẩn bị phát biểu", 30)
            first_paint = (time.perf_counter() - opened) * 1000
            for n in range(samples):
                await asyncio.sleep(0.2 + 0.037 * n)  # land at different points of the poll cycle
                console(store, meeting_id).call_next()
                committed = time.perf_counter()
                assert await _wait_text(ws, f"Tiếp theo: {names[n + 1]}", 5)
                delays.append((time.perf_counter() - committed) * 1000)
    store.close()
    return first_paint, delays


async def measure_browser(db: str, meeting_id: int, port: int, samples: int = 8) -> dict[str, Any]:
    from bench._data import console
    from models.store import Store
    from tests.browser import Browser, decode_png

    store = Store.open(db)
    figures: dict[str, Any] = {"changes": []}
    async with Browser(1280, 720) as browser:
        opened = time.perf_counter()
        await browser.open(f"http://127.0.0.1:{port}/")
        screen = await browser.wait_for_text("Tiếp theo:", 60)
        figures["first"] = (time.perf_counter() - opened) * 1000
        figures["grid"] = (screen["cols"], len(screen["rows"]), screen["fontSize"])
        for n in range(samples):
            await asyncio.sleep(0.3 + 0.05 * n)
            before = await browser.screenshot_png()
            console(store, meeting_id).call_next()
            committed = time.perf_counter()
            while time.perf_counter() - committed < 5 and await browser.screenshot_png() == before:
                pass
            figures["changes"].append((time.perf_counter() - committed) * 1000)
        shot = decode_png(await browser.screenshot_png())
        rows = shot.rows_with(GREEN)
        figures["countdown"] = rows[-1] - rows[0] + 1 if rows else 0
        figures["requests"] = browser.requests
    store.close()
    return figures


def main() -> None:
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        print("browser display: textual-serve not installed (pip install -e '.[serve]'); nothing measured")
        return
    from bench._data import meeting_in_dialogue
    from tests.browser import chromium_missing

    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "web.db")
        meeting_id = meeting_in_dialogue(db)
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "session", "--lang", "vi", "display", "--serve", "--port", str(port), "--db", db],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            for _ in range(200):
                with socket.socket() as s:
                    if s.connect_ex(("127.0.0.1", port)) == 0:
                        break
                time.sleep(0.05)
            first_paint, delays = asyncio.run(measure_stream(db, meeting_id, port))
            missing = chromium_missing()
            browser = None if missing else asyncio.run(measure_browser(db, meeting_id, port))
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(10)
        print(f"browser display: page opened -> first screen {first_paint:.0f} ms (starts one display process)")
        print(f"change -> redrawn in the browser's stream: {summary(delays)}  (target < 1000; poll every 500 ms)")
        if browser is None:
            print(f"chromium: {missing}; nothing measured")
            return
        cols, rows, font = browser["grid"]
        outside = [u for u in browser["requests"] if f"127.0.0.1:{port}" not in u]
        print(
            f"chromium 1280x720: page opened -> display shown {browser['first']:.0f} ms; font {font}px, {cols}x{rows} cells"
        )
        print(
            f"chromium: call in another process -> screenshot changed: {summary(browser['changes'])}  (target < 1000)"
        )
        print(
            f"chromium: countdown {browser['countdown']} px high of 720 ({browser['countdown'] / 720:.0%}; target >= 25%)"
        )
        print(f"chromium: {len(browser['requests'])} requests, {len(outside)} outside the server's origin")


if __name__ == "__main__":
    main()
