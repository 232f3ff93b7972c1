"""The history told as sentences (nhật ký): "08:42 Bàn đăng ký: ghi số 27 Lý Văn Tài".

Each action records the facts a sentence needs (whose speech, which number, which step);
the words are chosen when shown, in the language of the moment."""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from session.i18n import t


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "…"


def _has(key: str) -> bool:
    return t(key) != key


def sentence(action: str, facts: Mapping[str, Any]) -> str:
    """What *action* did, with its *facts*, as a phrase: "kết thúc lượt nói của Lò Văn Pàng"."""
    if action == "undo":
        return t("story.undo", what=sentence(str(facts.get("undone_action", "")), facts.get("undone_facts") or {}))
    if action == "redo":
        return t("story.redo", what=sentence(str(facts.get("redone_action", "")), facts.get("redone_facts") or {}))
    key = f"story.{action}"
    if action == "export.document":  # which documents: one history line per export
        kinds = [str(k) for k in facts.get("kinds") or ()]
        named = [t(f"story.document.{k}") if _has(f"story.document.{k}") else k for k in dict.fromkeys(kinds)]
        facts = {**facts, "documents": ", ".join(named) or "…"}
    variant = None
    if facts.get("paused") is False or facts.get("skipped") is False:
        variant = f"{key}.off"
    elif action == "agenda.next" and not facts.get("step"):
        variant = f"{key}.none"
    if variant and _has(variant):
        key = variant
    if not _has(key):
        # An action with no sentence of its own yet: its short name.
        return t(f"action.{action}") if _has(f"action.{action}") else action
    template = t(key)
    return string.Formatter().vformat(template, (), _Blank(facts))


def desk_label(actor: str, desk: str, *, with_machine: bool = False) -> str:
    """ "Bàn đăng ký", or "Bàn đăng ký (may-2)" when several machines share the meeting."""
    label = t(f"desk.{actor}") if _has(f"desk.{actor}") else actor
    machine = desk.partition("@")[2]
    return f"{label} ({machine})" if with_machine and machine else label


@dataclass(frozen=True)
class Line:
    """One line of the history."""

    id: int
    at: datetime
    desk: str
    what: str
    undone: bool

    def text(self) -> str:
        line = t("story.line", time=f"{self.at:%H:%M}", desk=self.desk, what=self.what)
        return line + (t("story.undone") if self.undone else "")
