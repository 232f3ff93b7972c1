"""Bench data: the demo meeting grown to N registrations (bench only; one transaction)."""

from __future__ import annotations

from datetime import datetime, timedelta

from models.store import Store
from models.tables import Registration
from models.text import fold
from session.domain.demo import create_demo
from session.domain.demo_data import SPEAKERS

FIELDS = ["đất đai", "môi trường", "giao thông", "an sinh xã hội", "an ninh trật tự", "y tế", "giáo dục", "cán bộ"]


def big_meeting(store: Store, registrations: int = 2000) -> int:
    at = datetime.now().replace(microsecond=0)
    meeting_id = create_demo(store, at=at)
    with store.action("bench.fill", at=at, meeting_id=meeting_id, actor="system") as tx:
        for n in range(len(SPEAKERS) + 1, registrations + 1):
            name, village, _field, summary, *_ = SPEAKERS[n % len(SPEAKERS)]
            field = FIELDS[n % len(FIELDS)]
            tx.add(
                Registration(
                    meeting_id=meeting_id,
                    speaker_name=f"{name} {n}",
                    name_key=fold(f"{name} {n}"),
                    locality=village,
                    locality_key=fold(village),
                    field=field,
                    summary=summary,
                    summary_key=fold(summary),
                    source="hall",
                    registered_at=at + timedelta(seconds=n),
                    queue_position=n,
                )
            )
    return meeting_id


def meeting_in_dialogue(db: str) -> int:
    """The demo meeting in a fresh database, started and moved to the dialogue step."""
    from session.domain.agenda import next_step, start_meeting

    store = Store.open(db)
    meeting_id = create_demo(store, at=datetime.now())
    start_meeting(store, meeting_id, at=datetime.now())
    for _ in range(5):
        next_step(store, meeting_id, at=datetime.now())
    store.close()
    return meeting_id
