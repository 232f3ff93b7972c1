"""The floor panel (người phát biểu) on the live screen: the speaker's countdown, who is
next, who is answering, and the tally of citizens' time against officials'."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from session.domain.clocks import speakers_time_left
from session.domain.dates import fmt_duration
from session.domain.live import LiveState
from session.domain.queue import WARNING_SECONDS
from session.domain.units import meeting_place
from session.i18n import t
from session.tui.widgets.text import show_text


class QueuePanel(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(t("live.queue.title"), classes="section-title")
        yield Static("", id="speaker-now")
        yield Static("", id="speaker-clock")
        yield Static("", id="speaker-next")
        yield Static("", id="floor-tally")

    def show(self, state: LiveState, now: datetime) -> None:
        self._state = state
        self._loaded = now
        floor = state.floor
        speaker = floor.speaker
        now_text = Text()
        closed = state.view.status == "closed"
        if speaker is None and closed:
            # Nobody is called any more: who is still waiting did not get the floor.
            waiting = state.queue.waiting
            now_text.append(
                t("speaker.closed_waiting", waiting=waiting) if waiting else t("speaker.closed"), style="dim"
            )
        elif speaker is None:
            if not floor.total:
                key = "live.queue.empty"
            elif state.queue.waiting:
                key = "speaker.none"  # with the key that calls the next one
            else:
                key = "speaker.none_waiting"
            now_text.append(t(key), style="dim")
        else:
            now_text.append(t("speaker.now", name=speaker.name), style="bold")
            now_text.append("\n" + t("speaker.meta", locality=speaker.locality or "—", field=speaker.field or "—"))
        show_text(self.query_one("#speaker-now", Static), now_text)
        nxt = Text()
        if floor.next_names and not closed:
            nxt.append(t("speaker.next", names=", ".join(floor.next_names)))
        show_text(self.query_one("#speaker-next", Static), nxt)
        self.tick(now)

    def tick(self, now: datetime) -> None:
        state = getattr(self, "_state", None)
        if state is None:
            return
        floor = state.floor
        speaker = floor.speaker
        clock = Text()
        if speaker is not None:
            elapsed = speaker.elapsed(now)
            left = speaker.limit_seconds - elapsed
            if speaker.paused_at is not None:
                clock.append(f" {t('speaker.paused')} ", style="bold reverse")
                clock.append(" ")
            if left < 0:
                clock.append(f" {fmt_duration(-left, signed=True)} ", style="bold white on red")
                clock.append(" " + t("speaker.over", time=fmt_duration(-left)), style="bold red")
            elif left <= WARNING_SECONDS:
                clock.append(f" {fmt_duration(left)} ", style="bold black on yellow")
                clock.append(" " + t("speaker.warning", seconds=int(left)), style="bold yellow")
            else:
                clock.append(f" {fmt_duration(left)} ", style="bold reverse")
                clock.append(" " + t("speaker.left", time=fmt_duration(left)))
        if floor.answer is not None:
            name, since = floor.answer
            if clock:
                clock.append("\n")
            clock.append(t("speaker.answer", name=name, time=fmt_duration((now - since).total_seconds())), style="bold")
        show_text(self.query_one("#speaker-clock", Static), clock)
        # Live tally: what was loaded plus what has run since.
        since = (now - self._loaded).total_seconds()
        citizens = floor.citizens_seconds + (since if speaker is not None and speaker.paused_at is None else 0)
        officials = floor.officials_seconds + (since if floor.answer is not None else 0)
        total = citizens + officials
        share = round(100 * citizens / total) if total else 0
        tally = Text(
            t(
                "tally.line",
                citizens=fmt_duration(citizens),
                share=share,
                officials=fmt_duration(officials),
                speeches=floor.speeches,
            )
        )
        queue = state.queue
        if queue.waiting and state.view.status != "closed":
            seconds, of_dialogue = speakers_time_left(state.view, now)
            key = "tally.waiting" if of_dialogue else "tally.waiting_meeting"
            needed = round(queue.waiting_seconds / 60)
            tally.append("\n" + t(key, waiting=queue.waiting, needed=needed, left=int(seconds // 60)))
        if floor.by_field:
            top = ", ".join(f"{k} {v}" for k, v in list(floor.by_field.items())[:4])
            tally.append("\n" + t("tally.fields", fields=top), style="dim")
        if floor.by_locality:
            top = ", ".join(f"{k} {v}" for k, v in list(floor.by_locality.items())[:4])
            tally.append(
                "\n" + t("tally.localities", places=top, residential=meeting_place(state.view).residential_word),
                style="dim",
            )
        show_text(self.query_one("#floor-tally", Static), tally)
