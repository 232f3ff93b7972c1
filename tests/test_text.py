"""Vietnamese text: stored NFC, controls stripped, found without accents, sorted by given name."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.errors import TextError
from models.text import clean_text, fold, matches, name_sort_key


def test_decomposed_input_is_stored_composed():
    nfd = unicodedata.normalize("NFD", "Nguyễn Văn Đức")
    assert nfd != "Nguyễn Văn Đức"
    assert clean_text(nfd) == "Nguyễn Văn Đức"
    assert unicodedata.is_normalized("NFC", clean_text(nfd))


def test_control_characters_word_cannot_hold_are_stripped():
    assert clean_text("Thôn\x00 Nà\x07 Pàn\x1b") == "Thôn Nà Pàn"
    assert clean_text("a\x85b\u2028c", multiline=True) == "a\nb\nc"


def test_single_line_fields_collapse_white_space_but_notes_keep_lines():
    assert clean_text("  Hoàng \t Văn\nPáo  ") == "Hoàng Văn Páo"
    assert clean_text("Dòng 1\r\nDòng 2\n\n\n\nDòng 3", multiline=True) == "Dòng 1\nDòng 2\n\nDòng 3"


def test_empty_required_text_is_refused_with_the_field_named():
    with pytest.raises(TextError) as err:
        clean_text(" \t\x00 ", field="name", required=True)
    assert err.value.code == "text.empty"
    assert err.value.params["field"] == "name"


def test_huge_text_is_refused_not_truncated():
    with pytest.raises(TextError) as err:
        clean_text("a" * 301, field="name")
    assert err.value.code == "text.too_long"
    assert err.value.params["length"] == 301


def test_search_key_ignores_accents_case_and_folds_d():
    assert fold("Nguyễn Văn Đức") == "nguyen van duc"
    assert fold(unicodedata.normalize("NFD", "ĐỨC")) == "duc"
    assert matches("nguyen van duc", fold("Nguyễn Văn Đức"))
    assert matches("DUC", fold("Nguyễn Văn Đức"))
    assert not matches("nguyen van dung", fold("Nguyễn Văn Đức"))


def test_names_sort_by_given_name_then_family_in_vietnamese_order():
    names = ["Trần Thị Bích", "Nguyễn Văn An", "Lê Văn Ánh", "Hoàng Văn Đức", "Phạm Thị Dung", "Vũ Ân"]
    ordered = sorted(names, key=name_sort_key)
    # Letters decide before tones, and a < â, d < đ: An, Ánh, Ân … Dung, Đức.
    assert ordered == ["Nguyễn Văn An", "Lê Văn Ánh", "Vũ Ân", "Trần Thị Bích", "Phạm Thị Dung", "Hoàng Văn Đức"]


def test_tone_order_breaks_ties_ngang_huyen_hoi_nga_sac_nang():
    names = ["Lê Mạ", "Lê Má", "Lê Mã", "Lê Mả", "Lê Mà", "Lê Ma"]
    assert sorted(names, key=name_sort_key) == ["Lê Ma", "Lê Mà", "Lê Mả", "Lê Mã", "Lê Má", "Lê Mạ"]


@given(st.text(max_size=400))
def test_any_text_is_cleaned_to_nfc_without_forbidden_characters_or_refused(raw):
    try:
        cleaned = clean_text(raw, multiline=True)
    except TextError as exc:
        assert exc.code in {"text.too_long"}
        return
    assert unicodedata.is_normalized("NFC", cleaned)
    assert not any(0 <= ord(c) < 32 and c not in "\n\t" for c in cleaned)
    assert matches(cleaned[:50], fold(cleaned)) or not fold(cleaned[:50]).strip()


def test_pasted_text_is_what_will_be_kept_without_being_trimmed():
    from models.text import pasted

    windows = "Khai mạc đúng giờ.\r\nĐủ thành phần.\rBắt đầu\x07 đối thoại."
    assert pasted(windows, multiline=True) == "Khai mạc đúng giờ.\nĐủ thành phần.\nBắt đầu đối thoại."
    assert pasted("\x1b[31mThôn Nà Pàn\x1b[0m ", multiline=False) == "Thôn Nà Pàn "  # not trimmed: typing goes on
    assert pasted("Lê Văn\tTám\r\nphần thừa", multiline=False) == "Lê Văn Tám"  # one line, a tab is a space
    assert pasted("Nguye\u0302\u0303n Đư\u0301c", multiline=False) == "Nguyễn Đức"  # decomposed Vietnamese composed


@given(st.text())
def test_pasted_text_is_stable_composed_and_free_of_controls(text):
    from models.text import pasted

    for multiline in (False, True):
        once = pasted(text, multiline=multiline)
        assert pasted(once, multiline=multiline) == once  # pasting it again changes nothing
        assert unicodedata.is_normalized("NFC", once)
        allowed = "\n\t" if multiline else ""
        assert not [ch for ch in once if unicodedata.category(ch) == "Cc" and ch not in allowed]
