"""Per-action commit time: one durable transaction (WAL, synchronous=FULL) with its event row.

Run: .venv/bin/python bench/commit.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from sqlmodel import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._util import summary  # noqa: E402
from models.store import Store  # noqa: E402
from models.tables import AgendaItem  # noqa: E402
from session.domain.demo import create_demo  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(str(Path(folder) / "bench.db"))
        meeting_id = create_demo(store, at=datetime.now())
        with store.read() as s:
            item_id = s.exec(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id).limit(1)).one()
        samples = []
        for n in range(300):
            start = time.perf_counter()
            with store.action("agenda.notes", at=datetime.now(), meeting_id=meeting_id) as tx:
                tx.get(AgendaItem, item_id).notes = f"Ghi chép lần {n}"
            samples.append((time.perf_counter() - start) * 1000)
        print(f"commit of one action (notes save + event row, durable): {summary(samples)}")
        store.close()


if __name__ == "__main__":
    main()
