"""Writing a checked import: one short transaction, all rows or none.

Everything slow (reading, checking, cleaning) happened in the plan, outside any
transaction. Inside, the meeting and the duplicates are looked at again (another desk
may have registered the same person since the preview), then the rows go in by bulk
insert, so another desk's action never waits long on this one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import select

from models.errors import HoinghiError
from models.store import Store, Tx
from models.tables import Registration
from session.domain.imports.preview import ImportPlan
from session.domain.registrations import PreparedSlips, Slip, add_prepared, prepare_slips


@dataclass(frozen=True)
class ImportResult:
    imported: int
    duplicates_left_out: int


def import_slips(
    tx: Tx, meeting_id: int, slips: list[Slip], prepared: PreparedSlips, *, allow_duplicates: bool
) -> ImportResult:
    """Append cleaned *slips* (prepared as rows beforehand) to the meeting's queue: the
    tx-level write of an import.

    Unless *allow_duplicates*, a slip whose person and content are already registered in
    the meeting (or earlier in the same list) is left out and counted; the meeting is
    looked at again here, so a registration made since the preview counts too."""
    keep = list(range(len(slips)))
    if not allow_duplicates:
        taken = set(
            tx.session.exec(
                select(Registration.name_key, Registration.summary_key).where(
                    Registration.meeting_id == meeting_id, Registration.status != "withdrawn"
                )
            ).all()
        )
        keep = []
        for index, row in enumerate(prepared.registrations):
            key = (row["name_key"], row["summary_key"])  # folded before the transaction
            if key not in taken:
                taken.add(key)
                keep.append(index)
    if not keep:
        raise HoinghiError("import.all_duplicates", count=len(slips))
    add_prepared(tx, meeting_id, prepared, keep)
    tx.facts["count"] = len(keep)
    return ImportResult(len(keep), len(slips) - len(keep))


def run_import(
    store: Store,
    meeting_id: int,
    plan: ImportPlan,
    *,
    at: datetime,
    actor: str = "import",
    desk: str | None = None,
    allow_duplicates: bool = False,
) -> ImportResult:
    """Write a checked plan in one action, or refuse with the reason the preview gave."""
    refusal = plan.refusal(allow_duplicates)
    if refusal is not None:
        raise refusal
    slips = [p.slip for p in plan.to_import(allow_duplicates)]
    prepared = prepare_slips(meeting_id, slips, at=at)  # outside the transaction
    with store.action(
        "registration.import", at=at, meeting_id=meeting_id, actor=actor, desk=desk, path=plan.path
    ) as tx:
        return import_slips(tx, meeting_id, slips, prepared, allow_duplicates=allow_duplicates)
