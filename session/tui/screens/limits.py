"""Speaking time limits (thời gian phát biểu): the meeting default and per field."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, Static

from models.errors import HoinghiError
from session.domain.fields import get_fields
from session.domain.registrations import limits_of
from session.i18n import error_text, t
from session.tui.screens.form import FormMessage, FormScreen
from session.tui.widgets.field import Input


class LimitsScreen(FormScreen[bool]):
    BINDINGS = [Binding("escape", "close", "key.cancel")]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        default, per_field = limits_of(self.hoinghi.store, self.meeting_id)
        self.fields = get_fields(self.hoinghi.store)
        with Vertical(classes="dialog"):
            yield Static(t("limits.title"), classes="dialog-title")
            with VerticalScroll(id="limits-list"):
                with Horizontal(classes="row"):
                    yield Label(t("limits.default"), classes="limit-label")
                    yield Input(str(default), id="limit-default", type="integer")
                for n, field in enumerate(self.fields):
                    with Horizontal(classes="row"):
                        yield Label(field, classes="limit-label")
                        yield Input(str(per_field.get(field, "")), id=f"limit-{n}", type="integer", placeholder="—")
            yield FormMessage("", id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("key.save"), variant="primary", id="save")
                yield Button(t("key.cancel"), id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.save()
        else:
            self.dismiss(False)

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.save()

    def save(self) -> None:
        def number(wid: str) -> int:
            value = self.query_one(f"#{wid}", Input).value.strip()
            return int(value) if value else 0

        try:
            per_field = {field: number(f"limit-{n}") for n, field in enumerate(self.fields)}
            self.hoinghi.workstation(self.meeting_id).set_limits(number("limit-default"), per_field)
        except HoinghiError as exc:
            self.query_one("#form-error", Static).update(error_text(exc))
            return
        except ValueError:
            return
        self.hoinghi.poll_store()
        self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(False)
