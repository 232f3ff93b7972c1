"""Snapshot tests of the meeting day at the console, in Vietnamese, at 120×36 and 80×24:
the picker, a new meeting, its particulars, the live console and every dialog it opens,
the registration list, the slip form, the import, the registration desk, the palette.

Each screen is reached by the keys a person presses (``route``), on a copy of a scene
(tests/app_factory.py). Update after an intended change with:
pytest tests/test_snapshots_console.py --snapshot-update
"""

from __future__ import annotations

import shutil

import pytest
from textual.command import CommandPalette

from session.tui.screens.answer import AnswerEndScreen, AnswerPickScreen
from session.tui.screens.details import MeetingDetailsScreen
from session.tui.screens.dialogs import ConfirmScreen, HelpScreen, PhraseScreen, ReasonScreen, StepFormScreen
from session.tui.screens.import_screen import ImportScreen
from session.tui.screens.limits import LimitsScreen
from session.tui.screens.live import LiveScreen
from session.tui.screens.new_meeting import NewMeetingScreen
from session.tui.screens.picker import PickerScreen
from session.tui.screens.queue import QueueScreen
from session.tui.screens.registration_form import RegistrationForm
from tests.app_factory import SIZES, Pasted, route
from tests.conftest import until

sizes = pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())


# --- before the meeting ----------------------------------------------------------------------


@sizes
def test_the_picker_groups_a_wards_meetings_under_its_plan(snap_compare, make_app, size):
    app = make_app("plan", meeting=None)
    assert snap_compare(app, terminal_size=size, run_before=route(PickerScreen))


@sizes
def test_a_new_meeting_form_opened_from_the_picker(snap_compare, make_app, size):
    app = make_app("plan", meeting=None)
    assert snap_compare(app, terminal_size=size, run_before=route(PickerScreen, "n", NewMeetingScreen))


@sizes
def test_the_meetings_particulars_opened_from_the_console(snap_compare, make_app, size):
    app = make_app("planned")
    assert snap_compare(app, terminal_size=size, run_before=route(LiveScreen, "m", MeetingDetailsScreen))


@sizes
def test_the_console_before_the_meeting_starts(snap_compare, make_app, size):
    app = make_app("planned")
    assert snap_compare(app, terminal_size=size, run_before=route(LiveScreen))


@sizes
def test_a_step_inserted_into_the_agenda(snap_compare, make_app, size):
    app = make_app("planned")
    route_ = route(LiveScreen, "down", "down", "i", StepFormScreen, Pasted("Văn nghệ chào mừng"))
    assert snap_compare(app, terminal_size=size, run_before=route_)


# --- the dialogue ----------------------------------------------------------------------------


@sizes
def test_the_console_mid_dialogue_with_the_fifth_speaker_on_the_floor(snap_compare, make_app, size):
    app = make_app("dialogue")
    assert snap_compare(app, terminal_size=size, run_before=route(LiveScreen))


@sizes
def test_the_current_step_being_corrected(snap_compare, make_app, size):
    app = make_app("dialogue")
    assert snap_compare(app, terminal_size=size, run_before=route(LiveScreen, "e", StepFormScreen))


@sizes
def test_the_keys_of_the_console_in_help(snap_compare, make_app, size):
    app = make_app("dialogue")
    assert snap_compare(app, terminal_size=size, run_before=route(LiveScreen, "f1", HelpScreen))


@sizes
def test_the_palette_finds_export_typed_without_accents(snap_compare, make_app, size):
    app = make_app("dialogue")
    typed = route(
        LiveScreen,
        "ctrl+p",
        CommandPalette,
        *"xuat",
        lambda app: "Xuất" in str(app.screen.query_one("CommandList").get_option_at_index(0).prompt),
    )
    assert snap_compare(app, terminal_size=size, run_before=typed)


@sizes
def test_the_phrase_picker_over_the_notes(snap_compare, make_app, size, tmp_path, monkeypatch):
    from session.domain.phrases import BUILTIN_FILE

    # The secretary's own phrase list, in a config folder named the same on every machine.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", ".config")
    (tmp_path / ".config" / "hoinghi").mkdir(parents=True)
    shutil.copyfile(BUILTIN_FILE, tmp_path / ".config" / "hoinghi" / "phrases.toml")
    app = make_app("dialogue")
    assert snap_compare(app, terminal_size=size, run_before=route(LiveScreen, "t", PhraseScreen))


