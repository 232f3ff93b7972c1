"""The office calendar: extra days off and working Saturdays, stored in the database, with
the government's announced swaps shown beside them. Making a public holiday a working
day asks first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, Select, Static

from models.errors import HoinghiError
from session.domain.calendar import office_days, set_office_day
from session.domain.dates import fmt_date, parse_date
from session.domain.swapped_days import swapped_in
from session.domain.workdays import _public_holidays
from session.i18n import error_text, t
from session.tui.screens.form import FormMessage, FormScreen
from session.tui.widgets.field import Input


class CalendarScreen(FormScreen[bool]):
    BINDINGS = [Binding("escape", "close", "key.back")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(t("calendar.title"), classes="dialog-title")
            yield Static("", id="calendar-list")
            yield Label(t("calendar.form.day"))
            yield Input(id="cal-day")
            yield Label(t("calendar.form.kind"))
            yield Select(
                [(t("calendar.off"), "off"), (t("calendar.work"), "work"), ("—", "")],
                value="off",
                allow_blank=False,
                id="cal-kind",
            )
            yield Label(t("calendar.form.note"))
            yield Input(id="cal-note")
            yield FormMessage("", id="form-error", classes="error")

    def on_mount(self) -> None:
        self.show()
        self.query_one("#cal-day", Input).focus()

    def show(self) -> None:
        year = self.hoinghi.clock().year
        lines = [
            f"{fmt_date(day)}  {t('calendar.' + kind)}  {note}" for day, kind, note in office_days(self.hoinghi.store)
        ]
        holidays = ", ".join(f"{d:%d/%m}" for d in sorted(_public_holidays(year)))
        lines.append("")
        lines.append(t("calendar.holidays", year=year, days=holidays))
        swaps = ", ".join(f"{d.day:%d/%m} {t('calendar.' + d.kind)}" for d in swapped_in(year))
        if swaps:
            lines.append(t("calendar.announced_year", year=year, days=swaps))
        self.query_one("#calendar-list", Static).update("\n".join(lines))

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.save(confirmed=False)

    def save_form(self) -> bool:
        self.save(confirmed=False)
        return True

    def save(self, *, confirmed: bool) -> None:
        try:
            day = parse_date(self.query_one("#cal-day", Input).value)
            set_office_day(
                self.hoinghi.store,
                day,
                str(self.query_one("#cal-kind", Select).value),
                self.query_one("#cal-note", Input).value,
                at=self.hoinghi.clock(),
                confirmed=confirmed,
            )
        except HoinghiError as exc:
            if exc.code == "calendar.confirm_holiday" and not confirmed:
                from session.tui.screens.dialogs import ConfirmScreen

                def answered(yes: bool | None) -> None:
                    if yes:
                        self.save(confirmed=True)

                self.app.push_screen(ConfirmScreen(error_text(exc)), answered)
                return
            self.query_one("#form-error", Static).update(error_text(exc))
            return
        self.query_one("#form-error", Static).update("")
        self.query_one("#cal-day", Input).value = ""
        self.query_one("#cal-note", Input).value = ""
        self.show()

    def action_close(self) -> None:
        self.dismiss(True)
