"""Readers, one per kind of file; :func:`read_source` picks by the file's name and content."""

from __future__ import annotations

from pathlib import Path

from models.errors import HoinghiError
from session.domain.imports.sources import Source

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
TEXTS = (".csv", ".txt", ".tsv")
WORD = (".docx",)
FORMATS = ", ".join(s.lstrip(".") for s in (".xlsx", ".xls", ".ods", ".csv", ".docx"))


def read_source(path: Path) -> Source:
    """Every sheet or table of *path*. Refuses, in one sentence, what it cannot read."""
    if not path.is_file():
        raise HoinghiError("import.missing", path=str(path))
    suffix = path.suffix.lower()
    if suffix in SPREADSHEETS:
        from session.domain.imports.readers.spreadsheet import read_workbook

        return read_workbook(path)
    if suffix in TEXTS:
        from session.domain.imports.readers.delimited import read_csv

        return read_csv(path)
    if suffix in WORD:
        from session.domain.imports.readers.word import read_docx

        return read_docx(path)
    if suffix == ".doc":
        raise HoinghiError("import.old_word", path=path.name)
    raise HoinghiError("import.format", path=path.name, formats=FORMATS)
