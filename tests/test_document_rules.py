"""What makes a document signable as exported, for any unit: true attendance figures, group
names in their own case, sentences that end, no doubled words, no nested parentheses, the
same field and the same conclusion in both documents, Vietnamese lettering, a signature
block that is never split, rules that sit where the decree puts them."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from docx import Document
from docx.oxml.ns import qn

from exports.metrics import longest_line_cm
from exports.run import export
from session.clock import FrozenClock
from session.domain.ledger import ConclusionDraft, ledger
from session.domain.meetings import create_meeting
from session.domain.registrations import Slip
from tests.conftest import desk
from tests.reference_meetings import ISSUED, REFERENCES, build

FLAT = str.maketrans({"\u00a0": " "})


def paragraphs(path) -> list[str]:
    return [p.text.translate(FLAT) for p in Document(str(path)).paragraphs]


@pytest.fixture(scope="module")
def references(tmp_path_factory):
    from models.store import Store

    folder = tmp_path_factory.mktemp("rules")
    store = Store.open(str(folder / "ref.db"))
    files = {}
    for key in REFERENCES:
        mid = build(store, key)
        for kind in ("minutes", "conclusion"):
            files[key, kind] = export(store, mid, kind, folder / f"{key}-{kind}.docx", today=ISSUED)[0]
    store.close()
    return files


def test_attendance_prints_what_is_true_and_group_names_keep_their_case(references):
    minutes = paragraphs(references["phuong", "minutes"])
    assert "- Nhân dân TDP Minh Hòa: 135 người." in minutes
    assert "Tổng số người dự hội nghị: 190 người; trong đó có mặt 55/60 người được mời." in minutes
    assert not any(re.search(r"\d+/\d+ đại biểu", p) for p in minutes)
    opening = next(t for t in paragraphs(references["phuong", "conclusion"]) if t.startswith("Ngày 05"))
    assert "Tham dự hội nghị có 190 người, gồm:" in opening and "Nhân dân TDP Minh Hòa: 135 người" in opening
    assert "đại biểu (" not in opening


@pytest.mark.parametrize("key", list(REFERENCES))
def test_sentences_end_words_are_not_doubled_and_parentheses_are_not_nested(references, key):
    for kind in ("minutes", "conclusion"):
        for text in paragraphs(references[key, kind]):
            if text.startswith(("Kết luận:", "Nội dung:", "Trả lời:", "Người kiến nghị:")) or re.match(
                r"^[a-zđ]\) ", text
            ):
                assert text.rstrip().endswith((".", "…", "./.")), f"{kind}: {text!r}"
            assert not re.search(r"\([^()]*\(", text), f"{kind}: nested parentheses in {text!r}"
            assert "Tiếp thu, giao nghiên cứu. Tiếp thu" not in text
            for sentence in re.split(r"(?<=\.) ", text):
                words = sentence.split()
                assert not any(words[i : i + 3] == words[i + 3 : i + 6] for i in range(len(words) - 5)), sentence


def test_the_lead_agency_and_the_corrected_field_are_the_same_in_both_documents(references):
    minutes = paragraphs(references["xa-mien-nui", "minutes"])
    notice = paragraphs(references["xa-mien-nui", "conclusion"])
    # Lý A Sính registered under "môi trường"; the ledger corrected it to "đất đai".
    assert "Ý kiến 6: Lý A Sính, Bản Nậm Là (lĩnh vực đất đai):" in minutes
    land = notice.index("1. Lĩnh vực đất đai")
    after = notice[land : notice.index("2. Lĩnh vực giao thông")]
    assert any("Lý A Sính" in line for line in after)
    assert "môi trường" not in " ".join(notice)
    # The study outcome names its lead agency in the minutes too, in the notice's words.
    study = "Kết luận: Tiếp thu. Giao Phòng Kinh tế nghiên cứu, đề xuất."
    assert study in minutes and study in notice


def test_vietnamese_lettering_runs_past_d_and_a_long_list_is_numbered(references, store, tmp_path, clock):
    notice = paragraphs(references["dac-khu", "conclusion"])
    land = notice[notice.index("1. Lĩnh vực đất đai") : notice.index("2. Lĩnh vực giao thông")]
    assert [t[:2] for t in land if t[1:3] == ") " or t[:3] == "đ) "] == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)"]
    mid = create_meeting(store, at=clock(), issuing_body="ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN")
    desk(store, mid, clock).register_many(
        [Slip(name=f"Người {n}", field="đất đai", summary=f"Kiến nghị số {n}.") for n in range(25)]
    )
    notice = paragraphs(export(store, mid, "conclusion", tmp_path / "tb.docx", today=ISSUED)[0])
    labels = [t.split(" ")[0] for t in notice if t.split(" ")[0].endswith(")") and "Kiến nghị:" in t]
    assert labels == [f"{n})" for n in range(1, 26)]  # past y) the list is numbered, never a made-up letter


def test_the_minutes_hold_every_speech_even_when_the_dialogue_step_was_never_reached(store, tmp_path):
    clock = FrozenClock(datetime(2026, 3, 5, 7, 30))
    mid = create_meeting(store, at=clock(), issuing_body="ỦY BAN NHÂN DÂN XÃ HÒA AN", day=date(2026, 3, 5))
    desk(store, mid, clock).register_many(
        [
            Slip(name=n, locality="Thôn Nà Pàn", field="giao thông", summary=f"Ý kiến của {n}.")
            for n in ("An", "Bình", "Chi")
        ]
    )
    desk(store, mid, clock).start_meeting()  # step 1 of 9, and the meeting stays there
    for issue in ledger(store, mid):
        clock.advance(minutes=2)
        desk(store, mid, clock).call_next()
        desk(store, mid, clock).record_answer([issue.id], name="Hoàng Văn Thắng", summary=f"Trả lời {issue.content}")
        desk(store, mid, clock).conclude(
            [issue.id], ConclusionDraft(outcome="answered", text=f"Đã trả lời {issue.raisers[0].name}")
        )
    desk(store, mid, clock).finish_speech()
    desk(store, mid, clock).close_meeting()
    text = paragraphs(export(store, mid, "minutes", tmp_path / "bb.docx", today=ISSUED)[0])
    assert "2. Tiến hành đối thoại" in text  # after the one step held
    for name in ("An", "Bình", "Chi"):
        assert any(t.startswith("Ý kiến") and f": {name}, Thôn Nà Pàn" in t for t in text)
        assert f"Kết luận: Đã trả lời {name}." in text
        assert any(t.startswith("Trả lời:") and f"Ý kiến của {name}" in t for t in text)


@pytest.mark.parametrize("kind", ["minutes", "conclusion"])
def test_the_signature_block_is_never_split_and_the_closing_line_stays_with_it(references, kind):
    doc = Document(str(references["phuong", kind]))
    body = list(doc.element.body.iterchildren())
    tables = [n for n, el in enumerate(body) if el.tag == qn("w:tbl")]
    signature = body[tables[1]]  # after the header table
    assert all(tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for tr in signature.iterchildren(qn("w:tr")))
    closing = [el for el in body[: tables[1]] if el.tag == qn("w:p")][-2:]
    for p in closing:
        assert p.find(qn("w:pPr")).find(qn("w:keepNext")) is not None
    cell_paragraphs = signature.iter(qn("w:p"))
    assert any(p.find(qn("w:pPr")).find(qn("w:keepNext")) is not None for p in cell_paragraphs)


def _rules(doc):
    """(paragraph element, width cm, gap pt) of every rule: an empty paragraph with a top border."""
    found = []
    for p in doc.element.body.iter(qn("w:p")):
        ppr = p.find(qn("w:pPr"))
        if ppr is None or ppr.find(qn("w:pBdr")) is None:
            continue
        ind = ppr.find(qn("w:ind"))
        spacing = ppr.find(qn("w:spacing"))
        found.append((p, ind, int(spacing.get(qn("w:before"), "0")) / 20))
    return found


@pytest.mark.parametrize("kind", ["minutes", "conclusion"])
def test_rules_are_a_third_to_a_half_of_their_line_and_keep_off_the_text_above(references, kind):
    from exports.docx_format import LEFT_COL_CM

    doc = Document(str(references["phuong", kind]))
    rules = _rules(doc)
    assert len(rules) == 3  # under the issuing body, under the motto, under the summary line
    assert all(gap >= 2 for _p, _ind, gap in rules)
    issuing_rule = rules[0][1]
    width = LEFT_COL_CM - 2 * int(issuing_rule.get(qn("w:left"))) / 567
    line = longest_line_cm("PHƯỜNG BA ĐỒN", 13, LEFT_COL_CM, bold=True)
    assert line / 3 <= width <= line / 2


def test_place_names_in_title_lines_never_break(references):
    doc = Document(str(references["phuong", "conclusion"]))
    summary = doc.paragraphs[1].text
    assert "phường Ba\u00a0Đồn" in summary and "tổ\u00a0dân\u00a0phố\u00a0Xuân\u00a0Kiều" in summary
    left = doc.tables[0].rows[0].cells[0]
    assert [p.text for p in left.paragraphs if p.text][1] == "PHƯỜNG BA\u00a0ĐỒN"


def test_a_group_nobody_was_invited_from_and_nobody_came_from_is_not_printed(store, tmp_path, clock):
    from session.domain.meeting_details import Attendance, meeting_details

    mid = create_meeting(store, at=clock(), issuing_body="ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN", day=date(2026, 3, 5))
    details = meeting_details(store, mid)
    groups = (Attendance("Đại biểu phường", 15, 14), Attendance("Đại diện Nhân dân", 0, 0))
    desk(store, mid, clock).update_details(details.edit(groups=groups))
    for kind in ("minutes", "conclusion"):
        text = " ".join(paragraphs(export(store, mid, kind, tmp_path / f"{kind}.docx", today=ISSUED)[0]))
        assert "Đại biểu phường" in text and "Đại diện Nhân dân" not in text


def test_minutes_with_no_attendance_recorded_leave_a_gap_to_fill_not_an_empty_heading(store, tmp_path, clock):
    from session.domain.meeting_details import meeting_details

    mid = create_meeting(store, at=clock(), issuing_body="ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN", day=date(2026, 3, 5))
    desk(store, mid, clock).update_details(meeting_details(store, mid).edit(groups=()))
    text = paragraphs(export(store, mid, "minutes", tmp_path / "bb.docx", today=ISSUED)[0])
    assert "Thành phần tham dự: …" in text and "Thành phần tham dự:" not in text


def test_a_group_where_more_came_than_were_invited_says_both_without_a_fraction():
    from types import SimpleNamespace

    from exports.minutes import attendance_lines
    from session.domain.meeting_details import Attendance

    groups = [Attendance("Đại biểu phường", 20, 19), Attendance("Đại diện Nhân dân", 20, 25)]
    record = SimpleNamespace(attendance=groups, invited=(44, 40), present=44)
    assert attendance_lines(record) == [  # type: ignore[arg-type]  # the fields the lines read
        "- Đại biểu phường: có mặt 19/20 người được mời.",
        "- Đại diện Nhân dân: 25 người (được mời 20 người).",
        "Tổng số: 44 người (được mời 40 người).",
    ]
