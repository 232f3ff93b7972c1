"""The satisfaction survey: ballots, totals, percentages, questionnaires, the store upgrade."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from models.errors import HoinghiError
from models.store import SCHEMA_VERSION, Store, machine_name
from session.domain.survey import (
    add_ballot,
    choose_form,
    parse_totals,
    percentages,
    remove_last_ballot,
    set_totals,
    survey_results,
    tally,
)
from session.domain.survey_forms import copy_form, get_form, load_form_file, user_form_dir
from tests.conftest import T0

FIXTURES = Path(__file__).parent / "fixtures"


def ballot(store, mid, *answers):
    with store.action("survey.ballot", at=T0, meeting_id=mid, actor="office") as tx:
        return add_ballot(tx, mid, list(answers), at=T0)


def totals(store, mid, ballots, counts):
    with store.action("survey.totals", at=T0, meeting_id=mid, actor="office") as tx:
        set_totals(tx, mid, ballots, counts, at=T0)


# --- percentages ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([38, 17, 5], [63.3, 28.3, 8.3]),  # 63.33…, 28.33…, 8.33…: as a person checks them
        ([1, 2], [33.3, 66.7]),
        ([1, 15], [6.3, 93.8]),  # 6.25 and 93.75 round half up
        ([0, 0, 0], [0.0, 0.0, 0.0]),  # nothing to divide: no error
        ([7], [100.0]),
    ],
)
def test_percentages_have_one_decimal_rounded_half_up(counts, expected):
    assert percentages(counts) == expected


def test_typed_ballots_and_paper_totals_add_up_per_question():
    questions = [("Tổ chức", "Tổ chức", ("A", "B", "C")), ("Trả lời", "Trả lời", ("A", "B", "C"))]
    # Two typed ballots: (1, 2) and (3, no answer); 10 paper ballots: Q1 6/3/1, Q2 5/5/0.
    results, typed = tally(questions, ["12", "30"], [(1, 1, 6), (1, 2, 3), (1, 3, 1), (2, 1, 5), (2, 2, 5)], 10)
    assert typed == 2
    q1, q2 = results
    assert [c.count for c in q1.choices] == [7, 3, 2] and q1.blank == 0 and q1.ballots == 12
    assert [c.count for c in q2.choices] == [5, 6, 0] and q2.blank == 1 and q2.ballots == 12
    assert [c.percent for c in q1.choices] == [58.3, 25.0, 16.7]
    assert q2.blank_percent == 8.3


def test_parse_totals_reads_one_group_per_question():
    assert parse_totals("40,15,5; 38 17 5;30, 20 ,10") == [[40, 15, 5], [38, 17, 5], [30, 20, 10]]
    with pytest.raises(HoinghiError) as err:
        parse_totals("40,mười,5")
    assert err.value.code == "survey.bad_count"


# --- ballots in the store ------------------------------------------------------------------


def test_the_first_ballot_starts_the_survey_with_the_default_questionnaire(store, demo_id):
    before = survey_results(store, demo_id)
    assert not before.started and before.ballots == 0 and len(before.questions) == 3
    assert ballot(store, demo_id, 1, 2, 1) == 1
    assert ballot(store, demo_id, 1, 1, 0) == 2
    after = survey_results(store, demo_id)
    assert after.started and after.typed == 2 and after.last_ballot == (2, "110")
    assert [c.count for c in after.questions[0].choices] == [2, 0, 0]
    assert [c.count for c in after.questions[1].choices] == [1, 1, 0]
    assert after.questions[2].blank == 1 and after.questions[2].choices[0].count == 1
    assert [c.text for c in after.questions[0].choices] == ["Hài lòng", "Tương đối hài lòng", "Không hài lòng"]


def test_a_wrong_ballot_is_refused_whole(store, demo_id):
    ballot(store, demo_id, 1, 1, 1)
    for answers, code in (((1, 2), "survey.ballot_length"), ((1, 4, 1), "survey.bad_answer")):
        with pytest.raises(HoinghiError) as err:
            ballot(store, demo_id, *answers)
        assert err.value.code == code
    assert survey_results(store, demo_id).typed == 1


def test_taking_back_the_last_ballot_removes_only_it(store, demo_id):
    ballot(store, demo_id, 1, 1, 1)
    ballot(store, demo_id, 3, 3, 3)
    with store.action("survey.unballot", at=T0, meeting_id=demo_id, actor="office") as tx:
        assert remove_last_ballot(tx, demo_id) == 2
    results = survey_results(store, demo_id)
    assert results.typed == 1 and results.last_ballot == (1, "111")
    with store.action("survey.unballot", at=T0, meeting_id=demo_id, actor="office") as tx:
        remove_last_ballot(tx, demo_id)
    with pytest.raises(HoinghiError) as err, store.action("survey.unballot", at=T0, meeting_id=demo_id) as tx:
        remove_last_ballot(tx, demo_id)
    assert err.value.code == "survey.no_ballot"


def test_totals_replace_the_earlier_totals_and_keep_the_typed_ballots(store, demo_id):
    ballot(store, demo_id, 1, 1, 1)
    totals(store, demo_id, 60, [[40, 15, 5], [38, 17, 5], [30, 20, 10]])
    totals(store, demo_id, 50, [[30, 15, 5], [30, 10, 5], [25, 20, 0]])
    r = survey_results(store, demo_id)
    assert (r.typed, r.paper, r.ballots) == (1, 50, 51)
    assert [c.count for c in r.questions[0].choices] == [31, 15, 5]
    assert r.questions[1].blank == 5 and r.questions[2].blank == 5  # 50 ballots, 45 answers each
    assert r.paper_counts == ((30, 15, 5), (30, 10, 5), (25, 20, 0))


@pytest.mark.parametrize(
    ("ballots", "counts", "code"),
    [
        (10, [[8, 3, 0], [5, 5, 0], [1, 1, 1]], "survey.totals_over"),  # 11 answers from 10 ballots
        (10, [[5, 5, 0], [5, 5, 0]], "survey.totals_length"),
        (10, [[5, 5], [5, 5, 0], [1, 1, 1]], "survey.totals_choices"),
        (-1, [[0, 0, 0]] * 3, "survey.bad_count"),
    ],
)
def test_impossible_totals_are_refused_and_nothing_changes(store, demo_id, ballots, counts, code):
    totals(store, demo_id, 20, [[10, 5, 5], [10, 5, 5], [10, 5, 5]])
    with pytest.raises(HoinghiError) as err:
        totals(store, demo_id, ballots, counts)
    assert err.value.code == code
    assert survey_results(store, demo_id).paper == 20


def test_the_office_undo_takes_back_a_ballot_like_any_of_its_actions(store, demo_id):
    ballot(store, demo_id, 2, 2, 2)
    office = f"office@{machine_name()}"
    assert store.undo_last(demo_id, at=T0, actor="office", desk=office).action == "survey.ballot"
    assert survey_results(store, demo_id).typed == 0


# --- questionnaires ------------------------------------------------------------------------


def test_an_office_copy_of_the_questionnaire_replaces_the_built_in_one(store, demo_id):
    path = copy_form()
    assert path.parent == user_form_dir()
    text = path.read_text(encoding="utf-8").replace('Tổ chức hội nghị"', 'Khâu tổ chức"')
    text += '\n[[question]]\ntext = "Ông (bà) có muốn dự hội nghị lần sau?"\nshort = "Dự lần sau"\nchoices = ["Có", "Không"]\n'
    path.write_text(text, encoding="utf-8")
    form = get_form()
    assert [q.short for q in form.questions] == [
        "Khâu tổ chức",
        "Trả lời tại hội nghị",
        "Giải quyết sau hội nghị",
        "Dự lần sau",
    ]
    assert form.questions[3].choices == ("Có", "Không")
    ballot(store, demo_id, 1, 1, 1, 2)
    assert survey_results(store, demo_id).questions[3].choices[1].count == 1
    with pytest.raises(HoinghiError) as err:
        copy_form()
    assert err.value.code == "survey.form_exists"


def test_a_questionnaire_can_be_chosen_only_before_any_ballot(store, demo_id, tmp_path):
    other = tmp_path / "config" / "hoinghi" / "surveys" / "ngan.toml"
    other.parent.mkdir(parents=True)
    other.write_text(
        'title = "Phiếu ngắn"\nchoices = ["Có", "Không"]\n[[question]]\ntext = "Hài lòng?"\n', encoding="utf-8"
    )
    with store.action("survey.form", at=T0, meeting_id=demo_id, actor="office") as tx:
        choose_form(tx, demo_id, get_form("ngan"), at=T0)
    assert [q.text for q in survey_results(store, demo_id).questions] == ["Hài lòng?"]
    ballot(store, demo_id, 2)
    with pytest.raises(HoinghiError) as err, store.action("survey.form", at=T0, meeting_id=demo_id) as tx:
        choose_form(tx, demo_id, get_form(), at=T0)
    assert err.value.code == "survey.has_ballots"


@pytest.mark.parametrize(
    "text",
    [
        "title = 'x'\n",  # no question
        "[[question]]\ntext = ''\nchoices = ['A']\n",  # empty question
        "[[question]]\ntext = 'Q'\n",  # no choices at all
        "choices = ['1','2','3','4','5','6','7','8','9','10']\n[[question]]\ntext = 'Q'\n",  # one key per answer: 9 at most
        "title = \n",  # not TOML
    ],
)
def test_a_broken_questionnaire_file_gets_a_clear_message(tmp_path, text):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(HoinghiError) as err:
        load_form_file(path)
    assert err.value.code == "survey.form_invalid" and str(path) in err.value.params["path"]


# --- the store from before the survey ------------------------------------------------------


def test_a_version_1_database_opens_upgraded_and_takes_ballots(tmp_path):
    path = tmp_path / "cu.db"
    con = sqlite3.connect(path)
    con.executescript((FIXTURES / "store-v1.sql").read_text(encoding="utf-8"))
    con.close()
    store = Store.open(str(path))
    try:
        assert store.schema_version() == SCHEMA_VERSION >= 2
        [meeting_id] = [1]
        assert survey_results(store, meeting_id).typed == 0
        ballot(store, meeting_id, 1, 2, 3)
        assert survey_results(store, meeting_id).typed == 1
    finally:
        store.close()
    store = Store.open(str(path))  # and opens again without another upgrade
    assert store.schema_version() == SCHEMA_VERSION
    store.close()
