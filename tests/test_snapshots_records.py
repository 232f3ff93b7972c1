"""Snapshot tests of what the meeting leaves, in Vietnamese, at 120×36 and 80×24: the
petition ledger and its forms, the history, the export dialog, the follow-up of the
conclusions with its form and the office calendar, the satisfaction survey.

Each screen is reached by the keys a person presses (``route``), on a copy of a scene
(tests/app_factory.py). Update after an intended change with:
pytest tests/test_snapshots_records.py --snapshot-update
"""

from __future__ import annotations

import pytest

from session.tui.screens.calendar import CalendarScreen
from session.tui.screens.export_screen import ExportScreen
from session.tui.screens.followup import FollowupForm, FollowupScreen
from session.tui.screens.history import HistoryScreen
from session.tui.screens.ledger import LedgerScreen
from session.tui.screens.ledger_forms import AnswerForm, ConclusionForm, IssueForm
from session.tui.screens.live import LiveScreen
from session.tui.screens.survey import SurveyScreen, SurveyTotalsForm
from tests.app_factory import SIZES, Pasted, route

sizes = pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())


# --- the petition ledger -----------------------------------------------------------------------


@sizes
def test_the_ledger_mid_dialogue_three_petitions_concluded(snap_compare, make_app, size):
    app = make_app("dialogue")
    assert snap_compare(app, terminal_size=size, run_before=route(LiveScreen, "l", LedgerScreen))


@sizes
def test_a_petition_added_for_the_last_speaker(snap_compare, make_app, size):
    app = make_app("dialogue")
    adding = route(LiveScreen, "l", LedgerScreen, "n", IssueForm, Pasted("Xin hỗ trợ sửa cầu treo"))
    assert snap_compare(app, terminal_size=size, run_before=adding)


@sizes
def test_an_answer_recorded_for_two_marked_petitions(snap_compare, make_app, size):
    app = make_app("dialogue")
    answering = route(
        LiveScreen, "l", LedgerScreen, "down", "down", "down", "down", "space", "down", "space", "a", AnswerForm
    )
    assert snap_compare(app, terminal_size=size, run_before=answering)


@sizes
def test_a_conclusion_assigning_an_agency_with_its_deadline(snap_compare, make_app, size):
    app = make_app("dialogue")
    concluding = route(LiveScreen, "l", LedgerScreen, "down", "down", "down", "down", "k", ConclusionForm)
    assert snap_compare(app, terminal_size=size, run_before=concluding)


@sizes
def test_the_history_in_sentences_newest_first(snap_compare, make_app, size):
    app = make_app("dialogue")
    assert snap_compare(app, terminal_size=size, run_before=route(LiveScreen, "h", HistoryScreen))


# --- after the meeting ---------------------------------------------------------------------------


@sizes
def test_the_export_dialog_of_a_held_meeting(snap_compare, make_app, size, monkeypatch):
    from session.tui.screens import export_screen

    # The same with or without LibreOffice on the machine.
    monkeypatch.setattr(export_screen.shutil, "which", lambda name: f"/usr/bin/{name}")
    app = make_app("finished")
    assert snap_compare(app, terminal_size=size, run_before=route(LiveScreen, "x", ExportScreen))


@sizes
def test_the_follow_up_of_every_conclusion_one_replied(snap_compare, make_app, size):
    app = make_app("finished")
    assert snap_compare(app, terminal_size=size, run_before=route(LiveScreen, "o", FollowupScreen))


@sizes
def test_a_reply_recorded_in_the_follow_up(snap_compare, make_app, size):
    app = make_app("finished")
    replying = route(LiveScreen, "o", FollowupScreen, "down", "s", FollowupForm)
    assert snap_compare(app, terminal_size=size, run_before=replying)


@sizes
def test_the_office_calendar_with_the_years_holidays(snap_compare, make_app, size):
    app = make_app("finished")
    assert snap_compare(app, terminal_size=size, run_before=route(LiveScreen, "o", FollowupScreen, "c", CalendarScreen))


@sizes
def test_survey_ballots_typed_one_key_per_answer(snap_compare, make_app, size):
    app = make_app("finished")
    assert snap_compare(app, terminal_size=size, run_before=route(LiveScreen, "y", SurveyScreen, "1", "2"))


@sizes
def test_survey_totals_counted_on_paper(snap_compare, make_app, size):
    app = make_app("finished")
    assert snap_compare(app, terminal_size=size, run_before=route(LiveScreen, "y", SurveyScreen, "t", SurveyTotalsForm))
