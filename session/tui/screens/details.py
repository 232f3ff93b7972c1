"""The meeting's particulars (thông tin hội nghị): who chairs, who keeps the minutes, the
document numbers, attendance by group, the administrative unit and what the documents
print (signer, recipients, notice date) — what the biên bản and the thông báo print."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, Static

from models.errors import HoinghiError
from session.domain.dates import fmt_date, fmt_time, parse_date, parse_time
from session.domain.meeting_details import (
    LIST_FIELDS,
    NUMBER_FIELDS,
    PAPER_FIELDS,
    TEXT_FIELDS,
    Attendance,
    MeetingDetails,
    meeting_details,
)
from session.domain.units import Unit, default_residential, issuing_body_of
from session.i18n import error_text, t
from session.tui.screens.form import FormMessage, FormScreen
from session.tui.widgets.field import Input
from session.tui.widgets.unit_picker import UnitPicker

#: The unit's fields and what the documents print, in the order the form shows them (rows).
UNIT_ROWS: tuple[tuple[str, ...], ...] = (("unit_kind", "unit_name", "province"), ("residential", "cluster"))
PAPER_ROWS: tuple[tuple[str, ...], ...] = (
    ("notice_date", "notice_authority", "notice_authority_body"),
    ("notice_signer_title", "notice_signer_name"),
    ("notice_recipients",),
    ("minutes_recipients",),
    ("chair_label", "secretary_label", "records_office"),
    ("minutes_suffix", "notice_suffix"),
    ("margin_top_mm", "margin_bottom_mm", "margin_left_mm", "margin_right_mm", "body_pt"),
)

BLANK_GROUP_ROWS = 2  # room to add groups


class MeetingDetailsScreen(FormScreen[bool]):
    """Returns True when something was saved."""

    BINDINGS = [Binding("escape", "close", "key.back")]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.loaded: MeetingDetails | None = None
        self.saved = False

    def compose(self) -> ComposeResult:
        d = meeting_details(self.hoinghi.store, self.meeting_id)
        self.loaded = d

        def field(name: str, value: str) -> ComposeResult:
            with Vertical():
                yield Label(t(f"field.{name}"))
                yield Input(value, id=f"d-{name}")

        with VerticalScroll(classes="dialog wide", id="details-form"):
            yield Static(t("details.title"), classes="dialog-title")
            with Horizontal(classes="row"):
                yield from field("title", d.title)
            with Horizontal(classes="row"):
                yield from field("venue", d.venue)
                yield from field("place_name", d.place_name)
            with Horizontal(classes="row"):
                yield from field("invitation_number", d.invitation_number)
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(t("details.date"))
                    yield Input(fmt_date(d.planned_date), id="d-date")
                with Vertical():
                    yield Label(t("details.start"))
                    yield Input(fmt_time(d.planned_start), id="d-start")
            with Horizontal(classes="row"):
                yield from field("issuing_body", d.issuing_body)
                yield from field("parent_body", d.parent_body)
            for person in ("chair", "co_chair", "secretary"):
                with Horizontal(classes="row"):
                    yield from field(person, getattr(d, person))
                    yield from field(f"{person}_title", getattr(d, f"{person}_title"))
            with Horizontal(classes="row"):
                yield from field("minutes_number", d.minutes_number)
                yield from field("notice_number", d.notice_number)
            yield Label(t("details.attendance"), classes="section")
            rows = [*d.groups, *(Attendance("") for _ in range(BLANK_GROUP_ROWS))]
            for index, group in enumerate(rows):
                with Horizontal(classes="row attendance-row"):
                    yield Input(group.name, id=f"g-name-{index}", classes="group-name")
                    yield Input(
                        str(group.expected) if group.name else "",
                        id=f"g-expected-{index}",
                        type="integer",
                        placeholder=t("details.expected"),
                        classes="group-count",
                    )
                    yield Input(
                        str(group.present) if group.name else "",
                        id=f"g-present-{index}",
                        type="integer",
                        placeholder=t("details.present"),
                        classes="group-count",
                    )
            self._group_rows = len(rows)
            yield Label(t("details.unit"), classes="section")
            yield UnitPicker(Unit(d.unit_kind, d.unit_name, d.province, d.unit_code), id="unit-picker")
            for names in UNIT_ROWS:
                with Horizontal(classes="row"):
                    for name in names:
                        yield from field(name, getattr(d, name))
            yield Label(t("details.papers"), classes="section")
            for names in PAPER_ROWS:
                with Horizontal(classes="row"):
                    for name in names:
                        yield from field(name, self._shown(d, name))
            yield FormMessage("", id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("key.save"), variant="primary", id="save")
                yield Button(t("key.cancel"), id="cancel")

    def on_mount(self) -> None:
        # The form opens on its first field, its title in view.
        self.set_focus(self.query_one("#d-title", Input), scroll_visible=False)
        self._unit_code = self.loaded.unit_code if self.loaded else ""
        if self.loaded:
            self._picked = (self.loaded.unit_kind, self.loaded.unit_name, self.loaded.province)

    @staticmethod
    def _shown(d: MeetingDetails, name: str) -> str:
        value = getattr(d, name)
        if name == "notice_date":
            return fmt_date(value) if value else ""
        if name in LIST_FIELDS:
            return "; ".join(value)
        if name in NUMBER_FIELDS:
            return f"{float(value):g}"
        return str(value)

    @on(UnitPicker.Chosen)
    def unit_chosen(self, event: UnitPicker.Chosen) -> None:
        """A unit chosen from the list fills the unit's fields and rewrites the issuing body."""
        unit = event.unit
        old_default = default_residential(Unit(self._value("d-unit_kind"), "", self._value("d-province")))
        for name, value in (("unit_kind", unit.kind), ("unit_name", unit.name), ("province", unit.province)):
            self.query_one(f"#d-{name}", Input).value = value
        self.query_one("#d-issuing_body", Input).value = issuing_body_of(unit)
        residential = self.query_one("#d-residential", Input)
        if residential.value in ("", old_default):
            residential.value = default_residential(unit)
        self._unit_code = unit.code
        self._picked = (unit.kind, unit.name, unit.province)

    @on(Input.Changed, "#d-unit_kind, #d-unit_name, #d-province")
    def unit_typed(self, _event: Input.Changed) -> None:
        """A unit typed by hand is not the one chosen from the list: its code no longer applies."""
        typed = (self._value("d-unit_kind"), self._value("d-unit_name"), self._value("d-province"))
        if typed != getattr(self, "_picked", typed):
            self._unit_code = ""

    def _value(self, wid: str) -> str:
        return self.query_one(f"#{wid}", Input).value

    def _draft(self) -> MeetingDetails:
        assert self.loaded is not None
        ids = [g.id for g in self.loaded.groups]
        groups = []
        for index in range(self._group_rows):
            groups.append(
                Attendance(
                    self._value(f"g-name-{index}"),
                    self._value(f"g-expected-{index}"),  # type: ignore[arg-type]  # text, checked by the domain
                    self._value(f"g-present-{index}"),  # type: ignore[arg-type]  # text, checked by the domain
                    ids[index] if index < len(ids) else None,
                )
            )
        day = self._value("d-date").strip()
        start = self._value("d-start").strip()
        notice = self._value("d-notice_date").strip()
        unit_fields = [n for row in UNIT_ROWS for n in row]
        return self.loaded.edit(
            **{name: self._value(f"d-{name}") for name in TEXT_FIELDS},
            planned_date=parse_date(day) if day else None,
            planned_start=parse_time(start) if start else None,
            groups=tuple(groups),
            **{name: self._value(f"d-{name}") for name in unit_fields},
            unit_code=self._unit_code,
            **{name: self._value(f"d-{name}") for name in PAPER_FIELDS},
            **{name: tuple(self._value(f"d-{name}").split(";")) for name in LIST_FIELDS},
            **{name: self._value(f"d-{name}") for name in NUMBER_FIELDS},
            notice_date=parse_date(notice) if notice else None,
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "unit-search":
            self.query_one(UnitPicker).submit()
            return
        self.save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.save()
        else:
            self.action_close()  # as Esc: typed text is not dropped without a word

    def save(self) -> None:
        error = self.query_one("#form-error", Static)
        try:
            self.hoinghi.workstation(self.meeting_id).update_details(self._draft(), expected=self.loaded)
        except HoinghiError as exc:
            error.update(error_text(exc))
            return
        self.saved = True
        self.app.notify(t("details.saved"), timeout=3)
        self.dismiss(True)

    def action_close(self) -> None:
        if not self.may_leave():
            return
        self.dismiss(self.saved)
