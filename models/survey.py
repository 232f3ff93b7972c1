"""The satisfaction survey of a meeting (lấy ý kiến về sự hài lòng của Nhân dân).

A survey keeps its own copy of the questionnaire (questions and answer choices), so the
ballots already typed keep their meaning when the office edits the questionnaire file.
Ballots typed one by one and totals counted on paper are both kept; the results add them.
"""

from datetime import datetime

from sqlalchemy import Column, DateTime, Index, Text
from sqlmodel import Field

from models.row import Row
from models.tables import table_of


class Survey(Row, table=True):
    """The survey of one meeting (phiếu lấy ý kiến) with the questionnaire it was started with."""

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", unique=True)
    form: str = ""  # name of the questionnaire file it was copied from
    title: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    intro: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    created_at: datetime | None = Field(default=None, sa_type=DateTime)
    total_ballots: int = 0  # ballots counted on paper (entered as totals)


class SurveyQuestion(Row, table=True):
    """A question of the survey (câu hỏi) and its answer choices, JSON list, in key order."""

    __tablename__ = "survey_question"
    id: int | None = Field(default=None, primary_key=True)
    survey_id: int = Field(foreign_key="survey.id", ondelete="CASCADE", index=True)
    position: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    short: str = ""  # a few words for screens and tables
    choices: str = Field(default="[]", sa_column=Column(Text, nullable=False, default="[]"))


class SurveyBallot(Row, table=True):
    """One ballot typed in (phiếu): one digit per question, the choice's number, 0 = no answer."""

    __tablename__ = "survey_ballot"
    id: int | None = Field(default=None, primary_key=True)
    survey_id: int = Field(foreign_key="survey.id", ondelete="CASCADE")
    number: int  # 1, 2, 3… in the order typed
    answers: str
    entered_at: datetime | None = Field(default=None, sa_type=DateTime)

    __table_args__ = (Index("ix_survey_ballot_number", "survey_id", "number"),)


class SurveyTotal(Row, table=True):
    """A count of paper ballots for one answer of one question (tổng hợp phiếu)."""

    __tablename__ = "survey_total"
    id: int | None = Field(default=None, primary_key=True)
    survey_id: int = Field(foreign_key="survey.id", ondelete="CASCADE", index=True)
    question_position: int
    choice: int  # 1… the choice's number
    count: int = 0


SURVEY_TABLES = tuple(table_of(model) for model in (Survey, SurveyQuestion, SurveyBallot, SurveyTotal))
