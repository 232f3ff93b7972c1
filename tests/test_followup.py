"""Follow-up of every outcome: to be studied and forwarded are tracked until their reply,
like assignments; counts are in working days; the citizens' names come along."""

from __future__ import annotations

from datetime import date

import pytest

from models.errors import Conflict
from session.domain.followup import followup_items
from session.domain.ledger import ConclusionDraft, ledger
from session.domain.meetings import create_meeting
from session.domain.registrations import Slip
from tests.conftest import T0, desk

DAY = date(2026, 3, 5)  # Thursday; notice due Mon 16/3 (10 days: Sun 15/3), replies due Mon 13/4 (20 working days)


@pytest.fixture
def issues(store, clock):
    mid = create_meeting(store, at=T0, title="Đối thoại", day=DAY)
    for name, place, summary in (
        ("Lăng Thị Mỵ", "Thôn Bản Chu", "Đường ra xã xuống cấp"),
        ("Nguyễn Văn Đức", "Thôn Tân Lập", "Phủ sóng điện thoại"),
        ("Hoàng Văn Páo", "Thôn Nà Pàn", "Chậm cấp sổ đỏ"),
        ("Lò Thị Mai", "Thôn Bản Chu", "Đèn đường"),
    ):
        desk(store, mid, clock).register(Slip(name, place, summary=summary))
    study, forwarded, assigned, answered = (v.id for v in ledger(store, mid))
    desk(store, mid, T0).conclude([study], ConclusionDraft("study", "Tiếp thu", lead_agency="Phòng Kinh tế"))
    desk(store, mid, T0).conclude(
        [forwarded], ConclusionDraft("forwarded", "", forwarded_to="Sở Khoa học và Công nghệ")
    )
    desk(store, mid, T0).conclude(
        [assigned], ConclusionDraft("assigned", "", "Phòng Kinh tế", deadline=date(2026, 5, 8))
    )
    desk(store, mid, T0).conclude([answered], ConclusionDraft("answered", "Đã trả lời"))
    return mid, study, forwarded, assigned, answered


def test_studied_and_forwarded_are_followed_up_with_a_due_date_like_assignments(store, issues):
    mid, study, forwarded, assigned, answered = issues
    items = {i.issue_id: i for i in followup_items(store, date(2026, 4, 9), mid)}
    assert set(items) == {study, forwarded, assigned}  # answered at the meeting: nothing to chase
    assert items[study].outcome == "study" and items[study].lead_agency == "Phòng Kinh tế"
    assert items[forwarded].lead_agency == "Sở Khoa học và Công nghệ"
    # No date set by the chair: the notice's due date plus the reply days.
    assert items[study].deadline == items[forwarded].deadline == date(2026, 4, 13)
    assert items[assigned].deadline == date(2026, 5, 8)
    assert items[study].working_days_left == 2
    assert items[forwarded].names == "Nguyễn Văn Đức" and items[forwarded].localities == "Thôn Tân Lập"
    late = {i.issue_id: i for i in followup_items(store, date(2026, 4, 15), mid)}
    assert late[forwarded].overdue and late[forwarded].working_days_left == -2
    assert not late[assigned].overdue


def test_the_office_records_replies_to_studied_and_forwarded_petitions(store, issues, clock):
    mid, study, forwarded, _assigned, answered = issues
    desk(store, mid, clock).update_followup(forwarded, "replied", reply_number="88/SKHCN", reply_date=date(2026, 4, 10))
    desk(store, mid, clock).update_followup(study, "extended", reason="Chờ khảo sát", new_deadline=date(2026, 5, 29))
    items = {i.issue_id: i for i in followup_items(store, date(2026, 4, 20), mid)}
    assert items[forwarded].status == "replied" and not items[forwarded].overdue
    assert items[study].deadline == date(2026, 5, 29) and not items[study].overdue
    with pytest.raises(Conflict) as err:
        desk(store, mid, clock).update_followup(answered, "in_progress")
    assert err.value.code == "followup.not_assigned"


def test_the_follow_up_command_counts_working_days_and_names_the_citizens(tmp_path):
    from models.store import Store
    from session.domain.demo import create_demo
    from tests.cli import hoinghi

    db = tmp_path / "f.db"
    store = Store.open(str(db))
    mid = create_demo(store, at=T0, finished=True)
    store.close()
    out = hoinghi("followup", "--db", str(db), "--meeting", str(mid), "--today", "01/04/2026")
    assert out.returncode == 0, out.stderr
    rows = out.stdout.splitlines()[2:]
    assert rows and all("ngày làm việc" in row for row in rows)
    assert any("Chuyển cấp trên" in row for row in rows) and any("Nghiên cứu" in row for row in rows)
    assert "Hoàng Văn Páo" in out.stdout  # the citizen who raised it, not only the thôn
