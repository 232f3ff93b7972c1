"""Headless Chromium for the tests, driven over its DevTools protocol (a websocket,
through aiohttp — which textual-serve already brings; no browser download).

``Browser`` opens one page at a fixed window size, records every URL the page asks
for (documents, scripts, fonts, websockets), takes screenshots (decoded by the small
PNG reader below) and reads the terminal's rows from xterm.js's own buffer, which is
what its renderer paints.

Run as a module it is the client of the LAN test: ``python -m tests.browser URL TEXT``
opens URL, waits until TEXT is on screen and prints what it saw as JSON.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--mute-audio",
    "--hide-scrollbars",
]

# xterm.js keeps its Terminal objects to itself; this hook, run before the page's own
# scripts, notes each one as it is built, so the test can read the rows it renders.
_HOOK = """
(() => {
  window.__terminals = [];
  Object.defineProperty(Object.prototype, "_core", {
    configurable: true,
    set(value) {
      Object.defineProperty(this, "_core", { value, writable: true, configurable: true });
      if (typeof this.loadAddon === "function" && this.buffer !== undefined) window.__terminals.push(this);
    },
  });
})();
"""

_ROWS = """
(() => {
  const term = window.__terminals && window.__terminals[0];
  if (!term) return null;
  const buffer = term.buffer.active, rows = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return { rows, cols: term.cols, fontSize: Number(term.options.fontSize) };
})()
"""


def chromium_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not (shutil.which(CHROMIUM) or Path(CHROMIUM).exists()):
        return f"Chromium is not installed here ({CHROMIUM}; Debian package chromium); CI installs it"
    return None


@dataclass(frozen=True)
class Image:
    """A decoded screenshot: *rows* of RGB bytes."""

    width: int
    height: int
    rows: list[bytes]

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        row = self.rows[y]
        return row[3 * x], row[3 * x + 1], row[3 * x + 2]

    def rows_with(self, colour: tuple[int, int, int], tolerance: int = 24) -> list[int]:
        """The y of every row holding at least a few pixels of about *colour*."""
        found = []
        for y, row in enumerate(self.rows):
            hits = 0
            for x in range(0, self.width, 2):
                r, g, b = row[3 * x], row[3 * x + 1], row[3 * x + 2]
                if (
                    abs(r - colour[0]) <= tolerance
                    and abs(g - colour[1]) <= tolerance
                    and abs(b - colour[2]) <= tolerance
                ):
                    hits += 1
                    if hits >= 3:
                        found.append(y)
                        break
        return found


def decode_png(data: bytes) -> Image:
    """An 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes) as RGB rows."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, [], 0
    height = channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat.append(body)
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    previous = bytearray(stride)
    rows: list[bytes] = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b, c = previous[i], previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        previous = line
        if channels == 4:
            del line[3::4]
        rows.append(bytes(line))
    return Image(width, height, rows)


class Browser:
    """One headless Chromium with one page of *width* × *height* CSS pixels."""

    def __init__(self, width: int = 1280, height: int = 720) -> None:
        self.width, self.height = width, height
        self.requests: list[str] = []
        self.events: list[dict] = []
        self._folder = tempfile.mkdtemp(prefix="hoinghi-chromium-")
        self._process: subprocess.Popen | None = None
        self._http = None
        self._ws = None
        self._reader: asyncio.Task | None = None
        self._pending: dict[int, asyncio.Future] = {}
        self._next_id = 0

    async def __aenter__(self) -> Browser:
        import aiohttp

        self._process = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={self._folder}", "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = Path(self._folder) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().count("\n") >= 1):
            if time.monotonic() > deadline or self._process.poll() is not None:
                raise RuntimeError("Chromium did not start")
            await asyncio.sleep(0.05)
        port = int(port_file.read_text().split()[0])
        self._http = aiohttp.ClientSession()
        async with self._http.get(f"http://127.0.0.1:{port}/json/list") as reply:
            page = next(t for t in await reply.json() if t["type"] == "page")
        self._ws = await self._http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)
        self._reader = asyncio.create_task(self._read())
        await self.send("Network.enable")
        await self.send("Page.enable")
        await self.send("Page.addScriptToEvaluateOnNewDocument", source=_HOOK)
        await self.send(
            "Emulation.setDeviceMetricsOverride",
            width=self.width,
            height=self.height,
            deviceScaleFactor=1,
            mobile=False,
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._reader:
            self._reader.cancel()
        if self._ws is not None:
            await self._ws.close()
        if self._http is not None:
            await self._http.close()
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        shutil.rmtree(self._folder, ignore_errors=True)

    async def _read(self) -> None:
        async for message in self._ws:
            data = json.loads(message.data)
            if "id" in data:
                future = self._pending.pop(data["id"], None)
                if future is not None and not future.done():
                    future.set_result(data)
                continue
            self.events.append(data)
            params = data.get("params", {})
            if data.get("method") == "Network.requestWillBeSent":
                self.requests.append(params["request"]["url"])
            elif data.get("method") == "Network.webSocketCreated":
                self.requests.append(params["url"])

    async def send(self, method: str, **params: object) -> dict:
        self._next_id += 1
        future = asyncio.get_running_loop().create_future()
        self._pending[self._next_id] = future
        await self._ws.send_json({"id": self._next_id, "method": method, "params": params})
        reply = await asyncio.wait_for(future, 30)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    async def open(self, url: str) -> None:
        await self.send("Page.navigate", url=url)

    async def evaluate(self, expression: str) -> object:
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        return result.get("result", {}).get("value")

    async def screen(self) -> dict | None:
        """The terminal's rows as text (``rows``), its ``cols`` and ``fontSize``."""
        return await self.evaluate(_ROWS)  # type: ignore[return-value]

    async def wait_for_text(self, wanted: str, seconds: float) -> dict:
        """The screen once *wanted* is on it; AssertionError with what was there if not in time."""
        deadline = time.monotonic() + seconds
        screen = None
        while time.monotonic() < deadline:
            screen = await self.screen()
            if screen and any(wanted in row for row in screen["rows"]):
                return screen
            await asyncio.sleep(0.05)
        shown = "\n".join(screen["rows"]) if screen else "(no terminal)"
        raise AssertionError(f"{wanted!r} not on screen after {seconds} s:\n{shown}")

    async def screenshot_png(self) -> bytes:
        result = await self.send("Page.captureScreenshot", format="png", optimizeForSpeed=True)
        return base64.b64decode(result["data"])

    async def screenshot(self) -> Image:
        return decode_png(await self.screenshot_png())


async def _probe(url: str, wanted: str) -> dict:
    async with Browser() as browser:
        await browser.open(url)
        screen = await browser.wait_for_text(wanted, 30)
        return {"requests": browser.requests, "rows": screen["rows"], "cols": screen["cols"]}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(_probe(sys.argv[1], sys.argv[2])), ensure_ascii=False))
