"""The clock bar (đồng hồ): wall clock, meeting time, step time vs plan, forecast end.

Colour says over/under time and the words say it too, for monochrome terminals."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import Static

from session.domain.clocks import forecast, meeting_elapsed, minutes_left, minutes_over, step_elapsed
from session.domain.dates import fmt_duration, fmt_time
from session.domain.live import LiveState
from session.i18n import t
from session.tui.widgets.text import show_text

SEP = "  │  "


class ClockBar(Static):
    """Two lines; repainted once a second, alone (not the whole screen)."""

    def render_state(self, state: LiveState, now: datetime) -> Text:
        view = state.view
        line1 = Text()
        line1.append(t("clock.wall", time=now.strftime("%H:%M:%S")), style="bold")
        line1.append(SEP)
        if view.status == "planned":
            line1.append(t("clock.meeting.planned", time=fmt_time(view.planned_start) or "—"))
        elif view.status == "closed":
            line1.append(
                t(
                    "clock.meeting.closed",
                    time=fmt_time(view.actual_end),
                    elapsed=fmt_duration(meeting_elapsed(view, now)),
                )
            )
        else:
            line1.append(t("clock.meeting", elapsed=fmt_duration(meeting_elapsed(view, now))))
        if view.status == "recess" and view.recess_since:
            line1.append(SEP)
            away = (now - view.recess_since).total_seconds()
            line1.append(
                t("clock.recess", time=fmt_time(view.recess_since), elapsed=fmt_duration(away)), style="bold reverse"
            )
        step = view.current_step
        if step is not None:
            elapsed = step_elapsed(step, view, now)
            planned = step.planned_minutes * 60
            line1.append(SEP)
            line1.append(t("clock.step", n=step.position, elapsed=fmt_duration(elapsed), planned=fmt_duration(planned)))
            line1.append(" ")
            if elapsed > planned:
                line1.append(t("clock.step.over", m=minutes_over(elapsed, planned)), style="bold red")
            else:
                line1.append(t("clock.step.left", m=minutes_left(elapsed, planned)), style="green")
        line2 = Text()
        fc = forecast(view, now, state.queue)
        if view.status == "closed":
            # How it ended against the plan, not a forecast.
            planned_text = fmt_time(fc.planned_end) or "—"
            if fc.over_minutes > 0:
                line2.append(t("clock.ended.over", m=fc.over_minutes, planned=planned_text), style="bold red")
            elif fc.planned_end is not None:
                line2.append(t("clock.ended.ok", planned=planned_text), style="green")
        elif fc.end is not None:
            line2.append(t("clock.forecast", time=fmt_time(fc.end)), style="bold")
            line2.append(" · ")
            planned_text = fmt_time(fc.planned_end) or "—"
            if fc.over_minutes > 0:
                line2.append(t("clock.forecast.over", m=fc.over_minutes, planned=planned_text), style="bold red")
            else:
                line2.append(t("clock.forecast.ok", planned=planned_text), style="green")
        return Text("\n").join([line1, line2])

    def show(self, state: LiveState, now: datetime) -> None:
        show_text(self, self.render_state(state, now))
