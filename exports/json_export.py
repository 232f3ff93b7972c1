"""The meeting's archive as JSON (hồ sơ lưu trữ): every row of the meeting — its unit and
what its documents print are columns of the meeting —, its exports and its event log, ISO
8601 dates, UTF-8 text unescaped. ``hoinghi import json`` reads it back as a new meeting
(``session.domain.archive``)."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement
from sqlmodel import SQLModel, col, select

from models.attendance import AttendanceGroup, Participant
from models.changes import row_values
from models.errors import HoinghiError
from models.ledger import AnswerIssue, Conclusion, Issue, IssueRaiser
from models.office import ExportRecord
from models.planning import DutyRecord, IssuePreparation
from models.store import Store
from models.survey import Survey, SurveyBallot, SurveyQuestion, SurveyTotal
from models.tables import AgendaItem, Answer, Event, FieldLimit, Meeting, Plan, Registration, table_of

FORMAT = "hoinghi-meeting/2"


def meeting_data(store: Store, meeting_id: int) -> dict[str, Any]:
    from session.domain.duties import replies_due
    from session.domain.settings import get_settings

    office = get_settings(store)
    due = replies_due(store, [meeting_id]).get(meeting_id)
    with store.read() as s:
        meeting = s.get(Meeting, meeting_id)
        if meeting is None:
            raise HoinghiError("meeting.not_found", id=meeting_id)
        plan = s.get(Plan, meeting.plan_id) if meeting.plan_id is not None else None
        issue_ids = list(s.exec(select(Issue.id).where(Issue.meeting_id == meeting_id)))
        answer_ids = list(s.exec(select(Answer.id).where(Answer.meeting_id == meeting_id)))
        survey_ids = list(s.exec(select(Survey.id).where(Survey.meeting_id == meeting_id)))

        def rows(model: type[SQLModel], *conditions: ColumnElement[bool] | bool) -> list[dict[str, Any]]:
            query = select(model)
            for condition in conditions:
                query = query.where(condition)
            return [row_values(r) for r in s.exec(query.order_by(*table_of(model).primary_key.columns))]

        return {
            "format": FORMAT,
            # The office's names win over the meeting's on documents; a roll-up needs them too.
            "office": {"issuing_body": office.issuing_body, "place_name": office.place_name},
            # When the replies are due as the office's duties count them (its plan's figures,
            # the notice's date): a roll-up elsewhere counts the same.
            "deadlines": {"replies": due.plain, "replies_verified": due.verified} if due else {},
            "meeting": row_values(meeting),
            "attendance_group": rows(AttendanceGroup, AttendanceGroup.meeting_id == meeting_id),
            "participant": rows(Participant, Participant.meeting_id == meeting_id),
            "agenda_item": rows(AgendaItem, AgendaItem.meeting_id == meeting_id),
            "field_limit": rows(FieldLimit, FieldLimit.meeting_id == meeting_id),
            "registration": rows(Registration, Registration.meeting_id == meeting_id),
            "issue": rows(Issue, Issue.meeting_id == meeting_id),
            "issue_raiser": rows(IssueRaiser, col(IssueRaiser.issue_id).in_(issue_ids)),
            "answer": rows(Answer, Answer.meeting_id == meeting_id),
            "answer_issue": rows(AnswerIssue, col(AnswerIssue.answer_id).in_(answer_ids)),
            "conclusion": rows(Conclusion, col(Conclusion.issue_id).in_(issue_ids)),
            "plan": row_values(plan) if plan is not None else None,
            "duty_record": rows(DutyRecord, DutyRecord.meeting_id == meeting_id),
            "issue_preparation": rows(IssuePreparation, IssuePreparation.meeting_id == meeting_id),
            "export_record": rows(ExportRecord, ExportRecord.meeting_id == meeting_id),
            "survey": rows(Survey, Survey.meeting_id == meeting_id),
            "survey_question": rows(SurveyQuestion, col(SurveyQuestion.survey_id).in_(survey_ids)),
            "survey_ballot": rows(SurveyBallot, col(SurveyBallot.survey_id).in_(survey_ids)),
            "survey_total": rows(SurveyTotal, col(SurveyTotal.survey_id).in_(survey_ids)),
            "event": [
                {**row_values(e), "payload": json.loads(e.payload)}
                for e in s.exec(select(Event).where(Event.meeting_id == meeting_id).order_by(col(Event.id)))
            ],
        }


def _default(value: object) -> str:
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def json_bytes(store: Store, meeting_id: int) -> bytes:
    data = meeting_data(store, meeting_id)
    return json.dumps(data, ensure_ascii=False, indent=1, default=_default).encode("utf-8")
