"""How long a change made in one process takes to show on another screen (issue: several
screens, one meeting). A second process calls the next speaker and prints its commit time;
the hall display, in this process, is watched until it shows that speaker.

Run: .venv/bin/python bench/sync.py
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._util import summary  # noqa: E402

CALL = """
import sys, time
from datetime import datetime
from models.store import Store
from bench._data import console
store = Store.open(sys.argv[1])
desk = console(store, int(sys.argv[2]), "desk")
for line in sys.stdin:
    desk.call_next()
    print(time.time(), flush=True)
"""


async def measure(db: str, meeting_id: int, samples: int = 20) -> list[float]:
    from models.store import Store
    from session.domain.registrations import list_registrations
    from session.tui.app import HoinghiApp

    store = Store.open(db)
    names = [r.name for r in list_registrations(store, meeting_id)]
    app = HoinghiApp(store, meeting_id=meeting_id, mode="display")
    caller = subprocess.Popen(
        [sys.executable, "-c", CALL, db, str(meeting_id)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    delays: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for n in range(samples):
            await asyncio.sleep(0.2 + 0.037 * n)  # land at different points of the poll cycle
            assert caller.stdin is not None and caller.stdout is not None
            caller.stdin.write("\n")
            caller.stdin.flush()
            committed = float(caller.stdout.readline())
            while not any(names[n] in text for text in speaker_texts(app)):
                await asyncio.sleep(0.005)
            delays.append((time.time() - committed) * 1000)
    assert caller.stdin is not None
    caller.stdin.close()
    caller.wait()
    store.close()
    return delays


def speaker_texts(app: Any) -> list[str]:
    """The texts in the middle of the hall display's board: the speaker's name and clock
    (the next speakers, below, do not count)."""
    from session.tui.hall.board import HallBoard

    frame = app.screen.query_one(HallBoard).frame
    return [b.text for group in frame.middle for b in group]


def main() -> None:
    from bench._data import meeting_in_dialogue

    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "sync.db")
        meeting_id = meeting_in_dialogue(db)
        delays = asyncio.run(measure(db, meeting_id))
        print(
            f"change in another process -> shown on the hall display (SQLite): {summary(delays)}"
            "  (target < 1000; poll every 500 ms)"
        )


if __name__ == "__main__":
    main()
