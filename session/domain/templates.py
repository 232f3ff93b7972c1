"""Agenda templates (mẫu chương trình): TOML files shipped with the app, which an office
can copy into its own folder and edit. A copy with the same name replaces the built-in."""

from __future__ import annotations

import shutil
import tomllib
from dataclasses import dataclass
from datetime import time
from pathlib import Path

from models.errors import HoinghiError
from models.text import clean_text

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "templates"
STEP_KINDS = ("opening", "report", "dialogue", "conclusion", "closing", "other")


def user_template_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path("hoinghi", appauthor=False) / "templates"


@dataclass(frozen=True)
class StepTemplate:
    title: str
    kind: str
    presenter: str
    minutes: int


DEFAULT_ANSWER_MINUTES = 3  # an answer after each speech, for the forecast of the end


@dataclass(frozen=True)
class AgendaTemplate:
    name: str
    title: str
    kind: str
    start: time
    groups: tuple[str, ...]
    steps: tuple[StepTemplate, ...]
    path: Path
    answer_minutes: int = DEFAULT_ANSWER_MINUTES  # expected answer after each speech (forecast)

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.steps)


def _invalid(path: Path, detail: str) -> HoinghiError:
    return HoinghiError("template.invalid", path=str(path), detail=detail)


def load_template_file(path: Path) -> AgendaTemplate:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise _invalid(path, str(exc)) from None
    steps_raw = data.get("step")
    if not isinstance(steps_raw, list) or not steps_raw:
        raise _invalid(path, "no [[step]]")
    steps = []
    for index, raw in enumerate(steps_raw, start=1):
        if not isinstance(raw, dict) or not str(raw.get("title", "")).strip():
            raise _invalid(path, f"step {index}: title")
        kind = str(raw.get("kind", "other"))
        minutes = raw.get("minutes", 0)
        if kind not in STEP_KINDS:
            raise _invalid(path, f"step {index}: kind {kind!r}")
        if not isinstance(minutes, int) or isinstance(minutes, bool) or not 0 <= minutes <= 1440:
            raise _invalid(path, f"step {index}: minutes {minutes!r}")
        steps.append(
            StepTemplate(
                title=clean_text(raw["title"]),
                kind=kind,
                presenter=clean_text(raw.get("presenter", "")),
                minutes=minutes,
            )
        )
    try:
        start = time.fromisoformat(str(data.get("start", "07:30")))
    except ValueError:
        raise _invalid(path, f"start {data.get('start')!r}") from None
    kind = str(data.get("kind", "generic"))
    if kind not in ("dialogue", "generic"):
        raise _invalid(path, f"kind {kind!r}")
    groups = tuple(clean_text(g) for g in data.get("groups", []) if clean_text(str(g)))
    answer_minutes = data.get("answer_minutes", DEFAULT_ANSWER_MINUTES)
    if not isinstance(answer_minutes, int) or isinstance(answer_minutes, bool) or not 0 <= answer_minutes <= 120:
        raise _invalid(path, f"answer_minutes {answer_minutes!r}")
    return AgendaTemplate(
        name=path.stem,
        title=clean_text(data.get("title", path.stem)),
        kind=kind,
        start=start,
        groups=groups,
        steps=tuple(steps),
        path=path,
        answer_minutes=answer_minutes,
    )


def list_templates() -> list[AgendaTemplate]:
    """Built-in templates, each replaced by a user copy of the same name if there is one."""
    found: dict[str, Path] = {p.stem: p for p in sorted(BUILTIN_DIR.glob("*.toml"))}
    user_dir = user_template_dir()
    if user_dir.is_dir():
        found.update({p.stem: p for p in sorted(user_dir.glob("*.toml"))})
    return [load_template_file(p) for _, p in sorted(found.items())]


def get_template(name: str) -> AgendaTemplate:
    user_file = user_template_dir() / f"{name}.toml"
    if user_file.is_file():
        return load_template_file(user_file)
    builtin = BUILTIN_DIR / f"{name}.toml"
    if builtin.is_file():
        return load_template_file(builtin)
    raise HoinghiError("template.not_found", name=name)


def copy_template(name: str) -> Path:
    """Copy built-in template *name* into the user folder for editing; returns the path."""
    source = BUILTIN_DIR / f"{name}.toml"
    if not source.is_file():
        raise HoinghiError("template.not_found", name=name)
    target = user_template_dir() / source.name
    if target.exists():
        raise HoinghiError("template.exists", path=str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target
