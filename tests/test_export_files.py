"""Exported files as the office's folder sees them: an export killed half-way leaves nothing
behind, a full disk gives one clear line, every export is in the meeting's history."""

from __future__ import annotations

import hashlib
import os
import resource
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from exports.run import export
from exports.writer import WORK_DIR, clean_leftovers
from session.domain.exports_log import export_history
from tests.conftest import cli_env, hoinghi_cmd

ROOT = Path(__file__).resolve().parent.parent
ISSUED = date(2026, 3, 9)

# A writer that stops half-way through the file and tells the test so; the test kills it there.
CHILD = """
import os, sys, time
sys.path.insert(0, {root!r})
from datetime import date
import exports.writer as writer
from exports.run import export
from models.store import Store

db, folder, named, ready = sys.argv[1], sys.argv[2], sys.argv[3] == "named", int(sys.argv[4])
if named:  # a system or file system without O_TMPFILE
    writer._write_unnamed = lambda path, data, force: False
real_write = os.write

def stalled(fd, data):
    if fd == ready:
        return real_write(fd, data)
    real_write(fd, bytes(data[: len(data) // 2]))
    real_write(ready, b"x")  # half the document is on the disk: kill me now
    time.sleep(600)

writer.os.write = stalled
store = Store.open(db)
export(store, 1, "minutes", folder + "/bb.docx", today=date(2026, 3, 9), force=True)
"""


def _kill_while_writing(db_path: Path, folder: Path, *, named: bool) -> None:
    read_end, write_end = os.pipe()
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CHILD.format(root=str(ROOT)),
            str(db_path),
            str(folder),
            "named" if named else "tmpfile",
            str(write_end),
        ],
        pass_fds=(write_end,),
        stderr=subprocess.PIPE,
    )
    os.close(write_end)
    try:
        assert os.read(read_end, 1) == b"x", child.stderr.read().decode()  # blocks until the child is half-way
    finally:
        os.close(read_end)
    child.send_signal(signal.SIGKILL)
    child.wait()


def _tmpfile_supported(folder: Path) -> bool:
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None:
        return False
    try:
        os.close(os.open(folder, flag | os.O_WRONLY, 0o600))
    except OSError:
        return False
    return True


