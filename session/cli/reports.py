"""The yearly report on the dialogue meetings, and the province's roll-up of the communes' archives."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from session.cli import YEAR, clock, common, friendly, main, open_store
from session.cli.survey import pct
from session.i18n import t

if TYPE_CHECKING:
    from session.domain.report import YearFigures


def echo_figures(f: YearFigures) -> None:
    from session.domain.dates import fmt_date

    click.echo(t("report.cli.year", year=f.year, today=fmt_date(f.today), held=f.held, planned=f.planned))
    click.echo(t("report.cli.attendance", present=f.present, expected=f.expected))
    click.echo(
        t(
            "report.cli.speakers",
            speakers=f.speakers,
            people=f.speakers_people,
            officials=f.speakers_officials,
            share=pct(f.people_time_percent),
        )
    )
    click.echo(
        t(
            "report.cli.issues",
            issues=f.issues,
            answered=f.outcome("answered"),
            study=f.outcome("study"),
            assigned=f.outcome("assigned"),
            forwarded=f.outcome("forwarded"),
            none=f.outcome(""),
        )
    )
    r = f.replies
    click.echo(t("report.cli.replies", on_time=r.on_time, late=r.late, overdue=r.overdue, pending=r.pending))
    click.echo(t("report.cli.fields", fields=", ".join(f"{c.label} {c.count}" for c in f.by_field) or "—"))
    click.echo(t("report.cli.survey", ballots=f.survey_ballots))
    for q in f.survey:
        answers = "; ".join(f"{c.text} {c.count} ({pct(c.percent)}%)" for c in q.choices)
        click.echo(f"   {q.position}. {q.short}: {answers}")


@main.command()
@common
@click.option("--year", type=YEAR, required=True, help="cli.opt.report.year")
@click.option("--out", default=None, help="cli.opt.report.out")
@click.option("--from", "from_archives", is_flag=True, help="cli.opt.report.from")
@click.argument("archives", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--date", "on_date", default=None, help="cli.opt.report.date")
@click.option("--issuing-body", default="SỞ NỘI VỤ", show_default=True, help="cli.opt.report.issuing_body")
@click.option("--place", default="", help="cli.opt.report.place")
@click.option("--signer", default="", help="cli.opt.report.signer")
@click.option("--pdf", is_flag=True, help="cli.opt.report.pdf")
@click.option("--force", is_flag=True, help="cli.opt.report.force")
@click.pass_context
@friendly
def report(
    ctx: click.Context,
    year: int,
    out: str | None,
    from_archives: bool,
    archives: tuple[str, ...],
    on_date: str | None,
    issuing_body: str,
    place: str,
    signer: str,
    pdf: bool,
    force: bool,
) -> None:
    """Báo cáo năm về hội nghị đối thoại (.docx và .xlsx); với --from: tổng hợp các tệp JSON của nhiều đơn vị hành chính cấp xã."""
    from pathlib import Path

    from models.errors import HoinghiError
    from session.domain.dates import parse_date

    today = parse_date(on_date) if on_date else clock()().date()
    written: tuple[Path, ...] = ()  # the files written (with --out)
    if archives and not from_archives:
        raise HoinghiError("report.archives_without_from")
    if from_archives:
        from exports.report_run import archive_figures, write_rollup

        if not archives:
            raise HoinghiError("report.no_archives")
        paths = [Path(a) for a in archives]
        if out:
            result = write_rollup(
                paths,
                year,
                Path(out),
                today=today,
                issuing_body=issuing_body,
                place_name=place,
                signer=signer,
                force=force,
                pdf=pdf,
            )
            written = result.written
        else:
            result = archive_figures(paths, year, today)
        for name in result.duplicates:
            click.echo(t("report.cli.duplicate", name=name), err=True)
        for name in result.other_years:
            click.echo(t("report.cli.other_year", name=name, year=year), err=True)
        for row in result.rows:
            r = row.figures.replies
            click.echo(
                t(
                    "report.cli.commune",
                    commune=row.commune,
                    held=row.figures.held,
                    issues=row.figures.issues,
                    on_time=r.on_time,
                    overdue=r.overdue + r.late,
                )
            )
        echo_figures(result.figures)
    else:
        from exports.report_run import store_figures, write_year_report

        store = open_store(ctx)
        try:
            if out:
                result = write_year_report(store, year, Path(out), today=today, force=force, pdf=pdf)
                figures = result.figures
                written = result.written
            else:
                figures, _facts = store_figures(store, year, today)
        finally:
            store.close()
        echo_figures(figures)
    for path in written:
        click.echo(t("export.written", path=path))
