"""The command line under mistakes an office makes: a mistyped database path or URL, a
number too large, a date at the end of time, an export named without its extension.
Every command answers in one line and exits 1; none shows a traceback."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from exports.run import export
from models.store import Store
from session.cli import main
from session.domain.demo import create_demo
from session.domain.plans import PlanDraft, create_plan
from tests.cli import particulars
from tests.conftest import T0

HUGE = "99999999999999999999"
UNUSABLE_URLS = ("mysql://office:secret@10.0.0.5/hoinghi", "foo://bar")

#: Every command, with the arguments it needs to get as far as its database
#: ({meeting}: the demo meeting; {plan}: a plan; {file}: a compiled list; {archive}: a meeting's archive).
COMMANDS: dict[str, list[str]] = {
    "run": ["run", "--meeting", "{meeting}"],
    "new": ["new", "--plan", "{plan}"],
    "list": ["list"],
    "demo": ["demo", "--no-tui"],
    "details": ["details", "--meeting", "{meeting}"],
    "export": ["export", "json", "--meeting", "{meeting}", "--out", "{out}"],
    "import speakers": ["import", "speakers", "{file}", "--meeting", "{meeting}", "--dry-run"],
    "import json": ["import", "json", "{archive}"],
    "followup": ["followup", "--meeting", "{meeting}"],
    "history": ["history", "--meeting", "{meeting}"],
    "calendar": ["calendar"],
    "settings": ["settings"],
    "participants list": ["participants", "list", "--meeting", "{meeting}"],
    "participants add": ["participants", "add", "Lò Văn Pàng", "--meeting", "{meeting}"],
    "participants remove": ["participants", "remove", "1", "--meeting", "{meeting}"],
    "participants present": ["participants", "present", "1", "--meeting", "{meeting}"],
    "participants import": ["participants", "import", "{file}", "--meeting", "{meeting}", "--dry-run"],
    "plan new": ["plan", "new", "--title", "Kế hoạch đối thoại", "--year", "2026"],
    "plan edit": ["plan", "edit", "{plan}"],
    "plan list": ["plan", "list"],
    "plan show": ["plan", "show", "{plan}"],
    "plan attach": ["plan", "attach", "{plan}", "--meeting", "{meeting}"],
    "due": ["due", "--plan", "{plan}", "--meeting", "{meeting}", "--within", "30"],
    "duties": ["duties", "--meeting", "{meeting}"],
    "prepare": ["prepare", "--meeting", "{meeting}", "--issue", "1"],
    "survey": ["survey", "--meeting", "{meeting}", "--show", "--ballots", "5", "--totals", "3,1,1;3,1,1;3,1,1"],
    "report": ["report", "--year", "2026"],
    "display": ["display", "--meeting", "{meeting}"],
    "desk": ["desk", "--meeting", "{meeting}"],
}
#: Commands that never open a database.
NO_DATABASE = {"units", "templates", "plan rules", "phrases"}


def leaf_commands(group: click.Group = main, prefix: tuple[str, ...] = ()) -> dict[str, click.Command]:
    """Every command that does something, by its path (``import json``); each command's
    module is loaded as it is named, as the command line does."""
    found: dict[str, click.Command] = {}
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
        if isinstance(command, click.Group):
            found.update(leaf_commands(command, (*prefix, name)))
        else:
            found[" ".join((*prefix, name))] = command
    return found


def number_params(command: click.Command) -> list[click.Parameter]:
    """Every parameter of *command* that takes a whole number."""
    return [p for p in command.params if p.type.name == "integer" or isinstance(p.type, click.types.IntParamType)]


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """A database with the demo meeting and a plan, a compiled list and an archive to import."""
    folder = tmp_path_factory.mktemp("office")
    db = folder / "office.db"
    store = Store.open(str(db))
    meeting_id = create_demo(store, at=T0)
    with store.action("plan.create", at=T0, actor="office") as tx:
        plan_id = create_plan(tx, PlanDraft(title="Kế hoạch đối thoại năm 2026", year=2026), at=T0)
    archive = export(store, meeting_id, "json", folder / "hoi-nghi.json", today=date(2026, 3, 9))[0]
    store.close()
    listed = folder / "tong-hop.csv"
    listed.write_text(
        "STT,Họ và tên,Thôn,Lĩnh vực,Nội dung\n1,Nguyễn Văn An,Thôn 1,đất đai,Cấp sổ đỏ\n", encoding="utf-8"
    )
    return {
        "db": db,
        "{meeting}": str(meeting_id),
        "{plan}": str(plan_id),
        "{file}": str(listed),
        "{archive}": str(archive),
        "{out}": str(folder / "out") + "/",
    }


@pytest.fixture
def cli(monkeypatch):
    """Run ``hoinghi ARGS`` in this process; the full-screen app must never start here."""
    import session.cli

    def no_app(*_args, **_kwargs):
        raise AssertionError("the app would have started")

    for module in ("session.cli", "session.cli.meetings", "session.cli.screens", "session.cli.survey"):
        monkeypatch.setattr(f"{module}.run_app", no_app)
    assert session.cli.run_app is no_app

    def run(*args: str, **env: str):
        return CliRunner().invoke(main, ["--lang", "vi", *args], env=env or None)

    return run


def filled(args: list[str], office) -> list[str]:  # noqa: ANN001
    return [office.get(a, a) for a in args]


def one_line_refusal(result) -> str:  # noqa: ANN001
    """The single line a refusal prints, after checking it is one and no traceback."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("hoinghi: ")
    return lines[0]


