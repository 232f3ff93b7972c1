"""The whole project stays typed: mypy, run as ``.venv/bin/mypy`` runs it (the packages and
settings of pyproject.toml: strict on the store, the domain, the desks' actions and the
documents; the screens, the command line and the translations checked too), finds nothing
in ``models``, ``session`` or ``exports``."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_project_has_no_type_errors() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert result.returncode == 0 and not errors, "\n".join(errors) or result.stdout + result.stderr
    checked = re.search(r"no issues found in (\d+) source files", result.stdout)
    assert checked and int(checked.group(1)) > 150, result.stdout  # the packages were found
