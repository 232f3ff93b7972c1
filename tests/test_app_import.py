"""The import screen (I on the registration list), driven by keys: a ward's Word report,
a workbook with two lists, a column placed by hand, duplicates imported only when asked."""

from __future__ import annotations

from textual.widgets import Checkbox, Select

from session.domain.meetings import create_meeting
from session.domain.registrations import list_registrations
from session.tui.app import HoinghiApp
from tests.conftest import T0
from tests.sheets import compiled_list, ward_list_docx, ward_list_xlsx


def summary(app) -> str:
    return str(app.screen.query_one("#import-summary").render())


async def read(app, pilot, path) -> None:
    """Put the path in its field (as a paste does) and press Enter; wait for the preview."""
    field = app.screen.query_one("#import-path")
    field.focus()
    field.value = str(path)
    await pilot.press("enter")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def press_button(app, pilot, button_id: str) -> None:
    """Tab to a button and press Enter (the screen is keyboard-first)."""
    for _ in range(30):
        if app.focused is not None and app.focused.id == button_id:
            break
        await pilot.press("tab")
    assert app.focused.id == button_id
    await pilot.press("enter")
    await pilot.pause()


async def test_a_wards_word_report_previewed_and_imported_by_keys(store, clock, tmp_path):
    mid = create_meeting(store, at=T0, title="Đối thoại")
    report = ward_list_docx(tmp_path / "bao-cao.docx")
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(120, 44)) as pilot:
        await pilot.press("d", "i")
        await pilot.pause()
        await read(app, pilot, report)
        text = summary(app)
        assert "Cột 3 “Tổ dân phố, khu phố” → Địa chỉ, nơi ở" in text
        assert "Cột 7 “Cơ quan giải quyết” → không dùng" in text
        assert "Bảng 1, dòng 3: dòng đánh số cột" in text
        assert "Bảng 1, dòng 4: tên nhóm: lĩnh vực “đất đai”" in text
        assert "Bảng 1, dòng 9: Phạm Thị Lan – Khu phố 3 – môi trường" in text
        assert not app.screen.query_one("#run").disabled
        await press_button(app, pilot, "run")
        assert "Đã nhập 3 người đăng ký" in summary(app)
        await pilot.press("escape")
        await pilot.pause()
    assert [(r.name, r.locality, r.field) for r in list_registrations(store, mid)] == [
        ("Trần Thị Hoa", "TDP Chí Linh 1", "đất đai"),
        ("Lê Văn Bình", "TDP Chí Linh 2", "đất đai"),
        ("Phạm Thị Lan", "Khu phố 3", "môi trường"),
    ]


async def test_choosing_the_sheet_and_placing_a_column_by_hand(store, clock, tmp_path):
    from openpyxl import load_workbook

    mid = create_meeting(store, at=T0, title="Đối thoại")
    path = ward_list_xlsx(tmp_path / "hai-trang.xlsx")
    wb = load_workbook(path)
    second = wb.create_sheet("Đợt 2")
    second.append(["Họ và tên", "Nơi công tác", "Nội dung"])
    second.append(["Đinh Văn Quý", "Trường tiểu học", "Thiếu phòng học"])
    wb.save(path)
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(120, 44)) as pilot:
        await pilot.press("d", "i")
        await pilot.pause()
        await read(app, pilot, path)
        assert "Có nhiều trang chứa danh sách (Tổng hợp, Đợt 2)" in summary(app)
        assert app.screen.query_one("#run").disabled
        grids = app.screen.query_one("#import-grid", Select)
        assert grids.display
        grids.focus()
        await pilot.press("enter", "down", "down", "enter")  # open, move to "Đợt 2", choose
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = summary(app)
        assert "Cột B “Nơi công tác” → không dùng" in text and "Sẽ nhập 1 kiến nghị" in text
        # The unknown column B is the speaker's organisation: place it by hand.
        organisation = app.screen.query_one("#map-organisation", Select)
        organisation.focus()
        await pilot.press("enter", "down", "down", "enter")  # (không dùng), A, B
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Cột B “Nơi công tác” → Chức vụ, đơn vị (chọn bằng tay)" in summary(app)
        await press_button(app, pilot, "run")
        assert "Đã nhập 1 người đăng ký" in summary(app)
    [reg] = list_registrations(store, mid)
    assert (reg.name, reg.organisation) == ("Đinh Văn Quý", "Trường tiểu học")


async def test_duplicates_are_left_out_unless_the_box_is_ticked(store, clock, tmp_path):
    mid = create_meeting(store, at=T0, title="Đối thoại")
    path = compiled_list(tmp_path / "ds.xlsx")
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(120, 44)) as pilot:
        await pilot.press("d", "i")
        await pilot.pause()
        await read(app, pilot, path)
        await press_button(app, pilot, "run")
        await read(app, pilot, path)  # the same list again
        text = summary(app)
        assert "3 kiến nghị trùng" in text and "[đã có trong hội nghị, số 1]" in text
        assert app.screen.query_one("#run").disabled
        box = app.screen.query_one("#import-duplicates", Checkbox)
        box.focus()
        await pilot.press("space")
        await pilot.pause()
        assert box.value and not app.screen.query_one("#run").disabled
        await press_button(app, pilot, "run")
        assert "Đã nhập 3 người đăng ký" in summary(app)
    assert len(list_registrations(store, mid)) == 6


async def test_a_damaged_file_gets_a_sentence_on_screen(store, clock, tmp_path):
    mid = create_meeting(store, at=T0, title="Đối thoại")
    bad = tmp_path / "hong.xls"
    bad.write_bytes(b"not a workbook")
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(120, 44)) as pilot:
        await pilot.press("d", "i")
        await pilot.pause()
        await read(app, pilot, bad)
        assert summary(app).startswith("Tệp hong.xls bị hỏng hoặc không đúng định dạng")
        assert app.screen.query_one("#run").disabled
