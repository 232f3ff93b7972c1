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


# The floor app the cold starts are compared with: bare Textual that imports sqlmodel and
# shows a DataTable. {setup} reads its arguments, {rows} rows are shown, {report} says
# when it first painted, {run} starts it.
_FLOOR = """
import resource, sys, time
{setup}
import sqlmodel  # noqa: F401
from textual.app import App
from textual.widgets import DataTable

class Floor(App):
    def compose(self):
        yield DataTable()
    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("STT", "Họ và tên", "Thôn", "Lĩnh vực", "Nội dung")
        table.add_rows([(str(n), f"Nguyễn Văn {{n}}", "Thôn Nà Pàn", "đất đai", "Đề nghị cấp giấy") for n in range({rows})])
        self.call_after_refresh(self.painted)
    def painted(self):
        {report}
        self.exit()

Floor().{run}
"""


def floor_app(*, rows: int, setup: str, report: str, run: str) -> str:
    """The source of the floor app (run with ``python -c``)."""
    return _FLOOR.format(rows=rows, setup=setup, report=report, run=run)
