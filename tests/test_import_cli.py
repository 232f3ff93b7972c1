"""`hoinghi import speakers` as the office types it: the preview, --dry-run's exit code,
--map, --table, --allow-duplicates, and never a message key in vi or en."""

from __future__ import annotations

import re

from models.store import Store
from session.domain.meetings import create_meeting
from session.domain.registrations import list_registrations
from tests.cli import Ran
from tests.cli import hoinghi as run_hoinghi
from tests.conftest import T0
from tests.sheets import compiled_list, ward_list_docx, with_bad_types

KEY = re.compile(r"\b(error|import|column|field)\.[a-z_]+")


def hoinghi(*args: str, lang: str = "vi") -> Ran:
    return run_hoinghi(*args, HOINGHI_LANG=lang)


def meeting(db) -> int:
    store = Store.open(str(db))
    try:
        return create_meeting(store, at=T0, title="Đối thoại")
    finally:
        store.close()


def registrations(db, mid) -> list:
    store = Store.open(str(db))
    try:
        return list_registrations(store, mid)
    finally:
        store.close()


def test_dry_run_shows_the_preview_and_exits_non_zero_when_the_import_would_refuse(tmp_path):
    db = tmp_path / "m.db"
    mid = meeting(db)
    bad = with_bad_types(tmp_path / "sai.xlsx")
    result = hoinghi("--db", str(db), "import", "speakers", str(bad), "--meeting", str(mid), "--dry-run")
    assert result.returncode == 1
    assert "Cột B “Người kiến nghị / Họ và tên” → Họ và tên" in result.stdout
    assert "Dòng 7, cột B: Họ và tên: “2026-03-05" in result.stdout
    assert "Có 2 dòng lỗi; chưa nhập dòng nào." in result.stderr
    assert not KEY.search(result.stdout + result.stderr)
    good = compiled_list(tmp_path / "dung.xlsx")
    result = hoinghi("--db", str(db), "import", "speakers", str(good), "--meeting", str(mid), "--dry-run")
    assert result.returncode == 0 and "Có thể nhập." in result.stdout
    assert registrations(db, mid) == []  # a dry run writes nothing


def test_a_word_table_with_a_column_placed_by_hand_then_the_same_list_again(tmp_path):
    db = tmp_path / "m.db"
    mid = meeting(db)
    report = ward_list_docx(tmp_path / "bao-cao.docx", tables=2)
    args = ["--db", str(db), "import", "speakers", str(report), "--meeting", str(mid)]
    result = hoinghi(*args)
    assert result.returncode == 1 and "hãy chọn một bảng (--table)" in result.stderr
    result = hoinghi(*args, "--table", "2", "--map", "organisation=7")
    assert result.returncode == 0, result.stderr
    assert "Cột 7 “Cơ quan giải quyết” → Chức vụ, đơn vị (chọn bằng tay)" in result.stdout
    assert "Bảng 2, dòng 5: Trần Thị Hoa – TDP Chí Linh 1 – đất đai" in result.stdout
    assert "Đã nhập 3 người đăng ký." in result.stdout
    again = hoinghi(*args, "--table", "2", "--dry-run")
    assert again.returncode == 1 and "[đã có trong hội nghị, số 1]" in again.stdout
    assert "--allow-duplicates" in again.stderr
    forced = hoinghi(*args, "--table", "2", "--allow-duplicates")
    assert forced.returncode == 0 and len(registrations(db, mid)) == 6


def test_in_english_too_no_message_key_reaches_the_person(tmp_path):
    db = tmp_path / "m.db"
    mid = meeting(db)
    missing = compiled_list(tmp_path / "thieu.xlsx", drop_summary=True)
    result = hoinghi("--db", str(db), "import", "speakers", str(missing), "--meeting", str(mid), lang="en")
    assert result.returncode == 1
    assert "Column B “Người kiến nghị / Họ và tên” → Full name" in result.stdout
    assert "Cannot place the column(s) Petition" in result.stderr
    assert not KEY.search(result.stdout + result.stderr)
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    result = hoinghi("--db", str(db), "import", "speakers", str(bad), "--meeting", str(mid), lang="en")
    assert result.returncode == 1 and "hong.xlsx is damaged" in result.stderr and "Traceback" not in result.stderr
