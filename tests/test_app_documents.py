"""The unit and the documents, driven by keys: choosing the unit when creating a meeting and
in its particulars, and the notice's date in the export dialog with its legal limit."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Static

from session.domain.meeting_details import meeting_details
from session.domain.meetings import list_meetings, meeting_view
from session.tui.app import HoinghiApp


async def test_a_new_meeting_for_a_phuong_found_without_accents(store, clock):
    app = HoinghiApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.set_focus(app.screen.query_one("#unit-search", Input))
        await pilot.press(*"ba don")
        await pilot.pause()
        await pilot.press("enter")  # chooses the first match; does not create yet
        await pilot.pause()
        assert "Phường Ba Đồn — tỉnh Quảng Trị" in str(app.screen.query_one("#unit-chosen", Static).render())
        assert app.screen.query_one("#title", Input).value.endswith("phường Ba Đồn với Nhân dân phường Ba Đồn năm 2026")
        assert app.screen.query_one("#residential", Input).value == "tổ dân phố"
        app.screen.set_focus(app.screen.query_one("#cluster", Input))
        await pilot.press(*"Minh Hòa, Xuân Kiều", "enter")
        await pilot.pause()
    [meeting] = list_meetings(store)
    d = meeting_details(store, meeting.id)
    assert (d.issuing_body, d.unit_code, d.cluster) == ("ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN", "19009", "Minh Hòa, Xuân Kiều")
    # The title follows the tổ dân phố typed: whose meeting it is, and its year.
    assert d.title.endswith("phường Ba Đồn với Nhân dân các tổ dân phố Minh Hòa, Xuân Kiều năm 2026")


async def test_an_issuing_body_typed_in_the_new_meeting_form_names_the_unit(store, clock):
    app = HoinghiApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.set_focus(app.screen.query_one("#issuing-body", Input))
        await pilot.press(*"UBND xã Mường Nhé")
        await pilot.pause()
        assert "Xã Mường Nhé — tỉnh Điện Biên" in str(app.screen.query_one("#unit-chosen", Static).render())
        await pilot.press("enter")
        await pilot.pause()
    [meeting] = list_meetings(store)
    d = meeting_details(store, meeting.id)
    assert (d.issuing_body, d.province, d.residential) == ("ỦY BAN NHÂN DÂN XÃ MƯỜNG NHÉ", "tỉnh Điện Biên", "thôn")


async def test_choosing_a_unit_in_the_particulars_rewrites_the_issuing_body(store, demo_id, clock):
    app = HoinghiApp(store, meeting_id=demo_id, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        app.screen.set_focus(app.screen.query_one("#unit-search", Input))
        await pilot.press(*"ly son")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#d-issuing_body", Input).value == "ỦY BAN NHÂN DÂN ĐẶC KHU LÝ SƠN"
        assert app.screen.query_one("#d-unit_kind", Input).value == "đặc khu"
        app.screen.set_focus(app.screen.query_one("#d-notice_signer_name", Input))
        await pilot.press(*"Phạm Văn Hiền", "enter")
        await pilot.pause()
    d = meeting_details(store, demo_id)
    assert (d.issuing_body, d.unit_kind, d.unit_name, d.notice_signer_name) == (
        "ỦY BAN NHÂN DÂN ĐẶC KHU LÝ SƠN",
        "đặc khu",
        "Lý Sơn",
        "Phạm Văn Hiền",
    )
    assert d.residential == "thôn, tổ dân phố"  # chosen for the demo (not the old unit's default): kept
    assert d.notice_recipients[0] == "Thường trực Đảng ủy đặc khu (b/c)"


async def test_the_export_dialog_shows_the_legal_limit_and_warns_past_it(store, finished_id, clock, tmp_path):
    app = HoinghiApp(store, meeting_id=finished_id, clock=clock)
    day = meeting_view(store, finished_id).actual_start.date()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        limit = str(app.screen.query_one("#export-notice-limit", Static).render())
        assert "Điều 43" in limit and "⚠" not in limit
        app.screen.query_one("#export-folder", Input).value = str(tmp_path)
        late = date.fromordinal(day.toordinal() + 14)
        app.screen.set_focus(app.screen.query_one("#export-notice-date", Input))
        await pilot.press(*late.strftime("%d/%m/%Y"))
        await pilot.pause()
        warning = str(app.screen.query_one("#export-notice-limit", Static).render())
        assert "⚠" in warning and "14 ngày sau hội nghị" in warning
        await pilot.press("enter")  # a warning, not a refusal: the export runs
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert (tmp_path / f"thong-bao-ket-luan-{finished_id}-xa-hoa-an-04-03-2026.docx").exists()
    assert meeting_view(store, finished_id).notice_date == late
