"""A ward's plan with three cluster meetings, as the tests of plans, invitations and the
briefing need it: phường Ba Đồn, tổ dân phố clusters, named invitees, compiled petitions."""

from __future__ import annotations

from datetime import date, datetime, time

from models.store import Store
from session.domain.meeting_details import meeting_details, update_details
from session.domain.meetings import create_meeting
from session.domain.participants import ParticipantDraft, add_participants
from session.domain.plans import PlanDraft, create_plan
from session.domain.registrations import Slip
from tests.conftest import desk

AT = datetime(2026, 2, 2, 9, 0)
CLUSTERS = (
    (date(2026, 3, 12), "Tổ dân phố Chí Linh 1, Chí Linh 2, Chí Linh 3", "Nhà văn hóa tổ dân phố Chí Linh 2"),
    (date(2026, 3, 19), "Tổ dân phố Quyết Thắng, Quyết Tiến", "Nhà văn hóa tổ dân phố Quyết Thắng"),
    (date(2026, 3, 26), "Khu phố Minh Lợi, Minh Đức", "Hội trường khu phố Minh Lợi"),
)
INVITEES = [
    ParticipantDraft("Nguyễn Văn Hùng", "Chủ tịch", "UBND phường", "Đại biểu phường", "chair"),
    ParticipantDraft("Đỗ Thị Hoa", "Phó Chủ tịch", "HĐND phường", "Đại biểu phường", "co_chair"),
    ParticipantDraft("Lê Thị Bình", "Trưởng phòng", "Phòng Kinh tế, Hạ tầng và Đô thị", "Đại biểu phường", "answerer"),
    ParticipantDraft("Võ Văn Dũng", "Trưởng Công an", "Công an phường", "Đại biểu phường", "answerer"),
    ParticipantDraft("Trần Văn Cường", "Tổ trưởng", "Tổ dân phố Chí Linh 1", "Đại biểu tổ dân phố", "delegate"),
    ParticipantDraft("Phạm Thị Lan", "Chi hội trưởng Phụ nữ", "Tổ dân phố Chí Linh 2", "Đại biểu tổ dân phố"),
]
PETITIONS = [
    Slip(
        "Hoàng Văn Páo",
        "Tổ dân phố Chí Linh 1",
        field="đất đai",
        summary="Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho 5 hộ, liên hệ 0912 345 678.",
        source="precompiled",
    ),
    Slip(
        "Lăng Thị Mỵ",
        "Tổ dân phố Chí Linh 2",
        field="giao thông",
        summary="Đường bê tông ngõ 12 xuống cấp, đề nghị sửa chữa.",
        source="precompiled",
    ),
    Slip(
        "Nguyễn Văn Đức",
        "Tổ dân phố Chí Linh 3",
        field="đất đai",
        summary="Đề nghị công khai quy hoạch khu dân cư mới.",
        source="precompiled",
    ),
]


def ward_plan(store: Store) -> tuple[int, list[int]]:
    """The plan and its three meetings; the first has its invitees, chair and petitions."""
    with store.action("plan.create", at=AT, actor="office") as tx:
        plan = create_plan(
            tx,
            PlanDraft(
                title="Tổ chức hội nghị đối thoại giữa Chủ tịch UBND phường với Nhân dân năm 2026",
                year=2026,
                number="45/KH-UBND",
                issued_on=date(2026, 1, 20),
                unit="phường Ba Đồn",
            ),
            at=AT,
        )
    meetings = [
        create_meeting(
            store,
            at=AT,
            title="Hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân phường với Nhân dân",
            venue=venue,
            place="Ba Đồn",
            day=day,
            start=time(7, 30),
            issuing_body="ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN",
            plan_id=plan,
            localities=localities,
        )
        for day, localities, venue in CLUSTERS
    ]
    first = meetings[0]
    details = meeting_details(store, first)
    update_details(
        store,
        first,
        details.edit(chair="Nguyễn Văn Hùng", chair_title="Chủ tịch UBND phường", invitation_number="18"),
        at=AT,
    )
    with store.action("participant.import", at=AT, meeting_id=first, actor="office") as tx:
        add_participants(tx, first, INVITEES)
    desk(store, first, AT).register_many(PETITIONS)
    return plan, meetings


def commune_meeting(store: Store) -> int:
    """A xã meeting in no plan, with one invitee."""
    meeting = create_meeting(
        store,
        at=AT,
        title="Hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân xã với Nhân dân năm 2026",
        venue="Nhà văn hóa xã Điềm He",
        place="Điềm He",
        day=date(2026, 5, 14),
        start=time(8, 0),
        issuing_body="ỦY BAN NHÂN DÂN XÃ ĐIỀM HE",
    )
    with store.action("participant.add", at=AT, meeting_id=meeting, actor="office") as tx:
        add_participants(tx, meeting, [ParticipantDraft("Lý Thị Dương", "Chủ tịch", "UBND xã", "Đại biểu xã", "chair")])
    return meeting
