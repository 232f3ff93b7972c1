"""The demo meeting brought to each moment the hall display knows, on a frozen clock.

Shared by the display's domain, Pilot and snapshot tests: "before" (7:20, not yet
started), "step" (the economic report, 7:30 into its 20 minutes), "idle" (the dialogue
step, nobody called yet), "dialogue" (the first speaker, 41 s into 3 minutes),
"warning" (20 s left), "over" (45 s over), "answer" (the chair answering),
"recess" (resume announced for 15 minutes later), "recess-open" (no resume time
announced) and "closed".
"""

from __future__ import annotations

from datetime import datetime, timedelta

from models.store import Store
from session.clock import FrozenClock
from session.domain import answers
from session.domain.demo import create_demo
from tests.conftest import desk

SCENES = ("before", "step", "idle", "dialogue", "warning", "over", "answer", "recess", "recess-open", "closed")
SPOKEN = {"dialogue": 41, "warning": 160, "over": 225, "answer": 100, "recess": 60, "recess-open": 60, "closed": 60}


def scene(store: Store, name: str) -> tuple[int, FrozenClock]:
    """The demo meeting at the moment *name*; returns its id and the clock, set there."""
    assert name in SCENES, name
    clock = FrozenClock(datetime(2026, 3, 5, 7, 20))
    meeting_id = create_demo(store, at=clock())
    if name == "before":
        return meeting_id, clock
    clock.set(datetime(2026, 3, 5, 7, 30))
    desk(store, meeting_id, clock).start_meeting()
    for minutes in (9, 4, 11):
        clock.advance(minutes=minutes)
        desk(store, meeting_id, clock).next_step()
    clock.advance(minutes=7, seconds=30)
    if name == "step":
        return meeting_id, clock
    clock.advance(minutes=13)
    desk(store, meeting_id, clock).next_step()  # the Front's report
    clock.advance(minutes=15)
    desk(store, meeting_id, clock).next_step()  # the dialogue
    if name == "idle":
        clock.advance(seconds=30)
        return meeting_id, clock
    clock.advance(minutes=1)
    speaker = desk(store, meeting_id, clock).call_next()
    clock.advance(seconds=SPOKEN[name])
    if name == "answer":
        from session.domain.answers import Answerer

        issues = answers.issues_of_registration(store, speaker)
        desk(store, meeting_id, clock).start_answer(Answerer("Hoàng Văn Thắng", "Chủ tịch UBND"), issues)
        clock.advance(seconds=75)
    elif name == "recess":
        desk(store, meeting_id, clock).recess(until=clock() + timedelta(minutes=15))
        clock.advance(minutes=3, seconds=20)
    elif name == "recess-open":
        desk(store, meeting_id, clock).recess()
        clock.advance(minutes=3, seconds=20)
    elif name == "closed":
        desk(store, meeting_id, clock).close_meeting(reason="Các kiến nghị còn lại trả lời bằng văn bản.")
        clock.advance(minutes=2)
    return meeting_id, clock
