"""Cold start: a new process running `hoinghi list`, and the app to its first painted screen.

Run: .venv/bin/python bench/startup.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._util import summary  # noqa: E402

FIRST_PAINT = """
import sys, time
t0 = time.perf_counter()
from models.store import Store
from session.tui.app import HoinghiApp
store = Store.open(sys.argv[1])
app = HoinghiApp(store, meeting_id=int(sys.argv[2]))
def painted():
    print(f"{(time.perf_counter() - t0) * 1000:.1f}", flush=True)
    app.exit()
app.call_after_refresh(lambda: app.call_after_refresh(painted))
app.run(headless=True, size=(120, 32))
"""


def run_ms(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    hoinghi = str(Path(sys.executable).with_name("hoinghi"))
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.db")
        env = dict(os.environ)
        meeting_id = subprocess.run(
            [hoinghi, "demo", "--no-tui", "--db", db], check=True, capture_output=True, text=True, env=env
        ).stdout.strip()
        listing = [run_ms([hoinghi, "list", "--db", db], env) for _ in range(7)]
        print(f"cold start, `hoinghi list` (whole process): {summary(listing)}")
        paints = []
        for _ in range(5):
            out = subprocess.run(
                [sys.executable, "-c", FIRST_PAINT, db, meeting_id], check=True, capture_output=True, text=True
            )
            paints.append(float(out.stdout.strip().splitlines()[-1]))
        print(f"app start to first painted meeting screen (in-process, after interpreter start): {summary(paints)}")


if __name__ == "__main__":
    main()
