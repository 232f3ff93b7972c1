"""Writing the yearly report and the roll-up: compute the figures, build both files in
memory, check no target is in the way, then write them (never one without the other)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING

from exports.writer import write_atomic
from models.errors import HoinghiError
from models.store import Store
from models.tables import Meeting
from session.domain.place_words import PlaceWords
from session.domain.report import CommuneRow, YearFigures, rollup, year_figures
from session.domain.report_facts import MeetingFacts
from session.domain.units import place_of

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

REPORT_NAMES = ("bao-cao-doi-thoai-{year}.docx", "so-lieu-doi-thoai-{year}.xlsx")
ROLLUP_NAMES = ("tong-hop-doi-thoai-{year}.docx", "tong-hop-so-lieu-{year}.xlsx")


@dataclass(frozen=True)
class ReportResult:
    figures: YearFigures
    rows: tuple[CommuneRow, ...] = ()  # the roll-up's communes
    written: tuple[Path, ...] = ()
    duplicates: tuple[str, ...] = ()  # archives of a meeting already given
    other_years: tuple[str, ...] = field(default=())  # archives of meetings held in another year


@contextmanager
def _no_gc() -> Iterator[None]:
    """Tens of thousands of short-lived rows and no cycles: the collector's passes only cost
    time (half of it, measured on 40 meetings of 800 rows)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def store_figures(
    store: Store, year: int, today: date, keep: Callable[[Meeting], bool] | None = None
) -> tuple[YearFigures, list[MeetingFacts]]:
    from session.domain.calendar import office_calendar
    from session.domain.report_facts import facts_from_store, report_meetings

    with _no_gc():
        facts = facts_from_store(store, report_meetings(store, year, keep), office_calendar(store))
    if not facts:
        raise HoinghiError("report.no_meetings", year=year)
    latest = max(facts, key=lambda f: (f.day or date.min, f.meeting_id))
    return year_figures(facts, year=year, today=today, place=latest.place), facts


def archive_figures(paths: Sequence[Path], year: int, today: date) -> ReportResult:
    from session.domain.calendar import announced_calendar
    from session.domain.report_archive import read_archives

    with _no_gc():
        facts, duplicates = read_archives(paths, announced_calendar())
    in_year = [f for f in facts if f.day is not None and f.day.year == year]
    other = tuple(f.source for f in facts if f not in in_year)
    if not in_year:
        raise HoinghiError("report.no_meetings", year=year)
    words = {f.place.residential for f in in_year}
    # The communes' own words when they agree; the general word otherwise.
    place = PlaceWords(place_of("", "", residential=words.pop() if len(words) == 1 else ""))
    figures = year_figures(in_year, year=year, today=today, place=place, name_communes=True)
    rows = tuple(rollup(in_year, year=year, today=today))
    return ReportResult(figures, rows, duplicates=tuple(duplicates), other_years=other)


def _write(
    folder: Path,
    names: tuple[str, str],
    year: int,
    docx: DocxDocument,
    sheet: Callable[[IO[bytes]], None],
    *,
    force: bool,
    pdf: bool,
) -> list[Path]:
    targets = [Path(folder).expanduser() / name.format(year=year) for name in names]
    if pdf:
        targets.append(targets[0].with_suffix(".pdf"))
    if not force:
        for target in targets:
            if target.exists():
                raise HoinghiError("export.exists", path=str(target))
    import io

    document, workbook = io.BytesIO(), io.BytesIO()
    docx.save(document)
    sheet(workbook)  # both built before either is written: never one without the other
    written = [
        write_atomic(targets[0], document.getvalue(), force=force).path,
        write_atomic(targets[1], workbook.getvalue(), force=force).path,
    ]
    if pdf:
        from exports.pdf import pdf_bytes

        written.append(write_atomic(targets[2], pdf_bytes(targets[0]), force=force).path)
    return written


def write_year_report(
    store: Store,
    year: int,
    folder: Path,
    *,
    today: date,
    keep: Callable[[Meeting], bool] | None = None,
    force: bool = False,
    pdf: bool = False,
) -> ReportResult:
    """A commune's report (.docx) and its figures (.xlsx) for *year*, into *folder*."""
    from exports.report_doc import build_year_report, commune_heading
    from exports.report_sheet import write_report_sheet
    from session.domain.settings import get_settings

    figures, facts = store_figures(store, year, today, keep)
    settings = get_settings(store)
    latest = max(facts, key=lambda f: (f.held, f.day or date.min, f.meeting_id))
    place_name = latest.place_name or figures.place.unit_name
    heading = commune_heading(settings, latest.issuing_body, place_name, latest.chair, figures.place.unit_kind)
    with _no_gc():
        document = build_year_report(figures, heading, settings)
    written = _write(
        folder,
        REPORT_NAMES,
        year,
        document,
        lambda tmp: write_report_sheet(figures, tmp),
        force=force,
        pdf=pdf,
    )
    return ReportResult(figures, written=tuple(written))


def write_rollup(
    paths: Sequence[Path],
    year: int,
    folder: Path,
    *,
    today: date,
    issuing_body: str,
    place_name: str = "",
    signer: str = "",
    force: bool = False,
    pdf: bool = False,
) -> ReportResult:
    """The province's roll-up of the communes' archives: report (.docx) and figures (.xlsx)."""
    from dataclasses import replace

    from exports.report_doc import ReportHeading, build_rollup_report
    from exports.report_sheet import write_report_sheet
    from session.domain.settings import OfficeSettings

    result = archive_figures(paths, year, today)
    heading = ReportHeading(
        issuing_body=issuing_body,
        parent_body="",
        place_name=place_name,
        number_suffix="BC-SNV",
        signer_authority="",
        signer_title="GIÁM ĐỐC",
        signer_name=signer,
        recipients=("UBND tỉnh (b/c)", "Ban Thường vụ Tỉnh ủy (b/c)", "UBND các xã, phường, đặc khu"),
    )
    settings = OfficeSettings()
    with _no_gc():
        document = build_rollup_report(result.figures, result.rows, heading, settings)
    written = _write(
        folder,
        ROLLUP_NAMES,
        year,
        document,
        lambda tmp: write_report_sheet(result.figures, tmp, result.rows),
        force=force,
        pdf=pdf,
    )
    return replace(result, written=tuple(written))
