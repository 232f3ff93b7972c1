"""`hoinghi survey` and `hoinghi report` as the office types them."""

from __future__ import annotations

from tests.cli import hoinghi


def test_survey_totals_from_the_command_line(tmp_path):
    db = str(tmp_path / "s.db")
    mid = hoinghi("demo", "--no-tui", "--finished", "--db", db).stdout.strip()
    out = hoinghi("survey", "--db", db, "--meeting", mid, "--ballots", "60", "--totals", "40,15,5;38,17,5;30,20,10")
    assert out.returncode == 0, out.stderr
    assert "— 60 phiếu" in out.stdout
    assert "[2] Tương đối hài lòng           17   28,3%" in out.stdout
    bad = hoinghi("survey", "--db", db, "--meeting", mid, "--ballots", "10", "--totals", "40,15,5;38,17,5;30,20,10")
    assert bad.returncode == 1 and "Câu 1: tổng 60 phiếu nhiều hơn số phiếu thu về (10)" in bad.stderr
    assert "Traceback" not in bad.stderr
    shown = hoinghi("survey", "--db", db, "--meeting", mid, "--show", "--lang", "en")
    assert "60 ballots" in shown.stdout and "28.3%" in shown.stdout


def test_the_yearly_report_and_the_roll_up_from_the_command_line(tmp_path):
    db = str(tmp_path / "r.db")
    mid = hoinghi("demo", "--no-tui", "--finished", "--db", db).stdout.strip()
    year = hoinghi("list", "--db", db).stdout.splitlines()[1].split()[1][-4:]
    printed = hoinghi("report", "--db", db, "--year", year, "--date", f"31/12/{year}")
    assert printed.returncode == 0, printed.stderr
    assert "1 hội nghị đã tổ chức" in printed.stdout and "Ý kiến, kiến nghị: 25" in printed.stdout
    out = tmp_path / "out"
    written = hoinghi("report", "--db", db, "--year", year, "--out", str(out))
    assert written.returncode == 0 and sorted(p.name for p in out.iterdir()) == [
        f"bao-cao-doi-thoai-{year}.docx",
        f"so-lieu-doi-thoai-{year}.xlsx",
    ]
    archive = tmp_path / "hoa-an.json"
    assert hoinghi("export", "json", "--db", db, "--meeting", mid, "--out", str(archive)).returncode == 0
    rolled = hoinghi("report", "--year", year, "--from", str(archive), "--out", str(tmp_path / "tinh"))
    assert rolled.returncode == 0, rolled.stderr
    assert "xã Hòa An: 1 hội nghị, 25 ý kiến" in rolled.stdout
    # A damaged file among the archives: one clear line, nothing written.
    damaged = tmp_path / "hong.json"
    damaged.write_text('{"format": "hoinghi-meeting/1", "meeting": {"id": 1', encoding="utf-8")
    refused = hoinghi("report", "--year", year, "--from", str(archive), str(damaged), "--out", str(tmp_path / "t2"))
    assert refused.returncode == 1 and "hong.json: tệp lưu trữ bị hỏng" in refused.stderr
    assert "Traceback" not in refused.stderr and not (tmp_path / "t2").exists()
    alone = hoinghi("report", "--year", year, str(archive))
    assert alone.returncode == 1 and "--from" in alone.stderr
