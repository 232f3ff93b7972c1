"""The meeting's unit: the official list, accent-free search, the issuing body read both
ways, and every word derived from the unit for a xã, a phường and an đặc khu."""

from __future__ import annotations

from collections import Counter

import pytest

from models.errors import HoinghiError
from session.domain.units import (
    Unit,
    canonical_province,
    check_unit,
    default_residential,
    issuing_body_of,
    official_units,
    parse_issuing_body,
    place_of,
    residential_words,
    search_units,
    unit_by_code,
)


def test_the_official_list_has_the_3321_units_of_july_2025():
    kinds = Counter(unit.kind for unit, _key in official_units())
    assert sum(kinds.values()) == 3321
    assert kinds == {"xã": 2621, "phường": 687, "đặc khu": 13}
    assert all(unit.province.split()[0] in ("tỉnh", "thành") for unit, _ in official_units())
    # Names as a document prints them: single spaces (the list spells one "Xã  Bắc Đông Quan").
    assert [u.code for u, _ in official_units() if " ".join(u.name.split()) != u.name] == []
    assert unit_by_code("12745").name == "Bắc Đông Quan"


def test_search_needs_no_accents_and_puts_the_exact_name_first():
    found = search_units("ba don")
    assert found[0] == Unit("phường", "Ba Đồn", "tỉnh Quảng Trị", "19009")
    assert search_units("BA ĐỒN")[0] == found[0]
    by_province = search_units("tan phu dong nai")
    assert by_province[0].label == "Xã Tân Phú — tỉnh Đồng Nai"
    assert search_units("   ") == []
    assert search_units("ly son")[0].kind == "đặc khu"


@pytest.mark.parametrize(
    ("typed", "kind", "name", "province"),
    [
        ("ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN", "phường", "Ba Đồn", "tỉnh Quảng Trị"),
        ("UBND phường Ba Đồn", "phường", "Ba Đồn", "tỉnh Quảng Trị"),
        ("uỷ ban nhân dân đặc khu lý sơn", "đặc khu", "Lý Sơn", "tỉnh Quảng Ngãi"),
        ("ỦY BAN NHÂN DÂN XÃ HÒA AN", "xã", "Hòa An", ""),  # not in the list: kept as typed, title case
        ("ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "xã", "Tân Phú", ""),  # six provinces have one: the province stays open
        ("ỦY BAN NHÂN DÂN THỊ TRẤN CAO THƯỢNG", "thị trấn", "Cao Thượng", ""),  # an archive from before 2025
    ],
)
def test_an_issuing_body_typed_by_hand_names_its_unit(typed, kind, name, province):
    unit = parse_issuing_body(typed)
    assert (unit.kind, unit.name, unit.province) == (kind, name, province)
    assert issuing_body_of(unit) == f"ỦY BAN NHÂN DÂN {kind.upper()} {name.upper()}"


@pytest.mark.parametrize("typed", ["HỘI ĐỒNG NHÂN DÂN PHƯỜNG BA ĐỒN", "ỦY BAN NHÂN DÂN", "Phòng Kinh tế", ""])
def test_an_issuing_body_that_names_no_unit_is_not_guessed(typed):
    assert parse_issuing_body(typed) is None


def test_a_unit_typed_by_hand_must_be_of_a_kind_the_law_knows():
    assert check_unit("Phuong", "Ba Đồn") == ("phường", "Ba Đồn")
    with pytest.raises(HoinghiError) as err:
        check_unit("huyện", "Quảng Trạch")
    assert err.value.code == "unit.bad_kind"
    with pytest.raises(HoinghiError) as err:
        check_unit("phường", "")
    assert err.value.code == "unit.incomplete"
    with pytest.raises(HoinghiError) as err:
        unit_by_code("99999999")
    assert err.value.code == "unit.unknown_code"


def test_provinces_are_named_as_documents_name_them():
    assert canonical_province("quang tri") == "tỉnh Quảng Trị"
    assert canonical_province("TP Hà Nội") == "thành phố Hà Nội"
    assert canonical_province("Thành phố Hồ Chí Minh") == "thành phố Hồ Chí Minh"
    assert canonical_province("Tỉnh Ngoài Danh Mục") == "Tỉnh Ngoài Danh Mục"


def test_every_form_for_a_phuong_with_to_dan_pho_and_khu_pho():
    p = place_of("phường", "Ba Đồn", "tỉnh Quảng Trị", residential="TDP, khu phố", cluster="Minh Hòa, Xuân Kiều")
    assert p.issuing_body == "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN"
    assert p.issuing_lines == ("ỦY BAN NHÂN DÂN", "PHƯỜNG BA\u00a0ĐỒN")
    assert p.committee == "Ủy ban nhân dân phường Ba Đồn"
    assert p.committee_short == "UBND phường Ba Đồn"
    assert p.front == "Ủy ban MTTQ Việt Nam phường Ba Đồn"
    assert p.front_of_kind == "Ủy ban MTTQ Việt Nam phường"
    assert p.party_of_kind == "Đảng ủy phường"
    assert p.province_committee == "UBND tỉnh Quảng Trị"
    assert p.home_affairs == "Sở Nội vụ tỉnh Quảng Trị"
    assert p.residential == ("tổ dân phố", "khu phố")
    assert p.residential_plural == "các tổ dân phố, khu phố"
    assert p.residential_label == "Tổ dân phố, khu phố"
    assert p.residential_heads == "Tổ trưởng các tổ dân phố, Trưởng các khu phố"
    assert p.cluster_phrase == "Tổ dân phố Minh Hòa, Xuân Kiều"
    assert p.beyond_authority == "vượt thẩm quyền của UBND phường"


def test_every_form_for_a_mountain_xa_and_an_dac_khu():
    xa = place_of("xã", "Mường Nhé", "tỉnh Điện Biên", residential="Thôn và Bản")
    assert xa.residential == ("thôn", "bản")
    assert xa.residential_heads == "Trưởng các thôn, bản"
    assert xa.committee_of_kind == "UBND xã"
    dk = place_of("đặc khu", "Lý Sơn", "tỉnh Quảng Ngãi")
    assert dk.residential_word == "thôn"  # the kind's default
    assert dk.issuing_body == "ỦY BAN NHÂN DÂN ĐẶC KHU LÝ SƠN"
    assert dk.council_of_kind == "HĐND đặc khu"
    assert place_of("xã", "Tân Phú", "", residential="", cluster="Ấp 3").cluster_phrase == "Ấp 3"


def test_the_residential_default_follows_the_kind_and_the_region():
    assert default_residential(unit_by_code("19009")) == "tổ dân phố"  # phường in Quảng Trị
    assert default_residential(search_units("tan phu ho chi minh")[0]) == "khu phố"  # phường in the south
    assert default_residential(search_units("tan phu dong nai")[0]) == "ấp"  # xã in the south
    assert default_residential(unit_by_code("3160")) == "thôn"  # xã in Điện Biên
    assert default_residential(Unit()) == "khu dân cư"
    assert residential_words("tdp; KP / Khóm") == ("tổ dân phố", "khu phố", "khóm")
