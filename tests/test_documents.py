"""The exported documents, opened and checked: format of the decree, texts and order."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn

from exports.run import export
from models.errors import HoinghiError
from session.domain.ledger import ledger
from session.domain.records import meeting_record

ISSUED = date(2026, 3, 9)


@pytest.fixture
def files(store, finished_id, tmp_path):
    minutes = export(store, finished_id, "minutes", tmp_path / "bb.docx", today=ISSUED)[0]
    notice = export(store, finished_id, "conclusion", tmp_path / "tb.docx", today=ISSUED)[0]
    return minutes, notice


def all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts += [p.text for p in cell.paragraphs]
    return flat("\n".join(parts))


def flat(text: str) -> str:
    """Place names are printed with non-breaking spaces; read them as spaces."""
    return text.replace("\xa0", " ")


def test_page_margins_fonts_and_language_follow_the_decree(files):
    for path in files:
        doc = Document(str(path))
        section = doc.sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        assert [
            round(x.mm) for x in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
        ] == [20, 20, 30, 15]
        styles = doc.styles.element
        defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        fonts = defaults.find(qn("w:rFonts"))
        assert {fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}
        assert not any(k.endswith("Theme") for k in fonts.attrib)
        assert defaults.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"
        normal = doc.styles["Normal"]
        assert normal.font.name == "Times New Roman" and 13 <= normal.font.size.pt <= 14
        fmt = normal.paragraph_format
        assert fmt.alignment == 3  # justified
        assert 1.0 <= fmt.first_line_indent.cm <= 1.27
        assert fmt.space_after.pt >= 6
        assert fmt.line_spacing_rule == 0 or fmt.line_spacing in (None, 1.0)  # single
        spacing = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
        assert spacing.get(qn("w:line")) == "240"  # not the template's 1.15


def test_page_numbers_are_in_the_header_from_page_two(files):
    for path in files:
        doc = Document(str(path))
        section = doc.sections[0]
        assert section.different_first_page_header_footer
        header_xml = section.header._element.xml
        assert "PAGE" in header_xml
        assert "PAGE" not in section.first_page_header._element.xml


def test_header_texts_order_and_rules(files):
    minutes, notice = (Document(str(p)) for p in files)
    for doc, code in ((minutes, "/BB-UBND"), (notice, "/TB-UBND")):
        left, right = doc.tables[0].rows[0].cells
        assert [p.text for p in left.paragraphs if p.text] == ["ỦY BAN NHÂN DÂN", "XÃ HÒA\xa0AN", f"Số:      {code}"]
        texts = [p.text for p in right.paragraphs if p.text]
        assert texts[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
        assert all(r.bold for p in left.paragraphs[:2] for r in p.runs)
        # Each column has its rule: an empty paragraph with a top border.
        for cell in (left, right):
            assert any(p._p.find(qn("w:pPr")).find(qn("w:pBdr")) is not None for p in cell.paragraphs if not p.text)
    assert "ngày" not in " ".join(p.text for p in minutes.tables[0].rows[0].cells[1].paragraphs)
    place_date = [p for p in notice.tables[0].rows[0].cells[1].paragraphs if p.text.startswith("Hòa\xa0An")][0]
    assert place_date.text == "Hòa\xa0An, ngày 09 tháng 3 năm 2026"  # the place name never breaks
    assert all(r.italic for r in place_date.runs)


def test_the_minutes_hold_every_speech_answer_and_conclusion_in_order(store, finished_id, files):
    doc = Document(str(files[0]))
    text = all_text(doc)
    assert doc.paragraphs[0].text == "BIÊN BẢN"
    body = [p.text for p in doc.paragraphs]
    record = meeting_record(store, finished_id)
    positions = []
    for speech in record.speeches:
        line = next(n for n, t in enumerate(body) if t.startswith("Ý kiến") and speech.registration.name in t)
        positions.append(line)
        for issue in speech.issues:
            for answer in issue.answers:
                assert answer.summary in text
            assert issue.conclusion.text.rstrip(".") in text
    assert positions == sorted(positions) and len(positions) == 22
    steps = [n for n, t in enumerate(body) if t[:2] in {f"{k}." for k in range(1, 10)}]
    assert len(steps) == 9
    assert "(ngoài nội dung hội nghị)" in text
    closing = [t for t in body if t.startswith("Hội nghị kết thúc vào")]
    end = record.meeting.actual_end
    assert closing == [
        f"Hội nghị kết thúc vào {end:%H} giờ {end:%M} phút, ngày {end.day:02d} tháng {end.month} năm {end.year}./."
    ]
    signatures = doc.tables[1].rows[0].cells
    assert signatures[0].paragraphs[0].text == "THƯ KÝ" and signatures[1].paragraphs[0].text == "CHỦ TỌA"
    assert signatures[1].paragraphs[-1].runs[0].bold and signatures[1].paragraphs[-1].text == "Hoàng Văn Thắng"


def test_the_notice_has_its_parts_and_no_phone_number(store, finished_id, files):
    doc = Document(str(files[1]))
    text = all_text(doc)
    body = [flat(p.text) for p in doc.paragraphs]
    assert body[0] == "THÔNG BÁO"
    assert body[1] == "Kết luận của Chủ tịch UBND xã Hòa An tại Hội nghị đối thoại với Nhân dân năm 2026"
    for heading in ("I. ĐÁNH GIÁ CHUNG", "II. KẾT LUẬN CỤ THỂ", "III. TỔ CHỨC THỰC HIỆN"):
        assert heading in body
    assert body.index("I. ĐÁNH GIÁ CHUNG") < body.index("II. KẾT LUẬN CỤ THỂ") < body.index("III. TỔ CHỨC THỰC HIỆN")
    phones = {r.phone for i in ledger(store, finished_id) for r in i.raisers if r.phone}
    assert phones and not any(p in text or p.replace(" ", "") in text for p in phones)
    assigned = [i for i in ledger(store, finished_id) if i.conclusion and i.conclusion.outcome == "assigned"]
    for issue in assigned:
        assert f"hời hạn hoàn thành trước ngày {issue.conclusion.deadline:%d/%m/%Y}" in text
    assert any(t.endswith("./.") for t in body)
    signature = doc.tables[-1].rows[0].cells
    assert signature[0].paragraphs[0].text == "Nơi nhận:"
    assert signature[0].paragraphs[-1].text == "- Lưu: VT."
    assert [p.text for p in signature[1].paragraphs if p.text] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Hoàng Văn Thắng"]


def test_a_configured_signature_block_is_used_by_meetings_created_afterwards(store, finished_id, tmp_path, clock):
    from session.domain.meetings import create_meeting
    from session.domain.settings import update_settings

    before = all_text(Document(str(export(store, finished_id, "conclusion", tmp_path / "a.docx", today=ISSUED)[0])))
    update_settings(
        store,
        at=clock(),
        notice_authority="KT.",
        notice_signer_title="PHÓ CHỦ TỊCH",
        notice_signer_name="Lương Thị Hạnh",
        recipients="Như trên;Sở Nội vụ (b/c)",
    )
    # A meeting made before keeps the document it had: what is printed belongs to the meeting.
    again = all_text(Document(str(export(store, finished_id, "conclusion", tmp_path / "b.docx", today=ISSUED)[0])))
    assert again == before
    later = create_meeting(store, at=clock(), title="Đối thoại", issuing_body="ỦY BAN NHÂN DÂN XÃ HÒA AN")
    path = export(store, later, "conclusion", tmp_path / "kt.docx", today=ISSUED)[0]
    cells = Document(str(path)).tables[-1].rows[0].cells
    # A deputy signs for the chairman of a collective body (Nghị định 30/2020, Điều 13).
    assert [p.text for p in cells[1].paragraphs if p.text] == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Lương Thị Hạnh",
    ]
    assert [p.text for p in cells[0].paragraphs][1:] == ["- Như trên;", "- Sở Nội vụ (b/c);", "- Lưu: VT."]


def test_never_overwrites_without_asking_and_leaves_no_half_written_file(store, finished_id, tmp_path, monkeypatch):
    target = tmp_path / "bb.docx"
    export(store, finished_id, "minutes", target, today=ISSUED)
    before = target.read_bytes()
    with pytest.raises(HoinghiError) as err:
        export(store, finished_id, "minutes", target, today=ISSUED)
    assert err.value.code == "export.exists"
    # A full disk in the middle of writing: a clear message, the old file intact, no leftovers.
    import exports.writer

    real_write = os.write

    def full(fd, data):
        real_write(fd, bytes(data[:100]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(exports.writer.os, "write", full)
    with pytest.raises(HoinghiError) as err:
        export(store, finished_id, "minutes", target, today=ISSUED, force=True)
    assert err.value.code == "export.disk_full"
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bb.docx", "meeting.db", "meeting.db-shm", "meeting.db-wal"]


def test_a_read_only_folder_gets_a_clear_message(store, finished_id, tmp_path):
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(HoinghiError) as err:
            export(store, finished_id, "minutes", folder / "bb.docx", today=ISSUED)
        assert err.value.code == "export.not_writable"
    finally:
        folder.chmod(0o755)


def test_json_holds_every_fact_of_the_meeting(store, finished_id, tmp_path):
    from sqlmodel import select

    from models.changes import row_values
    from models.ledger import Issue
    from models.tables import Registration

    path = export(store, finished_id, "json", tmp_path / "m.json", today=ISSUED)[0]
    raw = path.read_text(encoding="utf-8")
    assert "Nguyễn Văn Đức" in raw  # UTF-8, not \\u escapes
    data = json.loads(raw)
    assert data["meeting"]["actual_start"].startswith(
        str(meeting_record(store, finished_id).meeting.actual_start.date())
    )
    with store.read() as s:
        regs = [
            row_values(r)
            for r in s.exec(
                select(Registration).where(Registration.meeting_id == finished_id).order_by(Registration.id)
            )
        ]
        issues = [
            row_values(r) for r in s.exec(select(Issue).where(Issue.meeting_id == finished_id).order_by(Issue.id))
        ]
    assert data["registration"] == regs and data["issue"] == issues
    assert len(data["answer"]) == 22 and len(data["conclusion"]) == 22
    assert {e["action"] for e in data["event"]} >= {"meeting.create", "demo.fill"}


def test_followup_sheet_lists_every_outcome_waiting_for_a_reply_with_the_citizens_names(store, finished_id, tmp_path):
    from openpyxl import load_workbook

    path = export(store, finished_id, "followup", tmp_path / "td.xlsx", today=ISSUED)[0]
    ws = load_workbook(path).active
    header = [c.value for c in ws[4]]
    assert header[:8] == [
        "STT",
        "Kiến nghị",
        "Người kiến nghị",
        "Thôn, tổ dân phố",  # the demo meeting's residential units
        "Hình thức xử lý",
        "Cơ quan chủ trì / nơi chuyển đến",
        "Cơ quan phối hợp",
        "Thời hạn",
    ]
    assert header[8] == "Còn (ngày làm việc)"
    rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if r[0]]
    tracked = [
        i
        for i in ledger(store, finished_id)
        if i.conclusion and i.conclusion.outcome in ("study", "assigned", "forwarded")
    ]
    assert len(rows) == len(tracked) and all(r[9] == "Chưa thực hiện" for r in rows)
    assert {r[4] for r in rows} == {"Tiếp thu, nghiên cứu", "Giao giải quyết", "Chuyển cấp trên"}
    by_content = {r[1]: r for r in rows}
    for issue in tracked:
        row = by_content[issue.content]
        assert row[2] == ", ".join(r.name for r in issue.raisers)
        assert row[7] is not None  # every tracked outcome has a due date, set or by default


needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None and os.environ.get("CI") != "true",
    reason="LibreOffice (soffice) is not installed here; CI installs it and runs this test",
)


@needs_soffice
@pytest.mark.slow
def test_both_documents_convert_to_pdf_with_the_vietnamese_text_intact(store, finished_id, tmp_path):
    for kind in ("minutes", "conclusion"):
        paths = export(store, finished_id, kind, tmp_path / f"{kind}.docx", today=ISSUED, pdf=True)
        pdf = paths[1]
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        assert 3 <= pages <= 12
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "Độc lập - Tự do - Hạnh phúc" in text
        flat = " ".join(text.split())
        assert "Nguyễn Văn Đức" in flat and "Hoàng Văn Thắng" in flat


def test_a_slip_from_the_hall_never_heard_is_not_called_compiled_before_the_meeting(store, demo_id, clock, tmp_path):
    """A person who registered in the hall and was not reached before the close is
    recorded under the petitions registered at the meeting, not under those "tổng hợp
    trước hội nghị" (compiled by the Front before it)."""
    from session.domain.registrations import Slip
    from tests.conftest import desk

    console = desk(store, demo_id, clock)
    console.start_meeting()
    console.register(Slip("Lương Thị Sen", "Thôn Nà Pàn", field="giao thông", summary="Đèn đường hỏng", source="hall"))
    console.close_meeting("Hết thời gian; văn phòng tổng hợp trả lời sau.")
    path = export(store, demo_id, "minutes", tmp_path / "bb.docx", today=ISSUED)[0]
    text = all_text(Document(str(path)))
    hall = "Các ý kiến, kiến nghị đăng ký tại hội nghị nhưng không được trình bày trực tiếp:"
    compiled = "Các ý kiến, kiến nghị tổng hợp trước hội nghị không được trình bày trực tiếp:"
    assert hall in text and compiled in text  # the demo's compiled list was not reached either
    assert text.count("Lương Thị Sen") == 1 and text.index("Lương Thị Sen") > text.index(hall)
    assert text.index(compiled) < text.index(hall)  # the compiled ones first, as they were before the meeting
