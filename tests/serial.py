"""The ``serial`` marker: a test that must not run beside others (it measures wall-clock
latency, say) waits until the other test processes are between tests, runs alone, then
lets them go on. Everything else runs side by side as pytest-xdist hands it out.

Two file locks shared by the test processes of one run: every test holds ``run`` shared
while it runs, a serial test holds it exclusive; passing through ``gate`` first keeps new
tests from slipping in while a serial one waits for its turn.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _lock_files(config: pytest.Config) -> tuple[Path, Path] | None:
    workerinput = getattr(config, "workerinput", None)
    if workerinput is None:
        return None  # one process: tests run one at a time anyway
    # Beside the test processes' own temporary folders, which pytest clears in later runs.
    factory = getattr(config, "_tmp_path_factory", None)
    folder = factory.getbasetemp().parent if factory is not None else Path(tempfile.gettempdir())
    base = folder / f"hoinghi-turns-{workerinput['testrunuid']}"
    return base.with_suffix(".gate"), base.with_suffix(".run")


@contextmanager
def turn(item: pytest.Item) -> Iterator[None]:
    """Hold this test's turn: alone if it is marked serial, beside others if not."""
    files = _lock_files(item.config)
    if files is None:
        yield
        return
    alone = item.get_closest_marker("serial") is not None
    gate_path, run_path = files
    gate = os.open(gate_path, os.O_RDWR | os.O_CREAT, 0o600)
    run = os.open(run_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(gate, fcntl.LOCK_EX)
        try:
            fcntl.flock(run, fcntl.LOCK_EX if alone else fcntl.LOCK_SH)
        finally:
            fcntl.flock(gate, fcntl.LOCK_UN)
        try:
            yield
        finally:
            fcntl.flock(run, fcntl.LOCK_UN)
    finally:
        os.close(run)
        os.close(gate)
