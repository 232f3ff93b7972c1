"""Cold start: a new process running `hoinghi list`, and the app to its first painted screen.

In a real terminal (tmux): `hoinghi run --meeting N` to its first painted live screen,
beside a floor app — bare Textual that imports sqlmodel and shows a 25-row DataTable —
both as new processes, alternating, best of 3 each (target: ours <= 1.3 x the floor).

Run: .venv/bin/python bench/startup.py
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._util import compile_project, floor_app, summary  # noqa: E402

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


# Each child writes the milliseconds from *t0* (the moment tmux was asked to start it) to
# its first painted screen into *out*, then quits.
FLOOR_TUI = floor_app(
    rows=25,
    setup="t0, out = float(sys.argv[1]), sys.argv[2]",
    report='open(out, "w").write(f"{(time.time() - t0) * 1000:.1f}")',
    run="run()",
)

# `hoinghi run`, as the console script runs it; the live screen says when it first painted.
OURS_TUI = """
import sys, time
t0, out, db, meeting = float(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
from session import launch
launch.hold()  # what the console script does first, before the patch below imports the app
from session.tui.screens import live

mounted = live.LiveScreen.on_mount
def on_mount(self):
    mounted(self)
    def painted():
        open(out, "w").write(f"{(time.time() - t0) * 1000:.1f}")
        self.app.exit()
    self.call_after_refresh(painted)
live.LiveScreen.on_mount = on_mount
sys.argv = ["hoinghi", "--db", db, "run", "--meeting", meeting]
launch.main()
"""


def in_tmux(code: str, *args: str, size: tuple[int, int] = (120, 36), timeout: float = 60) -> float:
    """Start *code* as a new process in a detached tmux session (a real terminal); the
    milliseconds it reported from the start to its first painted screen."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "painted"
        session = f"perf-startup-{os.getpid()}-{time.monotonic_ns()}"
        cmd = " ".join(shlex.quote(a) for a in (sys.executable, "-c", code, str(time.time()), str(out), *args))
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1]), cmd],
            check=True,
            cwd=ROOT,
        )
        end = time.monotonic() + timeout
        try:
            while not (out.exists() and out.read_text()):
                if time.monotonic() > end:
                    raise RuntimeError(f"no first paint within {timeout} s")
                time.sleep(0.01)
            return float(out.read_text())
        finally:
            while subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode == 0:
                if time.monotonic() > end:
                    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
                    break
                time.sleep(0.02)


def terminal_start(db: str, meeting_id: str, rounds: int = 3) -> tuple[list[float], list[float]]:
    """Floor and ours alternately, *rounds* times each."""
    floor, ours = [], []
    for _ in range(rounds):
        floor.append(in_tmux(FLOOR_TUI))
        ours.append(in_tmux(OURS_TUI, db, meeting_id))
    return floor, ours


def run_ms(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    compile_project()
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
        if shutil.which("tmux") is None:
            print("cold start in a real terminal: skipped (tmux is not installed)")
            return
        floor, ours = terminal_start(db, meeting_id)
        print(
            f"cold start to the first painted screen in tmux, floor app (sqlmodel + 25-row DataTable): {_runs(floor)}"
        )
        print(f"cold start to the first painted live screen in tmux, `hoinghi run --meeting`:           {_runs(ours)}")
        print(f"  ratio ours/floor (best of 3 each): {min(ours) / min(floor):.2f}  (target <= 1.3)")


def _runs(samples_ms: list[float]) -> str:
    return f"best {min(samples_ms):.0f} ms (runs: {', '.join(f'{ms:.0f}' for ms in samples_ms)})"


if __name__ == "__main__":
    main()
