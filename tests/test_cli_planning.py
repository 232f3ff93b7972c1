"""The command line of plans, duties, the invitation list and the papers before the
meeting, as an office would use it (through the console script's entry point)."""

from __future__ import annotations

from datetime import date, timedelta

from tests.cli import hoinghi, particulars
from tests.test_participants import invitation_sheet


def test_a_plan_with_three_cluster_meetings_and_what_is_due(tmp_path):
    db = str(tmp_path / "kh.db")
    made = hoinghi(
        "plan", "new", "--db", db, "--title", "Đối thoại với Nhân dân năm 2026", "--year", "2026",
        "--number", "45/KH-UBND", "--date", "20/01/2026", "--unit", "phường Ba Đồn", "--days", "compiled_list=5",
    )  # fmt: skip
    assert (made.returncode, made.stdout.strip()) == (0, "1"), made.stderr
    for n, day in enumerate(("12/03/2026", "19/03/2026", "26/03/2026"), start=1):
        new = hoinghi(
            "new", "--db", db, "--plan", "1", "--date", day, "--title", f"Đối thoại cụm {n}",
            "--issuing-body", "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN", "--localities", f"Tổ dân phố cụm {n}",
        )  # fmt: skip
        assert new.returncode == 0 and new.stdout.strip() == str(n), new.stderr
        # Said on stderr (stdout is the number alone, for scripts); held already, seen from
        # today: no warning about notice.
        assert new.stderr == f"Đã tạo hội nghị số {n}: Đối thoại cụm {n}\n"
    listed = hoinghi("plan", "list", "--db", db)
    assert "45/KH-UBND" in listed.stdout and "  3  Đối thoại với Nhân dân năm 2026" in listed.stdout
    shown = hoinghi("plan", "show", "1", "--db", db, "--today", "05/03/2026")
    # Each duty by its figure and title, with the key `--days` changes it by.
    assert (
        "  trước 5 ngày           Nhận báo cáo tổng hợp ý kiến, kiến nghị của Nhân dân (Ủy ban MTTQ)  [compiled_list]\n"
        in shown.stdout
    )
    assert "Hội nghị số 1, ngày 12/03/2026" in shown.stdout
    assert "06/03/2026 Thứ Sáu   còn 1 ngày" in shown.stdout  # cụm 1's compiled list, 5 days before: Sat 7/3 → Fri 6/3
    due = hoinghi("due", "--db", db, "--today", "05/03/2026", "--within", "3")
    lines = [line for line in due.stdout.splitlines()[2:] if line.strip()]
    assert lines[0].startswith("02/03/2026 Thứ Hai   quá hạn 3 ngày")  # cụm 1's report to the Party committee
    dues = [date(int(line[6:10]), int(line[3:5]), int(line[:2])) for line in lines]
    assert dues == sorted(dues) and max(dues) <= date(2026, 3, 8)
    done = hoinghi(
        "duties", "--db", db, "--meeting", "1", "--done", "report_party", "--date", "02/03/2026", "--note", "CV 31",
        "--today", "05/03/2026",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "đã làm 02/03/2026" in done.stdout and "report_party       Báo cáo Thường trực Đảng ủy" in done.stdout
    assert "05/03/2026 Thứ Năm   hạn hôm nay" in done.stdout  # the invitations, 7 days before 12/3
    undone = hoinghi("duties", "--db", db, "--meeting", "1", "--undo")
    assert undone.stdout.startswith("Đã hoàn tác: đánh dấu việc đã làm\n") and "đã làm 02/03/2026" not in undone.stdout
    wrong = hoinghi("duties", "--db", db, "--meeting", "1", "--done", "hop_to")
    assert wrong.returncode == 1 and "Không có việc “hop_to”" in wrong.stderr


def test_a_meeting_called_at_short_notice_is_flagged_and_a_wrong_plan_refused(tmp_path):
    db = str(tmp_path / "gap.db")
    soon = (date.today() + timedelta(days=3)).strftime("%d/%m/%Y")
    made = hoinghi("new", "--db", db, "--date", soon, "--title", "Đối thoại gấp", "--unit", "ba don")
    assert made.returncode == 0 and made.stdout.strip() == "1"
    assert "sau 3 ngày nữa, chưa đủ 7 ngày" in made.stderr
    missing = hoinghi("new", "--db", db, "--plan", "9", "--title", "Không có kế hoạch", "--unit", "ba don")
    assert missing.returncode == 1 and "Không có kế hoạch số 9" in missing.stderr
    assert "Đối thoại gấp" in hoinghi("list", "--db", db).stdout
    assert "Không có kế hoạch" not in hoinghi("list", "--db", db).stdout


def test_participants_are_imported_ticked_at_the_door_and_invited(tmp_path):
    db = str(tmp_path / "moi.db")
    hoinghi("new", "--db", db, "--date", "12/03/2026", "--issuing-body", "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN")
    sheet = invitation_sheet(tmp_path / "ds.xlsx")
    dry = hoinghi("participants", "import", str(sheet), "--db", db, "--meeting", "1", "--dry-run")
    assert "4 đại biểu, 0 dòng lỗi" in dry.stdout and "Nguyễn Văn Hùng" in dry.stdout
    assert "Danh sách đại biểu còn trống." in hoinghi("participants", "list", "--db", db).stdout
    assert hoinghi("participants", "import", str(sheet), "--db", db, "--meeting", "1").returncode == 0
    added = hoinghi(
        "participants",
        "add",
        "Hà Thị Thu",
        "--title",
        "Chủ tịch",
        "--body",
        "Ủy ban MTTQ phường",
        "--group",
        "Đại biểu phường",
        "--db",
        db,
    )
    assert added.returncode == 0 and "Hà Thị Thu" in added.stdout
    ticked = hoinghi("participants", "present", "cuong", "--db", db)
    assert ticked.stdout.strip() == "Có mặt: Trần Văn Cường"
    again = hoinghi("participants", "present", "Trần Văn Cường", "--db", db)
    assert again.returncode == 1 and "đã được điểm danh" in again.stderr
    ambiguous = hoinghi("participants", "present", "van", "--db", db)
    assert ambiguous.returncode == 1 and "khớp với nhiều người" in ambiguous.stderr
    listed = hoinghi("participants", "list", "--db", db)
    assert "Có mặt 1/5 đại biểu." in listed.stdout
    details = hoinghi("details", "--db", db)
    assert particulars(details.stdout)["group:Đại biểu tổ dân phố"] == "1/2"
    removed = hoinghi("participants", "remove", "5", "--db", db)
    assert "Hà Thị Thu" not in removed.stdout
    out = tmp_path / "giay-to"
    for kind in ("invitation", "announcement", "briefing"):
        written = hoinghi("export", kind, "--meeting", "1", "--out", f"{out}/", "--db", db, "--date", "02/03/2026")
        assert written.returncode == 0, written.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "bao-cao-chuan-bi-1-phuong-ba-don-12-03-2026.docx",
        "giay-moi-1-phuong-ba-don-12-03-2026.docx",
        "thong-bao-truyen-thanh-1-phuong-ba-don-12-03-2026.docx",
        "thong-bao-truyen-thanh-1-phuong-ba-don-12-03-2026.txt",
    ]
    assert "Trưởng tổ dân phố nơi cư trú" in (out / "thong-bao-truyen-thanh-1-phuong-ba-don-12-03-2026.txt").read_text(
        encoding="utf-8"
    )


