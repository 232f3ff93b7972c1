"""Lists typed in TCVN3 (ABC, .Vn fonts) or VNI are converted to Unicode, or refused.

The expected values are rows of the published code charts, written out here — not read
from the conversion tables the code uses."""

from __future__ import annotations

import unicodedata

import pytest
from openpyxl import Workbook

from models.errors import HoinghiError
from session.domain.imports import legacy, plan_import, run_import
from session.domain.meetings import create_meeting
from session.domain.registrations import list_registrations
from session.i18n.import_preview import preview_lines
from tests.conftest import T0

# TCVN 5712:1993, table VN3 (the ABC / .VnTime fonts): code -> letter.
TCVN3_CHART = [
    (0xA1, "Ă"), (0xA2, "Â"), (0xA3, "Ê"), (0xA4, "Ô"), (0xA5, "Ơ"), (0xA6, "Ư"), (0xA7, "Đ"),
    (0xA8, "ă"), (0xA9, "â"), (0xAA, "ê"), (0xAB, "ô"), (0xAC, "ơ"), (0xAD, "ư"), (0xAE, "đ"),
    (0xB5, "à"), (0xB6, "ả"), (0xB7, "ã"), (0xB8, "á"), (0xB9, "ạ"),
    (0xBB, "ằ"), (0xBC, "ẳ"), (0xBD, "ẵ"), (0xBE, "ắ"), (0xC6, "ặ"),
    (0xC7, "ầ"), (0xC8, "ẩ"), (0xC9, "ẫ"), (0xCA, "ấ"), (0xCB, "ậ"),
    (0xCC, "è"), (0xCE, "ẻ"), (0xCF, "ẽ"), (0xD0, "é"), (0xD1, "ẹ"),
    (0xD2, "ề"), (0xD3, "ể"), (0xD4, "ễ"), (0xD5, "ế"), (0xD6, "ệ"),
    (0xD7, "ì"), (0xD8, "ỉ"), (0xDC, "ĩ"), (0xDD, "í"), (0xDE, "ị"),
    (0xDF, "ò"), (0xE1, "ỏ"), (0xE2, "õ"), (0xE3, "ó"), (0xE4, "ọ"),
    (0xE5, "ồ"), (0xE6, "ổ"), (0xE7, "ỗ"), (0xE8, "ố"), (0xE9, "ộ"),
    (0xEA, "ờ"), (0xEB, "ở"), (0xEC, "ỡ"), (0xED, "ớ"), (0xEE, "ợ"),
    (0xEF, "ù"), (0xF1, "ủ"), (0xF2, "ũ"), (0xF3, "ú"), (0xF4, "ụ"),
    (0xF5, "ừ"), (0xF6, "ử"), (0xF7, "ữ"), (0xF8, "ứ"), (0xF9, "ự"),
    (0xFA, "ỳ"), (0xFB, "ỷ"), (0xFC, "ỹ"), (0xFD, "ý"), (0xFE, "ỵ"),
]  # fmt: skip

# The VNI-Windows character map: what is typed (as the bytes show in Latin-1) -> letter.
VNI_CHART = [
    ("aù", "á"), ("aø", "à"), ("aû", "ả"), ("aõ", "ã"), ("aï", "ạ"),
    ("aê", "ă"), ("aé", "ắ"), ("aè", "ằ"), ("aú", "ẳ"), ("aü", "ẵ"), ("aë", "ặ"),
    ("aâ", "â"), ("aá", "ấ"), ("aà", "ầ"), ("aå", "ẩ"), ("aã", "ẫ"), ("aä", "ậ"),
    ("eù", "é"), ("eø", "è"), ("eû", "ẻ"), ("eõ", "ẽ"), ("eï", "ẹ"),
    ("eâ", "ê"), ("eá", "ế"), ("eà", "ề"), ("eå", "ể"), ("eã", "ễ"), ("eä", "ệ"),
    ("í", "í"), ("ì", "ì"), ("æ", "ỉ"), ("ó", "ĩ"), ("ò", "ị"),
    ("où", "ó"), ("oø", "ò"), ("oû", "ỏ"), ("oõ", "õ"), ("oï", "ọ"),
    ("oâ", "ô"), ("oá", "ố"), ("oà", "ồ"), ("oå", "ổ"), ("oã", "ỗ"), ("oä", "ộ"),
    ("ô", "ơ"), ("ôù", "ớ"), ("ôø", "ờ"), ("ôû", "ở"), ("ôõ", "ỡ"), ("ôï", "ợ"),
    ("uù", "ú"), ("uø", "ù"), ("uû", "ủ"), ("uõ", "ũ"), ("uï", "ụ"),
    ("ö", "ư"), ("öù", "ứ"), ("öø", "ừ"), ("öû", "ử"), ("öõ", "ữ"), ("öï", "ự"),
    ("yù", "ý"), ("yø", "ỳ"), ("yû", "ỷ"), ("yõ", "ỹ"), ("î", "ỵ"),
    ("ñ", "đ"), ("Ñ", "Đ"), ("AÙ", "Á"), ("AÊ", "Ă"), ("AÂ", "Â"), ("EÂ", "Ê"), ("OÂ", "Ô"), ("Ô", "Ơ"), ("Ö", "Ư"),
]  # fmt: skip


