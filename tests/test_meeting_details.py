"""A meeting's particulars: chair, secretary, document numbers, attendance by group."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlmodel import select
from textual.widgets import Input

from models.errors import Conflict, HoinghiError, TextError
from models.tables import Event
from session.domain.meeting_details import Attendance, meeting_details, update_details
from session.domain.meetings import create_meeting, meeting_view
from session.tui.app import HoinghiApp
from tests.cli import particulars
from tests.conftest import T0, desk

HOA_AN = {"issuing_body": "ỦY BAN NHÂN DÂN XÃ HÒA AN", "residential": "thôn, tổ dân phố"}


@pytest.fixture
def mid(store) -> int:
    return create_meeting(store, at=T0, title="Đối thoại", day=date(2026, 3, 5), start=time(7, 30), **HOA_AN)


def _events(store) -> list[Event]:
    with store.read() as s:
        return s.exec(select(Event).order_by(Event.id)).all()


def test_particulars_and_attendance_round_trip_in_one_action(store, mid, clock):
    before = meeting_details(store, mid)
    assert [g.name for g in before.groups] == ["Đại biểu xã", "Đại biểu thôn, tổ dân phố", "Đại diện Nhân dân"]
    events = len(_events(store))
    groups = [
        Attendance(g.name, expected, present, g.id)
        for g, (expected, present) in zip(before.groups, [(20, 18), (16, 15), (24, 22)], strict=True)
    ]
    draft = before.edit(
        chair="Hoàng Văn Thắng",
        chair_title="Chủ tịch UBND xã",
        secretary="Nông Thị Duyên",
        secretary_title="Công chức Văn phòng - Thống kê",
        minutes_number="12",
        notice_number="15",
        planned_start=time(8, 0),
        groups=(*groups, Attendance("Khách mời", "5", "4")),  # typed numbers arrive as text
    )
    assert update_details(store, mid, draft, at=clock(), expected=before) is True
    after = meeting_details(store, mid)
    assert (after.chair, after.chair_title, after.secretary) == (
        "Hoàng Văn Thắng",
        "Chủ tịch UBND xã",
        "Nông Thị Duyên",
    )
    assert (after.minutes_number, after.notice_number) == ("12", "15")
    assert [(g.name, g.expected, g.present) for g in after.groups][-1] == ("Khách mời", 5, 4)
    assert sum(g.present for g in after.groups) == 59
    view = meeting_view(store, mid)
    assert (view.planned_start, view.planned_end) == (time(8, 0), time(11, 30))  # the 210 minutes kept
    new_events = _events(store)[events:]
    assert [e.action for e in new_events] == ["meeting.details"]
    # Saving the same again changes nothing and writes nothing.
    assert update_details(store, mid, after, at=clock()) is False
    assert len(_events(store)) == events + 1


def test_undo_puts_the_particulars_back(store, mid, clock):
    before = meeting_details(store, mid)
    desk(store, mid, clock).update_details(before.edit(chair="Hoàng Văn Thắng", groups=before.groups[:2]))
    assert len(meeting_details(store, mid).groups) == 2
    desk(store, mid, clock).undo()
    assert meeting_details(store, mid) == before


@pytest.mark.parametrize(
    ("change", "error", "code"),
    [
        ({"title": "  "}, TextError, "text.empty"),
        ({"minutes_number": "1" * 60}, TextError, "text.too_long"),
        ({"groups": (Attendance("Đại biểu xã", "hai mươi", 0),)}, HoinghiError, "attendance.number"),
        ({"groups": (Attendance("Đại biểu xã", -1, 0),)}, HoinghiError, "attendance.number"),
        (
            {"groups": (Attendance("Đại biểu xã", 1, 1), Attendance("đại biểu XÃ", 1, 1))},
            HoinghiError,
            "attendance.duplicate",
        ),
        ({"groups": (Attendance("", 3, 0),)}, HoinghiError, "attendance.unnamed"),
    ],
)
def test_bad_particulars_are_refused_and_nothing_is_written(store, mid, clock, change, error, code):
    before = meeting_details(store, mid)
    events = len(_events(store))
    with pytest.raises(error) as caught:
        update_details(store, mid, before.edit(**change), at=clock())
    assert caught.value.code == code
    assert meeting_details(store, mid) == before and len(_events(store)) == events


def test_a_change_made_on_another_screen_is_not_overwritten(store, mid, clock):
    opened = meeting_details(store, mid)
    update_details(store, mid, opened.edit(chair="Hoàng Văn Thắng"), at=clock())  # another screen
    with pytest.raises(Conflict):
        update_details(store, mid, opened.edit(secretary="Nông Thị Duyên"), at=clock(), expected=opened)
    assert meeting_details(store, mid).chair == "Hoàng Văn Thắng"
    assert meeting_details(store, mid).secretary == ""


async def test_the_secretary_fills_the_particulars_by_keys_and_the_minutes_print_them(store, mid, clock, tmp_path):
    from docx import Document

    from exports.run import export

    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert app.focused.id == "d-title"  # the form opens on its first field
        await pilot.press(*["tab"] * 8)  # venue, place, invitation no., date, start, issuing and parent body
        assert app.focused.id == "d-chair"
        await pilot.press(*"Hoàng Văn Thắng", "tab", *"Chủ tịch UBND xã", "tab", "tab", "tab")
        await pilot.press(*"Nông Thị Duyên", "tab", *"Công chức Văn phòng - Thống kê", "tab", *"12", "tab", "tab")
        assert app.focused.id == "g-name-0"
        await pilot.press(
            "tab", *"20", "tab", *"18", "tab", "tab", *"16", "tab", *"15", "tab", "tab", *"24", "tab", *"22"
        )
        await pilot.press("tab", *"Khách mời", "tab", "5", "tab", "4")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "LiveScreen"
        # A row with numbers but no name: refused in the form, which keeps what was typed.
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#g-expected-5", Input).value = "3"
        app.screen.set_focus(app.screen.query_one("#g-expected-5", Input))
        await pilot.press("enter")
        await pilot.pause()
        assert "chưa có tên" in str(app.screen.query_one("#form-error").render())
        assert app.screen.query_one("#d-chair", Input).value == "Hoàng Văn Thắng"
        await pilot.press("escape")
    details = meeting_details(store, mid)
    assert details.minutes_number == "12"
    assert [(g.name, g.expected, g.present) for g in details.groups] == [
        ("Đại biểu xã", 20, 18),
        ("Đại biểu thôn, tổ dân phố", 16, 15),
        ("Đại diện Nhân dân", 24, 22),
        ("Khách mời", 5, 4),
    ]
    written = export(store, mid, "minutes", tmp_path, today=clock().date())
    text = "\n".join(p.text for p in Document(str(written[0])).paragraphs)
    assert "Số: 12/BB-UBND" in "\n".join(c.text for t in Document(str(written[0])).tables for c in t._cells) + text
    assert "- Khách mời: có mặt 4/5 người được mời." in text
    assert "Tổng số: có mặt 59/65 người được mời." in text
    assert "Chủ trì hội nghị: đồng chí Hoàng Văn Thắng – Chủ tịch UBND xã." in text
    assert "Thư ký hội nghị: đồng chí Nông Thị Duyên – Công chức Văn phòng - Thống kê." in text


def test_the_command_line_sets_particulars_and_attendance(db_path, clock):
    from click.testing import CliRunner

    from models.store import Store
    from session.cli import main

    store = Store.open(str(db_path))
    mid = create_meeting(store, at=T0, title="Đối thoại", day=date(2026, 3, 5), **HOA_AN)
    store.close()
    run = CliRunner().invoke
    result = run(
        main,
        ["--lang", "vi", "details", "--db", str(db_path), "--meeting", str(mid), "--set", "chair=Hoàng Văn Thắng",
         "--set", "date=06/03/2026", "--group", "Đại biểu xã=18/20", "--group", "Khách mời=4/5",
         "--group", "Đại diện Nhân dân="],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    shown = particulars(result.output)
    assert shown["chair"] == "Hoàng Văn Thắng" and "Chủ trì" in result.output  # labelled as the form labels it
    assert shown["group:Khách mời"] == "4/5" and "group:Đại diện Nhân dân" not in shown
    bad = run(main, ["--lang", "vi", "details", "--db", str(db_path), "--group", "Khách mời=bốn/5"])
    assert bad.exit_code == 1 and "số người “bốn” không hợp lệ" in bad.output and "Traceback" not in bad.output
    for spec in ("Khách mời", "=4/5"):  # no "=", or no group: refused, never ignored
        unread = run(main, ["--lang", "vi", "details", "--db", str(db_path), "--group", spec])
        assert unread.exit_code == 1 and f"--group “{spec}”: hãy ghi TÊN NHÓM=CÓ MẶT/ĐƯỢC MỜI" in unread.output
    store = Store.open(str(db_path))
    details = meeting_details(store, mid)
    store.close()
    assert details.planned_date == date(2026, 3, 6)
    assert [(g.name, g.present, g.expected) for g in details.groups] == [
        ("Đại biểu xã", 18, 20),
        ("Đại biểu thôn, tổ dân phố", 0, 0),
        ("Khách mời", 4, 5),
    ]


def test_a_held_meeting_with_no_attendance_typed_is_flagged_with_its_documents(store, demo_id, clock, tmp_path):
    """The minutes would print "có mặt 0/60" as a fact: the export says so first (the
    dialog and the command line), until someone types how many came."""
    from click.testing import CliRunner

    from session.cli import main
    from session.domain.meeting_details import attendance_missing

    mid = demo_id
    assert not attendance_missing(store, mid)  # before the meeting: nothing to count yet
    desk(store, mid, clock).start_meeting()
    assert attendance_missing(store, mid)
    result = CliRunner().invoke(
        main, ["--db", store.url, "export", "minutes", "--meeting", str(mid), "--out", str(tmp_path) + "/"]
    )
    assert result.exit_code == 0, result.output
    assert "Chưa nhập số người có mặt" in result.stderr
    details = meeting_details(store, mid)
    update_details(store, mid, details.edit(groups=(Attendance("Đại biểu", 20, 18),)), at=clock())
    assert not attendance_missing(store, mid)
