"""The yearly report, the roll-up and the blank ballot, opened and checked: the decree's
layout, the sections, the figures in the tables; the .xlsx figures; the PDF."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn

from exports.report_run import write_rollup, write_year_report
from models.errors import HoinghiError
from tests.test_documents import all_text
from tests.test_report import REPORT_DAY, held_meeting

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None and os.environ.get("CI") != "true",
    reason="LibreOffice (soffice) is not installed here; CI installs it and runs this test",
)


@pytest.fixture
def report(store, tmp_path):
    from session.domain.survey import set_totals
    from tests.conftest import T0

    mid = held_meeting(store)
    with store.action("survey.totals", at=T0, meeting_id=mid, actor="office") as tx:
        set_totals(tx, mid, 40, [[30, 8, 2], [25, 10, 5], [20, 12, 8]], at=T0)
    result = write_year_report(store, 2026, tmp_path / "out", today=REPORT_DAY)
    return result


def table_rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_yearly_report_follows_the_decree(report):
    docx, xlsx = report.written
    assert docx.name == "bao-cao-doi-thoai-2026.docx" and xlsx.name == "so-lieu-doi-thoai-2026.xlsx"
    doc = Document(str(docx))
    section = doc.sections[0]
    assert [
        round(x.mm) for x in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    ] == [
        20,
        20,
        30,
        15,
    ]
    assert section.different_first_page_header_footer and "PAGE" in section.header._element.xml
    left, right = doc.tables[0].rows[0].cells
    assert [p.text.replace("\xa0", " ") for p in left.paragraphs if p.text] == [
        "ỦY BAN NHÂN DÂN",
        "XÃ HÒA AN",
        "Số:      /BC-UBND",
    ]
    assert [p.text for p in right.paragraphs if p.text][-1] == "Hòa An, ngày 20 tháng 4 năm 2026"  # the unit's name
    body = [p.text for p in doc.paragraphs]
    assert body[0] == "BÁO CÁO"
    assert body[1] == "Kết quả tổ chức Hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân xã Hòa An với Nhân dân năm 2026"
    headings = [
        "I. KẾT QUẢ TỔ CHỨC HỘI NGHỊ",
        "1. Số hội nghị và thành phần tham dự",
        "2. Ý kiến phát biểu và thời gian đối thoại",
        "3. Ý kiến, kiến nghị theo lĩnh vực",
        "4. Ý kiến, kiến nghị theo thôn",
        "5. Kết quả giải quyết ý kiến, kiến nghị",
        "6. Kết quả lấy ý kiến về sự hài lòng của Nhân dân",
        "II. ĐÁNH GIÁ CHUNG",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ",
    ]
    positions = [body.index(h) for h in headings]
    assert positions == sorted(positions)
    assert [p for p in body if p.strip()][-1].endswith("./.")
    text = all_text(doc)
    assert "Nhân dân phát biểu 9 phút" in text and "chiếm 52,9% thời gian đối thoại" in text
    assert "Tổng số đại biểu dự 54 người/60 người được mời (đạt 90,0%)" in text
    assert "Tổng số phiếu thu về: 40 phiếu" in text


def test_the_report_tables_hold_the_figures(report):
    doc = Document(str(report.written[0]))
    tables = {table_rows(t)[0][1]: table_rows(t) for t in doc.tables[1:-1]}
    meetings = tables["Ngày"]
    assert meetings[1][1] == "05/03/2026" and meetings[1][3:] == ["54", "4", "5"]
    assert tables["Lĩnh vực"][-1] == ["", "Tổng cộng", "5", "100,0"]
    assert tables["Thôn"][1:3] == [["1", "Thôn Bản Chu", "2", "40,0"], ["2", "Thôn Nà Pàn", "2", "40,0"]]
    outcomes = {row[1]: row[2:] for row in tables["Hình thức giải quyết"]}
    assert outcomes["Trả lời trực tiếp tại hội nghị"] == ["1", "20,0"]
    assert outcomes["Chưa có kết luận"] == ["1", "20,0"]
    replies = {row[1]: row[2] for row in tables["Tình hình trả lời"]}
    assert replies == {
        "Tình hình trả lời": "Số ý kiến",
        "Đã trả lời đúng hạn": "1",
        "Đã trả lời nhưng quá hạn": "1",
        "Chưa trả lời, đã quá hạn": "1",
        "Chưa trả lời, còn trong hạn": "0",
        "Tổng cộng": "3",
    }
    survey = tables["Nội dung"]
    assert survey[0][2:] == ["Hài lòng", "Tương đối hài lòng", "Không hài lòng", "Không trả lời"]
    assert survey[1][2:] == ["30 (75,0)", "8 (20,0)", "2 (5,0)", "0 (0,0)"]
    # Figures tables are grids whose header row repeats on every page.
    grid = doc.tables[1]
    assert grid.style.name == "Table Grid"
    assert grid.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    # Nơi nhận and the signature keep together on one page.
    sign = doc.tables[-1]
    assert sign.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    left, right = sign.rows[0].cells
    assert left.paragraphs[0].text == "Nơi nhận:" and "- UBND tỉnh (qua Sở Nội vụ);" in [
        p.text for p in left.paragraphs
    ]
    assert "- Thường trực Đảng ủy xã (b/c);" in [p.text for p in left.paragraphs]
    assert [p.text for p in right.paragraphs if p.text] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Hoàng Văn Thắng"]


def test_the_figures_workbook_has_numbers_not_text(report):
    from openpyxl import load_workbook

    wb = load_workbook(report.written[1])
    assert wb.sheetnames == ["Tổng hợp", "Hội nghị", "Thành phần", "Lĩnh vực", "Thôn", "Giải quyết", "Hài lòng"]
    key = {row[0]: row[1] for row in wb["Tổng hợp"].iter_rows(min_row=4, values_only=True)}
    assert key["Số hội nghị đã tổ chức"] == 1 and key["Đại biểu dự"] == 54 and key["Ý kiến, kiến nghị"] == 5
    assert key["— chưa trả lời, đã quá hạn"] == 1 and key["Tỷ lệ thời gian của Nhân dân (%)"] == 52.9
    fields = list(wb["Lĩnh vực"].iter_rows(min_row=4, values_only=True))
    assert len(fields) == 5 and all(isinstance(r[2], int) and r[3] == 20.0 for r in fields)
    survey = list(wb["Hài lòng"].iter_rows(min_row=4, values_only=True))
    assert survey[0][2:4] == (30, 75.0)


def test_a_report_is_never_half_written(store, tmp_path):
    held_meeting(store)
    out = tmp_path / "out"
    out.mkdir()
    (out / "so-lieu-doi-thoai-2026.xlsx").write_bytes(b"the office's own file")
    with pytest.raises(HoinghiError) as err:
        write_year_report(store, 2026, out, today=REPORT_DAY)
    assert err.value.code == "export.exists"
    assert sorted(p.name for p in out.iterdir()) == ["so-lieu-doi-thoai-2026.xlsx"]  # no .docx alone


def test_the_roll_up_has_a_row_per_commune_and_a_total(tmp_path):
    from exports.json_export import json_bytes
    from models.store import Store
    from session.domain.ledger import ConclusionDraft, ledger
    from session.domain.meetings import create_meeting
    from session.domain.registrations import Slip
    from tests.conftest import T0, desk

    paths = []
    for name, body, places in (
        ("hoa-an", "ỦY BAN NHÂN DÂN XÃ HÒA AN", ("Thôn Nà Pàn", "Thôn Bản Chu")),
        ("ba-don", "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN", ("Tổ dân phố 1", "Tổ dân phố 2")),
    ):
        store = Store.open(str(tmp_path / f"{name}.db"))
        mid = create_meeting(store, at=T0, title="Đối thoại", day=date(2026, 3, 5), issuing_body=body)
        desk(store, mid, T0).start_meeting()
        for who, place, field in (("Hoàng Văn Páo", places[0], "đất đai"), ("Lăng Thị Mỵ", places[1], "giao thông")):
            reg = desk(store, mid, T0).register(Slip(who, place, field=field, summary="Kiến nghị"))
            desk(store, mid, T0).call(reg)
        for issue in ledger(store, mid):
            desk(store, mid, T0).conclude([issue.id], ConclusionDraft("answered", "Đã trả lời"))
        paths.append(tmp_path / f"{name}.json")
        paths[-1].write_bytes(json_bytes(store, mid))
        store.close()
    result = write_rollup(paths, 2026, tmp_path / "out", today=REPORT_DAY, issuing_body="SỞ NỘI VỤ TỈNH QUẢNG TRỊ")
    doc = Document(str(result.written[0]))
    left = doc.tables[0].rows[0].cells[0]
    assert [p.text.replace("\xa0", " ") for p in left.paragraphs if p.text] == [
        "SỞ NỘI VỤ TỈNH QUẢNG TRỊ",
        "Số:      /BC-SNV",
    ]
    rows = table_rows(doc.tables[1])
    assert [r[1] for r in rows[1:]] == ["phường Ba Đồn", "xã Hòa An", "Tổng cộng"]
    assert rows[-1][2:7] == ["2", "0", "4", "4", "4"]  # meetings, attendance, speeches, petitions, answered
    text = all_text(doc)
    assert "Tổ dân phố 1 – phường Ba Đồn" in text and "Thôn Nà Pàn – xã Hòa An" in text
    from openpyxl import load_workbook

    sheet = load_workbook(result.written[1])["Theo đơn vị"]
    assert [r[1] for r in sheet.iter_rows(min_row=4, values_only=True)] == ["phường Ba Đồn", "xã Hòa An"]


def test_the_blank_ballot_for_a_phuong_names_its_to_dan_pho(store, tmp_path):
    from exports.run import export
    from session.domain.meetings import create_meeting
    from session.domain.registrations import Slip
    from tests.conftest import T0, desk

    mid = create_meeting(
        store,
        at=T0,
        title="Hội nghị đối thoại với Nhân dân phường Ba Đồn",
        day=date(2026, 3, 5),
        issuing_body="ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN",
        venue="Nhà văn hóa Tổ dân phố 3",
    )
    desk(store, mid, T0).register(Slip("Hoàng Văn Páo", "Tổ dân phố 3", summary="Đèn đường"))
    [path] = export(store, mid, "ballot", tmp_path / "phieu.docx", today=REPORT_DAY)
    doc = Document(str(path))
    section = doc.sections[0]
    assert [
        round(x.mm) for x in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    ] == [
        20,
        20,
        30,
        15,
    ]
    assert doc.styles["Normal"].font.name == "Times New Roman"
    left = doc.tables[0].rows[0].cells[0]
    assert [p.text.replace("\xa0", " ") for p in left.paragraphs if p.text] == [
        "ỦY BAN NHÂN DÂN",
        "PHƯỜNG BA ĐỒN",
    ]  # a form: no number
    body = [p.text for p in doc.paragraphs]
    assert body[0] == "PHIẾU LẤY Ý KIẾN"
    assert body[1] == "Về sự hài lòng của Nhân dân đối với Hội nghị đối thoại"
    grid = table_rows(doc.tables[1])
    assert grid[0] == ["STT", "Nội dung", "Hài lòng", "Tương đối hài lòng", "Không hài lòng"]
    assert len(grid) == 4 and all(row[2:] == ["☐", "☐", "☐"] for row in grid[1:])
    text = all_text(doc)
    assert "Tổ dân phố: " in text and "Thôn" not in text and " xã" not in text


@needs_soffice
@pytest.mark.slow
def test_the_report_converts_to_pdf_with_the_vietnamese_text_intact(store, tmp_path):
    held_meeting(store)
    result = write_year_report(store, 2026, tmp_path / "out", today=REPORT_DAY, pdf=True)
    pdf = result.written[2]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 2 <= pages <= 6
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Thôn Nà Pàn" in text and "Hoàng Văn Thắng" in text
