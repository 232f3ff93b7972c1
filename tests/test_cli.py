"""The command line, as an office would use it: through the console script's entry point
(tests/cli.py), and as a real process where the process itself is what is tested."""

from __future__ import annotations

import sqlite3

import pytest

from tests.cli import hoinghi, hoinghi_process


@pytest.mark.slow
def test_demo_then_list_shows_the_meeting_in_a_wal_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'X.db'}"
    made = hoinghi_process("demo", "--no-tui", "--db", url)  # the installed script, as a shell runs it
    assert made.returncode == 0, made.stderr
    meeting_id = made.stdout.strip()
    assert meeting_id.isdigit()
    listed = hoinghi_process("list", "--db", url)
    assert listed.returncode == 0
    assert "Hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân xã với Nhân dân xã Hòa An năm 2026" in listed.stdout
    assert listed.stdout.splitlines()[1].startswith(meeting_id)
    con = sqlite3.connect(tmp_path / "X.db")
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def test_demo_reopens_the_same_meeting_unless_asked_for_a_new_one(tmp_path):
    db = str(tmp_path / "d.db")
    first = hoinghi("demo", "--no-tui", "--db", db).stdout.strip()
    again = hoinghi("demo", "--no-tui", "--db", db).stdout.strip()
    fresh = hoinghi("demo", "--no-tui", "--new", "--db", db).stdout.strip()
    finished = hoinghi("demo", "--no-tui", "--finished", "--db", db).stdout.strip()
    assert first == again != fresh
    assert finished not in (first, fresh)
    assert "Đã kết thúc" in hoinghi("list", "--db", db).stdout


def test_new_prints_the_id_and_english_is_selectable(tmp_path):
    db = str(tmp_path / "n.db")
    made = hoinghi(
        "new", "--template", "hop-chung", "--title", "Họp giao ban", "--date", "05/03/2026", "--unit", "ba don", "--db", db
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == "1"  # the number alone, for scripts; people read stderr
    assert made.stderr.endswith("Đã tạo hội nghị số 1: Họp giao ban\n")
    listed = hoinghi("--lang", "en", "list", "--db", db)
    assert "05/03/2026" in listed.stdout and "Not started" in listed.stdout
    via_env = hoinghi("list", "--db", db, HOINGHI_LANG="en")
    assert "Not started" in via_env.stdout


@pytest.mark.slow
def test_bad_input_gets_one_clear_line_and_a_nonzero_exit(tmp_path):
    # A real process: what the shell sees is the exit code and stderr, with no traceback.
    db = str(tmp_path / "n.db")
    bad_date = hoinghi_process("new", "--date", "31/02/2026", "--db", db)
    assert bad_date.returncode == 1
    assert bad_date.stderr.strip() == "hoinghi: Ngày “31/02/2026” không hợp lệ; nhập theo dạng dd/mm/yyyy."
    empty = hoinghi_process("new", "--title", " \t", "--unit", "ba don", "--db", db)
    assert empty.returncode == 1 and "không được để trống" in empty.stderr
    not_db = tmp_path / "x.db"
    not_db.write_text("hello")
    refused = hoinghi_process("list", "--db", str(not_db))
    assert refused.returncode == 1
    assert len(refused.stderr.strip().splitlines()) == 1
    assert "Traceback" not in refused.stderr
    missing = hoinghi_process("run", "--meeting", "42", "--db", db)
    assert missing.returncode == 1 and "Không có hội nghị số 42" in missing.stderr


def test_templates_are_listed_with_their_files():
    out = hoinghi("templates")
    assert out.returncode == 0
    assert "doi-thoai" in out.stdout and "9 bước, 210 phút" in out.stdout
    assert "doi-thoai.toml" in out.stdout


def test_version():
    out = hoinghi("--version")
    assert out.returncode == 0 and "hoinghi" in out.stdout


def test_followup_for_the_finished_demo_shows_an_overdue_item_past_a_deadline(tmp_path):
    db = str(tmp_path / "f.db")
    assert hoinghi("demo", "--no-tui", "--finished", "--db", db).returncode == 0
    now = hoinghi("followup", "--db", db)
    assert now.returncode == 0 and "QUÁ HẠN" not in now.stdout
    lines = now.stdout.splitlines()
    assert lines[0].startswith("Theo dõi việc giao") and "Phòng Kinh tế" in now.stdout
    first_due = lines[2].split()[0]
    day, month, year = (int(x) for x in first_due.split("/"))
    late = hoinghi("followup", "--db", db, "--today", f"{day:02d}/{month:02d}/{year + 1}")
    assert late.returncode == 0 and "QUÁ HẠN" in late.stdout
    assert "Chưa thực hiện" in late.stdout


def test_history_tells_who_changed_what(tmp_path):
    db = str(tmp_path / "h.db")
    meeting_id = hoinghi("demo", "--no-tui", "--db", db).stdout.strip()
    out = hoinghi("history", "--meeting", meeting_id, "--db", db)
    assert out.returncode == 0
    assert "Thư ký" in out.stdout and "tạo hội nghị" in out.stdout and "Hệ thống" in out.stdout
