"""The forms' text field: typing repaints the field and never lays the whole form out
again, and a text longer than the field still scrolls so the cursor stays in view."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Input

from session.domain.meetings import create_meeting
from session.tui.app import HoinghiApp
from session.tui.screens.registration_form import RegistrationForm
from tests.conftest import T0, until


async def test_typing_a_slip_lays_nothing_out_and_a_long_text_scrolls(store, clock, monkeypatch):
    mid = create_meeting(store, at=T0, title="Đối thoại")
    app = HoinghiApp(store, meeting_id=mid, clock=clock)
    layouts: list[Screen[object]] = []
    lay_out = Screen._refresh_layout

    def counted(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        layouts.append(self)
        return lay_out(self, *args, **kwargs)

    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, RegistrationForm))
        await pilot.pause()
        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        await pilot.press(*"Lò Văn Pàng")
        await pilot.pause()
        assert layouts == []
        summary = app.screen.query_one("#reg-summary", Input)
        summary.focus()
        long = " ".join(f"đoạn{n}" for n in range(40))  # longer than the field
        await pilot.press(*long)
        await pilot.pause()
        assert layouts == []
        # The field scrolled with the cursor: its end is what shows, not its start.
        assert summary.scroll_x > 0
        shown = "".join(seg.text for seg in summary.render_line(0))
        assert "đoạn39" in shown and "đoạn0 " not in shown
        await pilot.press("enter")
        await until(pilot, lambda: "Đã ghi số 1" in str(app.screen.query_one("#form-status").render()))
