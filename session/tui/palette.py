"""The command palette (bảng lệnh, Ctrl+P): every action of the screen, by its Vietnamese
(or English) name, found by typing without accents — "xuat" finds "Xuất văn bản"."""

from __future__ import annotations

from collections.abc import Coroutine, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.align import Align
from rich.text import Text
from textual.binding import Binding
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.widgets.option_list import Option

from models.text import fold
from session.i18n import t
from session.tui.actions import Act, key_label, translate

if TYPE_CHECKING:
    from textual.screen import Screen


def folded(text: str) -> str:
    """*text* without accents or case, one character for one, so highlights line up."""
    out = []
    for ch in text:
        f = fold(ch)
        out.append(f if len(f) == 1 else ch.lower())
    return "".join(out)


def screen_actions(screen: Screen[object]) -> Iterable[Act]:
    """The palette entries of *screen*: its actions that may run now."""
    for act in getattr(screen, "ACTIONS", ()):
        if not act.palette:
            continue
        if act.method.startswith("app."):
            yield act
            continue
        if screen.check_action(act.method, ()) is False:
            continue
        yield act


class ScreenCommands(Provider):
    """The actions of the screen under the palette."""

    def _hits(self) -> list[tuple[Act, str, str]]:
        return [(a, a.title(), a.description()) for a in screen_actions(self.screen)]

    def _run(self, act: Act) -> partial[Coroutine[Any, Any, None]]:
        return partial(self.screen.run_action, act.name)

    async def discover(self) -> Hits:
        for act, title, description in self._hits():
            yield DiscoveryHit(title, self._run(act), help=f"{description}  [{key_label(act.all_keys())}]")

    async def search(self, query: str) -> Hits:
        matcher = Matcher(folded(query))
        for act, title, description in self._hits():
            score = max(matcher.match(folded(title)), matcher.match(folded(description)) * 0.8)
            if score <= 0:
                continue
            text = Content(title)
            for span in matcher.highlight(folded(title)).spans:  # the folded title's highlight, on the real one
                text = text.stylize(span.style, span.start, span.end)
            yield Hit(score, text, self._run(act), help=f"{description}  [{key_label(act.all_keys())}]")


class Palette(CommandPalette):
    """Textual's command palette, its key named in the app's language on the key bar."""

    BINDINGS = [Binding("escape", "escape", "key.palette_close")]

    def __init__(self, *, placeholder: str) -> None:
        super().__init__(placeholder=placeholder, id="--command-palette")
        translate(self._bindings)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """As Textual's, saying "no command found" in the app's language: Textual writes
        "No matches found" into the list itself, in English."""
        super()._start_no_matches_countdown(search_value)
        timer = self._no_matches_timer
        if timer is None or not search_value:
            return
        timer.stop()

        def say_none_found() -> None:
            self.query_one(CommandList).add_option(
                Option(
                    Align.center(Text(t("palette.none_found"), style="not bold")),
                    disabled=True,
                    id=self._NO_MATCHES,
                )
            )
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, say_none_found)
