"""One way to make the app for a test: a scene's database (built once per run, copied per
test), a frozen clock at the scene's moment, the app opened where the test asks; and
:func:`route`, the keys a person presses to reach a screen, for ``snap_compare``.

Scenes:

- ``planned`` — the demo meeting of xã Hòa An at 07:20, before it starts;
- ``dialogue`` — the same meeting at 08:52, mid-dialogue: three citizens heard and
  answered, one marked absent, a walk-in registered at the desk, the fifth speaking;
- ``finished`` — the demo meeting held and closed on 5 March, seen on 21 April: its
  conclusions under follow-up (one replied), survey ballots typed;
- ``plan`` — a ward's (phường Ba Đồn) plan with three meetings of tổ dân phố clusters,
  the first with its invitees and compiled petitions, and a xã meeting in no plan;
- ``hall-<moment>`` — the moments of the hall display (``tests.hall_scenes``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from models.store import Store
from session.clock import FrozenClock
from session.domain.answers import Answerer, issues_of_registration
from session.domain.demo import create_demo
from session.domain.ledger import ConclusionDraft
from session.domain.registrations import Slip
from session.tui.app import HoinghiApp
from tests.conftest import desk, until
from tests.templates_db import Templates

#: The two terminals every screen is drawn in: a laptop's full screen, and the smallest.
SIZES = {"120x36": (120, 36), "80x24": (80, 24)}

#: A home folder that names nobody's machine (the export dialog offers a folder in it).
HOME = "/home/thuky"
#: The machine every scene names in its history (the same on every computer).
MACHINE = "test"


@dataclass(frozen=True)
class Scene:
    """What a scene's database holds: its meetings by name ("main" opens by default)
    and the moment the test is at."""

    now: datetime
    meetings: dict[str, int] = field(default_factory=dict)


# --- the scenes --------------------------------------------------------------------------


def planned(store: Store) -> Scene:
    at = datetime(2026, 3, 5, 7, 20)
    return Scene(at, {"main": create_demo(store, at=at)})


def dialogue(store: Store) -> Scene:
    clock = FrozenClock(datetime(2026, 3, 5, 7, 20))
    mid = create_demo(store, at=clock())
    console = desk(store, mid, clock)
    clock.set(datetime(2026, 3, 5, 7, 30))
    console.start_meeting()
    for minutes in (9, 4, 11, 21, 14):  # the opening steps, to the dialogue
        clock.advance(minutes=minutes)
        console.next_step()
    console.save_notes(
        _current_step(store, mid),
        "Chủ trì đề nghị bà con phát biểu ngắn gọn, đúng nội dung đã đăng ký; mỗi ý kiến không quá 3 phút.",
    )
    chair = Answerer("Hoàng Văn Thắng", "Chủ tịch UBND xã", "UBND xã", by_chair=True)
    answers = [
        (chair, "Xã sẽ rà soát hồ sơ, trả kết quả trong tháng 4.", "assigned"),
        (Answerer("Triệu Văn Long", "Trưởng phòng Kinh tế", "Phòng Kinh tế"), "Đã khảo sát tuyến kênh.", "study"),
        (chair, "Đã giải thích chế độ theo quy định.", "answered"),
    ]
    for who, said, outcome in answers:
        clock.advance(minutes=1)
        speaker = console.call_next()
        clock.advance(minutes=3, seconds=5)
        console.finish_speech()
        console.start_answer(who)
        clock.advance(minutes=2, seconds=35)
        console.end_answer(said)
        assert speaker is not None
        issue_ids = issues_of_registration(store, speaker)
        deadline = date(2026, 4, 17) if outcome == "assigned" else None
        lead = "Phòng Kinh tế" if outcome != "answered" else ""
        console.conclude(issue_ids, ConclusionDraft(outcome, said, lead_agency=lead, deadline=deadline))
    clock.advance(seconds=40)
    absent = console.call_next()
    assert absent is not None
    console.mark_absent(absent)
    walk_in = desk(store, mid, clock, kind="desk")
    walk_in.register(
        Slip("Lý Văn Tài", "Thôn Bản Chu", field="giao thông", summary="Đèn đường thôn Bản Chu hỏng đã hai tháng.")
    )
    clock.advance(minutes=1)
    console.call_next()
    clock.advance(minutes=1, seconds=25)
    return Scene(clock(), {"main": mid})


def finished(store: Store) -> Scene:
    mid = create_demo(store, at=datetime(2026, 3, 6, 7, 0), finished=True)
    at = datetime(2026, 4, 21, 8, 30)
    office = desk(store, mid, at, kind="office")
    from session.domain.followup import followup_items

    first = followup_items(store, at.date(), mid)[0]
    office.update_followup(first.issue_id, "replied", reply_number="112/UBND-KT", reply_date=date(2026, 4, 10))
    from session.domain.survey import add_ballot

    for n, answers in enumerate(((1, 1, 2), (1, 2, 1), (2, 1, 1), (1, 1, 0), (3, 2, 1))):
        moment = at - timedelta(days=30 - n)
        with store.action("survey.ballot", at=moment, meeting_id=mid, actor="office") as tx:
            add_ballot(tx, mid, answers, at=moment)
    return Scene(at, {"main": mid})


def plan(store: Store) -> Scene:
    from tests.planning_data import commune_meeting, ward_plan

    _plan, meetings = ward_plan(store)
    return Scene(
        datetime(2026, 3, 5, 9, 0),
        {"main": meetings[0], "ward-2": meetings[1], "ward-3": meetings[2], "commune": commune_meeting(store)},
    )


def _hall(moment: str) -> Callable[[Store], Scene]:
    def build(store: Store) -> Scene:
        from tests.hall_scenes import scene

        meeting_id, clock = scene(store, moment)
        return Scene(clock(), {"main": meeting_id})

    return build


def _current_step(store: Store, meeting_id: int) -> int:
    from session.domain.meetings import meeting_view

    step = meeting_view(store, meeting_id).current_item_id
    assert step is not None
    return step


SCENES: dict[str, Callable[[Store], Scene]] = {
    "planned": planned,
    "dialogue": dialogue,
    "finished": finished,
    "plan": plan,
}


def _builder(name: str) -> Callable[[Store], Scene]:
    if name.startswith("hall-"):
        return _hall(name.removeprefix("hall-"))
    return SCENES[name]


# --- the factory ---------------------------------------------------------------------------


class AppFactory:
    """Makes apps on copies of the scenes, in one test's folder; closes their stores."""

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch, templates: Templates) -> None:
        self.folder = folder
        self.templates = templates
        self.stores: list[Store] = []
        self.scene: Scene | None = None
        self.store: Store | None = None
        # The same on every machine: the desk's machine, the home folder.
        monkeypatch.setenv("HOINGHI_MACHINE", MACHINE)
        monkeypatch.setenv("HOME", HOME)

    def __call__(
        self, scene: str, *, meeting: str | None = "main", mode: str = "console", at: datetime | None = None
    ) -> HoinghiApp:
        """The app on a copy of *scene*: opened on its *meeting* (None: the meeting
        picker) in *mode* (console, desk, display, survey), the clock frozen at the
        scene's moment or *at*."""
        self.scene = self.templates.copy(f"scene-{scene}", _builder(scene), self.folder / f"{scene}.db")
        store = self.store = Store.open(str(self.folder / f"{scene}.db"))
        self.stores.append(store)
        meeting_id = None if meeting is None else self.scene.meetings[meeting]
        app = HoinghiApp(store, meeting_id=meeting_id, clock=FrozenClock(at or self.scene.now), mode=mode)
        app.animation_level = "none"  # nothing moves with the wall clock (an idle progress bar)
        return app

    def meeting(self, name: str = "main") -> int:
        assert self.scene is not None
        return self.scene.meetings[name]

    def close(self) -> None:
        for store in self.stores:
            store.close()


