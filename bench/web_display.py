"""How long a change takes to reach the hall display served to a browser
(``hoinghi display --serve``): this process calls the next speaker and then reads the
websocket, as the browser would, until the redrawn "next" line names the following one.

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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._util import summary  # noqa: E402

_ANSI = re.compile(rb"\x1b(\[[0-9;?$]*[A-Za-z]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][A-Z0-9])")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _wait_text(ws, wanted: str, seconds: float) -> bool:
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


async def measure(db: str, meeting_id: int, port: int, samples: int = 15) -> tuple[float, list[float]]:
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
            assert await _wait_text(ws, f"Tiếp theo: {names[0]}", 30)
            first_paint = (time.perf_counter() - opened) * 1000
            for n in range(samples):
                await asyncio.sleep(0.2 + 0.037 * n)  # land at different points of the poll cycle
                console(store, meeting_id).call_next()
                committed = time.perf_counter()
                assert await _wait_text(ws, f"Tiếp theo: {names[n + 1]}", 5)
                delays.append((time.perf_counter() - committed) * 1000)
    store.close()
    return first_paint, delays


def main() -> None:
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        print("browser display: textual-serve not installed (pip install -e '.[serve]'); nothing measured")
        return
    from bench._data import meeting_in_dialogue

    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "web.db")
        meeting_id = meeting_in_dialogue(db)
        port = _free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "session",
                "--lang",
                "vi",
                "display",
                "--serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--db",
                db,
            ],
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
            first_paint, delays = asyncio.run(measure(db, meeting_id, port))
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(10)
        print(f"browser display: page opened -> first screen {first_paint:.0f} ms (starts one display process)")
        print(f"change -> redrawn in the browser's stream: {summary(delays)}  (target < 1000; poll every 500 ms)")


if __name__ == "__main__":
    main()
