"""Registration desk and queue, as domain operations."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.errors import Conflict, TextError
from session.domain import queue
from session.domain.answers import Answerer, issues_of_registration
from session.domain.live import load_live
from session.domain.meetings import create_meeting
from session.domain.registrations import Slip, list_registrations
from tests.conftest import T0, desk


@pytest.fixture
def mid(store, clock) -> int:
    """A meeting under way (the floor is given only once it has started)."""
    meeting_id = create_meeting(store, at=T0, title="Đối thoại", day=T0.date())
    desk(store, meeting_id, clock).start_meeting()
    return meeting_id


def names(store, mid, status=None):
    return [r.name for r in list_registrations(store, mid) if status is None or r.status == status]


def test_registering_keeps_order_and_creates_the_petition(store, mid, clock):
    a = desk(store, mid, clock).register(
        Slip("Nguyễn Văn Đức", "Thôn Tân Lập", field="an sinh xã hội", summary="Trợ cấp chậm")
    )
    desk(store, mid, clock).register(Slip("Lò Thị Mai", "Bản Chu", field="Đất Đai", summary="Cấp sổ đỏ"))
    regs = list_registrations(store, mid)
    assert [r.name for r in regs] == ["Nguyễn Văn Đức", "Lò Thị Mai"]
    assert regs[1].field == "đất đai"  # the list's spelling
    assert len(issues_of_registration(store, a)) == 1


def test_a_near_duplicate_asks_first(store, mid, clock):
    desk(store, mid, clock).register(Slip("Nguyễn Văn Đức", "Thôn Tân Lập", summary="A"))
    with pytest.raises(Conflict) as err:
        desk(store, mid, clock).register(Slip(unicodedata.normalize("NFD", "nguyễn văn đức"), "thon tan lap"))
    assert err.value.code == "registration.duplicate" and err.value.params["number"] == 1
    desk(store, mid, clock).register(Slip("nguyễn văn đức", "thon tan lap"), force=True)
    assert len(names(store, mid)) == 2


def test_bad_slips_are_refused_with_the_field_named(store, mid, clock):
    with pytest.raises(TextError) as err:
        desk(store, mid, clock).register(Slip("   "))
    assert err.value.params["field"] == "name"
    with pytest.raises(TextError) as err:
        desk(store, mid, clock).register(Slip("Lò Văn A", phone="gọi em nhé"))
    assert err.value.code == "phone.invalid"
    with pytest.raises(TextError):
        desk(store, mid, clock).register(Slip("Lò Văn A", summary="x" * 5000))
    assert names(store, mid) == []


def test_call_next_next_on_a_field_absent_twice_and_withdraw(store, mid, clock):
    ids = [
        desk(store, mid, clock).register(Slip(n, "Thôn A", field=f, summary="s"))
        for n, f in [("An", "đất đai"), ("Bình", "y tế"), ("Chi", "đất đai"), ("Dũng", "y tế")]
    ]
    assert desk(store, mid, clock).call_next() == ids[0]
    assert desk(store, mid, clock).call_next(field="y tế") == ids[1]
    assert names(store, mid, "done") == ["An"]
    assert desk(store, mid, clock).mark_absent(ids[1]) == "waiting"  # to the end once
    assert names(store, mid, "waiting") == ["Chi", "Dũng", "Bình"]
    assert desk(store, mid, clock).call_next(field="y tế") == ids[3]
    assert desk(store, mid, clock).call_next(field="y tế") == ids[1]
    assert desk(store, mid, clock).mark_absent(ids[1]) == "absent"  # the second time
    desk(store, mid, clock).withdraw(ids[2])
    assert desk(store, mid, clock).call_next() is None
    desk(store, mid, clock).requeue(ids[1])
    assert names(store, mid, "waiting") == ["Bình"]


def test_reorder_up_down_top(store, mid, clock):
    ids = [desk(store, mid, clock).register(Slip(n)) for n in ["An", "Bình", "Chi", "Dũng"]]
    desk(store, mid, clock).move_speaker(ids[3], "top")
    desk(store, mid, clock).move_speaker(ids[0], "down")
    desk(store, mid, clock).move_speaker(ids[2], "up")
    # Dũng to the top; An down past Bình; Chi up past An.
    assert names(store, mid) == ["Dũng", "Bình", "Chi", "An"]


def test_a_speaker_who_spoke_is_marked_when_registering_again(store, mid, clock):
    first = desk(store, mid, clock).register(Slip("Nguyễn Văn Đức", "Tân Lập"))
    desk(store, mid, clock).register(Slip("Lò Thị Mai"))
    desk(store, mid, clock).call_next()
    desk(store, mid, clock).finish_speech()
    again = desk(store, mid, clock).register(Slip("Nguyễn Văn Đức", "Tân Lập"), force=True)
    regs = {r.id: r for r in list_registrations(store, mid)}
    assert regs[again].spoke_before and not regs[again].first_time
    assert regs[first].first_time and not regs[first].spoke_before


def test_speaking_clock_pauses_and_limits_apply_by_field_and_speaker(store, mid, clock):
    a = desk(store, mid, clock).register(Slip("An", field="đất đai"))
    b = desk(store, mid, clock).register(Slip("Bình", field="y tế"))
    desk(store, mid, clock).set_limits(180, {"đất đai": 300})
    desk(store, mid, clock).set_speaker_limit(b, 120)
    regs = {r.id: r for r in list_registrations(store, mid)}
    assert regs[a].limit_seconds == 300 and regs[b].limit_seconds == 120
    desk(store, mid, clock).call_next()
    clock.advance(seconds=60)
    assert desk(store, mid, clock).pause_speech() is True
    clock.advance(seconds=45)
    assert desk(store, mid, clock).pause_speech() is False
    clock.advance(seconds=30)
    reg = {r.id: r for r in list_registrations(store, mid)}[a]
    assert queue.speech_elapsed(reg.started_at, reg.ended_at, reg.paused_at, reg.paused_seconds, clock()) == 90


def test_two_presses_of_next_from_stale_screens_do_not_double_call(store, mid, clock):
    desk(store, mid, clock).register(Slip("An"))
    desk(store, mid, clock).register(Slip("Bình"))
    desk(store, mid, clock).call_next(seen=None)
    with pytest.raises(Conflict):
        desk(store, mid, clock).call_next(seen=None)  # saw nobody speaking: stale
    assert names(store, mid, "speaking") == ["An"]


def test_tally_counts_citizens_against_officials(store, mid, clock):
    a = desk(store, mid, clock).register(Slip("An", "Thôn A", field="đất đai", summary="Hỏi đất"))
    desk(store, mid, clock).register(Slip("Bình", "Thôn B", field="y tế", summary="Hỏi thuốc"))
    desk(store, mid, clock).call_next()
    clock.advance(minutes=3)
    desk(store, mid, clock).start_answer(Answerer("Triệu Văn Long", "Trưởng phòng"), issues_of_registration(store, a))
    clock.advance(minutes=2)
    desk(store, mid, clock).end_answer(summary="Sẽ cấp trong tháng")
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
        reg_id = desk(store, mid, clock).register(
            Slip(name, locality, organisation=organisation, summary=summary), force=True
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
