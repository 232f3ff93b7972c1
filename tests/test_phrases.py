"""Standard phrases (câu mẫu) filled from the meeting: an unknown fact is "…" to fill in;
a clause about somebody the meeting does not have is left out, not printed as "… – …"."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from session.domain.meetings import meeting_view
from session.domain.phrases import fill

AT = datetime(2026, 3, 5, 8, 5)
CHAIRS = (
    "Giới thiệu chủ trì hội nghị: đồng chí {chair} – {chair_title}, đồng chí {co_chair} – {co_chair_title}; "
    "thư ký hội nghị: đồng chí {secretary}."
)


def test_a_meeting_with_no_co_chair_names_only_the_chair_and_the_secretary(store, demo_id):
    view = replace(meeting_view(store, demo_id), co_chair="", co_chair_title="", secretary="Lý Thị Thu")
    assert fill(CHAIRS, view, None, AT) == (
        f"Giới thiệu chủ trì hội nghị: đồng chí {view.chair} – {view.chair_title}; thư ký hội nghị: đồng chí Lý Thị Thu."
    )


def test_with_neither_secretary_nor_co_chair_the_sentence_still_ends(store, demo_id):
    view = replace(meeting_view(store, demo_id), co_chair="", co_chair_title="", secretary="")
    assert fill(CHAIRS, view, None, AT) == f"Giới thiệu chủ trì hội nghị: đồng chí {view.chair} – {view.chair_title}."


def test_a_fact_not_known_yet_in_a_clause_that_names_someone_is_a_blank_to_fill(store, demo_id):
    view = replace(meeting_view(store, demo_id), co_chair="Đỗ Thị Hoa", co_chair_title="")
    said = fill(CHAIRS, view, None, AT)
    assert "đồng chí Đỗ Thị Hoa – …" in said  # her title is still to be written in
    assert fill("Hội nghị tạm nghỉ lúc {time}.", view, None, AT) == "Hội nghị tạm nghỉ lúc 8 giờ 05 phút."


def test_the_recess_phrases_say_when_the_recess_began_and_ended_not_when_they_are_written(store, demo_id, clock):
    from session.domain.history import recess_times
    from session.domain.phrases import load_phrases
    from tests.conftest import desk

    paused, resumed = load_phrases()[8:10]
    assert (paused, resumed) == ("Hội nghị tạm nghỉ lúc {recess_from}.", "Hội nghị tiếp tục lúc {recess_to}.")
    ws = desk(store, demo_id, clock)
    ws.start_meeting()
    view = meeting_view(store, demo_id)
    assert recess_times(store, demo_id) == (None, None)
    assert fill(paused, view, None, clock()) == f"Hội nghị tạm nghỉ lúc {clock().hour} giờ {clock().minute:02d} phút."
    clock.advance(minutes=50)
    began = clock()
    ws.recess()
    clock.advance(minutes=15)
    ended = clock()
    ws.resume()
    clock.advance(minutes=40)  # the secretary writes it up later
    ws.recess()
    ws.undo()  # a recess taken back is no recess
    recess = recess_times(store, demo_id)
    assert recess == (began, ended)
    view = meeting_view(store, demo_id)
    assert (
        fill(paused, view, None, clock(), recess) == f"Hội nghị tạm nghỉ lúc {began.hour} giờ {began.minute:02d} phút."
    )
    assert (
        fill(resumed, view, None, clock(), recess) == f"Hội nghị tiếp tục lúc {ended.hour} giờ {ended.minute:02d} phút."
    )
    clock.advance(minutes=5)
    ws.recess()
    clock.advance(minutes=12)
    moved_on = clock()
    ws.next_step()  # the chair moves on: that ends the recess too
    clock.advance(minutes=30)
    assert recess_times(store, demo_id) == (moved_on - timedelta(minutes=12), moved_on)
