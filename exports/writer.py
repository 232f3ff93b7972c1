"""Writing exported files safely: never over an existing file unless asked, never a
half-written file, nothing left behind by an export that is killed, one clear message for a
read-only folder or a full disk.

The document is built in memory first (so a full disk cannot interrupt a zip half-way and
leave ``ZipFile.__del__`` to fail a second time). Then, on Linux, it is written to an
unnamed file in the target folder (O_TMPFILE) and given its name only once complete and
synced: a killed process leaves nothing. Elsewhere (or on a file system without O_TMPFILE)
it is written under a hidden work folder ``.hoinghi-tmp`` beside the target and renamed;
what a killed export left there is removed by the next export into that folder.
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from models.errors import HoinghiError

WORK_DIR = ".hoinghi-tmp"


@dataclass(frozen=True)
class Written:
    path: Path
    sha256: str
    size: int


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> Written:
    """Put *data* at *path* in one step; returns the path with the data's SHA-256."""
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
    clean_leftovers(folder)
    try:
        if not _write_unnamed(path, data, force=force):
            _write_named(path, data)
        _sync_folder(folder)
    except OSError as exc:
        raise _error(exc, folder) from None
    return Written(path, hashlib.sha256(data).hexdigest(), len(data))


def _mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask  # an exported file is an ordinary file


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        done = os.write(fd, view)
        view = view[done:]
    os.fsync(fd)


def _write_unnamed(path: Path, data: bytes, *, force: bool) -> bool:
    """Write through an O_TMPFILE file linked in when complete. False when the system or the
    file system cannot (the caller writes a named temporary file instead)."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.exists("/proc/self/fd"):
        return False
    folder = path.parent
    try:
        fd = os.open(folder, flag | os.O_WRONLY, _mode())
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return False
        raise
    dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        _write_all(fd, data)
        source = f"/proc/self/fd/{fd}"
        try:
            # A src_dir_fd makes Python call linkat(), which follows the /proc link.
            os.link(source, path.name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd, follow_symlinks=True)
        except FileExistsError:
            if not force:
                raise HoinghiError("export.exists", path=str(path)) from None
            work = _work_dir(folder)
            name = _work_name(path)
            os.link(source, str(work / name), src_dir_fd=dir_fd, follow_symlinks=True)
            os.replace(work / name, path)
        except OSError as exc:
            if exc.errno in (errno.EXDEV, errno.ENOENT, errno.EPERM, errno.EOPNOTSUPP):
                return False
            raise
    finally:
        os.close(fd)
        os.close(dir_fd)
    return True


def _write_named(path: Path, data: bytes) -> None:
    work = _work_dir(path.parent)
    tmp = work / _work_name(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _mode())
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
        _remove_empty(work)


def _work_dir(folder: Path) -> Path:
    work = folder / WORK_DIR
    work.mkdir(exist_ok=True)
    return work


def _work_name(path: Path) -> str:
    """ "<pid>-<random>-<name>": the pid tells a later export whether its writer is gone."""
    return f"{os.getpid()}-{secrets.token_hex(4)}-{path.name}"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def clean_leftovers(folder: Path) -> list[str]:
    """Remove what a killed export left in *folder*'s work folder (files of writers that are
    no longer running); returns their names."""
    work = Path(folder) / WORK_DIR
    removed: list[str] = []
    if not work.is_dir():
        return removed
    for entry in work.iterdir():
        pid, _sep, _rest = entry.name.partition("-")
        if pid.isdigit() and _alive(int(pid)):
            continue
        try:
            entry.unlink()
            removed.append(entry.name)
        except OSError:
            continue
    _remove_empty(work)
    return removed


def _remove_empty(work: Path) -> None:
    try:
        work.rmdir()
    except OSError:
        pass  # not empty (another export is writing), or already gone


def _sync_folder(folder: Path) -> None:
    """Make the new name durable (a power cut right after the export keeps the file)."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _error(exc: OSError, folder: Path) -> HoinghiError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return HoinghiError("export.disk_full", path=str(folder))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return HoinghiError("export.not_writable", path=str(folder))
    return HoinghiError("export.io", path=str(folder), detail=exc)
