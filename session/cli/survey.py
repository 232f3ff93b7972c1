"""The satisfaction survey after a meeting: ballots typed in the survey screen, paper totals,
the results."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from session.cli import MEETING_ID, Whole, clock, common, friendly, main, meeting_or_latest, open_store, run_app
from session.i18n import t

if TYPE_CHECKING:
    from session.domain.survey import SurveyResults


def pct(value: float) -> str:
    """57,9 in Vietnamese, 57.9 in English."""
    from session.i18n import language

    text = f"{value:.1f}"
    return text.replace(".", ",") if language() == "vi" else text


def echo_survey(results: SurveyResults) -> None:
    click.echo(t("survey.cli.title", title=results.title, ballots=results.ballots))
    click.echo(t("survey.cli.sources", typed=results.typed, paper=results.paper))
    for q in results.questions:
        click.echo(f"{q.position}. {q.text}")
        for n, c in enumerate(q.choices, start=1):
            click.echo(f"   [{n}] {c.text:<24} {c.count:>6}  {pct(c.percent):>5}%")
        click.echo(f"   [0] {t('survey.blank'):<24} {q.blank:>6}  {pct(q.blank_percent):>5}%")


@main.command()
@common
@click.option("--meeting", "meeting_id", type=MEETING_ID, default=None, help="cli.opt.meeting.latest")
@click.option("--show", is_flag=True, help="cli.opt.survey.show")
@click.option("--ballots", type=Whole(0, 1_000_000), default=None, help="cli.opt.survey.ballots")
@click.option("--totals", default=None, metavar="COUNTS", help="cli.opt.survey.totals")
@click.option("--form", "form_name", default=None, help="cli.opt.survey.form")
@click.option("--copy-form", is_flag=True, help="cli.opt.survey.copy_form")
@click.pass_context
@friendly
def survey(
    ctx: click.Context,
    meeting_id: int | None,
    show: bool,
    ballots: int | None,
    totals: str | None,
    form_name: str | None,
    copy_form: bool,
) -> None:
    """Lấy ý kiến về sự hài lòng của Nhân dân: nhập phiếu bằng phím, nhập tổng số phiếu, xem kết quả."""
    from models.errors import HoinghiError
    from session.domain.survey import choose_form, parse_totals, set_totals, survey_results
    from session.domain.survey_forms import copy_form as copy_form_file
    from session.domain.survey_forms import get_form

    if copy_form:
        click.echo(t("survey.cli.copied", path=copy_form_file(form_name or "hai-long")))
        return
    if (ballots is None) != (totals is None):
        raise HoinghiError("survey.totals_need_both")
    store = open_store(ctx)
    meeting_id = meeting_or_latest(store, meeting_id)
    if not (show or form_name or totals is not None):
        run_app(store, meeting_id, mode="survey")
        return
    try:
        at = clock()()
        if form_name:
            form = get_form(form_name)
            with store.action("survey.form", at=at, meeting_id=meeting_id, actor="office") as tx:
                choose_form(tx, meeting_id, form, at=at)
        if totals is not None and ballots is not None:  # both or neither, checked above
            counts = parse_totals(totals)
            with store.action("survey.totals", at=at, meeting_id=meeting_id, actor="office") as tx:
                set_totals(tx, meeting_id, ballots, counts, at=at)
        echo_survey(survey_results(store, meeting_id))
    finally:
        store.close()
