"""Import the compiled list (báo cáo tổng hợp ý kiến): choose a file, read the preview —
what each column was understood as, every skipped row and why, every petition — pick the
sheet or table and place columns by hand where needed, then import all rows at once."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Label, ProgressBar, Select, Static

from models.errors import HoinghiError
from session.domain.imports import ImportPlan, plan_import, run_import
from session.domain.imports.columns import IMPORTED
from session.i18n import t
from session.i18n.import_preview import explain, grid_name, key_name, preview_lines
from session.tui.screens.form import FormScreen
from session.tui.widgets.field import Input
from session.tui.widgets.tick import Tick

NOT_USED = -1


class ImportScreen(FormScreen[int]):
    BINDINGS = [Binding("escape", "close", "key.back")]
    DEFAULT_CSS = """
    #import-dialog { height: 100%; }
    #import-options { height: auto; }
    #import-grid { width: 1fr; }
    #import-mapping { height: auto; }
    #import-mapping > Vertical { width: 1fr; height: auto; }
    #import-mapping Select { width: 1fr; }
    #import-mapping SelectCurrent Static#label { text-wrap: nowrap; text-overflow: ellipsis; }
    #import-preview { height: 1fr; min-height: 5; }
    #import-duplicates { width: auto; }
    """

    def __init__(self, meeting_id: int, path: str = "") -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.initial_path = path
        self.plan: ImportPlan | None = None
        self.manual: dict[str, int | None] = {}  # columns placed by hand
        self.grid: str | None = None  # the sheet / table chosen by the person
        self.imported = 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="import-dialog"):
            yield Static(t("import.title"), classes="dialog-title")
            yield Label(t("import.path"))
            yield Input(self.initial_path, id="import-path")
            with Horizontal(id="import-options", classes="row"):
                yield Select([], id="import-grid", prompt=t("import.grid_choice"), allow_blank=True)
                yield Tick(t("import.allow_duplicates"), id="import-duplicates")
            with Horizontal(id="import-mapping", classes="row"):
                for key in IMPORTED:
                    with Vertical():
                        yield Label(key_name(key))
                        yield Select([], id=f"map-{key}", prompt="—", allow_blank=True)
            yield ProgressBar(id="import-progress", show_eta=False)
            with VerticalScroll(id="import-preview"):
                yield Static("", id="import-summary")
            with Horizontal(classes="buttons"):
                yield Button(t("import.check"), id="check")
                yield Button(t("import.run"), variant="primary", id="run", disabled=True)
                yield Button(t("key.back"), id="close")

    def on_mount(self) -> None:
        self.query_one("#import-mapping").display = False
        self.query_one("#import-grid").display = False
        self.query_one("#import-path", Input).focus()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.manual, self.grid = {}, None  # a new file: start from what is detected
        self.check()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "check":
            self.check()
        elif event.button.id == "run":
            self.run()
        else:
            self.action_close()

    @on(Select.Changed, "#import-grid")
    def _grid_chosen(self, event: Select.Changed) -> None:
        if not isinstance(event.value, str) or self.plan is None or self.plan.grid is None:
            return
        if event.value == self.plan.grid.name and not self.plan.needs_choice:
            return  # the screen showing what is read, not the person choosing
        self.grid, self.manual = event.value, {}
        self.check()

    @on(Select.Changed, "#import-mapping Select")
    def _column_chosen(self, event: Select.Changed) -> None:
        if self.plan is None or not isinstance(event.value, int):
            return
        key = (event.select.id or "").removeprefix("map-")
        value = None if event.value == NOT_USED else event.value
        if self.plan.mapping.get(key) != value:
            self.manual[key] = value
            self.check()

    @on(Checkbox.Changed, "#import-duplicates")
    def _duplicates_toggled(self, _event: Checkbox.Changed) -> None:
        if self.plan is not None:
            self._show_plan(self.plan)

    @property
    def allow_duplicates(self) -> bool:
        return self.query_one("#import-duplicates", Checkbox).value

    def check(self) -> None:
        path = self.query_one("#import-path", Input).value.strip()
        if not path:
            return
        self.query_one("#run", Button).disabled = True
        self.query_one("#import-summary", Static).update(t("import.reading"))
        self._plan(str(Path(path).expanduser()), dict(self.manual), self.grid)

    @work(thread=True, exclusive=True)
    def _plan(self, path: str, mapping: dict[str, int | None], grid: str | None) -> None:
        bar = self.query_one(ProgressBar)

        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(bar.update, total=total, progress=done)

        try:
            plan = plan_import(
                self.hoinghi.store,
                path,
                meeting_id=self.meeting_id,
                sheet=grid,
                mapping=mapping or None,
                progress=progress,
            )
        except HoinghiError as exc:
            self.app.call_from_thread(self._show_error, exc)
            return
        self.app.call_from_thread(self._show_plan, plan)

    def _show_error(self, exc: HoinghiError) -> None:
        self.plan = None
        self.query_one("#import-summary", Static).update(explain(exc))
        self.query_one("#run", Button).disabled = True

    def _show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        self._offer_grids(plan)
        self._offer_mapping(plan)
        lines = preview_lines(plan, allow_duplicates=self.allow_duplicates, screen=True)
        self.query_one("#import-summary", Static).update("\n".join(lines))
        self.query_one("#run", Button).disabled = not plan.ok(self.allow_duplicates)

    def _offer_grids(self, plan: ImportPlan) -> None:
        select = self.query_one("#import-grid", Select)
        select.display = len(plan.grids) > 1
        if len(plan.grids) <= 1:
            return
        options = []
        for info in plan.grids:
            label = grid_name(info.kind, info.name, info.hidden)
            label += f" — {info.petitions}" if info.petitions else ""
            options.append((label, info.name))
        select.set_options(options)
        if plan.grid is not None and not plan.needs_choice:
            select.value = plan.grid.name

    def _offer_mapping(self, plan: ImportPlan) -> None:
        if plan.grid is None:
            return
        options = [(t("import.not_used"), NOT_USED)]
        for col in plan.columns:
            options.append((t("import.col_choice", label=col.label, header=col.header or "…"), col.index))
        for key in IMPORTED:
            select = self.query_one(f"#map-{key}", Select)
            select.set_options(options)
            select.value = plan.mapping.get(key, NOT_USED)
        self.query_one("#import-mapping").display = True

    def run(self) -> None:
        plan = self.plan
        if plan is None or not plan.ok(self.allow_duplicates):
            return
        try:
            desk = self.hoinghi.desk
            result = run_import(
                self.hoinghi.store,
                self.meeting_id,
                plan,
                at=self.hoinghi.clock(),
                actor=desk.kind,
                desk=desk.id,
                allow_duplicates=self.allow_duplicates,
            )
        except HoinghiError as exc:
            self._show_error(exc)
            return
        self.imported += result.imported
        self.plan = None
        self.query_one("#run", Button).disabled = True
        if result.duplicates_left_out:
            done = t("import.done_dupes", count=result.imported, dupes=result.duplicates_left_out)
        else:
            done = t("import.done", count=result.imported)
        self.query_one("#import-summary", Static).update(done)
        self.hoinghi.poll_store()

    def action_close(self) -> None:
        self.dismiss(self.imported)