def test_every_command_is_covered_by_these_tests():
    assert set(leaf_commands()) == set(COMMANDS) | NO_DATABASE


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_number_too_large_for_any_database_is_one_line_on_every_command(name, office, cli):
    command = leaf_commands()[name]
    params = number_params(command)
    tried = 0
    for param in params:
        args = filled(COMMANDS[name], office)
        if param.opts[0].startswith("-"):
            option = param.opts[0]
            if option in args:
                args[args.index(option) + 1] = HUGE
            else:
                args += [option, HUGE]
        else:  # a positional number: the one placeholder of its kind
            args[COMMANDS[name].index("{plan}")] = HUGE
        line = one_line_refusal(cli(*args, "--db", str(office["db"])))
        tried += 1
        if param.name == "meeting_id":
            assert line == f"hoinghi: Không có hội nghị số {HUGE}."
        elif param.name == "plan_id":
            assert line.startswith(f"hoinghi: Không có kế hoạch số {HUGE}.")
        else:
            assert HUGE in line
    assert tried == len(params)


def test_every_command_that_takes_a_meeting_number_is_checked():
    takes = {name for name, c in leaf_commands().items() if any(p.name == "meeting_id" for p in c.params)}
    assert takes == {name for name, args in COMMANDS.items() if "{meeting}" in args}


@pytest.mark.parametrize("url", UNUSABLE_URLS)
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_an_unsupported_database_url_is_one_line_on_every_command(name, url, office, cli):
    line = one_line_refusal(cli(*filled(COMMANDS[name], office), "--db", url))
    assert line.startswith("hoinghi: Không dùng được cơ sở dữ liệu ")
    assert "secret" not in line  # the password stays out of the message


def test_an_unsupported_url_before_the_command_and_in_the_environment(cli):
    assert "foo://bar" in one_line_refusal(cli("--db", "foo://bar", "list"))
    assert "foo://bar" in one_line_refusal(cli("list", HOINGHI_DB="foo://bar"))
    assert "not-a-url" in one_line_refusal(cli("list", "--db", "://not-a-url"))


