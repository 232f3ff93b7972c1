"""Whatever two desks do — calls, answers, speeches — and however they undo and
redo, the meeting stays whole: at most one person speaking, at most one answer running,
and the current step open. Random action sequences, checked after every step."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from models.errors import HoinghiError
from models.store import Store
from session.clock import FrozenClock
from session.domain.answers import Answerer
from session.domain.invariants import broken
from session.domain.meetings import create_meeting
from session.domain.registrations import Slip, list_registrations
from session.workstation import Desk, Workstation
from tests.templates_db import Templates

CHAIR = Answerer("Hoàng Văn Thắng", "Chủ tịch UBND", by_chair=True)
START = datetime(2026, 3, 5, 7, 30)


def _a_meeting_at_its_dialogue(store: Store) -> int:
    """Four people registered, the meeting started and at its dialogue step, all by the
    first console: what every run starts from (built once, copied for each run)."""
    mid = create_meeting(store, at=START, title="Đối thoại")
    first = Workstation(store, mid, Desk("console", "may-1"), FrozenClock(START))
    for n in range(4):
        first.register(Slip(f"Người {n}", "Tổ 1", summary=f"Ý kiến {n}"))
    first.start_meeting()
    for _ in range(5):
        first.next_step()
    return mid


_templates: list[tuple[tempfile.TemporaryDirectory[str], Templates]] = []  # made on first use


def _copy_of_the_meeting(to: Path) -> int:
    if not _templates:
        folder = tempfile.TemporaryDirectory(prefix="hoinghi-undo-")  # removed when the process ends
        _templates.append((folder, Templates(Path(folder.name))))
    return _templates[0][1].copy("dialogue", _a_meeting_at_its_dialogue, to)


class TwoDesks(RuleBasedStateMachine):
    """The console on two laptops, each with its own undo and redo."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        self.clock = FrozenClock(START)
        path = Path(self.folder.name) / "m.db"
        self.mid = _copy_of_the_meeting(path)
        self.store = Store.open(str(path))

    @initialize()
    def two_consoles(self) -> None:
        self.desks = [Workstation(self.store, self.mid, Desk("console", f"may-{n}"), self.clock) for n in (1, 2)]

    def _do(self, action) -> None:  # noqa: ANN001
        self.clock.advance(seconds=30)
        try:
            action()
        except HoinghiError:
            pass  # refused with a message: the state must still be whole

    @rule(d=st.integers(0, 1))
    def call_next(self, d: int) -> None:
        self._do(self.desks[d].call_next)

    @rule(d=st.integers(0, 1))
    def finish(self, d: int) -> None:
        self._do(self.desks[d].finish_speech)

    @rule(d=st.integers(0, 1))
    def answer(self, d: int) -> None:
        self._do(lambda: self.desks[d].start_answer(CHAIR))

    @rule(d=st.integers(0, 1))
    def end_answer(self, d: int) -> None:
        self._do(lambda: self.desks[d].end_answer("Đã trả lời"))

    @rule(d=st.integers(0, 1), n=st.integers(0, 30))
    def call_someone(self, d: int, n: int) -> None:
        regs = list_registrations(self.store, self.mid)
        self._do(lambda: self.desks[d].call(regs[n % len(regs)].id))

    @rule(d=st.integers(0, 1))
    def undo(self, d: int) -> None:
        self._do(self.desks[d].undo)

    @rule(d=st.integers(0, 1))
    def undo_again(self, d: int) -> None:  # undo is pressed often: it gets two rules' share
        self._do(self.desks[d].undo)

    @rule(d=st.integers(0, 1))
    def redo(self, d: int) -> None:
        self._do(self.desks[d].redo)

    @invariant()
    def the_meeting_is_whole(self) -> None:
        if not hasattr(self, "desks"):
            return
        with self.store.read() as s:
            assert broken(s, self.mid) is None

    def teardown(self) -> None:
        self.store.close()
        self.folder.cleanup()


TwoDesks.TestCase.settings = settings(
    max_examples=80,
    stateful_step_count=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
test_undo_and_redo_keep_the_meeting_whole = TwoDesks.TestCase
