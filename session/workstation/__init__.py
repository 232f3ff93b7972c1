"""The application layer (bàn làm việc): one object per desk and meeting, one method per
user action. Each method is one transaction holding all its checks, stamped with the desk
that acted; it returns plain data or raises a HoinghiError whose text is translated when
shown. Screens call these methods and nothing else to change a meeting; no Textual here.

The actions load when ``Workstation`` is first asked for, not with the package: the app
names its desk (``Desk``) before its first screen is painted, and loads the actions
right after (session/tui/app.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from session.workstation.identity import Desk, machine_name

if TYPE_CHECKING:
    from session.workstation.undo_actions import Undone
    from session.workstation.workstation import Workstation


def __getattr__(name: str) -> Any:
    if name == "Workstation":
        from session.workstation.workstation import Workstation

        return Workstation
    if name == "Undone":
        from session.workstation.undo_actions import Undone

        return Undone
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Desk", "Undone", "Workstation", "machine_name"]
