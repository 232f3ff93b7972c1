"""The key bar at the foot of each screen: whole keys only, help and the palette always
on the right, the keys of the screen shown in its language, and a click presses the key."""

from __future__ import annotations

from session.domain.registrations import list_registrations
from session.i18n import t
from session.tui.actions import LIVE
from session.tui.screens.dialogs import HelpScreen
from session.tui.screens.live import LiveScreen
from session.tui.screens.queue import QueueScreen
from session.tui.widgets.key_bar import KeyBar
from tests.conftest import until


def _bar(app) -> str:  # noqa: ANN001
    """The bar's line as it was last painted on the screen."""
    return "".join(segment.text for segment in app.screen.query_one(KeyBar).render_line(0))


async def test_a_narrow_terminal_keeps_help_and_the_palette_and_cuts_no_key(make_app):
    app = make_app("dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LiveScreen))
        bar = _bar(app)
        assert len(bar) == 80
        assert bar.rstrip().endswith("▏ F1 Trợ giúp  Ctrl+P Bảng lệnh")
        left = bar.partition("▏")[0].strip()
        shown = [t(a.label) for a in LIVE if a.show and a.name != "help"]
        # Each key on the left is whole: its label is one of the screen's, never cut short.
        words = left.split("  ")
        assert words and all(w.partition(" ")[2] in shown for w in words), words
        # At 120 columns more of them fit, in the same order.
    async with make_app("dialogue").run_test(size=(120, 36)) as pilot:
        wide = pilot.app
        await until(pilot, lambda: isinstance(wide.screen, LiveScreen))
        assert _bar(wide).startswith(" " + "  ".join(words))
        assert len(_bar(wide).partition("▏")[0].strip().split("  ")) > len(words)


async def test_a_click_on_a_key_presses_it(make_app):
    app = make_app("dialogue")
    store = app.store
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LiveScreen))
        speaking = [r.name for r in list_registrations(store, app.start_meeting_id) if r.status == "speaking"]
        bar = _bar(app)
        await pilot.click(KeyBar, offset=(bar.index("C Mời người tiếp") + 1, 0))
        await until(
            pilot,
            lambda: (
                [r.name for r in list_registrations(store, app.start_meeting_id) if r.status == "speaking"]
                not in ([], speaking)
            ),
        )
        await pilot.click(KeyBar, offset=(bar.index("F1 Trợ giúp") + 1, 0))
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))


async def test_the_bar_follows_the_screen_and_the_language(make_app, english):
    app = make_app("dialogue")
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LiveScreen))
        assert "Ctrl+N Next step" in _bar(app)
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, QueueScreen))
        assert _bar(app).startswith(" / Search")
        assert "Ctrl+N" not in _bar(app)


async def test_a_key_that_cannot_be_used_now_is_drawn_dim_once_the_bindings_change(make_app, monkeypatch):
    app = make_app("dialogue")
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LiveScreen))
        screen = app.screen

        def dim_of(label: str) -> bool:
            strip = screen.query_one(KeyBar).render_line(0)
            drawn = [s for s in strip if s.text.strip() and s.text.strip() in label]
            assert drawn, f"{label} is not on the bar"
            return all(bool(s.style and s.style.dim) for s in drawn)

        assert not dim_of("Bước tiếp")
        # Say "next step" cannot be used now (None: shown, disabled — as a screen's
        # check_action may), and tell
        # the screen its bindings changed: the bar repaints itself.
        allowed = type(screen).check_action
        monkeypatch.setattr(
            type(screen),
            "check_action",
            lambda self, action, p: None if action == "next_step" else allowed(self, action, p),
        )
        screen.refresh_bindings()
        await until(pilot, lambda: dim_of("Bước tiếp"))
        assert not dim_of("Trả lời")


async def test_a_dialog_over_the_screen_puts_its_own_keys_on_the_bar_below_it(make_app):
    app = make_app("dialogue")
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LiveScreen))
        live = app.screen
        bar = live.query_one(KeyBar)

        def painted() -> str:
            return "".join(segment.text for segment in bar.render_line(0))

        assert "U Hoàn tác" in painted()
        await pilot.press("e")  # the current step corrected: a form over the console
        await until(pilot, lambda: app.screen is not live and "Esc Hủy" in painted())
        assert "U Hoàn tác" not in painted()  # U types a letter in the form: not shown
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is live and "U Hoàn tác" in painted())
        assert "Esc Hủy" not in painted()


async def test_an_open_dropdown_names_its_esc_in_vietnamese(make_app):
    from textual.widgets import Select

    app = make_app("dialogue")
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LiveScreen))
        bar = app.screen.query_one(KeyBar)
        await pilot.press("r")  # a slip
        await until(pilot, lambda: not isinstance(app.screen, LiveScreen))
        app.screen.query_one(Select).focus()
        await pilot.press("down")  # the list of fields opens
        await until(pilot, lambda: app.screen.query_one(Select).expanded)

        def painted() -> str:
            return "".join(segment.text for segment in bar.render_line(0))

        await until(pilot, lambda: "Esc Đóng danh sách" in painted())
        assert "Dismiss" not in painted()


async def test_esc_in_the_lists_search_says_it_goes_back_to_the_list(make_app):
    from session.tui.screens.queue import QueueScreen
    from session.tui.widgets.queue_list import QueueList

    app = make_app("dialogue")
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LiveScreen))
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, QueueScreen))
        bar = app.screen.query_one(KeyBar)

        def painted() -> str:
            return "".join(segment.text for segment in bar.render_line(0))

        await pilot.press("/", *"pao")
        await until(pilot, lambda: "Esc Về danh sách" in painted())
        assert "Quay lại" not in painted()
        await pilot.press("escape")  # to the list, the search kept
        await until(pilot, lambda: isinstance(app.focused, QueueList) and "Về danh sách" not in painted())
        assert isinstance(app.screen, QueueScreen) and app.screen.query_text == "pao"
        # The status line says why fewer people show than the list holds.
        await until(pilot, lambda: "tìm: “pao”" in str(app.screen.query_one("#queue-status").render()))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, LiveScreen))
