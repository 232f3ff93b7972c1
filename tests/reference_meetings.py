"""Three reference meetings, one of each kind of unit, held through the domain as a
secretary would: a mountain xã with thôn and bản, a phường with tổ dân phố and khu phố
(held for a cluster of them), an đặc khu with thôn. Their documents are the golden texts.

Every case the documents must get right is in each: a group with no invited number,
group names in their own case, conclusions of every kind (the chair's words repeating the
outcome, naming the agency or not), a field corrected in the ledger, an issue outside the
meeting's content, a petition compiled before the meeting whose author did not come, an
issue left without a conclusion (closed with a reason), personal numbers typed in every
common way, more than six issues in one field (the letters run past đ).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from session.clock import FrozenClock
from session.domain.ledger import ConclusionDraft, ledger
from session.domain.meeting_details import Attendance, meeting_details, update_details
from session.domain.meetings import create_meeting
from session.domain.registrations import Slip
from session.domain.units import unit_by_code
from tests.conftest import desk

DAY = date(2026, 3, 5)
ISSUED = date(2026, 3, 9)


@dataclass(frozen=True)
class Reference:
    key: str
    unit_code: str
    residential: str
    cluster: str
    venue: str
    localities: tuple[str, ...]  # where the speakers live, as the desk typed it
    people_group: str  # the group with no invited number
    chair: tuple[str, str]
    secretary: tuple[str, str]


REFERENCES = {
    "xa-mien-nui": Reference(
        key="xa-mien-nui",
        unit_code="3160",  # Xã Mường Nhé, tỉnh Điện Biên
        residential="thôn, bản",
        cluster="",
        venue="Hội trường Trung tâm văn hóa xã Mường Nhé",
        localities=("Bản Nậm Là", "Bản Huổi Lếch", "Thôn Đoàn Kết", "Bản Nậm Vì", "Thôn Tân Phong"),
        people_group="Toàn thể Nhân dân các bản",
        chair=("Lò Văn Pấng", "Chủ tịch UBND xã"),
        secretary=("Giàng Thị Mai", "Công chức Văn phòng - Thống kê"),
    ),
    "phuong": Reference(
        key="phuong",
        unit_code="19009",  # Phường Ba Đồn, tỉnh Quảng Trị
        residential="tổ dân phố, khu phố",
        cluster="Tổ dân phố Minh Hòa, Tổ dân phố Xuân Kiều, Khu phố Châu Hòa",
        venue="Nhà văn hóa Tổ dân phố Minh Hòa",
        localities=("TDP Minh Hòa", "TDP Xuân Kiều", "Khu phố Châu Hòa", "TDP Minh Hòa", "Khu phố Châu Hòa"),
        people_group="Nhân dân TDP Minh Hòa",
        chair=("Nguyễn Thị Thu Hà", "Chủ tịch UBND phường"),
        secretary=("Trần Văn Tâm", "Chuyên viên Văn phòng HĐND và UBND phường"),
    ),
    "dac-khu": Reference(
        key="dac-khu",
        unit_code="21548",  # Đặc khu Lý Sơn, tỉnh Quảng Ngãi
        residential="",  # the kind's default
        cluster="",
        venue="Hội trường Ủy ban nhân dân đặc khu Lý Sơn",
        localities=("Thôn Đông An Vĩnh", "Thôn Tây An Vĩnh", "Thôn Bắc An Hải", "Thôn Đông An Hải", "Thôn Bãi Hương"),
        people_group="Ngư dân các thôn",
        chair=("Phạm Văn Hiền", "Chủ tịch UBND đặc khu"),
        secretary=("Võ Thị Lệ", "Chuyên viên Văn phòng HĐND và UBND đặc khu"),
    ),
}

# (field, summary, phone) — "{kind}" is the unit kind; personal numbers in every common form.
SPEECHES = (
    (
        "đất đai",
        "Đề nghị {kind} sớm cấp giấy chứng nhận quyền sử dụng đất cho 12 hộ đã nộp hồ sơ từ năm 2025; liên hệ ông Sùng qua số 0912.345.678",
        "0912 345 678",
    ),
    ("đất đai", "Việc đo đạc lại ranh giới đất nương giữa hai hộ chưa thống nhất, đề nghị làm rõ.", ""),
    ("đất đai", "Đề nghị công khai quy hoạch sử dụng đất đến năm 2030 tại nhà văn hóa.", ""),
    ("đất đai", "Đề nghị hỗ trợ thủ tục tách thửa cho gia đình (CCCD 001 089 012 612).", ""),
    ("đất đai", "Giá bồi thường đất trồng cây lâu năm thấp, đề nghị xem xét lại; điện thoại (+84) 912 345 607.", ""),
    ("môi trường", "Đề nghị xử lý tình trạng lấn chiếm đất hành lang suối để xây chuồng trại.", "0987654321"),
    ("đất đai", "Đề nghị cấp đổi giấy chứng nhận bị sai tên chủ hộ (CMND 123 456 615).", ""),
    ("giao thông", "Tuyến đường liên {residential} xuống cấp, mùa mưa lầy lội; đề nghị đưa vào kế hoạch cứng hóa.", ""),
    ("an sinh xã hội", "Đề nghị xem xét hỗ trợ làm nhà cho hộ nghèo theo chương trình xóa nhà tạm.", ""),
    ("khác", "Đề nghị nhà mạng phủ sóng điện thoại di động khu vực đồi cao.", ""),
    ("y tế", "Trạm y tế thiếu thuốc điều trị bệnh mạn tính cho người có thẻ bảo hiểm y tế.", ""),
)
NAMES = (
    "Sùng A Chứ",
    "Lò Thị Phương",
    "Giàng A Páo",
    "Nguyễn Văn Đức",
    "Vàng Thị Dợ",
    "Lý A Sính",
    "Đỗ Thị Hồng",
    "Mùa A Lử",
    "Quàng Văn Inh",
    "Trần Văn Bình",
    "Hoàng Thị Nga",
)


def build(store, key: str) -> int:
    """Create and hold reference meeting *key*; returns its id."""
    ref = REFERENCES[key]
    clock = FrozenClock(datetime(2026, 3, 2, 8, 0))
    unit = unit_by_code(ref.unit_code)
    mid = create_meeting(
        store,
        at=clock(),
        day=DAY,
        start=time(7, 30),
        unit=unit,
        residential=ref.residential,
        cluster=ref.cluster,
        venue=ref.venue,
    )
    details = meeting_details(store, mid)
    place_kind, words = details.unit_kind, details.residential
    groups = [
        Attendance(details.groups[0].name, 20, 18, details.groups[0].id),
        Attendance(details.groups[1].name, 16, 15, details.groups[1].id),
        Attendance(details.groups[2].name, 24, 22, details.groups[2].id),
        Attendance(ref.people_group, 0, 135),
    ]
    update_details(
        store,
        mid,
        details.edit(
            chair=ref.chair[0],
            chair_title=ref.chair[1],
            secretary=ref.secretary[0],
            secretary_title=ref.secretary[1],
            minutes_number="07",
            notice_number="15",
            groups=tuple(groups),
        ),
        at=clock(),
    )
    slips = [
        Slip(
            name=NAMES[n],
            locality=ref.localities[n % len(ref.localities)],
            field=field,
            summary=summary.format(kind=place_kind, residential=words.split(",")[0]),
            source="precompiled",
            phone=phone,
        )
        for n, (field, summary, phone) in enumerate(SPEECHES)
    ]
    desk(store, mid, clock).register_many(slips)
    issues = {i.raisers[0].name: i for i in ledger(store, mid)}

    clock.set(datetime.combine(DAY, time(7, 32)))
    desk(store, mid, clock).start_meeting()
    for position in range(1, 6):
        step = next(s for s in _agenda(store, mid) if s.position == position)
        desk(store, mid, clock).save_notes(step.id, _notes(position, ref, place_kind))
        clock.advance(minutes=8)
        desk(store, mid, clock).next_step()

    # The dialogue: everyone speaks but Hoàng Thị Nga, who is called twice and is absent.
    absent = issues["Hoàng Thị Nga"].raisers[0].registration_id
    while True:
        clock.advance(minutes=3)
        reg_id = desk(store, mid, clock).call_next()
        if reg_id is None:
            break
        if reg_id == absent:
            desk(store, mid, clock).mark_absent(reg_id)

    def answer(name: str, who: tuple[str, str], text: str) -> None:
        desk(store, mid, clock).record_answer([issues[name].id], name=who[0], title=who[1], summary=text)

    office = ("Phạm Quốc Huy", "Trưởng phòng Kinh tế")
    kind = place_kind
    # Land: the chair's words name the agency; the assignment adds the deadline only.
    answer("Sùng A Chứ", office, "Hồ sơ của 12 hộ đã được thẩm định; 9 hồ sơ đủ điều kiện.")
    desk(store, mid, clock).conclude(
        [issues["Sùng A Chứ"].id],
        ConclusionDraft(
            outcome="assigned",
            text="Giao Phòng Kinh tế chủ trì hoàn thiện hồ sơ, trình cấp giấy chứng nhận cho 9 hộ đủ điều kiện",
            lead_agency="Phòng Kinh tế",
            partners=f"Trung tâm Phục vụ hành chính công {kind}",
            task="Hoàn thiện hồ sơ, trình cấp giấy chứng nhận cho 9 hộ đủ điều kiện.",
            deadline=date(2026, 4, 16),
            reply_method=f"Trả lời bằng văn bản cho công dân, đồng gửi UBND {kind} để theo dõi",
        ),
    )
    # The chair's words repeat the outcome: printed once.
    answer("Lò Thị Phương", office, "Sẽ tổ chức đo đạc lại với sự chứng kiến của hai bên.")
    desk(store, mid, clock).conclude(
        [issues["Lò Thị Phương"].id],
        ConclusionDraft(
            outcome="study",
            text="Tiếp thu, giao Phòng Kinh tế nghiên cứu, đề xuất phương án đo đạc lại.",
            lead_agency="Phòng Kinh tế",
        ),
    )
    # Answered, the chair's words without a full stop.
    answer("Giàng A Páo", ref.chair, "Quy hoạch đã được niêm yết tại trụ sở; sẽ niêm yết thêm tại nhà văn hóa")
    desk(store, mid, clock).conclude(
        [issues["Giàng A Páo"].id],
        ConclusionDraft(outcome="answered", text="Đã trả lời tại hội nghị; niêm yết quy hoạch tại các nhà văn hóa"),
    )
    # Assigned, the chair's words name no agency: the clause says who leads and by when.
    answer("Nguyễn Văn Đức", office, "Hồ sơ đủ điều kiện tách thửa.")
    desk(store, mid, clock).conclude(
        [issues["Nguyễn Văn Đức"].id],
        ConclusionDraft(
            outcome="assigned",
            text="Hướng dẫn gia đình hoàn thiện thủ tục",
            lead_agency=f"Trung tâm Phục vụ hành chính công {kind}",
            deadline=date(2026, 4, 2),
        ),
    )
    # Beyond the unit's authority: forwarded to the province.
    answer("Vàng Thị Dợ", ref.chair, "Đơn giá bồi thường do UBND tỉnh ban hành.")
    desk(store, mid, clock).conclude(
        [issues["Vàng Thị Dợ"].id],
        ConclusionDraft(outcome="forwarded", forwarded_to=unit.province and f"UBND {unit.province}"),
    )
    # Registered as environment, corrected to land in the ledger: both documents say land.
    desk(store, mid, clock).edit_issue(
        issues["Lý A Sính"].id, content=issues["Lý A Sính"].content, field="đất đai", in_scope=True
    )
    answer("Lý A Sính", office, "Sẽ kiểm tra, lập biên bản các trường hợp lấn chiếm.")
    desk(store, mid, clock).conclude(
        [issues["Lý A Sính"].id],
        ConclusionDraft(
            outcome="assigned",
            text="Kiểm tra, xử lý dứt điểm các trường hợp lấn chiếm hành lang suối.",
            lead_agency="Phòng Kinh tế",
            partners=f"Công an {kind}",
            deadline=date(2026, 4, 30),
            reply_method="Trả lời bằng văn bản cho công dân",
        ),
    )
    answer("Đỗ Thị Hồng", office, "Đề nghị gia đình nộp bản sao giấy tờ tùy thân.")
    desk(store, mid, clock).conclude(
        [issues["Đỗ Thị Hồng"].id], ConclusionDraft(outcome="answered", text="Đã trả lời tại hội nghị.")
    )
    answer("Mùa A Lử", ref.chair, f"Tuyến đường đã có trong danh mục đầu tư công của {kind} giai đoạn 2026–2030.")
    desk(store, mid, clock).conclude(
        [issues["Mùa A Lử"].id], ConclusionDraft(outcome="study", text="Tiếp thu", lead_agency="Phòng Kinh tế")
    )
    # Outside the meeting's content, noted and answered.
    desk(store, mid, clock).edit_issue(
        issues["Trần Văn Bình"].id, content=issues["Trần Văn Bình"].content, field="khác", in_scope=False
    )
    answer("Trần Văn Bình", ref.chair, "Sẽ chuyển ý kiến đến doanh nghiệp viễn thông.")
    desk(store, mid, clock).conclude(
        [issues["Trần Văn Bình"].id],
        ConclusionDraft(
            outcome="forwarded", text="Ghi nhận ý kiến", forwarded_to="doanh nghiệp viễn thông trên địa bàn"
        ),
    )
    # Quàng Văn Inh's petition is answered but left without a conclusion; Hoàng Thị Nga's was
    # compiled before the meeting and never spoken.
    answer("Quàng Văn Inh", ref.chair, "Gia đình thuộc diện được rà soát.")
    for position in range(6, 10):
        clock.advance(minutes=10)
        if position < 9:
            desk(store, mid, clock).next_step()
    clock.advance(minutes=5)
    desk(store, mid, clock).close_meeting(reason="Hai kiến nghị chưa có kết luận, Văn phòng tổng hợp báo cáo Chủ tịch")
    return mid


def _agenda(store, mid):
    from session.domain.meetings import meeting_view

    return meeting_view(store, mid).agenda


def _notes(position: int, ref: Reference, kind: str) -> str:
    return {
        1: f"Đồng chí Chánh Văn phòng tuyên bố lý do, giới thiệu đại biểu; đồng chí {ref.chair[0]} chủ trì.",
        2: "Hội nghị thống nhất chương trình và nội quy.",
        3: f"Đồng chí {ref.chair[0]} phát biểu khai mạc, thông báo phương pháp đối thoại theo từng lĩnh vực.",
        4: f"Phó Chủ tịch UBND {kind} báo cáo tóm tắt tình hình kinh tế - xã hội, quốc phòng - an ninh.",
        5: f"Chủ tịch Ủy ban MTTQ Việt Nam {kind} báo cáo tổng hợp 11 ý kiến, kiến nghị của Nhân dân.",
    }[position]


def held_at(minutes: int) -> datetime:
    return datetime.combine(DAY, time(7, 32)) + timedelta(minutes=minutes)
