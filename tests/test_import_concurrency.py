"""A 20,000-row import never makes another desk's action fail.

The desk registers speakers in another process, non-stop, while the compiled list is
imported; on SQLite (WAL, busy timeout) and on a real PostgreSQL server."""

from __future__ import annotations

import textwrap
from datetime import datetime
from pathlib import Path

import pytest
from sqlmodel import select

from models.store import Store
from models.tables import Registration
from session.domain.imports import plan_import, run_import
from session.domain.meetings import create_meeting
from tests import forked
from tests.sheets import big_list

pytestmark = pytest.mark.slow  # 20,000 rows imported while another process registers

ROWS = 20_000

DESK = textwrap.dedent("""
    import sys, time
    from datetime import datetime
    from pathlib import Path
    from models.errors import HoinghiError
    from models.store import Store
    from session.domain.registrations import Slip
    from session.workstation import Desk, Workstation

    url, meeting_id, stop = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    store = Store.open(url)
    desk = Workstation(store, meeting_id, Desk("desk", "test"), datetime.now)
    done = refused = 0
    slowest = 0.0
    while not stop.exists() or done < 5:
        start = time.perf_counter()
        try:
            desk.register(Slip(f"Người tại bàn {done}", "Tổ 3", summary=f"Ý kiến tại bàn {done}"), force=True)
            done += 1
        except HoinghiError as exc:
            refused += 1
            print("refused", exc.code, file=sys.stderr, flush=True)
        slowest = max(slowest, time.perf_counter() - start)
        if done == 1:
            print("started", flush=True)
    store.close()
    print(done, refused, f"{slowest:.2f}", flush=True)
""")


@pytest.fixture(scope="module")
def big_sheet(tmp_path_factory) -> Path:
    return big_list(tmp_path_factory.mktemp("big") / "tong-hop.xlsx", ROWS)


def test_a_large_import_never_makes_the_other_desk_fail(db_url, big_sheet, tmp_path):
    store = Store.open(db_url)
    meeting_id = create_meeting(store, at=datetime.now(), title="Đối thoại")
    plan = plan_import(store, big_sheet, meeting_id=meeting_id)  # everything slow, outside any transaction
    assert plan.ok() and len(plan.petitions) == ROWS
    stop = tmp_path / "stop"
    desk = forked.start(DESK, db_url, str(meeting_id), str(stop), cwd=Path(__file__).resolve().parent.parent)
    try:
        assert desk.stdout.readline().strip() == "started"
        result = run_import(store, meeting_id, plan, at=datetime.now())
    finally:
        stop.touch()
    out, err = desk.communicate(timeout=300)
    assert desk.returncode == 0, err
    done, refused, slowest = out.split()
    assert int(refused) == 0 and "refused" not in err, err
    assert result.imported == ROWS
    with store.read() as s:
        positions = s.exec(select(Registration.queue_position).where(Registration.meeting_id == meeting_id)).all()
    store.close()
    assert len(positions) == ROWS + int(done) and len(set(positions)) == len(positions)
    print(f"{db_url.split(':')[0]}: the desk registered {done} speakers meanwhile; slowest wait {slowest} s")
