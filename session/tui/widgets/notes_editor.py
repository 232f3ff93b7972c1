"""The notes editor (ghi chép) of a step: what is typed is saved within a tenth of a
second, and never lost. Notes that cannot be saved (too long, a locked or full
database) stay on screen marked unsaved and are tried again every few seconds; until
they are saved nothing may replace them (see :meth:`NotesEditor.flush`)."""

from __future__ import annotations

import time as _time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from textual import events
from textual.message import Message
from textual.widgets import TextArea

from models.errors import HoinghiError
from models.text import clean_text, pasted
from session.i18n import error_text, t

SAVE_AFTER = 0.1  # seconds from the first unsaved key to the save (a commit costs ~1 ms)
RETRY_AFTER = 3.0  # notes that could not be saved are tried again this often

Saver = Callable[[int, str], Any]  # (step id, text) -> anything; raises HoinghiError


class NotesEditor(TextArea):
    """The notes of one step. Esc hands focus back to the console."""

    BINDINGS = [("escape", "leave", "")]

    async def _on_paste(self, event: events.Paste) -> None:
        # Textual hands the event on to TextArea's own handler next, which inserts it.
        event.text = pasted(event.text, multiline=True)  # a Windows line break is one line break

    class Status(Message):
        """The save status changed: '' (loaded), pending, saved at…, or unsaved (why)."""

        def __init__(self, text: str, error: HoinghiError | None = None) -> None:
            super().__init__()
            self.text = text
            self.error = error

    class Left(Message):
        """Esc: the secretary leaves the notes (and, read with Esc as Alt+key, presses *key*)."""

        def __init__(self, key: str = "") -> None:
            super().__init__()
            self.key = key

    def __init__(self, save: Saver, clock: Callable[[], datetime], **kwargs: Any) -> None:
        super().__init__("", soft_wrap=True, tab_behavior="focus", **kwargs)
        self._save = save
        self._clock = clock
        self.step_id: int | None = None
        self._stored = ""  # the text as the store holds it for this step
        self._dirty_since: float | None = None
        self._timer: Any = None
        self._error: str | None = None

    @property
    def dirty(self) -> bool:
        return self._dirty_since is not None

    def show_step(self, step_id: int | None, text: str) -> bool:
        """Show the notes of *step_id* as the store holds them (*text*). Refused (False)
        while the notes on screen are not saved: they stay, rather than be replaced or
        saved to another step."""
        if step_id == self.step_id:
            if self.dirty or clean_text(self.text, multiline=True) == text:
                return True  # being typed, or what this editor saved: keep text and cursor
        elif self.dirty and not self.flush():
            return False
        self.step_id = step_id
        self._stored = text
        if self.text != text:
            self.load_text(text)
            self.move_cursor(self.document.end)  # W then continues the notes, not writes before them
        self.disabled = step_id is None
        self.post_message(self.Status(""))
        return True

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self.step_id is None or (self.text == self._stored and not self.dirty):
            return  # loaded, not typed
        if self._dirty_since is None:
            self._dirty_since = _time.monotonic()
            self.post_message(self.Status(t("live.notes.pending")))
        if self._timer is None or self._error is not None:
            # Saved at most a tenth of a second after a key, even while typing on; after a
            # refusal, a change (the paste taken back) is tried at once, not at the retry.
            if self._timer is not None:
                self._timer.stop()
            self._timer = self.set_timer(SAVE_AFTER, self.flush)

    def flush(self) -> bool:
        """Save the notes now if they changed. False when they could not be saved."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self.dirty or self.step_id is None:
            return True
        text = self.text
        try:
            self._save(self.step_id, text)
        except HoinghiError as exc:
            message = error_text(exc)
            first = message != self._error
            self._error = message
            self.post_message(self.Status(t("live.notes.unsaved", message=message), exc if first else None))
            self._timer = self.set_timer(RETRY_AFTER, self.flush)
            return False
        self._error = None
        self._dirty_since = None
        self._stored = clean_text(text, multiline=True)
        self.post_message(self.Status(t("live.notes.saved", time=self._clock().strftime("%H:%M:%S"))))
        return True

    def action_leave(self) -> None:
        self.post_message(self.Left())

    async def _on_key(self, event: events.Key) -> None:
        name = event.key
        if name.startswith("alt+") and len(name) == 5 and event.character and event.character.isprintable():
            # Esc and the next key pressed quickly reach the app as one "alt+key" (terminals,
            # tmux): the secretary meant to leave the notes and press that key on the console.
            event.stop()
            event.prevent_default()
            self.post_message(self.Left(event.character))
            return
        await super()._on_key(event)
