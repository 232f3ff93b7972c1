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
from session.domain import agenda, answers, queue
from session.domain.demo import create_demo

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
    agenda.start_meeting(store, meeting_id, at=clock())
    for minutes in (9, 4, 11):
        clock.advance(minutes=minutes)
        agenda.next_step(store, meeting_id, at=clock())
    clock.advance(minutes=7, seconds=30)
    if name == "step":
        return meeting_id, clock
    clock.advance(minutes=13)
    agenda.next_step(store, meeting_id, at=clock())  # the Front's report
    clock.advance(minutes=15)
    agenda.next_step(store, meeting_id, at=clock())  # the dialogue
    if name == "idle":
        clock.advance(seconds=30)
        return meeting_id, clock
    clock.advance(minutes=1)
    speaker = queue.call_next(store, meeting_id, at=clock())
    clock.advance(seconds=SPOKEN[name])
    if name == "answer":
        from session.domain.answers import Answerer

        issues = answers.issues_of_registration(store, speaker)
        answers.start_answer(store, meeting_id, issues, Answerer("Hoàng Văn Thắng", "Chủ tịch UBND"), at=clock())
        clock.advance(seconds=75)
    elif name == "recess":
        agenda.recess(store, meeting_id, at=clock(), until=clock() + timedelta(minutes=15))
        clock.advance(minutes=3, seconds=20)
    elif name == "recess-open":
        agenda.recess(store, meeting_id, at=clock())
        clock.advance(minutes=3, seconds=20)
    elif name == "closed":
        agenda.close_meeting(store, meeting_id, at=clock(), reason="Các kiến nghị còn lại trả lời bằng văn bản.")
        clock.advance(minutes=2)
    return meeting_id, clock
