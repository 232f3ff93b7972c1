"""The invitation list: people entered or imported, ticked at the door, their groups
counted, and the officials among them offered to answer."""

from __future__ import annotations

import csv
from datetime import date, datetime, time

import pytest
from openpyxl import Workbook
from sqlmodel import select

from models.attendance import AttendanceGroup
from models.errors import Conflict, HoinghiError
from session.domain.answers import answerers
from session.domain.duties import undo_office
from session.domain.meeting_details import meeting_details
from session.domain.meetings import create_meeting
from session.domain.participants import (
    ParticipantDraft,
    add_participant,
    add_participants,
    edit_participant,
    find,
    participants,
    remove_participant,
    role_of,
    set_present,
)
from session.domain.participants_reader import read_participants
from session.i18n import row_error_text

AT = datetime(2026, 3, 12, 7, 5)
PHUONG = "Đại biểu phường"
TDP = "Đại biểu tổ dân phố"


@pytest.fixture
def meeting(store) -> int:
    return create_meeting(store, at=AT, title="Hội nghị đối thoại", day=date(2026, 3, 12), start=time(7, 30))


def add(store, meeting_id: int, *drafts: ParticipantDraft) -> list[int]:
    with store.action("participant.add", at=AT, meeting_id=meeting_id, actor="office") as tx:
        return add_participants(tx, meeting_id, drafts)


def tick(store, meeting_id: int, person: int, present: bool = True) -> None:
    with store.action("participant.present", at=AT, meeting_id=meeting_id, actor="office") as tx:
        set_present(tx, person, present, at=AT)


def groups(store, meeting_id: int) -> dict[str, tuple[int, int]]:
    return {g.name: (g.present, g.expected) for g in meeting_details(store, meeting_id).groups}


def test_people_are_listed_in_the_order_entered_with_their_roles(store, meeting):
    add(
        store,
        meeting,
        ParticipantDraft("Nguyễn Văn Hùng", "Chủ tịch", "UBND phường", PHUONG, "chủ trì"),
        ParticipantDraft("Lê Thị Bình", "Trưởng phòng", "Phòng Kinh tế", PHUONG, "trả lời"),
        ParticipantDraft("Trần Văn Cường", "Tổ trưởng", "Tổ dân phố 1", TDP),
    )
    people = participants(store, meeting)
    assert [(p.position, p.name, p.role, p.present) for p in people] == [
        (1, "Nguyễn Văn Hùng", "chair", False),
        (2, "Lê Thị Bình", "answerer", False),
        (3, "Trần Văn Cường", "delegate", False),
    ]
    assert [p.name for p in find(people, "cuong")] == ["Trần Văn Cường"]
    assert [p.name for p in find(people, "phong kinh te")] == ["Lê Thị Bình"]


@pytest.mark.parametrize(
    ("word", "role"),
    [
        ("Chủ trì", "chair"),
        ("đồng chủ trì", "co_chair"),
        ("Báo cáo", "presenter"),
        ("", "delegate"),
        ("official", "answerer"),
    ],
)
def test_roles_can_be_written_in_vietnamese(word, role):
    assert role_of(word) == role


def test_the_same_person_twice_or_a_bad_role_adds_nobody(store, meeting):
    add(store, meeting, ParticipantDraft("Nguyễn Văn Hùng", "Chủ tịch", "UBND phường"))
    with pytest.raises(HoinghiError) as err:
        add(
            store,
            meeting,
            ParticipantDraft("Phạm Thị Lan", "", "Hội Phụ nữ"),
            ParticipantDraft("nguyễn văn hùng", "", "UBND PHƯỜNG"),
        )
    assert err.value.code == "participant.duplicate"
    with pytest.raises(HoinghiError) as err:
        add(store, meeting, ParticipantDraft("Phạm Thị Lan", role="thư ký riêng"))
    assert err.value.code == "participant.bad_role"
    assert [p.name for p in participants(store, meeting)] == ["Nguyễn Văn Hùng"]
    # The same name in another body is another person.
    add(store, meeting, ParticipantDraft("Nguyễn Văn Hùng", "Tổ trưởng", "Tổ dân phố 3"))
    assert len(participants(store, meeting)) == 2


