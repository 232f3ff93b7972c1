"""Petitions compiled before the meeting, given to departments to prepare the answer."""

from __future__ import annotations

from datetime import datetime

import pytest

from models.errors import Conflict, HoinghiError
from session.domain.duties import undo_office
from session.domain.preparation import prepared_issues, preparers, set_preparation
from tests.conftest import desk
from tests.planning_data import ward_plan

AT = datetime(2026, 3, 5, 14, 0)


def prepare(store, meeting_id: int, issue_id: int, preparer: str, answer: str = "", expected=None) -> None:
    with store.action("issue.prepare", at=AT, meeting_id=meeting_id, actor="office") as tx:
        set_preparation(tx, issue_id, preparer=preparer, answer=answer, at=AT, expected=expected)


def test_compiled_petitions_are_given_out_and_their_answers_recorded(store):
    _plan, (meeting, *_rest) = ward_plan(store)
    items = prepared_issues(store, meeting)
    assert [(i.issue.position, i.issue.field, i.state) for i in items] == [
        (1, "đất đai", "unassigned"),
        (2, "giao thông", "unassigned"),
        (3, "đất đai", "unassigned"),
    ]
    land, road, _plan_issue = (i.issue.id for i in items)
    prepare(store, meeting, land, "Phòng Kinh tế, Hạ tầng và Đô thị")
    prepare(store, meeting, road, "Phòng Kinh tế, Hạ tầng và Đô thị", "Đã đưa vào kế hoạch duy tu quý II/2026.")
    states = {i.issue.id: (i.state, i.preparer, i.answer, i.updated_at) for i in prepared_issues(store, meeting)}
    assert states[land][:3] == ("assigned", "Phòng Kinh tế, Hạ tầng và Đô thị", "")
    assert states[road] == (
        "prepared",
        "Phòng Kinh tế, Hạ tầng và Đô thị",
        "Đã đưa vào kế hoạch duy tu quý II/2026.",
        AT,
    )
    assert preparers(store, meeting) == ["Phòng Kinh tế, Hạ tầng và Đô thị"]
    assert undo_office(store, meeting, at=AT) == "issue.prepare"
    assert {i.issue.id: i.state for i in prepared_issues(store, meeting)}[road] == "unassigned"


def test_a_petition_added_in_the_ledger_before_the_meeting_can_be_prepared(store):
    _plan, (meeting, *_rest) = ward_plan(store)
    issue = desk(store, meeting, AT).add_issue("Đề nghị lắp đèn chiếu sáng ngõ 5.", field="giao thông")
    prepare(store, meeting, issue, "Trung tâm Dịch vụ công ích", "Sẽ lắp trong tháng 4.")
    assert prepared_issues(store, meeting)[-1].state == "prepared"


def test_an_answer_needs_someone_who_prepares_it_and_clearing_both_unassigns(store):
    _plan, (meeting, *_rest) = ward_plan(store)
    issue = prepared_issues(store, meeting)[0].issue.id
    with pytest.raises(HoinghiError) as err:
        prepare(store, meeting, issue, "  ", "Trả lời mà không ai chuẩn bị")
    assert err.value.code == "preparation.no_preparer"
    prepare(store, meeting, issue, "Phòng Kinh tế")
    prepare(store, meeting, issue, "", "")
    assert prepared_issues(store, meeting)[0].state == "unassigned"


def test_a_form_opened_before_another_desk_changed_it_does_not_overwrite(store):
    _plan, (meeting, *_rest) = ward_plan(store)
    issue = prepared_issues(store, meeting)[0].issue.id
    prepare(store, meeting, issue, "Phòng Kinh tế", expected=("", ""))
    with pytest.raises(Conflict):
        prepare(store, meeting, issue, "Phòng Văn hóa - Xã hội", expected=("", ""))
    assert prepared_issues(store, meeting)[0].preparer == "Phòng Kinh tế"
