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
    assert "'expor'" in ran.stderr and "Traceback" not in ran.stderr
