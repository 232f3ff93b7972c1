"""``hoinghi display --serve`` as a real process for the browser tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.pg import free_port


def wait_for_port(host: str, port: int, seconds: float, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex((host, port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"nothing listens on {host}:{port}:\n{log.read_text(errors='replace')}")


@contextmanager
def serving(db: Path, folder: Path, *options: str, reach: str = "127.0.0.1", port: int | None = None) -> Iterator[int]:
    """Serve the display of the latest meeting in *db*; yields the port. *reach*: the
    address the test waits on (the server's, when it listens elsewhere)."""
    port = port or free_port()
    log = folder / f"serve-{port}.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "session", "display", "--serve", "--port", str(port), "--db", str(db), *options],
        stdout=log.open("wb"),  # a file, not a pipe nobody reads
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its display processes go with it
        env={**os.environ, "HOINGHI_LANG": "vi"},
    )
    try:
        wait_for_port(reach, port, 20, log)
        yield port
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
