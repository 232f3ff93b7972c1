"""Small modal dialogs: confirm, step form, phrase picker, key help."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Select, Static

from models.errors import HoinghiError
from session.domain.templates import STEP_KINDS
from session.i18n import error_text, t
from session.tui.actions import translate
from session.tui.screens.form import FormMessage, FormScreen
from session.tui.widgets.field import Input


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "key.yes"),
        Binding("n,escape", "answer(False)", "key.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        translate(self._bindings)
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-title")
            with Horizontal(classes="buttons"):
                yield Button(t("confirm.yes"), variant="primary", id="yes")
                yield Button(t("confirm.no"), id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


@dataclass(frozen=True)
class StepDraft:
    title: str
    presenter: str
    minutes: int
    kind: str


class StepFormScreen(FormScreen[StepDraft | None]):
    """Insert or edit a step. Validation happens in the domain; errors show in the form."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel")]

    def __init__(
        self, heading: str, draft: StepDraft | None = None, submit: Callable[[StepDraft], object] | None = None
    ) -> None:
        super().__init__()
        self.heading = heading
        self.draft = draft or StepDraft("", "", 10, "other")
        self.submit = submit  # raises HoinghiError

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.heading, classes="dialog-title")
            yield Label(t("step.form.title"))
            yield Input(self.draft.title, id="step-title-input")
            yield Label(t("step.form.presenter"))
            yield Input(self.draft.presenter, id="step-presenter-input")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(t("step.form.minutes"))
                    yield Input(str(self.draft.minutes), id="step-minutes-input", type="integer")
                with Vertical():
                    yield Label(t("step.form.kind"))
                    yield Select(
                        [(t(f"step.kind.{k}"), k) for k in STEP_KINDS],
                        value=self.draft.kind,
                        allow_blank=False,
                        id="step-kind-input",
                    )
            yield FormMessage("", id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("key.save"), variant="primary", id="save")
                yield Button(t("key.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#step-title-input", Input).focus()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self._save()

    def save_form(self) -> bool:
        self._save()
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self._save()
        else:
            self.action_cancel()  # as Esc: typed text is not dropped without a word

    def action_cancel(self) -> None:
        if not self.may_leave():
            return
        self.dismiss(None)

    def _save(self) -> None:
        raw_minutes = self.query_one("#step-minutes-input", Input).value.strip() or "0"
        try:
            minutes = int(raw_minutes)
        except ValueError:
            self.query_one("#form-error", Static).update(t("error.agenda.bad_minutes", value=raw_minutes))
            return
        draft = StepDraft(
            title=self.query_one("#step-title-input", Input).value,
            presenter=self.query_one("#step-presenter-input", Input).value,
            minutes=minutes,
            kind=str(self.query_one("#step-kind-input", Select).value),
        )
        try:
            if self.submit is not None:
                self.submit(draft)
        except HoinghiError as exc:
            self.query_one("#form-error", Static).update(error_text(exc))
            return
        self.dismiss(draft)


class PhraseScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, phrases: list[str], source: str, labels: list[str] | None = None) -> None:
        super().__init__()
        translate(self._bindings)
        self.phrases = phrases
        self.labels = labels or phrases
        self.source = source

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(t("phrase.title"), classes="dialog-title")
            yield OptionList(*self.labels, id="phrases")
            yield Static(t("phrase.file", path=self.source), classes="muted")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.phrases[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)


class HelpScreen(ModalScreen[None]):
    """Every key of the screen below, with its Vietnamese (or English) name."""

    BINDINGS = [Binding("escape,f1,q", "close", "key.back")]

    def __init__(self, rows: list[tuple[str, str, bool]]) -> None:
        super().__init__()
        translate(self._bindings)
        self.rows = rows

    def compose(self) -> ComposeResult:
        text = Text()
        for keys, description, anywhere in self.rows:
            text.append(f"{keys:>16}  ", style="bold")
            text.append(description)
            if anywhere:
                text.append(f"  ({t('help.anywhere')})", style="dim")
            text.append("\n")
        text.append("\n" + t("help.close"), style="dim")
        with Vertical(classes="dialog wide"):
            yield Static(t("help.title"), classes="dialog-title")
            with VerticalScroll():
                yield Static(text, id="help-keys")

    def action_close(self) -> None:
        self.dismiss(None)


class ReasonScreen(FormScreen[str]):
    """Ask for a reason (lý do), e.g. to close with petitions still open. Empty: cancelled.

    With *submit* (raises HoinghiError) the reason is acted on here: on an error the form
    stays open with the text as typed and the message under it."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, question: str, submit: Callable[[str], object] | None = None) -> None:
        super().__init__()
        self.question = question
        self.submit = submit

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(self.question, classes="dialog-title")
            yield Input(id="reason")
            yield FormMessage("", id="form-error", classes="error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.query_one("#form-error", Static).update(t("reason.empty"))
            return
        try:
            if self.submit is not None:
                self.submit(event.value)
        except HoinghiError as exc:
            self.query_one("#form-error", Static).update(error_text(exc))
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        if not self.may_leave():
            return
        self.dismiss("")
