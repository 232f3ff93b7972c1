"""The hall display in a browser (màn hình hội trường qua trình duyệt), via textual-serve.

Each browser that opens the page gets its own read-only ``hoinghi display`` process,
which follows the meeting from the database like the terminal display does. The
database URL travels in the environment, not on a command line other users can list.

The page is our own (``session/web/display.html``), not textual-serve's:
- its script, stylesheet and font load from the address the browser used (relative
  URLs; the websocket from the request's ``Host``), or from ``--public-url`` — so a
  projector PC on the LAN connects to the machine it asked, never to "localhost";
- nothing comes from outside the machine (the font is textual-serve's own copy): a
  commune hall is often offline;
- the font size is chosen from the window, about 24 rows high, so the display's big
  name and countdown fill the projector.
"""

from __future__ import annotations

import os
import re
import shlex
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from models.errors import HoinghiError

if TYPE_CHECKING:
    from textual_serve.server import Server

PAGE_DIR = Path(__file__).with_name("web")
_HOST = re.compile(r"^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$")


def display_command(meeting_id: int, lang: str) -> str:
    """The shell command textual-serve starts for each browser."""
    return shlex.join([sys.executable, "-m", "session", "display", "--meeting", str(meeting_id), "--lang", lang])


def check_public_url(url: str | None) -> str | None:
    """``http(s)://host[:port][/path]`` without a trailing slash, or a clear error."""
    if url is None:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or not _HOST.match(parts.netloc):
        raise HoinghiError("serve.bad_url", url=url)
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def page_urls(public_url: str | None, scheme: str, host: str | None, fallback_host: str) -> dict[str, str]:
    """The page's static and websocket URLs, from *public_url* or as the browser asked.

    Without a public URL the static files are relative to the page and the websocket
    goes to the ``Host`` the browser sent (a malformed one falls back to the address
    the server listens on)."""
    if public_url:
        ws = "wss" if public_url.startswith("https:") else "ws"
        return {"static": f"{public_url}/static/", "websocket": f"{ws}{public_url[public_url.index(':') :]}/ws"}
    authority = host if host and _HOST.match(host) else fallback_host
    ws = "wss" if scheme == "https" else "ws"
    return {"static": "static/", "websocket": f"{ws}://{authority}/ws"}


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses other machines can reach (best effort, no traffic sent)."""
    found: list[str] = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # a documentation address: only picks the route
            found.append(probe.getsockname()[0])
    except OSError:
        pass
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    except OSError:
        pass
    return sorted({a for a in found if not a.startswith("127.")})


def make_server(command: str, host: str, port: int, title: str, public_url: str | None, lang: str) -> Server:
    """A textual-serve server that sends our page instead of its own."""
    import aiohttp_jinja2
    import jinja2
    import textual_serve
    from aiohttp import web
    from textual_serve.server import Server

    from session.i18n import t

    statics = Path(textual_serve.__file__).with_name("static")

    class DisplayServer(Server):
        async def _make_app(self) -> web.Application:
            app = web.Application()
            aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(PAGE_DIR), autoescape=True)
            app.add_routes(
                [
                    web.get("/", self.handle_index, name="index"),
                    web.get("/ws", self.handle_websocket, name="websocket"),
                    web.get("/favicon.ico", self.handle_favicon),
                    web.static("/static", statics, name="static"),
                ]
            )
            app.on_startup.append(self.on_startup)
            app.on_shutdown.append(self.on_shutdown)
            return app

        async def on_startup(self, app: web.Application) -> None:
            """Quiet: the command line has said where the display is served."""

        async def handle_favicon(self, request: web.Request) -> web.Response:
            return web.Response(status=204)

        @aiohttp_jinja2.template("display.html")
        async def handle_index(self, request: web.Request) -> dict[str, Any]:
            scheme = request.headers.get("X-Forwarded-Proto", request.scheme)
            urls = page_urls(public_url, scheme, request.host, f"{host}:{port}")
            return {
                "lang": lang,
                "title": t("display.page_title", title=title),
                "closed": t("display.page_closed"),
                "retry": t("display.page_retry"),
                "static_url": urls["static"],
                "websocket_url": urls["websocket"],
                "font_size": request.query.get("fontsize", ""),
            }

    return DisplayServer(command, host=host, port=port, title=title, public_url=public_url)


def serve_display(
    db_url: str, meeting_id: int, lang: str, host: str, port: int, title: str, public_url: str | None = None
) -> None:
    """Serve the display view on http://host:port until Ctrl+C."""
    try:
        import textual_serve.server  # noqa: F401
    except ImportError:
        raise HoinghiError("serve.missing") from None
    os.environ["HOINGHI_DB"] = db_url
    make_server(display_command(meeting_id, lang), host, port, title, public_url, lang).serve()
