"""Kill -9 the running app: on restart the meeting, its clocks and the notes are there."""

from __future__ import annotations

import itertools
import os
import random
import shlex
import shutil
import signal
import subprocess
import textwrap
import time
from datetime import datetime

import pytest

from models.store import Store
from session.domain.demo import create_demo
from session.domain.meetings import meeting_view
from session.tui.app import HoinghiApp
from session.tui.widgets.clock_bar import ClockBar
from tests import forked
from tests.conftest import hoinghi_cmd, until

pytestmark = pytest.mark.slow  # each test runs the app in a process of its own and kills it

# The real app in its own process, headless, driven by keys from an auto-pilot.
CHILD = textwrap.dedent("""
    import asyncio, sys
    from models.store import Store
    from session.tui.app import HoinghiApp
    from tests.keys import install

    install()  # each key pressed once the app has handled the one before, as in the tests

    db, meeting_id, keys, text = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

    async def drive(pilot):
        await pilot.pause()
        for key in keys.split():
            await pilot.press(key)
        if text:
            await pilot.press(*text)
        print("READY", flush=True)
        await asyncio.sleep(120)

    HoinghiApp(Store.open(db), meeting_id=meeting_id).run(headless=True, size=(100, 30), auto_pilot=drive)
""")


def run_and_kill(db, meeting_id: int, keys: str, text: str, wait_after: float) -> float:
    proc = forked.start(CHILD, str(db), str(meeting_id), keys, text, quiet=True)
    try:
        assert proc.stdout.readline().strip() == "READY"
        ready = time.monotonic()
        time.sleep(wait_after)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.close()
    assert proc.returncode == -signal.SIGKILL
    return ready


async def test_sigkill_mid_step_resumes_the_same_step_with_downtime_counted(db_path):
    store = Store.open(str(db_path))
    meeting_id = create_demo(store, at=datetime.now())
    store.close()
    run_and_kill(db_path, meeting_id, "n n n", "", wait_after=1.0)
    time.sleep(1.5)  # the app is down
    store = Store.open(str(db_path))
    view = meeting_view(store, meeting_id)
    assert view.status == "running" and view.current_step.position == 3
    app = HoinghiApp(store, meeting_id=meeting_id)
    step = view.current_step
    assert (datetime.now() - step.started_at).total_seconds() >= 2.5  # before the kill + the downtime

    def bar_counts_the_downtime() -> bool:
        # The bar ticks once a second: it shows this second's elapsed time or the one before.
        elapsed = int((datetime.now() - step.started_at).total_seconds())
        bar = str(app.screen.query_one(ClockBar).render())
        return f"Bước 3: 0:{elapsed:02d}" in bar or f"Bước 3: 0:{elapsed - 1:02d}" in bar

    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, bar_counts_the_downtime)
    store.close()


async def test_recess_survives_a_sigkill(db_path):
    store = Store.open(str(db_path))
    meeting_id = create_demo(store, at=datetime.now())
    store.close()
    run_and_kill(db_path, meeting_id, "n n p", "", wait_after=0.5)
    store = Store.open(str(db_path))
    view = meeting_view(store, meeting_id)
    assert view.status == "recess" and view.recess_since is not None
    store.close()


def test_notes_typed_then_sigkill_within_a_second_are_kept(db_path):
    store = Store.open(str(db_path))
    meeting_id = create_demo(store, at=datetime.now())
    store.close()
    notes = "Đồng chí Hoàng Văn Thắng, Chủ tịch UBND xã phát biểu khai mạc"
    run_and_kill(db_path, meeting_id, "n w", notes, wait_after=0.9)
    store = Store.open(str(db_path))
    assert meeting_view(store, meeting_id).agenda[0].notes == notes
    store.close()


# --- the real app in a real terminal (tmux), killed with kill -9 -------------------------------