def test_numbers_too_large_inside_values_are_taken_or_refused_in_one_line(office, cli, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copy(office["db"], db)
    meeting = office["{meeting}"]
    taken = cli("details", "--meeting", meeting, "--set", f"minutes_number={HUGE}", "--db", str(db))
    assert taken.exit_code == 0 and particulars(taken.stdout)["minutes_number"] == HUGE  # a document number is text
    for args in (
        ["details", "--meeting", meeting, "--group", f"Khách mời={HUGE}/{HUGE}"],
        ["survey", "--meeting", meeting, "--ballots", "5", "--totals", f"{HUGE},1,1;3,1,1;3,1,1"],
        ["plan", "new", "--title", "Kế hoạch", "--year", "2026", "--days", f"invitations={HUGE}"],
        ["plan", "new", "--title", "Kế hoạch", "--year", HUGE],
        ["participants", "remove", HUGE, "--meeting", meeting],
        ["duties", "--meeting", meeting, "--today", "31/12/9999"],
        ["followup", "--today", "31/12/9999"],
    ):
        one_line_refusal(cli(*args, "--db", str(db)))


def test_a_meeting_at_the_end_of_time_is_refused_in_one_line(cli, tmp_path):
    db = tmp_path / "new.db"
    line = one_line_refusal(cli("new", "--date", "31/12/9999", "--start", "23:00", "--db", str(db)))
    assert line == "hoinghi: Ngày “31/12/9999”: năm phải từ 1900 đến 2100."
    assert not db.exists()  # refused before anything was created
    made = cli("new", "--date", "31/12/2100", "--start", "23:00", "--unit", "ba don", "--db", str(db))
    assert made.exit_code == 0, made.output


# --- which database: a mistyped path, the first start ------------------------------------


@pytest.mark.parametrize("name", sorted(n for n in COMMANDS if n not in ("new", "demo", "import json", "plan new")))
def test_a_mistyped_database_path_is_refused_and_nothing_is_created(name, office, cli, tmp_path):
    missing = tmp_path / "hoi-ngi" / "hoinghi.db"
    line = one_line_refusal(cli(*filled(COMMANDS[name], office), "--db", str(missing)))
    assert line.startswith(f"hoinghi: Không có tệp cơ sở dữ liệu {missing}.")
    assert not missing.parent.exists()


def test_a_mistyped_path_in_the_environment_is_refused_too(cli, tmp_path):
    missing = tmp_path / "nowhere.db"
    assert "Không có tệp cơ sở dữ liệu" in one_line_refusal(cli("list", HOINGHI_DB=str(missing)))
    assert not missing.exists()


@pytest.mark.parametrize(
    "args",
    [["new", "--unit", "ba don"], ["demo", "--no-tui"], ["plan", "new", "--title", "Kế hoạch", "--year", "2026"]],
)
def test_new_and_demo_create_the_database_and_say_where(args, cli, tmp_path):
    db = tmp_path / "văn phòng" / "hoinghi.db"
    made = cli(*args, "--db", str(db))
    assert made.exit_code == 0, made.output
    assert made.stdout.strip().isdigit()  # the number alone on stdout, for scripts
    assert made.stderr.startswith(f"Đã tạo cơ sở dữ liệu mới: {db}\n")
    if args[0] == "new":  # without a unit nothing is made, not even the database
        other = tmp_path / "khác" / "hoinghi.db"
        refused = cli("new", "--db", str(other))
        assert refused.exit_code == 1 and "Chưa có đơn vị hành chính" in refused.stderr
        assert not other.exists() and not other.parent.exists()
    again = cli(*args, "--db", str(db))
    assert again.exit_code == 0 and "cơ sở dữ liệu" not in again.stderr


def test_the_first_start_says_where_the_data_is_kept(cli, tmp_path):
    default = tmp_path / "data" / "hoinghi" / "hoinghi.db"  # XDG_DATA_HOME of every test
    first = cli()  # `hoinghi` alone opens the app: stopped here before it starts
    assert isinstance(first.exception, AssertionError)
    assert first.stderr.startswith(f"Dữ liệu của hoinghi được lưu tại: {default} ")
    assert default.exists()
    listed = cli("list")
    assert listed.exit_code == 0 and listed.stderr == ""  # said once, on the first start


def test_help_says_where_the_data_is_kept_and_how_to_quit(cli, tmp_path):
    shown = cli("--help")
    assert shown.exit_code == 0
    lines = shown.stdout.splitlines()
    at = lines.index("Dữ liệu được lưu tại (chọn nơi khác bằng --db hoặc biến HOINGHI_DB):")
    assert lines[at + 1] == f"  {tmp_path / 'data' / 'hoinghi' / 'hoinghi.db'}"
    assert lines[at + 2 :] == [
        "Mẫu chương trình, câu mẫu và mẫu phiếu bạn sửa nằm trong:",
        f"  {tmp_path / 'config' / 'hoinghi'}",
    ]
    assert "Ctrl+Q" in shown.stdout
    english = CliRunner().invoke(main, ["--lang", "en", "--help"], env={"HOINGHI_DB": "/srv/hoinghi/office.db"})
    assert (
        "Data is kept in (choose another place with --db or HOINGHI_DB):\n  /srv/hoinghi/office.db\n" in english.stdout
    )


# --- export file names ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "name", "written"),
    [
        ("minutes", "bien-ban", "bien-ban.docx"),
        ("conclusion", "thong-bao", "thong-bao.docx"),
        ("followup", "theo-doi", "theo-doi.xlsx"),
        ("json", "luu-tru", "luu-tru.json"),
        ("minutes", "HN 05.03", "HN 05.03.docx"),
        ("minutes", "bb.DOCX", "bb.DOCX"),
    ],
)
def test_export_to_a_name_without_its_extension_writes_that_file(kind, name, written, cli, tmp_path):
    db = tmp_path / "x.db"
    store = Store.open(str(db))
    meeting = str(create_demo(store, at=T0, finished=True))
    store.close()
    done = cli("export", kind, "--meeting", meeting, "--out", str(tmp_path / name), "--db", str(db))
    assert done.exit_code == 0, done.output
    assert (tmp_path / written).is_file()
    assert done.stdout.strip().endswith(str(tmp_path / written))


