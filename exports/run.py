"""Export entry points shared by the CLI and the export screen.

Every file written is recorded in the meeting's history (kind, number, date, file name,
SHA-256), and the notice's date is kept with the meeting, so a later export of the same
meeting gives the same document."""

from __future__ import annotations

import gc
import io
import re
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from exports.writer import Written, write_atomic
from models.errors import HoinghiError
from models.store import Store
from session.domain.exports_log import record_export
from session.domain.followup import followup_items
from session.domain.records import MeetingRecord, meeting_record

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

KINDS = ("minutes", "conclusion", "followup", "json", "invitation", "announcement", "briefing", "ballot")
#: The usual file name of each kind: what it is, the meeting's number, then whose meeting
#: and when ({where}, see :func:`usual_name`).
DEFAULT_NAMES = {
    "minutes": "bien-ban-hoi-nghi-{id}{where}.docx",
    "conclusion": "thong-bao-ket-luan-{id}{where}.docx",
    "followup": "theo-doi-{id}{where}.xlsx",
    "json": "hoi-nghi-{id}{where}.json",
    "invitation": "giay-moi-{id}{where}.docx",
    "announcement": "thong-bao-truyen-thanh-{id}{where}.docx",
    "briefing": "bao-cao-chuan-bi-{id}{where}.docx",
    "ballot": "phieu-lay-y-kien-{id}{where}.docx",
}
BEFORE_MEETING = ("invitation", "announcement", "briefing")


#: Extensions a document or data file is known by: a name typed with one that does not fit
#: the kind (``--out bien-ban.xlsx`` for the minutes) is refused rather than written.
_KNOWN_EXTENSIONS = frozenset(
    ".docx .doc .odt .rtf .pdf .xlsx .xls .ods .csv .json .txt .html .htm .xml .md .zip".split()
)


def extensions(kind: str) -> tuple[str, ...]:
    """The file extensions *kind* is written as; the first is its own (.docx, .xlsx, .json).
    The announcement is also read aloud from plain text."""
    own = Path(DEFAULT_NAMES[kind]).suffix
    return (own, ".txt") if kind == "announcement" else (own,)


_SLUG_GAPS = re.compile(r"[^a-z0-9]+")  # what a file name of plain letters has between words


def usual_name(store: Store, meeting_id: int, kind: str) -> str:
    """The file name *kind* is written as in a folder: what it is, the meeting's number,
    its unit and the day it was held (or planned), in plain letters that any disk, e-mail
    or USB stick keeps — ``bien-ban-hoi-nghi-3-phuong-ba-don-24-11-2026.docx`` — so files
    from several meetings, or several databases, sit side by side in one folder."""
    from models.text import fold
    from session.domain.meetings import meeting_view

    view = meeting_view(store, meeting_id)
    held = view.actual_start.date() if view.actual_start else view.planned_date
    parts = [fold(f"{view.unit_kind} {view.unit_name}"), held.strftime("%d-%m-%Y") if held else ""]
    where = "".join(f"-{slug}" for part in parts if (slug := _SLUG_GAPS.sub("-", part).strip("-")))
    return DEFAULT_NAMES[kind].format(id=meeting_id, where=where)


def target(out: str | Path, kind: str, usual: str) -> Path:
    """*out* as a file path, where *out* is a folder chosen on a screen: a folder ("…/", an
    existing one, or a name without an extension) gets the *usual* file name."""
    text = str(out)
    path = Path(out).expanduser()
    if path.is_dir() or text.endswith(("/", "\\")) or not path.suffix:
        path = path / usual
    return path


def named_target(out: str, kind: str, usual: str) -> Path:
    """The file a person names after ``--out``: "…/" or an existing folder gets the *usual*
    file name; a name without the kind's extension gets it (``bien-ban`` →
    ``bien-ban.docx``, ``theo-doi`` → ``theo-doi.xlsx``, ``HN 05.03`` → ``HN 05.03.docx``);
    a name ending in another kind of file's extension is refused, saying what is expected."""
    path = Path(out).expanduser()
    if path.is_dir() or out.endswith(("/", "\\")):
        return path / usual
    suffix = path.suffix.lower()
    allowed = extensions(kind)
    if suffix in allowed:
        return path
    if suffix in _KNOWN_EXTENSIONS:
        raise HoinghiError("export.extension", name=path.name, expected=allowed[0])
    return path.with_name(path.name + allowed[0])


def notice_day(record: MeetingRecord, issued: date | None, today: date) -> date:
    """The notice's date: the one asked for, else the one kept with the meeting, else today."""
    return issued or record.papers.notice_date or today


