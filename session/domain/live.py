"""What the live console shows, read in one go: the meeting, its agenda, the queue load."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import select

from models.store import Store
from models.tables import Registration
from session.domain.clocks import QueueLoad
from session.domain.meetings import meeting_view
from session.domain.views import MeetingView


@dataclass(frozen=True)
class LiveState:
    view: MeetingView
    queue: QueueLoad


def queue_load(store: Store, view: MeetingView, now: datetime) -> QueueLoad:
    default = view.speech_limit_seconds
    with store.read() as s:
        waiting, limits = s.exec(
            select(func.count(), func.coalesce(func.sum(func.coalesce(Registration.limit_seconds, default)), 0)).where(
                Registration.meeting_id == view.id, Registration.status == "waiting"
            )
        ).one()
        speaking = s.exec(
            select(Registration).where(Registration.meeting_id == view.id, Registration.status == "speaking")
        ).first()
    left = 0.0
    if speaking is not None and speaking.started_at is not None:
        end = speaking.paused_at or now
        used = (end - speaking.started_at).total_seconds() - speaking.paused_seconds
        left = max(0.0, (speaking.limit_seconds or default) - used)
    return QueueLoad(waiting=int(waiting), waiting_seconds=float(limits), speaking_left=left)


def load_live(store: Store, meeting_id: int, now: datetime) -> LiveState:
    view = meeting_view(store, meeting_id)
    return LiveState(view=view, queue=queue_load(store, view, now))
