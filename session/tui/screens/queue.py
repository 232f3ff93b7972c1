"""The queue screen (danh sách đăng ký): every registration, searchable without accents,
filtered or grouped by field, reordered and called by keys. One QueueList (Line API, no
widget per row); after an action only the rows it touched are re-rendered."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from models.errors import HoinghiError
from models.text import fold
from session.domain import queue
from session.domain.dates import fmt_duration
from session.domain.fields import get_fields
from session.domain.registrations import RegistrationView, limits_of, list_registrations
from session.domain.units import Place, place_words
from session.i18n import t
from session.tui.actions import DESK, QUEUE, translate
from session.tui.screens.base import MeetingScreenBase
from session.tui.widgets.field import Input
from session.tui.widgets.key_bar import KeyBar
from session.tui.widgets.queue_list import Cells, QueueList
from session.tui.widgets.text import show_text

if TYPE_CHECKING:
    from session.domain.sync import Changes

COLUMNS = ("no", "name", "locality", "field", "status", "summary")
COLUMN_WIDTHS = (6, 27, 17, 16, 11, 40)
COLUMN_FLOORS = (6, 17, 11, 11, 11)  # on a narrow screen, what each gives the summary at most
STATUS_ORDER = {"speaking": 0, "waiting": 1, "done": 2, "absent": 3, "withdrawn": 4}
STATUS_STYLE = {
    "speaking": "bold reverse",
    "waiting": "",
    "done": "dim",
    "absent": "dim italic",
    "withdrawn": "dim strike",
}
FULL_RELOAD = 200  # more changed rows than this: rebuild the table

Order = tuple[str, int, int]  # a row's place in the queue: (group, status, queue position)


class SearchField(Input):
    """The list's search box: Esc goes back to the list (the key bar says so), keeping
    what was typed; a second Esc leaves the list."""

    BINDINGS = [Binding("escape", "leave", "key.leave_search", show=True)]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        translate(self._bindings)

    def action_leave(self) -> None:
        self.screen.query_one(QueueList).focus()


class QueueScreen(MeetingScreenBase):
    """The list of registrations; with *desk* the registration desk's own screen
    (slips, corrections, imports — no calling or reordering)."""

    def __init__(self, meeting_id: int, *, desk: bool = False) -> None:
        self.desk = desk
        self.ACTIONS = DESK if desk else QUEUE
        super().__init__(meeting_id)
        self.views: dict[int, RegistrationView] = {}
        self._order_of: dict[str, Order] = {}  # row key -> its place in the queue order
        self.field_filter: str | None = None
        self.query_text = ""
        self.grouped = False
        self.place: Place | None = None  # the meeting's unit: its residential word heads a column
        self._search_timer: Any = None
        self._limits: tuple[int, dict[str, int]] = (0, {})  # the meeting's speaking limits (load_all)

    def compose(self) -> ComposeResult:
        yield Static(t("queue.title"), id="title-bar")
        yield SearchField(placeholder=t("queue.search"), id="queue-search")
        yield Static("", id="queue-status")
        yield Static("", id="queue-header")
        yield QueueList(COLUMN_WIDTHS, floors=COLUMN_FLOORS, id="queue-table")
        yield Static(t("queue.legend"), id="queue-legend", classes="muted")
        yield KeyBar()

    def _show_header(self, table: QueueList) -> None:
        if self.place is None:  # not mounted yet: on_mount shows it
            return
        labels = [t(f"queue.col.{c}", residential=self.place.residential_label) for c in COLUMNS]
        self.query_one("#queue-header", Static).update(table.header(labels))

    def on_queue_list_fitted(self, _event: QueueList.Fitted) -> None:
        self._show_header(self.query_one(QueueList))

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one(QueueList)
        self.place = place_words(self.hoinghi.store, self.meeting_id)
        self._show_header(table)
        self.load_all()
        if self.desk:
            from session.domain.meetings import meeting_view

            self.query_one("#title-bar", Static).update(
                t("desk.title", title=meeting_view(self.hoinghi.store, self.meeting_id).title)
            )
        table.focus()

    # --- data --------------------------------------------------------------------

    def load_all(self) -> None:
        try:
            # The speaking limits change only with a field_limit or meeting change, which
            # reloads everything: a repaint of a few rows reuses them.
            self._limits = limits_of(self.hoinghi.store, self.meeting_id)
            views = list_registrations(self.hoinghi.store, self.meeting_id, limits=self._limits)
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            return
        self.views = {v.id: v for v in views}
        self.rebuild()

    def _visible(self, view: RegistrationView) -> bool:
        if self.field_filter is not None and view.field != self.field_filter:
            return False
        if self.query_text and not queue.search([view], self.query_text):
            return False
        return True

    def _order(self, view: RegistrationView) -> Order:
        # Fields in the order of the alphabet as read ("đất đai" before "y tế"), not of
        # the code points (where "đ" comes after "y").
        group = f"{fold(view.field)}\0{view.field}" if self.grouped else ""
        return (group, STATUS_ORDER.get(view.status, 9), view.queue_position)

    def _cells(self, view: RegistrationView) -> Cells:
        style = STATUS_STYLE.get(view.status, "")
        mark = "↺ " if view.spoke_before else ("★ " if view.first_time else "  ")
        name = Text(mark, style="bold yellow" if mark == "★ " else "bold")
        name.append(view.name, style=style)
        return (
            Text(f"{view.position:>4}", style=style),
            name,
            Text(self.place.locality_under_label(view.locality) if self.place else view.locality, style=style),
            Text(view.field, style=style),
            Text(t(f"reg.status.{view.status}"), style=style),
            Text(view.summary.replace("\n", " "), style=style),
        )

    def rebuild(self) -> None:
        """Rebuild the rows (after a filter, search or a large change)."""
        table = self.query_one(QueueList)
        keep = self.selected_id()
        rows = sorted((v for v in self.views.values() if self._visible(v)), key=self._order)
        self._order_of = {str(v.id): self._order(v) for v in rows}
        table.set_rows([(str(v.id), self._cells(v)) for v in rows])
        if keep is not None and str(keep) in table:
            table.move_cursor(table.get_row_index(str(keep)))
        self.show_status()

    def apply(self, changed: list[RegistrationView], removed: set[int]) -> None:
        """Re-render only the rows an action touched, then restore the queue order."""
        table = self.query_one(QueueList)
        keep = self.selected_id()
        for reg_id in removed:
            self.views.pop(reg_id, None)
            table.remove_row(str(reg_id))
        for view in changed:
            self.views[view.id] = view
            if self._visible(view):
                self._order_of[str(view.id)] = self._order(view)
                table.put(str(view.id), self._cells(view))
            else:
                table.remove_row(str(view.id))
        # The rows' order keys are kept, not worked out again for every row on every action.
        table.reorder(sorted(table.order, key=self._order_of.__getitem__))
        if keep is not None and str(keep) in table:
            index = table.get_row_index(str(keep))
            if index != table.cursor_row:
                table.move_cursor(index)
        self.show_status()

    def on_store_changed(self, changes: Changes) -> None:
        ids = changes.of("registration")
        if not ids and not changes.of("field_limit") and not changes.of("meeting"):
            return
        if len(ids) > FULL_RELOAD or changes.of("field_limit") or changes.of("meeting"):
            self.load_all()
            return
        # A first speech changes the marks of that person's other registrations too: they
        # are read in the same go (and once more only if a name was changed to another's).
        known = {(v.name, v.locality) for reg_id in ids if (v := self.views.get(reg_id)) is not None}
        wanted = ids | self._same_people(known)
        store, limits = self.hoinghi.store, self._limits
        fresh = list_registrations(store, self.meeting_id, ids=wanted, limits=limits)
        more = self._same_people({(v.name, v.locality) for v in fresh}) - wanted
        if more:
            fresh += list_registrations(store, self.meeting_id, ids=more, limits=limits)
        self.apply(fresh, ids - {v.id for v in fresh})

    def _same_people(self, people: set[tuple[str, str]]) -> set[int]:
        """The registrations shown of these (name, residential unit) pairs."""
        if not people:
            return set()
        return {v.id for v in self.views.values() if (v.name, v.locality) in people}

    def show_status(self) -> None:
        table = self.query_one(QueueList)
        waiting = sum(1 for v in self.views.values() if v.status == "waiting")
        speaking = next((v for v in self.views.values() if v.status == "speaking"), None)
        status = t(
            "queue.shown",
            shown=table.row_count,
            total=len(self.views),
            waiting=waiting,
            filter=self.field_filter or t("queue.filter.all"),
            grouped=t("queue.grouped") if self.grouped else "",
        )
        if self.query_text.strip():  # why fewer rows show than the list holds
            status += t("queue.searching", text=self.query_text.strip())
        if speaking is not None:
            status = t("speaker.now", name=speaking.name) + f" ({fmt_duration(speaking.limit_seconds)})  ·  " + status
        show_text(self.query_one("#queue-status", Static), status)

    def selected_id(self) -> int | None:
        key = self.query_one(QueueList).selected_key()
        return int(key) if key is not None else None

    def selected(self) -> RegistrationView | None:
        reg_id = self.selected_id()
        return self.views.get(reg_id) if reg_id is not None else None

    # --- search and filter -----------------------------------------------------------

    def action_search(self) -> None:
        self.query_one("#queue-search", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "queue-search":
            return
        self.query_text = event.value
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(0.15, self.rebuild)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "queue-search":
            self.query_one(QueueList).focus()

    def action_filter(self) -> None:
        fields = [None, *get_fields(self.hoinghi.store)]
        present = {v.field for v in self.views.values()}
        fields += sorted(present - set(fields), key=lambda f: (fold(f), f))
        index = fields.index(self.field_filter) if self.field_filter in fields else 0
        self.field_filter = fields[(index + 1) % len(fields)]
        self.rebuild()

    def action_group(self) -> None:
        self.grouped = not self.grouped
        self.rebuild()

    # --- actions -----------------------------------------------------------------------

    def _speaking(self) -> int | None:
        return next((v.id for v in self.views.values() if v.status == "speaking"), None)

    def _ended_then_called(self, speaking: int | None) -> Callable[[int], str | None]:
        """What a call says when it first ended someone's speech: both names (C ends the
        speech under way before giving the floor to the next)."""
        ended = self.views[speaking].name if speaking in self.views else None

        def said(called: int) -> str | None:
            who = self.views.get(called)
            if ended is None or who is None:
                return None
            return t("done.ended_and_called", ended=ended, name=who.name)

        return said

    def action_call_next(self) -> None:
        speaking = self._speaking()
        called = self.act(lambda: self.ws.call_next(seen=speaking) or 0, done=self._ended_then_called(speaking))
        if called == 0:
            self.app.notify(t("done.nobody_waiting", field=""), timeout=4)

    def action_call_field(self) -> None:
        view = self.selected()
        field = view.field if view else None
        speaking = self._speaking()
        called = self.act(
            lambda: self.ws.call_next(field=field, seen=speaking) or 0, done=self._ended_then_called(speaking)
        )
        if called == 0:
            self.app.notify(t("done.nobody_waiting", field=f" ({field})" if field else ""), timeout=4)

    def action_call_this(self) -> None:
        view = self.selected()
        if view is not None:
            self.act(lambda: self.ws.call(view.id))

    def action_finish_speech(self) -> None:
        """F ends the speech under way, as on the console."""
        self.act(self.ws.finish_speech)

    def on_queue_list_selected(self, _event: QueueList.Selected) -> None:
        if self.desk:
            self.action_edit_registration()
        else:
            self.action_call_this()

    def action_move(self, where: str) -> None:
        view = self.selected()
        if view is not None:
            self.act(lambda: self.ws.move_speaker(view.id, where))

    def action_absent(self) -> None:
        view = self.selected()
        if view is None:
            return

        def said(status: str) -> str:
            return t("done.absent.requeued" if status == "waiting" else "done.absent.marked", name=view.name)

        self.act(lambda: self.ws.mark_absent(view.id), done=said)

    def action_withdraw(self) -> None:
        view = self.selected()
        if view is not None:
            self.act(lambda: self.ws.withdraw(view.id))

    def action_requeue(self) -> None:
        view = self.selected()
        if view is not None:
            self.act(lambda: self.ws.requeue(view.id))

    def action_limit(self, delta: int) -> None:
        view = self.selected()
        if view is not None:
            seconds = max(30, view.limit_seconds + delta)
            # The list shows no time column: the change is said.
            said = t("done.limit", number=view.position, name=view.name, time=fmt_duration(seconds))
            self.act(lambda: self.ws.set_speaker_limit(view.id, seconds), done=said)

    def action_register(self) -> None:
        from session.tui.screens.registration_form import RegistrationForm

        self.app.push_screen(RegistrationForm(self.meeting_id))

    def action_edit_registration(self) -> None:
        from session.tui.screens.registration_form import RegistrationForm

        view = self.selected()
        if view is not None:
            self.app.push_screen(RegistrationForm(self.meeting_id, editing=view), lambda _n: self.poll_store())

    def action_import_list(self) -> None:
        from session.tui.screens.import_screen import ImportScreen

        self.app.push_screen(ImportScreen(self.meeting_id))

    def action_limits(self) -> None:
        from session.tui.screens.limits import LimitsScreen

        self.app.push_screen(LimitsScreen(self.meeting_id))

    def action_back(self) -> None:
        if not self.desk:
            self.app.pop_screen()
            return
        from session.tui.screens.dialogs import ConfirmScreen

        # The desk is the whole app: Esc asks before closing it.
        def answered(yes: bool | None) -> None:
            if yes:
                self.app.exit()

        self.app.push_screen(ConfirmScreen(t("desk.quit")), answered)
