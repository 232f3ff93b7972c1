"""Snapshot tests of the screens around the meeting day, in Vietnamese, at 120×36 and
80×24: a ward's plans and the plan form, the dated duties and the form that marks one
done, the invitation list at the door and its forms, the petitions prepared before the
meeting and the form of their answer.

Each screen is reached by the keys a person presses (``route``), on a copy of the ward's
plan (tests/app_factory.py). Update after an intended change with:
pytest tests/test_snapshots_planning.py --snapshot-update
"""

from __future__ import annotations

import pytest

from session.tui.screens.duties import DutiesScreen, DutyDoneForm
from session.tui.screens.live import LiveScreen
from session.tui.screens.participants import ParticipantForm, ParticipantImportForm, ParticipantsScreen
from session.tui.screens.picker import PickerScreen
from session.tui.screens.plans import PlanForm, PlansScreen
from session.tui.screens.preparation import PreparationForm, PreparationScreen
from tests.app_factory import SIZES, Pasted, route

sizes = pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())


# --- plans ---------------------------------------------------------------------------------------


@sizes
def test_the_plans_with_the_days_of_their_duties(snap_compare, make_app, size):
    app = make_app("plan", meeting=None)
    assert snap_compare(app, terminal_size=size, run_before=route(PickerScreen, "k", PlansScreen))


@sizes
def test_a_new_plan_with_the_days_of_every_duty(snap_compare, make_app, size):
    app = make_app("plan", meeting=None)
    assert snap_compare(app, terminal_size=size, run_before=route(PickerScreen, "k", PlansScreen, "n", PlanForm))


# --- dated duties --------------------------------------------------------------------------------


@sizes
def test_duties_due_across_the_plans_meetings(snap_compare, make_app, size):
    app = make_app("plan", meeting=None)
    assert snap_compare(app, terminal_size=size, run_before=route(PickerScreen, "d", DutiesScreen))


@sizes
def test_a_duty_marked_done_with_its_note(snap_compare, make_app, size):
    app = make_app("plan", meeting=None)
    marking = route(PickerScreen, "d", DutiesScreen, "enter", DutyDoneForm, Pasted("Số 18/GM-UBND"))
    assert snap_compare(app, terminal_size=size, run_before=marking)


@sizes
def test_the_duties_of_one_meeting_from_its_console(snap_compare, make_app, size):
    app = make_app("plan")
    assert snap_compare(app, terminal_size=size, run_before=route(LiveScreen, "j", DutiesScreen))


# --- the invitation list and the door ---------------------------------------------------------------


@sizes
def test_the_door_with_two_people_ticked_and_a_name_typed_without_accents(snap_compare, make_app, size):
    app = make_app("plan")
    door = route(
        LiveScreen,
        "j",
        DutiesScreen,
        "p",
        ParticipantsScreen,
        *("down",) * 4,
        "space",  # Trần Văn Cường, Chí Linh 1
        "down",
        "space",  # Phạm Thị Lan, Chí Linh 2
        "slash",
        Pasted("chi linh"),
    )
    assert snap_compare(app, terminal_size=size, run_before=door)


@sizes
def test_someone_added_to_the_invitation_list(snap_compare, make_app, size):
    app = make_app("plan")
    adding = route(
        LiveScreen, "j", DutiesScreen, "p", ParticipantsScreen, "n", ParticipantForm, Pasted("Trương Văn Sỹ")
    )
    assert snap_compare(app, terminal_size=size, run_before=adding)


@sizes
def test_an_invitation_list_to_import_from_a_sheet(snap_compare, make_app, size):
    app = make_app("plan")
    importing = route(LiveScreen, "j", DutiesScreen, "p", ParticipantsScreen, "i", ParticipantImportForm)
    assert snap_compare(app, terminal_size=size, run_before=importing)


# --- petitions prepared before the meeting --------------------------------------------------------


@sizes
def test_the_petitions_prepared_before_the_meeting(snap_compare, make_app, size):
    app = make_app("plan")
    assert snap_compare(
        app, terminal_size=size, run_before=route(LiveScreen, "j", DutiesScreen, "k", PreparationScreen)
    )


@sizes
def test_a_department_assigned_to_prepare_an_answer(snap_compare, make_app, size):
    app = make_app("plan")
    assigning = route(
        LiveScreen, "j", DutiesScreen, "k", PreparationScreen, "enter", PreparationForm, Pasted("Phòng Kinh tế")
    )
    assert snap_compare(app, terminal_size=size, run_before=assigning)
