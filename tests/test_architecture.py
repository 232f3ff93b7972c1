"""Domain logic never imports Textual nor python-docx; the store never imports the session layer."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold():
    lint = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    if not Path(lint).exists():
        pytest.fail("import-linter is part of the test extra; install with: pip install -e '.[test]'")
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken" in result.stdout


def test_starting_the_cli_does_not_load_word_or_excel_libraries():
    code = "import sys; import session.cli; print(sorted(m for m in sys.modules if m.split('.')[0] in ('docx','openpyxl','textual')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_every_message_exists_in_both_languages_and_takes_the_same_parameters():
    import string

    from session.i18n import _CATALOGS

    vi, en = _CATALOGS["vi"], _CATALOGS["en"]
    assert sorted(set(vi) ^ set(en)) == []

    def names(template: str) -> set[str]:
        return {field for _, field, _, _ in string.Formatter().parse(template) if field}

    assert [key for key in vi if names(vi[key]) != names(en[key])] == []


def test_every_action_is_named_and_described_in_both_languages():
    """The key bar, the help and the palette show an action by its name and description:
    never a message key ("cmd.open") in place of words."""
    from session.i18n import _CATALOGS
    from session.tui import actions

    acts = [
        act
        for name in dir(actions)
        if name.isupper() and isinstance(getattr(actions, name), tuple)
        for act in getattr(actions, name)
        if isinstance(act, actions.Act)
    ]
    assert len(acts) > 100
    keys = {key for act in acts for key in (act.label, act.help or act.label)}
    assert sorted(k for k in keys if k not in _CATALOGS["vi"] or k not in _CATALOGS["en"]) == []
