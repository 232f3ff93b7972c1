"""Export screen (xuất văn bản): choose the documents and the folder, the notice's date
(with the legal limit to make the results public), watch the progress, see the paths
written, open the folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Label, ProgressBar, Static

from models.errors import HoinghiError
from session.domain.dates import fmt_date, parse_date
from session.domain.meeting_details import attendance_missing
from session.domain.meetings import meeting_view
from session.domain.papers import notice_limit
from session.i18n import error_text, t
from session.tui.screens.form import FormMessage, FormScreen
from session.tui.widgets.field import Input
from session.tui.widgets.tick import Tick

KINDS = ("minutes", "conclusion", "followup", "json", "invitation", "announcement", "briefing")
PDF_KINDS = ("minutes", "conclusion", "invitation", "announcement", "briefing")


def default_folder() -> Path:
    """The folder the last export from this computer went to; at first ~/Documents/hoinghi."""
    from session.domain.preferences import export_folder

    documents = Path.home() / "Documents"
    return export_folder((documents if documents.is_dir() else Path.home()) / "hoinghi")


class ExportScreen(FormScreen[None]):
    BINDINGS = [Binding("escape", "close", "key.back")]

    def __init__(self, meeting_id: int, *, selected: tuple[str, ...] = ("minutes", "conclusion")) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.selected = selected
        self.written: list[Path] = []
        self._unattended: bool | None = None  # no attendance typed (asked on first need)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(t("export.title"), classes="dialog-title")
            yield Label(t("export.folder"))
            yield Input(str(default_folder()), id="export-folder")
            yield Label(t("export.notice_date"))
            yield Input(fmt_date(self._notice_default()), id="export-notice-date")
            yield Static("", id="export-notice-limit")
            for kind in KINDS:
                yield Tick(t(f"export.{kind}"), value=kind in self.selected, id=f"export-{kind}")
            yield Tick(t("export.pdf"), value=False, id="export-pdf", disabled=shutil.which("soffice") is None)
            yield Tick(t("export.overwrite"), value=False, id="export-force")
            yield ProgressBar(id="export-progress", show_eta=False)
            yield FormMessage("", id="export-result")
            with Horizontal(classes="buttons"):
                yield Button(t("export.run"), variant="primary", id="run")
                yield Button(t("export.open"), id="open", disabled=True)
                yield Button(t("key.back"), id="close")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "run":
            self.run_export()
        elif event.button.id == "open":
            self.open_folder()
        else:
            self.action_close()

    def on_mount(self) -> None:
        self.query_one("#export-folder", Input).focus()
        self._show_limit(self.query_one("#export-notice-date", Input).value)

    def _meeting_day(self) -> tuple[date | None, str]:
        """The meeting's day (held, else planned) and its status."""
        view = meeting_view(self.hoinghi.store, self.meeting_id)
        return (view.actual_start.date() if view.actual_start else view.planned_date), view.status

    def _notice_default(self) -> date:
        """The date kept with the meeting (a re-export gives the same notice), else today."""
        return meeting_view(self.hoinghi.store, self.meeting_id).notice_date or self.hoinghi.clock().date()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "export-notice-date":
            self._show_limit(event.value)

    def _show_limit(self, value: str) -> None:
        """The legal limit (Luật 72/2025/QH15, Điều 43: 10 calendar days), and a warning —
        not a refusal — for a date past it."""
        meeting, status = self._meeting_day()
        limit = notice_limit(meeting)
        lines = [t("export.notice_limit", limit=fmt_date(limit))] if limit else []
        if status in ("running", "recess"):  # the minutes would have no end yet
            lines.append(t("export.not_closed"))
        if self._unattended is None:  # asked once: this is written again at every key typed in the date
            self._unattended = attendance_missing(self.hoinghi.store, self.meeting_id)
        if self._unattended:
            lines.append(t("export.no_attendance"))
        try:
            day = parse_date(value) if value.strip() else None
        except HoinghiError as exc:
            lines.append(error_text(exc))
            day = None
        if day and meeting and limit and day > limit:
            lines.append(t("export.notice_late", day=fmt_date(day), limit=fmt_date(limit), days=(day - meeting).days))
        elif day and meeting and day < meeting:
            lines.append(t("export.notice_early", day=fmt_date(day), meeting=fmt_date(meeting)))
        self.query_one("#export-notice-limit", Static).update("\n".join(lines))

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.run_export()

    def run_export(self) -> None:
        kinds = [k for k in KINDS if self.query_one(f"#export-{k}", Checkbox).value]
        folder = self.query_one("#export-folder", Input).value.strip()
        if not kinds or not folder:
            return
        notice = self.query_one("#export-notice-date", Input).value.strip()
        try:
            issued = parse_date(notice) if notice else None
        except HoinghiError as exc:
            self.query_one("#export-result", Static).update(error_text(exc))
            return
        self.query_one("#run", Button).disabled = True
        self._export(
            kinds,
            folder,
            self.query_one("#export-pdf", Checkbox).value,
            self.query_one("#export-force", Checkbox).value,
            issued,
        )

    @work(thread=True, exclusive=True)
    def _export(self, kinds: list[str], folder: str, pdf: bool, force: bool, issued: date | None = None) -> None:
        from exports.run import export

        bar = self.query_one(ProgressBar)
        self.app.call_from_thread(bar.update, total=len(kinds), progress=0)
        lines: list[str] = []
        written: list[Path] = []
        now = self.hoinghi.clock()
        today = now.date()
        for done, kind in enumerate(kinds, start=1):
            try:
                paths = export(
                    self.hoinghi.store,
                    self.meeting_id,
                    kind,
                    Path(folder).expanduser(),
                    today=today,
                    force=force,
                    pdf=pdf and kind in PDF_KINDS,
                    issued=issued,
                    at=now,
                    actor=self.hoinghi.desk.kind,
                    desk=self.hoinghi.desk.id,
                )
            except HoinghiError as exc:
                if exc.code == "export.exists":  # said as this dialog does it, not as the command line
                    lines.append(t("export.exists_here", path=exc.params.get("path", "")))
                else:
                    lines.append(error_text(exc))
            else:
                written += paths
                lines += [t("export.written", path=p) for p in paths]
            self.app.call_from_thread(bar.update, progress=done)
        self.app.call_from_thread(self._done, written, lines, folder)

    def _done(self, written: list[Path], lines: list[str], folder: str) -> None:
        self.written = written
        if written:
            from session.domain.preferences import remember_export_folder

            remember_export_folder(written[0].parent)  # offered again the next time
            lines.insert(0, t("export.done", count=len(written), folder=folder))
        self.query_one("#export-result", Static).update("\n".join(lines))
        self.query_one("#run", Button).disabled = False
        self.query_one("#open", Button).disabled = not written

    def open_folder(self) -> None:
        if not self.written:
            return
        folder = str(self.written[0].parent)
        opener = "open" if sys.platform == "darwin" else ("explorer" if sys.platform == "win32" else "xdg-open")
        if shutil.which(opener):
            subprocess.Popen([opener, folder], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        else:
            self.app.notify(folder, timeout=8)

    def action_close(self) -> None:
        self.dismiss(None)
