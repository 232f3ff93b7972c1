"""`hoinghi due` over 5 years of data: 40 meetings a year, 300 speakers and 500 issues each
(bench/_year_data.py). Target: under 0.5 s.

Prints the time of the command as a new process (what the office waits for), the same
for `hoinghi list` (the cost of starting Python and the libraries, for comparison), and
the work itself inside one process: reading the meetings, their plans and done duties,
dating every duty through the office calendar, sorting.

Run: .venv/bin/python bench/due.py
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


def run_ms(cmd: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=dict(os.environ))
    return (time.perf_counter() - start) * 1000, out.stdout


def main() -> None:
    from bench._year_data import build_years
    from models.store import Store
    from session.domain.duties import due_duties

    hoinghi = str(Path(sys.executable).with_name("hoinghi"))
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "years.db")
        store = Store.open(db)
        start = time.perf_counter()
        data = build_years(store)
        built = time.perf_counter() - start
        print(
            f"data: {len(data.plans)} plans, {len(data.meetings)} meetings ({len(data.held)} held), "
            f"built in {built:.1f} s"
        )
        today = data.today.strftime("%d/%m/%Y")
        inside = []
        for _ in range(7):
            start = time.perf_counter()
            duties = due_duties(store, data.today)
            inside.append((time.perf_counter() - start) * 1000)
        store.close()
        print(f"due_duties in process ({len(duties)} duties due or overdue): {summary(inside)}")
        runs = []
        lines = 0
        for _ in range(5):
            ms, out = run_ms([hoinghi, "due", "--db", db, "--today", today])
            runs.append(ms)
            lines = len(out.splitlines())
        print(f"`hoinghi due --today {today}` (whole process, {lines} lines): {summary(runs)}")
        listing = [run_ms([hoinghi, "list", "--db", db])[0] for _ in range(5)]
        print(f"`hoinghi list` on the same data (whole process, for comparison): {summary(listing)}")


if __name__ == "__main__":
    main()
