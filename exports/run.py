"""Export entry points shared by the CLI and the export screen."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

from exports.writer import write_atomic
from models.store import Store
from session.domain.followup import followup_items
from session.domain.records import meeting_record

KINDS = ("minutes", "conclusion", "followup", "json", "ballot")
DEFAULT_NAMES = {
    "minutes": "bien-ban-hoi-nghi-{id}.docx",
    "conclusion": "thong-bao-ket-luan-{id}.docx",
    "followup": "theo-doi-{id}.xlsx",
    "json": "hoi-nghi-{id}.json",
    "ballot": "phieu-lay-y-kien-{id}.docx",
}


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
    if kind in ("minutes", "conclusion", "ballot"):
        from exports.minutes import build_minutes
        from exports.notice import build_notice

        gc_was_on = gc.isenabled()
        gc.disable()  # thousands of short-lived wrappers, no cycles: collection passes only cost time
        try:
            record = meeting_record(store, meeting_id)
            if kind == "ballot":
                from exports.ballot import build_ballot
                from session.domain.survey import survey_form_of

                document = build_ballot(record, survey_form_of(store, meeting_id))
            else:
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
        from session.domain.place_words import place_words
        from session.domain.settings import get_settings

        items = followup_items(store, today, meeting_id)
        view = meeting_view(store, meeting_id)
        title = f"Theo dõi thực hiện kết luận — {view.title}"
        words = place_words(get_settings(store).issuing_body or view.issuing_body, (i.localities for i in items))
        written.append(
            write_atomic(
                out,
                lambda tmp: write_followup_sheet(
                    items, tmp, title=title, today=today, residential=words.residential_title
                ),
                force=force,
            )
        )
    elif kind == "json":
        from exports.json_export import write_json

        written.append(write_atomic(out, lambda tmp: write_json(store, meeting_id, tmp), force=force))
    else:
        raise ValueError(kind)
    return written
