"""The same person typed at two desks at the same instant is stored once: the duplicate
check is made inside the write, which the database serialises, on SQLite and PostgreSQL."""

from __future__ import annotations

import textwrap
import time
from datetime import datetime

from models.store import Store
from session.domain.meetings import create_meeting
from session.domain.registrations import list_registrations
from tests import forked

ROUNDS = 25

DESK = textwrap.dedent("""
    import sys, time
    from datetime import datetime
    from models.errors import Conflict
    from models.store import Store
    from session.domain.registrations import Slip
    from session.workstation import Desk, Workstation

    url, meeting_id, machine = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    store = Store.open(url)
    desk = Workstation(store, meeting_id, Desk("desk", machine), datetime.now)
    print("ready", flush=True)
    start = float(sys.stdin.readline())  # the moment both desks press Enter first
    stored = refused = 0
    for n in range({rounds}):
        while time.time() < start + n * 0.15:  # both desks press Enter at the same moments
            time.sleep(0.001)
        try:
            desk.register(Slip(f"Nguyễn Văn Trùng {{n}}", "Tổ 3", summary="Ý kiến"))
            stored += 1
        except Conflict as exc:
            assert exc.code == "registration.duplicate", exc.code
            refused += 1
    print(stored, refused)
""").format(rounds=ROUNDS)


def test_one_person_typed_at_two_desks_at_once_is_stored_once(db_url):
    store = Store.open(db_url)
    meeting_id = create_meeting(store, at=datetime.now(), title="Đối thoại")
    store.close()
    runs = [forked.start(DESK, db_url, str(meeting_id), machine) for machine in ("may-1", "may-2")]
    for run in runs:  # both desks up, their database open
        assert run.stdout.readline().strip() == "ready"
    start = time.time() + 0.3
    for run in runs:
        run.stdin.write(f"{start}\n")
        run.stdin.flush()
    results = [run.communicate(timeout=120) for run in runs]
    for run, (_out, err) in zip(runs, results, strict=True):
        assert run.returncode == 0, err
    counts = [tuple(map(int, out.split())) for out, _err in results]
    assert sum(stored for stored, _ in counts) == ROUNDS
    assert sum(refused for _, refused in counts) == ROUNDS
    store = Store.open(db_url)
    names = [r.name for r in list_registrations(store, meeting_id)]
    store.close()
    assert sorted(names) == sorted(f"Nguyễn Văn Trùng {n}" for n in range(ROUNDS))