def test_petitions_are_given_to_departments_from_the_command_line(tmp_path):
    db = str(tmp_path / "kn.db")
    hoinghi("new", "--db", db, "--date", "12/03/2026", "--unit", "ba don")
    path = tmp_path / "th.csv"
    path.write_text(
        "Họ và tên,Thôn/TDP,Lĩnh vực,Nội dung\nHoàng Văn Páo,TDP 1,Đất đai,Đề nghị cấp sổ đỏ.\n", encoding="utf-8"
    )
    assert hoinghi("import", "speakers", str(path), "--meeting", "1", "--db", db).returncode == 0
    listed = hoinghi("prepare", "--db", db)
    assert "1. [đất đai] Đề nghị cấp sổ đỏ." in listed.stdout and "Chưa giao: —" in listed.stdout
    given = hoinghi("prepare", "--db", db, "--issue", "1", "--by", "Phòng Kinh tế", "--answer", "Đang thẩm định hồ sơ.")
    assert "Đã có trả lời: Phòng Kinh tế — Đang thẩm định hồ sơ." in given.stdout
    missing = hoinghi("prepare", "--db", db, "--issue", "7", "--by", "Phòng Kinh tế")
    assert missing.returncode == 1 and "Không có kiến nghị số 7 trong sổ kiến nghị." in missing.stderr


def test_a_meeting_called_for_today_says_today_not_in_0_days(tmp_path):
    db = str(tmp_path / "today.db")
    made = hoinghi(
        "new", "--db", db, "--date", date.today().strftime("%d/%m/%Y"), "--title", "Đối thoại", "--unit", "ba don"
    )
    assert made.returncode == 0
    assert "họp ngay hôm nay, chưa đủ 7 ngày" in made.stderr and "0 ngày" not in made.stderr


