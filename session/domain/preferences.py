"""What this computer remembers for the person using it (tùy chọn của máy): the folder
the documents were last exported to. Kept in the user's config folder, not in the
meeting's database — another laptop on the same meeting has folders of its own.

Losing it is harmless: a file that cannot be read or written is passed over and the
usual folder offered again.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def preferences_file() -> Path:
    from platformdirs import user_config_path

    return user_config_path("hoinghi", appauthor=False) / "preferences.json"


def _read() -> dict[str, Any]:
    try:
        data = json.loads(preferences_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(data: dict[str, Any]) -> None:
    target = preferences_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".preferences-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, indent=2)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only or full config folder: the folder is simply not remembered


def export_folder(default: Path) -> Path:
    """The folder documents were last exported to from this computer, else *default*
    (also when that folder is gone: a USB stick taken out, say)."""
    folder = _read().get("export_folder")
    if isinstance(folder, str) and folder.strip() and Path(folder).is_dir():
        return Path(folder)
    return default


def remember_export_folder(folder: Path) -> None:
    data = _read()
    if data.get("export_folder") != str(folder):
        data["export_folder"] = str(folder)
        _write(data)
