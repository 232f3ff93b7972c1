"""What the hall display says in each moment of the meeting, and how it fills a window —
without the app: the domain's hall state, the frames of each mode and their layout."""

from __future__ import annotations

import math
import unicodedata
from datetime import timedelta

import pytest

from models.errors import HoinghiError
from session.domain.hall import Countdown, load_hall
from session.domain.queue import WARNING_SECONDS
from session.tui.hall.big_text import CLOCK, TEXT, draw, split_lines, width_of
from session.tui.hall.content import frame_for
from session.tui.hall.font import TEXT_HEIGHT, can_draw, text_glyph
from session.tui.hall.layout import Big, Frame, Plain, plan, wrap
from tests.conftest import desk
from tests.hall_scenes import scene

SIZES = [(80, 24), (120, 36), (200, 60), (98, 24)]  # the last: a 1280×720 browser window


def _hall(store, name):
    meeting_id, clock = scene(store, name)
    return load_hall(store, meeting_id, clock()), clock


def _texts(frame: Frame) -> list[str]:
    blocks = [*frame.top, *(b for group in frame.middle for b in group), *frame.bottom]
    return [b.text for b in blocks]


def _big(frame: Frame) -> list[Big]:
    return [b for group in frame.middle for b in group if isinstance(b, Big)]


# --- the modes -------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, mode",
    [
        ("before", "before"),
        ("step", "step"),
        ("idle", "dialogue"),
        ("dialogue", "dialogue"),
        ("answer", "dialogue"),
        ("recess", "recess"),
        ("closed", "closed"),
    ],
)
def test_each_moment_of_the_meeting_has_its_mode(store, name, mode):
    state, _ = _hall(store, name)
    assert state.mode == mode


def test_after_the_last_step_until_the_meeting_closes_the_hall_follows_the_floor(store):
    meeting_id, clock = scene(store, "dialogue")
    while desk(store, meeting_id, clock).next_step() is not None:
        clock.advance(minutes=1)
    state = load_hall(store, meeting_id, clock())
    assert state.live.view.status == "running" and state.step is None
    assert state.mode == "dialogue"
    texts = _texts(frame_for(state, clock()))
    assert "Hội nghị bắt đầu lúc" not in texts and not any(text.startswith("Bước") for text in texts)
    assert "Hoàng Văn Páo" in texts  # still at the microphone: the hall still sees his clock


def test_before_the_meeting_the_hall_reads_the_title_the_date_the_start_and_how_to_register(store):
    state, clock = _hall(store, "before")
    texts = _texts(frame_for(state, clock()))
    assert "Hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân xã với Nhân dân xã Hòa An năm 2026" in texts
    assert "Thứ Năm, ngày 05/03/2026" in texts
    assert "Hội trường Nhà văn hóa xã Hòa An" in texts
    assert "07:30" in [b.text for b in _big(frame_for(state, clock()))]
    assert "Mời đăng ký phát biểu tại bộ phận tiếp nhận" in texts
    assert "Đã có 25 người đăng ký phát biểu" in texts


def test_a_step_shows_its_name_its_presenter_and_the_time_left_of_its_plan(store):
    state, clock = _hall(store, "step")
    frame = frame_for(state, clock())
    texts = _texts(frame)
    assert state.step.title == "Báo cáo tóm tắt tình hình kinh tế - xã hội, quốc phòng - an ninh"
    assert "Trình bày: Phó Chủ tịch UBND" in texts
    assert "Bước 4/9" in texts
    assert [b.text for b in _big(frame)] == [state.step.title, "12:30"]  # 7:30 into 20 minutes
    assert "Thời gian còn lại của phần này (dự kiến 20 phút)" in texts


def test_the_dialogue_shows_the_speaker_big_with_the_countdown_and_who_is_next(store):
    state, clock = _hall(store, "dialogue")
    frame = frame_for(state, clock())
    assert [(b.text, b.style) for b in _big(frame)] == [("Hoàng Văn Páo", "name"), ("2:19", "clock-normal")]
    texts = _texts(frame)
    assert "Bước 6/9 · Tiến hành đối thoại" in texts
    assert "Thôn Nà Pàn · đất đai" in texts
    assert "Thời gian còn lại" in texts
    assert "Tiếp theo: Lăng Thị Mỵ  ·  Vi Văn Dũng  ·  Nguyễn Văn Đức" in texts


