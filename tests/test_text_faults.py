"""Text as it really arrives: decomposed Vietnamese (Unikey's "Unicode tổ hợp") with control
characters mixed in, and lone surrogates (bytes a terminal or a file could not decode).
Whatever comes in, what is stored is NFC, and nothing raises UnicodeEncodeError."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from models.errors import HoinghiError
from models.store import Store
from models.tables import FieldLimit, Registration
from models.text import clean_text
from session.cli import main
from session.domain.demo import create_demo
from session.domain.fields import get_fields, set_fields
from session.domain.registrations import Slip
from session.domain.settings import update_settings
from session.i18n import error_text, t
from tests.conftest import T0, desk

WORDS = (
    "Nguyễn", "Văn", "Đức", "Lò", "Pàng", "Thôn", "Nà", "Pàn", "Hòa", "An", "Ủy", "ban", "phường",
    "Ngọc", "Thắng", "đất", "đai", "kiến", "nghị", "đường", "Ỷ", "Ở", "chữ", "Quý", "Ưng", "ỹ",
)  # fmt: skip
#: Controls the store removes (not the tab, line breaks or NEL, which mean white space),
#: the two non-characters, and lone surrogates.
REMOVED = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0))]
REMOVED += ["\ufffe", "\uffff", "\ud800", "\udbff", "\udc80", "\udfff"]


@st.composite
def decomposed_with_controls(draw) -> tuple[str, str]:  # noqa: ANN001
    """(the text typed decomposed with controls between any two code points — between a
    letter and its tone mark too —, the same text without the controls)."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
    form = draw(st.sampled_from(["NFD", "NFKD", "mixed"]))
    if form == "mixed":
        plain = " ".join(unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), w) for w in words)
    else:
        plain = unicodedata.normalize(form, " ".join(words))
    inserts = draw(st.lists(st.tuples(st.integers(0, len(plain)), st.sampled_from(REMOVED)), max_size=8))
    typed = list(plain)
    for position, control in sorted(inserts, reverse=True):
        typed.insert(position, control)
    return "".join(typed), plain


@given(decomposed_with_controls(), st.booleans())
def test_decomposed_text_with_controls_anywhere_is_cleaned_to_nfc(case, multiline):
    typed, plain = case
    cleaned = clean_text(typed, multiline=multiline)
    assert unicodedata.is_normalized("NFC", cleaned)
    assert cleaned == clean_text(plain, multiline=multiline) == unicodedata.normalize("NFC", plain).strip()
    assert not any(c in cleaned for c in REMOVED)


def test_every_text_stored_from_a_slip_is_nfc_whatever_controls_are_mixed_in():
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(str(Path(folder) / "x.db"))
        ws = desk(store, create_demo(store, at=T0), T0, kind="desk")

        @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(decomposed_with_controls(), decomposed_with_controls(), decomposed_with_controls())
        def register(name, locality, summary):
            reg_id = ws.register(
                Slip(name=name[0], locality=locality[0], summary=summary[0], field=locality[0]), force=True
            )
            with store.read() as s:
                row = s.get(Registration, reg_id)
            stored = {k: v for k, v in row.model_dump().items() if isinstance(v, str)}
            for column, value in stored.items():
                assert unicodedata.is_normalized("NFC", value), (column, value)
            assert row.speaker_name == unicodedata.normalize("NFC", name[1]).strip()

        try:
            register()
        finally:
            store.close()


# --- lone surrogates ---------------------------------------------------------------------------

FIELD = "đất\ud800 đai\udcff"  # a field name with lone surrogates in it


def test_a_field_name_with_a_lone_surrogate_is_stored_cleaned_everywhere(store, clock):
    meeting = create_demo(store, at=T0)
    ws = desk(store, meeting, clock)
    ws.start_meeting()
    ws.set_limits(180, {FIELD: 120})  # the speaking time of a field
    with store.read() as s:
        assert [r.field for r in s.exec(select(FieldLimit))] == ["đất đai"]
    reg = ws.register(
        Slip(name="Lò Văn Sáng", locality="Bản Nà\udcffPàn", field=FIELD, summary="Đường\ud800 vào bản"), force=True
    )
    with store.read() as s:
        row = s.get(Registration, reg)
        assert (row.locality, row.field, row.summary) == ("Bản NàPàn", "đất đai", "Đường vào bản")
    ws.call_next(field=FIELD)  # the next speaker on a field
    assert ws.add_issue("Cấp giấy chứng nhận", field=FIELD)
    assert "đất đai" in set_fields(store, [FIELD, "y tế"], at=T0)
    assert get_fields(store)[0] == "đất đai"


def test_a_refusal_naming_a_lone_surrogate_can_always_be_printed(store):
    for exc in (
        HoinghiError("settings.unknown", name=FIELD),
        HoinghiError("details.unknown", name=FIELD, names="title"),
        HoinghiError("text.empty", field=FIELD),
    ):
        error_text(exc).encode("utf-8")  # a toast, a log line, a terminal: all need UTF-8
    t("error.settings.unknown", name=FIELD).encode("utf-8")
    try:
        update_settings(store, at=T0, **{FIELD: "x"})
    except HoinghiError as exc:
        assert "đất" in error_text(exc) and "\ufffd" in error_text(exc)


def test_lone_surrogates_on_the_command_line_are_one_line(db_path):
    store = Store.open(str(db_path))
    meeting = str(create_demo(store, at=T0))
    store.close()
    run = CliRunner().invoke
    for args in (
        ["settings", "--set", f"{FIELD}=x"],
        ["settings", "--set", f"issuing_body={FIELD}"],
        ["details", "--meeting", meeting, "--set", f"{FIELD}=x"],
        ["details", "--meeting", meeting, "--set", f"chair={FIELD}", "--group", f"{FIELD}=1/2"],
        ["participants", "add", FIELD, "--meeting", meeting, "--group", FIELD],
        ["import", "speakers", str(db_path), "--meeting", meeting, "--map", f"{FIELD}=C"],
    ):
        result = run(main, ["--lang", "vi", *args, "--db", str(db_path)])
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
        result.output.encode("utf-8")
