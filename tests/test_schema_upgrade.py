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


def test_a_meeting_closed_by_version_5_with_someone_still_speaking_is_repaired(db_url):
    """Version 5 closed a meeting without ending the speech or the answer under way: the
    upgrade ends them when the meeting ended (a pause up to then counts as pause), so the
    floor is free, the minutes time the speech, and undo's invariants hold."""
    from session.domain.demo import create_demo
    from session.domain.invariants import broken
    from session.domain.registrations import list_registrations

    store = Store.open(db_url)
    meeting_id = create_demo(store, at=AT, finished=True)
    store.close()
    end = datetime(2026, 3, 2, 11, 0)
    engine = create_engine(db_url)
    with engine.begin() as conn:  # as version 5 left it
        row = conn.execute(
            text("SELECT id FROM registration WHERE meeting_id = :m AND status = 'done' ORDER BY id DESC"),
            {"m": meeting_id},
        ).first()
        assert row is not None
        conn.execute(
            text(
                "UPDATE registration SET status = 'speaking', started_at = :s, ended_at = NULL, paused_at = :p,"
                " paused_seconds = 20 WHERE id = :r"
            ),
            {"s": datetime(2026, 3, 2, 10, 50), "p": datetime(2026, 3, 2, 10, 58), "r": row.id},
        )
        conn.execute(
            text("UPDATE answer SET ended_at = NULL WHERE id = (SELECT max(id) FROM answer WHERE meeting_id = :m)"),
            {"m": meeting_id},
        )
        conn.execute(text("UPDATE meeting SET actual_end = :e WHERE id = :m"), {"e": end, "m": meeting_id})
        conn.execute(text("UPDATE hoinghi_meta SET value = '5' WHERE key = 'schema_version'"))
    engine.dispose()

    store = Store.open(db_url)
    try:
        assert store.schema_version() == SCHEMA_VERSION
        speaker = next(r for r in list_registrations(store, meeting_id) if r.id == row.id)
        assert speaker.status == "done"
        assert speaker.ended_at == end
        assert speaker.paused_seconds == 20 + 120  # the pause from 10:58 to the end at 11:00
        with store.read() as s:
            assert broken(s, meeting_id) is None
            running = s.execute(
                text("SELECT count(*) FROM answer WHERE meeting_id = :m AND ended_at IS NULL"), {"m": meeting_id}
            ).scalar_one()
        assert running == 0
    finally:
        store.close()
