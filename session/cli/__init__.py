"""The command line: ``hoinghi``. Heavy modules (Textual, python-docx) load only when used.

The group and the helpers every command shares live here; the commands live in one
module per area (meetings, imports, exports, office, screens, …), registered below.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

import click

from session import __version__
from session.i18n import error_text, set_language


def fail(message: str) -> None:
    click.echo(f"hoinghi: {message}", err=True)
    sys.exit(1)


def friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn every error meant for a person into one clear line and a non-zero exit."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from models.errors import HoinghiError

        try:
            return fn(*args, **kwargs)
        except HoinghiError as exc:
            fail(error_text(exc))
        except BrokenPipeError:  # `hoinghi followup | head`: the reader has had enough
            sys.stderr.close()
            sys.exit(0)
        except OSError as exc:
            fail(f"{exc.strerror or exc} ({exc.filename or ''})")

    return wrapper


def open_store(ctx: click.Context):
    from models.store import Store

    return Store.open(ctx.obj["db"])


def clock():
    from session.clock import system_clock

    return system_clock


def _set_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        ctx.ensure_object(dict)["db"] = value


def _set_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        set_language(value)


def common(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--db`` and ``--lang`` are accepted after the sub-command too."""
    fn = click.option("--db", expose_value=False, callback=_set_db, help="Database file or URL.")(fn)
    return click.option(
        "--lang", expose_value=False, callback=_set_lang, type=click.Choice(["vi", "en"]), help="vi or en."
    )(fn)


@click.group(invoke_without_command=True)
@click.option("--db", envvar="HOINGHI_DB", help="Database: a file path or a URL (sqlite:///…, postgresql+psycopg://…).")
@click.option(
    "--lang", envvar="HOINGHI_LANG", type=click.Choice(["vi", "en"]), default=None, help="vi (default) or en."
)
@click.version_option(__version__, prog_name="hoinghi")
@click.pass_context
def main(ctx: click.Context, db: str | None, lang: str | None) -> None:
    """hoinghi — điều hành hội nghị đối thoại, ghi biên bản và thông báo kết luận."""
    set_language(lang)
    ctx.ensure_object(dict)
    ctx.obj.setdefault("db", db)
    if ctx.invoked_subcommand is None:
        from session.cli.meetings import run

        ctx.invoke(run)


def desk_id(kind: str) -> str:
    """The desk a command acts as (``office@machine``, ``import@machine``)."""
    from session.workstation.identity import Desk

    return Desk.here(kind).id


def run_app(store, meeting_id: int | None, mode: str = "console") -> None:
    from session.tui.app import HoinghiApp

    app = HoinghiApp(store, meeting_id=meeting_id, clock=clock(), mode=mode)
    try:
        app.run()
    finally:
        store.close()
    if app.return_code:
        sys.exit(app.return_code)


def weekday(day) -> str:
    from session.domain.dates import WEEKDAYS_EN, WEEKDAYS_VI
    from session.i18n import language

    return (WEEKDAYS_VI if language() == "vi" else WEEKDAYS_EN)[day.weekday()]


def meeting_or_latest(store, meeting_id: int | None) -> int:
    from models.errors import HoinghiError
    from session.domain.meetings import latest_meeting_id, meeting_view

    if meeting_id is None:
        meeting_id = latest_meeting_id(store)
        if meeting_id is None:
            raise HoinghiError("meeting.none")
    meeting_view(store, meeting_id)
    return meeting_id


# The commands, one module per area (imported for their @main.command registrations).
from session.cli import (  # noqa: E402,F401
    archive,
    exports,
    imports,
    meetings,
    office,
    participants,
    planning,
    reports,
    screens,
    survey,
)
