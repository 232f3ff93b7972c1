"""The hall display and the desk follow changes made by other processes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import datetime

from textual.widgets import Digits

from models.store import Store
from session.domain.demo import create_demo
from session.tui.app import HoinghiApp

CALL_NEXT = textwrap.dedent("""
    import sys, time
    from datetime import datetime
    from models.store import Store
    from session.workstation import Desk, Workstation
    store = Store.open(sys.argv[1])
    meeting_id = int(sys.argv[2])
    ws = Workstation(store, meeting_id, Desk("console", "test"), datetime.now)
    if sys.argv[3] == "start":
        ws.start_meeting()
        for _ in range(5):
            ws.next_step()
    ws.call_next()
    print(time.time(), flush=True)
""")


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def _wait_for(pilot, condition, seconds: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if condition():
            return time.monotonic() - start
        await pilot.pause(0.05)
    return -1.0


async def test_a_change_from_another_process_shows_on_the_display_within_a_second(db_path):
    store = Store.open(str(db_path))
    meeting_id = create_demo(store, at=datetime.now())
    app = HoinghiApp(store, meeting_id=meeting_id, mode="display")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Mời đăng ký phát biểu" in text_of(app, "#display-speaker")
        done = subprocess.run(
            [sys.executable, "-c", CALL_NEXT, str(db_path), str(meeting_id), "start"],
            capture_output=True,
            text=True,
            check=True,
        )
        committed = float(done.stdout.strip())
        waited = await _wait_for(pilot, lambda: "Hoàng Văn Páo" in text_of(app, "#display-speaker"), 2.0)
        shown = time.time()
        assert 0 <= waited and shown - committed < 1.0
        assert "Bước 6/9: Tiến hành đối thoại" in text_of(app, "#display-step")
        assert app.screen.query_one(Digits).value in ("3:00", "2:59", "2:58")
        # The other side stops and starts again: the display carries on.
        subprocess.run(
            [sys.executable, "-c", CALL_NEXT, str(db_path), str(meeting_id), "next"], check=True, capture_output=True
        )
        assert await _wait_for(pilot, lambda: "Lăng Thị Mỵ" in text_of(app, "#display-speaker"), 1.0) >= 0
    store.close()


async def test_the_desk_mode_only_registers_and_shows_others_registrations(db_path):
    store = Store.open(str(db_path))
    meeting_id = create_demo(store, at=datetime.now())
    app = HoinghiApp(store, meeting_id=meeting_id, mode="desk")
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        from session.tui.widgets.queue_list import QueueList

        table = app.screen.query_one(QueueList)
        assert table.row_count == 25
        assert "Bộ phận tiếp nhận" in text_of(app, "#title-bar")
        await pilot.press("c")  # "call next" is not the desk's job: nothing happens
        await pilot.pause()
        from session.domain.registrations import list_registrations

        assert all(r.status == "waiting" for r in list_registrations(store, meeting_id))
        register = textwrap.dedent(f"""
            from datetime import datetime
            from models.store import Store
            from session.domain.registrations import Slip
            from session.workstation import Desk, Workstation
            store = Store.open({str(db_path)!r})
            Workstation(store, {meeting_id}, Desk("desk", "test"), datetime.now).register(Slip("Lò Văn Mới", "Bản Chu"))
        """)
        subprocess.run([sys.executable, "-c", register], check=True, capture_output=True)
        assert await _wait_for(pilot, lambda: table.row_count == 26, 1.0) >= 0
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "RegistrationForm"
    store.close()
