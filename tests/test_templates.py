"""Agenda templates are data files the office can copy and edit."""

from __future__ import annotations

import pytest

from models.errors import HoinghiError
from session.domain.templates import copy_template, get_template, list_templates, load_template_file


def test_the_dialogue_template_has_the_nine_steps_in_a_half_day():
    tpl = get_template("doi-thoai")
    assert tpl.kind == "dialogue"
    assert len(tpl.steps) == 9
    assert tpl.steps[0].title.startswith("Tuyên bố lý do")
    assert tpl.steps[5].kind == "dialogue" and tpl.steps[5].title == "Tiến hành đối thoại"
    assert tpl.steps[8].title.startswith("Kết luận, bế mạc")
    assert 180 <= tpl.minutes <= 240  # half a day


def test_both_builtin_templates_are_listed():
    names = [tpl.name for tpl in list_templates()]
    assert names == ["doi-thoai", "hop-chung"]


def test_an_edited_copy_replaces_the_builtin(tmp_path):
    path = copy_template("hop-chung")
    path.write_text(path.read_text(encoding="utf-8").replace("minutes = 60", "minutes = 90"), encoding="utf-8")
    assert get_template("hop-chung").minutes == 130
    assert get_template("hop-chung").path == path
    with pytest.raises(HoinghiError) as err:
        copy_template("hop-chung")
    assert err.value.code == "template.exists"


def test_a_broken_template_gets_a_message_naming_the_file(tmp_path):
    bad = tmp_path / "hong.toml"
    bad.write_text('title = "x"\n[[step]]\ntitle = "Khai mạc"\nminutes = "mười"\n', encoding="utf-8")
    with pytest.raises(HoinghiError) as err:
        load_template_file(bad)
    assert err.value.code == "template.invalid"
    assert "hong.toml" in err.value.params["path"]
    bad.write_text("this is = not toml [", encoding="utf-8")
    with pytest.raises(HoinghiError):
        load_template_file(bad)


def test_an_unknown_template_is_named_in_the_error():
    with pytest.raises(HoinghiError) as err:
        get_template("khong-co")
    assert err.value.code == "template.not_found"
