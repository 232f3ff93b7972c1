"""The petition ledger driven by keys."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select
from textual.widgets import DataTable

from session.domain.ledger import ledger
from session.domain.meetings import create_meeting
from session.domain.registrations import Slip
from session.tui.app import HoinghiApp
from session.tui.screens.dialogs import ConfirmScreen
from session.tui.screens.ledger import LedgerScreen
from tests.conftest import T0, desk, until

DAY = date(2026, 3, 5)


def _meeting(store, clock):
    mid = create_meeting(store, at=T0, title="Đối thoại", day=DAY)
    from models.tables import Meeting

    with store.action("meeting.edit", at=T0, meeting_id=mid) as tx:
        meeting = tx.get(Meeting, mid)
        meeting.chair, meeting.chair_title = "Hoàng Văn Thắng", "Chủ tịch UBND xã"
    a = desk(store, mid, clock).register(Slip("Hoàng Văn Páo", "Nà Pàn", field="đất đai", summary="Chậm cấp sổ đỏ"))
    b = desk(store, mid, clock).register(Slip("Mã Văn Lợi", "Phai Trác", field="đất đai", summary="Sổ đỏ chưa có"))
    c = desk(store, mid, clock).register(Slip("Lò Thị Mai", "Bản Chu", field="giao thông", summary=""))
    return mid, a, b, c


async def test_two_issues_from_one_speech_by_keys(store, clock):
    mid, _a, _b, c = _meeting(store, clock)
    desk(store, mid, clock).start_meeting()
    desk(store, mid, clock).call(c)
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LedgerScreen)
        for text in ("Đường ra xã lầy lội", "Cầu tràn sạt lở"):
            await pilot.press("n")
            await pilot.pause()
            await pilot.press(*text, "enter")
            await pilot.pause()
        assert app.screen.query_one(DataTable).row_count == 4
    mine = [v for v in ledger(store, mid) if any(r.registration_id == c for r in v.raisers)]
    assert [v.content for v in mine] == ["Đường ra xã lầy lội", "Cầu tràn sạt lở"]
    assert all(v.field == "giao thông" for v in mine)


async def test_merge_a_duplicate_and_split_it_back_by_keys(store, clock):
    mid, a, b, _c = _meeting(store, clock)
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("m")  # nothing marked: how to merge is said, nothing moves
        await pilot.pause()
        assert "bấm Space trên từng kiến nghị trùng" in " ".join(str(n.message) for n in app._notifications)
        await pilot.press("down", "space", "up", "m")  # mark the second, merge into the first: asked first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Gộp 1 kiến nghị (số 2) vào kiến nghị số 1?" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("n")  # not now: nothing merged, the mark is kept
        await pilot.pause()
        assert len(ledger(store, mid)) == 2 and isinstance(app.screen, LedgerScreen)
        await pilot.press("m", "y")
        await pilot.pause()
        views = ledger(store, mid)
        assert len(views) == 1 and [r.registration_id for r in views[0].raisers] == [a, b]
        assert "(2) Hoàng Văn Páo, Mã Văn Lợi" in app.screen.query_one(DataTable).get_row_at(0)[2]
        await pilot.press("s")
        await pilot.pause()
        assert len(ledger(store, mid)) == 2


async def test_an_official_answers_and_the_chair_assigns_with_a_deadline(store, clock):
    mid, _a, _b, _c = _meeting(store, clock)
    from models.attendance import Participant

    with store.action("participant.add", at=T0, meeting_id=mid) as tx:
        tx.add(
            Participant(
                meeting_id=mid,
                name="Triệu Văn Long",
                title="Trưởng phòng",
                organisation="Phòng Kinh tế",
                role="official",
            )
        )
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(120, 44)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("down", "enter")  # the official, second after the chair
        await pilot.press(*"Hồ sơ đang thẩm định", "enter")
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        form = app.screen
        # Thu 5/3/2026 + 10 days (notice: Sun 15/3, so Mon 16/3) + 20 working days (reply) = Mon 13/4/2026.
        assert form.query_one("#c-deadline").value == "13/04/2026"
        assert "Thứ Hai 13/04/2026" in str(form.query_one("#c-deadline-info").render())
        form.query_one("#c-outcome").value = "assigned"
        form.query_one("#c-lead").value = "Phòng Kinh tế"
        form.query_one("#c-text").value = "Giao Phòng Kinh tế hoàn thiện hồ sơ"
        await pilot.pause()
        form.query_one("#c-text").focus()
        await pilot.press("enter")
        await pilot.pause()
    [first, _second] = ledger(store, mid)
    assert first.answers[0].answerer_name == "Triệu Văn Long" and first.answers[0].summary == "Hồ sơ đang thẩm định"
    assert first.conclusion.outcome == "assigned" and first.conclusion.deadline == date(2026, 4, 13)
    assert first.conclusion.lead_agency == "Phòng Kinh tế"


async def test_followup_screen_flags_overdue_when_the_clock_passes_the_deadline(store, clock):
    from session.clock import FrozenClock
    from session.domain.ledger import ConclusionDraft
    from session.tui.screens.followup import FollowupScreen

    mid, *_ = _meeting(store, clock)
    first = ledger(store, mid)[0]
    desk(store, mid, T0).conclude(
        [first.id], ConclusionDraft("assigned", "", "Phòng Kinh tế", deadline=date(2026, 4, 16))
    )
    late = FrozenClock(T0.replace(month=4, day=20))
    app = HoinghiApp(store, meeting_id=mid, clock=late)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, FollowupScreen)
        row = app.screen.query_one(DataTable).get_row_at(0)
        assert row[1].plain == "QUÁ HẠN 2 ngày làm việc" and row[3] == "Giao" and row[4] == "Phòng Kinh tế"
        assert row[6] == "Hoàng Văn Páo" and row[7] == "Nà Pàn"


async def test_a_petition_to_study_from_a_meeting_not_yet_dated_has_no_deadline_yet(store, clock, tmp_path):
    """A meeting with no date that has not started gives its studied petitions no date to
    count from: the follow-up (screen and command line) says so instead of failing."""
    from session.domain.ledger import ConclusionDraft
    from session.tui.screens.followup import FollowupScreen
    from tests.cli import hoinghi

    mid = create_meeting(store, at=T0, title="Đối thoại chưa định ngày")
    desk(store, mid, clock).register(Slip("Lăng Thị Mỵ", "Thôn Bản Chu", summary="Đường ra xã xuống cấp"))
    (issue,) = ledger(store, mid)
    desk(store, mid, T0).conclude([issue.id], ConclusionDraft("study", "Tiếp thu", lead_agency="Phòng Kinh tế"))
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, FollowupScreen))
        row = app.screen.query_one(DataTable).get_row_at(0)
        assert row[0] == "—" and row[1].plain == "chưa có hạn" and row[4] == "Phòng Kinh tế"
    ran = hoinghi("followup", "--db", store.url, "--meeting", str(mid))
    assert ran.returncode == 0 and "chưa có hạn" in ran.stdout and "Phòng Kinh tế" in ran.stdout


async def test_with_nobody_recorded_to_answer_the_answerers_name_is_typed_where_the_cursor_is(store, clock):
    """A meeting with no chair or official on record: the answer form opens on the
    answerer's name, so what is typed lands there, and Tab goes on to the summary."""
    from models.tables import Answer
    from session.tui.screens.ledger_forms import AnswerForm

    mid = create_meeting(store, at=T0, title="Đối thoại", day=DAY)
    desk(store, mid, clock).register(Slip("Hoàng Văn Páo", "Nà Pàn", field="đất đai", summary="Chậm cấp sổ đỏ"))
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(120, 44)) as pilot:
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, LedgerScreen))
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AnswerForm))
        await pilot.press(*"Lê Văn Nam, Phó Chủ tịch", "tab", *"Hồ sơ đủ điều kiện", "enter")
        await until(pilot, lambda: isinstance(app.screen, LedgerScreen))
    with store.read() as s:
        (answer,) = s.exec(select(Answer).where(Answer.meeting_id == mid)).all()
    assert (answer.answerer_name, answer.answerer_title) == ("Lê Văn Nam", "Phó Chủ tịch")
    assert answer.summary == "Hồ sơ đủ điều kiện"


