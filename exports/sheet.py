"""The follow-up sheet (bảng theo dõi) as .xlsx: issue, the citizens who raised it and where
they live, how it was concluded, who acts, deadline, working days left, status."""

from __future__ import annotations

import io
from datetime import date

from session.domain.followup import FollowupItem

HEADERS = (
    "STT",
    "Kiến nghị",
    "Người kiến nghị",
    "{locality}",
    "Hình thức xử lý",
    "Cơ quan chủ trì / nơi chuyển đến",
    "Cơ quan phối hợp",
    "Thời hạn",
    "Còn (ngày làm việc)",
    "Trạng thái",
    "Số, ngày văn bản trả lời",
    "Lý do gia hạn",
)
OUTCOME = {"study": "Tiếp thu, nghiên cứu", "assigned": "Giao giải quyết", "forwarded": "Chuyển cấp trên"}
STATUS = {
    "not_started": "Chưa thực hiện",
    "in_progress": "Đang thực hiện",
    "replied": "Đã trả lời",
    "extended": "Gia hạn",
}


def followup_sheet_bytes(items: list[FollowupItem], *, title: str, today: date, locality_label: str) -> bytes:
    """The sheet, built in memory. *locality_label*: the meeting's residential word(s), as a label."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Theo dõi"
    ws.append([title])
    ws["A1"].font = Font(name="Times New Roman", bold=True, size=13)
    ws.append([f"Tính đến ngày {today:%d/%m/%Y}"])
    ws.append([])
    ws.append([h.format(locality=locality_label) for h in HEADERS])
    for cell in ws[4]:
        cell.font = Font(name="Times New Roman", bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for n, item in enumerate(items, start=1):
        reply = f"{item.reply_number}, {item.reply_date:%d/%m/%Y}" if item.reply_date else item.reply_number
        ws.append(
            [
                n,
                item.content,
                item.names,
                item.localities,
                OUTCOME.get(item.outcome, item.outcome),
                item.lead_agency,
                item.partners,
                item.deadline,
                item.working_days_left,
                STATUS.get(item.status, item.status),
                reply,
                item.extension_reason,
            ]
        )
        ws.cell(row=ws.max_row, column=8).number_format = "DD/MM/YYYY"
    for column, width in zip("ABCDEFGHIJKL", (6, 50, 24, 18, 16, 24, 22, 12, 10, 16, 22, 24), strict=True):
        ws.column_dimensions[column].width = width
    for row in ws.iter_rows(min_row=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.font = Font(name="Times New Roman")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
