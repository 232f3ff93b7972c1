"""Survey questionnaires (mẫu phiếu lấy ý kiến): TOML files shipped with the app, which an
office can copy into its own folder and edit, like the agenda templates. A copy with the
same name replaces the built-in one."""

from __future__ import annotations

import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

from models.errors import HoinghiError
from models.text import clean_text

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "surveys"
DEFAULT_FORM = "hai-long"
MAX_CHOICES = 9  # one digit key per answer


def user_form_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path("hoinghi", appauthor=False) / "surveys"


@dataclass(frozen=True)
class FormQuestion:
    """A question of the ballot (câu hỏi) and its answer choices, in key order (1, 2, 3…)."""

    text: str
    short: str
    choices: tuple[str, ...]


@dataclass(frozen=True)
class SurveyForm:
    """A questionnaire (mẫu phiếu)."""

    name: str
    title: str
    intro: str
    questions: tuple[FormQuestion, ...]
    path: Path | None = None  # None: the copy a survey keeps


def _invalid(path: Path, detail: str) -> HoinghiError:
    return HoinghiError("survey.form_invalid", path=str(path), detail=detail)


def _choices(raw: object, path: Path, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw:
        raise _invalid(path, f"{where}: choices")
    choices = tuple(clean_text(str(c), max_len=80) for c in raw)
    if not all(choices):
        raise _invalid(path, f"{where}: empty choice")
    if len(choices) > MAX_CHOICES:
        raise _invalid(path, f"{where}: more than {MAX_CHOICES} choices")
    return choices


def load_form_file(path: Path) -> SurveyForm:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise _invalid(path, str(exc)) from None
    default_choices = data.get("choices")
    raw_questions = data.get("question")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise _invalid(path, "no [[question]]")
    questions = []
    for index, raw in enumerate(raw_questions, start=1):
        if not isinstance(raw, dict) or not clean_text(str(raw.get("text", ""))):
            raise _invalid(path, f"question {index}: text")
        text = clean_text(str(raw["text"]), max_len=300)
        short = clean_text(str(raw.get("short", "")), max_len=40) or text[:40]
        choices = _choices(raw.get("choices", default_choices), path, f"question {index}")
        questions.append(FormQuestion(text=text, short=short, choices=choices))
    return SurveyForm(
        name=path.stem,
        title=clean_text(str(data.get("title", path.stem)), max_len=300),
        intro=clean_text(str(data.get("intro", "")), multiline=True, max_len=2000),
        questions=tuple(questions),
        path=path,
    )


def get_form(name: str = DEFAULT_FORM) -> SurveyForm:
    user_file = user_form_dir() / f"{name}.toml"
    if user_file.is_file():
        return load_form_file(user_file)
    builtin = BUILTIN_DIR / f"{name}.toml"
    if builtin.is_file():
        return load_form_file(builtin)
    raise HoinghiError("survey.form_not_found", name=name)


def copy_form(name: str = DEFAULT_FORM) -> Path:
    """Copy built-in questionnaire *name* into the user folder for editing; returns the path."""
    source = BUILTIN_DIR / f"{name}.toml"
    if not source.is_file():
        raise HoinghiError("survey.form_not_found", name=name)
    target = user_form_dir() / source.name
    if target.exists():
        raise HoinghiError("survey.form_exists", path=str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target
