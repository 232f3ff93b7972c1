"""Spreadsheets shaped like the Front committee's real compiled lists, made at test time."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

ROWS = [
    ("Hoàng Văn Páo", "Thôn Nà Pàn", "Đất đai", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho 12 hộ."),
    ("Lăng Thị Mỵ", "Thôn Bản Chu", "Giao thông", "Đường ra trung tâm xã xuống cấp, đề nghị cứng hóa."),
    ("Nguyễn Văn Đức", "Thôn Tân Lập", "An sinh xã hội", "Trợ cấp xã hội cho người cao tuổi chậm chi trả."),
]


def compiled_list(path: Path, rows=ROWS, *, nfd: bool = False, drop_summary: bool = False) -> Path:
    """Title rows, a header merged over two rows, an empty row in the middle, a footer."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    ws["A1"] = "ỦY BAN MTTQ VIỆT NAM XÃ HÒA AN"
    ws["A2"] = "BÁO CÁO TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN TRƯỚC HỘI NGHỊ ĐỐI THOẠI"
    ws.merge_cells("A2:E2")
    ws["A4"] = "STT"
    ws.merge_cells("A4:A5")
    ws["B4"] = "Người kiến nghị"
    ws.merge_cells("B4:C4")
    ws["B5"] = "Họ và tên"
    ws["C5"] = "Thôn/Tổ dân phố"
    ws["D4"] = "Lĩnh vực"
    ws.merge_cells("D4:D5")
    if not drop_summary:
        ws["E4"] = "Nội dung kiến nghị"
        ws.merge_cells("E4:E5")
    row = 6
    for n, (name, village, field, summary) in enumerate(rows, start=1):
        if n == 2:
            row += 1  # an empty row
        values = [n, name, village, field, None if drop_summary else summary]
        if nfd:
            values = [unicodedata.normalize("NFD", v) if isinstance(v, str) else v for v in values]
        for col, value in enumerate(values, start=1):
            ws.cell(row=row, column=col, value=value)
        row += 1
    ws.cell(row=row + 1, column=1, value=f"Tổng cộng: {len(rows)} ý kiến")
    wb.save(path)
    return path


def with_bad_types(path: Path) -> Path:
    """Row 7 has a date for a name, row 9 a number for the content."""
    compiled_list(path)
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb.active
    ws["B7"] = datetime(2026, 3, 5)
    ws["E9"] = 12345
    wb.save(path)
    return path


def big_list(path: Path, count: int) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH ĐĂNG KÝ PHÁT BIỂU"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Thôn", "Lĩnh vực", "Nội dung", "Số điện thoại"])
    for n in range(1, count + 1):
        name, village, field, summary = ROWS[n % len(ROWS)]
        ws.append([n, f"{name} {n}", village, field, summary, f"0912 {n:06d}"])
    wb.save(path)
    return path


# --- a ward's compiled list, as the Front committee sends it ----------------------

