"""Duty rules (quy định thời hạn): the dated work around a meeting as editable data.

TOML files shipped with the app, which an office can copy into its own folder and edit,
like the agenda templates; a copy with the same name replaces the built-in. Each plan
keeps its own figures (``Plan.duty_days``); a rule's ``days`` is the default.
"""

from __future__ import annotations

import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

from models.errors import HoinghiError
from models.text import clean_text

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "duty_rules"
DEFAULT_RULES = "mac-dinh"
WHEN = ("before", "after")
UNITS = ("calendar", "working")
MAX_DAYS = 365


def user_rules_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path("hoinghi", appauthor=False) / "duty_rules"


@dataclass(frozen=True)
class DutyRule:
    """One dated duty: *days* before or after its anchor (the meeting, or an earlier duty)."""

    key: str
    title: str
    when: str  # before | after
    days: int
    unit: str  # calendar | working
    anchor: str = "meeting"  # "meeting" or the key of an earlier duty
    source: str = ""


@dataclass(frozen=True)
class RuleSet:
    name: str
    title: str
    rules: tuple[DutyRule, ...]
    path: Path

    def rule(self, key: str) -> DutyRule:
        for rule in self.rules:
            if rule.key == key:
                return rule
        raise HoinghiError("duty.unknown", duty=key, keys=", ".join(r.key for r in self.rules))

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.rules)

    def figures(self, overrides: dict[str, int] | None = None) -> dict[str, int]:
        """The days of every duty: the plan's own figure where it has one."""
        own = overrides or {}
        return {r.key: int(own.get(r.key, r.days)) for r in self.rules}


def _invalid(path: Path, detail: str) -> HoinghiError:
    return HoinghiError("duty.rules_invalid", path=str(path), detail=detail)


def check_days(value: object, key: str) -> int:
    """A number of days as a plan may set it (0–365), or a clear error."""
    try:
        number = int(str(value).strip())
    except ValueError:
        raise HoinghiError("duty.bad_days", duty=key, value=value) from None
    if isinstance(value, bool) or not 0 <= number <= MAX_DAYS:
        raise HoinghiError("duty.bad_days", duty=key, value=value)
    return number


def load_rules_file(path: Path) -> RuleSet:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise _invalid(path, str(exc)) from None
    raw_rules = data.get("duty")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise _invalid(path, "no [[duty]]")
    rules: list[DutyRule] = []
    for index, raw in enumerate(raw_rules, start=1):
        if not isinstance(raw, dict):
            raise _invalid(path, f"duty {index}")
        key = str(raw.get("key", "")).strip()
        if not key or not key.replace("_", "").isalnum() or key == "meeting":
            raise _invalid(path, f"duty {index}: key {key!r}")
        if key in {r.key for r in rules}:
            raise _invalid(path, f"duty {index}: key {key!r} twice")
        title = clean_text(str(raw.get("title", "")))
        if not title:
            raise _invalid(path, f"duty {key}: title")
        when, unit = str(raw.get("when", "before")), str(raw.get("unit", "calendar"))
        if when not in WHEN:
            raise _invalid(path, f"duty {key}: when {when!r}")
        if unit not in UNITS:
            raise _invalid(path, f"duty {key}: unit {unit!r}")
        days = raw.get("days")
        if not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= MAX_DAYS:
            raise _invalid(path, f"duty {key}: days {days!r}")
        anchor = str(raw.get("from", "meeting"))
        if anchor != "meeting" and anchor not in {r.key for r in rules}:
            raise _invalid(path, f"duty {key}: from {anchor!r} (an earlier duty's key, or meeting)")
        rules.append(DutyRule(key, title, when, days, unit, anchor, clean_text(str(raw.get("source", "")))))
    return RuleSet(path.stem, clean_text(str(data.get("title", path.stem))), tuple(rules), path)


def list_rule_sets() -> list[RuleSet]:
    """Built-in rule sets, each replaced by a user copy of the same name if there is one."""
    found: dict[str, Path] = {p.stem: p for p in sorted(BUILTIN_DIR.glob("*.toml"))}
    folder = user_rules_dir()
    if folder.is_dir():
        found.update({p.stem: p for p in sorted(folder.glob("*.toml"))})
    return [load_rules_file(p) for _, p in sorted(found.items())]


def get_rule_set(name: str = DEFAULT_RULES) -> RuleSet:
    user_file = user_rules_dir() / f"{name}.toml"
    if user_file.is_file():
        return load_rules_file(user_file)
    builtin = BUILTIN_DIR / f"{name}.toml"
    if builtin.is_file():
        return load_rules_file(builtin)
    raise HoinghiError("duty.rules_not_found", name=name)


def copy_rule_set(name: str) -> Path:
    """Copy built-in rule set *name* into the user folder for editing; returns the path."""
    source = BUILTIN_DIR / f"{name}.toml"
    if not source.is_file():
        raise HoinghiError("duty.rules_not_found", name=name)
    target = user_rules_dir() / source.name
    if target.exists():
        raise HoinghiError("duty.rules_exists", path=str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target