def test_ticking_people_at_the_door_counts_them_in_their_group(store, meeting):
    hung, binh, _cuong = add(
        store,
        meeting,
        ParticipantDraft("Nguyễn Văn Hùng", group=PHUONG),
        ParticipantDraft("Lê Thị Bình", group="đại biểu PHƯỜNG"),  # the same group, typed otherwise
        ParticipantDraft("Trần Văn Cường", group=TDP),
    )
    # Groups the meeting did not have are created, expecting at least the people invited by name.
    assert groups(store, meeting)[PHUONG] == (0, 2) and groups(store, meeting)[TDP] == (0, 1)
    tick(store, meeting, hung)
    tick(store, meeting, binh)
    assert groups(store, meeting)[PHUONG] == (2, 2)
    with pytest.raises(Conflict):
        tick(store, meeting, hung)  # ticked twice: refused, counted once
    assert groups(store, meeting)[PHUONG] == (2, 2)
    tick(store, meeting, binh, present=False)
    assert groups(store, meeting)[PHUONG] == (1, 2)
    assert {p.name: p.arrived_at for p in participants(store, meeting) if p.present} == {"Nguyễn Văn Hùng": AT}
    # Moving a present person to another group moves their count; removing them takes it away.
    with store.action("participant.edit", at=AT, meeting_id=meeting, actor="office") as tx:
        edit_participant(tx, hung, ParticipantDraft("Nguyễn Văn Hùng", group=TDP))
    assert groups(store, meeting)[PHUONG][0] == 0 and groups(store, meeting)[TDP] == (1, 2)
    with store.action("participant.remove", at=AT, meeting_id=meeting, actor="office") as tx:
        remove_participant(tx, hung)
    assert groups(store, meeting)[TDP][0] == 0


def test_a_group_of_the_agenda_template_is_fed_by_the_names_in_it(store, meeting):
    with store.read() as s:
        template_groups = [g.name for g in s.exec(select(AttendanceGroup).where(AttendanceGroup.meeting_id == meeting))]
    assert "Đại diện Nhân dân" in template_groups
    [person] = add(store, meeting, ParticipantDraft("Hà Văn Sình", group="Đại diện nhân dân"))
    tick(store, meeting, person)
    assert groups(store, meeting)["Đại diện Nhân dân"][0] == 1
    assert len(groups(store, meeting)) == len(template_groups)  # no second group for the same name


def test_undo_takes_back_the_last_tick(store, meeting):
    [person] = add(store, meeting, ParticipantDraft("Nguyễn Văn Hùng", group=PHUONG))
    tick(store, meeting, person)
    assert undo_office(store, meeting, at=AT) == "participant.present"
    assert groups(store, meeting)[PHUONG][0] == 0
    assert not participants(store, meeting)[0].present


def test_the_answerer_picker_offers_every_official_on_the_list_in_its_order(store, meeting):
    from session.domain.meeting_details import update_details

    details = meeting_details(store, meeting)
    update_details(store, meeting, details.edit(chair="Nguyễn Văn Hùng", chair_title="Chủ tịch UBND phường"), at=AT)
    add(
        store,
        meeting,
        ParticipantDraft("Nguyễn Văn Hùng", "Chủ tịch", "UBND phường", role="chair"),
        ParticipantDraft("Lê Thị Bình", "Trưởng phòng", "Phòng Kinh tế", role="answerer"),
        ParticipantDraft("Võ Văn Dũng", "Trưởng Công an", "Công an phường", role="answerer"),
        ParticipantDraft("Trần Văn Cường", "Tổ trưởng", "Tổ dân phố 1"),
        ParticipantDraft("Đỗ Thị Hoa", "Phó Chủ tịch", "HĐND phường", role="co_chair"),
        ParticipantDraft("Mai Văn Tú", "Phó Chủ tịch", "UBND phường", role="presenter"),
    )
    offered = answerers(store, meeting)
    assert [a.name for a in offered] == ["Nguyễn Văn Hùng", "Lê Thị Bình", "Võ Văn Dũng", "Đỗ Thị Hoa", "Mai Văn Tú"]
    assert offered[0].by_chair and not any(a.by_chair for a in offered[1:])
    assert offered[1].title == "Trưởng phòng Kinh tế" and offered[1].agency == "Phòng Kinh tế"
    assert offered[2].title == "Trưởng Công an phường"  # the words title and body share, said once
    assert offered[3].title == "Phó Chủ tịch HĐND phường"


def test_a_title_and_its_body_share_their_common_words_once():
    from session.domain.answers import title_at

    assert title_at("Trưởng phòng", "Phòng Văn hóa - Xã hội") == "Trưởng phòng Văn hóa - Xã hội"
    assert title_at("Chánh Văn phòng", "Văn phòng HĐND và UBND xã") == "Chánh Văn phòng HĐND và UBND xã"
    assert title_at("Trạm trưởng", "Trạm Y tế xã") == "Trạm trưởng Trạm Y tế xã"
    assert title_at("Phó Chủ tịch UBND xã", "UBND xã") == "Phó Chủ tịch UBND xã"
    assert title_at("", "Công an xã") == "Công an xã" and title_at("Bí thư", "") == "Bí thư"


# --- reading a list from a spreadsheet -------------------------------------------------------


