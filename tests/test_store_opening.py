"""Opening a database: several desks creating a new one at once, a server database that
belongs to another application, and refused SQLite files that must be left exactly alone."""

from __future__ import annotations

import os
import sqlite3
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from models.errors import StoreError
from models.store import SCHEMA_VERSION, Store
from session.domain.meetings import create_meeting, list_meetings
from tests import forked
from tests.conftest import T0

DESKS = 4

# One desk: everything imported first, then the database opened the moment "go" arrives,
# so that the desks open it at the same instant.
OPENER = textwrap.dedent("""
    import sys
    from datetime import datetime
    from models.errors import HoinghiError
    from models.store import Store
    from session.domain.meetings import create_meeting
    from session.i18n import error_text

    url, name = sys.argv[1], sys.argv[2]
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        store = Store.open(url)
        create_meeting(store, at=datetime(2026, 3, 5, 7, 25), title=f"Hội nghị của {name}")
    except HoinghiError as exc:
        print("refused", error_text(exc), flush=True)
        sys.exit(1)
    print("created" if store.created else "opened", flush=True)
    store.close()
""")


def open_at_once(url: str, count: int = DESKS) -> list[str]:
    """*count* processes open *url* at the same moment; what each said."""
    desks = [forked.start(OPENER, url, f"bàn {n}") for n in range(count)]
    try:
        for d in desks:
            assert d.stdout.readline().strip() == "ready"
        for d in desks:
            d.stdin.write("go\n")
            d.stdin.flush()
        said = []
        for d in desks:
            out, err = d.communicate(timeout=60)
            assert d.returncode == 0, out + err
            said.append(out.strip())
        return said
    finally:
        for d in desks:
            if d.poll() is None:
                d.kill()


def fresh_url(db_url: str, tmp_path: Path, round_: int, request) -> str:  # noqa: ANN001
    if db_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / f'moi-{round_}' / 'hoinghi.db'}"
    return request.getfixturevalue("pg_cluster").new_database()


@pytest.mark.parametrize("round_", range(3))
def test_four_desks_opening_a_new_database_at_once_all_get_in(db_url, tmp_path, round_, request):
    url = fresh_url(db_url, tmp_path, round_, request)
    said = open_at_once(url)
    assert sorted(said) == ["created"] + ["opened"] * (DESKS - 1)
    store = Store.open(url)
    try:
        assert store.schema_version() == SCHEMA_VERSION
        assert sorted(m.title for m in list_meetings(store)) == [f"Hội nghị của bàn {n}" for n in range(DESKS)]
        with store.read() as s:
            assert s.execute(text("SELECT count(*) FROM hoinghi_meta")).scalar() == 1
    finally:
        store.close()


# --- a server database that is another application's ------------------------------------


def test_a_postgresql_database_of_another_application_is_refused_untouched(pg_cluster):
    url = pg_cluster.new_database()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id serial PRIMARY KEY, amount numeric)"))
        conn.execute(text("INSERT INTO invoices (amount) VALUES (12.5)"))
    with pytest.raises(StoreError) as err:
        Store.open(url)
    assert err.value.code == "db.foreign" and err.value.params["tables"] == "invoices"
    assert inspect(engine).get_table_names() == ["invoices"]  # not one table of ours was added
    engine.dispose()
    from click.testing import CliRunner

    from session.cli import main

    listed = CliRunner().invoke(main, ["--lang", "vi", "list", "--db", url])
    assert listed.exit_code == 1 and "Traceback" not in listed.output
    assert listed.stderr.strip().splitlines() == [
        f"hoinghi: Cơ sở dữ liệu {url} đã có bảng của chương trình khác (invoices); hoinghi không ghi vào đó. "
        "Hãy tạo một cơ sở dữ liệu riêng cho hoinghi."
    ]


def test_an_empty_postgresql_database_is_made_a_hoinghi_one(pg_cluster):
    url = pg_cluster.new_database()
    store = Store.open(url, create=False)  # a server database exists already: it is set up
    try:
        assert store.created and store.schema_version() == SCHEMA_VERSION
        create_meeting(store, at=T0, title="Đối thoại")
    finally:
        store.close()
    again = Store.open(url)
    assert not again.created and [m.title for m in list_meetings(again)] == ["Đối thoại"]
    again.close()


# --- refused SQLite files leave nothing beside them ------------------------------------------


def hoinghi_db(path: Path) -> Path:
    store = Store.open(str(path))
    create_meeting(store, at=T0, title="Họp thử")
    store.close()
    return path


def not_a_database(path: Path) -> None:
    path.write_text("Biên bản — not a database\n", encoding="utf-8")


def newer_schema(path: Path) -> None:
    hoinghi_db(path)
    con = sqlite3.connect(path)
    con.execute("UPDATE hoinghi_meta SET value='999' WHERE key='schema_version'")
    con.commit()
    con.close()


def corrupt(path: Path) -> None:
    hoinghi_db(path)
    data = bytearray(path.read_bytes())
    data[4096 + 100 : 4096 * 3 - 100] = os.urandom(4096 * 2 - 200)
    path.write_bytes(bytes(data))


def read_only(path: Path) -> None:
    hoinghi_db(path)
    path.chmod(0o444)


def another_programs(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.commit()
    con.close()


@pytest.mark.parametrize("make", [not_a_database, newer_schema, corrupt, read_only, another_programs])
def test_a_refused_sqlite_file_leaves_no_wal_or_shm_beside_it(make, tmp_path):
    folder = tmp_path / "refused"
    folder.mkdir()
    path = folder / "hoinghi.db"
    make(path)
    before = sorted(p.name for p in folder.iterdir())
    assert before == ["hoinghi.db"]
    try:
        with pytest.raises(StoreError):
            Store.open(str(path))
        assert sorted(p.name for p in folder.iterdir()) == before
    finally:
        path.chmod(0o644)
