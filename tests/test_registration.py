"""Registration desk and queue, as domain operations."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.errors import Conflict, TextError
from session.domain import queue
from session.domain.answers import Answerer, end_answer, issues_of_registration, start_answer
from session.domain.live import load_live
from session.domain.meetings import create_meeting
from session.domain.registrations import Slip, list_registrations, register
from tests.conftest import T0


@pytest.fixture
def mid(store) -> int:
    return create_meeting(store, at=T0, title="Đối thoại", day=T0.date())


def names(store, mid, status=None):
    return [r.name for r in list_registrations(store, mid) if status is None or r.status == status]


def test_registering_keeps_order_and_creates_the_petition(store, mid, clock):
    a = register(
        store, mid, Slip("Nguyễn Văn Đức", "Thôn Tân Lập", field="an sinh xã hội", summary="Trợ cấp chậm"), at=clock()
    )
    register(store, mid, Slip("Lò Thị Mai", "Bản Chu", field="Đất Đai", summary="Cấp sổ đỏ"), at=clock())
    regs = list_registrations(store, mid)
    assert [r.name for r in regs] == ["Nguyễn Văn Đức", "Lò Thị Mai"]
    assert regs[1].field == "đất đai"  # the list's spelling
    assert len(issues_of_registration(store, a)) == 1


def test_a_near_duplicate_asks_first(store, mid, clock):
    register(store, mid, Slip("Nguyễn Văn Đức", "Thôn Tân Lập", summary="A"), at=clock())
    with pytest.raises(Conflict) as err:
        register(store, mid, Slip(unicodedata.normalize("NFD", "nguyễn văn đức"), "thon tan lap"), at=clock())
    assert err.value.code == "registration.duplicate" and err.value.params["number"] == 1
    register(store, mid, Slip("nguyễn văn đức", "thon tan lap"), at=clock(), force=True)
    assert len(names(store, mid)) == 2


def test_bad_slips_are_refused_with_the_field_named(store, mid, clock):
    with pytest.raises(TextError) as err:
        register(store, mid, Slip("   "), at=clock())
    assert err.value.params["field"] == "name"
    with pytest.raises(TextError) as err:
        register(store, mid, Slip("Lò Văn A", phone="gọi em nhé"), at=clock())
    assert err.value.code == "phone.invalid"
    with pytest.raises(TextError):
        register(store, mid, Slip("Lò Văn A", summary="x" * 5000), at=clock())
    assert names(store, mid) == []


def test_call_next_next_on_a_field_absent_twice_and_withdraw(store, mid, clock):
    ids = [
        register(store, mid, Slip(n, "Thôn A", field=f, summary="s"), at=clock())
        for n, f in [("An", "đất đai"), ("Bình", "y tế"), ("Chi", "đất đai"), ("Dũng", "y tế")]
    ]
    assert queue.call_next(store, mid, at=clock()) == ids[0]
    assert queue.call_next(store, mid, at=clock(), field="y tế") == ids[1]
    assert names(store, mid, "done") == ["An"]
    assert queue.mark_absent(store, ids[1], at=clock()) == "waiting"  # to the end once
    assert names(store, mid, "waiting") == ["Chi", "Dũng", "Bình"]
    assert queue.call_next(store, mid, at=clock(), field="y tế") == ids[3]
    assert queue.call_next(store, mid, at=clock(), field="y tế") == ids[1]
    assert queue.mark_absent(store, ids[1], at=clock()) == "absent"  # the second time
    queue.withdraw(store, ids[2], at=clock())
    assert queue.call_next(store, mid, at=clock()) is None
    queue.requeue(store, ids[1], at=clock())
    assert names(store, mid, "waiting") == ["Bình"]


def test_reorder_up_down_top(store, mid, clock):
    ids = [register(store, mid, Slip(n), at=clock()) for n in ["An", "Bình", "Chi", "Dũng"]]
    queue.move(store, ids[3], "top", at=clock())
    queue.move(store, ids[0], "down", at=clock())
    queue.move(store, ids[2], "up", at=clock())
    # Dũng to the top; An down past Bình; Chi up past An.
    assert names(store, mid) == ["Dũng", "Bình", "Chi", "An"]


def test_a_speaker_who_spoke_is_marked_when_registering_again(store, mid, clock):
    first = register(store, mid, Slip("Nguyễn Văn Đức", "Tân Lập"), at=clock())
    register(store, mid, Slip("Lò Thị Mai"), at=clock())
    queue.call_next(store, mid, at=clock())
    queue.finish(store, mid, at=clock())
    again = register(store, mid, Slip("Nguyễn Văn Đức", "Tân Lập"), at=clock(), force=True)
    regs = {r.id: r for r in list_registrations(store, mid)}
    assert regs[again].spoke_before and not regs[again].first_time
    assert regs[first].first_time and not regs[first].spoke_before


def test_speaking_clock_pauses_and_limits_apply_by_field_and_speaker(store, mid, clock):
    a = register(store, mid, Slip("An", field="đất đai"), at=clock())
    b = register(store, mid, Slip("Bình", field="y tế"), at=clock())
    queue.set_limits(store, mid, 180, {"đất đai": 300}, at=clock())
    queue.set_speaker_limit(store, b, 120, at=clock())
    regs = {r.id: r for r in list_registrations(store, mid)}
    assert regs[a].limit_seconds == 300 and regs[b].limit_seconds == 120
    queue.call_next(store, mid, at=clock())
    clock.advance(seconds=60)
    assert queue.toggle_pause(store, mid, at=clock()) is True
    clock.advance(seconds=45)
    assert queue.toggle_pause(store, mid, at=clock()) is False
    clock.advance(seconds=30)
    reg = {r.id: r for r in list_registrations(store, mid)}[a]
    assert queue.speech_elapsed(reg.started_at, reg.ended_at, reg.paused_at, reg.paused_seconds, clock()) == 90


def test_two_presses_of_next_from_stale_screens_do_not_double_call(store, mid, clock):
    register(store, mid, Slip("An"), at=clock())
    register(store, mid, Slip("Bình"), at=clock())
    queue.call_next(store, mid, at=clock(), expect_current=None)
    with pytest.raises(Conflict):
        queue.call_next(store, mid, at=clock(), expect_current=None)  # saw nobody speaking: stale
    assert names(store, mid, "speaking") == ["An"]


def test_tally_counts_citizens_against_officials(store, mid, clock):
    a = register(store, mid, Slip("An", "Thôn A", field="đất đai", summary="Hỏi đất"), at=clock())
    register(store, mid, Slip("Bình", "Thôn B", field="y tế", summary="Hỏi thuốc"), at=clock())
    queue.call_next(store, mid, at=clock())
    clock.advance(minutes=3)
    start_answer(store, mid, issues_of_registration(store, a), Answerer("Triệu Văn Long", "Trưởng phòng"), at=clock())
    clock.advance(minutes=2)
    end_answer(store, mid, at=clock(), summary="Sẽ cấp trong tháng")
    state = load_live(store, mid, clock())
    tally, waiting = state.floor, state.queue
    assert tally.citizens_seconds == 180 and tally.officials_seconds == 120
    assert tally.by_field == {"đất đai": 1} and tally.by_locality == {"Thôn A": 1}
    assert waiting.waiting == 1 and waiting.waiting_seconds == 180
    assert tally.citizens_share == pytest.approx(0.6)


text_st = st.text(st.characters(codec="utf-8"), max_size=120)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=text_st, locality=text_st, summary=st.text(max_size=300), organisation=text_st)
def test_any_text_in_any_field_is_stored_nfc_and_found_by_its_key(
    store, mid, clock, name, locality, summary, organisation
):
    from models.text import fold

    try:
        reg_id = register(
            store, mid, Slip(name, locality, organisation=organisation, summary=summary), at=clock(), force=True
        )
    except TextError:
        return  # refused with a message (empty name, too long): nothing written
    reg = {r.id: r for r in list_registrations(store, mid)}[reg_id]
    for value in (reg.name, reg.locality, reg.summary):
        assert unicodedata.is_normalized("NFC", value)
        assert not any(ord(c) < 32 and c not in "\n\t" for c in value)
    assert queue.search([reg], reg.name)  # found by its own name, folded
    assert queue.search([reg], fold(reg.name).upper())
    clock.advance(seconds=1)
