"""Importing the compiled list as offices send it: every format, every quirk, nothing
dropped without a word, all rows or none."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from openpyxl import Workbook

from models.errors import HoinghiError
from session.domain.imports import plan_import, run_import
from session.domain.meetings import create_meeting
from session.domain.registrations import list_registrations
from session.i18n import set_language
from session.i18n.import_preview import preview_lines
from tests.conftest import T0, desk
from tests.sheets import compiled_list, converted, ward_list_docx, ward_list_xlsx, with_bad_types

WARD = [
    ("Trần Thị Hoa", "TDP Chí Linh 1", "đất đai"),
    ("Lê Văn Bình", "TDP Chí Linh 2", "đất đai"),
    ("Phạm Thị Lan", "Khu phố 3", "môi trường"),
]


@pytest.fixture
def mid(store) -> int:
    return create_meeting(store, at=T0, title="Đối thoại")


@pytest.fixture(scope="session")
def ward_files(tmp_path_factory) -> dict[str, Path]:
    """The ward's list as .xlsx, and as LibreOffice saves it in .xls and .ods."""
    folder = tmp_path_factory.mktemp("ward")
    xlsx = ward_list_xlsx(folder / "tong-hop-phuong.xlsx")
    return {"xlsx": xlsx, "xls": converted(xlsx, "xls"), "ods": converted(xlsx, "ods")}


def sheet(path: Path, rows: list[list[object]], title: str = "DS") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def people(store, mid) -> list[tuple[str, str, str]]:
    return [(r.name, r.locality, r.field) for r in list_registrations(store, mid)]


def test_title_rows_merged_header_nfd_and_empty_rows(store, mid, tmp_path):
    path = compiled_list(tmp_path / "tong-hop.xlsx", nfd=True)
    plan = plan_import(store, path)
    assert plan.header_rows == (4, 5) and not plan.missing and not plan.problems
    assert set(plan.mapping) >= {"number", "name", "locality", "field", "summary"}
    assert run_import(store, mid, plan, at=T0).imported == 3
    regs = list_registrations(store, mid)
    assert [r.name for r in regs] == ["Hoàng Văn Páo", "Lăng Thị Mỵ", "Nguyễn Văn Đức"]
    assert all(unicodedata.is_normalized("NFC", r.name + r.locality + r.summary) for r in regs)
    assert regs[0].field == "đất đai" and regs[0].source == "precompiled"


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods"])
def test_a_wards_compiled_sheet_in_each_spreadsheet_format(store, mid, ward_files, fmt):
    """The column-number row, group rows, subtotals, blank rows and the signature block
    are skipped, each with its reason; the tổ dân phố column is kept."""
    plan = plan_import(store, ward_files[fmt], meeting_id=mid)
    assert plan.format == fmt and plan.header_rows == (6,)
    assert not plan.problems and plan.ok()
    reasons = [(s.row, s.reason) for s in plan.skipped]
    assert reasons == [
        (1, "title"),
        (2, "title"),
        (4, "title"),
        (7, "column_numbers"),
        (8, "group"),
        (11, "subtotal"),
        (12, "group"),
        (14, "subtotal"),
        (15, "blank"),
        (16, "footer"),
        (17, "footer"),
        (18, "footer"),
        (19, "blank"),
        (20, "footer"),
    ]
    assert [p.row for p in plan.petitions] == [9, 10, 13]
    assert run_import(store, mid, plan, at=T0).imported == 3
    assert people(store, mid) == WARD
    assert list_registrations(store, mid)[0].phone == "0912 345 678"


def test_every_column_says_what_it_became_and_an_unknown_one_is_listed_as_not_used(store, ward_files):
    plan = plan_import(store, ward_files["xlsx"])
    assert [(c.label, c.key, c.status) for c in plan.columns] == [
        ("A", "number", "left_out"),
        ("B", "name", "used"),
        ("C", "locality", "used"),
        ("D", "summary", "used"),
        ("E", "phone", "used"),
        ("F", "note", "left_out"),
        ("G", None, "unknown"),
    ]
    text = "\n".join(preview_lines(plan))
    assert "Cột C “Tổ dân phố, khu phố” → Địa chỉ, nơi ở" in text
    assert "Cột G “Cơ quan giải quyết” → không dùng" in text
    assert "Dòng 7: dòng đánh số cột" in text
    assert "Dòng 16: phần ngày tháng, chữ ký dưới bảng — “Ba Đồn, ngày 05 tháng 3 năm 2026”" in text
    assert "Dòng 9: Trần Thị Hoa – TDP Chí Linh 1 – đất đai" in text


