"""Minutes export time against the size of the meeting: 300, 3,000 and 30,000 speeches, each
with its petition, the answer and the chair's conclusion (issue: documents).

Prints, for each size, the export time (reading the record, building the document,
durable atomic write) and the time per speech; then the ratio of the time per speech of
the largest meeting to the smallest's. Linear growth keeps it within 1.5.

Run: .venv/bin/python bench/minutes.py  [sizes…]
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from models.tables import table_of

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = (300, 3_000, 30_000)


def build(db: str, speeches: int) -> int:
    """The finished demo meeting with *speeches* more speeches, written in bulk."""
    from models.ledger import AnswerIssue, Conclusion, Issue, IssueRaiser
    from models.store import Store
    from models.tables import Answer, Registration
    from session.domain.demo import create_demo

    store = Store.open(db)
    meeting_id = create_demo(store, at=datetime(2026, 3, 5, 7, 0), finished=True)
    start = datetime(2026, 3, 5, 8, 30)
    base = 1_000_000
    fields = ("đất đai", "giao thông", "môi trường", "an sinh xã hội")
    with store.engine.begin() as conn:
        conn.execute(
            table_of(Registration).insert(),
            [
                {
                    "id": base + n,
                    "meeting_id": meeting_id,
                    "speaker_name": f"Nguyễn Văn Bench {n}",
                    "name_key": f"nguyen van bench {n}",
                    "locality": f"Tổ dân phố {n % 40 + 1}",
                    "locality_key": f"to dan pho {n % 40 + 1}",
                    "role": "citizen",
                    "organisation": "",
                    "field": fields[n % 4],
                    "summary": "Đề nghị sớm giải quyết hồ sơ của hộ gia đình.",
                    "summary_key": "",
                    "source": "hall",
                    "phone": "",
                    "status": "done",
                    "started_at": start + timedelta(seconds=n),
                    "ended_at": start + timedelta(seconds=n, milliseconds=500),
                    "paused_seconds": 0.0,
                    "absent_count": 0,
                    "queue_position": 1000 + n,
                }
                for n in range(speeches)
            ],
        )
        conn.execute(
            table_of(Issue).insert(),
            [
                {
                    "id": base + n,
                    "meeting_id": meeting_id,
                    "position": 1000 + n,
                    "content": f"Kiến nghị số {n}: đề nghị sớm giải quyết hồ sơ đất đai của hộ gia đình.",
                    "content_key": "",
                    "field": fields[n % 4],
                    "in_scope": True,
                }
                for n in range(speeches)
            ],
        )
        conn.execute(
            table_of(IssueRaiser).insert(),
            [{"issue_id": base + n, "registration_id": base + n} for n in range(speeches)],
        )
        conn.execute(
            table_of(Answer).insert(),
            [
                {
                    "id": base + n,
                    "meeting_id": meeting_id,
                    "answerer_name": "Triệu Văn Long",
                    "answerer_title": "Trưởng phòng Kinh tế",
                    "answerer_agency": "Phòng Kinh tế",
                    "by_chair": False,
                    "summary": "Hồ sơ đang được thẩm định, sẽ trả kết quả trong tháng.",
                }
                for n in range(speeches)
            ],
        )
        conn.execute(
            table_of(AnswerIssue).insert(), [{"answer_id": base + n, "issue_id": base + n} for n in range(speeches)]
        )
        conn.execute(
            table_of(Conclusion).insert(),
            [
                {
                    "issue_id": base + n,
                    "outcome": "assigned",
                    "text": "Giao Phòng Kinh tế hoàn thiện hồ sơ.",
                    "lead_agency": "Phòng Kinh tế",
                    "partners": "",
                    "task": "",
                    "deadline": date(2026, 4, 16),
                    "reply_method": "",
                    "forwarded_to": "",
                    "followup_status": "not_started",
                    "reply_number": "",
                    "extension_reason": "",
                }
                for n in range(speeches)
            ],
        )
    store.close()
    return meeting_id


def measure(speeches: int) -> float:
    from exports.run import export
    from models.store import Store

    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.db")
        meeting_id = build(db, speeches)
        store = Store.open(db)
        try:
            begin = time.perf_counter()
            export(store, meeting_id, "minutes", Path(folder) / "bb.docx", today=date(2026, 3, 9))
            return time.perf_counter() - begin
        finally:
            store.close()


def main() -> None:
    sizes = tuple(int(a) for a in sys.argv[1:]) or SIZES
    per_speech = []
    for size in sizes:
        seconds = measure(size)
        per_speech.append(seconds / size)
        print(f"minutes, {size:>6} speeches: {seconds:8.2f} s   {seconds / size * 1000:6.3f} ms per speech")
    ratio = per_speech[-1] / per_speech[0]
    print(f"time per speech, {sizes[-1]} vs {sizes[0]} speeches: {ratio:.2f}×  (target ≤ 1.5)")


if __name__ == "__main__":
    main()
