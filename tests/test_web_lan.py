"""The served hall display seen from another machine on the LAN.

The other machine is a second network namespace on this one, joined to it by a veth
pair on a private /30: its browser knows the server only by the server's address on
that link, never as localhost. The namespace is made and removed by the test; where
this machine cannot make one (not root, no CAP_NET_ADMIN, no ``ip``) the test skips
with the reason — in CI (root) it must run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from models.store import Store
from session.domain.demo import create_demo
from tests.browser import chromium_missing
from tests.served import serving

pytestmark = pytest.mark.slow  # a served display opened over the network

pytest.importorskip("textual_serve", reason="the `serve` extra (textual-serve) is not installed")

ROOT = Path(__file__).resolve().parent.parent

# The other machine's plain HTTP + websocket client: the page, then the display itself.
CLIENT = textwrap.dedent("""
    import asyncio, json, re, sys
    import aiohttp

    async def main(url):
        async with aiohttp.ClientSession() as http:
            async with http.get(url) as reply:
                page = await reply.text()
            ws_url = re.search(r'data-session-websocket-url="([^"]+)"', page).group(1)
            screen = b""
            async with http.ws_connect(ws_url + "?width=100&height=30") as ws:
                async with asyncio.timeout(30):
                    async for msg in ws:
                        if msg.type == aiohttp.WSMsgType.BINARY:
                            screen += msg.data
                            if "Mời đăng ký phát biểu".encode() in screen:
                                break
        print(json.dumps({"page": page, "websocket": ws_url, "screen": screen.decode("utf-8", "replace")}))

    asyncio.run(main(sys.argv[1]))
""")


@dataclass(frozen=True)
class Link:
    """A second machine: the namespace *name*, reaching this one at *server* (a /30)."""

    name: str
    server: str
    client: str

    def run(self, *command: str, timeout: float = 60) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["ip", "netns", "exec", self.name, *command],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )


def _cannot(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(reason + " — but this is CI, where it must run", pytrace=False)
    pytest.skip(reason)


def _ip(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["ip", *args], capture_output=True, text=True, timeout=30)


@pytest.fixture
def lan() -> Iterator[Link]:
    if shutil.which("ip") is None:
        _cannot("the `ip` command (iproute2) is not installed here; CI installs it")
    if os.geteuid() != 0:
        _cannot("making a network namespace needs root (CAP_NET_ADMIN); run the suite as root or in CI")
    tag = f"hn{os.getpid() % 10**7}"
    subnet = os.getpid() % 16384  # a /30 of 10.213.0.0/16 of its own, per test process
    prefix = f"10.213.{subnet // 64}.{(subnet % 64) * 4}"
    base = prefix.rsplit(".", 1)[0]
    last = int(prefix.rsplit(".", 1)[1])
    link = Link(tag, f"{base}.{last + 1}", f"{base}.{last + 2}")
    made = _ip("netns", "add", tag)
    if made.returncode != 0:
        _cannot(f"this machine cannot make a network namespace: {made.stderr.strip()}")
    try:
        steps = [
            ("link", "add", f"{tag}a", "type", "veth", "peer", "name", f"{tag}b"),
            ("link", "set", f"{tag}b", "netns", tag),
            ("addr", "add", f"{link.server}/30", "dev", f"{tag}a"),
            ("link", "set", f"{tag}a", "up"),
            ("netns", "exec", tag, "ip", "addr", "add", f"{link.client}/30", "dev", f"{tag}b"),
            ("netns", "exec", tag, "ip", "link", "set", f"{tag}b", "up"),
            ("netns", "exec", tag, "ip", "link", "set", "lo", "up"),
        ]
        for step in steps:
            done = _ip(*step)
            if done.returncode != 0:
                _cannot(f"this machine cannot link a network namespace (ip {' '.join(step)}): {done.stderr.strip()}")
        yield link
    finally:
        _ip("link", "del", f"{tag}a")  # removes its peer too
        _ip("netns", "del", tag)


@pytest.fixture
def demo_db(db_path):
    store = Store.open(str(db_path))
    create_demo(store, at=datetime.now())
    store.close()
    return db_path


def test_a_machine_on_the_lan_gets_a_page_that_points_back_to_the_address_it_used(lan, demo_db, tmp_path):
    with serving(demo_db, tmp_path, "--host", lan.server, reach=lan.server) as port:
        seen = lan.run(sys.executable, "-c", CLIENT, f"http://{lan.server}:{port}/")
    assert seen.returncode == 0, seen.stderr
    got = json.loads(seen.stdout)
    assert got["websocket"] == f"ws://{lan.server}:{port}/ws"
    assert "localhost" not in got["page"] and "127.0.0.1" not in got["page"]
    assert "Mời đăng ký phát biểu" in got["screen"]  # the display itself, over the LAN


def test_a_projectors_browser_on_the_lan_loads_everything_from_the_server_it_asked(lan, demo_db, tmp_path):
    missing = chromium_missing()
    if missing:
        _cannot(missing)
    with serving(demo_db, tmp_path, "--host", lan.server, reach=lan.server) as port:
        origin = f"http://{lan.server}:{port}"
        browsed = lan.run(sys.executable, "-m", "tests.browser", origin + "/", "Mời đăng ký phát biểu", timeout=120)
    assert browsed.returncode == 0, browsed.stderr[-3000:]
    result = json.loads(browsed.stdout)
    assert any("Hội nghị đối thoại" in row for row in result["rows"])
    assert {urlsplit(url).netloc for url in result["requests"]} == {f"{lan.server}:{port}"}
    kinds = {Path(urlsplit(url).path).suffix or urlsplit(url).path for url in result["requests"]}
    assert {".js", ".css", ".ttf", "/ws"} <= kinds


def test_by_default_the_lan_cannot_open_the_display(lan, demo_db, tmp_path):
    with serving(demo_db, tmp_path) as port:  # no --host: 127.0.0.1 only
        probe = f"import socket; s = socket.socket(); s.settimeout(3); print(s.connect_ex(({lan.server!r}, {port})))"
        seen = lan.run(sys.executable, "-c", probe)
        assert seen.returncode == 0, seen.stderr
        assert seen.stdout.strip() != "0", "the display answered the LAN without being asked to"