def test_an_unknown_column_can_be_placed_by_hand(store, mid, ward_files):
    plan = plan_import(store, ward_files["xlsx"], mapping={"organisation": 6, "phone": None})
    used = {c.label: (c.key, c.by_hand) for c in plan.columns if c.status == "used"}
    assert used["G"] == ("organisation", True) and "E" not in used
    run_import(store, mid, plan, at=T0)
    assert [r.phone for r in list_registrations(store, mid)] == ["", "", ""]


@pytest.mark.parametrize(
    "header, key",
    [
        ("Tổ dân phố, khu phố", "locality"),
        ("TDP, khu phố", "locality"),
        ("Tổ dân phố/khu phố", "locality"),
        ("Khu dân cư", "locality"),
        ("Địa chỉ", "locality"),
        ("Thôn", "locality"),
        ("Ấp", "locality"),
        ("Bản", "locality"),
        ("Khóm", "locality"),
        ("Xóm", "locality"),
        ("Tổ", "locality"),
        ("Lĩnh vực", "field"),
        ("Nhóm vấn đề", "field"),
        ("Số điện thoại", "phone"),
        ("Ghi chú", "note"),
    ],
)
def test_header_variants(store, tmp_path, header, key):
    path = sheet(
        tmp_path / "v.xlsx",
        [["STT", "Họ tên", header, "Nội dung ý kiến, kiến nghị"], [1, "Vi Văn Dũng", "x 1", "Đường hỏng"]],
    )
    plan = plan_import(store, path)
    assert plan.mapping.get(key) == 2 and plan.mapping["name"] == 1 and plan.mapping["summary"] == 3


@pytest.mark.parametrize("name_header", ["Họ và tên", "Họ tên", "Người kiến nghị"])
@pytest.mark.parametrize("summary_header", ["Nội dung ý kiến, kiến nghị", "Nội dung", "Tóm tắt nội dung"])
def test_name_and_content_variants(store, tmp_path, name_header, summary_header):
    path = sheet(tmp_path / "v.xlsx", [[name_header, "Thôn", summary_header], ["Vi Văn Dũng", "Nà Pàn", "Đường hỏng"]])
    plan = plan_import(store, path)
    assert plan.mapping == {"name": 0, "locality": 1, "summary": 2} and len(plan.petitions) == 1


def test_the_first_person_is_never_read_as_a_second_header_row(store, mid, tmp_path):
    path = sheet(
        tmp_path / "ds.xlsx",
        [
            ["STT", "Họ và tên", "Địa chỉ", "Tóm tắt nội dung"],
            [1, "Nguyễn Văn Một", "Thôn 1", "Kiến nghị sửa đường liên thôn"],
            [2, "Nguyễn Văn Hai", "Thôn 2", "Kiến nghị cấp nước sạch"],
            [3, "Nguyễn Văn Ba", "Thôn 3", "Kiến nghị đèn đường"],
        ],
    )
    plan = plan_import(store, path)
    assert plan.header_rows == (1,)
    run_import(store, mid, plan, at=T0)
    assert [r.name for r in list_registrations(store, mid)] == ["Nguyễn Văn Một", "Nguyễn Văn Hai", "Nguyễn Văn Ba"]


def test_a_file_whose_columns_cannot_be_placed_is_refused_and_nothing_is_written(store, mid, tmp_path):
    path = sheet(tmp_path / "la.xlsx", [["Cột 1", "Cột 2"], ["Nguyễn Văn A", "Đường hỏng"]])
    plan = plan_import(store, path)
    assert plan.missing == ["name", "summary"] and not plan.petitions
    assert [c.status for c in plan.columns] == ["unknown", "unknown"]
    with pytest.raises(HoinghiError) as err:
        run_import(store, mid, plan, at=T0)
    assert err.value.code == "import.unsure"
    assert list_registrations(store, mid) == []
    # Placed by hand, it goes through.
    plan = plan_import(store, path, mapping={"name": 0, "summary": 1})
    assert [p.slip.name for p in plan.petitions] == ["Nguyễn Văn A"]


