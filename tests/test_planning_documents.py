"""The papers before the meeting, opened and checked: the invitation with its list of
invitees, the loudspeaker announcement (.docx and the announcer's .txt), the chair's
briefing — the decree's layout, their texts and order, the place's own words."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from datetime import date, datetime

import pytest
from docx import Document
from docx.oxml.ns import qn

from exports.run import export
from session.domain.meeting_details import meeting_details, update_details
from session.domain.plans import plan_view
from session.domain.preparation import prepared_issues, set_preparation
from tests.planning_data import commune_meeting, ward_plan

ISSUED = date(2026, 3, 2)


def all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts += [p.text for p in cell.paragraphs]
    return "\n".join(parts)


def body_texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs if p.text.strip()]


@pytest.fixture
def ward(store, tmp_path):
    _plan, (meeting, *_rest) = ward_plan(store)
    items = prepared_issues(store, meeting)
    at = datetime(2026, 3, 5, 9, 0)
    with store.action("issue.prepare", at=at, meeting_id=meeting, actor="office") as tx:
        set_preparation(
            tx,
            items[0].issue.id,
            preparer="Phòng Kinh tế, Hạ tầng và Đô thị",
            answer="Hồ sơ của 5 hộ đã đủ điều kiện, trình cấp giấy trong tháng 4/2026.",
            at=at,
        )
        set_preparation(tx, items[1].issue.id, preparer="Phòng Kinh tế, Hạ tầng và Đô thị", answer="", at=at)
    out = tmp_path / "ward"
    paths = {
        kind: export(store, meeting, kind, out, today=ISSUED) for kind in ("invitation", "announcement", "briefing")
    }
    return meeting, paths


def test_every_paper_follows_the_decree_page_fonts_and_page_numbers(ward):
    _meeting, paths = ward
    for path in (paths["invitation"][0], paths["announcement"][1], paths["briefing"][0]):
        doc = Document(str(path))
        section = doc.sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        assert [
            round(x.mm) for x in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
        ] == [20, 20, 30, 15]
        defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        fonts = defaults.find(qn("w:rFonts"))
        assert {fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}
        assert defaults.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"
        assert section.different_first_page_header_footer and "PAGE" in section.header._element.xml
        assert "PAGE" not in section.first_page_header._element.xml


def test_the_invitation_header_title_and_body(ward):
    _meeting, paths = ward
    doc = Document(str(paths["invitation"][0]))
    left, right = doc.tables[0].rows[0].cells
    assert [p.text.replace("\xa0", " ") for p in left.paragraphs if p.text] == [
        "ỦY BAN NHÂN DÂN",
        "PHƯỜNG BA ĐỒN",
        "Số: 18/GM-UBND",
    ]
    assert [p.text for p in right.paragraphs if p.text][-1] == "Ba Đồn, ngày 02 tháng 3 năm 2026"
    texts = body_texts(doc)
    title = texts.index("GIẤY MỜI")
    assert doc.paragraphs[[p.text for p in doc.paragraphs].index("GIẤY MỜI")].runs[0].bold in (None, True)
    assert texts[title + 1] == (
        "Dự hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân phường với Nhân dân "
        "(tổ dân phố Chí Linh 1, Chí Linh 2, Chí Linh 3)"
    )
    body = texts[title + 2 :]
    assert body[0] == (
        "Thực hiện Kế hoạch số 45/KH-UBND ngày 20/01/2026 của Ủy ban nhân dân phường Ba Đồn, "
        "Ủy ban nhân dân phường trân trọng kính mời:"
    )
    assert body[1] == "Các đồng chí, ông (bà) có tên trong danh sách kèm theo (6 đại biểu)."
    assert body[3] == "Thời gian: 07 giờ 30 phút, Thứ Năm, ngày 12 tháng 3 năm 2026."
    assert body[4] == "Địa điểm: Nhà văn hóa tổ dân phố Chí Linh 2."
    assert body[5] == "Chủ trì: Đồng chí Nguyễn Văn Hùng – Chủ tịch UBND phường."
    assert body[7].endswith("đúng thời gian./.")
    labels = [r.text for r in doc.paragraphs[[p.text for p in doc.paragraphs].index(body[3])].runs]
    assert labels[0] == "Thời gian: " and doc.paragraphs[[p.text for p in doc.paragraphs].index(body[3])].runs[0].bold
    recipients, signature = doc.tables[1].rows[0].cells
    assert [p.text for p in recipients.paragraphs] == ["Nơi nhận:", "- Như thành phần mời;", "- Lưu: VT."]
    assert [p.text for p in signature.paragraphs if p.text] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Hùng"]


def test_the_invitation_carries_the_list_of_invitees_by_group_on_its_own_page(ward):
    _meeting, paths = ward
    doc = Document(str(paths["invitation"][0]))
    xml = doc.element.body.xml
    assert xml.index('w:type="page"') < xml.index("DANH SÁCH ĐẠI BIỂU ĐƯỢC MỜI")
    texts = body_texts(doc)
    assert "(Kèm theo Giấy mời số 18/GM-UBND ngày 02/03/2026 của Ủy ban nhân dân phường Ba Đồn)" in texts
    table = doc.tables[2]
    assert [c.text for c in table.rows[0].cells] == ["STT", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị"]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert rows[0] == ["I. Đại biểu phường (4)"] * 4  # one cell across the table
    assert rows[1] == ["1", "Nguyễn Văn Hùng", "Chủ tịch", "UBND phường"]
    assert rows[5] == ["II. Đại biểu tổ dân phố (2)"] * 4
    assert rows[7] == ["6", "Phạm Thị Lan", "Chi hội trưởng Phụ nữ", "Tổ dân phố Chí Linh 2"]
    assert texts[-1] == "Tổng số: 6 đại biểu./."
    assert table._tbl.tblPr.find(qn("w:tblStyle")) is not None  # bordered
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page


def test_the_announcement_says_who_when_where_and_how_to_send_petitions(ward):
    _meeting, paths = ward
    txt, docx = paths["announcement"]
    assert (txt.suffix, docx.suffix) == (".txt", ".docx")
    text = txt.read_text(encoding="utf-8")
    paragraphs = text.strip().split("\n\n")
    assert paragraphs[0] == (
        "THÔNG BÁO\nVề việc tổ chức hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân phường với Nhân dân "
        "(tổ dân phố Chí Linh 1, Chí Linh 2, Chí Linh 3) năm 2026"
    )
    assert paragraphs[1] == "Kính thưa toàn thể Nhân dân!"
    assert "Thời gian: bắt đầu lúc 07 giờ 30 phút, Thứ Năm, ngày 12 tháng 3 năm 2026." in paragraphs
    assert "Địa điểm: Nhà văn hóa tổ dân phố Chí Linh 2." in paragraphs
    assert "Chủ trì hội nghị: đồng chí Nguyễn Văn Hùng, Chủ tịch UBND phường." in paragraphs
    how = next(p for p in paragraphs if p.startswith("Nhân dân có ý kiến"))
    # The compiled list is due 3 days before Thu 12/3: Mon 9/3.
    assert "Trưởng tổ dân phố nơi cư trú" in how and "trước ngày 09 tháng 3 năm 2026" in how
    assert "(qua Văn phòng HĐND và UBND phường)" in how  # the ward's own office, named as such
    doc = Document(str(docx))
    left = doc.tables[0].rows[0].cells[0]
    assert [p.text.replace("\xa0", " ") for p in left.paragraphs if p.text][-1] == "Số:      /TB-UBND"
    assert "THÔNG BÁO" in body_texts(doc)
    assert body_texts(doc)[-1].endswith("tham dự đông đủ./.")
    recipients = [p.text for p in doc.tables[1].rows[0].cells[0].paragraphs]
    assert "- Trưởng các tổ dân phố;" in recipients
    assert "- Ủy ban MTTQ Việt Nam phường;" in recipients


def test_an_announcement_made_after_the_day_petitions_were_asked_by_asks_for_no_day_gone(store, ward, tmp_path):
    meeting, _paths = ward
    [txt, _docx] = export(store, meeting, "announcement", tmp_path / "muon", today=date(2026, 3, 10))
    how = next(p for p in txt.read_text(encoding="utf-8").split("\n\n") if p.startswith("Nhân dân có ý kiến"))
    assert "trước ngày" not in how  # the 9th has passed on the 10th: petitions are still taken
    assert "để tổng hợp, trả lời tại hội nghị" in how


def test_the_briefing_groups_the_expected_questions_by_field_with_who_prepares(ward):
    _meeting, paths = ward
    doc = Document(str(paths["briefing"][0]))
    left = doc.tables[0].rows[0].cells[0]
    assert [p.text.replace("\xa0", " ") for p in left.paragraphs if p.text] == [
        "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN",
        "VĂN PHÒNG",
        "HĐND VÀ UBND",
        "Số:      /BC-VP",
    ]
    texts = body_texts(doc)
    assert texts[texts.index("BÁO CÁO") + 2] == "Kính gửi: Chủ tịch UBND phường Ba Đồn."
    assert "tổng hợp 3 ý kiến, kiến nghị" in texts[texts.index("BÁO CÁO") + 3]
    assert (
        "1 ý kiến đã có nội dung trả lời dự kiến, 1 ý kiến đã giao đơn vị chuẩn bị" in texts[texts.index("BÁO CÁO") + 3]
    )
    figures = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    assert figures[0] == ["STT", "Lĩnh vực", "Số ý kiến", "Đơn vị chuẩn bị", "Đã có trả lời"]
    assert figures[1] == ["1", "đất đai", "2", "Phòng Kinh tế, Hạ tầng và Đô thị", "1/2"]
    assert figures[-1][1:3] == ["Tổng cộng", "3"]
    details = texts[texts.index("II. NỘI DUNG CỤ THỂ") :]
    assert details[1] == "1. Lĩnh vực đất đai (2 ý kiến)"
    assert details[2].startswith("a) Ý kiến: Đề nghị cấp giấy chứng nhận")
    assert "0912" not in details[2]  # a phone number never reaches a paper
    assert details[3] == "Đơn vị chuẩn bị: Phòng Kinh tế, Hạ tầng và Đô thị"
    assert details[4] == "Nội dung trả lời dự kiến: Hồ sơ của 5 hộ đã đủ điều kiện, trình cấp giấy trong tháng 4/2026."
    assert details[6:8] == ["Đơn vị chuẩn bị: chưa giao", "Nội dung trả lời dự kiến: (chưa có nội dung)"]
    assert "2. Lĩnh vực giao thông (1 ý kiến)" in details
    assert texts[-1].endswith("kính báo cáo Chủ tịch UBND phường Ba Đồn./.")


# "xã hội" (society: "kinh tế - xã hội", the national motto) is another word.
_BARE_COMMUNE = re.compile(r"\b(xã|thôn)\b(?! hội)", re.IGNORECASE)


def test_a_ward_paper_never_says_xa_or_thon_and_a_commune_paper_does(store, ward, tmp_path):
    _meeting, paths = ward
    ward_texts = [all_text(Document(str(paths[k][-1]))) for k in paths] + [paths["announcement"][0].read_text()]
    for text in ward_texts:
        assert _BARE_COMMUNE.findall(text) == [], text
    commune = commune_meeting(store)
    written = export(store, commune, "announcement", tmp_path / "xa", today=date(2026, 5, 4))
    text = written[0].read_text(encoding="utf-8")
    assert "đại diện Nhân dân các thôn trên địa bàn xã Điềm He" in text
    assert "Trưởng thôn nơi cư trú" in text and "trước ngày 11 tháng 5 năm 2026" in text
    invitation = Document(str(export(store, commune, "invitation", tmp_path / "xa", today=date(2026, 5, 4))[0]))
    assert "Ủy ban nhân dân xã Điềm He trân trọng kính mời:" in body_texts(invitation)


def test_the_announcement_alone_as_text(store, ward, tmp_path):
    meeting, _paths = ward
    written = export(store, meeting, "announcement", tmp_path / "loa.txt", today=ISSUED)
    assert [p.name for p in written] == ["loa.txt"]


needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None and os.environ.get("CI") != "true",
    reason="LibreOffice (soffice) is not installed here; CI installs it and runs this test",
)


@needs_soffice
def test_the_invitation_prints_as_the_letter_then_the_list(store, ward, tmp_path):
    meeting, _paths = ward
    pdf = export(store, meeting, "invitation", tmp_path / "gm.docx", today=ISSUED, pdf=True)[1]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))) == 2
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    first, second = pages.stdout.split("\f")[:2]
    assert "GIẤY MỜI" in first and "Nguyễn Văn Hùng" in first
    assert "DANH SÁCH ĐẠI BIỂU ĐƯỢC MỜI" in second and "Phạm Thị Lan" in " ".join(second.split())


def test_a_meeting_without_an_issuing_body_is_headed_by_its_plans_unit(store, ward, tmp_path):
    second = plan_view(store, 1).meetings[1].id
    update_details(store, second, meeting_details(store, second).edit(issuing_body=""), at=datetime(2026, 3, 1))
    doc = Document(str(export(store, second, "invitation", tmp_path / "gm2.docx", today=ISSUED)[0]))
    left = doc.tables[0].rows[0].cells[0]
    assert [p.text.replace("\xa0", " ") for p in left.paragraphs if p.text][:2] == ["ỦY BAN NHÂN DÂN", "PHƯỜNG BA ĐỒN"]
    assert "Các đồng chí, ông (bà): ……………………………………………" in body_texts(doc)  # nobody on its list yet


def test_the_json_archive_holds_the_plan_the_duties_done_and_the_preparations(store, ward, tmp_path):
    from session.domain.duties import mark_duty_done

    meeting, _paths = ward
    with store.action("duty.done", at=datetime(2026, 3, 2), meeting_id=meeting, actor="office") as tx:
        mark_duty_done(tx, meeting, "invitations", done_on=ISSUED, note="Số 18/GM-UBND", today=ISSUED)
    data = json.loads(export(store, meeting, "json", tmp_path / "hn.json", today=ISSUED)[0].read_text(encoding="utf-8"))
    assert (data["plan"]["number"], data["meeting"]["plan_id"]) == ("45/KH-UBND", data["plan"]["id"])
    assert [(d["duty"], d["done_on"], d["note"]) for d in data["duty_record"]] == [
        ("invitations", "2026-03-02", "Số 18/GM-UBND")
    ]
    assert [p["preparer"] for p in data["issue_preparation"]] == ["Phòng Kinh tế, Hạ tầng và Đô thị"] * 2
    assert [p["position"] for p in data["participant"]] == [1, 2, 3, 4, 5, 6]