WARD_TITLE = [
    "ỦY BAN MTTQ VIỆT NAM PHƯỜNG BA ĐỒN",
    "BAN THƯỜNG TRỰC",
    "",
    "BẢNG TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN",
]
WARD_HEADER = [
    "STT",
    "Họ và tên",
    "Tổ dân phố, khu phố",
    "Nội dung ý kiến, kiến nghị",
    "Số điện thoại",
    "Ghi chú",
    "Cơ quan giải quyết",
]
# (group heading or None, rows of (name, tổ dân phố, content, phone, note))
WARD_GROUPS = [
    (
        "I. LĨNH VỰC ĐẤT ĐAI",
        [
            ("Trần Thị Hoa", "TDP Chí Linh 1", "Đề nghị cấp giấy chứng nhận cho 5 hộ ven sông.", "0912 345 678", ""),
            ("Lê Văn Bình", "TDP Chí Linh 2", "Bồi thường đất làm đường chưa thỏa đáng.", "", "Đã gửi đơn"),
        ],
    ),
    (
        "II. LĨNH VỰC MÔI TRƯỜNG",
        [("Phạm Thị Lan", "Khu phố 3", "Rác thải tồn đọng ở chợ, đề nghị thu gom hằng ngày.", "", "")],
    ),
]
WARD_FOOTER = ["Ba Đồn, ngày 05 tháng 3 năm 2026", "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "", "Nguyễn Văn Tâm"]


def ward_rows() -> list[list[object]]:
    """The table part: header, the column-number row, group rows, people, subtotals."""
    rows: list[list[object]] = [list(WARD_HEADER), [f"({n})" for n in range(1, len(WARD_HEADER) + 1)]]
    number = 0
    for heading, people in WARD_GROUPS:
        rows.append([heading] + [None] * (len(WARD_HEADER) - 1))
        for name, group, content, phone, note in people:
            number += 1
            rows.append([number, name, group, content, phone or None, note or None, None])
        rows.append([f"Cộng: {len(people)} ý kiến"] + [None] * (len(WARD_HEADER) - 1))
    return rows


def ward_list_xlsx(path: Path, *, hidden_copy: bool = False) -> Path:
    """Title rows, a merged title, the list from row 6, blank rows and the signature block."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    for n, text in enumerate(WARD_TITLE, start=1):
        if text:
            ws.cell(row=n, column=1, value=text)
    ws.merge_cells("A4:G4")
    start = len(WARD_TITLE) + 2
    for offset, values in enumerate(ward_rows()):
        for col, value in enumerate(values, start=1):
            ws.cell(row=start + offset, column=col, value=value)
        if values[0] and str(values[0]).startswith(("I.", "II.")):
            ws.merge_cells(start_row=start + offset, start_column=1, end_row=start + offset, end_column=7)
    row = start + len(ward_rows()) + 1
    for text in WARD_FOOTER:
        if text:
            ws.cell(row=row, column=4, value=text)
        row += 1
    if hidden_copy:
        old = wb.create_sheet("Bản cũ")
        old.append(WARD_HEADER)
        old.append([1, "Người Cũ", "TDP 9", "Kiến nghị năm trước", None, None, None])
        old.sheet_state = "hidden"
    wb.save(path)
    return path


def ward_list_docx(path: Path, *, tables: int = 1) -> Path:
    """The same list as a table in a Word report: a merged header over two rows, the
    group rows merged across the table, paragraphs and the signature under it."""
    import docx

    document = docx.Document()
    for text in WARD_TITLE:
        document.add_paragraph(text)
    for copy in range(tables):
        rows = ward_rows()
        table = document.add_table(rows=len(rows) + 1, cols=len(WARD_HEADER))
        # Two header rows: "Người kiến nghị" merged over "Họ và tên" | "Tổ dân phố, khu phố".
        for col, text in enumerate(WARD_HEADER):
            if col in (1, 2):
                table.cell(1, col).text = text
            else:
                table.cell(0, col).merge(table.cell(1, col))
                table.cell(0, col).text = text
        table.cell(0, 1).merge(table.cell(0, 2))
        table.cell(0, 1).text = "Người kiến nghị"
        for r, values in enumerate(rows[1:], start=2):
            if values[0] and str(values[0]).startswith(("I.", "II.")):
                merged = table.cell(r, 0).merge(table.cell(r, len(WARD_HEADER) - 1))
                merged.text = str(values[0])
                continue
            for col, value in enumerate(values):
                if value is not None:
                    table.cell(r, col).text = str(value) if copy == 0 else f"{value}"
        document.add_paragraph("")
    for text in WARD_FOOTER:
        document.add_paragraph(text)
    document.save(path)
    return path


def converted(source: Path, fmt: str) -> Path:
    """*source* saved by LibreOffice as *fmt* (xls, ods), beside it; skips (fails in CI)
    where LibreOffice is not installed."""
    import os

    import pytest

    copy = libreoffice_copy(source, fmt)
    if copy is None:
        reason = "LibreOffice (soffice) is not installed here; it builds the .xls and .ods fixtures"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " — but this is CI, where it must run")
        pytest.skip(reason)
    return copy


def big_docx(path: Path, count: int) -> Path:
    """*count* petitions as one table in a Word report (the bench's Word case)."""
    import docx

    document = docx.Document()
    document.add_paragraph("BẢNG TỔNG HỢP Ý KIẾN, KIẾN NGHỊ")
    table = document.add_table(rows=count + 1, cols=5)
    for col, text in enumerate(["STT", "Họ và tên", "Thôn", "Lĩnh vực", "Nội dung"]):
        table.rows[0].cells[col].text = text
    for n in range(1, count + 1):
        name, village, field, summary = ROWS[n % len(ROWS)]
        for col, text in enumerate([str(n), f"{name} {n}", village, field, summary]):
            table.rows[n].cells[col].text = text
    document.save(path)
    return path


def libreoffice_copy(source: Path, fmt: str) -> Path | None:
    """*source* saved by LibreOffice as *fmt*, or None where LibreOffice is missing."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = source.parent / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(source.parent),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return source.with_suffix(f".{fmt}")
