"""A database written by the previous version (schema 1) opens and is upgraded in place:
meetings get their unit and their printed particulars, bad page settings the old version
stored unchecked are dropped, and the documents read as they did."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import create_engine, text

from models.store import SCHEMA_VERSION, Store
from session.domain.demo import create_demo
from tests.conftest import T0
from tests.schema_v1 import downgrade

#: Version 1's built-in recipient list, as version 1 stored it with any settings change.
V1_RECIPIENTS = [
    "Thường trực Đảng ủy xã (b/c)",
    "Thường trực HĐND xã (b/c)",
    "Chủ tịch, các Phó Chủ tịch UBND xã",
    "Ủy ban MTTQ Việt Nam xã",
    "Các cơ quan, đơn vị được giao nhiệm vụ",
    "Trưởng các thôn (niêm yết)",
]


def make_version_1(url: str, office: dict) -> int:
    """A schema-1 database holding a finished meeting and the office settings *office*."""
    store = Store.open(url)
    meeting_id = create_demo(store, at=T0, finished=True)
    store.close()
    downgrade(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE meeting SET issuing_body = 'ỦY BAN NHÂN DÂN XÃ HÒA AN', parent_body = ''"))
        conn.execute(text("DELETE FROM setting WHERE key = 'office'"))
        conn.execute(
            text("INSERT INTO setting (key, value) VALUES ('office', :v)"),
            {"v": json.dumps(office, ensure_ascii=False)},
        )
    engine.dispose()
    return meeting_id


@pytest.fixture(params=["sqlite", "postgresql"])
def v1_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'v1.db'}"
    return request.getfixturevalue("pg_cluster").new_database()


def test_a_version_1_database_is_upgraded_and_its_documents_still_export(v1_url, tmp_path):
    from session.domain.meeting_details import meeting_details
    from session.domain.settings import get_settings

    office = {
        "body_pt": "14",  # version 1 stored this as text, which broke every export
        "margin_left_mm": "abc",
        "margin_top_mm": 22,
        "recipients": V1_RECIPIENTS,
        "notice_signer_title": "PHÓ CHỦ TỊCH",
        "place_name": "Hòa An",
    }
    meeting_id = make_version_1(v1_url, office)
    store = Store.open(v1_url)
    try:
        assert store.schema_version() == SCHEMA_VERSION
        settings = get_settings(store)
        assert (settings.body_pt, settings.margin_left_mm, settings.margin_top_mm) == (14.0, 30.0, 22.0)
        assert settings.recipients == ()  # the built-in list of version 1 is not a choice the office made
        details = meeting_details(store, meeting_id)
        assert (details.unit_kind, details.unit_name) == ("xã", "Hòa An")  # read from its issuing body
        assert details.notice_signer_title == "PHÓ CHỦ TỊCH"  # version 1 printed the settings: kept
        assert details.margin_top_mm == 22.0 and details.body_pt == 14.0
        from exports.run import export

        paths = [export(store, meeting_id, k, tmp_path, today=date(2026, 3, 9))[0] for k in ("minutes", "conclusion")]
        from docx import Document

        notice = Document(str(paths[1]))
        cells = notice.tables[-1].rows[0].cells
        # No residential word was kept by version 1: a xã's usual one.
        assert "- Trưởng các thôn (niêm yết);" in [p.text for p in cells[0].paragraphs]
        assert [p.text for p in cells[1].paragraphs if p.text][1] == "PHÓ CHỦ TỊCH"
        assert round(notice.sections[0].top_margin.mm) == 22
    finally:
        store.close()
    # Opening it again changes nothing.
    again = Store.open(v1_url)
    assert again.schema_version() == SCHEMA_VERSION
    again.close()