def document_bytes(record: MeetingRecord, kind: str, *, issued: date) -> bytes:
    """The .docx of the minutes or the notice, built in memory."""
    from exports.minutes import build_minutes
    from exports.notice import build_notice

    if not record.issuing_body:
        raise HoinghiError("export.no_issuing_body", id=record.meeting.id)
    gc_was_on = gc.isenabled()
    gc.disable()  # thousands of short-lived wrappers, no cycles: collection passes only cost time
    try:
        document = build_minutes(record) if kind == "minutes" else build_notice(record, issued=issued)
        buffer = io.BytesIO()
        document.save(buffer)
    finally:
        if gc_was_on:
            gc.enable()
    return buffer.getvalue()


def export(
    store: Store,
    meeting_id: int,
    kind: str,
    out: str | Path,
    *,
    today: date,
    force: bool = False,
    pdf: bool = False,
    issued: date | None = None,
    at: datetime | None = None,
    actor: str = "secretary",
    desk: str | None = None,
) -> list[Path]:
    """Write one document to *out* (a file or a folder); returns the paths written (the
    document, and its .pdf if asked). *issued*: the notice's date (default: the one kept
    with the meeting, else *today*). *actor*/*desk*: who exported it, for the history."""
    path = target(out, kind, usual_name(store, meeting_id, kind))
    moment = at or datetime.combine(today, datetime.now().time().replace(microsecond=0))
    written: list[tuple[str, Written]] = []
    number, doc_date = "", None
    if kind == "ballot":
        from exports.ballot import build_ballot
        from session.domain.survey import survey_form_of

        document = build_ballot(meeting_record(store, meeting_id), survey_form_of(store, meeting_id))
        written.append((kind, write_atomic(path, _docx_bytes(document), force=force)))
    elif kind in ("minutes", "conclusion"):
        record = meeting_record(store, meeting_id)
        papers = record.papers
        if kind == "minutes":
            doc_date = record.meeting_day
            if record.meeting.minutes_number:
                number = f"{record.meeting.minutes_number}/{papers.minutes_suffix}"
        else:
            doc_date = notice_day(record, issued, today)
            if record.meeting.notice_number:
                number = f"{record.meeting.notice_number}/{papers.notice_suffix}"
        data = document_bytes(record, kind, issued=doc_date or today)
        written.append((kind, write_atomic(path, data, force=force)))
        if pdf:
            from exports.pdf import pdf_bytes

            written.append(("pdf", write_atomic(path.with_suffix(".pdf"), pdf_bytes(path), force=force)))
    elif kind == "followup":
        from exports.sheet import followup_sheet_bytes
        from session.domain.meetings import meeting_view
        from session.domain.units import place_words

        items = followup_items(store, today, meeting_id)
        title = f"Theo dõi thực hiện kết luận — {meeting_view(store, meeting_id).title}"
        place = place_words(store, meeting_id)
        data = followup_sheet_bytes(items, title=title, today=today, locality_label=place.residential_label)
        written.append((kind, write_atomic(path, data, force=force)))
    elif kind == "json":
        from exports.json_export import json_bytes

        written.append((kind, write_atomic(path, json_bytes(store, meeting_id), force=force)))
    elif kind in BEFORE_MEETING:
        written += _before_meeting(store, meeting_id, kind, path, today=today, force=force, pdf=pdf)
    else:
        raise ValueError(kind)
    record_export(
        store,
        meeting_id,
        [(k, number, doc_date, w.path, w.sha256, w.size) for k, w in written],
        at=moment,
        notice_date=doc_date if kind == "conclusion" else None,
        actor=actor,
        desk=desk,
    )
    return [w.path for _k, w in written]


def _docx_bytes(document: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _before_meeting(
    store: Store, meeting_id: int, kind: str, out: Path, *, today: date, force: bool, pdf: bool
) -> list[tuple[str, Written]]:
    """The papers sent before the meeting. The announcement is written twice: the .docx
    notice and the plain .txt the announcer reads (only the .txt when *out* ends in .txt)."""
    from session.domain.planning_records import briefing, meeting_papers

    written: list[tuple[str, Written]] = []
    if kind == "briefing":
        from exports.briefing import build_briefing

        document = build_briefing(briefing(store, meeting_id), issued=today)
    else:
        papers = meeting_papers(store, meeting_id)
        if kind == "announcement":
            from exports.announcement import announcement_text, build_announcement

            text = announcement_text(papers, issued=today)
            written.append(
                ("announcement-text", write_atomic(out.with_suffix(".txt"), text.encode("utf-8"), force=force))
            )
            if out.suffix.lower() == ".txt":
                return written
            document = build_announcement(papers, issued=today)
        else:
            from exports.invitation import build_invitation

            document = build_invitation(papers, issued=today)
    written.append((kind, write_atomic(out, _docx_bytes(document), force=force)))
    if pdf:
        from exports.pdf import pdf_bytes

        written.append(("pdf", write_atomic(out.with_suffix(".pdf"), pdf_bytes(out), force=force)))
    return written
