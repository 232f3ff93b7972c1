"""Databases built once per test run and copied for each test.

Filling a meeting through the domain costs a quarter of a second; copying the finished
file costs a few milliseconds. A test asks for a copy of a named database: the first ask
in a process builds it (into a folder of its own, removed when the process ends), every
later ask copies it, so each test still gets a file of its own to change.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from models.store import Store

T = TypeVar("T")

#: The machine every built database names in its history (the same on every computer).
MACHINE = "test"

_folder: Path | None = None
_built: dict[str, object] = {}


def _templates() -> Path:
    global _folder
    if _folder is None:
        _folder = Path(tempfile.mkdtemp(prefix="hoinghi-templates-"))
        atexit.register(shutil.rmtree, _folder, True)
    return _folder


def copy_of(name: str, build: Callable[[Store], T], dest: Path) -> T:
    """Write at *dest* a copy of the database *build* fills, and return what *build*
    returned (meeting ids, the scene's moment). *name* identifies the database: one
    name, one builder."""
    source = _templates() / f"{name}.db"
    if name not in _built:
        saved = os.environ.get("HOINGHI_MACHINE")
        os.environ["HOINGHI_MACHINE"] = MACHINE
        store = Store.open(str(source))
        try:
            _built[name] = build(store)
        finally:
            store.close()  # closing checkpoints the write-ahead log into the one file
            if saved is None:
                del os.environ["HOINGHI_MACHINE"]
            else:
                os.environ["HOINGHI_MACHINE"] = saved
            if name not in _built:  # a builder that failed leaves nothing half-built behind
                for leftover in source.parent.glob(f"{name}.db*"):
                    leftover.unlink()
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, dest)
    return _built[name]  # type: ignore[return-value]
