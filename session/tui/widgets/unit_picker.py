"""Choosing the meeting's administrative unit from the official list (3,321 units), found by
typing without accents: "ba don" → Phường Ba Đồn — tỉnh Quảng Trị. Up/Down move in the
matches while typing, Enter chooses."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from session.domain.units import Unit, search_units
from session.i18n import t
from session.tui.widgets.field import Input

LIMIT = 30


class UnitSearch(Input):
    """The search field: Up/Down move the highlight in the matches below it."""

    BINDINGS = [
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
    ]

    def action_move(self, step: int) -> None:
        options = self.query_ancestor(UnitPicker).query_one(OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else -1
            options.highlighted = max(0, min(options.option_count - 1, current + step))


class UnitPicker(Vertical):
    """Search field, matches and the unit chosen."""

    DEFAULT_CSS = """
    UnitPicker { height: auto; }
    UnitPicker OptionList { height: auto; max-height: 6; }
    UnitPicker #unit-chosen { color: $text-muted; }
    """

    @dataclass
    class Chosen(Message):
        unit: Unit

    def __init__(self, unit: Unit | None = None, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.unit = unit if unit is not None and unit.known else None
        self._found: list[Unit] = []

    def compose(self) -> ComposeResult:
        yield UnitSearch(placeholder=t("unit.search"), id="unit-search")
        yield OptionList(id="unit-options")
        yield Static(self._chosen_text(), id="unit-chosen")

    def on_mount(self) -> None:
        self.query_one(OptionList).display = False

    def _chosen_text(self) -> str:
        return t("unit.chosen", unit=self.unit.label) if self.unit else t("unit.none")

    @on(Input.Changed, "#unit-search")
    def search(self, event: Input.Changed) -> None:
        event.stop()
        self._found = search_units(event.value, limit=LIMIT)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(u.label) for u in self._found])
        options.display = bool(self._found)
        if self._found:
            options.highlighted = 0

    @on(Input.Submitted, "#unit-search")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()  # Enter here chooses a unit; it does not submit the form
        self.submit()

    def submit(self) -> None:
        """Choose the highlighted match (Enter in the search field)."""
        options = self.query_one(OptionList)
        if self._found and options.highlighted is not None:
            self.choose(self._found[options.highlighted])

    @on(OptionList.OptionSelected, "#unit-options")
    def selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.choose(self._found[event.option_index])

    def choose(self, unit: Unit) -> None:
        self.unit = unit
        self.query_one("#unit-chosen", Static).update(self._chosen_text())
        self.query_one(OptionList).display = False
        self.post_message(self.Chosen(unit))

    def show(self, unit: Unit | None, note: str = "") -> None:
        """Show *unit* as chosen without announcing it (the issuing body typed by hand named it)."""
        self.unit = unit if unit is not None and unit.known else None
        self.query_one("#unit-chosen", Static).update(note or self._chosen_text())
