"""The store: durable, logged, and careful with databases it must not touch."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import event, inspect
from sqlmodel import SQLModel, select

from models.errors import NotFound, StoreError
from models.store import SCHEMA_VERSION, Store, machine_name, resolve_url
from models.tables import Event, Meeting, Registration
from session.domain.demo import create_demo
from session.domain.meetings import create_meeting, list_meetings, meeting_view
from tests.conftest import T0


def digest(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def make_db(path: Path) -> None:
    s = Store.open(str(path))
    create_meeting(s, at=T0, title="Họp thử")
    s.close()


def test_plain_path_and_url_name_the_same_database(tmp_path):
    path = tmp_path / "a.db"
    assert resolve_url(str(path)) == f"sqlite:///{path}"
    assert resolve_url(f"sqlite:///{path}") == f"sqlite:///{path}"


def test_default_database_lives_in_the_user_data_folder(tmp_path):
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'data' / 'hoinghi' / 'hoinghi.db'}"


def test_env_variable_chooses_the_database(tmp_path, monkeypatch):
    monkeypatch.setenv("HOINGHI_DB", str(tmp_path / "env.db"))
    assert resolve_url(None).endswith("env.db")


def test_sqlite_runs_in_wal_with_full_sync_and_foreign_keys(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_schema_version_is_recorded(store):
    assert store.schema_version() == SCHEMA_VERSION


def test_meeting_round_trip_keeps_every_fact(store, clock):
    meeting_id = create_meeting(
        store,
        at=clock(),
        template="doi-thoai",
        title="Hội nghị đối thoại năm 2026",
        venue="Nhà văn hóa xã",
        place="Hòa An",
        issuing_body="ỦY BAN NHÂN DÂN XÃ HÒA AN",
    )
    view = meeting_view(store, meeting_id)
    assert view.title == "Hội nghị đối thoại năm 2026"
    assert view.venue == "Nhà văn hóa xã" and view.place_name == "Hòa An"
    assert [s.position for s in view.agenda] == list(range(1, 10))
    assert view.planned_minutes == 210


def _rows_by_table(store) -> dict[str, dict[tuple, dict]]:
    from models.changes import row_values

    found: dict[str, dict[tuple, dict]] = {}
    with store.read() as s:
        for mapper in SQLModel._sa_registry.mappers:
            model = mapper.class_
            if model.__tablename__ in ("event", "hoinghi_meta"):
                continue
            for obj in s.exec(select(model)).all():
                pk = tuple(row_values(obj)[c.key] for c in inspect(model).primary_key)
                found.setdefault(model.__tablename__, {})[pk] = row_values(obj)
    return found


def test_every_row_in_every_table_is_explained_by_the_event_log(store, clock):
    create_demo(store, at=clock(), finished=True)
    create_demo(store, at=clock())
    latest: dict[tuple, dict | None] = {}
    with store.read() as s:
        for ev in s.exec(select(Event).order_by(Event.id)).all():
            for ch in json.loads(ev.payload)["changes"]:
                latest[(ch["table"], tuple(ch["pk"]))] = ch["after"]
    rows = _rows_by_table(store)
    assert sum(len(v) for v in rows.values()) > 100
    for table, by_pk in rows.items():
        for pk, values in by_pk.items():
            assert latest.get((table, pk)) == values, (table, pk)


def test_an_action_that_fails_leaves_no_half_written_record(store, clock):
    before = list_meetings(store)
    with pytest.raises(RuntimeError):
        with store.action("meeting.create", at=clock()) as tx:
            tx.add(Meeting(title="Nửa chừng"))
            tx.flush()
            raise RuntimeError("power cut in the middle")
    assert list_meetings(store) == before
    with store.read() as s:
        assert s.exec(select(Event)).all() == []


def test_undo_reverts_the_last_action_and_logs_itself(store, clock):
    first = create_meeting(store, at=clock(), title="Một")
    second = create_meeting(store, at=clock(), title="Hai", actor="office")
    undone = store.undo_last(second, at=clock(), desk=f"office@{machine_name()}", actor="office")
    assert undone.action == "meeting.create"
    assert [m.id for m in list_meetings(store)] == [first]
    with store.read() as s:
        actions = [(e.action, e.undo_of) for e in s.exec(select(Event).order_by(Event.id))]
    assert actions[-1] == ("undo", undone.id)
    with pytest.raises(NotFound):
        store.undo_last(second, at=clock(), desk=f"office@{machine_name()}", actor="office")


# --- databases that must be refused, and left exactly as they were ------------------


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("Biên bản hội nghị — not a database\n", encoding="utf-8")
    before = digest(path)
    with pytest.raises(StoreError) as err:
        Store.open(str(path))
    assert err.value.code == "db.not_database"
    assert digest(path) == before


def test_an_sqlite_database_of_another_program_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(StoreError) as err:
        Store.open(str(path))
    assert err.value.code == "db.not_hoinghi"
    assert digest(path) == before


def test_a_corrupt_database_is_refused_untouched(tmp_path):
    path = tmp_path / "corrupt.db"
    make_db(path)
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[page + 100 : page * 3 - 100] = os.urandom(page * 2 - 200)
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(StoreError) as err:
        Store.open(str(path))
    assert err.value.code in ("db.corrupt", "db.not_database")
    assert digest(path) == before


def test_a_newer_schema_is_refused_untouched(tmp_path):
    path = tmp_path / "newer.db"
    make_db(path)
    con = sqlite3.connect(path)
    con.execute("UPDATE hoinghi_meta SET value='999' WHERE key='schema_version'")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(StoreError) as err:
        Store.open(str(path))
    assert err.value.code == "db.newer"
    assert err.value.params["version"] == 999
    assert digest(path) == before


def test_a_read_only_database_is_refused_untouched(tmp_path):
    path = tmp_path / "ro.db"
    make_db(path)
    path.chmod(0o444)
    try:
        before = digest(path)
        with pytest.raises(StoreError) as err:
            Store.open(str(path))
        assert err.value.code == "db.read_only"
        assert digest(path) == before
    finally:
        path.chmod(0o644)


def test_a_database_locked_by_another_program_is_refused_untouched(tmp_path, monkeypatch):
    path = tmp_path / "locked.db"
    make_db(path)
    before = digest(path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sqlite3, sys, time
            con = sqlite3.connect({str(path)!r}, isolation_level=None)
            con.execute("PRAGMA locking_mode=EXCLUSIVE")
            con.execute("BEGIN EXCLUSIVE")
            print("locked", flush=True)
            time.sleep(30)
        """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        monkeypatch.setenv("HOINGHI_BUSY_MS", "300")
        with pytest.raises(StoreError) as err:
            Store.open(str(path))
        assert err.value.code == "db.locked"
    finally:
        holder.kill()
        holder.wait()
    assert digest(path)[0] == before[0]


