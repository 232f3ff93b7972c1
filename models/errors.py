"""Errors the store raises. Each carries a message code and parameters; the
user-facing text comes from the message catalogs in ``session.i18n``."""

from __future__ import annotations


class HoinghiError(Exception):
    """Base of every error meant for the person at the keyboard."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __str__(self) -> str:  # plain fallback, used only where no catalog is at hand
        if not self.params:
            return self.code
        detail = ", ".join(f"{k}={v}" for k, v in self.params.items())
        return f"{self.code} ({detail})"


class TextError(HoinghiError, ValueError):
    """Text refused: empty where required, too long."""


class StoreError(HoinghiError):
    """The database cannot be used: not a database, corrupt, locked, read-only, newer."""


class NotFound(HoinghiError, LookupError):
    """A meeting, step or record that does not exist (any more)."""


class Conflict(HoinghiError):
    """The action no longer fits the current state (another screen acted first)."""
