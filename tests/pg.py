"""A throwaway PostgreSQL cluster for the database tests (Debian's postgresql package).

Started once per test session on a free local port; each test gets its own database.
Where the server is not installed the tests skip with the reason — in CI they must run.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

_counter = itertools.count(1)


def free_port() -> int:
    """A TCP port nothing listens on now (for a throwaway server)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    def __init__(self) -> None:
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not found:
            reason = "PostgreSQL server is not installed here (Debian package postgresql); CI installs it"
            if os.environ.get("CI") == "true":
                pytest.fail(reason + " — but this is CI, where it must run")
            pytest.skip(reason)
        self.bin = Path(found[-1]).parent
        self.data = Path(tempfile.mkdtemp(prefix="hoinghi-pg-"))
        self.port = free_port()
        self.run_as: list[str] = []
        if os.geteuid() == 0:  # initdb refuses to run as root: run the server as postgres
            shutil.chown(self.data, "postgres", "postgres")
            self.run_as = ["runuser", "-u", "postgres", "--"]
        self._run("initdb", "-D", str(self.data / "db"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50"
        self._run("pg_ctl", "-D", str(self.data / "db"), "-o", options, "-w", "-l", str(self.data / "log"), "start")

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self.run_as, str(self.bin / tool), *args], check=True, capture_output=True, timeout=120)

    def new_database(self) -> str:
        import psycopg

        name = f"hoinghi_{os.getpid()}_{next(_counter)}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True) as c:
            c.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data / "db"), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.data, ignore_errors=True)
