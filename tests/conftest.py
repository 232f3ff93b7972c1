"""Shared fixtures: a store in a temporary file, a frozen clock, the demo meetings."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

import pytest

from models.store import Store
from session.clock import FrozenClock
from session.i18n import set_language

# A fixed moment: Thursday 5 March 2026, 07:25 — just before a meeting starts.
T0 = datetime(2026, 3, 5, 7, 25)


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own config/data folders, Vietnamese UI and no stray DB."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("HOINGHI_DB", raising=False)
    monkeypatch.delenv("HOINGHI_LANG", raising=False)
    set_language("vi")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "meeting.db"


@pytest.fixture
def store(db_path: Path):
    s = Store.open(str(db_path))
    yield s
    s.close()


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(T0)


@pytest.fixture
def demo_id(store: Store) -> int:
    from session.domain.demo import create_demo

    return create_demo(store, at=T0)


@pytest.fixture
def finished_id(store: Store) -> int:
    from session.domain.demo import create_demo

    return create_demo(store, at=T0, finished=True)


@pytest.fixture
def english():
    """The app in English: labels are translated when a screen is made, nothing reloads."""
    set_language("en")
    yield
    set_language("vi")


def desk(store: Store, meeting_id: int, at, kind: str = "console"):  # noqa: ANN001 — a clock or a moment
    """A desk (the console by default) at work on a meeting — how tests act as a person
    would, through the same workstation methods the screens call."""
    from session.workstation import Desk, Workstation

    clock = at if callable(at) else FrozenClock(at)
    return Workstation(store, meeting_id, Desk(kind, "test"), clock)


@pytest.fixture(scope="session")
def pg_cluster():
    from tests.pg import Cluster

    cluster = Cluster()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """A fresh database of each engine: SQLite file, and a real PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'shared.db'}"
    return request.getfixturevalue("pg_cluster").new_database()


def hoinghi_cmd() -> list[str]:
    """The installed console script, run as a separate process."""
    script = Path(sys.executable).with_name("hoinghi")
    return [str(script)] if script.exists() else [sys.executable, "-m", "session"]


def cli_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("HOINGHI_DB", None)
    env.pop("HOINGHI_LANG", None)
    env.update(extra)
    return env


async def until(pilot, condition, timeout: float = 5.0) -> None:  # noqa: ANN001
    """Let the app work until *condition()* holds (no fixed sleep); fail after *timeout*."""
    import asyncio
    import time

    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("the app did not get there in time")
        await pilot.pause()
        await asyncio.sleep(0.01)


@pytest.fixture
def make_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The app factory (tests/app_factory.py): ``make_app("dialogue")`` is the app on a
    fresh copy of that scene, opened on its meeting, the clock frozen at its moment."""
    from tests.app_factory import AppFactory

    factory = AppFactory(tmp_path / "scenes", monkeypatch)
    yield factory
    factory.close()
