"""The key bar (thanh phím) at the foot of a screen: the keys of what can be done now.

One widget drawing one line, in place of Textual's Footer, which makes a widget per key
and builds them again whenever the focus or the bindings change: on a screen of twenty
keys that was a fifth of the time to open it. Help (F1) and the command palette
(Ctrl+P) stay on the right at every width the app is made for (80 columns and more); the
other keys fill the rest in their order, whole — a key that does not fit is left out,
never cut in half (F1 lists them all). A click on a key presses it. While a dialog is
open over the screen, the bar (still in sight below it) shows the dialog's keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from session.i18n import t

#: Keys Textual's own widgets show, by their English label: the message that names them
#: (a dropdown's Esc, say, while its list is open).
TEXTUAL_LABELS = {"Dismiss menu": "key.close_menu"}

#: The actions kept on the right of the bar, whatever its width.
PINNED = ("help", "command_palette")
SEPARATOR = "▏"


@dataclass(frozen=True)
class Key:
    """One key shown on the bar."""

    key: str
    display: str
    description: str
    enabled: bool


class KeyBar(Widget, can_focus=False):
    """The keys of the screen's shown bindings, on one line."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--separator"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .key-bar--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyBar > .key-bar--separator {
        color: $foreground 20%;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 — Textual's name
        super().__init__(id=id)
        self._spans: list[tuple[int, int, Key]] = []  # where each key was drawn
        self._over: Screen[object] | None = None  # a dialog open over this bar's screen

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    def shown_screen(self) -> Screen[object]:
        """The screen whose keys work now: this bar's own, or a dialog opened over it
        (it stays in sight below the dialog, so it shows the dialog's keys)."""
        return self._over or self.screen

    def _screen_changed(self, top: Screen[object]) -> None:
        if not self.is_attached:
            return
        over = top if top is not self.screen and self.screen in self.app.screen_stack else None
        if over is self._over:
            return
        if over is not None and not over.is_running:  # not mounted yet: once it is
            self.call_after_refresh(lambda: self._screen_changed(self.app.screen))
            return
        if self._over is not None:
            self._over.bindings_updated_signal.unsubscribe(self)
        if over is not None and over.is_running:
            over.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._over = over
        self.refresh()

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.shown_screen():
            self.refresh()

    def keys(self) -> tuple[list[Key], list[Key]]:
        """The keys to show: (the others, in order; the pinned ones)."""
        by_action: dict[str, Key] = {}
        pinned: dict[str, Key] = {}
        screen = self.shown_screen()
        # A screen may leave off the bar what cannot be done now (a closed meeting's
        # speakers); the key still answers, saying why.
        offered = getattr(screen, "offers", None)
        for _node, binding, enabled, _tooltip in screen.active_bindings.values():
            action = binding.action
            if offered is not None and not offered(action):
                continue
            if action == "app.command_palette" or action == "command_palette":
                if self.app.ENABLE_COMMAND_PALETTE:
                    pinned.setdefault("command_palette", self._key(binding, enabled))
                continue
            if not binding.show or action in by_action or action in pinned:
                continue  # one key per action: the first one bound
            if action in PINNED:
                pinned[action] = self._key(binding, enabled)
            else:
                by_action[action] = self._key(binding, enabled)
        return list(by_action.values()), [pinned[a] for a in PINNED if a in pinned]

    def _key(self, binding: Binding, enabled: bool) -> Key:
        label = TEXTUAL_LABELS.get(binding.description)
        description = t(label) if label else binding.description
        return Key(binding.key, self.app.get_key_display(binding), description, enabled)

    def render(self) -> Text:
        width = self.size.width
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        separator_style = self.get_component_rich_style("key-bar--separator")
        others, pinned = self.keys()

        def part(key: Key) -> Text:
            piece = Text.assemble((f" {key.display} ", key_style), (f"{key.description} ", description_style))
            if not key.enabled:
                piece.stylize("dim")
            return piece

        right = [(key, part(key)) for key in pinned]
        room = max(0, width - sum(piece.cell_len for _key, piece in right) - (cell_len(SEPARATOR) if right else 0))
        line = Text(end="")
        spans: list[tuple[int, int, Key]] = []

        def add(key: Key, piece: Text) -> None:
            spans.append((line.cell_len, line.cell_len + piece.cell_len, key))
            line.append_text(piece)

        for key in others:
            piece = part(key)
            if line.cell_len + piece.cell_len > room:
                break
            add(key, piece)
        line.append(" " * (room - line.cell_len))
        if right:
            line.append(SEPARATOR, separator_style)
        for key, piece in right:
            add(key, piece)
        self._spans = spans
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                if key.enabled:
                    self.app.simulate_key(key.key)
                else:
                    self.app.bell()
                return
