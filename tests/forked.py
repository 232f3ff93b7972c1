"""Other processes for the tests of several desks at once, started in milliseconds.

A desk in another process is a new Python that imports the app before it does anything:
about a second of work, for a child that then opens a database and writes one row. Here
the children are forked from a server process (multiprocessing's forkserver) that has
imported the app's modules once: each is still a process of its own — its own database
connections, its own file locks, killed or exiting on its own — but it starts at once.

:func:`start` runs a piece of Python code as ``python -c CODE ARGS…`` would (``sys.argv``,
standard input and output as pipes, the exit status), and answers like ``subprocess.Popen``.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import subprocess
import sys
import threading
from multiprocessing import forkserver, reduction
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

#: What the server imports once for all its children.
PRELOAD = [
    "tests.forked",
    "models.store",
    "session.domain.meetings",
    "session.domain.registrations",
    "session.workstation",
    "session.i18n",
    "session.tui.app",
]


class _Fd:
    """A file descriptor handed to the child (sent over the server's socket when it starts)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def __reduce__(self) -> tuple[Any, ...]:
        return (_received, (reduction.DupFd(self.fd),))


def _received(dup: Any) -> int:  # noqa: ANN401 — multiprocessing's own wrapper
    return int(dup.detach())


def _child(code: str, argv: list[str], env: dict[str, str], cwd: str, fds: tuple[int, int, int]) -> None:
    """In the child: the pipes as its standard streams, the test's environment, then the code."""
    for target, fd in zip((0, 1, 2), fds, strict=True):
        os.dup2(fd, target)
        os.close(fd)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 — the process's own stream
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False, buffering=1)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False, buffering=1)  # noqa: SIM115
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    sys.argv = ["-c", *argv]
    exec(compile(code, "<child>", "exec"), {"__name__": "__main__"})


def _context() -> multiprocessing.context.ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    # The server is a new interpreter: it finds the project (to preload it, and to run
    # the children's code) wherever pytest was started from.
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), before) if p)
    try:
        forkserver.ensure_running()
    finally:
        if before is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = before
    return context


class Forked:
    """A started child, answering as much of ``subprocess.Popen`` as the tests use."""

    def __init__(self, code: str, args: tuple[str, ...], cwd: str | None = None, quiet: bool = False) -> None:
        self.args = ["python", "-c", "…", *args]
        pipes = [os.pipe() for _ in range(3)]
        (in_r, in_w), (out_r, out_w), (err_r, err_w) = pipes
        if quiet:  # what it says on stderr goes nowhere (no pipe to fill while nobody reads it)
            os.close(err_w)
            err_w = os.open(os.devnull, os.O_WRONLY)
        child_fds = (_Fd(in_r), _Fd(out_w), _Fd(err_w))
        try:
            self._process = _context().Process(
                target=_child, args=(code, list(args), dict(os.environ), cwd or os.getcwd(), child_fds), daemon=True
            )
            self._process.start()
        except BaseException:
            for fd in (in_w, out_r, err_r):
                os.close(fd)
            raise
        finally:
            for fd in (in_r, out_w, err_w):
                os.close(fd)  # the child has its own copies
        self.stdin = open(in_w, "w", encoding="utf-8")  # noqa: SIM115 — closed by close()
        self.stdout = open(out_r, encoding="utf-8")  # noqa: SIM115
        self.stderr = open(err_r, encoding="utf-8")  # noqa: SIM115
        self.pid = self._process.pid

    @property
    def returncode(self) -> int | None:
        return self._process.exitcode

    def poll(self) -> int | None:
        return self._process.exitcode

    def kill(self) -> None:
        self._process.kill()

    def wait(self, timeout: float | None = None) -> int | None:
        self._process.join(timeout)
        if self._process.exitcode is None:
            raise subprocess.TimeoutExpired(self.args, timeout or 0)
        return self._process.exitcode

    def close(self) -> None:
        """Close this side of its pipes (the child, if still running, is left alone)."""
        for stream in (self.stdin, self.stdout, self.stderr):
            stream.close()

    def communicate(self, timeout: float | None = None) -> tuple[str, str]:
        """Close its input, read all it writes until it ends (like ``Popen.communicate``)."""
        if not self.stdin.closed:
            self.stdin.close()
        said: dict[str, str] = {}

        def read(name: str, stream: io.TextIOWrapper) -> None:
            said[name] = stream.read()
            stream.close()

        readers = [
            threading.Thread(target=read, args=(n, s), daemon=True)
            for n, s in (("out", self.stdout), ("err", self.stderr))
        ]
        for reader in readers:
            reader.start()
        self.wait(timeout)
        for reader in readers:
            reader.join(timeout)
        return said.get("out", ""), said.get("err", "")


def start(code: str, *args: str, cwd: str | os.PathLike[str] | None = None, quiet: bool = False) -> Forked:
    """Run *code* with *args* in a new process, as ``python -c CODE ARGS…`` (in *cwd*;
    *quiet*: its standard error goes to /dev/null)."""
    return Forked(code, args, None if cwd is None else os.fspath(cwd), quiet)
