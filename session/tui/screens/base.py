"""What every meeting screen shares: its meeting id, the key help, leaving to the picker."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

from session.i18n import t

_KEY_NAMES = {"up": "↑", "down": "↓", "left": "←", "right": "→", "escape": "Esc", "enter": "Enter", "tab": "Tab"}


def key_label(keys: str) -> str:
    labels = []
    for key in keys.split(","):
        parts = [_KEY_NAMES.get(p, p.upper() if len(p) == 1 else p.capitalize()) for p in key.split("+")]
        labels.append("+".join(parts))
    return " / ".join(labels)


class MeetingScreenBase(Screen[None]):
    """A screen on one meeting. It follows the store: :meth:`poll_store` (called by the
    app twice a second) hands it the rows changed since it last looked, by any screen
    or process, and :meth:`on_store_changed` refreshes what they touch."""

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.seen_event: int | None = None  # set once mounted: no refresh before the widgets exist

    def on_mount(self) -> None:
        from session.domain.sync import last_event_id

        self.seen_event = last_event_id(self.app.store)

    def poll_store(self) -> None:
        from models.errors import HoinghiError
        from session.domain.sync import changes_since, last_event_id

        if self.seen_event is None:
            return
        try:
            if last_event_id(self.app.store) <= self.seen_event:
                return
            changes = changes_since(self.app.store, self.meeting_id, self.seen_event)
        except HoinghiError:
            return  # a busy or locked moment: the next poll will see it
        self.seen_event = changes.last_event_id
        if not changes.empty:
            self.on_store_changed(changes)

    def on_store_changed(self, changes) -> None:  # noqa: ANN001 — session.domain.sync.Changes
        """Refresh what *changes* touched. Screens override."""

    def key_rows(self) -> list[tuple[str, str, bool]]:
        """(keys, description, works while typing) for the help screen, one row per action."""
        rows: dict[str, tuple[list[str], str, bool]] = {}
        for binding in self.BINDINGS:
            if not isinstance(binding, Binding):
                continue
            keys, description, anywhere = rows.get(binding.action, ([], binding.description, False))
            keys.append(binding.key)
            rows[binding.action] = (keys, description, anywhere or binding.priority)
        rows["palette"] = (["ctrl+p"], t("key.palette"), True)
        return [(key_label(",".join(k)), d, a) for k, d, a in rows.values()]

    def _act(self, fn):  # noqa: ANN001, ANN202 — fn(at) -> result
        """Run one domain action with the current time; errors become one clear line.
        The screen then refreshes from the event log, which also shows other screens' work."""
        from models.errors import HoinghiError

        try:
            result = fn(self.app.clock())
        except HoinghiError as exc:
            self.app.report(exc)
            self.poll_store()
            return None
        self.poll_store()
        return result if result is not None else True

    def action_undo(self) -> None:
        from session.domain.agenda import undo

        name = self._act(lambda at: undo(self.app.store, self.meeting_id, at=at))
        if isinstance(name, str):
            self.app.notify(t("done.undo", action=t(f"action.{name}")), timeout=4)

    def action_help(self) -> None:
        from session.tui.screens.dialogs import HelpScreen

        self.app.push_screen(HelpScreen(self.key_rows()))

    def leave_to_picker(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            from session.tui.screens.picker import PickerScreen

            self.app.switch_screen(PickerScreen())
