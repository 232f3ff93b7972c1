"""Live console figures on a meeting with 2,000 registrations (issue: the live console).

1. Cold start of `hoinghi run` to the first painted live screen, against a floor app:
   bare Textual that imports sqlmodel and shows a 2,000-row DataTable (same run, alternating).
2. Peak memory (max RSS) of both.
3. Agenda action -> repaint, durable commit included (Pilot, headless): median and p95.
4. Idle CPU with the meeting clock running (10 s, headless).

Run: .venv/bin/python bench/live.py
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._data import big_meeting  # noqa: E402
from bench._util import compile_project, floor_app, summary  # noqa: E402

FLOOR = floor_app(
    rows=2000,
    setup="t0 = float(sys.argv[1])",
    report='print(f"{(time.time() - t0) * 1000:.1f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)',
    run="run(headless=True, size=(100, 30))",
)

OURS = """
import resource, sys, time
t0 = float(sys.argv[1])
from session.cli import main
from session.tui import app as app_module

original = app_module.HoinghiApp.on_mount
def on_mount(self):
    original(self)
    def painted():
        print(f"{(time.time() - t0) * 1000:.1f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
        self.exit()
    self.call_after_refresh(lambda: self.call_after_refresh(painted))
app_module.HoinghiApp.on_mount = on_mount
import textual.app
real_run = textual.app.App.run
textual.app.App.run = lambda self, **kw: real_run(self, headless=True, size=(100, 30))
sys.argv = ["hoinghi", "--db", sys.argv[2], "run", "--meeting", sys.argv[3]]
main()
"""

IDLE = """
import asyncio, sys, time
from models.store import Store
from session.tui.app import HoinghiApp

async def idle(pilot):
    await pilot.press("n")
    await asyncio.sleep(2)
    cpu0, wall0 = time.process_time(), time.monotonic()
    await asyncio.sleep(10)
    print(f"{(time.process_time() - cpu0) / (time.monotonic() - wall0) * 100:.2f}", flush=True)
    pilot.app.exit()

HoinghiApp(Store.open(sys.argv[1]), meeting_id=int(sys.argv[2])).run(headless=True, size=(100, 30), auto_pilot=idle)
"""


def child(code: str, *args: str) -> tuple[float, int]:
    out = subprocess.run(
        [sys.executable, "-c", code, str(time.time()), *args], capture_output=True, text=True, cwd=ROOT, check=True
    )
    ms, rss = out.stdout.strip().splitlines()[-1].split()
    return float(ms), int(rss)


async def action_latency(db: str, meeting_id: int) -> tuple[list[float], list[float]]:
    """From the moment a key's action starts (domain call, durable commit) to the end of
    the first screen repaint after it. Pilot's own waiting is excluded by timing inside
    the app; the Pilot round trip is returned too, for comparison."""
    from textual.screen import Screen

    from models.store import Store
    from session.tui.app import HoinghiApp
    from session.tui.screens.base import MeetingScreenBase

    marks: dict[str, float] = {}
    act, repaint = MeetingScreenBase.act, Screen._compositor_refresh

    def timed_act(self: MeetingScreenBase, call: Any, **kw: Any) -> Any:
        marks.clear()
        marks["start"] = time.perf_counter()
        return act(self, call, **kw)

    def timed_repaint(self: Screen[object]) -> None:
        result = repaint(self)
        if "start" in marks and "end" not in marks:
            marks["end"] = time.perf_counter()
        return result

    MeetingScreenBase.act, Screen._compositor_refresh = timed_act, timed_repaint  # type: ignore[method-assign,assignment]
    store = Store.open(db)
    app = HoinghiApp(store, meeting_id=meeting_id)
    inside: list[float] = []
    round_trip: list[float] = []
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("n", "n", "n")  # the meeting started, on its third step
            await pilot.pause()
            for n in range(60):
                # Each round of six leaves the meeting where it was (undo is per desk: the
                # console's U undoes the resume, Shift+U redoes it).
                key = ("n", "b", "p", "p", "u", "shift+u")[n % 6]
                start = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                round_trip.append((time.perf_counter() - start) * 1000)
                inside.append((marks["end"] - marks["start"]) * 1000)
    finally:
        MeetingScreenBase.act, Screen._compositor_refresh = act, repaint  # type: ignore[method-assign]
        store.close()
    return inside, round_trip


def main() -> None:
    compile_project()
    from models.store import Store

    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.db")
        store = Store.open(db)
        meeting_id = big_meeting(store, 2000)
        store.close()

        floor_ms, ours_ms, floor_rss, ours_rss = [], [], [], []
        for _ in range(5):
            ms, rss = child(FLOOR)
            floor_ms.append(ms)
            floor_rss.append(rss)
            ms, rss = child(OURS, db, str(meeting_id))
            ours_ms.append(ms)
            ours_rss.append(rss)
        f, o = statistics.median(floor_ms), statistics.median(ours_ms)
        print(f"cold start to first paint, floor app (sqlmodel + 2,000-row DataTable): {summary(floor_ms)}")
        print(f"cold start to first paint, `hoinghi run` (2,000 registrations):        {summary(ours_ms)}")
        print(f"  ratio ours/floor (medians): {o / f:.2f}  (target <= 1.3)")
        fr, orr = max(floor_rss) / 1024, max(ours_rss) / 1024
        print(f"peak RSS: floor {fr:.0f} MB, ours {orr:.0f} MB, ratio {orr / fr:.2f}  (target <= 1.5)")

        inside, round_trip = asyncio.run(action_latency(db, meeting_id))
        print(
            f"agenda action -> repaint, durable commit included (Pilot, headless): {summary(inside)}"
            "  (target median < 30, p95 < 60)"
        )
        print(f"  (Pilot round trip press+pause, its own waits included: {summary(round_trip)})")

        out = subprocess.run(
            [sys.executable, "-c", IDLE, db, str(meeting_id)], capture_output=True, text=True, cwd=ROOT, check=True
        )
        print(f"idle CPU with the clock running (10 s, headless): {out.stdout.strip()}% of one core  (target < 3%)")


if __name__ == "__main__":
    main()
