"""Which desk acts (bàn làm việc): the console in the hall, the registration desk, the
office, an import — and on which machine, when several laptops share one meeting."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass

KINDS = ("console", "desk", "office", "import", "display", "system")


def machine_name() -> str:
    """This machine's name as the history shows it (HOINGHI_MACHINE overrides it)."""
    name = os.environ.get("HOINGHI_MACHINE") or socket.gethostname() or "local"
    return name.strip()[:40] or "local"


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
