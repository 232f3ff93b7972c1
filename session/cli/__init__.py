"""The command line: ``hoinghi``. Heavy modules (Textual, python-docx) load only when used.

The group and the helpers every command shares live here; the commands live in one
module per area (meetings, imports, exports, office, screens, …), registered below.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, NoReturn

import click

from session import __version__
from session.domain.dates import FIRST_YEAR, LAST_YEAR
from session.i18n import error_text, set_language, t

if TYPE_CHECKING:
    from datetime import date

    from models.store import Store
    from session.clock import Clock

    # A parameter type whose values are whole numbers.
    _IntParamType = click.ParamType[int]
else:  # ParamType takes its value type in brackets only from click 8.4
    _IntParamType = click.ParamType


def fail(message: str) -> NoReturn:
    click.echo(f"hoinghi: {message}", err=True)
    sys.exit(1)


class OneLine(click.ClickException):
    """A refusal before the command runs (a bad option value), said in one line."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"hoinghi: {self.format_message()}", err=True)


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
        except OverflowError:  # a number or a date past what can be stored or computed
            fail(t("error.number.overflow"))

    return wrapper


#: The largest record number any hoinghi database holds (PostgreSQL's integer).
LARGEST_ID = 2**31 - 1


class Whole(_IntParamType):
    """A whole number from *low* to *high*; anything else is refused in one line."""

    name = "integer"

    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high

    def number(self, value: Any, param: click.Parameter | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        try:
            return int(str(value).strip())
        except ValueError:
            raise OneLine(t("cli.number.invalid", option=_option(param), value=value)) from None

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        number = self.number(value, param)
        if not self.low <= number <= self.high:
            raise OneLine(t("cli.number.range", option=_option(param), value=value, low=self.low, high=self.high))
        return number


class RecordId(Whole):
    """The number of a meeting, a plan, a petition…: one no database can hold is a record
    that does not exist (said as *missing* says it), not a traceback."""

    def __init__(self, missing: str) -> None:
        super().__init__(-LARGEST_ID, LARGEST_ID)
        self.missing = missing

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        from models.errors import HoinghiError

        number = self.number(value, param)
        if not self.low <= number <= self.high:
            raise OneLine(error_text(HoinghiError(self.missing, id=value)))
        return number


MEETING_ID = RecordId("meeting.not_found")
PLAN_ID = RecordId("plan.not_found")
ISSUE_NUMBER = RecordId("issue.no_number")
YEAR = Whole(FIRST_YEAR, LAST_YEAR)


def _option(param: click.Parameter | None) -> str:
    if param is None:
        return ""
    return param.opts[0] if param.opts and param.opts[0].startswith("-") else (param.name or "").upper()


def open_store(ctx: click.Context, *, create: bool = False) -> Store:
    """The database of ``--db`` / ``HOINGHI_DB``, or the user's own. A database named on
    the command line must exist unless *create* (``new``, ``demo``…): a mistyped path
    is refused, not made into an empty database. Creating one says where it is."""
    from models.store import Store, sqlite_path

    db = ctx.obj.get("db") if ctx.obj else None
    store = Store.open(db, create=create or not db)
    if store.created:
        where = sqlite_path(store.url) or store.display_url
        click.echo(t("cli.db.created" if db else "cli.db.first_start", path=where), err=True)
    return store


def clock() -> Clock:
    from session.clock import system_clock

    return system_clock


def _set_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        ctx.ensure_object(dict)["db"] = value


def _set_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value:
        set_language(value)
    return value


def common(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--db`` and ``--lang`` are accepted after the sub-command too."""
    fn = click.option("--db", expose_value=False, callback=_set_db, help="Database file or URL.")(fn)
    return click.option(
        "--lang", expose_value=False, callback=_set_lang, type=click.Choice(["vi", "en"]), help="vi or en."
    )(fn)


def data_location() -> str:
    """Where the data is kept: ``HOINGHI_DB``, else the database in the user's data folder."""
    import os

    from models.store import default_db_path, shown_url

    named = os.environ.get("HOINGHI_DB")
    if named:
        return shown_url(named) if "://" in named else named
    return str(default_db_path())


class Hoinghi(click.Group):
    """The ``hoinghi`` group: its help ends with where the data is kept."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_epilog(ctx, formatter)
        from platformdirs import user_config_path

        formatter.write_paragraph()
        config = user_config_path("hoinghi", appauthor=False)
        # Paths on lines of their own: never wrapped, so they can be copied.
        for line in (t("cli.help.data"), f"  {data_location()}", t("cli.help.config"), f"  {config}"):
            formatter.write(f"{line}\n")


@click.group(cls=Hoinghi, invoke_without_command=True)
@click.option("--db", envvar="HOINGHI_DB", help="Database: a file path or a URL (sqlite:///…, postgresql+psycopg://…).")
@click.option(
    "--lang",
    envvar="HOINGHI_LANG",
    type=click.Choice(["vi", "en"]),
    default=None,
    is_eager=True,  # before --help, so that the help is in that language
    callback=_set_lang,
    help="vi (default) or en.",
)
@click.version_option(__version__, prog_name="hoinghi")
@click.pass_context
def main(ctx: click.Context, db: str | None, lang: str | None) -> None:
    """hoinghi — điều hành hội nghị đối thoại, ghi biên bản và thông báo kết luận.

    Thoát ứng dụng: Ctrl+Q (hoặc Q ở màn hình điều hành)."""
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


def run_app(store: Store, meeting_id: int | None, mode: str = "console") -> None:
    from session.tui.app import HoinghiApp

    app = HoinghiApp(store, meeting_id=meeting_id, clock=clock(), mode=mode)
    try:
        app.run()
    finally:
        store.close()
    if app.return_code:
        sys.exit(app.return_code)


def weekday(day: date) -> str:
    from session.domain.dates import WEEKDAYS_EN, WEEKDAYS_VI
    from session.i18n import language

    return (WEEKDAYS_VI if language() == "vi" else WEEKDAYS_EN)[day.weekday()]


def meeting_or_latest(store: Store, meeting_id: int | None) -> int:
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
    phrases,
    planning,
    reports,
    screens,
    survey,
)
