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
