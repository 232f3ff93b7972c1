"""Queue figures at 2,000 registrations (issue: speaker registration and the queue).

1. Register a speaker: form submit -> the queue screen behind it repainted, durable commit
   included (Pilot, headless, timed inside the app).
2. "Call next" from the queue screen -> repaint, and from the live console.
3. Import of 2,000 petitions from .xlsx, .xls and a Word table (preview + one transaction),
   each beside the time of reading the same file alone.

Run: .venv/bin/python bench/speakers.py
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._data import big_meeting, console  # noqa: E402
from bench._util import summary  # noqa: E402


async def latencies(db: str, meeting_id: int) -> tuple[list[float], list[float], list[float]]:
    from textual.screen import Screen

    from models.store import Store
    from session.tui.app import HoinghiApp
    from session.tui.screens.base import MeetingScreenBase
    from session.tui.screens.live import LiveScreen
    from session.tui.screens.queue import QueueScreen
    from session.tui.screens.registration_form import RegistrationForm
    from session.tui.widgets.field import Input

    marks: dict[str, float] = {}
    save, act, apply, repaint = (
        RegistrationForm.save,
        MeetingScreenBase.act,
        QueueScreen.apply,
        Screen._compositor_refresh,
    )

    def timed_save(self: RegistrationForm) -> None:
        marks.clear()
        marks["start"] = time.perf_counter()
        return save(self)

    def timed_act(self: MeetingScreenBase, call: Any, **kw: Any) -> Any:
        marks.clear()
        marks["start"] = time.perf_counter()
        return act(self, call, **kw)

    def timed_apply(self: QueueScreen, *a: Any, **k: Any) -> Any:
        result = apply(self, *a, **k)
        marks["applied"] = time.perf_counter()
        return result

    def timed_repaint(self: Screen[object]) -> None:
        result = repaint(self)
        if "applied" in marks and "end" not in marks:
            marks["end"] = time.perf_counter()
        return result

    RegistrationForm.save, MeetingScreenBase.act = timed_save, timed_act  # type: ignore[method-assign]
    QueueScreen.apply, Screen._compositor_refresh = timed_apply, timed_repaint  # type: ignore[method-assign,assignment]
    store = Store.open(db)
    app = HoinghiApp(store, meeting_id=meeting_id)
    registering: list[float] = []
    calling: list[float] = []
    live_calling: list[float] = []
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("d")
            await pilot.pause()
            await pilot.press("r")
            await pilot.pause()
            for n in range(40):
                form = app.screen
                form.query_one("#reg-name", Input).value = f"Lò Văn Bench {n}"
                form.query_one("#reg-locality", Input).value = "Thôn Nà Pàn"
                form.query_one("#reg-summary", Input).value = "Đề nghị sửa đường"
                await pilot.press("enter")
                await pilot.pause()
                registering.append((marks["end"] - marks["start"]) * 1000)
            await pilot.press("escape")
            await pilot.pause()
            for _ in range(40):
                await pilot.press("c")
                await pilot.pause()
                calling.append((marks["end"] - marks["start"]) * 1000)
            # The same key on the live console (its floor panel shows the queue).
            await pilot.press("escape")
            await pilot.pause()
            for _ in range(40):
                marks.clear()
                marks["start"] = time.perf_counter()
                console = app.screen
                assert isinstance(console, LiveScreen)
                console.action_call_next()
                marks["applied"] = time.perf_counter()
                await pilot.pause()
                live_calling.append((marks["end"] - marks["start"]) * 1000)
    finally:
        RegistrationForm.save, MeetingScreenBase.act = save, act  # type: ignore[method-assign]
        QueueScreen.apply, Screen._compositor_refresh = apply, repaint  # type: ignore[method-assign]
        store.close()
    return registering, calling, live_calling


def import_figures(folder: Path, db: str, count: int = 2000) -> None:
    """Each format: reading the file alone, then the whole import (preview + write)."""
    from models.store import Store
    from session.domain.imports import plan_import, run_import
    from session.domain.imports.readers import read_source
    from session.domain.meetings import create_meeting
    from tests.sheets import big_docx, big_list, libreoffice_copy

    xlsx = big_list(folder / "list.xlsx", count)
    files = {"xlsx": xlsx, "xls": libreoffice_copy(xlsx, "xls"), "docx": big_docx(folder / "list.docx", count)}
    store = Store.open(db)
    try:
        for fmt, path in files.items():
            if path is None:
                print(f"import of {count} petitions from .{fmt}: skipped (LibreOffice is needed to write it)")
                continue
            reading, whole = [], []
            for _ in range(3):
                start = time.perf_counter()
                read_source(path)
                reading.append((time.perf_counter() - start) * 1000)
                target = create_meeting(store, at=datetime.now(), title=f"Import bench {fmt}")
                start = time.perf_counter()
                plan = plan_import(store, path, meeting_id=target)
                result = run_import(store, target, plan, at=datetime.now())
                whole.append((time.perf_counter() - start) * 1000)
            print(
                f"import of {result.imported} petitions from .{fmt} (preview + write): {summary(whole)}"
                f"  (target < 2000); reading the file alone: {summary(reading)}"
            )
    finally:
        store.close()


def main() -> None:
    from models.store import Store

    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.db")
        store = Store.open(db)
        meeting_id = big_meeting(store, 2000)
        console(store, meeting_id).start_meeting()  # the floor is given once the meeting has started
        store.close()
        registering, calling, live_calling = asyncio.run(latencies(db, meeting_id))
        print(
            f"register a speaker -> queue repainted (2,000 registrations): {summary(registering)}"
            "  (target median < 30, p95 < 60)"
        )
        print(
            f"call next -> queue repainted (2,000 registrations):          {summary(calling)}"
            "  (target median < 30, p95 < 60)"
        )
        print(f"call next -> live console repainted (2,000 registrations):  {summary(live_calling)}")
        import_figures(Path(folder), db)


if __name__ == "__main__":
    main()
