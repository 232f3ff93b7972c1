"""`hoinghi --help` and `hoinghi COMMAND --help` wholly in the language of the interface:
click's own words (usage, headings, its notes on an option) and the help of every option
of every command, sub-groups' commands included."""

from __future__ import annotations

import re
from collections.abc import Iterator

import click
import pytest

from session.cli import main
from tests.cli import hoinghi, hoinghi_process

#: click's English, which a Vietnamese help must not show.
CLICK_ENGLISH = (
    "Usage:",
    "[OPTIONS]",
    "[ARGS]",
    "Options:",
    "Commands:",
    "Show this message",
    "Show the version",
    "[default:",
    "[required]",
)

#: The letters only Vietnamese writes (lower case; a word is compared in lower case).
VIETNAMESE = set("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")

#: A quoted example: 'tổ dân phố, khu phố', chair='Hoàng Văn Thắng', "40,15,5" (an
#: apostrophe inside a word, as in "the unit's name", opens no quote).
QUOTED = re.compile(r"(?<!\w)'[^']*'(?!\w)|\"[^\"]*\"")


def paths(group: click.Group = main, above: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """The path of every command under *group*, the commands of its sub-groups too (as
    the help lists them: a command's module loads when it is named)."""
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
        yield (*above, name)
        if isinstance(command, click.Group):
            yield from paths(command, (*above, name))


COMMANDS = [(), *paths()]


def shown_help(lang: str, path: tuple[str, ...]) -> str:
    ran = hoinghi("--lang", lang, *path, "--help")
    assert ran.returncode == 0, ran.stderr
    return ran.stdout


def options(shown: str) -> dict[str, str]:
    """The options section of a help read back as option -> its help as shown, the
    wrapped lines joined (a row starts at the section's indent with the option's name;
    the option and its help are two spaces or more apart)."""
    lines = shown.splitlines()
    start = next(i for i, line in enumerate(lines) if line in ("Tùy chọn:", "Options:"))
    rows: dict[str, str] = {}
    name = ""
    for line in lines[start + 1 :]:
        if not line.startswith("  "):  # a blank line or the next heading ends the section
            break
        if re.match(r"  -", line):
            spec, _sep, text = line.strip().partition("  ")
            name = spec.split()[0]
            rows[name] = text.strip()
        else:
            rows[name] = f"{rows[name]} {line.strip()}".strip()
    return rows


def vietnamese_words(text: str) -> list[str]:
    """The words of *text* written in Vietnamese, leaving out quoted examples and names in
    capitals (ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN)."""
    bare = QUOTED.sub(" ", text)
    return [word for word in re.findall(r"\w+", bare) if word != word.upper() and VIETNAMESE & set(word.lower())]


def bare_token(text: str) -> bool:
    """Nothing to translate: no word of letters once option names are left out."""
    return re.search(r"[^\W\d_]{2,}", re.sub(r"--?[\w-]+", " ", text)) is None


def test_the_checks_can_tell_vietnamese_from_english():
    assert vietnamese_words("Venue (địa điểm).") == ["địa", "điểm"]
    assert vietnamese_words("Số hội nghị.") == ["Số", "hội", "nghị"]
    assert vietnamese_words("Residential units' name, e.g. 'tổ dân phố, khu phố' (default: the unit kind's).") == []
    assert vietnamese_words("e.g. chair='Hoàng Văn Thắng' or ỦY BAN NHÂN DÂN  [default: SỞ NỘI VỤ]") == []
    assert vietnamese_words("Take back a duty's 'done' (người làm).") == ["người", "làm"]
    assert bare_token("--serve 0.0.0.0") and not bare_token("With --serve: port.")


def test_the_walk_reaches_every_command_and_sub_group():
    walked = {" ".join(path) for path in COMMANDS}
    assert {"", "export", "plan", "plan new", "plan edit", "import speakers", "participants add"} <= walked
    assert len(walked) > 30


@pytest.mark.parametrize("args", [("--help",), ("export", "--help")], ids=["hoinghi", "export"])
def test_help_is_in_vietnamese_by_default(args):
    ran = hoinghi_process(*args)  # the installed script, no --lang and no HOINGHI_LANG
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith("Cách dùng: ")
    assert "\nTùy chọn:\n" in ran.stdout
    assert "Hiện trợ giúp này rồi thoát." in ran.stdout
    assert [words for words in CLICK_ENGLISH if words in ran.stdout] == []
    if args == ("--help",):
        assert "\nLệnh:\n" in ran.stdout
        assert "Hiện số phiên bản rồi thoát." in ran.stdout
    else:
        assert "Số hội nghị.  [bắt buộc]" in ran.stdout
        assert "Ghi đè tệp đã có." in ran.stdout


def test_english_is_chosen_by_lang_or_by_hoinghi_lang():
    group = hoinghi("--help", HOINGHI_LANG="en")
    export = hoinghi("export", "--lang", "en", "--help")  # --lang after the command too
    for ran in (group, export):
        assert ran.returncode == 0, ran.stderr
        assert ran.stdout.startswith("Usage: ")
        assert "\nOptions:\n" in ran.stdout
        assert "Show this message and exit." in ran.stdout
    assert "\nCommands:\n" in group.stdout
    assert "Meeting number.  [required]" in export.stdout
    assert "[default: doi-thoai]" in shown_help("en", ("new",))
    assert "[mặc định: doi-thoai]" in shown_help("vi", ("new",))


@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(path) or "hoinghi")
def test_every_option_is_translated(path):
    vi_help, en_help = shown_help("vi", path), shown_help("en", path)
    for shown in (vi_help, en_help):
        assert "cli.opt." not in shown and "cli.help." not in shown  # no message key on screen
    assert vi_help.startswith("Cách dùng: ") and en_help.startswith("Usage: ")
    assert [words for words in CLICK_ENGLISH if words in vi_help] == []
    vi, en = options(vi_help), options(en_help)
    assert list(vi) == list(en) and "--help" in vi
    untranslated = [name for name in vi if vi[name] == en[name] and not bare_token(vi[name])]
    assert untranslated == []
    assert [name for name in vi if not vi[name] or not en[name]] == []  # every option says what it does
    assert {name: vietnamese_words(text) for name, text in en.items() if vietnamese_words(text)} == {}
