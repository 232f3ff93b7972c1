"""The command line: ``hoinghi``. Heavy modules (Textual, python-docx) load only when used.

The group and the helpers every command shares live here; the commands live in one
module per area (meetings, imports, exports, office, screens, …), each loaded when one of
its commands is named (``COMMAND_MODULES``).
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
            from session.i18n import os_reason

            fail(f"{exc.filename}: {os_reason(exc)}" if exc.filename else os_reason(exc))
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


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``--version``, said in the language chosen by then (click words its own message once,
    when the command is defined, in whatever language was current)."""
    if not value or ctx.resilient_parsing:
        return
    click.echo(_click_text("%(prog)s, version %(version)s") % {"prog": "hoinghi", "version": __version__})
    ctx.exit()


def _set_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value:
        set_language(value)
    return value


def common(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--db`` and ``--lang`` are accepted after the sub-command too (``--lang`` before
    ``--help``, so that the help is in that language)."""
    fn = click.option("--db", expose_value=False, callback=_set_db, help="cli.opt.db")(fn)
    return click.option(
        "--lang",
        expose_value=False,
        is_eager=True,
        callback=_set_lang,
        type=click.Choice(["vi", "en"]),
        help="cli.opt.lang",
    )(fn)


def data_location() -> str:
    """Where the data is kept: ``HOINGHI_DB``, else the database in the user's data folder."""
    import os

    from models.store import default_db_path, shown_url

    named = os.environ.get("HOINGHI_DB")
    if named:
        return shown_url(named) if "://" in named else named
    return str(default_db_path())


class Kind(click.Choice):  # type: ignore[type-arg]
    """A choice of words named in a usage line by one word in the interface's language
    ("LOẠI"), its words listed in the command's help: a long "{a|b|…}" broke mid-word."""

    def __init__(self, choices: list[str], metavar_key: str) -> None:
        super().__init__(choices)
        self.metavar_key = metavar_key

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return t(self.metavar_key)


class HelpFormatter(click.HelpFormatter):
    """click's own words in a help (the usage line, the headings) in the interface's language."""

    #: click's headings, and the keys of their translations.
    HEADINGS = {
        "Options": "cli.help.options",
        "Commands": "cli.help.commands",
        "Positional arguments": "cli.help.arguments",
    }

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, f"{t('cli.help.usage')} " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(t(self.HEADINGS[heading]) if heading in self.HEADINGS else heading)


class HelpContext(click.Context):
    formatter_class = HelpFormatter


def help_row(option: click.Option, ctx: click.Context) -> tuple[str, str] | None:
    """The line of *option* in the help: its help, a message key (``help="cli.opt.force"``;
    a text that is no key is shown as written), then click's notes on it ([default: …],
    [required]), all in the interface's language. None for a hidden option."""
    record = option.get_help_record(ctx)
    if record is None:
        return None
    extra = option.get_help_extra(ctx)
    notes = []
    if "envvars" in extra:
        notes.append(t("cli.help.envvar", var=", ".join(extra["envvars"])))
    if "default" in extra:
        notes.append(t("cli.help.default", default=extra["default"]))
    if "range" in extra:
        notes.append(extra["range"])
    if "required" in extra:
        notes.append(t("cli.help.required"))
    text = t(option.help) if option.help else ""
    if notes:
        text = f"{text}  [{'; '.join(notes)}]".lstrip()
    return record[0], text


class TranslatedCommand(click.Command):
    """A command whose help is in the interface's language (see :func:`help_row`)."""

    context_class = HelpContext

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "cli.opt.help"
        return option

    #: click's words in a usage line, and the keys of their translations.
    USAGE_WORDS = {
        "[OPTIONS]": "cli.help.options_metavar",
        "COMMAND [ARGS]...": "cli.help.command_metavar",
        "[COMMAND] [ARGS]...": "cli.help.optional_command_metavar",
    }

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)
        return [t(self.USAGE_WORDS[piece]) if piece in self.USAGE_WORDS else piece for piece in pieces]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [
            row
            for param in self.get_params(ctx)
            if isinstance(param, click.Option) and (row := help_row(param, ctx)) is not None
        ]
        if rows:
            with formatter.section("Options"):
                formatter.write_dl(rows)


