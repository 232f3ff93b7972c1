"""Shared fixtures: a store in a temporary file, a frozen clock, the demo meetings."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from models.store import Store
from session.clock import FrozenClock
from session.i18n import set_language
from tests.templates_db import Templates


def pytest_configure(config: pytest.Config) -> None:
    from tests import frames, keys, parsed_css

    keys.install()  # Pilot presses each key once the app has handled the one before (tests/keys.py)
    parsed_css.install()  # each stylesheet parsed once per test process (tests/parsed_css.py)
    frames.install()  # a headless app draws the frames a test looks at (tests/frames.py)


@pytest.fixture(autouse=True)
def _frames(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every frame drawn for a test marked ``every_frame`` (tests/frames.py)."""
    from tests import frames

    frames.every_frame = request.node.get_closest_marker("every_frame") is not None
    yield
    frames.every_frame = False


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first: handed out early, they never keep one process busy at the
    end while the others have finished."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    from tests.serial import turn

    with turn(item):  # a test marked serial runs with no other test beside it
        return (yield)


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


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    """Databases built once per test process and copied for each test (tests/templates_db.py)."""
    return Templates(tmp_path_factory.mktemp("templates"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "meeting.db"


# The demo meetings a test asks for (fixture name -> finished?), in the order it asks.
_DEMOS = {"demo_id": False, "finished_id": True}
_SEEDED = pytest.StashKey[dict[str, int]]()


@pytest.fixture
def store(db_path: Path, templates: Templates, request: pytest.FixtureRequest):
    """A store of one's own: a copy of a new database, with the demo meetings the test
    asks for (``demo_id``, ``finished_id``) already in it."""
    from session.domain.demo import create_demo

    wanted = [name for name in request.fixturenames if name in _DEMOS]

    def seed(s: Store) -> dict[str, int]:
        return {name: create_demo(s, at=T0, finished=_DEMOS[name]) for name in wanted}

    request.node.stash[_SEEDED] = templates.copy("+".join(["new", *wanted]), seed, db_path)
    s = Store.open(str(db_path))
    yield s
    s.close()


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(T0)


def _demo(store: Store, request: pytest.FixtureRequest, name: str) -> int:
    seeded = request.node.stash.get(_SEEDED, {})
    if name in seeded:
        return seeded[name]
    from session.domain.demo import create_demo

    return create_demo(store, at=T0, finished=_DEMOS[name])


@pytest.fixture
def demo_id(store: Store, request: pytest.FixtureRequest) -> int:
    return _demo(store, request, "demo_id")


@pytest.fixture
def finished_id(store: Store, request: pytest.FixtureRequest) -> int:
    return _demo(store, request, "finished_id")


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


async def until(pilot, condition, timeout: float = 15.0) -> None:  # noqa: ANN001
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
def make_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, templates: Templates):
    """The app factory (tests/app_factory.py): ``make_app("dialogue")`` is the app on a
    fresh copy of that scene, opened on its meeting, the clock frozen at its moment."""
    from tests.app_factory import AppFactory

    factory = AppFactory(tmp_path / "scenes", monkeypatch, templates)
    yield factory
    factory.close()