class Terminal:
    """The app as a person runs it: `hoinghi run` in a terminal of its own (a private tmux
    server), keys typed into it, the screen read back."""

    def __init__(self, folder, db, meeting_id: int) -> None:  # noqa: ANN001
        if shutil.which("tmux") is None:
            if os.environ.get("CI") == "true":
                pytest.fail("tmux is not installed; CI installs it")
            pytest.skip("tmux is not installed here")
        self.socket = f"cli-faults-{os.getpid()}-{next(_terminals)}"
        self.db, self.meeting_id = db, meeting_id
        self.folder = folder

    def tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30)
        return done.stdout

    def start(self) -> None:
        # The terminal's own size, not COLUMNS/LINES a test runner may have set.
        app = [*hoinghi_cmd(), "run", "--meeting", str(self.meeting_id), "--db", str(self.db)]
        command = f"exec env -u COLUMNS -u LINES {shlex.join(app)}"
        env = ["-e", "HOINGHI_LANG=vi", "-e", f"XDG_CONFIG_HOME={self.folder / 'config'}"]
        self.tmux("new-session", "-d", "-s", "cli-faults-notes", "-x", "100", "-y", "30", *env, command)
        self.pid = int(self.tmux("display-message", "-p", "-t", "cli-faults-notes", "#{pane_pid}").strip())

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "cli-faults-notes")

    def notes_frame(self) -> str:
        """The top of the notes editor's frame with its colours: it changes when the
        editor takes the focus."""
        styled = self.tmux("capture-pane", "-p", "-e", "-t", "cli-faults-notes")
        line = next((row for row in styled.splitlines() if "▔" in row), "")
        return line.rpartition("│")[2]

    def wait_for(self, *texts: str, timeout: float = 30.0) -> str:
        end = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if all(t in shown for t in texts):
                return shown
            if time.monotonic() > end:
                raise AssertionError(f"the screen never showed {texts}:\n{shown}")
            time.sleep(0.01)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "cli-faults-notes", *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "cli-faults-notes", "-l", text)

    def kill_9(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        end = time.monotonic() + 10
        while self.tmux("has-session", "-t", "cli-faults-notes") or _alive(self.pid):
            if time.monotonic() > end:
                break
            time.sleep(0.01)

    def close(self) -> None:
        self.tmux("kill-server")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


_terminals = itertools.count(1)


@pytest.fixture
def terminal(tmp_path):
    store = Store.open(str(tmp_path / "meeting.db"))
    meeting_id = create_demo(store, at=datetime.now())
    store.close()
    term = Terminal(tmp_path, tmp_path / "meeting.db", meeting_id)
    yield term
    term.close()


def stored_notes(db, meeting_id: int) -> str:  # noqa: ANN001
    store = Store.open(str(db))
    try:
        return meeting_view(store, meeting_id).agenda[0].notes
    finally:
        store.close()


def open_notes(term: Terminal) -> None:
    term.start()
    term.wait_for("Hội nghị chưa bắt đầu")
    term.keys("n")  # the meeting starts on its first step
    term.wait_for("Bước 1 · đang diễn ra")
    unfocused = term.notes_frame()
    term.keys("w")  # into the notes: typed keys go there once it has the focus
    end = time.monotonic() + 30
    while term.notes_frame() == unfocused:
        assert time.monotonic() < end, "the notes never took the focus"
        time.sleep(0.01)


def test_notes_typed_in_a_terminal_are_there_after_kill_9_the_moment_they_show_saved(terminal):
    notes = "Đồng chí Hoàng Văn Thắng, Chủ tịch UBND phường phát biểu khai mạc."
    open_notes(terminal)
    terminal.type(notes)
    terminal.wait_for("mạc.", "đã lưu")  # every key on screen (its last word), and the save shown
    terminal.kill_9()
    assert not _alive(terminal.pid)
    assert stored_notes(terminal.db, terminal.meeting_id) == notes
    terminal.start()  # the app again, as the secretary would restart it
    terminal.wait_for("Hoàng Văn Thắng", "mạc.")


@pytest.mark.parametrize("seed", range(3))
def test_notes_killed_at_a_random_moment_keep_everything_shown_saved(terminal, seed):
    first = "Ông Lò Văn Pàng, bản Nà Pàn, phản ánh đường vào bản xuống cấp."
    more = " Đề nghị UBND sớm sửa chữa trước mùa mưa năm nay."
    open_notes(terminal)
    terminal.type(first)
    terminal.wait_for("cấp.", "đã lưu")
    terminal.type(more)
    time.sleep(random.Random(seed).uniform(0.0, 0.25))  # the kill comes at any moment after the keys
    terminal.kill_9()
    kept = stored_notes(terminal.db, terminal.meeting_id)
    assert kept.startswith(first)  # what was shown saved is there
    assert (first + more).startswith(kept)  # and nothing but what was typed, in order
