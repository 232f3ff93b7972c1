"""Standard phrases (câu mẫu) the secretary inserts into the notes with one key."""

from __future__ import annotations

import os
import re
import tomllib
from datetime import datetime
from pathlib import Path

from models.errors import HoinghiError
from models.text import clean_text
from session.domain.templates import user_template_dir
from session.domain.views import AgendaStep, MeetingView

BUILTIN_FILE = Path(__file__).resolve().parent.parent / "phrases.toml"

_CLAUSE = re.compile(r"([,;] )")
_SLOT = re.compile(r"\{(\w+)\}")


def user_phrases_file() -> Path:
    """Where the office's own phrase list lives: its config folder, never the installed
    package (an upgrade would overwrite it, and the package may not be writable)."""
    return user_template_dir().parent / "phrases.toml"


def phrases_file() -> Path:
    """The user's copy if there is one, else the built-in list."""
    user = user_phrases_file()
    return user if user.is_file() else BUILTIN_FILE


def editable_phrases_file() -> tuple[Path, bool]:
    """The user's phrase list to edit, copied from the built-in one the first time;
    returns the path and whether it was copied now."""
    user = user_phrases_file()
    if user.is_file():
        return user, False
    user.parent.mkdir(parents=True, exist_ok=True)
    partial = user.with_name(f".{user.name}.{os.getpid()}.tmp")
    partial.write_bytes(BUILTIN_FILE.read_bytes())
    os.replace(partial, user)  # never a half-copied list, even if interrupted
    return user, True


def load_phrases() -> list[str]:
    path = phrases_file()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise HoinghiError("template.invalid", path=str(path), detail=str(exc)) from None
    items = data.get("phrases", [])
    if not isinstance(items, list):
        raise HoinghiError("template.invalid", path=str(path), detail="phrases = [ … ]")
    return [clean_text(str(p)) for p in items if clean_text(str(p))]


def _clock(moment: datetime) -> str:
    return f"{moment.hour} giờ {moment.minute:02d} phút"


def fill(
    phrase: str,
    view: MeetingView,
    step: AgendaStep | None,
    now: datetime,
    recess: tuple[datetime | None, datetime | None] = (None, None),
) -> str:
    """Fill the slots of *phrase* from the meeting; unknown facts become "…". A clause
    after a comma or semicolon whose facts are all unknown is left out ("…, đồng chí
    {co_chair} – {co_chair_title}; …" for a meeting with no co-chair): there is nobody to
    name, not a blank to fill in."""
    facts = {
        "chair": view.chair,
        "chair_title": view.chair_title,
        "co_chair": view.co_chair,
        "co_chair_title": view.co_chair_title,
        "secretary": view.secretary,
        "presenter": step.presenter if step else "",
        "step": step.title if step else "",
        "time": _clock(now),
        # The latest recess: when it began and when the meeting went on (now, if not yet).
        "recess_from": _clock(recess[0] or now),
        "recess_to": _clock(recess[1] or now),
        "date": now.strftime("%d/%m/%Y"),
    }
    parts = _CLAUSE.split(phrase)  # clause, delimiter, clause, delimiter, …
    kept = parts[:1]
    for delimiter, clause in zip(parts[1::2], parts[2::2], strict=True):
        slots = _SLOT.findall(clause)
        if slots and not any(facts.get(slot) for slot in slots):
            if clause is parts[-1]:  # the sentence still ends as it did
                kept.append(clause[len(clause.rstrip(".!?…/")) :])
            continue
        kept += [delimiter, clause]
    return _SLOT.sub(lambda m: facts.get(m.group(1)) or "…", "".join(kept))
