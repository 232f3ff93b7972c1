"""Names typed with and without accents are counted as one, under the accented spelling:
the console's tally of residential units and the yearly report's table."""

from __future__ import annotations

from datetime import datetime

from session.clock import FrozenClock
from session.domain.live import load_live
from session.domain.meetings import create_meeting
from session.domain.registrations import Slip
from session.domain.tally import tally
from tests.conftest import T0, desk


def test_spellings_of_one_name_count_together_under_the_accented_one():
    typed = ["To dan pho Xuan Kieu 1", "Tổ dân phố Xuân Kiều 1", "tổ dân phố  xuân kiều 1", "Tổ dân phố Minh Hòa"]
    assert tally(typed) == {"Tổ dân phố Xuân Kiều 1": 3, "Tổ dân phố Minh Hòa": 1}
    assert tally(["Nà Pàn", "Na Pan", "Na Pan"]) == {"Nà Pàn": 3}
    assert tally([]) == {}


def test_the_console_tally_counts_a_residential_unit_typed_without_accents_once(store):
    clock = FrozenClock(T0)
    mid = create_meeting(store, at=T0, title="Đối thoại")
    for name, unit in (("Trần Thị Lan", "To dan pho Xuan Kieu 1"), ("Lê Thị Mai", "Tổ dân phố Xuân Kiều 1")):
        desk(store, mid, clock).register(Slip(name, unit, summary=f"Ý kiến của {name}"))
    desk(store, mid, clock).start_meeting()
    for _ in range(2):
        clock.advance(minutes=3)
        desk(store, mid, clock).call_next()
    clock.advance(minutes=3)
    desk(store, mid, clock).finish_speech()
    floor = load_live(store, mid, datetime(2026, 3, 5, 9, 0)).floor
    assert floor.by_locality == {"Tổ dân phố Xuân Kiều 1": 2}
