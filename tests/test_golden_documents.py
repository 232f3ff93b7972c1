"""The full text of both documents of three reference meetings — a mountain xã with thôn and
bản, a phường with tổ dân phố and khu phố, an đặc khu — kept as reviewed files in
``tests/golden/``: any change of wording shows as a diff in review.

After an intended change of wording, regenerate them and review the diff:
    HOINGHI_GOLDEN=update .venv/bin/python -m pytest tests/test_golden_documents.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from exports.run import export
from tests.reference_meetings import ISSUED, REFERENCES, build

GOLDEN = Path(__file__).parent / "golden"
NBSP_MARK = "⍽"  # a non-breaking space, made visible in the golden files


def document_lines(path: Path) -> list[str]:
    """Every non-empty paragraph in document order; a table's cells as "[r.c] text"; the
    page header's text first. Non-breaking spaces shown as ⍽."""
    doc = Document(str(path))
    lines = [f"[đầu trang] {p.text}" for p in doc.sections[0].header.paragraphs if p.text]
    body = doc.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            if text.strip():
                lines.append(text)
        elif child.tag == qn("w:tbl"):
            for r, row in enumerate(child.iterchildren(qn("w:tr")), start=1):
                for c, cell in enumerate(row.iterchildren(qn("w:tc")), start=1):
                    for p in cell.iterchildren(qn("w:p")):
                        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
                        if text.strip():
                            lines.append(f"[{r}.{c}] {text}")
    return [line.replace("\u00a0", NBSP_MARK) for line in lines]


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from models.store import Store

    folder = tmp_path_factory.mktemp("golden")
    store = Store.open(str(folder / "ref.db"))
    files = {}
    try:
        for key in REFERENCES:
            meeting_id = build(store, key)
            for kind in ("minutes", "conclusion"):
                files[key, kind] = export(store, meeting_id, kind, folder / f"{key}-{kind}.docx", today=ISSUED)[0]
    finally:
        store.close()
    return files


@pytest.mark.parametrize("key", list(REFERENCES))
@pytest.mark.parametrize("kind", ["minutes", "conclusion"])
def test_the_documents_read_word_for_word_as_reviewed(exported, key, kind):
    text = "\n".join(document_lines(exported[key, kind])) + "\n"
    golden = GOLDEN / f"{key}-{kind}.txt"
    if os.environ.get("HOINGHI_GOLDEN") == "update":
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"{golden.name} is missing: run with HOINGHI_GOLDEN=update and review it"
    assert text == golden.read_text(encoding="utf-8")


# --- no place word but the meeting's ----------------------------------------------------

#: How a residential word shows when it names a unit: "các thôn", "Trưởng bản", "Bản Nậm Là",
#: "Đại biểu ấp", "tổ dân phố," — not "văn bản" or "biên bản".
RESIDENTIAL = ("thôn", "bản", "buôn", "sóc", "ấp", "làng", "xóm", "khóm", "tổ dân phố", "khu phố", "tổ dân cư")


def residential_pattern(word: str) -> re.Pattern[str]:
    w = re.escape(word)
    cap = re.escape(word[:1].upper() + word[1:])
    return re.compile(
        rf"(?:\b(?:các|Trưởng|trưởng|Tổ trưởng|biểu|liên|Theo|theo) {w}\b|\b{cap} [A-ZĐÂĂÊÔƠƯ0-9]|\b{w}, |, {w}\b)"
    )


KIND_XA = re.compile(r"(?i)\bxã\b(?! hội)")


@pytest.mark.parametrize("key", list(REFERENCES))
def test_a_document_names_no_unit_kind_and_no_residential_unit_but_its_own(exported, key):
    from models.store import Store  # noqa: F401 — the place words come from the reference itself
    from session.domain.units import place_of, unit_by_code

    ref = REFERENCES[key]
    unit = unit_by_code(ref.unit_code)
    own = set(place_of(unit.kind, unit.name, unit.province, residential=ref.residential).residential)
    for kind in ("minutes", "conclusion"):
        text = "\n".join(document_lines(exported[key, kind])).replace(NBSP_MARK, " ")
        if unit.kind != "xã":
            assert not KIND_XA.findall(text), f"{key} {kind}: names a xã"
        assert unit.kind in text.lower()
        for word in RESIDENTIAL:
            found = residential_pattern(word).findall(text)
            if word in own:
                continue
            assert not found, f"{key} {kind}: {word!r} in {found[:3]}"
        for word in own:
            assert residential_pattern(word).findall(text), f"{key} {kind}: its own {word!r} is never named"


def test_the_place_word_check_finds_what_it_looks_for():
    """The check above can fail: planted leaks are found, ordinary words are not."""
    assert KIND_XA.findall("báo cáo UBND xã Hòa An") and not KIND_XA.findall("CỘNG HÒA XÃ HỘI; kinh tế - xã hội")
    assert residential_pattern("thôn").findall("Trưởng các thôn niêm yết")
    assert residential_pattern("bản").findall("Người kiến nghị: Lò Thị Phương, Bản Nậm Là.")
    assert not residential_pattern("bản").findall("trả lời bằng văn bản; biên bản; bản sao giấy tờ")
    assert residential_pattern("tổ dân phố").findall("Đại biểu tổ dân phố, khu phố")