def test_a_missing_content_column_asks_for_a_mapping_and_imports_nothing(store, mid, tmp_path):
    path = compiled_list(tmp_path / "thieu-cot.xlsx", drop_summary=True)
    plan = plan_import(store, path)
    assert plan.missing == ["summary"]
    with pytest.raises(HoinghiError) as err:
        run_import(store, mid, plan, at=T0)
    assert err.value.code == "import.unsure" and "summary" in err.value.params["columns"]
    assert list_registrations(store, mid) == []
    plan = plan_import(store, path, mapping={"summary": 3})
    assert not plan.missing and not plan.problems
    assert run_import(store, mid, plan, at=T0).imported == 3


def test_wrong_types_are_reported_by_row_and_column_and_nothing_is_imported(store, mid, tmp_path):
    plan = plan_import(store, with_bad_types(tmp_path / "sai-kieu.xlsx"))
    assert [(p.row, p.column, p.code) for p in plan.problems] == [
        (7, "B", "import.wrong_type"),
        (7, "E", "import.missing_value"),
        (9, "E", "import.wrong_type"),
    ]
    text = "\n".join(preview_lines(plan))
    assert "Dòng 7, cột B: Họ và tên: “2026-03-05" in text and "Dòng 9, cột E: Nội dung kiến nghị" in text
    with pytest.raises(HoinghiError) as err:
        run_import(store, mid, plan, at=T0)
    assert err.value.code == "import.has_errors"
    assert list_registrations(store, mid) == []


def test_an_id_number_in_the_phone_column_is_refused_for_that_row(store, mid, tmp_path):
    path = sheet(
        tmp_path / "cccd.xlsx",
        [
            ["Họ và tên", "Thôn", "Nội dung", "Số điện thoại"],
            ["Lò Văn Một", "Nà Pàn", "Đường hỏng", "001203004567"],
            ["Lò Văn Hai", "Nà Pàn", "Thiếu nước", 912345678],
        ],
    )
    plan = plan_import(store, path)
    assert [(p.row, p.column, p.code) for p in plan.problems] == [(2, "D", "import.id_in_phone")]
    assert [p.slip.phone for p in plan.petitions] == ["0912345678"]  # the number cell lost its zero
    assert "CCCD" in "\n".join(preview_lines(plan))
    with pytest.raises(HoinghiError):
        run_import(store, mid, plan, at=T0)
    assert list_registrations(store, mid) == []


def test_formula_cells_without_saved_values_are_reported(store, tmp_path):
    path = sheet(
        tmp_path / "ct.xlsx",
        [
            ["STT", "Họ và tên", "Nội dung"],
            [1, "Lò Văn Một", "Đường hỏng"],
            ["=A2+1", "Lò Văn Hai", '=CONCAT("Thiếu ","nước")'],
        ],
    )
    plan = plan_import(store, path)
    assert [(p.row, p.column, p.code, p.params) for p in plan.problems] == [(3, "C", "import.formula", {"cell": "C3"})]
    assert plan.refusal().code == "import.has_errors"


def test_the_visible_sheet_is_preferred_to_a_hidden_one(store, tmp_path):
    plan = plan_import(store, ward_list_xlsx(tmp_path / "an.xlsx", hidden_copy=True))
    assert plan.grid.name == "Tổng hợp" and not plan.needs_choice and plan.ok()
    assert [(g.name, g.hidden, g.petitions) for g in plan.grids] == [("Tổng hợp", False, 3), ("Bản cũ", True, 1)]
    # Asked for by name, the hidden one is read.
    plan = plan_import(store, tmp_path / "an.xlsx", sheet="Bản cũ")
    assert [p.slip.name for p in plan.petitions] == ["Người Cũ"]


