"""Writing exported files safely: never over an existing file unless asked, never a
half-written file (write beside, then rename), clear messages for a read-only folder
or a full disk."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from models.errors import HoinghiError


def write_atomic(path: Path, write: Callable[[Path], None], *, force: bool = False) -> Path:
    """Call *write(tmp_path)* and move the result to *path* in one step."""
    path = Path(path)
    if path.exists() and not force:
        raise HoinghiError("export.exists", path=str(path))
    folder = path.parent
    if not folder.exists():
        try:
            folder.mkdir(parents=True)
        except OSError as exc:
            raise _error(exc, folder) from None
    # Root ignores permissions; a folder with no write bit at all was made read-only on purpose.
    if not os.access(folder, os.W_OK) or not folder.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise HoinghiError("export.not_writable", path=str(folder))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        tmp.chmod(0o666 & ~umask)  # mkstemp makes 0600; an exported file is an ordinary file
        os.replace(tmp, path)
    except OSError as exc:
        raise _error(exc, folder) from None
    finally:
        if tmp.exists():
            tmp.unlink(missing_ok=True)
    return path


def _error(exc: OSError, folder: Path) -> HoinghiError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return HoinghiError("export.disk_full", path=str(folder))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return HoinghiError("export.not_writable", path=str(folder))
    return HoinghiError("export.io", path=str(folder), detail=exc.strerror or str(exc))
