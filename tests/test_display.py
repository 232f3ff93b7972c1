"""The hall display and the desk follow changes made by other processes; the display
changes colour and words as time runs out and fills the window it has."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import datetime

import pytest

from models.store import Store
from session.domain.demo import create_demo
from session.tui.app import HoinghiApp
from session.tui.hall.board import HallBoard
from tests.hall_scenes import scene

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


def board_texts(app) -> list[str]:
    """Every text on the hall display's board (big letters as the text they spell)."""
    frame = app.screen.query_one(HallBoard).frame
    blocks = [*frame.top, *(b for group in frame.middle for b in group), *frame.bottom]
    return [b.text for b in blocks]


async def _wait_for(pilot, condition, seconds: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if condition():
            return time.monotonic() - start
        await pilot.pause(0.05)
    return -1.0


@pytest.mark.slow
@pytest.mark.serial
async def test_a_change_from_another_process_shows_on_the_display_within_a_second(db_path):
    store = Store.open(str(db_path))
    meeting_id = create_demo(store, at=datetime.now())
    app = HoinghiApp(store, meeting_id=meeting_id, mode="display")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Mời đăng ký phát biểu tại bộ phận tiếp nhận" in board_texts(app)
        done = subprocess.run(
            [sys.executable, "-c", CALL_NEXT, str(db_path), str(meeting_id), "start"],
            capture_output=True,
            text=True,
            check=True,
        )
        committed = float(done.stdout.strip())
        waited = await _wait_for(pilot, lambda: "Hoàng Văn Páo" in board_texts(app), 2.0)
        shown = time.time()
        assert 0 <= waited and shown - committed < 1.0
        texts = board_texts(app)
        assert "Bước 6/9 · Tiến hành đối thoại" in texts
        assert texts[texts.index("Hoàng Văn Páo") + 2] in ("3:00", "2:59", "2:58")  # after the place and field
        # The other side stops and starts again: the display carries on.
        subprocess.run(
            [sys.executable, "-c", CALL_NEXT, str(db_path), str(meeting_id), "next"], check=True, capture_output=True
        )
        assert await _wait_for(pilot, lambda: "Lăng Thị Mỵ" in board_texts(app), 1.0) >= 0
    store.close()


async def test_the_board_turns_amber_then_red_and_says_so_as_the_speaker_runs_out_of_time(store):
    meeting_id, clock = scene(store, "dialogue")
    app = HoinghiApp(store, meeting_id=meeting_id, clock=clock, mode="display")
    async with app.run_test(size=(80, 24)) as pilot:
        board = app.screen.query_one(HallBoard)
        await pilot.pause()
        assert board.phase == "normal" and "Thời gian còn lại" in board_texts(app)
        clock.advance(seconds=120)  # 19 s left
        assert await _wait_for(pilot, lambda: board.has_class("-warning"), 2.0) >= 0
        assert "SẮP HẾT GIỜ · còn 19 giây" in board_texts(app)
        clock.advance(seconds=30)
        assert await _wait_for(pilot, lambda: board.has_class("-over"), 2.0) >= 0
        assert not board.has_class("-warning")
        assert "QUÁ GIỜ 0:11" in board_texts(app)
        assert "-0:11" in board_texts(app)
        over = board.get_component_rich_style("hall--clock-over")
        normal = board.get_component_rich_style("hall--clock-normal")
        assert over.color != normal.color


async def test_the_board_grows_with_the_window(store):
    meeting_id, clock = scene(store, "dialogue")
    app = HoinghiApp(store, meeting_id=meeting_id, clock=clock, mode="display")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        board = app.screen.query_one(HallBoard)

        def clock_rows() -> int:
            digits = set(" ▀▄█")
            return sum(1 for line in board.lines() if line.strip() and set(line) <= digits)

        small = clock_rows()
        await pilot.resize_terminal(200, 60)
        assert await _wait_for(pilot, lambda: board.size.height == 60 and clock_rows() > small * 2, 2.0) >= 0


async def test_the_display_is_read_only_and_leaves_with_q(store):
    meeting_id, clock = scene(store, "dialogue")
    from session.domain.sync import last_event_id

    before = last_event_id(store)
    app = HoinghiApp(store, meeting_id=meeting_id, clock=clock, mode="display")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in ("c", "n", "space", "enter", "u", "p"):
            await pilot.press(key)
        await pilot.pause()
        assert last_event_id(store) == before
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


@pytest.mark.slow
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
