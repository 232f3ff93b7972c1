"""The ``hoinghi`` command's entry point: loads the command line with the garbage
collector held back.

Starting the app imports Textual, SQLAlchemy, pydantic and our tables: millions of
objects that live as long as the process. While they load, the collector's full passes
walk all of them again and again — about 120 ms more than a bare Textual app spends on the
same, on a 2-core laptop. So collection waits until the first screen is painted (the app
then freezes what it loaded out of later passes, see ``release``), or a few seconds at
most for a command that opens no screen.
"""

from __future__ import annotations

import gc
import threading

#: A command that opens no screen (an export, a report, a server) collects from here on.
HOLD_AT_MOST_SECONDS = 3.0


def release(*, freeze: bool = False) -> None:
    """Let the collector run again; with *freeze*, first move everything loaded so far
    out of its full passes (it lives as long as the app)."""
    if freeze:
        gc.freeze()
    gc.enable()


_holding: list[threading.Timer] = []


def hold() -> None:
    """Hold the collector back until ``release`` or for HOLD_AT_MOST_SECONDS (once)."""
    if _holding:
        return
    gc.disable()
    timer = threading.Timer(HOLD_AT_MOST_SECONDS, release)
    timer.daemon = True
    timer.start()
    _holding.append(timer)


def main() -> None:
    hold()
    from session.cli import main as command

    command()