@pytest.mark.parametrize("code, letter", TCVN3_CHART)
def test_every_letter_of_the_tcvn3_chart(code, letter):
    assert legacy.convert(bytes([code]).decode("latin-1"), "tcvn3") == letter


@pytest.mark.parametrize("typed, letter", VNI_CHART)
def test_every_letter_of_the_vni_chart(typed, letter):
    assert legacy.convert(typed, "vni") == letter


@pytest.mark.parametrize(
    "encoding, typed, unicode",
    [
        ("tcvn3", "NguyÔn V¨n §øc", "Nguyễn Văn Đức"),
        ("tcvn3", "§Ò nghÞ söa ®­êng liªn th«n", "Đề nghị sửa đường liên thôn"),
        ("tcvn3", "NGUYÔN V¡N Tý", "NGUYỄN VĂN Tý"),
        ("vni", "Nguyeãn Vaên Ñöùc", "Nguyễn Văn Đức"),
        ("vni", "Ñeà nghò söûa ñöôøng lieân thoân", "Đề nghị sửa đường liên thôn"),
    ],
)
def test_whole_sentences(encoding, typed, unicode):
    assert legacy.looks_legacy(typed, encoding)
    assert legacy.convert(typed, encoding) == unicode
    assert legacy.detect([typed, typed]) == encoding


def test_unicode_text_is_left_alone():
    texts = ["Nguyễn Văn Đức", "Thôn Nà Pàn", "Đề nghị sửa đường liên thôn", "Tổ dân phố Chí Linh 1"]
    assert legacy.detect(texts) is None
    assert not any(legacy.looks_legacy(t, enc) for t in texts for enc in legacy.ENCODINGS)


def test_text_in_some_other_encoding_is_refused():
    with pytest.raises(HoinghiError) as err:
        legacy.detect(["Ø×Þß äåæç ëîï", "ñö÷ø ûüþ", "ßßß ØØØ æææ"])
    assert err.value.code == "import.legacy_unsure"


def to_tcvn3(text: str) -> str:
    """Unicode -> TCVN3 mojibake, by the chart above (how a .VnTime file shows elsewhere)."""
    back = {letter: bytes([code]).decode("latin-1") for code, letter in TCVN3_CHART}
    return "".join(back.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def test_a_tcvn3_sheet_is_converted_and_the_preview_shows_it(store, tmp_path):
    mid = create_meeting(store, at=T0, title="Đối thoại")
    wb = Workbook()
    ws = wb.active
    for row in [
        ["STT", "Họ và tên", "Thôn", "Nội dung kiến nghị"],
        [1, "Nguyễn Văn Đức", "Thôn Tân Lập", "Đề nghị sửa đường liên thôn"],
        [2, "Lăng Thị Mỵ", "Thôn Bản Chu", "Trợ cấp người cao tuổi chậm"],
    ]:
        ws.append([to_tcvn3(c) if isinstance(c, str) else c for c in row])
    wb.save(tmp_path / "abc.xlsx")
    plan = plan_import(store, tmp_path / "abc.xlsx")
    assert plan.legacy == "tcvn3" and plan.ok()
    text = "\n".join(preview_lines(plan))
    assert "bảng mã TCVN3 (ABC, phông .Vn)" in text
    assert "“NguyÔn V¨n §øc” → “Nguyễn Văn Đức”" in text
    run_import(store, mid, plan, at=T0)
    assert [(r.name, r.locality, r.summary) for r in list_registrations(store, mid)] == [
        ("Nguyễn Văn Đức", "Thôn Tân Lập", "Đề nghị sửa đường liên thôn"),
        ("Lăng Thị Mỵ", "Thôn Bản Chu", "Trợ cấp người cao tuổi chậm"),
    ]


def test_a_vni_csv_is_converted(store, tmp_path):
    mid = create_meeting(store, at=T0, title="Đối thoại")
    text = "Hoï vaø teân;Thoân;Noäi dung\nNguyeãn Vaên Ñöùc;Taân Laäp;Ñeà nghò söûa ñöôøng\n"
    (tmp_path / "vni.csv").write_bytes(text.encode("latin-1"))
    plan = plan_import(store, tmp_path / "vni.csv")
    assert plan.legacy == "vni" and plan.ok(), preview_lines(plan)
    run_import(store, mid, plan, at=T0)
    [reg] = list_registrations(store, mid)
    assert (reg.name, reg.locality, reg.summary) == ("Nguyễn Văn Đức", "Tân Lập", "Đề nghị sửa đường")
