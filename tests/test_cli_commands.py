"""The commands of `hoinghi`: each is found by its name, and naming one loads its own
module, not the other ten (starting the app loads the meetings' commands only)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from importlib import import_module

import click

import session.cli
from session.cli import COMMAND_MODULES, main
from tests.cli import hoinghi


def test_every_command_is_listed_with_the_module_that_defines_it():
    for info in pkgutil.iter_modules(session.cli.__path__):
        import_module(f"session.cli.{info.name}")  # every module, listed or not
    assert sorted(main.commands) == sorted(COMMAND_MODULES)
    for name, command in main.commands.items():
        assert command.callback is not None
        assert command.callback.__module__ == f"session.cli.{COMMAND_MODULES[name][0]}", name
    import_group = main.commands["import"]
    assert isinstance(import_group, click.Group)
    assert {"speakers", "json"} <= set(import_group.commands)  # `import json` lives in archive
    assert {command.callback.__module__ for command in import_group.commands.values() if command.callback} == {
        f"session.cli.{module}" for module in COMMAND_MODULES["import"]
    }


def loaded_after_naming(*names: str) -> list[str]:
    """The command modules a fresh interpreter has loaded after the group looked up *names*."""
    code = (
        "import sys, click\n"
        "from session.cli import main\n"
        f"for name in {names!r}:\n"
        "    assert main.get_command(click.Context(main), name) is not None, name\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('session.cli.'))))\n"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return ran.stdout.split()


def test_naming_a_command_loads_its_module_only():
    assert loaded_after_naming() == []
    assert loaded_after_naming("run") == ["session.cli.meetings"]
    assert loaded_after_naming("import") == ["session.cli.archive", "session.cli.imports"]
    assert loaded_after_naming("report") == ["session.cli.reports", "session.cli.survey"]  # it shares a helper


def test_an_unknown_command_is_refused_by_name():
    ran = hoinghi("expor")
    assert ran.returncode == 2
    assert "Lỗi: Không có lệnh 'expor'. (Có phải ý bạn là một trong: 'export', 'report'?)" in ran.stderr
    assert "Traceback" not in ran.stderr
    # Suggested from every command, loaded or not (they load when named).
    assert "Không có lệnh 'lisst'. Có phải ý bạn là 'list'?" in hoinghi("lisst").stderr
    assert "Không có lệnh 'nwe'. Có phải ý bạn là 'new'?" in hoinghi("plan", "nwe").stderr


def click_messages() -> set[str]:
    """Every message click looks up through gettext, read from its source."""
    import ast
    from pathlib import Path

    found: set[str] = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
                found |= {
                    arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                }
    return found


def test_every_click_message_we_translate_is_one_click_says():
    from session.i18n.areas.cli_errors import CLICK_MESSAGES

    assert sorted(set(CLICK_MESSAGES) - click_messages()) == []  # a newer click reworded none of them


def test_click_says_what_went_wrong_in_the_language_of_the_interface():
    mistyped = hoinghi("export", "minutes", "--meting", "1")
    assert mistyped.returncode == 2
    assert "Lỗi: Không có tùy chọn '--meting'. Có phải ý bạn là '--meeting'?" in mistyped.stderr
    assert "Xem hướng dẫn: '" in mistyped.stderr and "[TÙY CHỌN]" in mistyped.stderr
    assert "Lỗi: Thiếu tham số" in hoinghi("export", "--meeting", "1").stderr  # which document
    assert "Tùy chọn '--meeting' cần một giá trị." in hoinghi("export", "minutes", "--meeting").stderr
    assert "Thừa tham số không dùng đến (thừa)" in hoinghi("list", "thừa").stderr
    assert "'xx' không phải là một trong 'vi', 'en'." in hoinghi("--lang", "xx", "list").stderr
    for ran in (mistyped, hoinghi("expor")):
        assert [
            word for word in ("Error", "Try", "Usage", "[OPTIONS]", "Did you mean", "No such") if word in ran.stderr
        ] == []
    english = hoinghi("--lang", "en", "export", "minutes", "--meting", "1")
    assert "Error: No such option '--meting'. Did you mean '--meeting'?" in english.stderr
    assert "Try '" in english.stderr and "[OPTIONS]" in english.stderr


def test_the_version_is_said_in_the_language_chosen():
    from session import __version__

    assert hoinghi("--version").stdout == f"hoinghi, phiên bản {__version__}\n"
    assert hoinghi("--lang", "en", "--version").stdout == f"hoinghi, version {__version__}\n"
    assert hoinghi("--version", HOINGHI_LANG="en").stdout == f"hoinghi, version {__version__}\n"


def test_the_document_kinds_are_named_by_one_word_in_the_usage_and_listed_in_the_help():
    from session.cli.exports import export_cmd

    shown = hoinghi("export", "--help").stdout
    assert shown.startswith("Cách dùng: main export [TÙY CHỌN] LOẠI\n")  # one line, no word broken (in-process: "main")
    kinds = export_cmd.params[0].type.choices  # type: ignore[attr-defined]
    assert [kind for kind in kinds if f"{kind} (" not in shown] == []  # each kind, with what it is
    assert hoinghi("--lang", "en", "export", "--help").stdout.startswith("Usage: main export [OPTIONS] KIND\n")
    missing = hoinghi("export", "--meeting", "1")
    assert "Thiếu tham số 'LOẠI'. Chọn một trong:" in missing.stderr
