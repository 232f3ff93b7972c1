"""Message catalogs (vi default, en selectable). Widgets and the CLI ask for text by key.

``set_language`` is called once at start-up from ``--lang`` or ``HOINGHI_LANG``.
"""

from __future__ import annotations

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


def error_text(exc: HoinghiError) -> str:
    """One line for an error the person at the keyboard can act on."""
    params = dict(exc.params)
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
