"""Export entry points shared by the CLI and the export screen."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

from exports.writer import write_atomic
from models.store import Store
from session.domain.followup import followup_items
from session.domain.records import meeting_record

KINDS = ("minutes", "conclusion", "followup", "json", "invitation", "announcement", "briefing")
DEFAULT_NAMES = {
    "minutes": "bien-ban-hoi-nghi-{id}.docx",
    "conclusion": "thong-bao-ket-luan-{id}.docx",
    "followup": "theo-doi-{id}.xlsx",
    "json": "hoi-nghi-{id}.json",
    "invitation": "giay-moi-{id}.docx",
    "announcement": "thong-bao-truyen-thanh-{id}.docx",
    "briefing": "bao-cao-chuan-bi-{id}.docx",
}
#: The documents of Word kind that can also be converted to PDF.
DOCX_KINDS = ("minutes", "conclusion", "invitation", "announcement", "briefing")


def export(
    store: Store, meeting_id: int, kind: str, out: str | Path, *, today: date, force: bool = False, pdf: bool = False
) -> list[Path]:
    """Write one document to *out* (a file, or a folder: "…/", an existing one, or a name
    without an extension); returns
    the paths written (the document, and its .pdf if asked)."""
    text = str(out)
    out = Path(out).expanduser()
    if out.is_dir() or text.endswith(("/", "\\")) or not out.suffix:  # a folder
        out = out / DEFAULT_NAMES[kind].format(id=meeting_id)
    written: list[Path] = []
    if kind in ("minutes", "conclusion"):
        from exports.minutes import build_minutes
        from exports.notice import build_notice

        gc_was_on = gc.isenabled()
        gc.disable()  # thousands of short-lived wrappers, no cycles: collection passes only cost time
        try:
            record = meeting_record(store, meeting_id)
            document = build_minutes(record) if kind == "minutes" else build_notice(record, issued=today)
        finally:
            if gc_was_on:
                gc.enable()
        written.append(write_atomic(out, lambda tmp: document.save(str(tmp)), force=force))
        if pdf:
            from exports.pdf import to_pdf

            pdf_path = out.with_suffix(".pdf")
            written.append(write_atomic(pdf_path, lambda tmp: to_pdf(out, tmp), force=force))
    elif kind == "followup":
        from exports.sheet import write_followup_sheet
        from session.domain.meetings import meeting_view

        items = followup_items(store, today, meeting_id)
        title = f"Theo dõi thực hiện kết luận — {meeting_view(store, meeting_id).title}"
        written.append(
            write_atomic(out, lambda tmp: write_followup_sheet(items, tmp, title=title, today=today), force=force)
        )
    elif kind in ("invitation", "announcement", "briefing"):
        written += _before_meeting(store, meeting_id, kind, out, today=today, force=force, pdf=pdf)
    elif kind == "json":
        from exports.json_export import write_json

        written.append(write_atomic(out, lambda tmp: write_json(store, meeting_id, tmp), force=force))
    else:
        raise ValueError(kind)
    return written


def _before_meeting(
    store: Store, meeting_id: int, kind: str, out: Path, *, today: date, force: bool, pdf: bool
) -> list[Path]:
    """The papers sent before the meeting. The announcement is written twice: the .docx
    notice and the plain .txt the announcer reads (only the .txt when *out* ends in .txt)."""
    from session.domain.planning_records import briefing, meeting_papers

    written: list[Path] = []
    if kind == "briefing":
        from exports.briefing import build_briefing

        document = build_briefing(briefing(store, meeting_id), issued=today)
    else:
        papers = meeting_papers(store, meeting_id)
        if kind == "announcement":
            from exports.announcement import announcement_text, build_announcement

            text = announcement_text(papers)
            txt = out.with_suffix(".txt")
            written.append(write_atomic(txt, lambda tmp: tmp.write_text(text, encoding="utf-8"), force=force))
            if out.suffix.lower() == ".txt":
                return written
            document = build_announcement(papers, issued=today)
        else:
            from exports.invitation import build_invitation

            document = build_invitation(papers, issued=today)
    written.append(write_atomic(out, lambda tmp: document.save(str(tmp)), force=force))
    if pdf:
        from exports.pdf import to_pdf

        written.append(write_atomic(out.with_suffix(".pdf"), lambda tmp: to_pdf(out, tmp), force=force))
    return written
