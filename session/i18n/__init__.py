"""Message catalogs (vi default, en selectable). Widgets and the CLI ask for text by key.

``set_language`` is called once at start-up from ``--lang`` or ``HOINGHI_LANG``.
"""

from __future__ import annotations

import errno
import os
import re

from models.errors import HoinghiError
from session.i18n import en, vi


def _merged() -> dict[str, dict[str, str]]:
    """The core catalogs plus every area module's ``VI`` / ``EN`` (see ``session.i18n.areas``)."""
    import importlib
    import pkgutil

    from session.i18n import areas

    catalogs = {"vi": dict(vi.MESSAGES), "en": dict(en.MESSAGES)}
    for module in sorted(m.name for m in pkgutil.iter_modules(areas.__path__)):
        area = importlib.import_module(f"session.i18n.areas.{module}")
        catalogs["vi"].update(area.VI)
        catalogs["en"].update(area.EN)
    return catalogs


_CATALOGS = _merged()
LANGUAGES = tuple(_CATALOGS)
_current = "vi"


def set_language(lang: str | None) -> str:
    global _current
    choice = (lang or os.environ.get("HOINGHI_LANG") or "vi").strip().lower()[:2]
    _current = choice if choice in _CATALOGS else "vi"
    return _current


def language() -> str:
    return _current


_SURROGATE = re.compile("[\ud800-\udfff]")


def _printable(value: object) -> object:
    """A lone surrogate (a byte a terminal or a file could not decode) shown as �: a
    message must be printable anywhere, and UTF-8 cannot hold one."""
    return _SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


def t(key: str, **params: object) -> str:
    """The text for *key* in the current language (Vietnamese if a key is missing)."""
    catalog = _CATALOGS[_current]
    template = catalog[key] if key in catalog else _CATALOGS["vi"].get(key, key)
    if not params:
        return template
    params = {name: _printable(value) for name, value in params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


#: What the system said, by its error number, in the interface's language (an error
#: number not listed is shown as the system worded it).
_OS_REASONS = {
    errno.ENOENT: "os.missing",
    errno.ENOTDIR: "os.not_folder",
    errno.EISDIR: "os.is_folder",
    errno.EACCES: "os.denied",
    errno.EPERM: "os.denied",
    errno.EROFS: "os.read_only",
    errno.ENOSPC: "os.full",
    errno.EEXIST: "os.exists",
    errno.ENAMETOOLONG: "os.name_too_long",
}


def os_reason(exc: OSError) -> str:
    """Why the system refused, in words ("không có tệp hoặc thư mục này")."""
    key = _OS_REASONS.get(exc.errno or 0)
    return t(key) if key else str(exc.strerror or exc)


def error_text(exc: HoinghiError) -> str:
    """One line for an error the person at the keyboard can act on. A system error given
    as a parameter reads as :func:`os_reason` says it."""
    params = {name: os_reason(value) if isinstance(value, OSError) else value for name, value in exc.params.items()}
    if "field" in params:
        params["field"] = (
            t(f"field.{params['field']}") if f"field.{params['field']}" in _CATALOGS["vi"] else params["field"]
        )
    return t(f"error.{exc.code}", **params)


def row_error_text(row: int, code: str, params: dict[str, object]) -> str:
    """ "Dòng 7: Họ và tên: để trống" for a bad row of a list read from a sheet."""
    params = dict(params)
    if "column" in params:
        key = f"import.key.{params['column']}"
        params["column"] = t(key) if key in _CATALOGS["vi"] else params["column"]
    if "field" in params:
        key = f"field.{params['field']}"
        params["field"] = t(key) if key in _CATALOGS["vi"] else params["field"]
    return t("sheet.row", row=row, message=t(f"error.{code}", **params))
