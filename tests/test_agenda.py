"""Running the agenda step by step: every clock comes from stored timestamps."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from models.errors import Conflict, NotFound
from session.domain.clocks import QueueLoad, forecast, meeting_elapsed, step_elapsed
from session.domain.meetings import create_meeting, meeting_view
from tests.conftest import T0, desk


@pytest.fixture
def mid(store) -> int:
    return create_meeting(store, at=T0, title="Đối thoại", day=T0.date())


def current(store, mid):
    view = meeting_view(store, mid)
    return view, view.current_step


def test_starting_opens_the_meeting_and_its_first_step(store, mid, clock):
    clock.set(datetime(2026, 3, 5, 7, 32))
    desk(store, mid, clock).next_step()
    view, step = current(store, mid)
    assert view.status == "running" and view.actual_start == clock()
    assert step.position == 1 and step.started_at == clock()


def test_next_closes_the_step_with_its_actual_time(store, mid, clock):
    desk(store, mid, clock).start_meeting()
    clock.advance(minutes=9, seconds=30)
    desk(store, mid, clock).next_step()
    view, step = current(store, mid)
    first = view.agenda[0]
    assert first.ended_at == clock()
    assert step_elapsed(first, view, clock()) == 9 * 60 + 30
    assert step.position == 2


def test_going_back_reopens_the_step_and_its_clock_continues(store, mid, clock):
    desk(store, mid, clock).start_meeting()
    clock.advance(minutes=4)
    desk(store, mid, clock).next_step()
    clock.advance(minutes=2)
    desk(store, mid, clock).previous_step()
    clock.advance(minutes=1)
    view, step = current(store, mid)
    assert step.position == 1
    assert step_elapsed(step, view, clock()) == 5 * 60  # 4 before + 1 now, not the 2 away
    assert step_elapsed(view.agenda[1], view, clock()) == 2 * 60


def test_jump_insert_edit_move_and_skip(store, mid, clock):
    desk(store, mid, clock).start_meeting()
    view = meeting_view(store, mid)
    sixth = view.agenda[5]
    desk(store, mid, clock).jump_to(sixth.id)
    assert current(store, mid)[1].title == "Tiến hành đối thoại"
    new_id = desk(store, mid, clock).insert_step(after_position=6, title="Văn nghệ chào mừng", minutes=5)
    view = meeting_view(store, mid)
    assert [s.position for s in view.agenda] == list(range(1, 11))
    assert view.agenda[6].id == new_id
    desk(store, mid, clock).edit_step(new_id, title="Giải lao", presenter="", minutes=10)
    desk(store, mid, clock).move_step(new_id, -1)
    view = meeting_view(store, mid)
    assert view.agenda[5].title == "Giải lao" and view.agenda[6].title == "Tiến hành đối thoại"
    assert desk(store, mid, clock).toggle_skip(new_id) is True
    assert meeting_view(store, mid).planned_minutes == 210
    with pytest.raises(Conflict):
        desk(store, mid, clock).toggle_skip(sixth.id)  # the current step


def test_recess_pauses_meeting_and_step_clocks(store, mid, clock):
    desk(store, mid, clock).start_meeting()
    clock.advance(minutes=5)
    desk(store, mid, clock).recess()
    clock.advance(minutes=15)
    view, step = current(store, mid)
    assert view.status == "recess"
    assert meeting_elapsed(view, clock()) == 5 * 60
    assert step_elapsed(step, view, clock()) == 5 * 60
    desk(store, mid, clock).resume()
    clock.advance(minutes=1)
    view, step = current(store, mid)
    assert view.status == "running"
    assert meeting_elapsed(view, clock()) == 6 * 60
    assert step_elapsed(step, view, clock()) == 6 * 60


def test_a_recess_stops_the_speakers_clock_and_resuming_goes_on_where_it_was(store, mid, clock):
    from session.domain.live import load_live
    from session.domain.registrations import Slip

    def speaking(name: str) -> tuple[float, bool]:
        speaker = load_live(store, mid, clock()).floor.speaker
        assert speaker is not None and speaker.name == name
        return speaker.elapsed(clock()), speaker.paused_at is not None

    ws = desk(store, mid, clock)
    ws.start_meeting()
    ws.register(Slip("Lò Văn Pàng", "Bản Chu", summary="Đường xuống cấp"))
    ws.register(Slip("Hà Thị Mai", "Bản Nà", summary="Nước sinh hoạt"))
    ws.call_next()
    clock.advance(seconds=50)
    ws.recess()
    clock.advance(minutes=15)
    assert speaking("Lò Văn Pàng") == (50, True)  # stopped with the meeting, not 15:50
    ws.resume()
    clock.advance(seconds=10)
    assert speaking("Lò Văn Pàng") == (60, False)
    ws.call_next()
    clock.advance(seconds=20)
    ws.pause_speech()  # the chair stops the clock for an interruption, then calls a recess
    clock.advance(seconds=5)
    ws.recess()
    clock.advance(minutes=10)
    ws.resume()
    clock.advance(seconds=30)
    assert speaking("Hà Thị Mai") == (20, True)  # still stopped: only the chair resumes it
    ws.undo()  # the resume undone: in recess again
    ws.undo()  # the recess undone: the speaker as the chair left her
    assert meeting_view(store, mid).status == "running"
    assert speaking("Hà Thị Mai") == (20, True)


def test_a_speaker_called_during_a_recess_starts_speaking_when_the_meeting_goes_on(store, mid, clock):
    from session.domain.live import load_live
    from session.domain.registrations import Slip

    ws = desk(store, mid, clock)
    ws.start_meeting()
    ws.register(Slip("Lò Văn Pàng", "Bản Chu", summary="Đường xuống cấp"))
    ws.recess()
    clock.advance(minutes=5)
    ws.call_next()  # who speaks next is settled during the break
    clock.advance(minutes=10)
    speaker = load_live(store, mid, clock()).floor.speaker
    assert speaker is not None and speaker.elapsed(clock()) == 0 and speaker.paused_at is not None
    with pytest.raises(Conflict) as refused:
        ws.pause_speech()  # the recess holds the clock: no toggling it meanwhile
    assert refused.value.code == "queue.in_recess"
    ws.resume()
    clock.advance(seconds=30)
    speaker = load_live(store, mid, clock()).floor.speaker
    assert speaker is not None and speaker.elapsed(clock()) == 30 and speaker.paused_at is None


def test_next_during_a_recess_ends_the_recess_first(store, mid, clock):
    desk(store, mid, clock).start_meeting()
    clock.advance(minutes=3)
    desk(store, mid, clock).recess()
    clock.advance(minutes=10)
    desk(store, mid, clock).next_step()
    view = meeting_view(store, mid)
    assert view.status == "running"
    assert step_elapsed(view.agenda[0], view, clock()) == 3 * 60


def test_closing_ends_the_current_step_and_the_meeting(store, mid, clock):
    desk(store, mid, clock).start_meeting()
    clock.advance(minutes=200)
    desk(store, mid, clock).close_meeting()
    view = meeting_view(store, mid)
    assert view.status == "closed" and view.actual_end == clock()
    assert view.agenda[0].ended_at == clock()
    with pytest.raises(Conflict):
        desk(store, mid, clock).next_step()


def test_undo_walks_back_action_by_action(store, mid, clock):
    desk(store, mid, clock).start_meeting()
    clock.advance(minutes=10)
    desk(store, mid, clock).next_step()
    desk(store, mid, clock).recess()
    assert desk(store, mid, clock).undo().action == "meeting.recess"
    assert meeting_view(store, mid).status == "running"
    assert desk(store, mid, clock).undo().action == "agenda.next"
    view, step = current(store, mid)
    assert step.position == 1 and step.ended_at is None
    assert desk(store, mid, clock).undo().action == "meeting.start"
    assert meeting_view(store, mid).status == "planned"
    with pytest.raises(NotFound):  # the meeting was created by the office, not by this desk
        desk(store, mid, clock).undo()
    assert meeting_view(store, mid).title == "Đối thoại"


def test_notes_are_saved_composed_and_unchanged_text_writes_nothing(store, mid, clock):
    import unicodedata

    step_id = meeting_view(store, mid).agenda[0].id
    text = unicodedata.normalize("NFD", "Đồng chí Hoàng Văn Thắng phát biểu.")
    assert desk(store, mid, clock).save_notes(step_id, text) is True
    assert meeting_view(store, mid).agenda[0].notes == "Đồng chí Hoàng Văn Thắng phát biểu."
    assert desk(store, mid, clock).save_notes(step_id, text) is False


def test_over_and_left_minutes_round_up():
    from session.domain.clocks import minutes_left, minutes_over

    assert minutes_over(12 * 60, 10 * 60) == 2
    assert minutes_over(10 * 60 + 1, 10 * 60) == 1
    assert minutes_over(9 * 60, 10 * 60) == 0
    assert minutes_left(5 * 60 + 1, 10 * 60) == 5
    assert minutes_left(1, 10 * 60) == 10


def test_forecast_counts_remaining_steps_and_waiting_speakers(store, mid, clock):
    clock.set(datetime(2026, 3, 5, 7, 30))
    desk(store, mid, clock).start_meeting()
    view = meeting_view(store, mid)
    fc = forecast(view, clock())
    assert fc.end == datetime(2026, 3, 5, 11, 0) and fc.over_minutes == 0
    # 50 waiting speakers x 3 minutes replace the dialogue's 120 planned minutes.
    fc = forecast(view, clock(), QueueLoad(waiting=50, waiting_seconds=50 * 180))
    assert fc.end == datetime(2026, 3, 5, 11, 30) and fc.over_minutes == 30
    clock.advance(minutes=25)  # step 1 (10 planned) has run 25
    fc = forecast(meeting_view(store, mid), clock())
    assert fc.end == datetime(2026, 3, 5, 11, 15) and fc.over_minutes == 15


def test_the_forecast_counts_an_answer_after_each_speech_and_never_less_than_the_plan(store, mid, clock):
    clock.set(datetime(2026, 3, 5, 7, 30))
    desk(store, mid, clock).start_meeting()
    view = meeting_view(store, mid)
    # Six waiting speakers x 3 min no longer replace a 120-minute dialogue step with 18 minutes.
    fc = forecast(view, clock(), QueueLoad(waiting=6, waiting_seconds=6 * 180))
    assert fc.end == datetime(2026, 3, 5, 11, 0)
    # Thirty speakers x (3 min speaking + 3 min answer) = 180 min: an hour past the 120 planned.
    fc = forecast(view, clock(), QueueLoad(waiting=30, waiting_seconds=30 * 180, answer_seconds=180))
    assert fc.end == datetime(2026, 3, 5, 12, 0) and fc.over_minutes == 60


def test_the_forecast_uses_this_meetings_answer_time_once_answers_are_given(store, clock):
    from session.domain.answers import Answerer
    from session.domain.demo import create_demo
    from session.domain.live import load_live

    mid = create_demo(store, at=clock())
    console = desk(store, mid, clock)
    console.start_meeting()
    for _ in range(5):
        console.next_step()  # the dialogue
    # Before any answer: the template's estimate (3 minutes).
    assert load_live(store, mid, clock()).queue.answer_seconds == 180
    console.call_next()
    clock.advance(minutes=2)
    console.start_answer(Answerer("Hoàng Văn Thắng", "Chủ tịch", by_chair=True))
    clock.advance(minutes=8)
    console.end_answer("Đã trả lời")
    # One speech, answered in 8 minutes: the forecast now counts 8 minutes an answer.
    assert load_live(store, mid, clock()).queue.answer_seconds == 8 * 60


def test_a_meeting_held_on_another_day_than_planned_is_forecast_against_its_hours_that_day(store, clock):
    mid = create_meeting(store, at=T0, title="Đối thoại", day=date(2026, 3, 20))  # planned for the 20th
    clock.set(datetime(2026, 3, 5, 7, 30))  # but held on the 5th
    desk(store, mid, clock).start_meeting()
    fc = forecast(meeting_view(store, mid), clock())
    assert fc.planned_end == datetime(2026, 3, 5, 11, 0) and fc.end == datetime(2026, 3, 5, 11, 0)


def test_the_forecast_does_not_jump_when_an_answer_begins(store, clock):
    """An answer just begun is not taken for this meeting's answer time (seconds a speech):
    the forecast goes on counting the expected answer, less what has run of it."""
    from session.domain.answers import Answerer
    from session.domain.clocks import forecast
    from session.domain.demo import create_demo
    from session.domain.live import load_live

    mid = create_demo(store, at=clock())
    console = desk(store, mid, clock)
    console.start_meeting()
    for _ in range(5):
        console.next_step()  # the dialogue
    console.call_next()
    clock.advance(minutes=3)  # the speaker used the whole limit

    def end() -> datetime:
        state = load_live(store, mid, clock())
        return forecast(state.view, clock(), state.queue).end

    before = end()
    console.start_answer(Answerer("Hoàng Văn Thắng", "Chủ tịch", by_chair=True))
    clock.advance(seconds=5)
    assert abs((end() - before).total_seconds()) <= 60
    clock.advance(minutes=1)  # one minute into a three-minute answer: still two to come
    assert abs((end() - before).total_seconds()) <= 70
    # A screen repainting each second from the state it loaded counts the answer down too.
    loaded = load_live(store, mid, clock())
    clock.advance(minutes=1)
    assert forecast(loaded.view, clock(), loaded.queue).end == end()
    clock.advance(seconds=55)
    console.end_answer("Đã trả lời")  # three minutes, as expected
    # The next speaker called, the next answer begun: the forecast holds at every step.
    for _ in range(2):
        console.call_next()
        clock.advance(minutes=3)
        assert abs((end() - before).total_seconds()) <= 60
        console.start_answer(Answerer("Hoàng Văn Thắng", "Chủ tịch", by_chair=True))
        assert abs((end() - before).total_seconds()) <= 60
        clock.advance(minutes=3)
        console.end_answer("Đã trả lời")
        assert abs((end() - before).total_seconds()) <= 60


def test_the_waiting_speakers_are_measured_against_the_dialogues_own_time(store, mid, clock):
    """Not against the meeting's planned end: that also holds the steps after the
    dialogue, and for a meeting opened hours early it lies far away."""
    from session.domain.clocks import dialogue_left

    view = meeting_view(store, mid)
    dialogue = next(s for s in view.agenda if s.kind == "dialogue")
    assert dialogue_left(view, clock()) == dialogue.planned_minutes * 60 == 120 * 60  # all of it, before
    ws = desk(store, mid, clock)
    ws.start_meeting()  # opened now, whatever the plan's hour
    ws.jump_to(dialogue.id)
    clock.advance(minutes=23)
    assert dialogue_left(meeting_view(store, mid), clock()) == 97 * 60
    ws.next_step()
    assert dialogue_left(meeting_view(store, mid), clock()) == 0  # the dialogue is over
    general = create_meeting(store, at=T0, title="Họp giao ban", template="hop-chung", day=T0.date())
    assert dialogue_left(meeting_view(store, general), clock()) is None  # no dialogue: the meeting's end instead