class TranslatedGroup(TranslatedCommand, click.Group):
    """A group of translated commands; its sub-groups are of this class too."""

    command_class = TranslatedCommand
    group_class: type[click.Group | type] | None = type

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)


def _click_text(message: str) -> str:
    """click's own *message* (looked up by its English text) in the interface's language."""
    from session.i18n.areas.cli_errors import CLICK_MESSAGES

    key = CLICK_MESSAGES.get(message)
    return t(key) if key else message


def _click_plural(singular: str, plural: str, n: int) -> str:
    return _click_text(singular if n == 1 else plural)


def _speak_our_language() -> None:
    """click looks its own messages up through gettext (``_`` and ``ngettext`` in each of
    its modules); they are answered from our catalogue instead, in the language chosen."""
    import click.core
    import click.decorators
    import click.exceptions
    import click.parser
    import click.termui
    import click.types

    for module in (click.core, click.decorators, click.exceptions, click.parser, click.termui, click.types):
        module._ = _click_text  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _click_plural  # type: ignore[attr-defined]


_speak_our_language()


#: The module of each command (and of its sub-commands). A command's module is loaded when
#: it is run or listed, so starting the app loads one of them, not all eleven.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "calendar": ("office",),
    "demo": ("meetings",),
    "desk": ("screens",),
    "details": ("meetings",),
    "display": ("screens",),
    "due": ("planning",),
    "duties": ("planning",),
    "export": ("exports",),
    "followup": ("office",),
    "history": ("office",),
    "import": ("imports", "archive"),
    "list": ("meetings",),
    "new": ("meetings",),
    "participants": ("participants",),
    "phrases": ("phrases",),
    "plan": ("planning",),
    "prepare": ("planning",),
    "report": ("reports",),
    "run": ("meetings",),
    "settings": ("office",),
    "survey": ("survey",),
    "templates": ("meetings",),
    "units": ("meetings",),
}


class Hoinghi(TranslatedGroup):
    """The ``hoinghi`` group: its commands load when named; its help ends with where the
    data is kept."""

    group_class = TranslatedGroup

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(COMMAND_MODULES))

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and not ctx.resilient_parsing and self.get_command(ctx, name) is None:
            # click would suggest from the commands loaded so far; they load when named, so
            # the suggestion is made here from every name ("lisst": did you mean 'list'?).
            from difflib import get_close_matches

            message = _click_text("No such command {name!r}.").format(name=name)
            close = get_close_matches(name, self.list_commands(ctx))
            if len(close) == 1:
                message += " " + _click_text("Did you mean {possibility}?").format(possibility=repr(close[0]))
            elif close:
                shown = ", ".join(repr(c) for c in sorted(close))
                message += " " + _click_text("(Did you mean one of: {possibilities}?)").format(possibilities=shown)
            ctx.fail(message)
        return super().resolve_command(ctx, args)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            from importlib import import_module

            for module in COMMAND_MODULES.get(cmd_name, ()):
                import_module(f"session.cli.{module}")
        return super().get_command(ctx, cmd_name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # The language of HOINGHI_LANG first: click handles `--help` before an option
        # that takes its value from the environment.
        set_language(None)
        return super().parse_args(ctx, args)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_epilog(ctx, formatter)
        from platformdirs import user_config_path

        formatter.write_paragraph()
        config = user_config_path("hoinghi", appauthor=False)
        # Paths on lines of their own: never wrapped, so they can be copied.
        for line in (t("cli.help.data"), f"  {data_location()}", t("cli.help.config"), f"  {config}"):
            formatter.write(f"{line}\n")


@click.group(cls=Hoinghi, invoke_without_command=True)
@click.option("--db", envvar="HOINGHI_DB", help="cli.opt.db")
@click.option(
    "--lang",
    envvar="HOINGHI_LANG",
    type=click.Choice(["vi", "en"]),
    default=None,
    is_eager=True,  # before --help, so that the help is in that language
    callback=_set_lang,
    help="cli.opt.lang",
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="cli.opt.version",
)
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
