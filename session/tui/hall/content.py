"""What each mode of the hall display says, as a :class:`~session.tui.hall.layout.Frame`.

Modes (see :mod:`session.domain.hall`): before the meeting (title, date, how to
register), a step (its name and clock), the dialogue (the speaker, the countdown, who
is next), a recess (the resume time if announced) and closed (thank-you only).
"""

from __future__ import annotations

from datetime import datetime

from session.domain.dates import WEEKDAYS_EN, WEEKDAYS_VI, fmt_date, fmt_duration, fmt_time
from session.domain.hall import BEFORE, CLOSED, DIALOGUE, RECESS, Countdown, HallState
from session.i18n import language, t
from session.tui.hall.big_text import CLOCK, TEXT
from session.tui.hall.layout import Big, Block, Frame, Plain


def clock_text(clock: Countdown) -> str:
    """The big digits: time left, or ``-0:45`` once over."""
    text = fmt_duration(abs(clock.seconds))
    return "-" + text if clock.phase == "over" else text


def clock_words(clock: Countdown, normal: str) -> Plain:
    """The line under a countdown: its words change with its colour."""
    if clock.phase == "over":
        return Plain(t("display.words_over", time=fmt_duration(-clock.seconds)), "words-over")
    if clock.phase == "warning":
        return Plain(t("display.words_warning", seconds=int(clock.seconds)), "words-warning")
    return Plain(normal, "words")


def _clock(clock: Countdown) -> Big:
    return Big(clock_text(clock), f"clock-{clock.phase}", CLOCK, primary=True)


def _title(state: HallState, lines: int = 1) -> Plain:
    return Plain(state.live.view.title, "title", max_lines=lines)


def _foot(state: HallState, now: datetime) -> Plain:
    parts = [t("display.waiting", waiting=state.live.queue.waiting)]
    end = state.expected_end(now)
    if end is not None:
        parts.append(t("display.forecast", time=fmt_time(end)))
    return Plain("  ·  ".join(parts), "dim", optional=True)


def _step_line(state: HallState) -> Plain:
    n, total = state.step_number
    step = state.step
    return Plain(t("display.step_line", n=n, total=total, title=step.title if step else ""), "context")


def before(state: HallState, now: datetime) -> Frame:
    view = state.live.view
    when: list[Block] = []
    if view.planned_date:
        weekday = (WEEKDAYS_VI if language() == "vi" else WEEKDAYS_EN)[view.planned_date.weekday()]
        when.append(Plain(t("display.date_line", weekday=weekday, date=fmt_date(view.planned_date)), "info"))
    if view.venue:
        when.append(Plain(view.venue, "info", max_lines=2))
    start: list[Block] = []
    if view.planned_start is not None:
        start = [
            Plain(t("display.starts_at"), "label"),
            Big(fmt_time(view.planned_start), "clock-idle", CLOCK, primary=True),
        ]
    register: list[Block] = [Plain(t("display.nobody"), "hint", max_lines=2)]
    if state.live.floor.total:
        register.append(Plain(t("display.registered", count=state.live.floor.total), "dim", optional=True))
    return Frame(top=(_title(state, 3),), middle=(tuple(start), tuple(when), tuple(register)))


def step(state: HallState, now: datetime) -> Frame:
    current = state.step
    assert current is not None
    clock = state.step_clock(now)
    heading: list[Block] = [Big(current.title, "heading", TEXT, max_lines=3, share=0.4, fallback="heading")]
    if current.presenter:
        heading.append(Plain(t("display.presenter", name=current.presenter), "info", optional=True))
    timing: tuple[Block, ...] = ()
    if clock is not None and current.planned_minutes:
        timing = (_clock(clock), clock_words(clock, t("display.step_left", minutes=current.planned_minutes)))
    n, total = state.step_number
    top = (_title(state), Plain(t("display.step_of", n=n, total=total), "context"))
    return Frame(top=top, middle=(tuple(heading), timing), bottom=(_foot(state, now),))


def dialogue(state: HallState, now: datetime) -> Frame:
    floor = state.live.floor
    top = (_title(state), _step_line(state)) if state.step is not None else (_title(state),)
    speaker = floor.speaker
    next_names = list(floor.next_names)
    who: list[Block]
    timing: tuple[Block, ...]
    if speaker is not None:
        clock = state.speaker_clock(now)
        assert clock is not None
        who = [Plain(t("display.speaking"), "label", optional=True), _name(speaker.name, "name")]
        details = " · ".join(x for x in (speaker.locality, speaker.field) if x)
        if details:
            who.append(Plain(details, "info"))
        timing = (_clock(clock), clock_words(clock, t("display.left")))
    elif (answer_clock := state.answer_clock(now)) is not None and floor.answer is not None:
        who = [Plain(t("display.answering"), "label"), _name(floor.answer[0], "name")]
        timing = (
            Big(clock_text(answer_clock), "clock-open", CLOCK, primary=True),
            Plain(t("display.answer_time"), "words"),
        )
    elif next_names:
        who = [Plain(t("display.next_up"), "label"), _name(next_names.pop(0), "name-next")]
        timing = (Plain(t("display.nobody"), "hint"),)
    else:
        who = [Plain(t("display.nobody"), "heading", max_lines=2)]
        timing = ()
    bottom: list[Plain] = []
    if next_names:
        bottom.append(Plain(t("display.then", names="  ·  ".join(next_names)), "next"))
    bottom.append(_foot(state, now))
    return Frame(top=top, middle=(tuple(who), timing), bottom=tuple(bottom))


def _name(name: str, style: str) -> Big:
    return Big(name, style, TEXT, max_lines=3, share=0.5, fallback=style)


def recess(state: HallState, now: datetime) -> Frame:
    view = state.live.view
    big: tuple[Block, ...] = (
        Big(t("display.recess"), "recess", TEXT, primary=state.resume_at is None, share=0.5, max_lines=2),
    )
    clock = state.recess_clock(now)
    timing: tuple[Block, ...] = ()
    if state.resume_at is not None and clock is not None:
        words = (
            Plain(t("display.resume_due"), "words-warning")
            if clock.phase == "over"
            else Plain(t("display.resume_left"), "words")
        )
        phase = "idle" if clock.phase == "normal" else clock.phase
        timing = (
            Plain(t("display.resume_at", time=fmt_time(state.resume_at)), "info"),
            Big(fmt_duration(max(0.0, clock.seconds)), f"clock-{phase}", CLOCK, primary=True),
            words,
        )
    elif view.recess_since is not None and clock is not None:
        timing = (
            Plain(
                t("display.recess_since", time=fmt_time(view.recess_since), elapsed=fmt_duration(clock.seconds)), "info"
            ),
        )
    return Frame(top=(_title(state),), middle=(big, timing))


def closed(state: HallState, now: datetime) -> Frame:
    thanks = (Big(t("display.thanks_big"), "thanks", TEXT, primary=True, share=0.5, max_lines=2),)
    words = (Plain(t("display.closed"), "heading"), Plain(t("display.thanks"), "info", max_lines=3))
    return Frame(top=(_title(state, 2),), middle=(thanks, words))


def frame_for(state: HallState, now: datetime) -> Frame:
    """The frame of the meeting's current mode at *now*."""
    builders = {BEFORE: before, DIALOGUE: dialogue, RECESS: recess, CLOSED: closed}
    return builders.get(state.mode, step)(state, now)
