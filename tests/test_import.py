"""Importing the compiled list: title rows, merged headers, NFD, empty rows, bad rows."""

from __future__ import annotations

import unicodedata

import pytest

from models.errors import HoinghiError
from session.domain.importer import plan_import, run_import
from session.domain.meetings import create_meeting
from session.domain.registrations import list_registrations
from tests.conftest import T0
from tests.sheets import compiled_list, with_bad_types


@pytest.fixture
def mid(store) -> int:
    return create_meeting(store, at=T0, title="Đối thoại")


def test_title_rows_merged_header_nfd_and_empty_rows(store, mid, tmp_path):
    path = compiled_list(tmp_path / "tong-hop.xlsx", nfd=True)
    plan = plan_import(store, path)
    assert plan.header_row == 4 and not plan.unsure and not plan.errors
    assert set(plan.mapping) >= {"number", "name", "locality", "field", "summary"}
    assert run_import(store, mid, plan, at=T0) == 3
    regs = list_registrations(store, mid)
    assert [r.name for r in regs] == ["Hoàng Văn Páo", "Lăng Thị Mỵ", "Nguyễn Văn Đức"]
    assert all(unicodedata.is_normalized("NFC", r.name + r.locality + r.summary) for r in regs)
    assert regs[0].field == "đất đai" and regs[0].source == "precompiled"


def test_a_missing_column_asks_for_a_mapping_and_imports_nothing(store, mid, tmp_path):
    path = compiled_list(tmp_path / "thieu-cot.xlsx", drop_summary=True)
    plan = plan_import(store, path)
    assert plan.unsure and "summary" not in plan.mapping
    with pytest.raises(HoinghiError) as err:
        run_import(store, mid, plan, at=T0)
    assert err.value.code == "import.unsure" and "summary" in err.value.params["columns"]
    assert list_registrations(store, mid) == []
    # The desk maps the content to column D (the field) by hand: now it goes through.
    plan = plan_import(store, path, mapping={"summary": 3})
    assert not plan.unsure and not plan.errors
    assert run_import(store, mid, plan, at=T0) == 3


def test_wrong_types_are_reported_by_sheet_row_and_nothing_is_imported(store, mid, tmp_path):
    plan = plan_import(store, with_bad_types(tmp_path / "sai-kieu.xlsx"))
    assert [(e.row, e.code, e.params["column"]) for e in plan.errors] == [
        (7, "import.wrong_type", "name"),
        (9, "import.wrong_type", "summary"),
    ]
    with pytest.raises(HoinghiError) as err:
        run_import(store, mid, plan, at=T0)
    assert err.value.code == "import.has_errors"
    assert list_registrations(store, mid) == []


def test_a_row_without_a_name_is_reported(store, mid, tmp_path):
    path = compiled_list(tmp_path / "x.xlsx", rows=[("", "Thôn A", "Y tế", "Thiếu thuốc")])
    plan = plan_import(store, path)
    assert [(e.row, e.code) for e in plan.errors] == [(6, "import.missing_value")]


def test_a_malformed_or_foreign_file_gets_a_clear_message(store, tmp_path):
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(HoinghiError) as err:
        plan_import(store, bad)
    assert err.value.code == "import.unreadable"
    with pytest.raises(HoinghiError) as err:
        plan_import(store, tmp_path / "khong-co.xlsx")
    assert err.value.code == "import.missing"
    doc = tmp_path / "bao-cao.docx"
    doc.write_bytes(b"x")
    with pytest.raises(HoinghiError) as err:
        plan_import(store, doc)
    assert err.value.code == "import.format"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letters precomposed, tones combining."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
            out += (base + tones).encode("cp1258")
    return out


def test_csv_with_semicolons_in_the_windows_vietnamese_code_page(store, mid, tmp_path):
    path = tmp_path / "ds.csv"
    text = "STT;Họ và tên;Thôn;Lĩnh vực;Nội dung\n1;Đinh Văn Quý;Nà Pàn;An ninh trật tự;Trộm cắp gia súc\n"
    path.write_bytes(to_cp1258(text))
    plan = plan_import(store, path)
    assert not plan.errors and not plan.unsure
    run_import(store, mid, plan, at=T0)
    [reg] = list_registrations(store, mid)
    assert reg.name == "Đinh Văn Quý" and unicodedata.is_normalized("NFC", reg.summary)
