"""New meeting form (tạo hội nghị mới) from an agenda template, for a unit chosen from the
official list (accent-free search) or named by an issuing body typed by hand."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Select, Static

from models.errors import HoinghiError
from session.domain.dates import fmt_date, parse_date, parse_time
from session.domain.meetings import create_meeting, fill_place, resolve_unit
from session.domain.plans import plan_unit
from session.domain.settings import get_settings
from session.domain.templates import list_templates
from session.domain.units import Unit, default_residential, parse_issuing_body, place_of
from session.i18n import error_text, t
from session.tui.screens.form import FormMessage, FormScreen
from session.tui.widgets.field import Input
from session.tui.widgets.unit_picker import UnitPicker


class NewMeetingScreen(FormScreen[int | None]):
    BINDINGS = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, *, plan_id: int | None = None) -> None:
        super().__init__()
        self.plan_id = plan_id

    def compose(self) -> ComposeResult:
        try:
            templates = list_templates()
        except HoinghiError as exc:
            templates = []
            self.hoinghi.report(exc)
        self._templates = {tpl.name: tpl for tpl in templates}
        settings = get_settings(self.hoinghi.store)
        try:
            office = resolve_unit(None, "", settings)
        except HoinghiError:
            office = Unit()
        if self.plan_id is not None:  # a meeting of a plan for one unit is that unit's
            office = plan_unit(self.hoinghi.store, self.plan_id) or office
        self._residential_default = ""
        self._auto_title = ""
        plain = place_of("", "")
        options = [(f"{fill_place(tpl.title, plain)} ({tpl.name}, {tpl.minutes}′)", tpl.name) for tpl in templates]
        today = self.hoinghi.clock().date()
        with Vertical(id="new-form", classes="dialog wide"):
            yield Static(t("new.title"), classes="dialog-title")
            yield Label(t("new.template"))
            yield Select(options, value=options[0][1] if options else Select.BLANK, allow_blank=False, id="template")
            yield Label(t("new.name"))
            yield Input(id="title")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(t("new.venue"))
                    yield Input(id="venue")
                with Vertical():
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
            yield Label(t("details.unit"))
            yield UnitPicker(office, id="unit-picker")
            yield Label(t("unit.typed"))
            yield Input(id="issuing-body", placeholder="ỦY BAN NHÂN DÂN …")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(t("field.residential"))
                    yield Input(
                        settings.residential or (default_residential(office) if office.known else ""), id="residential"
                    )
                with Vertical():
                    yield Label(t("field.cluster"))
                    yield Input(id="cluster")
            yield FormMessage("", id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("new.create"), variant="primary", id="create")
                yield Button(t("key.cancel"), id="cancel")

    def _plan_options(self) -> list[tuple[str, int]]:
        from session.domain.plans import list_plans

        try:
            plans = list_plans(self.hoinghi.store)
        except HoinghiError:
            plans = []
        return [(t("new.no_plan"), 0), *((f"{p.year} · {p.label}"[:70], p.id) for p in plans)]

    def on_mount(self) -> None:
        self._residential_default = self.query_one("#residential", Input).value
        self._fill_title()
        self.query_one("#title", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "template":
            self._fill_title()

    @property
    def unit(self) -> Unit | None:
        return self.query_one(UnitPicker).unit

    def _fill_title(self) -> None:
        """The template's title for the unit, unless the secretary has typed another."""
        template: Select[str] = self.query_one("#template", Select)
        name = template.selection
        tpl = self._templates.get(name) if name is not None else None
        title = self.query_one("#title", Input)
        if tpl and title.value in ("", self._auto_title):
            unit = self.unit or Unit()
            cluster = self.query_one("#cluster", Input).value.strip()
            try:
                day = parse_date(self.query_one("#date", Input).value)
            except HoinghiError:
                day = None
            year = (day or self.hoinghi.clock().date()).year
            where = place_of(unit.kind, unit.name, unit.province, cluster=cluster)
            title.value = self._auto_title = fill_place(tpl.title, where, year)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in ("cluster", "date"):  # whose meeting and which year: in the title
            self._fill_title()

    @on(UnitPicker.Chosen)
    def unit_chosen(self, event: UnitPicker.Chosen) -> None:
        self.query_one("#issuing-body", Input).value = ""  # choosing a unit rewrites the issuing body
        self._follow(event.unit)

    @on(Input.Changed, "#issuing-body")
    def body_typed(self, event: Input.Changed) -> None:
        """An issuing body typed by hand names the unit: show which, or that it names none."""
        if not event.value.strip():
            return
        parsed = parse_issuing_body(event.value)
        self.query_one(UnitPicker).show(parsed, "" if parsed else t("unit.none"))
        if parsed is not None:
            self._follow(parsed)

    def _follow(self, unit: Unit) -> None:
        """The residential word and the title follow the unit, unless typed by hand."""
        residential = self.query_one("#residential", Input)
        if residential.value in ("", self._residential_default):
            residential.value = self._residential_default = default_residential(unit)
        self._fill_title()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "unit-search":
            self.query_one(UnitPicker).submit()
            return
        self._create()

    def save_form(self) -> bool:
        self._create()
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "create":
            self._create()
        else:
            self.action_cancel()  # as Esc: typed text is not dropped without a word

    def action_cancel(self) -> None:
        if not self.may_leave():
            return
        self.dismiss(None)

    def _create(self) -> None:
        values = {w.id: w.value for w in self.query(Input)}
        plan: Select[int] = self.query_one("#plan", Select)
        plan_id = plan.selection or None
        typed = values["issuing-body"].strip()
        try:
            day = parse_date(values["date"]) if values["date"].strip() else None
            meeting_id = create_meeting(
                self.hoinghi.store,
                at=self.hoinghi.clock(),
                template=str(self.query_one("#template", Select).value),
                title=values["title"],
                venue=values["venue"],
                place=values["place"],
                day=day,
                start=parse_time(values["start"]) if values["start"].strip() else None,
                plan_id=plan_id,
                unit=None if typed else self.unit,
                issuing_body=typed,
                residential=values["residential"],
                cluster=values["cluster"],
                require_unit=True,
            )
        except HoinghiError as exc:
            self.query_one("#form-error", Static).update(error_text(exc))
            return
        self._warn_short_notice(day, plan_id)
        self.dismiss(meeting_id)

    def _warn_short_notice(self, day: date | None, plan_id: int | None) -> None:
        """A meeting fewer than 7 days ahead cannot be announced in time (Điều 43): say so."""
        from session.domain.duties import notice_shortfall

        try:
            short = notice_shortfall(self.hoinghi.store, day, self.hoinghi.clock().date(), plan_id)
        except HoinghiError:
            return
        if short is not None:
            self.app.notify(
                t("plan.short_notice" if short[0] else "plan.short_notice_today", ahead=short[0], needed=short[1]),
                severity="warning",
                timeout=10,
            )
