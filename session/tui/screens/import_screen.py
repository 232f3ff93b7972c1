"""Import the Front committee's compiled list: choose a file, see the preview (detected
header row, mapped columns, bad rows by sheet row number), map columns by hand when
unsure, then import all rows in one transaction."""

from __future__ import annotations

from pathlib import Path

from openpyxl.utils import get_column_letter
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, ProgressBar, Select, Static

from models.errors import HoinghiError
from session.domain.importer import ALIASES, ImportPlan, plan_import, run_import
from session.i18n import error_text, row_error_text, t
from session.tui.screens.form import FormScreen

MAPPED = ("name", "locality", "field", "summary", "phone")


class ImportScreen(FormScreen[int]):
    BINDINGS = [Binding("escape", "close", t("key.back"))]

    def __init__(self, meeting_id: int, path: str = "") -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.initial_path = path
        self.plan: ImportPlan | None = None
        self.imported = 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="import-dialog"):
            yield Static(t("import.title"), classes="dialog-title")
            yield Label(t("import.path"))
            yield Input(self.initial_path, id="import-path")
            with Horizontal(id="import-mapping", classes="row"):
                for key in MAPPED:
                    with Vertical():
                        yield Label(t(f"column.{key}"))
                        yield Select([], id=f"map-{key}", prompt="—")
            yield ProgressBar(id="import-progress", show_eta=False)
            with VerticalScroll(id="import-preview"):
                yield Static("", id="import-summary")
            with Horizontal(classes="buttons"):
                yield Button(t("import.check"), id="check")
                yield Button(t("import.run"), variant="primary", id="run", disabled=True)
                yield Button(t("key.back"), id="close")

    def on_mount(self) -> None:
        self.query_one("#import-mapping").display = False
        self.query_one("#import-path", Input).focus()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.check()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "check":
            self.check()
        elif event.button.id == "run":
            self.run()
        else:
            self.action_close()

    def _manual_mapping(self) -> dict[str, int]:
        mapping = {}
        if not self.query_one("#import-mapping").display:
            return mapping
        for key in MAPPED:
            value = self.query_one(f"#map-{key}", Select).value
            if isinstance(value, int):
                mapping[key] = value
        return mapping

    def check(self) -> None:
        path = self.query_one("#import-path", Input).value.strip()
        if not path:
            return
        self.query_one("#run", Button).disabled = True
        self.query_one("#import-summary", Static).update(t("import.reading"))
        self._plan(str(Path(path).expanduser()), self._manual_mapping())

    @work(thread=True, exclusive=True)
    def _plan(self, path: str, mapping: dict[str, int]) -> None:
        bar = self.query_one(ProgressBar)

        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(bar.update, total=total, progress=done)

        try:
            plan = plan_import(self.app.store, path, mapping=mapping or None, progress=progress)
        except HoinghiError as exc:
            self.app.call_from_thread(self._show_error, exc)
            return
        self.app.call_from_thread(self._show_plan, plan)

    def _show_error(self, exc: HoinghiError) -> None:
        self.query_one("#import-summary", Static).update(error_text(exc))

    def _show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        lines = [
            t(
                "import.preview",
                sheet=plan.sheet,
                header=plan.header_row or "—",
                count=len(plan.slips),
                errors=len(plan.errors),
            )
        ]
        mapped = ", ".join(
            f"{t(f'column.{k}')} = {get_column_letter(i + 1)}"
            for k, i in sorted(plan.mapping.items(), key=lambda kv: kv[1])
            if k in ALIASES
        )
        lines.append(t("import.mapping", mapping=mapped or "—"))
        if plan.unsure:
            lines.append(t("import.unsure"))
            self._offer_mapping(plan)
        lines += [row_error_text(e.row, e.code, e.params) for e in plan.errors[:200]]
        if not plan.errors and plan.slips:
            for slip in plan.slips[:5]:
                lines.append(f"  • {slip.name} – {slip.locality or '—'} – {slip.field}: {slip.summary[:70]}")
        self.query_one("#import-summary", Static).update("\n".join(lines))
        self.query_one("#run", Button).disabled = not plan.ok

    def _offer_mapping(self, plan: ImportPlan) -> None:
        width = max((len(cells) for _, cells in plan.rows[:50]), default=0)
        width = max(width, len(plan.headers))
        options = []
        for index in range(width):
            header = plan.headers[index] if index < len(plan.headers) and plan.headers[index] else ""
            options.append((t("import.col_choice", letter=get_column_letter(index + 1), header=header or "…"), index))
        for key in MAPPED:
            select = self.query_one(f"#map-{key}", Select)
            select.set_options(options)
            if key in plan.mapping:
                select.value = plan.mapping[key]
        self.query_one("#import-mapping").display = True

    def run(self) -> None:
        if self.plan is None or not self.plan.ok:
            return
        try:
            desk = self.app.desk  # type: ignore[attr-defined]
            count = run_import(
                self.app.store, self.meeting_id, self.plan, at=self.app.clock(), actor=desk.kind, desk=desk.id
            )
        except HoinghiError as exc:
            self._show_error(exc)
            return
        self.imported += count
        self.plan = None
        self.query_one("#run", Button).disabled = True
        self.query_one("#import-summary", Static).update(t("import.done", count=count))
        self.app.poll_store()

    def action_close(self) -> None:
        self.dismiss(self.imported)
