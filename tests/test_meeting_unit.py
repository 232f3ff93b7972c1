"""A meeting's unit and its issuing body never disagree; what its documents print is the
meeting's own (copied from the office settings when it is created); page settings are
checked against Nghị định 30/2020 when they are set."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from models.errors import HoinghiError
from session.cli import main
from session.domain.meeting_details import meeting_details, update_details
from session.domain.meetings import create_meeting, meeting_view
from session.domain.settings import get_settings, update_settings
from session.domain.units import unit_by_code
from tests.cli import particulars
from tests.conftest import T0

BA_DON = "19009"


def test_a_meeting_created_for_a_unit_gets_its_issuing_body_words_and_title(store):
    mid = create_meeting(store, at=T0, unit=unit_by_code(BA_DON), day=date(2026, 3, 5))
    d = meeting_details(store, mid)
    assert d.issuing_body == "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN"
    assert (d.unit_kind, d.unit_name, d.province, d.unit_code) == ("phường", "Ba Đồn", "tỉnh Quảng Trị", BA_DON)
    assert d.residential == "tổ dân phố"
    assert (
        d.title == "Hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân phường Ba Đồn với Nhân dân phường Ba Đồn năm 2026"
    )
    assert [g.name for g in d.groups] == ["Đại biểu phường", "Đại biểu tổ dân phố", "Đại diện Nhân dân"]
    assert d.notice_recipients[0] == "Thường trực Đảng ủy phường (b/c)"
    assert d.notice_recipients[-1] == "Tổ trưởng các tổ dân phố (niêm yết)"


def test_an_issuing_body_typed_by_hand_sets_the_unit_and_choosing_a_unit_rewrites_it(store, clock):
    mid = create_meeting(store, at=T0, issuing_body="UBND xã Hòa An")
    d = meeting_details(store, mid)
    assert (d.issuing_body, d.unit_kind, d.unit_name, d.residential) == (
        "ỦY BAN NHÂN DÂN XÃ HÒA AN",
        "xã",
        "Hòa An",
        "thôn",
    )
    # Typed by hand in the particulars: the unit follows, and so do the unit's usual words.
    update_details(store, mid, d.edit(issuing_body="ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN"), at=clock())
    d = meeting_details(store, mid)
    assert (d.unit_kind, d.unit_name, d.province, d.unit_code) == ("phường", "Ba Đồn", "tỉnh Quảng Trị", BA_DON)
    assert d.residential == "tổ dân phố"  # it was still the xã's usual word
    assert d.notice_recipients[0] == "Thường trực Đảng ủy phường (b/c)"  # it was still the usual list
    # A unit chosen by its code: the issuing body is rewritten.
    update_details(store, mid, d.edit(unit_code="21548"), at=clock())
    d = meeting_details(store, mid)
    assert (d.issuing_body, d.unit_kind, d.residential) == ("ỦY BAN NHÂN DÂN ĐẶC KHU LÝ SƠN", "đặc khu", "thôn")
    # A unit typed by hand, field by field: the issuing body follows too.
    update_details(store, mid, d.edit(unit_kind="Xã", unit_name="Mường Nhé", province="dien bien"), at=clock())
    d = meeting_details(store, mid)
    assert (d.issuing_body, d.unit_code, d.province) == ("ỦY BAN NHÂN DÂN XÃ MƯỜNG NHÉ", "3160", "tỉnh Điện Biên")


def test_words_the_secretary_chose_are_not_replaced_when_the_unit_changes(store, clock):
    mid = create_meeting(store, at=T0, issuing_body="ỦY BAN NHÂN DÂN XÃ HÒA AN", residential="bản")
    d = meeting_details(store, mid)
    update_details(store, mid, d.edit(notice_recipients=("Như trên",)), at=clock())
    update_details(store, mid, meeting_details(store, mid).edit(issuing_body="UBND PHƯỜNG BA ĐỒN"), at=clock())
    d = meeting_details(store, mid)
    assert d.residential == "bản" and d.notice_recipients == ("Như trên",)


def test_an_issuing_body_that_names_no_unit_is_refused_with_the_expected_form(store, clock):
    mid = create_meeting(store, at=T0, issuing_body="ỦY BAN NHÂN DÂN XÃ HÒA AN")
    before = meeting_details(store, mid)
    with pytest.raises(HoinghiError) as err:
        update_details(store, mid, before.edit(issuing_body="VĂN PHÒNG HĐND VÀ UBND"), at=clock())
    assert err.value.code == "unit.unparsed"
    assert meeting_details(store, mid) == before
    with pytest.raises(HoinghiError):
        create_meeting(store, at=T0, issuing_body="Phòng Kinh tế")


def test_a_meeting_copies_the_office_settings_and_keeps_them(store, clock):
    update_settings(store, at=clock(), notice_signer_title="PHÓ CHỦ TỊCH", body_pt="13", unit_code=BA_DON)
    first = create_meeting(store, at=T0, title="Lần 1")
    assert meeting_details(store, first).issuing_body == "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN"  # the office's unit
    update_settings(store, at=clock(), notice_signer_title="CHỦ TỊCH", body_pt=14)
    second = create_meeting(store, at=T0, title="Lần 2")
    assert (meeting_details(store, first).notice_signer_title, meeting_details(store, first).body_pt) == (
        "PHÓ CHỦ TỊCH",
        13.0,
    )
    assert (meeting_details(store, second).notice_signer_title, meeting_details(store, second).body_pt) == (
        "CHỦ TỊCH",
        14.0,
    )


@pytest.mark.parametrize(
    ("name", "value", "code"),
    [
        ("body_pt", "abc", "settings.bad_number"),
        ("body_pt", "16", "settings.out_of_range"),
        ("body_pt", "12", "settings.out_of_range"),
        ("margin_left_mm", "25", "settings.out_of_range"),
        ("margin_right_mm", "21", "settings.out_of_range"),
        ("margin_top_mm", "19,5", "settings.out_of_range"),
        ("issuing_body", "Phòng Kinh tế", "unit.unparsed"),
        ("unit_code", "0", "unit.unknown_code"),
    ],
)
def test_settings_outside_the_decree_are_refused_with_the_allowed_range(store, clock, name, value, code):
    from session.i18n import error_text

    before = get_settings(store)
    with pytest.raises(HoinghiError) as err:
        update_settings(store, at=clock(), **{name: value})
    assert err.value.code == code
    if name in ("body_pt", "margin_left_mm"):
        low, high = {"body_pt": ("13", "14"), "margin_left_mm": ("30", "35")}[name]
        assert f"{low}" in error_text(err.value) and f"{high}" in error_text(err.value)
    assert get_settings(store) == before


def test_numbers_are_parsed_when_set_and_a_bad_stored_value_never_stops_an_export(store, finished_id, clock, tmp_path):
    import json

    from exports.run import export
    from models.tables import Setting

    assert update_settings(store, at=clock(), body_pt="13,5").body_pt == 13.5
    with store.action("test.corrupt", at=clock()) as tx:
        tx.get(Setting, "office").value = json.dumps({"body_pt": "1" * 5000, "margin_left_mm": "abc"})
    assert get_settings(store).body_pt == 14.0  # ignored, the default stands
    with store.action("test.corrupt", at=clock(), meeting_id=finished_id) as tx:
        from models.tables import Meeting

        tx.get(Meeting, finished_id).body_pt = 99.0
    assert export(store, finished_id, "minutes", tmp_path / "bb.docx", today=date(2026, 3, 9))


def test_the_command_line_chooses_the_unit_and_sets_the_printed_particulars(db_path):
    run = CliRunner().invoke
    made = run(main, ["--lang", "vi", "new", "--db", str(db_path), "--unit", "ba don", "--residential", "tdp, khu phố"])
    assert made.exit_code == 0, made.output
    mid = made.stdout.strip()
    ambiguous = run(main, ["--lang", "vi", "new", "--db", str(db_path), "--unit", "tan phu"])
    assert ambiguous.exit_code == 1 and "khớp 6 đơn vị" in ambiguous.output and "--province" in ambiguous.output
    picked = run(main, ["--lang", "vi", "new", "--db", str(db_path), "--unit", "tan phu", "--province", "dong nai"])
    assert picked.exit_code == 0, picked.output
    listed = run(main, ["units", "ly son"])
    assert listed.output.splitlines()[0].split() == ["21548", "Đặc", "khu", "Lý", "Sơn", "—", "tỉnh", "Quảng", "Ngãi"]
    changed = run(
        main,
        [
            "--lang", "vi", "details", "--db", str(db_path), "--meeting", mid,
            "--set", "issuing_body=ỦY BAN NHÂN DÂN ĐẶC KHU LÝ SƠN",
            "--set", "notice_date=12/03/2026",
            "--set", "notice_recipients=Như trên;Sở Nội vụ tỉnh Quảng Ngãi (b/c)",
        ],
    )  # fmt: skip
    assert changed.exit_code == 0, changed.output
    shown = particulars(changed.output)
    assert shown["unit_kind"] == "đặc khu" and shown["notice_date"] == "12/03/2026"
    assert shown["notice_recipients"] == "Như trên; Sở Nội vụ tỉnh Quảng Ngãi (b/c)"
    refused = run(main, ["--lang", "vi", "details", "--db", str(db_path), "--meeting", mid, "--set", "body_pt=16"])
    assert refused.exit_code == 1 and "từ 13 đến 14" in refused.output
    from models.store import Store

    store = Store.open(str(db_path))
    assert meeting_view(store, int(mid)).notice_date == date(2026, 3, 12)
    store.close()


@pytest.mark.parametrize(
    ("kind", "cluster", "said"),
    [
        ("phường", "Chí Linh 1", "tổ dân phố Chí Linh 1"),
        ("phường", "Minh Hòa, Xuân Kiều", "các tổ dân phố Minh Hòa, Xuân Kiều"),
        ("phường", "Tổ dân phố Minh Hòa, Khu phố Châu Hòa", "tổ dân phố Minh Hòa, khu phố Châu Hòa"),
        ("xã", "Nà Pàn, Bản Chu", "các thôn Nà Pàn, Bản Chu"),
        ("phường", "", ""),
    ],
)
def test_the_residential_units_of_a_meeting_inside_a_sentence(kind, cluster, said):
    """ "…với Nhân dân các tổ dân phố Minh Hòa, Xuân Kiều": the residential word is a common
    noun (lower case) and several units are "các …"."""
    from session.domain.units import place_of

    assert place_of(kind, "Ba Đồn", cluster=cluster).cluster_in_sentence == said


def test_a_locality_under_its_residential_word_shows_the_part_that_tells_it_apart():
    """In the list's column headed "Tổ dân phố", "Tổ dân phố Chí Linh 1" and "… 2" read
    "Chí Linh 1" and "Chí Linh 2" (cut to the width, both read "Tổ dân phố Chí …")."""
    from session.domain.units import place_of

    ward = place_of("phường", "Ba Đồn")
    assert ward.residential_label == "Tổ dân phố"
    assert ward.locality_under_label("Tổ dân phố Chí Linh 1") == "Chí Linh 1"
    assert ward.locality_under_label("tổ dân phố  Chí Linh 2") == "Chí Linh 2"
    assert ward.locality_under_label("Tổ dân phố") == "Tổ dân phố"  # nothing else to show
    assert ward.locality_under_label("Số 12 Lê Lợi") == "Số 12 Lê Lợi"
    assert place_of("xã", "Hòa An").locality_under_label("Thôn Nà Pàn") == "Nà Pàn"