def test_the_countdown_changes_colour_and_words_at_the_warning_and_at_overrun(store):
    state, clock = _hall(store, "dialogue")
    speaker = state.live.floor.speaker
    limit = speaker.limit_seconds
    started = speaker.started_at
    seen = {}
    for elapsed in (limit - WARNING_SECONDS - 1, limit - WARNING_SECONDS, limit - 5, limit, limit + 45):
        frame = frame_for(state, started + timedelta(seconds=elapsed))
        clock_block = _big(frame)[1]
        words = next(b for b in frame.middle[1] if isinstance(b, Plain))
        seen[elapsed - limit] = (clock_block.text, clock_block.style, words.text, words.style)
    assert seen == {
        -31: ("0:31", "clock-normal", "Thời gian còn lại", "words"),
        -30: ("0:30", "clock-warning", "SẮP HẾT GIỜ · còn 30 giây", "words-warning"),
        -5: ("0:05", "clock-warning", "SẮP HẾT GIỜ · còn 5 giây", "words-warning"),
        0: ("0:00", "clock-warning", "SẮP HẾT GIỜ · còn 0 giây", "words-warning"),
        45: ("-0:45", "clock-over", "QUÁ GIỜ 0:45", "words-over"),
    }


def test_countdown_phases_follow_the_warning_constant():
    assert Countdown.to_limit(180, 0).phase == "normal"
    assert Countdown.to_limit(180, 180 - WARNING_SECONDS).phase == "warning"
    assert Countdown.to_limit(180, 180.5).phase == "over"


def test_while_the_chair_answers_the_display_names_the_answerer_and_counts_up(store):
    state, clock = _hall(store, "answer")
    frame = frame_for(state, clock())
    assert [(b.text, b.style) for b in _big(frame)] == [("Hoàng Văn Thắng", "name"), ("1:15", "clock-open")]
    assert "Trả lời" in _texts(frame)


def test_with_nobody_at_the_microphone_the_next_speaker_is_asked_to_get_ready(store):
    state, clock = _hall(store, "idle")
    frame = frame_for(state, clock())
    assert [(b.text, b.style) for b in _big(frame)] == [("Hoàng Văn Páo", "name-next")]
    texts = _texts(frame)
    assert "Mời chuẩn bị phát biểu" in texts
    assert "Tiếp theo: Lăng Thị Mỵ  ·  Vi Văn Dũng" in texts


def test_a_recess_shows_the_announced_resume_time_and_counts_down_to_it(store):
    state, clock = _hall(store, "recess")
    frame = frame_for(state, clock())
    assert state.resume_at == state.live.view.recess_since + timedelta(minutes=15)
    assert [b.text for b in _big(frame)] == ["TẠM NGHỈ", "11:40"]
    assert f"Hội nghị tiếp tục lúc {state.resume_at:%H:%M}" in _texts(frame)
    late = frame_for(state, state.resume_at + timedelta(seconds=20))
    assert "Đã đến giờ tiếp tục hội nghị" in _texts(late)


def test_a_recess_without_a_resume_time_says_since_when(store):
    state, clock = _hall(store, "recess-open")
    frame = frame_for(state, clock())
    since = state.live.view.recess_since
    assert state.resume_at is None
    assert [b.text for b in _big(frame)] == ["TẠM NGHỈ"]
    assert f"Tạm nghỉ từ {since:%H:%M} · đã nghỉ 3:20" in _texts(frame)


def test_a_resume_time_before_the_recess_is_refused_with_a_clear_message(store):
    meeting_id, clock = scene(store, "dialogue")
    with pytest.raises(HoinghiError) as refused:
        desk(store, meeting_id, clock).recess(until=clock() - timedelta(minutes=1))
    from session.i18n import error_text

    assert (
        error_text(refused.value)
        == f"Giờ tiếp tục {clock() - timedelta(minutes=1):%H:%M} phải sau lúc bắt đầu tạm nghỉ."
    )
    assert load_hall(store, meeting_id, clock()).mode == "dialogue"


def test_an_undone_recess_leaves_no_resume_time_behind(store):
    meeting_id, clock = scene(store, "recess")
    desk(store, meeting_id, clock).undo()
    desk(store, meeting_id, clock).recess()
    assert load_hall(store, meeting_id, clock()).resume_at is None


def test_once_closed_the_display_only_thanks_the_hall(store):
    state, clock = _hall(store, "closed")
    frame = frame_for(state, clock())
    texts = " | ".join(_texts(frame))
    assert [b.text for b in _big(frame)] == ["XIN CẢM ƠN"]
    assert "Hội nghị đã kết thúc" in texts and "cảm ơn" in texts
    for stale in ("Mời đăng ký", "Tiếp theo", "Dự kiến kết thúc", "đang chờ"):
        assert stale not in texts


def test_no_message_of_the_display_names_a_kind_of_unit_by_itself():
    """Unit and residential-unit words come from the meeting's data, never from a message."""
    import re

    from session.i18n import vi
    from session.i18n.areas import display

    used = {**display.VI, **{k: v for k, v in vi.MESSAGES.items() if k.startswith("display.")}}
    for key, text in used.items():
        assert not re.search(r"\b(xã|thôn|phường|tổ dân phố|đặc khu)\b", text, re.IGNORECASE), key


# --- the font and the layout ---------------------------------------------------------


