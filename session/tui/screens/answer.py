"""Who answers (người trả lời): pick the chair or an official, or type another name;
and the summary when the answer ends."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static

from models.errors import HoinghiError
from models.text import clean_text, fold, matches
from session.domain.answers import Answerer
from session.i18n import error_text, t
from session.tui.screens.form import FormMessage, FormScreen
from session.tui.widgets.field import Input


class AnswerPickScreen(FormScreen[Answerer | None]):
    """Pick who answers: typing filters the list at once (accents not needed); ↓/↑ move
    in it; Enter takes the highlighted person, or the typed "Name – title – agency"."""

    BINDINGS = [
        Binding("escape", "cancel", "key.cancel"),
        Binding("down", "cursor(1)", show=False),
        Binding("up", "cursor(-1)", show=False),
    ]

    def __init__(self, people: list[Answerer]) -> None:
        super().__init__()
        self.people = people
        self.shown: list[Answerer] = list(people)

    @staticmethod
    def label(person: Answerer) -> str:
        prefix = t("answer.chair") + ": " if person.by_chair else ""
        return f"{prefix}{person.name} – {person.title}".rstrip(" –")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(t("answer.title"), classes="dialog-title")
            yield Input(id="answer-other", placeholder=t("answer.type"))
            yield OptionList(*[self.label(p) for p in self.people], id="answerers")
            yield FormMessage("", id="form-error", classes="error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.people:
            self.query_one(OptionList).highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        words = event.value.replace("—", "–").split("–")[0]
        self.shown = [p for p in self.people if matches(words, fold(f"{p.name} {p.title} {p.agency}"))]
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([self.label(p) for p in self.shown])
        if self.shown:
            options.highlighted = 0

    def action_cursor(self, delta: int) -> None:
        options = self.query_one(OptionList)
        if self.shown:
            current = options.highlighted or 0
            options.highlighted = max(0, min(len(self.shown) - 1, current + delta))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.shown[event.option_index])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        typed = event.value.replace("—", "–")
        highlighted = self.query_one(OptionList).highlighted
        if self.shown and highlighted is not None and "–" not in typed:
            self.dismiss(self.shown[highlighted])
            return
        parts = [p.strip() for p in typed.split("–")]
        try:
            name = clean_text(parts[0], field="name", required=True)
        except HoinghiError as exc:
            self.query_one("#form-error", Static).update(error_text(exc))
            return
        title = parts[1] if len(parts) > 1 else ""
        agency = parts[2] if len(parts) > 2 else ""
        self.dismiss(Answerer(name, title, agency))

    def action_cancel(self) -> None:
        self.dismiss(None)


class AnswerEndScreen(FormScreen[str | None]):
    """The end of an answer: its summary (tóm tắt trả lời). *submit* (raises HoinghiError)
    records it; on an error the form stays open with the summary as typed."""

    BINDINGS = [Binding("escape", "skip", "key.cancel")]

    def __init__(self, submit: Callable[[str], object] | None = None) -> None:
        super().__init__()
        self.submit = submit

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(t("answer.end_title"), classes="dialog-title")
            yield Input(id="answer-summary")
            yield FormMessage("", id="form-error", classes="error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def _finish(self, summary: str) -> None:
        try:
            if self.submit is not None:
                self.submit(summary)
        except HoinghiError as exc:
            self.query_one("#form-error", Static).update(error_text(exc))
            return
        self.dismiss(summary)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._finish(event.value)

    def action_skip(self) -> None:
        if not self.may_leave():
            return
        self._finish("")
