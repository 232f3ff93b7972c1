"""The hall display in a browser (màn hình hội trường qua trình duyệt), via textual-serve.

Each browser that opens the page gets its own read-only ``hoinghi display`` process,
which follows the meeting from the database like the terminal display does. The
database URL travels in the environment, not on a command line other users can list.
"""

from __future__ import annotations

import os
import shlex
import sys

from models.errors import HoinghiError


def display_command(meeting_id: int, lang: str) -> str:
    """The shell command textual-serve starts for each browser."""
    return shlex.join([sys.executable, "-m", "session", "display", "--meeting", str(meeting_id), "--lang", lang])


def serve_display(db_url: str, meeting_id: int, lang: str, host: str, port: int, title: str) -> None:
    """Serve the display view on http://host:port until Ctrl+C."""
    try:
        from textual_serve.server import Server
    except ImportError:
        raise HoinghiError("serve.missing") from None
    os.environ["HOINGHI_DB"] = db_url
    Server(display_command(meeting_id, lang), host=host, port=port, title=title).serve()