# --- getting there by keys -----------------------------------------------------------------


@dataclass(frozen=True)
class Pasted:
    """Text put into the focused field at once, as a paste does (a key per letter costs
    the test a few hundredths of a second each, and says nothing more)."""

    text: str


Step = str | type | Pasted | Callable[[Any], bool]


def route(*steps: Step) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """The way a person reaches a screen, for ``snap_compare(run_before=...)``: each step
    is a key to press (``"d"``, ``"ctrl+p"``, or ``*"xuat"`` for typed letters), text
    pasted into the field with the cursor (``Pasted("…")``), a screen class to wait for on
    top (``QueueScreen``), or a condition on the app to wait for. Then the screen is held
    still: no blinking cursor."""

    async def run(pilot: Pilot[Any]) -> None:
        keys: list[str] = []
        for step in (*steps, None):
            if isinstance(step, str):
                keys.append(step)  # keys in a row are pressed in one go
                continue
            if keys:
                await pilot.press(*keys)
                keys.clear()
            if step is None:
                break
            if isinstance(step, Pasted):
                # A screen just shown focuses its first field a moment after it is on top.
                await until(pilot, lambda: pilot.app.focused is not None)
                focused = pilot.app.focused
                assert focused is not None, "nothing to paste into"
                focused.post_message(events.Paste(step.text))
                await pilot.pause()
            elif isinstance(step, type):
                await until(pilot, lambda cls=step: isinstance(pilot.app.screen, cls))
            else:
                await until(pilot, lambda check=step: check(pilot.app))
        await still(pilot)

    return run


async def still(pilot: Pilot[Any]) -> None:
    """No cursor blinks, on any screen of the stack; then let the screen settle."""
    for screen in pilot.app.screen_stack:
        for area in screen.query(TextArea):
            area.cursor_blink = False
        for box in screen.query(Input):
            box.cursor_blink = False
    await pilot.pause()
