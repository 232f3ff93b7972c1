"""The hall display served to a browser (``hoinghi display --serve``): the page's
addresses are the ones the browser used, nothing is loaded from outside the machine,
only this machine can open it unless asked, and the display follows the meeting."""

from __future__ import annotations

import asyncio
import re
import socket
import sys
from datetime import datetime

import pytest

from models.store import Store
from session.domain.demo import create_demo
from tests.conftest import desk
from tests.served import serving

pytestmark = pytest.mark.slow  # a served display

aiohttp = pytest.importorskip("aiohttp", reason="the `serve` extra (textual-serve) is not installed")
pytest.importorskip("textual_serve", reason="the `serve` extra (textual-serve) is not installed")

_ANSI = re.compile(rb"\x1b(\[[0-9;?$]*[A-Za-z]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][A-Z0-9])")
_URL = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']|url\(\s*["']?([^"')]+)["']?\s*\)""")


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


async def _get(url: str, **headers: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as http:
        async with http.get(url, headers=headers) as reply:
            return reply.status, await reply.text()


@pytest.fixture
def demo_db(db_path):
    store = Store.open(str(db_path))
    meeting_id = create_demo(store, at=datetime.now())
    yield store, meeting_id
    store.close()


async def test_the_browser_gets_the_display_and_follows_a_change_made_elsewhere(demo_db, db_path, tmp_path):
    store, meeting_id = demo_db
    with serving(db_path, tmp_path) as port:
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(f"ws://127.0.0.1:{port}/ws?width=100&height=30") as ws:
                screen = Screen()
                assert await _read_until(ws, screen, "Mời đăng ký phát biểu tại bộ phận tiếp nhận", 20), screen.text[
                    -2000:
                ]
                assert "Hội nghị bắt đầu lúc" in screen.text
                assert "Hòa An" in screen.text
                assert "Tiến hành đối thoại" not in screen.text
                screen.raw = b""  # from here on: only what the change makes the browser redraw
                # The secretary starts the dialogue and calls the first speaker, in another process.
                now = datetime.now()
                console = desk(store, meeting_id, now)
                console.start_meeting()
                for _ in range(5):
                    console.next_step()
                console.call_next()
                assert await _read_until(ws, screen, "Tiếp theo: Lăng Thị Mỵ", 5), screen.text[-2000:]
                assert await _read_until(ws, screen, "Tiến hành đối thoại", 2)
                assert "Thôn Nà Pàn · đất đai" in screen.text  # Hoàng Văn Páo, at the microphone


async def test_the_page_uses_the_address_the_browser_asked_for_and_loads_nothing_from_outside(
    demo_db, db_path, tmp_path
):
    with serving(db_path, tmp_path) as port:
        base = f"http://127.0.0.1:{port}"
        # A projector PC on the LAN asked for the server by its LAN address.
        status, page = await _get(f"{base}/", Host=f"192.168.1.10:{port}")
        assert status == 200
        assert f'data-session-websocket-url="ws://192.168.1.10:{port}/ws"' in page
        assert "localhost" not in page and "127.0.0.1" not in page
        # Behind a TLS proxy, the websocket is a secure one.
        _, proxied = await _get(f"{base}/", Host="hall.example", **{"X-Forwarded-Proto": "https"})
        assert 'data-session-websocket-url="wss://hall.example/ws"' in proxied
        # A forged Host header is not written into the page.
        _, forged = await _get(f"{base}/", Host='x"><script>alert(1)</script>')
        assert "<script>alert" not in forged
        assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in forged
        # Every address in the page and its stylesheet is relative: the same machine.
        urls = [a or b for a, b in _URL.findall(page)]
        assert sorted(urls) == sorted(
            [
                "static/css/xterm.css",
                "static/fonts/RobotoMono-VariableFont_wght.ttf",
                "static/js/textual.js",
            ]
        )
        async with aiohttp.ClientSession() as http:
            for url in urls:
                async with http.get(f"{base}/{url}") as reply:
                    assert reply.status == 200, url
                    if url.endswith(".css"):
                        css = await reply.text()
                        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css), "the stylesheet loads from outside"
        assert "googleapis" not in page


async def test_a_public_url_gives_the_page_absolute_addresses(demo_db, db_path, tmp_path):
    with serving(db_path, tmp_path, "--public-url", "https://hall.example/hoinghi/") as port:
        _, page = await _get(f"http://127.0.0.1:{port}/")
    assert 'data-session-websocket-url="wss://hall.example/hoinghi/ws"' in page
    assert 'src="https://hall.example/hoinghi/static/js/textual.js"' in page


def test_by_default_only_this_machine_can_open_the_display(demo_db, db_path, tmp_path):
    from session.web_display import lan_addresses

    others = lan_addresses()
    with serving(db_path, tmp_path) as port:
        with socket.socket() as s:
            assert s.connect_ex(("127.0.0.1", port)) == 0
        for address in others:  # this machine's other addresses (none on an offline laptop)
            with socket.socket() as s:
                s.settimeout(2)
                assert s.connect_ex((address, port)) != 0, f"the display answers on {address}"


def test_the_public_url_is_checked_and_explained(demo_db, db_path):
    from click.testing import CliRunner

    from session.cli import main

    result = CliRunner().invoke(
        main, ["--lang", "vi", "display", "--serve", "--public-url", "ftp://hall", "--db", str(db_path)]
    )
    assert result.exit_code == 1
    assert "Địa chỉ công khai ftp://hall không hợp lệ" in result.output
    assert "Traceback" not in result.output


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


def test_the_command_says_which_address_to_open_and_listens_on_this_machine_only_by_default(
    demo_db, db_path, monkeypatch
):
    from click.testing import CliRunner

    from session import web_display
    from session.cli import main

    calls = []
    monkeypatch.setattr(web_display, "serve_display", lambda *args: calls.append(args))
    monkeypatch.setattr(web_display, "lan_addresses", lambda: ["192.168.1.10", "10.0.0.5"])
    alone = CliRunner().invoke(main, ["--lang", "vi", "display", "--serve", "--db", str(db_path)])
    assert alone.exit_code == 0, alone.output
    assert "http://127.0.0.1:8000" in alone.output
    assert calls[-1][3:5] == ("127.0.0.1", 8000)  # host, port
    lan = CliRunner().invoke(main, ["--lang", "vi", "display", "--serve", "--host", "0.0.0.0", "--db", str(db_path)])
    assert lan.exit_code == 0, lan.output
    assert "đang phục vụ tại http://192.168.1.10:8000" in lan.output
    assert "hoặc: http://10.0.0.5:8000" in lan.output
    assert "0.0.0.0" not in lan.output
    assert calls[-1][3] == "0.0.0.0"
