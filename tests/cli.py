"""Running ``hoinghi …`` in tests: the same entry point the console script calls.

:func:`hoinghi` runs the command in this process (a new interpreter costs about a second
here, mostly imports, which the command's own work never needs to repeat); it returns
what a process would — exit code, stdout, stderr — and an unexpected exception is not
turned into an exit code but fails the test with its traceback. :func:`hoinghi_process`
runs the installed script as a real process, for what only a process shows (the script
itself, exit codes and stderr as a shell sees them, resource limits).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass

from tests.conftest import cli_env, hoinghi_cmd


@dataclass(frozen=True)
class Ran:
    """What a run of the command left: like :class:`subprocess.CompletedProcess`."""

    returncode: int
    stdout: str
    stderr: str


def hoinghi(*args: str, input: str | None = None, **env: str) -> Ran:  # noqa: A002 — as subprocess.run
    """``hoinghi ARGS`` in this process, with *env* set in the environment meanwhile."""
    from click.testing import CliRunner

    from session.cli import main
    from session.i18n import language, set_language

    before = language()
    try:
        result = CliRunner().invoke(main, list(args), input=input, env=env or None, catch_exceptions=False)
    finally:
        set_language(before)  # `--lang en` chose the language of that run only, as in its own process
    return Ran(result.exit_code, result.stdout, result.stderr)


def hoinghi_process(*args: str, input: str | None = None, timeout: float = 60, **env: str) -> Ran:  # noqa: A002
    """``hoinghi ARGS`` as a separate process, through the installed console script."""
    done = subprocess.run(
        [*hoinghi_cmd(), *args], capture_output=True, text=True, env=cli_env(**env), input=input, timeout=timeout
    )
    return Ran(done.returncode, done.stdout, done.stderr)


def particulars(output: str) -> dict[str, str]:
    """`hoinghi details` read back as name -> value (each line: the label, the value and
    the name `--set` takes, in brackets); the attendance groups as "group:<name>"."""
    import re

    found: dict[str, str] = {}
    for line in output.splitlines():
        m = re.match(r"^(?P<label>.+?)\s{2,}(?P<value>.*?)\s{2}\[(?P<name>[^\]]+)\]$", line)
        if m is None:
            continue
        value = "" if m["value"] == "—" else m["value"]
        if m["name"] == "--group":
            group, _sep, counts = value.rpartition("=")
            found[f"group:{group}"] = counts
        else:
            found[m["name"]] = value
    return found
