"""Several processes on one meeting: the desk registering, the assistant calling speakers.

Runs against both engines: SQLite (WAL) and a real PostgreSQL server."""

from __future__ import annotations

import json
import textwrap
from collections import Counter
from datetime import datetime

import pytest
from sqlmodel import select

from models.errors import Conflict
from models.store import Store
from models.tables import Event, Registration
from session.domain.ledger import ConclusionDraft, ledger
from session.domain.meetings import create_meeting
from session.domain.registrations import Slip
from tests import forked
from tests.conftest import desk

WORKER = textwrap.dedent("""
    import sys, time
    from datetime import datetime
    from models.errors import HoinghiError
    from models.store import Store
    from session.domain.registrations import Slip
    from session.workstation import Desk, Workstation

    url, meeting_id, role = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    store = Store.open(url)
    ws = Workstation(store, meeting_id, Desk(role, "test"), datetime.now)
    if role == "desk":
        for n in range(200):
            ws.register(Slip(f"Người đăng ký {n}", f"Thôn {n % 8}", summary=f"Ý kiến {n}"), force=True)
    else:
        deadline = time.monotonic() + 60
        calls = 0
        while calls < 150 and time.monotonic() < deadline:
            try:
                if ws.call_next() is not None:
                    calls += 1
            except HoinghiError as exc:
                print("refused", exc.code, file=sys.stderr)
        print(calls)
    store.close()
""")


@pytest.mark.slow
def test_registering_and_calling_from_two_processes_loses_nothing(db_url):
    store = Store.open(db_url)
    meeting_id = create_meeting(store, at=datetime.now(), title="Đối thoại")
    desk(store, meeting_id, datetime.now).start_meeting()  # the floor is given once it has started
    store.close()
    registering = forked.start(WORKER, db_url, str(meeting_id), "desk")
    caller = forked.start(WORKER, db_url, str(meeting_id), "caller")
    out_desk, err_desk = registering.communicate(timeout=180)
    out_caller, err_caller = caller.communicate(timeout=180)
    assert registering.returncode == 0, err_desk
    assert caller.returncode == 0, err_caller
    store = Store.open(db_url)
    with store.read() as s:
        regs = s.exec(select(Registration).where(Registration.meeting_id == meeting_id)).all()
        events = s.exec(select(Event).where(Event.meeting_id == meeting_id).order_by(Event.id)).all()
    store.close()
    assert len(regs) == 200  # no lost registration
    positions = [r.queue_position for r in regs]
    assert len(set(positions)) == 200  # unique queue positions
    assert sum(1 for r in regs if r.status == "speaking") <= 1
    calls = int(out_caller.strip())
    assert calls == sum(1 for r in regs if r.status in ("speaking", "done")) >= 1
    # Every action logged exactly once: one registration.add per registration, one
    # queue.next per call, no event id twice.
    assert len({e.id for e in events}) == len(events)
    added = Counter()
    for event in events:
        for change in json.loads(event.payload)["changes"]:
            if change["table"] == "registration" and change["before"] is None:
                added[change["pk"][0]] += 1
    assert set(added) == {r.id for r in regs} and set(added.values()) == {1}
    started = [
        c
        for e in events
        if e.action == "queue.next"
        for c in json.loads(e.payload)["changes"]
        if c["table"] == "registration" and c["after"]["status"] == "speaking"
    ]
    assert len(started) == calls  # one logged start per call, none twice


def test_two_screens_pressing_next_speaker_at_once_do_not_double_call(db_url):
    store = Store.open(db_url)
    meeting_id = create_meeting(store, at=datetime.now(), title="Đối thoại")
    desk(store, meeting_id, datetime.now).register(Slip("An"))
    desk(store, meeting_id, datetime.now).register(Slip("Bình"))
    desk(store, meeting_id, datetime.now).start_meeting()
    # Both screens saw nobody speaking; the first wins, the second is told.
    desk(store, meeting_id, datetime.now).call_next(seen=None)
    with pytest.raises(Conflict) as err:
        desk(store, meeting_id, datetime.now).call_next(seen=None)
    assert err.value.code == "queue.moved_on"
    # Same for the agenda: two secretaries pressing "next step".
    seen = desk(store, meeting_id, datetime.now).next_step()
    first = desk(store, meeting_id, datetime.now).next_step(seen=seen)
    with pytest.raises(Conflict):
        desk(store, meeting_id, datetime.now).next_step(seen=seen)
    assert first is not None
    store.close()


def test_two_people_editing_one_issue_the_second_is_told(db_url):
    store = Store.open(db_url)
    meeting_id = create_meeting(store, at=datetime.now(), title="Đối thoại")
    desk(store, meeting_id, datetime.now).register(Slip("An", summary="Đường hỏng"))
    [issue] = ledger(store, meeting_id)
    desk(store, meeting_id, datetime.now).edit_issue(
        issue.id, content="Đường thôn A hỏng", field="giao thông", in_scope=True, expected=issue.content
    )
    with pytest.raises(Conflict) as err:
        desk(store, meeting_id, datetime.now).edit_issue(
            issue.id, content="Đường hỏng nặng", field="", in_scope=True, expected=issue.content
        )
    assert err.value.code == "issue.changed"
    desk(store, meeting_id, datetime.now).conclude(
        [issue.id], ConclusionDraft("answered", "Đã trả lời"), expected={issue.id: None}
    )
    with pytest.raises(Conflict):
        desk(store, meeting_id, datetime.now).conclude(
            [issue.id], ConclusionDraft("study", "Tiếp thu"), expected={issue.id: None}
        )
    [issue] = ledger(store, meeting_id)
    assert issue.content == "Đường thôn A hỏng" and issue.conclusion.text == "Đã trả lời"
    store.close()