@sizes
def test_who_answers_the_chair_first_then_the_officials(snap_compare, make_app, size):
    app = make_app("dialogue")
    assert snap_compare(app, terminal_size=size, run_before=route(LiveScreen, "a", AnswerPickScreen))


@sizes
def test_the_answers_summary_asked_when_it_ends(snap_compare, make_app, size):
    app = make_app("dialogue")
    ending = route(LiveScreen, "a", AnswerPickScreen, "enter", LiveScreen, "a", AnswerEndScreen)
    assert snap_compare(app, terminal_size=size, run_before=ending)


@sizes
def test_closing_with_petitions_open_asks_for_a_reason(snap_compare, make_app, size):
    app = make_app("dialogue")
    assert snap_compare(app, terminal_size=size, run_before=route(LiveScreen, "k", ReasonScreen))


# --- registrations ---------------------------------------------------------------------------


@sizes
def test_the_registration_list_mid_dialogue(snap_compare, make_app, size):
    app = make_app("dialogue")
    assert snap_compare(app, terminal_size=size, run_before=route(LiveScreen, "d", QueueScreen))


@sizes
def test_a_blank_slip_from_the_console(snap_compare, make_app, size):
    app = make_app("dialogue")
    assert snap_compare(app, terminal_size=size, run_before=route(LiveScreen, "r", RegistrationForm))


@sizes
def test_a_registration_being_corrected_from_the_list(snap_compare, make_app, size):
    app = make_app("dialogue")
    correcting = route(LiveScreen, "d", QueueScreen, "down", "down", "e", RegistrationForm)
    assert snap_compare(app, terminal_size=size, run_before=correcting)


@sizes
def test_speaking_time_limits_per_field(snap_compare, make_app, size):
    app = make_app("dialogue")
    assert snap_compare(app, terminal_size=size, run_before=route(LiveScreen, "d", QueueScreen, "h", LimitsScreen))


@sizes
def test_a_wards_word_report_previewed_for_import(snap_compare, make_app, size, tmp_path, monkeypatch):
    from tests.sheets import ward_list_docx

    monkeypatch.chdir(tmp_path)  # the file typed by its name, as from the folder it is in
    ward_list_docx(tmp_path / "bao-cao.docx")
    app = make_app("plan")
    previewed = route(
        LiveScreen,
        "d",
        QueueScreen,
        "i",
        ImportScreen,
        Pasted("bao-cao.docx"),
        "enter",
        lambda app: not app.screen.query_one("#run").disabled,
    )
    assert snap_compare(app, terminal_size=size, run_before=previewed)


@sizes
def test_the_registration_desk_on_its_own(snap_compare, make_app, size):
    app = make_app("dialogue", mode="desk")
    assert snap_compare(app, terminal_size=size, run_before=route(QueueScreen))


@sizes
def test_the_desk_asks_before_closing(snap_compare, make_app, size):
    app = make_app("dialogue", mode="desk")
    assert snap_compare(app, terminal_size=size, run_before=route(QueueScreen, "escape", ConfirmScreen))


async def test_a_form_redrawn_without_frames_when_the_terminal_shrinks(make_app):
    """The size classes follow the terminal: fields lose their frames at 24 rows and get
    them back at 36 (the snapshots above see each size from the start)."""
    from textual.widgets import Input

    app = make_app("dialogue")
    async with app.run_test(size=(120, 36)) as pilot:
        await route(LiveScreen, "r", RegistrationForm)(pilot)
        name = app.screen.query_one("#reg-name", Input)
        assert name.outer_size.height == 3
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: name.outer_size.height == 1)
        assert app.has_class("-short", "-narrow")
        await pilot.resize_terminal(120, 36)
        await until(pilot, lambda: name.outer_size.height == 3)
        assert not app.has_class("-short") and not app.has_class("-narrow")
