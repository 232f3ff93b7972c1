"""The agenda table (chương trình): steps with planned and actual minutes and their state."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from session.domain.clocks import minutes_over, step_elapsed
from session.domain.views import AgendaStep, MeetingView
from session.i18n import t
from session.tui.widgets.text import shorten

FIXED = 4 + 7 + 10 + 8 + 2  # the other columns, cell padding and the scrollbar


class AgendaTable(DataTable[Text]):
    """One row per step. Only the current row's time cell changes on a clock tick."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.add_column(t("agenda.col.no"), key="no", width=4)
        self.add_column(t("agenda.col.step"), key="step", width=40)
        self.add_column(t("agenda.col.planned"), key="planned", width=7)
        self.add_column(t("agenda.col.actual"), key="actual", width=10)
        self._actual_text: dict[str, str] = {}
        self._shown: dict[str, tuple[Text, ...]] = {}
        self._columns = ("no", "step", "planned", "actual")
        self._last: tuple[MeetingView, datetime] | None = None

    def on_resize(self) -> None:
        width = max(16, self.size.width - FIXED)
        column = self.columns.get(ColumnKey("step"))
        if column is not None and column.width != width:
            column.width = width
            # DataTable recomputes its virtual width only when told (no public API for it).
            self._require_update_dimensions = True
            self.refresh()
            if self._last is not None:
                self.show(*self._last)  # the step names, shortened to the new width

    @staticmethod
    def _actual(step: AgendaStep, view: MeetingView, now: datetime) -> Text:
        if step.started_at is None:
            return Text("")
        elapsed = step_elapsed(step, view, now)
        minutes = int(elapsed // 60)
        planned = step.planned_minutes * 60
        if elapsed > planned:
            return Text(f"{minutes}′ " + t("agenda.over", m=minutes_over(elapsed, planned)), style="bold red")
        return Text(f"{minutes}′", style="green" if step.ended_at else "")

    @staticmethod
    def _number(step: AgendaStep, view: MeetingView) -> Text:
        """Step number with a mark that says its state without colour: ▶ now, ✓ done, – skipped."""
        state = "current" if step.id == view.current_item_id else step.state
        if state == "current" and step.ended_at:
            state = "done"
        mark = {"current": "▶ ", "done": "✓ ", "skipped": "– "}.get(state, "")
        style = {"current": "bold reverse", "done": "dim"}.get(state, "")
        return Text(f"{mark}{step.position}", style=style, justify="right", no_wrap=True)

    def _cells(self, step: AgendaStep, view: MeetingView, now: datetime) -> tuple[Text, ...]:
        return (
            self._number(step, view),
            Text(shorten(step.title, self._step_width()), style="dim strike" if step.skipped else ""),
            Text(t("minutes.planned", m=step.planned_minutes), justify="right"),
            self._actual(step, view, now),
        )

    def _step_width(self) -> int:
        column = self.columns.get(ColumnKey("step"))
        return column.width if column is not None else 40

    def show(self, view: MeetingView, now: datetime, *, cursor_step: int | None = None) -> None:
        """Show the agenda after an action: rows are rebuilt only when steps were added,
        removed or reordered; otherwise only the cells whose text changed are updated."""
        self._last = (view, now)
        keep = cursor_step
        if keep is None and self.row_count:
            keep = self.selected_step_id()
        keys = [str(step.id) for step in view.agenda]
        rows = {str(step.id): self._cells(step, view, now) for step in view.agenda}
        if keys == [row.value for row in self.rows] and self._shown:
            for key, cells in rows.items():
                for column, old, new in zip(self._columns, self._shown[key], cells, strict=True):
                    if old != new:
                        self.update_cell(key, column, new)
        else:
            self.clear()
            for key, cells in rows.items():
                self.add_row(*cells, key=key)
        self._shown = rows
        self._actual_text = {key: cells[3].plain for key, cells in rows.items()}
        if keep is not None and str(keep) in self.rows and keep != self.selected_step_id():
            self.move_cursor(row=self.get_row_index(str(keep)))

    def tick(self, view: MeetingView, now: datetime) -> None:
        """Refresh only the current step's time cell, and only when its text changes."""
        self._last = (view, now)  # a resize shows this second, not the last action's
        step = view.current_step
        if step is None or str(step.id) not in self.rows:
            return
        actual = self._actual(step, view, now)
        if self._actual_text.get(str(step.id)) != actual.plain:
            self._actual_text[str(step.id)] = actual.plain
            self._shown[str(step.id)] = (*self._shown[str(step.id)][:3], actual)
            self.update_cell(str(step.id), "actual", actual)

    def selected_step_id(self) -> int | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return int(key) if key is not None else None
