"""Which desk acts (bàn làm việc): the console in the hall, the registration desk, the
office, an import — and on which machine, when several laptops share one meeting."""

from __future__ import annotations

from dataclasses import dataclass

from models.store import machine_name

__all__ = ["KINDS", "Desk", "machine_name"]

KINDS = ("console", "desk", "office", "import", "display", "system")


@dataclass(frozen=True)
class Desk:
    """A desk: its kind and its machine. Undo and redo are per desk."""

    kind: str
    machine: str = ""

    @classmethod
    def here(cls, kind: str) -> Desk:
        return cls(kind, machine_name())

    @property
    def id(self) -> str:
        return f"{self.kind}@{self.machine}" if self.machine else self.kind
