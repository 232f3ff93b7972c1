"""Small helpers shared by the bench scripts (they print figures; they never assert)."""

from __future__ import annotations

import compileall
import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def compile_project() -> None:
    """Byte-compile the project's modules, as an installation or a first run leaves them:
    a cold start is then measured as a user's second start is, like the floor app's
    libraries, which pip compiled when it installed them."""
    for package in ("models", "session", "exports"):
        compileall.compile_dir(ROOT / package, quiet=1)


def summary(samples_ms: list[float]) -> str:
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return f"median {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms, n={len(ordered)}"
