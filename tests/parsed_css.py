"""Stylesheets parsed once per test process, not once per app.

Every Pilot and snapshot test starts an app of its own, and each app parses the same
stylesheets again: ours and the default CSS of every widget class it mounts, about 50 ms
an app. Textual already keeps parsed rules per stylesheet, keyed by the CSS text, where it
came from, its scope and its precedence; here that cache is shared by the apps of one test
process, with the CSS variables (the theme) added to the key, since they are the only
other input of the parse. The rules are the same objects Textual's own cache would hand
back; what each app matches, applies and paints is unchanged.
"""

from __future__ import annotations

from typing import Any

from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

_parsed: dict[tuple[Any, ...], list[RuleSet]] = {}


def install() -> None:
    original = Stylesheet._parse_rules

    def parse_rules(
        self: Stylesheet,
        css: str,
        read_from: Any,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        key = (css, read_from, is_default_rules, tie_breaker, scope, frozenset(self._variables.items()))
        rules = _parsed.get(key)
        if rules is None:
            rules = _parsed[key] = original(self, css, read_from, is_default_rules, tie_breaker, scope)
        return rules

    Stylesheet._parse_rules = parse_rules  # type: ignore[method-assign]
