"""The hall display served to a browser (``hoinghi display --serve``) follows the meeting."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from datetime import datetime

import pytest

from models.store import Store
from session.domain.demo import create_demo
from tests.conftest import desk
from tests.pg import free_port

aiohttp = pytest.importorskip("aiohttp", reason="the `serve` extra (textual-serve) is not installed")
pytest.importorskip("textual_serve", reason="the `serve` extra (textual-serve) is not installed")

_ANSI = re.compile(rb"\x1b(\[[0-9;?$]*[A-Za-z]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][A-Z0-9])")


def _wait_for_port(port: int, seconds: float, log) -> None:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on port {port}:\n{log.read_text(errors='replace')}")


class Screen:
    """What the browser has been sent so far, as plain text."""

    def __init__(self) -> None:
        self.raw = b""

    @property
    def text(self) -> str:
        return _ANSI.sub(b"", self.raw).decode("utf-8", "replace")


async def _read_until(ws, screen: Screen, wanted: str, seconds: float) -> bool:
    try:
        async with asyncio.timeout(seconds):
            async for msg in ws:
                if msg.type == aiohttp.WSMsgType.BINARY:
                    screen.raw += msg.data
                    if wanted in screen.text:
                        return True
    except TimeoutError:
        pass
    return wanted in screen.text


@pytest.fixture
def served(db_path, tmp_path):
    store = Store.open(str(db_path))
    meeting_id = create_demo(store, at=datetime.now())
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "session",
            "display",
            "--serve",
            "--port",
            str(port),
            "--host",
            "127.0.0.1",
            "--db",
            str(db_path),
        ],
        stdout=(tmp_path / "serve.log").open("wb"),  # a file, not a pipe nobody reads
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its app processes go with it
        env={**os.environ, "HOINGHI_LANG": "vi"},
    )
    try:
        _wait_for_port(port, 20, tmp_path / "serve.log")
        yield store, meeting_id, port
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        store.close()


async def test_the_browser_gets_the_display_and_follows_a_change_made_elsewhere(served):
    store, meeting_id, port = served
    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{port}/") as page:
            assert page.status == 200
            assert f"ws://127.0.0.1:{port}/ws" in await page.text()
        async with http.ws_connect(f"ws://127.0.0.1:{port}/ws?width=100&height=30") as ws:
            screen = Screen()
            assert await _read_until(ws, screen, "Mời đăng ký phát biểu", 20), screen.text[-2000:]
            assert "Hòa An" in screen.text
            assert "Tiếp theo: Hoàng Văn Páo" in screen.text
            assert "Tiến hành đối thoại" not in screen.text
            screen.raw = b""  # from here on: only what the change makes the browser redraw
            # The secretary starts the dialogue and calls the first speaker, in another process.
            now = datetime.now()
            desk(store, meeting_id, now).start_meeting()
            for _ in range(5):
                desk(store, meeting_id, now).next_step()
            desk(store, meeting_id, now).call_next()
            assert await _read_until(ws, screen, "Tiếp theo: Lăng Thị Mỵ", 5), screen.text[-2000:]
            assert await _read_until(ws, screen, "Tiến hành đối thoại", 2)
            assert "Hoàng Văn Páo" in screen.text  # now at the microphone, not in the next three


def test_serving_without_the_extra_says_how_to_install_it(db_path, monkeypatch):
    from click.testing import CliRunner

    from session.cli import main

    store = Store.open(str(db_path))
    create_demo(store, at=datetime.now())
    store.close()
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)  # as if not installed
    result = CliRunner().invoke(main, ["--lang", "vi", "display", "--serve", "--db", str(db_path)])
    assert result.exit_code == 1
    assert "pip install 'hoinghi[serve]'" in result.output
    assert "Traceback" not in result.output