@pytest.mark.slow
def test_an_export_killed_half_way_leaves_no_file_in_the_folder(store, finished_id, db_path, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    if not _tmpfile_supported(folder):
        pytest.skip("this system cannot write unnamed files (O_TMPFILE); the named fallback is tested below")
    assert finished_id == 1
    export(store, finished_id, "minutes", folder / "bb.docx", today=ISSUED)
    before = (folder / "bb.docx").read_bytes()
    for _ in range(3):
        _kill_while_writing(db_path, folder, named=False)
        # Not a hidden file, not a work folder: the half-written file never had a name.
        assert sorted(p.name for p in folder.iterdir()) == ["bb.docx"]
        assert (folder / "bb.docx").read_bytes() == before


@pytest.mark.slow
def test_where_a_killed_export_had_to_leave_a_file_the_next_export_removes_it(store, finished_id, db_path, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    export(store, finished_id, "minutes", folder / "bb.docx", today=ISSUED)
    before = (folder / "bb.docx").read_bytes()
    _kill_while_writing(db_path, folder, named=True)
    leftovers = list((folder / WORK_DIR).iterdir())
    assert len(leftovers) == 1 and leftovers[0].stat().st_size > 0  # the half-written file, in the work folder
    assert (folder / "bb.docx").read_bytes() == before  # the document itself untouched
    export(store, finished_id, "conclusion", folder / "tb.docx", today=ISSUED)
    assert sorted(p.name for p in folder.iterdir()) == ["bb.docx", "tb.docx"]


def test_a_writer_still_running_keeps_its_file(tmp_path):
    work = tmp_path / WORK_DIR
    work.mkdir()
    mine = work / f"{os.getpid()}-abcd-bb.docx"
    mine.write_bytes(b"in progress")
    gone = work / "999999999-abcd-tb.docx"  # no such process
    gone.write_bytes(b"left by a killed export")
    assert clean_leftovers(tmp_path) == [gone.name]
    assert mine.exists()


def _limit_file_size() -> None:
    limit = 30_000  # bytes: far less than a document
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.slow
def test_a_full_disk_gives_one_clear_line_and_no_second_traceback(finished_id, db_path, tmp_path):
    assert finished_id == 1
    folder = tmp_path / "out"
    result = subprocess.run(
        [*hoinghi_cmd(), "export", "minutes", "--meeting", "1", "--out", f"{folder}/", "--db", str(db_path)],
        capture_output=True,
        text=True,
        env=cli_env(),
        preexec_fn=_limit_file_size,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"hoinghi: Ổ đĩa đầy khi ghi vào {folder}; không có tệp nào bị ghi dở."]
    assert [p.name for p in folder.iterdir()] == []


def test_every_export_is_in_the_meetings_history_with_its_sha256(store, finished_id, tmp_path, clock):
    from session.domain.history import history_rows

    export(store, finished_id, "conclusion", tmp_path / "tb.docx", today=ISSUED, at=clock())
    export(store, finished_id, "json", tmp_path / "hs.json", today=ISSUED, at=clock())
    [notice, archive] = export_history(store, finished_id)
    assert (notice.kind, notice.file_name, notice.doc_date) == ("conclusion", "tb.docx", ISSUED)
    assert notice.sha256 == hashlib.sha256((tmp_path / "tb.docx").read_bytes()).hexdigest()
    assert notice.size == (tmp_path / "tb.docx").stat().st_size and notice.folder == str(tmp_path)
    assert archive.kind == "json" and archive.sha256 == hashlib.sha256((tmp_path / "hs.json").read_bytes()).hexdigest()
    assert [r.action for r in history_rows(store, finished_id)][:2] == ["export.document", "export.document"]


def test_the_notice_keeps_its_date_so_a_later_export_is_the_same_document(store, finished_id, tmp_path, clock):
    from docx import Document

    from session.domain.meetings import meeting_view

    first = export(
        store, finished_id, "conclusion", tmp_path / "a.docx", today=date(2026, 3, 9), issued=date(2026, 3, 10)
    )[0]
    assert meeting_view(store, finished_id).notice_date == date(2026, 3, 10)
    later = export(store, finished_id, "conclusion", tmp_path / "b.docx", today=date(2027, 1, 4))[0]  # a year on

    def text(path: Path) -> list[str]:
        doc = Document(str(path))
        return [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for c in t._cells]

    assert text(first) == text(later)
    assert any("ngày 10 tháng 3 năm 2026" in line for line in text(later))


def test_a_meeting_without_an_issuing_body_is_not_exported_and_is_told_where_to_set_it(store, tmp_path, clock):
    from models.errors import HoinghiError
    from session.domain.meetings import create_meeting
    from session.i18n import error_text

    mid = create_meeting(store, at=clock(), title="Đối thoại")
    with pytest.raises(HoinghiError) as err:
        export(store, mid, "minutes", tmp_path / "bb.docx", today=ISSUED)
    assert err.value.code == "export.no_issuing_body"
    assert "Thông tin hội nghị (phím M)" in error_text(err.value) and "--set issuing_body=" in error_text(err.value)
    assert list(tmp_path.glob("*.docx")) == []


def test_the_export_folder_remembered_is_offered_only_while_it_is_there(tmp_path):
    """The folder the last export went to is offered again — unless it is gone (a USB
    stick taken out): then the usual folder, rather than one that cannot be written."""
    from session.domain.preferences import export_folder, remember_export_folder

    usual = tmp_path / "Documents" / "hoinghi"
    assert export_folder(usual) == usual
    stick = tmp_path / "usb" / "van-ban"
    stick.mkdir(parents=True)
    remember_export_folder(stick)
    assert export_folder(usual) == stick
    stick.rmdir()
    assert export_folder(usual) == usual


def test_a_file_is_named_for_its_meeting_whose_it_is_and_the_day_it_was_held(store, tmp_path):
    from datetime import datetime

    from exports.run import usual_name
    from session.domain.agenda import start_meeting
    from session.domain.meetings import create_meeting
    from session.domain.units import Unit, unit_by_code

    ward = create_meeting(store, at=datetime(2026, 2, 20, 9), unit=unit_by_code("19009"), day=date(2026, 3, 12))
    assert usual_name(store, ward, "minutes") == f"bien-ban-hoi-nghi-{ward}-phuong-ba-don-12-03-2026.docx"
    with store.action("meeting.start", at=datetime(2026, 3, 10, 7, 30), meeting_id=ward) as tx:
        start_meeting(tx, ward)  # held two days before the day planned
    assert usual_name(store, ward, "conclusion") == f"thong-bao-ket-luan-{ward}-phuong-ba-don-10-03-2026.docx"
    assert usual_name(store, ward, "followup") == f"theo-doi-{ward}-phuong-ba-don-10-03-2026.xlsx"
    typed = create_meeting(store, at=datetime(2026, 2, 20, 9), unit=Unit(kind="đặc khu", name="Cồn Cỏ (mới)"))
    assert usual_name(store, typed, "json") == f"hoi-nghi-{typed}-dac-khu-con-co-moi.json"  # no day set yet
    paths = export(store, ward, "minutes", tmp_path, today=date(2026, 3, 11))
    assert [p.name for p in paths] == [f"bien-ban-hoi-nghi-{ward}-phuong-ba-don-10-03-2026.docx"]