def test_two_visible_sheets_with_lists_ask_which_one(store, mid, tmp_path):
    path = ward_list_xlsx(tmp_path / "hai.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(path)
    second = wb.create_sheet("Đợt 2")
    second.append(["Họ và tên", "Tổ dân phố", "Nội dung"])
    second.append(["Đinh Văn Quý", "TDP 4", "Đèn chiếu sáng hỏng"])
    wb.save(path)
    plan = plan_import(store, path)
    assert plan.needs_choice and plan.refusal().code == "import.choose_sheet"
    assert "Tổng hợp, Đợt 2" in plan.refusal().params["choices"]
    plan = plan_import(store, path, sheet="Đợt 2")
    assert plan.ok() and [p.slip.name for p in plan.petitions] == ["Đinh Văn Quý"]
    with pytest.raises(HoinghiError) as err:
        plan_import(store, path, sheet="Đợt 3")
    assert err.value.code == "import.no_sheet"


def test_a_table_in_a_word_report(store, mid, tmp_path):
    plan = plan_import(store, ward_list_docx(tmp_path / "bao-cao.docx"), meeting_id=mid)
    assert plan.format == "docx" and plan.header_rows == (1, 2)
    assert [(c.label, c.key) for c in plan.columns][:4] == [
        ("1", "number"),
        ("2", "name"),
        ("3", "locality"),
        ("4", "summary"),
    ]
    assert [(s.row, s.reason) for s in plan.skipped] == [
        (3, "column_numbers"),
        (4, "group"),
        (7, "subtotal"),
        (8, "group"),
        (10, "subtotal"),
    ]
    text = "\n".join(preview_lines(plan))
    assert "Bảng 1, dòng 5: Trần Thị Hoa – TDP Chí Linh 1 – đất đai" in text
    run_import(store, mid, plan, at=T0)
    assert people(store, mid) == WARD


def test_a_word_report_with_two_lists_asks_which_table(store, tmp_path):
    path = ward_list_docx(tmp_path / "hai-bang.docx", tables=2)
    plan = plan_import(store, path)
    assert plan.needs_choice and plan.refusal().code == "import.choose_table"
    plan = plan_import(store, path, sheet="2")
    assert plan.ok() and plan.grid.index == 2
    assert "Bảng 2, dòng 5" in "\n".join(preview_lines(plan))


def test_a_malformed_locked_or_foreign_file_gets_a_sentence(store, tmp_path):
    cases = {
        "hong.xlsx": (b"PK\x03\x04 not really a zip", "import.damaged"),
        "hong.xls": (b"garbage", "import.damaged"),
        "hong.docx": (b"PK\x03\x04 nope", "import.damaged"),
        "cu.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "import.old_word"),
        "anh.png": (b"\x89PNG", "import.format"),
        # An Office file saved with a password is a compound file holding "EncryptedPackage".
        "mat-khau.xlsx": (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le"),
            "import.password",
        ),
    }
    for name, (data, code) in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(HoinghiError) as err:
            plan_import(store, tmp_path / name)
        assert err.value.code == code, name
    with pytest.raises(HoinghiError) as err:
        plan_import(store, tmp_path / "khong-co.xlsx")
    assert err.value.code == "import.missing"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letters precomposed, tones combining."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
            out += (base + tones).encode("cp1258")
    return out


CSV_TEXT = "STT;Họ và tên;Thôn;Lĩnh vực;Nội dung\n1;Đinh Văn Quý;Nà Pàn;An ninh trật tự;Trộm cắp gia súc\n"


@pytest.mark.parametrize(
    "encoding, data",
    [
        ("Windows-1258", to_cp1258(CSV_TEXT)),
        ("UTF-8", CSV_TEXT.encode("utf-8")),
        ("UTF-8", CSV_TEXT.encode("utf-8-sig")),
        ("UTF-16", CSV_TEXT.encode("utf-16")),
        ("UTF-16", CSV_TEXT.replace(";", "\t").encode("utf-16-le")),
    ],
)
def test_csv_in_each_encoding_offices_save(store, mid, tmp_path, encoding, data):
    path = tmp_path / "ds.csv"
    path.write_bytes(data)
    plan = plan_import(store, path)
    assert plan.encoding == encoding and plan.ok()
    run_import(store, mid, plan, at=T0)
    [reg] = list_registrations(store, mid)
    assert reg.name == "Đinh Văn Quý" and reg.field == "an ninh trật tự"
    assert unicodedata.is_normalized("NFC", reg.summary)


def test_a_csv_in_an_unknown_encoding_is_refused_naming_the_encodings_tried(store, tmp_path):
    path = tmp_path / "la.csv"
    path.write_bytes(b"Ho va ten;Noi dung\n" + "Иван;Дорога\n".encode("koi8-r") + b"\x81\x8d")
    with pytest.raises(HoinghiError) as err:
        plan_import(store, path)
    assert err.value.code == "import.encoding" and "Windows-1258" in err.value.params["tried"]


def test_importing_the_same_list_twice_warns_and_imports_duplicates_only_when_asked(store, mid, tmp_path):
    path = compiled_list(tmp_path / "ds.xlsx")
    run_import(store, mid, plan_import(store, path, meeting_id=mid), at=T0)
    again = plan_import(store, path, meeting_id=mid)
    assert [p.duplicate for p in again.petitions] == ["meeting"] * 3
    assert again.refusal().code == "import.all_duplicates"
    assert "3 kiến nghị trùng" in "\n".join(preview_lines(again))
    with pytest.raises(HoinghiError):
        run_import(store, mid, again, at=T0)
    assert len(list_registrations(store, mid)) == 3
    result = run_import(store, mid, again, at=T0, allow_duplicates=True)
    assert result.imported == 3 and len(list_registrations(store, mid)) == 6


def test_a_row_repeated_in_the_file_is_a_duplicate_too(store, mid, tmp_path):
    row = ["Lò Văn Một", "Nà Pàn", "Đường hỏng"]
    path = sheet(
        tmp_path / "lap.xlsx", [["Họ và tên", "Thôn", "Nội dung"], row, ["Lò Thị Hai", "Nà Pàn", "Thiếu nước"], row]
    )
    plan = plan_import(store, path, meeting_id=mid)
    assert [(p.row, p.duplicate, p.duplicate_of) for p in plan.petitions] == [(2, "", 0), (3, "", 0), (4, "file", 2)]
    result = run_import(store, mid, plan, at=T0)
    assert (result.imported, result.duplicates_left_out) == (2, 0)
    assert [r.name for r in list_registrations(store, mid)] == ["Lò Văn Một", "Lò Thị Hai"]


def test_an_import_is_one_action_that_undo_takes_back_whole(store, mid, tmp_path):
    registration_desk = desk(store, mid, T0, "desk")
    plan = plan_import(store, compiled_list(tmp_path / "ds.xlsx"))
    run_import(store, mid, plan, at=T0, actor="desk", desk=registration_desk.desk.id)
    from session.domain.ledger import ledger

    assert len(list_registrations(store, mid)) == 3 and len(ledger(store, mid)) == 3
    undone = registration_desk.undo()
    assert undone.action == "registration.import" and undone.what == "nhập danh sách 3 người"
    assert list_registrations(store, mid) == [] and ledger(store, mid) == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_message_key_ever_reaches_the_person(store, tmp_path, ward_files, lang):
    import re

    set_language(lang)
    try:
        bad = with_bad_types(tmp_path / "sai.xlsx")
        texts = []
        for path in (ward_files["xlsx"], bad, compiled_list(tmp_path / "thieu.xlsx", drop_summary=True)):
            texts += preview_lines(plan_import(store, path))
    finally:
        set_language("vi")
    joined = "\n".join(texts)
    assert not re.search(r"\b(error|import|column|field)\.[a-z_]+", joined), joined
    assert "{" not in joined


def test_other_screens_see_every_imported_row_and_the_history_names_the_import(store, mid, tmp_path):
    from session.domain.history import history_rows
    from session.domain.sync import changes_since, last_event_id

    before = last_event_id(store)
    run_import(store, mid, plan_import(store, compiled_list(tmp_path / "ds.xlsx")), at=T0)
    seen = changes_since(store, mid, before)
    assert seen.rows["registration"] == {r.id for r in list_registrations(store, mid)}
    assert len(seen.rows["issue"]) == 3
    [row] = [h for h in history_rows(store, mid) if h.action == "registration.import"]
    assert "+registration ×3" in row.detail
