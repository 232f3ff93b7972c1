"""Who answers (người trả lời): pick the chair or an official, or type another name;
and the summary when the answer ends."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static

from models.errors import HoinghiError
from models.text import clean_text
from session.domain.answers import Answerer
from session.i18n import error_text, t
from session.tui.screens.form import FormScreen


class AnswerPickScreen(FormScreen[Answerer | None]):
    BINDINGS = [Binding("escape", "cancel", t("key.cancel"))]

    def __init__(self, people: list[Answerer]) -> None:
        super().__init__()
        self.people = people

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(t("answer.title"), classes="dialog-title")
            labels = []
            for person in self.people:
                prefix = t("answer.chair") + ": " if person.by_chair else ""
                labels.append(f"{prefix}{person.name} – {person.title}".rstrip(" –"))
            yield OptionList(*labels, id="answerers")
            yield Label(t("answer.other"))
            yield Input(id="answer-other", placeholder="Lò Văn A – Trưởng phòng – Phòng Kinh tế")
            yield Static("", id="form-error", classes="error")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.people[event.option_index])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        parts = [p.strip() for p in event.value.replace("—", "–").split("–")]
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

    BINDINGS = [Binding("escape", "skip", t("key.cancel"))]

    def __init__(self, submit=None) -> None:  # noqa: ANN001 — callable(str) -> None
        super().__init__()
        self.submit = submit

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(t("answer.end_title"), classes="dialog-title")
            yield Input(id="answer-summary")
            yield Static("", id="form-error", classes="error")

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
        self._finish("")
