"""A database of the first release (schema 1) opens in this one and upgrades in place:
its meetings and people kept, ready for plans, duties and the invitation list."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import create_engine, text

from models.store import SCHEMA_VERSION, Store
from session.domain.duties import meeting_duties
from session.domain.participants import participants
from session.domain.plans import PlanDraft, create_plan, plan_view, set_meeting_plan

V1_SCHEMA = Path(__file__).parent / "fixtures" / "schema_v1.sql"
AT = datetime(2026, 3, 2, 8, 0)


def _v1_rows(execute) -> None:  # noqa: ANN001 — a callable(sql)
    execute("INSERT INTO hoinghi_meta (key, value) VALUES ('schema_version', '1')")
    execute(
        "INSERT INTO meeting (id, title, kind, template, issuing_body, parent_body, place_name, venue, planned_date,"
        " recess_seconds, status, chair, chair_title, co_chair, co_chair_title, secretary, secretary_title,"
        " minutes_number, notice_number, speech_limit_seconds, notice_days, reply_days, verify_days, close_reason)"
        " VALUES (1, 'Hội nghị đối thoại năm 2025', 'dialogue', 'doi-thoai', 'ỦY BAN NHÂN DÂN XÃ HÒA AN', '',"
        " 'Hòa An', 'Hội trường', '2026-03-09', 0, 'planned', 'Hoàng Văn Thắng', 'Chủ tịch UBND xã', '', '', '', '',"
        " '', '', 180, 10, 20, 30, '')"
    )
    for pid, name, role in ((7, "Hoàng Văn Thắng", "chair"), (9, "Triệu Văn Long", "official")):
        execute(
            'INSERT INTO participant (id, meeting_id, name, name_key, title, organisation, "group", role, present)'
            f" VALUES ({pid}, 1, '{name}', '', '', '', 'Đại biểu xã', '{role}', TRUE)"
        )


def test_a_version_1_sqlite_file_upgrades_and_keeps_its_meetings(tmp_path):
    path = tmp_path / "v1.db"
    con = sqlite3.connect(path)
    con.executescript(V1_SCHEMA.read_text(encoding="utf-8"))
    _v1_rows(con.execute)
    con.commit()
    con.close()

    store = Store.open(str(path))
    try:
        assert store.schema_version() == SCHEMA_VERSION
        people = participants(store, 1)
        assert [(p.position, p.name, p.role) for p in people] == [
            (7, "Hoàng Văn Thắng", "chair"),
            (9, "Triệu Văn Long", "answerer"),  # the first release's "official"
        ]
        assert len(meeting_duties(store, 1)) == 8  # dated by the default rules
        with store.action("plan.create", at=AT, actor="office") as tx:
            plan = create_plan(tx, PlanDraft(title="Kế hoạch 2026", year=2026), at=AT)
        with store.action("plan.attach", at=AT, meeting_id=1, actor="office") as tx:
            set_meeting_plan(tx, 1, plan)
        assert [m.planned_date for m in plan_view(store, plan).meetings] == [date(2026, 3, 9)]
    finally:
        store.close()
    # Opened again: nothing left to upgrade, the file is simply used.
    store = Store.open(str(path))
    assert store.schema_version() == SCHEMA_VERSION
    store.close()


def test_a_version_1_postgresql_database_upgrades(pg_cluster):
    url = pg_cluster.new_database()
    store = Store.open(url)  # today's schema, then taken back to what version 1 had
    store.close()
    engine = create_engine(url)
    with engine.begin() as conn:
        for table in ("issue_preparation", "duty_record"):
            conn.execute(text(f"DROP TABLE {table}"))
        for column in ("invitation_number", "plan_id"):
            conn.execute(text(f"ALTER TABLE meeting DROP COLUMN {column}"))
        conn.execute(text("DROP TABLE plan"))
        for column in ("position", "arrived_at"):
            conn.execute(text(f"ALTER TABLE participant DROP COLUMN {column}"))
        conn.execute(text("DROP INDEX ix_event_desk"))
        for column in ("desk", "redo_of"):
            conn.execute(text(f"ALTER TABLE event DROP COLUMN {column}"))
        conn.execute(text("ALTER TABLE registration DROP COLUMN number"))
        from models.store import _V2_MEETING_COLUMNS

        for name, _sql in _V2_MEETING_COLUMNS:
            conn.execute(text(f"ALTER TABLE meeting DROP COLUMN {name}"))
        conn.execute(text("DROP TABLE export_record"))
        conn.execute(text("DELETE FROM hoinghi_meta"))
        _v1_rows(lambda sql: conn.execute(text(sql)))
    engine.dispose()

    store = Store.open(url)
    try:
        assert store.schema_version() == SCHEMA_VERSION
        assert [p.position for p in participants(store, 1)] == [7, 9]
        with store.action("plan.create", at=AT, actor="office") as tx:
            plan = create_plan(tx, PlanDraft(title="Kế hoạch 2026", year=2026), at=AT)
        with store.action("plan.attach", at=AT, meeting_id=1, actor="office") as tx:
            set_meeting_plan(tx, 1, plan)
        assert len(plan_view(store, plan).meetings) == 1
    finally:
        store.close()
