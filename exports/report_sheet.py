"""The yearly report's figures as an .xlsx workbook (bảng số liệu), one sheet per table, the
numbers as numbers: the office pastes them into the province's forms."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from exports.report_doc import OUTCOME_ROWS
from session.domain.report import CommuneRow, YearFigures

if TYPE_CHECKING:
    # openpyxl ships no type information: these names are Any to the checker.
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

FONT = "Times New Roman"


def _sheet(
    wb: Workbook,
    title: str,
    heading: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
) -> Worksheet:
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet(title[:31])
    ws.append([heading])
    ws["A1"].font = Font(name=FONT, bold=True, size=13)
    ws.append([])
    ws.append(list(headers))
    for cell in ws[3]:
        cell.font = Font(name=FONT, bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for row in rows:
        ws.append(list(row))
    plain = Font(name=FONT)  # one style object for every cell: openpyxl looks it up once
    for row in ws.iter_rows(min_row=4):
        for cell in row:
            cell.font = plain
            if isinstance(cell.value, float):
                cell.number_format = "0.0"
    for n, width in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + n)].width = width
    ws.freeze_panes = "A4"
    return ws


def _key_figures(f: YearFigures) -> list[tuple[str, object]]:
    r = f.replies
    return [
        ("Năm", f.year),
        ("Tính đến ngày", f.today),
        ("Số hội nghị đã tổ chức", f.held),
        ("Số hội nghị chưa tổ chức (theo kế hoạch)", f.planned),
        ("Đại biểu được mời", f.expected),
        ("Đại biểu dự", f.present),
        ("Lượt phát biểu", f.speakers),
        ("— của Nhân dân, đại biểu", f.speakers_people),
        ("— của cán bộ, công chức", f.speakers_officials),
        ("Thời gian Nhân dân phát biểu (phút)", round(f.seconds_people / 60, 1)),
        ("Thời gian trả lời, giải thích (phút)", round(f.seconds_officials / 60, 1)),
        ("Tỷ lệ thời gian của Nhân dân (%)", f.people_time_percent),
        ("Ý kiến, kiến nghị", f.issues),
        *((label, f.outcome(key)) for key, label in OUTCOME_ROWS),
        ("Ý kiến phải trả lời sau hội nghị", r.tracked),
        ("— đã trả lời đúng hạn", r.on_time),
        ("— đã trả lời nhưng quá hạn", r.late),
        ("— chưa trả lời, đã quá hạn", r.overdue),
        ("— chưa trả lời, còn trong hạn", r.pending),
        ("Phiếu lấy ý kiến thu về", f.survey_ballots),
    ]


def _add_figures(wb: Workbook, f: YearFigures) -> None:
    _sheet(
        wb, "Tổng hợp", f"Số liệu hội nghị đối thoại năm {f.year}", ("Chỉ tiêu", "Số liệu"), _key_figures(f), (48, 14)
    )
    ws = wb["Tổng hợp"]
    ws["B5"].number_format = "DD/MM/YYYY"
    _sheet(
        wb,
        "Hội nghị",
        "Các hội nghị",
        ("STT", "Đơn vị", "Ngày", "Hội nghị", "Địa điểm", "Đã tổ chức", "Đại biểu dự", "Lượt phát biểu", "Ý kiến"),
        [
            (i, m.commune, m.day, m.title, m.venue, "có" if m.held else "chưa", m.present, m.speeches, m.issues)
            for i, m in enumerate(f.meetings, 1)
        ],
        (6, 20, 12, 50, 30, 10, 10, 10, 10),
    )
    for row in wb["Hội nghị"].iter_rows(min_row=4, min_col=3, max_col=3):
        row[0].number_format = "DD/MM/YYYY"
    _sheet(
        wb,
        "Thành phần",
        "Thành phần tham dự",
        ("STT", "Thành phần", "Mời", "Dự"),
        [(i, name, e, p) for i, (name, e, p) in enumerate(f.groups, 1)],
        (6, 40, 10, 10),
    )
    _sheet(
        wb,
        "Lĩnh vực",
        "Ý kiến, kiến nghị theo lĩnh vực",
        ("STT", "Lĩnh vực", "Số ý kiến", "Tỷ lệ (%)"),
        [(i, c.label, c.count, c.percent) for i, c in enumerate(f.by_field, 1)],
        (6, 30, 12, 12),
    )
    word = f.place.residential_title
    _sheet(
        wb,
        word,
        f"Ý kiến, kiến nghị theo {f.place.residential}",
        ("STT", word, "Số ý kiến", "Tỷ lệ (%)"),
        [(i, c.label, c.count, c.percent) for i, c in enumerate(f.by_locality, 1)],
        (6, 30, 12, 12),
    )
    _sheet(
        wb,
        "Giải quyết",
        "Kết quả giải quyết",
        ("STT", "Hình thức giải quyết", "Số ý kiến"),
        [(i, label, f.outcome(key)) for i, (key, label) in enumerate(OUTCOME_ROWS, 1)],
        (6, 40, 12),
    )
    choices: list[str] = []
    for q in f.survey:
        choices += [c.text for c in q.choices if c.text not in choices]
    rows = []
    for q in f.survey:
        counts = {c.text: c for c in q.choices}
        cells: list[object] = []
        for choice in choices:
            c = counts.get(choice)
            cells += [c.count if c else None, c.percent if c else None]
        rows.append((q.position, q.text, *cells, q.blank, q.blank_percent))
    headers = ["STT", "Nội dung"]
    for choice in choices:
        headers += [f"{choice} (phiếu)", f"{choice} (%)"]
    headers += ["Không trả lời (phiếu)", "Không trả lời (%)"]
    _sheet(wb, "Hài lòng", "Kết quả lấy ý kiến về sự hài lòng", headers, rows, (6, 50, *([12] * (len(headers) - 2))))


def write_report_sheet(f: YearFigures, path: Path | IO[bytes], rows: Sequence[CommuneRow] = ()) -> None:
    """The figures; with *rows* (a roll-up), first a sheet with one row per commune."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    if rows:
        _sheet(
            wb,
            "Theo đơn vị",
            f"Tổng hợp kết quả hội nghị đối thoại cấp xã năm {f.year}",
            (
                "STT",
                "Đơn vị",
                "Số hội nghị",
                "Đại biểu dự",
                "Lượt phát biểu",
                "Ý kiến",
                "Trả lời tại hội nghị",
                "Tiếp thu, nghiên cứu",
                "Giao giải quyết",
                "Chuyển cấp trên",
                "Trả lời đúng hạn",
                "Trả lời trễ hạn",
                "Quá hạn chưa trả lời",
                "Còn trong hạn",
                "Hài lòng (%)",
            ),
            [
                (
                    i,
                    row.commune,
                    row.figures.held,
                    row.figures.present,
                    row.figures.speakers,
                    row.figures.issues,
                    row.figures.outcome("answered"),
                    row.figures.outcome("study"),
                    row.figures.outcome("assigned"),
                    row.figures.outcome("forwarded"),
                    row.figures.replies.on_time,
                    row.figures.replies.late,
                    row.figures.replies.overdue,
                    row.figures.replies.pending,
                    row.satisfied_percent,
                )
                for i, row in enumerate(rows, 1)
            ],
            (6, 26, *([11] * 13)),
        )
    _add_figures(wb, f)
    wb.save(path)
