"""The invitation list (danh sách đại biểu) of a meeting, and the door: type a few letters
of a name (no accents needed), Enter ticks the person present and their group counts them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Label, Select, Static

from models.errors import HoinghiError
from session.domain.participants import (
    ROLES,
    ParticipantDraft,
    ParticipantView,
    add_participant,
    add_participants,
    edit_participant,
    find,
    participants,
    remove_participant,
    set_present,
)
from session.i18n import error_text, row_error_text, t
from session.tui.actions import PARTICIPANTS
from session.tui.screens.base import HoinghiScreen
from session.tui.screens.form import FormMessage, FormScreen
from session.tui.widgets.field import Input
from session.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from models.store import Tx
    from session.domain.participants_reader import ParticipantSheet


class ParticipantsScreen(HoinghiScreen):
    ACTIONS = PARTICIPANTS
    BINDINGS = [  # movement, no actions of their own
        Binding("down", "cursor(1)", show=False),
        Binding("up", "cursor(-1)", show=False),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.people: list[ParticipantView] = []
        self.shown: list[ParticipantView] = []
        self.seen_event: int | None = None  # set once mounted: no refresh before the table has columns

    def compose(self) -> ComposeResult:
        yield Static("", id="title-bar")
        yield Input(id="door-search", placeholder=t("participants.search"))
        yield DataTable(id="participants-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="participants-status")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(t("participants.col.no"), key="no", width=3)
        table.add_column(t("participants.col.present"), key="present", width=7)
        table.add_column(t("participants.col.name"), key="name", width=22)
        table.add_column(t("participants.col.title"), key="title", width=20)
        table.add_column(t("participants.col.body"), key="body", width=24)
        table.add_column(t("participants.col.group"), key="group", width=18)
        table.add_column(t("participants.col.role"), key="role", width=12)
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def poll_store(self) -> None:
        from session.domain.sync import last_event_id

        if self.seen_event is None:
            return
        try:
            if last_event_id(self.hoinghi.store) != self.seen_event:
                self.reload()
        except HoinghiError:
            return

    def reload(self) -> None:
        from session.domain.sync import last_event_id

        try:
            self.seen_event = last_event_id(self.hoinghi.store)
            self.people = participants(self.hoinghi.store, self.meeting_id)
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            return
        self.show_list()

    def show_list(self) -> None:
        query = self.query_one("#door-search", Input).value
        self.shown = find(self.people, query)
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        for p in self.shown:
            mark = Text(f"✓ {p.arrived_at:%H:%M}" if p.arrived_at else "✓", style="bold green") if p.present else ""
            table.add_row(
                str(p.position), mark, p.name, p.title, p.organisation, p.group, t(f"participant.role.{p.role}")
            )
        if self.shown:
            table.move_cursor(row=min(keep, len(self.shown) - 1) if not query else 0)
        present = sum(1 for p in self.people if p.present)
        self.query_one("#title-bar", Static).update(
            Text(t("participants.title", present=present, total=len(self.people)))
        )
        groups: dict[str, list[int]] = {}
        for p in self.people:
            counts = groups.setdefault(p.group or "—", [0, 0])
            counts[0] += p.present
            counts[1] += 1
        line = " · ".join(f"{g}: {c[0]}/{c[1]}" for g, c in groups.items())
        if query and not self.shown:
            line = t("participants.no_match", query=query)
        self.query_one("#participants-status", Static).update(Text(line))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "door-search":
            self.show_list()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter at the door: the one person found (or the highlighted one) is present."""
        if event.input.id != "door-search":
            return
        person = self.selected()
        if person is None:
            return
        if person.present:
            self.app.notify(t("error.participant.already_present", name=person.name), severity="warning")
            return
        if self._act("participant.present", lambda tx: set_present(tx, person.id, True, at=self.hoinghi.clock())):
            self.app.notify(t("participants.ticked", name=person.name), timeout=3)
            event.input.value = ""
            self.show_list()

    def selected(self) -> ParticipantView | None:
        table = self.query_one(DataTable)
        if not table.row_count or not self.shown:
            return None
        return self.shown[min(table.cursor_row, len(self.shown) - 1)]

    def _act(self, name: str, fn: Callable[[Tx], object]) -> bool:
        try:
            with self.hoinghi.desk_action(name, meeting_id=self.meeting_id) as tx:
                fn(tx)
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            self.reload()
            return False
        self.reload()
        return True

    def action_search(self) -> None:
        self.query_one("#door-search", Input).focus()

    def action_cursor(self, delta: int) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + delta)))

    def action_toggle_present(self) -> None:
        person = self.selected()
        if person is not None:
            self._act(
                "participant.present",
                lambda tx: set_present(tx, person.id, not person.present, at=self.hoinghi.clock()),
            )

    def action_add(self) -> None:
        self.app.push_screen(ParticipantForm(self.meeting_id), lambda _ok: self.reload())

    def action_edit(self) -> None:
        person = self.selected()
        if person is not None:
            self.app.push_screen(ParticipantForm(self.meeting_id, person), lambda _ok: self.reload())

    def action_remove(self) -> None:
        from session.tui.screens.dialogs import ConfirmScreen

        person = self.selected()
        if person is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._act("participant.remove", lambda tx: remove_participant(tx, person.id))

        self.app.push_screen(ConfirmScreen(t("participants.confirm_remove", name=person.name)), confirmed)

    def action_import(self) -> None:
        self.app.push_screen(ParticipantImportForm(self.meeting_id), lambda _ok: self.reload())

    def action_undo(self) -> None:

        try:
            name = self.hoinghi.workstation(self.meeting_id).undo().what
        except HoinghiError as exc:
            self.hoinghi.report(exc)
            return
        self.app.notify(t("done.undo", action=name), timeout=4)
        self.reload()

    def action_back(self) -> None:
        search = self.query_one("#door-search", Input)
        if search.value or search.has_focus:
            search.value = ""
            self.query_one(DataTable).focus()
            self.show_list()
            return
        self.app.pop_screen()


