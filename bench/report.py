"""The yearly report over 5 years of data: 40 held meetings a year, each with 300 speakers
and 500 issues (issue 13: under 2 s).

Prints the time of ``hoinghi report --year 2026 --out DIR`` as the office runs it (figures
from the store, the .docx and the .xlsx written), the figures alone, and the province's
roll-up of the year's 40 meetings from their JSON archives.

Run: .venv/bin/python bench/report.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = date(2026, 12, 31)


def _median_ms(fn: Callable[[], object], runs: int = 3) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    from bench._report_data import fill_years
    from exports.json_export import json_bytes
    from exports.report_run import archive_figures, store_figures, write_year_report
    from models.store import Store

    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.db")
        store = Store.open(db)
        start = time.perf_counter()
        ids = fill_years(store, range(2022, 2027), meetings=40, speakers=300, issues=500)
        print(
            f"data: {len(ids)} meetings over 5 years, 300 speakers and 500 issues each "
            f"(filled in {time.perf_counter() - start:.1f} s)"
        )
        out = Path(folder) / "out"

        figures_ms = _median_ms(lambda: store_figures(store, 2026, TODAY))
        write_ms = _median_ms(lambda: write_year_report(store, 2026, out, today=TODAY, force=True))
        store.close()
        print(f"yearly report 2026, figures only: {figures_ms:.0f} ms")
        print(f"yearly report 2026, figures + .docx + .xlsx written: {write_ms:.0f} ms  (target < 2000)")

        # As the office runs it: a fresh process, imports included.
        cmd = [
            str(Path(sys.executable).with_name("hoinghi")),
            "--db",
            db,
            "report",
            "--year",
            "2026",
            "--date",
            "31/12/2026",
            "--out",
            str(out),
            "--force",
        ]
        samples = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
            samples.append((time.perf_counter() - start) * 1000)
        print(
            f"`hoinghi report --year 2026 --out DIR` as a command (new process): "
            f"{statistics.median(samples):.0f} ms  (target < 2000)"
        )

        store = Store.open(db)
        archives = []
        for mid in ids[-40:]:
            path = Path(folder) / f"m{mid}.json"
            path.write_bytes(json_bytes(store, mid))
            archives.append(path)
        store.close()
        size = sum(p.stat().st_size for p in archives) / 1e6
        rollup_ms = _median_ms(lambda: archive_figures(archives, 2026, TODAY))
        print(f"roll-up of 40 JSON archives ({size:.0f} MB), figures: {rollup_ms:.0f} ms")


if __name__ == "__main__":
    main()
