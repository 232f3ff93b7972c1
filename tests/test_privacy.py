"""The public notice prints no personal number, however it was typed; quantities stay."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exports.privacy import PRIVATE, scrub

PERSONAL = [
    # mobile numbers, 10 digits
    "0912345678",
    "0912 345 678",
    "0912.345.678",
    "0912-345-678",
    "091 234 5678",
    "091.234.5678",
    # landline, 11 digits
    "024 3825 1234",
    "0243.825.1234",
    # with the country code
    "+84912345678",
    "+84 912 345 678",
    "+84-912-345-678",
    "(+84) 912 345 607",
    "(84) 912.345.607",
    "84 912 345 678",
    "+84 24 3825 1234",
    # mobile written without its leading 0 (9 digits)
    "912 345 678",
    # identity card (CMND), 9 digits
    "123456789",
    "123 456 615",
    "123.456.789",
    "123-456-789",
    # citizen identity card (CCCD), 12 digits
    "001089012612",
    "001 089 012 612",
    "001.089.012.612",
    "001-089-012-612",
]


@pytest.mark.parametrize("number", PERSONAL)
@pytest.mark.parametrize("around", ["{}", "SĐT {} nhé", "(CCCD {})", "liên hệ:{}.", "số {}; xin cảm ơn"])
def test_every_form_of_a_personal_number_is_masked_whole(number, around):
    text = around.format(number)
    masked = scrub(text)
    digits = [ch for ch in masked if ch.isdigit()]
    assert digits == [], f"{text!r} -> {masked!r}"
    assert "…" in masked


@pytest.mark.parametrize(
    "text",
    [
        "Hỗ trợ 1.200.000.000 đồng cho 12 hộ.",
        "Giá đất 500.000.000 đồng/ha.",
        "Diện tích 123.456 m2, dân số 12.345 người.",
        "Quyết định số 1234/QĐ-UBND ngày 15/10/2025.",
        "Thửa đất số 125, tờ bản đồ số 18.",
        "Năm 2026, giai đoạn 2026–2030.",
        "Tuyến đường dài 3 km, 200 hộ.",
    ],
)
def test_quantities_dates_and_document_numbers_are_kept(text):
    assert scrub(text) == text


def test_a_number_next_to_a_day_is_still_found_inside_the_run():
    assert scrub("ngày 5 0912 345 678") == "ngày 5 …"
    assert scrub("năm 2026 001 089 012 612") == "năm 2026 …"


def test_the_patterns_are_data_with_a_description_each():
    assert all(what and pattern.pattern for what, pattern in PRIVATE)


@given(st.lists(st.integers(0, 9), min_size=10, max_size=10), st.sampled_from([" ", ".", "-", ""]))
def test_any_mobile_number_in_any_grouping_is_masked(digits, sep):
    number = "0" + "".join(map(str, digits[1:]))
    grouped = sep.join([number[:4], number[4:7], number[7:]])
    assert not any(ch.isdigit() for ch in scrub(f"Điện thoại {grouped}."))
