"""The documents a meeting has left the office as (sổ văn bản đã xuất): every export with
its kind, number, date, file name and SHA-256, and the notice's date kept with the meeting."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlmodel import col, select

from models.errors import HoinghiError
from models.office import ExportRecord
from models.store import Store, Tx
from models.tables import Meeting

#: (kind, number, document date, path, sha256, size) of one file written.
FileFacts = tuple[str, str, "date | None", Path, str, int]


@dataclass(frozen=True)
class ExportView:
    kind: str
    number: str
    doc_date: date | None
    file_name: str
    folder: str
    sha256: str
    size: int
    exported_at: datetime | None


def add_export_records(
    tx: Tx, meeting_id: int, files: Sequence[FileFacts], *, at: datetime, notice_date: date | None = None
) -> None:
    """Record the files of one export (and keep the notice's date with the meeting)."""
    meeting = tx.session.get(Meeting, meeting_id)
    if meeting is None:
        raise HoinghiError("meeting.not_found", id=meeting_id)
    if notice_date is not None and meeting.notice_date != notice_date:
        meeting.notice_date = notice_date
    for kind, number, doc_date, path, sha256, size in files:
        tx.add(
            ExportRecord(
                meeting_id=meeting_id,
                kind=kind,
                number=number,
                doc_date=doc_date,
                file_name=Path(path).name,
                folder=str(Path(path).parent),
                sha256=sha256,
                size=size,
                exported_at=at,
            )
        )


def record_export(
    store: Store,
    meeting_id: int,
    files: Sequence[FileFacts],
    *,
    at: datetime,
    notice_date: date | None = None,
    actor: str = "secretary",
    desk: str | None = None,
) -> None:
    kinds = [f[0] for f in files]
    with store.action("export.document", at=at, meeting_id=meeting_id, actor=actor, desk=desk, kinds=kinds) as tx:
        add_export_records(tx, meeting_id, files, at=at, notice_date=notice_date)


def export_history(store: Store, meeting_id: int) -> list[ExportView]:
    with store.read() as s:
        rows = s.exec(
            select(ExportRecord).where(ExportRecord.meeting_id == meeting_id).order_by(col(ExportRecord.id))
        ).all()
        return [
            ExportView(r.kind, r.number, r.doc_date, r.file_name, r.folder, r.sha256, r.size, r.exported_at)
            for r in rows
        ]