def test_export_to_a_folder_or_with_the_wrong_extension(cli, tmp_path):
    db = tmp_path / "x.db"
    store = Store.open(str(db))
    meeting = str(create_demo(store, at=T0, finished=True))
    store.close()
    run = lambda out: cli("export", "minutes", "--meeting", meeting, "--out", out, "--db", str(db))  # noqa: E731
    assert run(f"{tmp_path / 'moi'}/").exit_code == 0
    # the usual name says which meeting, whose and when: files of several sit side by side
    assert (tmp_path / "moi" / f"bien-ban-hoi-nghi-{meeting}-xa-hoa-an-04-03-2026.docx").is_file()
    (tmp_path / "co-san").mkdir()
    assert run(str(tmp_path / "co-san")).exit_code == 0
    assert (tmp_path / "co-san" / f"bien-ban-hoi-nghi-{meeting}-xa-hoa-an-04-03-2026.docx").is_file()
    line = one_line_refusal(run(str(tmp_path / "bien-ban.xlsx")))
    assert line == (
        "hoinghi: Tệp bien-ban.xlsx: loại văn bản này được ghi thành tệp .docx; "
        "hãy đặt tên có đuôi .docx hoặc bỏ đuôi để hoinghi tự thêm."
    )
    assert not (tmp_path / "bien-ban.xlsx").exists()
    (tmp_path / "mot-tep").write_text("không phải thư mục")
    line = one_line_refusal(run(f"{tmp_path / 'mot-tep' / 'con'}/"))
    assert (
        line
        == f"hoinghi: Lỗi ghi tệp vào {tmp_path / 'mot-tep' / 'con'}: một phần của đường dẫn không phải là thư mục."
    )


# --- the phrase list ------------------------------------------------------------------------


def test_the_phrase_list_is_edited_in_the_config_folder_not_the_package(cli, tmp_path, monkeypatch):
    from session.domain import phrases

    builtin = phrases.BUILTIN_FILE.read_bytes()
    user = tmp_path / "config" / "hoinghi" / "phrases.toml"
    assert phrases.user_phrases_file() == user and phrases.phrases_file() == phrases.BUILTIN_FILE

    def editor(filename: str, **_kwargs) -> None:  # the person adds a phrase and saves
        path = Path(filename)
        text = path.read_text(encoding="utf-8").replace("phrases = [", 'phrases = [\n  "Câu của văn phòng.",')
        path.write_text(text, encoding="utf-8")

    monkeypatch.setattr(click, "edit", editor)
    edited = cli("phrases", "--edit")
    assert edited.exit_code == 0, edited.output
    assert f"Đã chép danh sách câu mẫu để sửa: {user}" in edited.stdout
    assert "  1. Câu của văn phòng." in edited.stdout
    assert phrases.phrases_file() == user and phrases.load_phrases()[0] == "Câu của văn phòng."
    assert phrases.BUILTIN_FILE.read_bytes() == builtin  # the installed package is never written
    again = cli("phrases", "--edit")  # a second edit keeps the office's list
    assert "Đã chép" not in again.stdout and phrases.load_phrases()[:2] == ["Câu của văn phòng."] * 2
