"""Only the meeting day's tables load before the first screen. The others (the ledger of
petitions, attendance, the office's records, planning's duties and preparations, the
survey) load when first needed: a process that has loaded none of them runs the meeting,
undoes what another desk did to a petition, then files petitions, plans, ballots and
undoes them, and loses nothing; a new database is created with every table."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: The modules of the tables that load late.
LATE_MODULES = ("models.attendance", "models.ledger", "models.office", "models.planning", "models.survey")

LATE = textwrap.dedent(f"""
    import sys
    from datetime import datetime
    from sqlalchemy import inspect

    def late():
        return sorted(m for m in {LATE_MODULES!r} if m in sys.modules)

    # What the console loads before its first screen.
    import session.cli, session.cli.meetings, session.tui.app
    from session.tui.screens import live
    print("loaded before the first screen:", late())

    from models.store import Store
    from session.domain.agenda import next_step, start_meeting
    from session.domain.live import load_live

    at = datetime(2026, 3, 5, 8, 0)
    store = Store.open(sys.argv[1])  # made by another process: opened, not created
    with store.engine.connect() as conn:
        print("tables:", sorted(inspect(conn).get_table_names()))
    mid = int(sys.argv[2])
    with store.action("meeting.start", at=at, meeting_id=mid, desk="console@may-1") as tx:
        start_meeting(tx, mid)  # writes the meeting, whose key points at its plan
    with store.action("agenda.next", at=at, meeting_id=mid, desk="console@may-1") as tx:
        next_step(tx, mid)
    print("waiting:", load_live(store, mid, at).queue.waiting)
    print("loaded while the meeting runs:", late())

    undone = store.undo_last(mid, at=at, actor="desk", desk="desk@may-2")  # a slip and its petition
    print("undone:", undone.action)
    print("waiting after undo:", load_live(store, mid, at).queue.waiting)

    from session.domain.plans import PlanDraft, create_plan, set_meeting_plan
    from session.domain.registrations import Slip
    from session.domain.survey import add_ballot, survey_results
    from session.workstation import Desk, Workstation

    ws = Workstation(store, mid, Desk("desk", "may-1"), lambda: at)
    ws.register(Slip("Lò Văn Pàng", "Bản Chu", summary="Đường xuống cấp"))
    with store.action("plan.new", at=at, actor="office") as tx:
        plan_id = create_plan(tx, PlanDraft(title="Kế hoạch đối thoại năm 2026", year=2026), at=at)
    with store.action("meeting.plan", at=at, meeting_id=mid, actor="office") as tx:
        set_meeting_plan(tx, mid, plan_id)
    with store.action("survey.ballot", at=at, meeting_id=mid, actor="office", desk="office@may-1") as tx:
        add_ballot(tx, mid, [1, 1, 2], at=at)
    print("ballots:", survey_results(store, mid).typed)
    print("undone:", store.undo_last(mid, at=at, actor="office", desk="office@may-1").action)
    print("ballots after undo:", survey_results(store, mid).typed)
    store.close()
""")


def test_a_process_that_loads_the_late_tables_when_needed_runs_writes_and_undoes(tmp_path):
    from models.store import Store
    from session.domain.meetings import create_meeting
    from session.domain.registrations import Slip
    from session.workstation import Desk, Workstation

    at = datetime(2026, 3, 5, 7, 30)
    store = Store.open(str(tmp_path / "moi.db"))  # a new database, made here
    mid = create_meeting(store, at=at, title="Đối thoại")
    desk = Workstation(store, mid, Desk("desk", "may-2"), lambda: at)
    desk.register(Slip("Hà Thị Mai", "Bản Nà", summary="Nước sinh hoạt"))  # a petition filed with it
    store.close()

    done = subprocess.run(
        [sys.executable, "-c", LATE, str(tmp_path / "moi.db"), str(mid)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    said = done.stdout.splitlines()
    assert said[0] == "loaded before the first screen: []"
    tables = said[1]
    for name in ("plan", "duty_record", "issue_preparation", "survey", "survey_ballot", "registration", "issue"):
        assert f"'{name}'" in tables  # a new database has every table
    assert said[2:] == [
        "waiting: 1",
        "loaded while the meeting runs: []",  # the meeting written without them
        "undone: registration.add",  # the slip and its petition, in a process that had not loaded the ledger
        "waiting after undo: 0",
        "ballots: 1",
        "undone: survey.ballot",
        "ballots after undo: 0",
    ]

    reopened = Store.open(str(tmp_path / "moi.db"))
    from sqlalchemy import text

    with reopened.engine.connect() as conn:
        assert conn.execute(text("SELECT content FROM issue ORDER BY id")).scalars().all() == ["Đường xuống cấp"]
    reopened.close()
