"""The registration desk's slip form (phiếu đăng ký phát biểu): fast enough for a stack of
paper slips. Enter saves and clears for the next slip; a near-duplicate asks first.
Opened on a registration (*editing*) it corrects that one and closes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Select, Static

from models.errors import Conflict, HoinghiError
from session.domain.fields import get_fields
from session.domain.registrations import ROLES, SOURCES, RegistrationView, Slip, registration_number
from session.domain.units import place_words
from session.i18n import error_text, t
from session.tui.screens.form import FormMessage, FormScreen
from session.tui.widgets.field import Input
from session.tui.widgets.text import show_text


class RegistrationForm(FormScreen[int]):
    """Returns how many slips were saved."""

    BINDINGS = [Binding("escape", "close", "key.back")]

    def __init__(self, meeting_id: int, *, source: str = "hall", editing: RegistrationView | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.source = editing.source if editing else source
        self.editing = editing
        self.saved = 0
        # The (name, residential unit) the desk was warned about: Enter again on the same pair adds it;
        # any correction of either asks again.
        self._confirm_twin: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        fields = get_fields(self.hoinghi.store)
        self._default_field = fields[-1]  # the catch-all field ("khác") until the desk picks one
        old = self.editing
        if old is not None and old.field and old.field not in fields:
            fields = [*fields, old.field]
        heading = t("form.edit_title", number=old.position) if old else t("form.title")
        with Vertical(classes="dialog wide", id="reg-form"):
            yield Static(heading, classes="dialog-title")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(t("form.name"))
                    yield Input(old.name if old else "", id="reg-name")
                with Vertical():
                    yield Label(
                        t(
                            "form.locality",
                            residential=place_words(self.hoinghi.store, self.meeting_id).residential_label,
                        )
                    )
                    yield Input(old.locality if old else "", id="reg-locality")
            yield Label(t("form.summary"))
            yield Input(old.summary.replace("\n", " ") if old else "", id="reg-summary")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(t("form.field"))
                    yield Select(
                        [(f, f) for f in fields],
                        value=old.field if old and old.field else self._default_field,
                        allow_blank=False,
                        id="reg-field",
                    )
                with Vertical():
                    yield Label(t("form.role"))
                    yield Select(
                        [(t(f"role.{r}"), r) for r in ROLES],
                        value=old.role if old else "citizen",
                        allow_blank=False,
                        id="reg-role",
                    )
                with Vertical():
                    yield Label(t("form.source"))
                    yield Select(
                        [(t(f"source.{s}"), s) for s in SOURCES], value=self.source, allow_blank=False, id="reg-source"
                    )
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(t("form.organisation"))
                    yield Input(old.organisation if old else "", id="reg-organisation")
                with Vertical():
                    yield Label(t("form.phone"))
                    yield Input(old.phone if old else "", id="reg-phone")
            yield FormMessage("", id="form-error", classes="error")
            yield Static("", id="form-status", classes="muted")

    def on_mount(self) -> None:
        self.query_one("#reg-name", Input).focus()

    def _slip(self) -> Slip:
        def value(wid: str) -> str:
            return self.query_one(f"#{wid}", Input).value

        return Slip(
            name=value("reg-name"),
            locality=value("reg-locality"),
            role=str(self.query_one("#reg-role", Select).value),
            organisation=value("reg-organisation"),
            field=str(self.query_one("#reg-field", Select).value),
            summary=value("reg-summary"),
            source=str(self.query_one("#reg-source", Select).value),
            phone=value("reg-phone"),
        )

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.save()

    def save_form(self) -> bool:
        self.save()
        return True

    def on_input_changed(self, _event: Input.Changed) -> None:
        # The error (or the near-duplicate warning) was about what stood before this
        # correction: it goes, and a near-duplicate is asked about again.
        error = self.query_one("#form-error", FormMessage)
        if error.said:
            error.clear()
            self._confirm_twin = None

    def save(self) -> None:
        slip = self._slip()
        error = self.query_one("#form-error", FormMessage)
        key = (slip.name, slip.locality)
        ws = self.hoinghi.workstation(self.meeting_id)
        try:
            if self.editing is not None:
                ws.edit_registration(self.editing.id, slip, force=self._confirm_twin == key)
                self.hoinghi.notify(t("form.corrected", number=self.editing.position, name=slip.name.strip()))
                self.dismiss(1)
                return
            reg_id = ws.register(slip, force=self._confirm_twin == key)
        except Conflict as exc:
            if exc.code == "registration.duplicate":
                self._confirm_twin = key
                error.update(t("form.duplicate", message=error_text(exc)))
                return
            error.update(error_text(exc))
            return
        except HoinghiError as exc:
            error.update(error_text(exc))
            return
        self._confirm_twin = None
        self.saved += 1
        error.clear()
        number = registration_number(self.hoinghi.store, reg_id)
        # Repainted in place; the dialog is laid out again only if the line's height changes.
        show_text(
            self.query_one("#form-status", Static),
            t("form.saved", number=number, name=slip.name.strip()) + "  " + t("form.count", count=self.saved),
        )
        for wid in ("reg-name", "reg-locality", "reg-summary", "reg-organisation", "reg-phone"):
            self.query_one(f"#{wid}", Input).value = ""
        # Each slip names its own field: the last one's is not carried silently to the next.
        self.query_one("#reg-field", Select).value = self._default_field
        self.forget_choices()
        self._confirm_twin = None
        # Now, not later: the next slip's first letters may already be on their way.
        self.set_focus(self.query_one("#reg-name", Input))
        self.hoinghi.poll_store()  # the queue behind the form shows the new slip at once

    def action_close(self) -> None:
        if not self.may_leave():
            return
        self.dismiss(self.saved)