def invitation_sheet(path, rows=None):
    """Title rows, a header, section rows for each group, as offices make them."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws["A1"] = "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN"
    ws["A2"] = "DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ ĐỐI THOẠI"
    ws.merge_cells("A2:E2")
    ws.append([])
    ws.append(["STT", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị", "Vai trò"])
    for row in rows or [
        ["I", "ĐẠI BIỂU PHƯỜNG"],
        [1, "Nguyễn Văn Hùng", "Chủ tịch", "UBND phường", "Chủ trì"],
        [2, "Lê Thị Bình", "Trưởng phòng", "Phòng Kinh tế", "Trả lời"],
        ["II", "ĐẠI BIỂU TỔ DÂN PHỐ"],
        [3, "Trần Văn Cường", "Tổ trưởng", "Tổ dân phố Chí Linh 1", None],
        [None, None, None, None, None],
        [4, "Phạm Thị Lan", "Chi hội trưởng", "Chi hội Phụ nữ TDP Chí Linh 2", ""],
    ]:
        ws.append(row)
    wb.save(path)
    return path


def test_a_list_with_title_rows_and_group_sections_is_read(tmp_path):
    sheet = read_participants(invitation_sheet(tmp_path / "moi.xlsx"))
    assert (sheet.sheet, sheet.header_row, sheet.problems) == ("Danh sách", 4, [])
    assert [(r.row, r.draft.name, r.draft.group, r.draft.role) for r in sheet.rows] == [
        (6, "Nguyễn Văn Hùng", "Đại biểu phường", "chair"),
        (7, "Lê Thị Bình", "Đại biểu phường", "answerer"),
        (9, "Trần Văn Cường", "Đại biểu tổ dân phố", "delegate"),
        (11, "Phạm Thị Lan", "Đại biểu tổ dân phố", "delegate"),
    ]


def test_bad_rows_are_reported_by_their_row_number(tmp_path):
    path = invitation_sheet(
        tmp_path / "loi.xlsx",
        rows=[
            [1, "Nguyễn Văn Hùng", "Chủ tịch", "UBND phường", "chủ xị"],
            [2, None, "Trưởng phòng", "Phòng Kinh tế", ""],
            [3, "X" * 200, "", "", ""],
        ],
    )
    sheet = read_participants(path)
    messages = [row_error_text(p.row, p.code, p.params) for p in sheet.problems]
    assert [p.row for p in sheet.problems] == [5, 6, 7]
    assert messages[0].startswith("Dòng 5: ") and "chủ xị" in messages[0]
    assert "Họ và tên" in messages[1] and "quá dài" in messages[2]


def test_a_csv_list_is_read_too_and_a_file_without_names_is_refused(tmp_path):
    path = tmp_path / "ds.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["TT", "Họ tên", "Chức danh", "Đơn vị", "Thành phần"])
        writer.writerow(["1", "Nguyễn Văn Hùng", "Chủ tịch", "UBND phường", PHUONG])
    [row] = read_participants(path).rows
    assert (row.draft.name, row.draft.organisation, row.draft.group) == ("Nguyễn Văn Hùng", "UBND phường", PHUONG)
    nameless = tmp_path / "khong.csv"
    nameless.write_text("STT,Nội dung\n1,abc\n", encoding="utf-8")
    with pytest.raises(HoinghiError) as err:
        read_participants(nameless)
    assert err.value.code == "participant.no_header"
    with pytest.raises(HoinghiError) as err:
        read_participants(tmp_path / "ds.docx")
    assert err.value.code == "import.missing"


def test_an_imported_list_is_added_in_one_action(store, meeting, tmp_path):
    sheet = read_participants(invitation_sheet(tmp_path / "moi.xlsx"))
    with store.action("participant.import", at=AT, meeting_id=meeting, actor="office") as tx:
        add_participants(tx, meeting, [r.draft for r in sheet.rows])
    assert len(participants(store, meeting)) == 4
    assert groups(store, meeting)["Đại biểu phường"] == (0, 2)
    assert undo_office(store, meeting, at=AT) == "participant.import"
    assert participants(store, meeting) == []


def test_one_person_entered_from_the_form(store, meeting):
    with store.action("participant.add", at=AT, meeting_id=meeting, actor="office") as tx:
        add_participant(tx, meeting, ParticipantDraft("  Nguyễn\u00a0Văn  Hùng ", "Chủ tịch"))
    assert participants(store, meeting)[0].name == "Nguyễn Văn Hùng"
    with pytest.raises(HoinghiError) as err:
        with store.action("participant.add", at=AT, meeting_id=meeting, actor="office") as tx:
            add_participant(tx, meeting, ParticipantDraft("   "))
    assert err.value.code == "text.empty"
