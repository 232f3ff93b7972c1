"""Optional PDF of a document, through LibreOffice's soffice when it is on the machine."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from models.errors import HoinghiError


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_bytes(docx: Path, *, timeout: float = 120) -> bytes:
    """The PDF of *docx*, converted in a private folder and read into memory."""
    with tempfile.TemporaryDirectory() as work:
        produced = to_pdf(docx, Path(work) / (docx.stem + ".pdf"), timeout=timeout)
        return produced.read_bytes()


def to_pdf(docx: Path, pdf: Path, *, timeout: float = 120) -> Path:
    binary = soffice()
    if binary is None:
        raise HoinghiError("export.no_soffice")
    with tempfile.TemporaryDirectory() as work, tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                binary,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                work,
                str(docx),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        produced = Path(work) / (docx.stem + ".pdf")
        if result.returncode != 0 or not produced.exists():
            raise HoinghiError("export.pdf_failed", detail=(result.stderr or result.stdout).strip()[:200])
        shutil.move(str(produced), pdf)
    return pdf
