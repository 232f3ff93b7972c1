"""The survey's tables load when first needed, not at every start: a process that has
already written to a meeting then takes a survey ballot and undoes it loses nothing, a
meeting is written in a process that never loaded them, and a new database is created
with every table."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LATE = textwrap.dedent("""
    import sys
    from datetime import datetime
    from sqlalchemy import inspect

    from models.store import Store
    from session.domain.meetings import create_meeting
    from session.domain.registrations import Slip
    from session.tui.screens import live  # what the app loads before its first screen
    from session.workstation import Desk, Workstation

    at = datetime(2026, 3, 5, 8, 0)
    store = Store.open(sys.argv[1])  # made by another process: opened, not created
    with store.engine.connect() as conn:
        print("tables:", sorted(inspect(conn).get_table_names()))
    mid = create_meeting(store, at=at, title="Đối thoại")
    ws = Workstation(store, mid, Desk("office", "may-1"), lambda: at)
    ws.register(Slip("Lò Văn Pàng", "Bản Chu", summary="Đường xuống cấp"))  # the ORM at work
    print("loaded before the survey:", sorted(m for m in ("models.survey",) if m in sys.modules))

    from session.domain.plans import PlanDraft, create_plan, set_meeting_plan
    from session.domain.survey import add_ballot, survey_results

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


def test_a_process_that_loads_the_survey_tables_late_writes_and_undoes_them(tmp_path):
    from models.store import Store

    Store.open(str(tmp_path / "moi.db")).close()  # a new database, made here
    done = subprocess.run(
        [sys.executable, "-c", LATE, str(tmp_path / "moi.db")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    said = done.stdout.splitlines()
    tables = said[0]
    for name in ("plan", "duty_record", "issue_preparation", "survey", "survey_ballot", "registration"):
        assert f"'{name}'" in tables  # a new database has every table
    assert said[1] == "loaded before the survey: []"  # a meeting written without them
    assert said[2:] == ["ballots: 1", "undone: survey.ballot", "ballots after undo: 0"]
