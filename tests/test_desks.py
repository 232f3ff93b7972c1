"""Undo that users can trust: each desk undoes its own latest action, says which, is
refused (naming the later action) when another desk's later action depends on it, and
redoes what it just undid. The history tells each action as a sentence."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlmodel import col, select

from models.errors import Conflict, NotFound
from models.tables import Answer, Event
from models.undo import changes_of
from session.domain.answers import Answerer
from session.domain.demo import create_demo
from session.domain.history import history_rows
from session.domain.ledger import ConclusionDraft, ledger
from session.domain.meetings import meeting_view
from session.domain.registrations import Slip, list_registrations
from session.workstation import Desk, Workstation
from session.workstation.story import desk_label, sentence
from tests.conftest import desk


@pytest.fixture
def dialogue(store, clock):
    """The demo meeting at its dialogue step, run from the console."""
    mid = create_demo(store, at=clock())
    console = desk(store, mid, clock)
    console.start_meeting()
    for _ in range(5):
        clock.advance(minutes=5)
        console.next_step()
    return mid


def running_answers(s, mid) -> int:
    return len(s.exec(select(Answer).where(Answer.meeting_id == mid, col(Answer.ended_at).is_(None))).all())


def speaking(store, mid) -> list[str]:
    return [r.name for r in list_registrations(store, mid) if r.status == "speaking"]


def test_u_after_ending_a_speech_undoes_that_speech_not_an_older_agenda_action(store, clock, dialogue):
    console = desk(store, dialogue, clock)
    step_before = meeting_view(store, dialogue).current_step.position
    console.save_notes(meeting_view(store, dialogue).current_item_id, "Ghi chép dài " * 400)
    first = console.call_next()
    clock.advance(minutes=3)
    console.finish_speech()
    undone = console.undo()
    assert undone.action == "queue.finish"
    assert undone.what == "kết thúc lượt nói của Hoàng Văn Páo"
    assert speaking(store, dialogue) == ["Hoàng Văn Páo"]
    view = meeting_view(store, dialogue)
    assert view.current_step.position == step_before  # the agenda did not move back
    assert view.current_step.notes.startswith("Ghi chép dài")  # the notes are untouched
    assert first is not None


def test_each_desk_undoes_only_its_own_actions(store, clock, dialogue):
    console = desk(store, dialogue, clock)
    registration = desk(store, dialogue, clock, "desk")
    console.call_next()
    registration.register(Slip("Lý Văn Tài", "Bản Chu", summary="Đèn đường"))
    # The console's U takes back its call, not the slip typed at the desk after it.
    assert console.undo().action == "queue.next"
    assert "Lý Văn Tài" in [r.name for r in list_registrations(store, dialogue)]
    assert registration.undo().what.startswith("ghi số ")
    assert "Lý Văn Tài" not in [r.name for r in list_registrations(store, dialogue)]


def test_an_undo_that_would_leave_two_people_speaking_is_refused_naming_the_later_action(store, clock, dialogue):
    console = desk(store, dialogue, clock)
    other = Workstation(store, dialogue, Desk("console", "may-2"), clock)  # a second laptop
    console.call_next()  # A speaks
    clock.advance(minutes=2)
    console.start_answer(Answerer("Hoàng Văn Thắng", "Chủ tịch UBND", by_chair=True))  # A's speech ends
    clock.advance(minutes=1)
    other.call_next()  # B speaks, called from the second laptop
    with pytest.raises(Conflict) as err:
        console.undo()  # would put A back at the microphone beside B
    assert err.value.code == "undo.depends"
    assert "mời số 2 Lăng Thị Mỵ phát biểu" in str(err.value.params["later"])
    assert speaking(store, dialogue) == ["Lăng Thị Mỵ"]


def test_an_undo_is_refused_when_another_desk_built_on_what_it_made(store, clock, dialogue):
    registration = desk(store, dialogue, clock, "desk")
    console = desk(store, dialogue, clock)
    reg_id = registration.register(Slip("Lý Văn Tài", "Bản Chu", summary="Đèn đường hỏng"))
    issue = next(i for i in ledger(store, dialogue) if any(r.registration_id == reg_id for r in i.raisers))
    console.conclude([issue.id], ConclusionDraft("answered", "Đã trả lời tại hội nghị"))
    with pytest.raises(Conflict) as err:
        registration.undo()
    assert "kết luận kiến nghị số" in str(err.value.params["later"])
    assert [i.conclusion.text for i in ledger(store, dialogue) if i.id == issue.id] == ["Đã trả lời tại hội nghị"]


def test_redo_does_again_what_was_just_undone_and_only_that(store, clock, dialogue):
    console = desk(store, dialogue, clock)
    console.call_next()
    console.undo()
    assert speaking(store, dialogue) == []
    assert console.redo().what == "mời số 1 Hoàng Văn Páo phát biểu"
    assert speaking(store, dialogue) == ["Hoàng Văn Páo"]
    with pytest.raises(NotFound):
        console.redo()  # nothing undone any more
    console.undo()
    console.call_next()  # a new action: the undone one is gone for good
    with pytest.raises(NotFound):
        console.redo()
    # Undo after a redo takes the redone action back again.
    console.undo()
    console.redo()
    assert console.undo().action == "queue.next"


def test_undoing_notes_restores_the_earlier_text_and_the_history_keeps_the_newer(store, clock, dialogue):
    console = desk(store, dialogue, clock)
    step = meeting_view(store, dialogue).current_item_id
    console.save_notes(step, "Chủ trì nêu phương pháp đối thoại.")
    clock.advance(minutes=5)  # later, a new burst of typing
    console.save_notes(step, "Chủ trì nêu phương pháp đối thoại. Ông Páo hỏi về đất.")
    clock.advance(seconds=1)
    console.save_notes(step, "Chủ trì nêu phương pháp đối thoại. Ông Páo hỏi về đất đai.")
    console.undo()
    assert meeting_view(store, dialogue).current_step.notes == "Chủ trì nêu phương pháp đối thoại."
    notes = [r for r in history_rows(store, dialogue) if r.action == "agenda.notes"]
    assert [r.undone for r in notes] == [True, False]  # the burst is one action, kept, marked undone
    with store.read() as s:
        [change] = changes_of(s.get(Event, notes[0].id))
    assert change["after"]["notes"].endswith("Ông Páo hỏi về đất đai.")  # the newer text is kept


def test_the_history_tells_each_action_as_a_sentence(store, clock, dialogue):
    registration = desk(store, dialogue, clock, "desk")
    clock.set(datetime(2026, 3, 5, 8, 42))
    registration.register(Slip("Lý Văn Tài", "Bản Chu"))
    [row] = [r for r in history_rows(store, dialogue, limit=1)]
    line = f"{row.at:%H:%M} {desk_label(row.actor, row.desk)}: {sentence(row.action, row.facts)}"
    number = next(r.position for r in list_registrations(store, dialogue) if r.name == "Lý Văn Tài")
    assert line == f"08:42 Bàn đăng ký: ghi số {number} Lý Văn Tài"


def test_a_registration_number_never_changes_and_a_correction_is_one_undoable_action(store, clock, dialogue):
    console = desk(store, dialogue, clock)
    registration = desk(store, dialogue, clock, "desk")
    views = {r.name: r for r in list_registrations(store, dialogue)}
    pao = views["Hoàng Văn Páo"]
    console.mark_absent(pao.id)  # not in the hall: to the end of the queue
    again = {r.name: r for r in list_registrations(store, dialogue)}
    assert again["Hoàng Văn Páo"].position == pao.position  # the number told to him stays
    assert again["Hoàng Văn Páo"].queue_position > pao.queue_position
    registration.edit_registration(pao.id, Slip("Hoàng Văn Pảo", "Thôn Nà Pàn", field="đất đai", summary=pao.summary))
    assert {r.id: r.name for r in list_registrations(store, dialogue)}[pao.id] == "Hoàng Văn Pảo"
    assert registration.undo().what == f"sửa phiếu số {pao.position} Hoàng Văn Pảo"
    assert {r.id: r.name for r in list_registrations(store, dialogue)}[pao.id] == "Hoàng Văn Páo"


def test_a_closed_meeting_refuses_a_late_registration(store, clock, dialogue):
    console = desk(store, dialogue, clock)
    console.close_meeting("Còn kiến nghị chưa kết luận, văn phòng tổng hợp sau.")
    with pytest.raises(Conflict) as err:
        desk(store, dialogue, clock, "desk").register(Slip("Người đến muộn", "Bản Chu", summary="Ý kiến"))
    assert err.value.code == "registration.closed"
    assert "Người đến muộn" not in [r.name for r in list_registrations(store, dialogue)]


def test_the_floor_is_given_only_while_the_meeting_is_held(store, clock):
    mid = create_demo(store, at=clock())
    console = desk(store, mid, clock)
    waiting = list_registrations(store, mid)[0]
    for call in (console.call_next, lambda: console.call(waiting.id)):
        with pytest.raises(Conflict) as err:
            call()
        assert err.value.code == "queue.not_started"
    assert speaking(store, mid) == []
    console.start_meeting()
    assert console.call_next() == waiting.id
    console.close_meeting("Hết giờ.")
    assert speaking(store, mid) == []  # closing takes the floor back
    console.undo()
    assert speaking(store, mid) == [waiting.name] and meeting_view(store, mid).status == "running"
    console.start_answer(Answerer("Hoàng Văn Thắng", "Chủ tịch UBND", by_chair=True))
    console.close_meeting("Hết giờ.")
    with store.read() as s:
        assert running_answers(s, mid) == 0  # and stops the clock of the answer being given
    for call in (console.call_next, lambda: console.call(list_registrations(store, mid)[1].id)):
        with pytest.raises(Conflict) as err:
            call()
        assert err.value.code == "queue.closed"
    assert speaking(store, mid) == []


def test_the_history_names_each_document_exported_and_the_desk_that_exported_it(store, clock, tmp_path):
    from exports.run import export

    mid = create_demo(store, at=clock(), finished=True)
    console = Desk("console", "may-1")
    export(store, mid, "minutes", tmp_path, today=clock().date(), at=clock(), actor=console.kind, desk=console.id)
    export(store, mid, "conclusion", tmp_path, today=clock().date(), at=clock(), actor="office", desk="office@vp")
    rows = history_rows(store, mid, limit=2)
    lines = [f"{desk_label(r.actor, r.desk)}: {sentence(r.action, r.facts)}" for r in rows]
    assert lines == ["Văn phòng: xuất thông báo kết luận", "Bàn thư ký: xuất biên bản hội nghị"]
    assert sentence("export.document", {"kinds": ["minutes", "pdf"]}) == "xuất biên bản hội nghị, kèm bản PDF"
    # Every kind of file an export writes is named in words, never by its internal name.
    export(store, mid, "announcement", tmp_path, today=clock().date(), at=clock(), actor="office", desk="office@vp")
    [row] = history_rows(store, mid, limit=1)
    assert sentence(row.action, row.facts) == "xuất bản đọc trên loa (.txt), thông báo truyền thanh"


def test_undo_passes_over_an_export_the_file_and_its_record_stay(store, clock, dialogue, tmp_path):
    from exports.run import export
    from session.domain.exports_log import export_history

    console = desk(store, dialogue, clock)
    console.save_notes(meeting_view(store, dialogue).current_item_id, "Ông Páo hỏi về sổ đỏ")
    [path] = export(
        store, dialogue, "minutes", tmp_path, today=clock().date(), at=clock(), actor="console", desk=console.desk.id
    )
    undone = console.undo()
    assert undone.action == "agenda.notes"  # the action before the export
    assert path.exists() and len(export_history(store, dialogue)) == 1
    console.redo()  # an export since the undo does not stand in redo's way
    assert meeting_view(store, dialogue).current_step.notes == "Ông Páo hỏi về sổ đỏ"


def test_neither_an_answer_nor_a_redo_gives_the_floor_in_a_closed_meeting(store, clock, dialogue):
    console, office = desk(store, dialogue, clock), desk(store, dialogue, clock, "office")
    console.call_next()
    console.undo()  # the call taken back
    office.close_meeting("Hết giờ.")
    with pytest.raises(Conflict):
        console.redo()  # would leave someone speaking in a closed meeting
    assert speaking(store, dialogue) == []
    with pytest.raises(Conflict) as err:
        console.start_answer(Answerer("Hoàng Văn Thắng", "Chủ tịch UBND", by_chair=True))
    assert err.value.code == "queue.closed"
    with store.read() as s:
        assert running_answers(s, dialogue) == 0