class ParticipantForm(FormScreen[bool]):
    """Add someone to the invitation list, or correct them."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, meeting_id: int, person: ParticipantView | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.person = person

    def compose(self) -> ComposeResult:
        p = self.person
        with Vertical(classes="dialog wide"):
            yield Static(t("participants.form.edit" if p else "participants.form.add"), classes="dialog-title")
            pairs = (
                (("name", p.name if p else ""), ("title", p.title if p else "")),
                (("body", p.organisation if p else ""), ("group", p.group if p else "")),
            )
            for pair in pairs:
                with Horizontal(classes="row"):
                    for key, value in pair:
                        with Vertical():
                            yield Label(t(f"participants.col.{key}"))
                            yield Input(value, id=f"p-{key}")
            yield Label(t("participants.col.role"))
            yield Select(
                [(t(f"participant.role.{r}"), r) for r in ROLES],
                value=p.role if p and p.role in ROLES else "delegate",
                allow_blank=False,
                id="p-role",
            )
            yield FormMessage("", id="form-error", classes="error")

    def on_mount(self) -> None:
        self.query_one("#p-name", Input).focus()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.save_form()

    def save_form(self) -> bool:
        def value(key: str) -> str:
            return self.query_one(f"#p-{key}", Input).value

        draft = ParticipantDraft(
            value("name"), value("title"), value("body"), value("group"), str(self.query_one("#p-role", Select).value)
        )
        name = "participant.edit" if self.person else "participant.add"
        try:
            with self.hoinghi.desk_action(name, meeting_id=self.meeting_id) as tx:
                if self.person is None:
                    add_participant(tx, self.meeting_id, draft)
                else:
                    edit_participant(tx, self.person.id, draft)
        except HoinghiError as exc:
            self.query_one("#form-error", Static).update(error_text(exc))
            return True
        if self.person is None:  # the next person: the group and role stay as typed
            for key in ("name", "title", "body"):
                self.query_one(f"#p-{key}", Input).value = ""
            self.query_one("#p-name", Input).focus()
            self.query_one("#form-error", Static).update(t("participants.added", name=draft.name))
            self.mark_saved()
            return True
        self.dismiss(True)
        return True

    def action_cancel(self) -> None:
        if not self.may_leave():
            return
        self.dismiss(True)


class ParticipantImportForm(FormScreen[bool]):
    """Import a list from a spreadsheet: Enter on the path shows what would be added;
    the Import button adds every row, or none when a row is wrong."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.sheet: ParticipantSheet | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(t("participants.import.title"), classes="dialog-title")
            yield Label(t("participants.import.path"))
            yield Input(id="import-path")
            yield Static("", id="import-result")
            yield FormMessage("", id="form-error", classes="error")
            yield Button(t("participants.import.run"), id="import-run", variant="primary", disabled=True)

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from session.domain.participants_reader import read_participants

        error = self.query_one("#form-error", Static)
        self.sheet = None
        self.query_one("#import-run", Button).disabled = True
        try:
            sheet = read_participants(event.value.strip().strip("'\""))
        except HoinghiError as exc:
            error.update(error_text(exc))
            self.query_one("#import-result", Static).update("")
            return
        lines = [
            t(
                "participants.import.preview",
                sheet=sheet.sheet,
                header=sheet.header_row,
                count=len(sheet.rows),
                errors=len(sheet.problems),
            )
        ]
        lines += [
            f"{r.row:>4}  {r.draft.name} — {r.draft.title} — {r.draft.organisation} [{r.draft.group}]"
            for r in sheet.rows[:8]
        ]
        if len(sheet.rows) > 8:
            lines.append(f"      … (+{len(sheet.rows) - 8})")
        self.query_one("#import-result", Static).update("\n".join(lines))
        error.update("\n".join(row_error_text(p.row, p.code, p.params) for p in sheet.problems[:6]))
        if not sheet.problems and sheet.rows:
            self.sheet = sheet
            self.query_one("#import-run", Button).disabled = False
            self.query_one("#import-run", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id != "import-run" or self.sheet is None:
            return
        rows = [r.draft for r in self.sheet.rows]
        try:
            with self.hoinghi.desk_action("participant.import", meeting_id=self.meeting_id) as tx:
                added = add_participants(tx, self.meeting_id, rows)
        except HoinghiError as exc:
            self.query_one("#form-error", Static).update(error_text(exc))
            return
        self.app.notify(t("participants.imported", count=len(added)), timeout=4)
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
