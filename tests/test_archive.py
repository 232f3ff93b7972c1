"""The meeting's archive: exported as JSON from the secretary's laptop, imported as a new
meeting in the office's database (SQLite or PostgreSQL); the documents read the same; a
file that is not a good archive is refused and nothing is written."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from docx import Document
from sqlmodel import func, select

from exports.run import export
from models.errors import HoinghiError
from models.store import Store, machine_name
from models.tables import Event, Meeting, Registration
from session.domain.archive import import_file
from session.domain.demo import create_demo
from tests.conftest import T0
from tests.reference_meetings import build

ISSUED = date(2026, 3, 9)
LATER = datetime(2026, 3, 20, 9, 0)


def texts(path) -> list[str]:
    doc = Document(str(path))
    return [p.text for p in doc.paragraphs] + [p.text for t in doc.tables for c in t._cells for p in c.paragraphs]


@pytest.fixture
def archive(templates):
    """The phường reference meeting's archive, and its documents as exported at the source
    (made once per test process: the tests only read them)."""

    def make(folder):
        store = Store.open(str(folder / "source.db"))
        try:
            meeting_id = build(store, "phuong")
            path = export(store, meeting_id, "json", folder / "hoi-nghi.json", today=ISSUED)[0]
            documents = {
                k: texts(export(store, meeting_id, k, folder / f"src-{k}.docx", today=ISSUED)[0])
                for k in ("minutes", "conclusion")
            }
        finally:
            store.close()
        return path, documents

    return templates.made("phuong-archive", make)


def counts(store) -> tuple[int, int, int]:
    with store.read() as s:
        return (
            s.exec(select(func.count()).select_from(Meeting)).one(),
            s.exec(select(func.count()).select_from(Registration)).one(),
            s.exec(select(func.count()).select_from(Event)).one(),
        )


def test_an_archive_comes_in_as_a_new_meeting_with_the_same_documents(archive, db_url, tmp_path):
    path, documents = archive
    office = Store.open(db_url)
    try:
        create_demo(office, at=T0)  # the office's database already has a meeting: ids differ
        done = import_file(office, path, at=LATER)
        assert done.meeting_id != 1 and done.title.startswith("Hội nghị đối thoại")
        for kind in ("minutes", "conclusion"):
            copy = export(office, done.meeting_id, kind, tmp_path / f"copy-{kind}.docx", today=ISSUED)[0]
            assert texts(copy) == documents[kind]
        data = json.loads(path.read_text(encoding="utf-8"))
        with office.read() as s:
            history = s.exec(select(Event).where(Event.meeting_id == done.meeting_id).order_by(Event.id)).all()
        # Its whole history came along, then the import itself and the two exports just made.
        assert [e.action for e in history][: len(data["event"])] == [e["action"] for e in data["event"]]
        assert [e.action for e in history][len(data["event"]) :] == [
            "meeting.import",
            "export.document",
            "export.document",
        ]
        assert done.events == len(data["event"])
    finally:
        office.close()


def test_undo_in_the_imported_meeting_first_takes_the_import_back(archive, tmp_path):
    path, _documents = archive
    office = Store.open(str(tmp_path / "office.db"))
    try:
        before = counts(office)
        done = import_file(office, path, at=LATER)
        undone = office.undo_last(done.meeting_id, at=LATER, desk=f"office@{machine_name()}", actor="office")
        assert undone.action == "meeting.import"
        with office.read() as s:
            assert s.get(Meeting, done.meeting_id) is None
            assert s.exec(select(func.count()).select_from(Registration)).one() == before[1]
    finally:
        office.close()


def _write(tmp_path, name: str, content: str):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("damage", "code"),
    [
        (lambda data: "not json {", "archive.not_json"),
        (lambda data: json.dumps({"format": "other-app/1"}), "archive.format"),
        (lambda data: json.dumps([1, 2, 3]), "archive.format"),
        (lambda data: json.dumps({**data, "format": "hoinghi-meeting/9"}), "archive.version"),
        (lambda data: json.dumps({**data, "meeting": "x"}), "archive.damaged"),
        (lambda data: json.dumps({**data, "issue": [{**data["issue"][0], "meeting_id": 999}]}), "archive.damaged"),
        (
            lambda data: json.dumps({**data, "registration": [{**data["registration"][0], "started_at": "hôm qua"}]}),
            "archive.damaged",
        ),
        (lambda data: json.dumps({**data, "answer": [{**data["answer"][0], "secret": 1}]}), "archive.damaged"),
        (
            lambda data: json.dumps(
                {**data, "issue_raiser": [*data["issue_raiser"], {"id": 10**6, "issue_id": 1, "registration_id": 77}]}
            ),
            "archive.damaged",
        ),
        (
            lambda data: json.dumps({**data, "event": [{"id": 1, "action": "x", "at": "?", "payload": {}}]}),
            "archive.damaged",
        ),
    ],
)
def test_a_file_that_is_not_a_good_archive_is_refused_and_nothing_is_written(archive, tmp_path, damage, code):
    path, _documents = archive
    data = json.loads(path.read_text(encoding="utf-8"))
    bad = _write(tmp_path, "bad.json", damage(data))
    office = Store.open(str(tmp_path / "office.db"))
    try:
        before = counts(office)
        with pytest.raises(HoinghiError) as err:
            import_file(office, bad, at=LATER)
        assert err.value.code == code
        assert str(bad) == err.value.params["path"]
        assert counts(office) == before
    finally:
        office.close()


def test_an_archive_of_the_previous_version_still_comes_in(archive, tmp_path):
    """Version 1 had no unit columns: the meeting reads its unit from its issuing body."""
    from session.domain.meeting_details import meeting_details

    path, _documents = archive
    data = json.loads(path.read_text(encoding="utf-8"))
    for column in ("unit_kind", "unit_name", "unit_code", "province", "residential", "cluster", "notice_date"):
        data["meeting"].pop(column)
    data.pop("export_record")
    old = _write(tmp_path, "v1.json", json.dumps({**data, "format": "hoinghi-meeting/1"}, ensure_ascii=False))
    office = Store.open(str(tmp_path / "office.db"))
    try:
        done = import_file(office, old, at=LATER)
        details = meeting_details(office, done.meeting_id)
        assert (details.unit_kind, details.unit_name) == ("phường", "Ba Đồn")
    finally:
        office.close()


def test_the_command_line_imports_an_archive_into_another_database(archive, tmp_path):
    from click.testing import CliRunner

    from session.cli import main

    path, _documents = archive
    target = tmp_path / "office.db"
    result = CliRunner().invoke(main, ["--lang", "vi", "import", "json", str(path), "--db", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Đã nhập hội nghị số 1: Hội nghị đối thoại")
    assert result.stderr == f"Đã tạo cơ sở dữ liệu mới: {target}\n"  # a new database says where it is
    bad = _write(tmp_path, "x.json", "{")
    refused = CliRunner().invoke(main, ["--lang", "vi", "import", "json", str(bad), "--db", str(target)])
    assert refused.exit_code == 1 and "không phải tệp JSON hợp lệ" in refused.output
    assert "Traceback" not in refused.output


def test_an_archive_whose_issuing_body_names_another_unit_takes_that_unit(archive, tmp_path):
    from session.domain.meeting_details import meeting_details

    path, _documents = archive
    data = json.loads(path.read_text(encoding="utf-8"))
    data["meeting"]["issuing_body"] = "ỦY BAN NHÂN DÂN ĐẶC KHU LÝ SƠN"  # edited by hand after the export
    edited = _write(tmp_path, "edited.json", json.dumps(data, ensure_ascii=False))
    office = Store.open(str(tmp_path / "office.db"))
    try:
        done = import_file(office, edited, at=LATER)
        d = meeting_details(office, done.meeting_id)
        assert (d.unit_kind, d.unit_name, d.province, d.unit_code) == ("đặc khu", "Lý Sơn", "tỉnh Quảng Ngãi", "21548")
    finally:
        office.close()