def test_every_vietnamese_letter_has_a_glyph_and_no_two_capitals_look_alike():
    vowels = "aăâeêioôơuưy"
    letters = set("bcdđghklmnpqrstvx")
    for vowel in vowels:
        for tone in ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"):
            letters.add(unicodedata.normalize("NFC", vowel + tone))
    assert len(letters) == 12 * 6 + 17  # 12 vowels with 6 tones each, 17 consonants
    shapes = {}
    for letter in letters:
        glyph = text_glyph(letter)
        assert glyph is not None, letter
        assert len(glyph) == TEXT_HEIGHT
        shapes.setdefault(glyph, []).append(letter)
    assert [same for same in shapes.values() if len(same) > 1] == []


def test_text_typed_decomposed_draws_the_same_as_composed():
    composed = "Nguyễn Thị Hường"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert draw(decomposed.upper(), TEXT, 1) == draw(composed.upper(), TEXT, 1)
    assert can_draw("Lò Văn Mới") and not can_draw("Nguyễn ★")


def test_a_long_name_splits_into_even_lines():
    assert split_lines("Nguyễn Thị Thanh Hương".split(), 2) == ["Nguyễn Thị", "Thanh Hương"]
    assert split_lines(["Páo"], 3) == ["Páo"]


def test_plain_text_is_cut_with_an_ellipsis_when_it_does_not_fit():
    assert wrap("Một hai ba bốn năm", 9, 1) == ["Một hai…"]
    assert wrap("Một hai ba bốn năm", 9, 2) == ["Một hai", "ba bốn…"]


@pytest.mark.parametrize("width, height", SIZES)
@pytest.mark.parametrize("name", ["dialogue", "over", "step", "before", "answer", "recess"])
def test_the_countdown_takes_at_least_a_quarter_of_the_height_and_the_name_is_drawn_big(store, name, width, height):
    state, clock = _hall(store, name)
    frame = frame_for(state, clock())
    rows = plan(frame, width, height)
    assert len(rows) == height and all(len(r.text) == width for r in rows)
    clock_rows = [r for r in rows if r.style.startswith("clock-")]
    assert len(clock_rows) >= math.ceil(height / 4)
    name_rows = [r for r in rows if r.style in ("name", "recess")]
    for big in _big(frame):
        if big.style in ("name", "recess") and width_of(big.text.upper(), TEXT, 1) <= width - 2:
            assert len(name_rows) >= 7, f"{big.text} fits on one line: it is drawn in big letters"
    assert all(set(r.text) <= set(" ▀▄█") for r in clock_rows), "the countdown is drawn in big digits"


def test_a_bigger_window_gets_bigger_letters(store):
    state, clock = _hall(store, "dialogue")
    frame = frame_for(state, clock())
    heights = []
    for width, height in [(80, 24), (120, 36), (200, 60)]:
        rows = plan(frame, width, height)
        heights.append(sum(1 for r in rows if r.style.startswith("clock-")))
    assert heights[0] < heights[1] < heights[2]
    assert len([r for r in plan(frame, 200, 60) if r.style == "name"]) > len(
        [r for r in plan(frame, 80, 24) if r.style == "name"]
    )


def test_a_name_too_long_for_the_window_stays_readable_as_plain_text():
    frame = Frame(
        middle=(
            (Big("Nguyễn Thị Thanh Hương Giang", "name", TEXT, max_lines=3),),
            (Big("2:59", "clock-normal", CLOCK, primary=True),),
        )
    )
    rows = plan(frame, 40, 14)
    assert [r.text.strip() for r in rows if r.style == "name"] == ["Nguyễn Thị Thanh Hương Giang"]
    assert sum(1 for r in rows if r.style == "clock-normal") >= 4


def test_a_tiny_window_still_shows_every_line_it_can(store):
    state, clock = _hall(store, "dialogue")
    rows = plan(frame_for(state, clock()), 30, 8)
    assert len(rows) == 8 and all(len(r.text) == 30 for r in rows)
    assert any(r.style.startswith("clock-") for r in rows)
    assert plan(frame_for(state, clock()), 0, 0) == []


def test_a_line_that_may_go_goes_only_when_that_lets_the_name_be_drawn_big():
    label = Plain("Đang phát biểu", "label", optional=True)
    frame = Frame(
        middle=(
            (label, Big("Hoàng Văn Páo", "name", TEXT, share=0.7)),
            (Big("2:59", "clock-normal", CLOCK, primary=True),),
        )
    )
    tight = plan(frame, 80, 11)
    assert sum(1 for r in tight if r.style == "name") == 7
    assert not any(r.style == "label" for r in tight)
    narrow = plan(frame, 40, 11)  # the name cannot be big here anyway: the label stays
    assert [r.text.strip() for r in narrow if r.style in ("label", "name")] == ["Đang phát biểu", "Hoàng Văn Páo"]
