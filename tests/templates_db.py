"""Databases and files built once per test process, then copied for each test.

Creating a database's tables costs about 0.1 s, the demo meeting as much again, a
reference meeting half a second; hundreds of tests start from the same few. Each is
built the first time a test asks for it (inside that test's own isolated folders, as the
test would have built it) and every test gets a private copy of the file, so no test
sees another's changes.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from models.store import Store

T = TypeVar("T")


class Templates:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._databases: dict[str, tuple[Path, Any]] = {}
        self._made: dict[str, Any] = {}

    def database(self, name: str, seed: Callable[[Store], T]) -> tuple[Path, T]:
        """The template database *name*: a new store with *seed* applied, built once.
        Returns its file and what *seed* returned (a meeting id, say)."""
        if name not in self._databases:
            path = self.folder / f"{name}.db"
            store = Store.open(str(path))
            try:
                value = seed(store)
            finally:
                store.close()
            _checkpoint(path)
            self._databases[name] = (path, value)
        return self._databases[name]

    def copy(self, name: str, seed: Callable[[Store], T], to: Path) -> T:
        """A private copy of template *name* at *to* (a new file); what *seed* returned."""
        path, value = self.database(name, seed)
        to.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, to)
        return value

    def made(self, name: str, make: Callable[[Path], T]) -> T:
        """Whatever *make* builds in a folder of its own (files to read, not to change), once."""
        if name not in self._made:
            folder = self.folder / name
            folder.mkdir()
            self._made[name] = make(folder)
        return self._made[name]


def _checkpoint(path: Path) -> None:
    """Everything in the main file, nothing left in a -wal beside it: one file to copy."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    for extra in ("-wal", "-shm"):
        leftover = path.with_name(path.name + extra)
        if leftover.exists() and leftover.stat().st_size:
            raise RuntimeError(f"template {path.name} kept data in {leftover.name}")
        leftover.unlink(missing_ok=True)