@pytest.mark.parametrize("size", [(120, 36), (80, 24), (160, 40)])
async def test_every_column_of_the_ledger_fits_its_width_the_text_takes_what_is_left(store, clock, size):
    from session.tui.widgets.fitted_table import FittedTable

    mid, *_ = _meeting(store, clock)
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("l")
        await until(pilot, lambda: bool(app.screen.query(FittedTable)))
        table = app.screen.query_one(FittedTable)
        room = table.size.width - table.styles.scrollbar_size_vertical
        # No column is pushed past the right edge: the conclusion is in sight without scrolling.
        await until(pilot, lambda: room - 1 <= table.virtual_size.width <= room)
        assert table.columns["content"].width >= 16


async def test_a_conclusion_kept_with_the_verification_deadline_reopens_ticked(store, clock):
    from session.domain.ledger import ConclusionDraft, default_deadline

    mid, *_ = _meeting(store, clock)
    first, second = ledger(store, mid)
    verified = default_deadline(store, mid, verification=True)
    # 30 working days from the notice's last day, Mon 16/3, the Hùng Kings' day (Mon 27/4, for Sun 26/4) off
    assert verified == date(2026, 4, 28)
    desk(store, mid, T0).conclude([first.id], ConclusionDraft("assigned", "", "Phòng Kinh tế", deadline=verified))
    plain = default_deadline(store, mid)
    desk(store, mid, T0).conclude([second.id], ConclusionDraft("assigned", "", "Phòng Kinh tế", deadline=plain))
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, LedgerScreen))
        await pilot.press("k")
        await until(pilot, lambda: type(app.screen).__name__ == "ConclusionForm")
        assert app.screen.query_one("#c-verify").value is True
        assert app.screen.query_one("#c-deadline").value == "28/04/2026"
        await pilot.press("escape", "down", "k")
        await until(pilot, lambda: type(app.screen).__name__ == "ConclusionForm")
        assert app.screen.query_one("#c-verify").value is False
        assert app.screen.query_one("#c-deadline").value == "13/04/2026"