def test_a_full_disk_keeps_old_data_and_says_so(db_path, clock):
    store = Store.open(str(db_path))
    meeting_id = create_demo(store, at=clock())
    store.engine.dispose()

    # SQLite reports SQLITE_FULL exactly as for a full disk once the page limit is hit.
    @event.listens_for(store.engine, "connect")
    def _limit(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + 2}")

    with store.read() as s:
        count = len(s.exec(select(Registration)).all())
    with pytest.raises(StoreError) as err:
        with store.action("registration.add", at=clock(), meeting_id=meeting_id) as tx:
            for n in range(50):
                tx.add(Registration(meeting_id=meeting_id, speaker_name=f"Người {n}", summary="x" * 15000))
    assert err.value.code == "db.disk_full"
    with store.read() as s:
        assert len(s.exec(select(Registration)).all()) == count
    store.close()


WRITER = textwrap.dedent("""
    import sys
    from datetime import datetime
    from models.store import Store
    from session.domain.meetings import create_meeting
    store = Store.open(sys.argv[1])
    n = 0
    while True:
        n += 1
        meeting_id = create_meeting(store, at=datetime.now(), title=f"Hội nghị {n}")
        print(meeting_id, flush=True)
""")


@pytest.mark.slow
def test_kill_9_while_writing_loses_no_committed_action(db_path):
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path)], stdout=subprocess.PIPE, text=True)
    committed = []
    deadline = time.monotonic() + 60
    while len(committed) < 40 and time.monotonic() < deadline:
        committed.append(int(proc.stdout.readline()))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(committed) == 40
    store = Store.open(str(db_path))
    ids = {m.id for m in list_meetings(store)}
    assert set(committed) <= ids
    with store.read() as s:
        logged = {e.meeting_id for e in s.exec(select(Event).where(Event.action == "meeting.create"))}
    assert ids == logged
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    store.close()
