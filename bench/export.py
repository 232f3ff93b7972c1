"""Minutes export of a big meeting: 300 speeches and 500 issues (issue: documents).

Prints our time (reading the record, building, durable atomic write; the second export
of the process, so both sides are warm), the time python-docx alone takes to write and
sync the same paragraphs (same run), their ratio, the first (cold) export, and the peak
memory of the export process.

Run: .venv/bin/python bench/export.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = """
import os, resource, sys, time
from datetime import date
from pathlib import Path
from models.store import Store
from exports.run import export
from docx import Document

store = Store.open(sys.argv[1])
meeting_id, out = int(sys.argv[2]), Path(sys.argv[3])
start = time.perf_counter()
export(store, meeting_id, "minutes", out / "bb.docx", today=date.today(), force=True)
cold = time.perf_counter() - start
start = time.perf_counter()
export(store, meeting_id, "minutes", out / "bb.docx", today=date.today(), force=True)
ours = time.perf_counter() - start

# python-docx alone: the same paragraph texts, saved and synced to disk like ours.
texts = [p.text for p in Document(str(out / "bb.docx")).paragraphs]
start = time.perf_counter()
plain = Document()
for text in texts:
    plain.add_paragraph(text)
plain.save(str(out / "plain.docx"))
with open(out / "plain.docx", "rb+") as fh:
    os.fsync(fh.fileno())
floor = time.perf_counter() - start
print(ours, floor, len(texts), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, cold)
"""


def build(db: str) -> int:
    from models.ledger import AnswerIssue, Conclusion, Issue, IssueRaiser
    from models.store import Store
    from models.tables import Answer, Registration
    from models.text import fold
    from session.domain.demo import create_demo

    store = Store.open(db)
    at = datetime(2026, 3, 5, 7, 0)
    meeting_id = create_demo(store, at=at, finished=True)
    clock = datetime(2026, 3, 5, 8, 30)
    with store.action("bench.fill", at=at, meeting_id=meeting_id, actor="system") as tx:
        regs = []
        for n in range(300):
            reg = tx.add(
                Registration(
                    meeting_id=meeting_id,
                    speaker_name=f"Nguyễn Văn Bench {n}",
                    name_key=fold(f"Nguyễn Văn Bench {n}"),
                    locality="Thôn Nà Pàn",
                    field="đất đai",
                    summary="Đề nghị cấp giấy chứng nhận quyền sử dụng đất.",
                    status="done",
                    started_at=clock + timedelta(minutes=n),
                    ended_at=clock + timedelta(minutes=n, seconds=50),
                    number=1000 + n,
                    queue_position=1000 + n,
                )
            )
            regs.append(reg)
        tx.flush()
        for n in range(500):
            issue = tx.add(
                Issue(
                    meeting_id=meeting_id,
                    position=1000 + n,
                    field="đất đai",
                    content=f"Kiến nghị số {n}: đề nghị sớm giải quyết hồ sơ đất đai của hộ gia đình.",
                )
            )
            tx.flush()
            tx.add(IssueRaiser(issue_id=issue.id, registration_id=regs[n % 300].id))
            answer = tx.add(
                Answer(
                    meeting_id=meeting_id,
                    answerer_name="Triệu Văn Long",
                    answerer_title="Trưởng phòng Kinh tế",
                    summary="Hồ sơ đang được thẩm định, sẽ trả kết quả trong tháng.",
                )
            )
            tx.flush()
            tx.add(AnswerIssue(answer_id=answer.id, issue_id=issue.id))
            tx.add(
                Conclusion(
                    issue_id=issue.id,
                    outcome="assigned",
                    lead_agency="Phòng Kinh tế",
                    text="Giao Phòng Kinh tế hoàn thiện hồ sơ.",
                    deadline=datetime(2026, 4, 16).date(),
                )
            )
    store.close()
    return meeting_id


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.db")
        meeting_id = build(db)
        runs = []
        for _ in range(3):
            out = subprocess.run(
                [sys.executable, "-c", CHILD, db, str(meeting_id), folder],
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=True,
            ).stdout.split()
            runs.append((float(out[0]), float(out[1]), int(out[2]), int(out[3]), float(out[4])))
        ours = statistics.median(r[0] for r in runs)
        floor = statistics.median(r[1] for r in runs)
        peak = max(r[3] for r in runs) / 1024
        cold = statistics.median(r[4] for r in runs)
        print(
            f"minutes, 300 speeches + 500 issues ({runs[0][2]} paragraphs): {ours * 1000:.0f} ms  (target < 2000);"
            f" first export of the process {cold * 1000:.0f} ms"
        )
        print(f"python-docx alone, same paragraphs, saved and synced: {floor * 1000:.0f} ms")
        print(f"  ratio ours/python-docx: {ours / floor:.2f}  (target < 1.3)")
        print(f"peak memory of the export process: {peak:.0f} MB  (target < 300)")


if __name__ == "__main__":
    main()