def _columns_line_up(lines: list[str]) -> None:
    """Each column's values lie under its heading: the gap before a heading is a gap in
    every row, and no value is missing (numbers end where their heading ends)."""
    heading, *rows = lines
    starts = [n for n in range(len(heading)) if heading[n] != " " and (n == 0 or heading[n - 2 : n] == "  ")]
    for row in rows:
        for start, end in zip(starts, [*starts[1:], len(row) + 2], strict=True):
            assert row[max(0, start - 2) : start].strip() == "", (heading, row)
            assert row[start : end - 2].strip(), (heading, row)


def test_the_listings_put_each_value_under_its_heading_in_both_languages(tmp_path):
    db = str(tmp_path / "ds.db")
    hoinghi("plan", "new", "--db", db, "--title", "Kế hoạch đối thoại", "--year", "2026", "--number", "7/KH-UBND",
            "--date", "20/01/2026", "--unit", "phường Ba Đồn")  # fmt: skip
    for n in range(1, 12):  # two-digit numbers too
        hoinghi("new", "--db", db, "--plan", "1", "--date", f"{n:02d}/03/2026", "--title", f"Đối thoại tổ {n}")
    for lang in ("vi", "en"):
        for command in (("list",), ("plan", "list")):
            lines = hoinghi(*command, "--db", db, "--lang", lang).stdout.splitlines()
            assert len(lines) >= 2
            _columns_line_up(lines)


def test_a_plans_unit_typed_without_accents_is_written_as_the_official_list_writes_it(tmp_path):
    db = str(tmp_path / "dv.db")
    made = hoinghi("plan", "new", "--db", db, "--title", "Kế hoạch", "--year", "2026", "--unit", "ba don")
    assert made.returncode == 0, made.stderr
    assert "Đơn vị: phường Ba Đồn" in hoinghi("plan", "show", "1", "--db", db).stdout
    # Not one unit of the list (a cluster, a name several units share): kept as typed.
    hoinghi("plan", "edit", "1", "--db", db, "--unit", "Cụm tổ dân phố số 5")
    assert "Đơn vị: Cụm tổ dân phố số 5" in hoinghi("plan", "show", "1", "--db", db).stdout
    hoinghi("plan", "edit", "1", "--db", db, "--unit", "an hoa")
    assert "Đơn vị: an hoa" in hoinghi("plan", "show", "1", "--db", db).stdout
    # A name that only looks like a unit's is not taken for it.
    hoinghi("plan", "edit", "1", "--db", db, "--unit", "Tổ dân phố Ba Đồn 2")
    assert "Đơn vị: Tổ dân phố Ba Đồn 2" in hoinghi("plan", "show", "1", "--db", db).stdout


def test_a_meeting_made_in_a_plan_for_one_unit_is_that_units_meeting(tmp_path):
    db = str(tmp_path / "kh.db")
    assert (
        hoinghi("plan", "new", "--db", db, "--title", "Kế hoạch", "--year", "2027", "--unit", "ba don").returncode == 0
    )
    made = hoinghi("new", "--db", db, "--plan", "1", "--date", "15/01/2027")
    assert (made.returncode, made.stdout.strip()) == (0, "1"), made.stderr
    details = hoinghi("details", "--db", db, "--meeting", "1").stdout
    assert "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN" in details  # the issuing body the văn thư signs under
    assert "phường Ba Đồn" in hoinghi("list", "--db", db).stdout
    # A unit typed for the meeting itself still wins over the plan's.
    other = hoinghi(
        "new", "--db", db, "--plan", "1", "--date", "22/01/2027", "--unit", "hoa an", "--province", "cao bang"
    )
    assert other.returncode == 0, other.stderr
    assert "PHƯỜNG BA ĐỒN" not in hoinghi("details", "--db", db, "--meeting", "2").stdout
    # A plan whose unit is a cluster (free text) leaves the meeting's unit to the office
    # settings; with none there either, the meeting is refused rather than made unitless.
    hoinghi("plan", "edit", "1", "--db", db, "--unit", "Cụm tổ dân phố số 5")
    refused = hoinghi("new", "--db", db, "--plan", "1", "--date", "29/01/2027")
    assert refused.returncode == 1 and "Chưa có đơn vị hành chính của hội nghị" in refused.stderr
    assert "--unit" in refused.stderr and "hoinghi settings" in refused.stderr  # says how
    assert len(hoinghi("list", "--db", db).stdout.strip().splitlines()) == 3  # the heading and two meetings
    hoinghi("settings", "--db", db, "--set", "issuing_body=ỦY BAN NHÂN DÂN XÃ HÒA AN")
    third = hoinghi("new", "--db", db, "--plan", "1", "--date", "29/01/2027")
    assert third.returncode == 0, third.stderr
    assert "XÃ HÒA AN" in hoinghi("details", "--db", db, "--meeting", "3").stdout
