"""Bench data: the demo meeting grown to N registrations (bench only; one transaction)."""

from __future__ import annotations

from datetime import datetime, timedelta

from models.store import Store
from models.tables import Registration
from models.text import fold
from session.domain.demo import create_demo
from session.domain.demo_data import SPEAKERS
from session.workstation import Desk, Workstation


def console(store: Store, meeting_id: int, kind: str = "console") -> Workstation:
    """A desk at work on the meeting, on the real clock (what the screens call)."""
    return Workstation(store, meeting_id, Desk(kind, "bench"), datetime.now)


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
                    number=n,
                    queue_position=n,
                )
            )
    return meeting_id


def meeting_in_dialogue(db: str) -> int:
    """The demo meeting in a fresh database, started and moved to the dialogue step."""

    store = Store.open(db)
    meeting_id = create_demo(store, at=datetime.now())
    console(store, meeting_id).start_meeting()
    for _ in range(5):
        console(store, meeting_id).next_step()
    store.close()
    return meeting_id
