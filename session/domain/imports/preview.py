"""The preview model: what an import would do, before anything is written.

Nothing is dropped without a word: every source column says what it was understood
as (or that it is not used), every skipped row says why, every petition is listed, and
every problem names its row (and column) as the file numbers them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.errors import HoinghiError
from session.domain.imports.columns import REQUIRED
from session.domain.registrations import Slip


@dataclass(frozen=True)
class ColumnUse:
    """One source column: ``used`` (becomes *key*), ``left_out`` (recognised, never
    imported: the order number, notes, ID numbers), ``duplicate`` (a second column for a
    key already taken by column *other*) or ``unknown`` (a header it does not know)."""

    index: int
    label: str  # "E" in a sheet, "5" in a Word table or a .csv
    header: str
    key: str | None
    status: str
    by_hand: bool = False
    other: str = ""  # the label of the column used instead (for ``duplicate``)


@dataclass(frozen=True)
class Skipped:
    """A row that is not a petition: ``title``, ``blank``, ``column_numbers``,
    ``header_again``, ``group``, ``subtotal``, ``footer``, ``no_content``."""

    row: int
    reason: str
    text: str = ""
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Problem:
    """A row that cannot be imported as it stands; the import is refused until fixed."""

    row: int
    column: str | None  # the column's label, when one cell is at fault
    code: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Petition:
    """A row that becomes a registration (and its kiến nghị)."""

    row: int
    slip: Slip
    field_from_group: bool = False
    duplicate: str = ""  # "" | "file" (an earlier row) | "meeting" (already registered)
    duplicate_of: int = 0  # that row, or that queue number


@dataclass(frozen=True)
class GridInfo:
    """A sheet or table of the file and what was found in it."""

    index: int
    name: str
    kind: str
    hidden: bool
    petitions: int  # rows that look like petitions (0: no list found)


@dataclass(frozen=True)
class Conversion:
    """A cell typed in an old 8-bit encoding, shown converted."""

    row: int
    column: str
    before: str
    after: str


@dataclass
class ImportPlan:
    path: str
    format: str
    encoding: str
    grid: GridInfo | None
    grids: list[GridInfo]
    header_rows: tuple[int, ...] = ()
    columns: list[ColumnUse] = field(default_factory=list)
    mapping: dict[str, int] = field(default_factory=dict)
    petitions: list[Petition] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    needs_choice: bool = False
    legacy: str = ""  # "tcvn3" | "vni" when cells were converted
    conversions: list[Conversion] = field(default_factory=list)
    conversion_count: int = 0

    @property
    def kind(self) -> str:
        return self.grid.kind if self.grid else "sheet"

    @property
    def missing(self) -> list[str]:
        return [key for key in REQUIRED if key not in self.mapping]

    @property
    def choices(self) -> list[GridInfo]:
        return [g for g in self.grids if g.petitions]

    def duplicates(self) -> list[Petition]:
        return [p for p in self.petitions if p.duplicate]

    def to_import(self, allow_duplicates: bool = False) -> list[Petition]:
        return [p for p in self.petitions if allow_duplicates or not p.duplicate]

    def refusal(self, allow_duplicates: bool = False) -> HoinghiError | None:
        """Why this plan may not be written, or None when it may."""
        if self.missing:
            return HoinghiError("import.unsure", columns=",".join(self.missing))
        if self.needs_choice:
            names = ", ".join(g.name for g in self.choices)
            return HoinghiError(f"import.choose_{self.kind}", choices=names)
        if self.problems:
            return HoinghiError("import.has_errors", count=len({p.row for p in self.problems}))
        if not self.petitions:
            return HoinghiError("import.empty", path=self.path)
        if not self.to_import(allow_duplicates):
            return HoinghiError("import.all_duplicates", count=len(self.petitions))
        return None

    def ok(self, allow_duplicates: bool = False) -> bool:
        return self.refusal(allow_duplicates) is None
