"""New meeting form (tạo hội nghị mới) from an agenda template."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from models.errors import HoinghiError
from session.domain.dates import fmt_date, parse_date, parse_time
from session.domain.meetings import create_meeting
from session.domain.templates import list_templates
from session.i18n import error_text, t


class NewMeetingScreen(ModalScreen[int | None]):
    BINDINGS = [Binding("escape", "cancel", t("key.cancel"))]

    def __init__(self, *, plan_id: int | None = None) -> None:
        super().__init__()
        self.plan_id = plan_id

    def compose(self) -> ComposeResult:
        try:
            templates = list_templates()
        except HoinghiError as exc:
            templates = []
            self.app.report(exc)
        self._templates = {tpl.name: tpl for tpl in templates}
        options = [(f"{tpl.title} ({tpl.name}, {tpl.minutes}′)", tpl.name) for tpl in templates]
        today = self.app.clock().date()
        with Vertical(id="new-form", classes="dialog"):
            yield Static(t("new.title"), classes="dialog-title")
            yield Label(t("new.template"))
            yield Select(options, value=options[0][1] if options else Select.BLANK, allow_blank=False, id="template")
            yield Label(t("new.name"))
            yield Input(id="title")
            yield Label(t("new.venue"))
            yield Input(id="venue")
            yield Label(t("new.place"))
            yield Input(id="place")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(t("new.date"))
                    yield Input(fmt_date(today), id="date")
                with Vertical():
                    yield Label(t("new.start"))
                    yield Input(id="start", placeholder="07:30")
            yield Label(t("new.plan"))
            yield Select(self._plan_options(), value=self.plan_id or 0, allow_blank=False, id="plan")
            yield Label(t("new.localities"))
            yield Input(id="localities", placeholder=t("new.localities.hint"))
            yield Static("", id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("new.create"), variant="primary", id="create")
                yield Button(t("key.cancel"), id="cancel")

    def _plan_options(self) -> list[tuple[str, int]]:
        from session.domain.plans import list_plans

        try:
            plans = list_plans(self.app.store)
        except HoinghiError:
            plans = []
        return [(t("new.no_plan"), 0), *((f"{p.year} · {p.label}"[:70], p.id) for p in plans)]

    def on_mount(self) -> None:
        self._fill_title()
        self.query_one("#title", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "template":
            self._fill_title()

    def _fill_title(self) -> None:
        tpl = self._templates.get(self.query_one("#template", Select).value)
        title = self.query_one("#title", Input)
        if tpl and (not title.value or title.value in {x.title for x in self._templates.values()}):
            title.value = tpl.title

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self._create()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "create":
            self._create()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _create(self) -> None:
        values = {w.id: w.value for w in self.query(Input)}
        plan_id = int(self.query_one("#plan", Select).value) or None
        try:
            day = parse_date(values["date"]) if values["date"].strip() else None
            meeting_id = create_meeting(
                self.app.store,
                at=self.app.clock(),
                template=str(self.query_one("#template", Select).value),
                title=values["title"],
                venue=values["venue"],
                place=values["place"],
                day=day,
                start=parse_time(values["start"]) if values["start"].strip() else None,
                plan_id=plan_id,
                localities=values["localities"],
            )
        except HoinghiError as exc:
            self.query_one("#form-error", Static).update(error_text(exc))
            return
        self._warn_short_notice(day, plan_id)
        self.dismiss(meeting_id)

    def _warn_short_notice(self, day, plan_id: int | None) -> None:  # noqa: ANN001
        """A meeting fewer than 7 days ahead cannot be announced in time (Điều 43): say so."""
        from session.domain.duties import notice_shortfall

        try:
            short = notice_shortfall(self.app.store, day, self.app.clock().date(), plan_id)
        except HoinghiError:
            return
        if short is not None:
            self.app.notify(t("plan.short_notice", ahead=short[0], needed=short[1]), severity="warning", timeout=10)
