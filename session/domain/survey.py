"""The satisfaction survey (lấy ý kiến về sự hài lòng của Nhân dân) after a meeting.

Ballots are typed one key per answer, or counted on paper and entered as totals; the
results add both: counts and percentages per question. Every write is a function of the
transaction with all its checks inside; the caller wraps it in ``store.action``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import col, delete, select

from models.errors import Conflict, HoinghiError, NotFound
from models.store import Store, Tx
from models.survey import Survey, SurveyBallot, SurveyQuestion, SurveyTotal
from models.tables import Meeting, stored_id
from session.domain.survey_forms import FormQuestion, SurveyForm, get_form

ACTOR = "office"  # the office (or the Front committee's clerk) types the ballots in
NO_ANSWER = 0


# --- results as plain data -------------------------------------------------------------


@dataclass(frozen=True)
class ChoiceResult:
    text: str
    count: int
    percent: float


@dataclass(frozen=True)
class QuestionResult:
    """One question's results (kết quả): each choice with its count and share of the ballots."""

    position: int
    text: str
    short: str
    choices: tuple[ChoiceResult, ...]
    blank: int  # ballots without an answer to this question
    blank_percent: float

    @property
    def ballots(self) -> int:
        return sum(c.count for c in self.choices) + self.blank


@dataclass(frozen=True)
class SurveyResults:
    meeting_id: int
    started: bool  # False: nothing entered yet; the questions are the default questionnaire's
    form: str
    title: str
    questions: tuple[QuestionResult, ...]
    typed: int  # ballots typed one by one
    paper: int  # ballots counted on paper, entered as totals
    paper_counts: tuple[tuple[int, ...], ...]  # the totals entered, per question and answer
    last_ballot: tuple[int, str] | None  # (number, answers) of the newest typed ballot

    @property
    def ballots(self) -> int:
        return self.typed + self.paper


def percentages(counts: Sequence[int]) -> list[float]:
    """Each count's share of the total in percent, one decimal, rounded half up as a person
    checking the figure by hand would (38 of 60 is 63.3; the shares may add up to 99.9)."""
    total = sum(counts)
    if total <= 0:
        return [0.0 for _ in counts]
    return [((c * 2000 // total) + 1) // 2 / 10 for c in counts]


def parse_counts(text: str) -> list[int]:
    """ "40, 15 5" -> [40, 15, 5]: the counts of one question's answers, as typed."""
    try:
        return [int(n) for n in text.replace(",", " ").replace(";", " ").split()]
    except ValueError:
        raise HoinghiError("survey.bad_count", value=text.strip()) from None


def parse_totals(text: str) -> list[list[int]]:
    """ "40,15,5; 38,17,5" -> [[40, 15, 5], [38, 17, 5]]: one group per question."""
    return [parse_counts(part) for part in text.split(";") if part.strip()]


def tally(
    questions: Sequence[tuple[str, str, Sequence[str]]],
    answers: Iterable[str],
    totals: Iterable[tuple[int, int, int]],
    paper: int,
) -> tuple[tuple[QuestionResult, ...], int]:
    """Count typed ballots (*answers*: one digit per question) and paper totals
    (*totals*: question position, choice, count; *paper* ballots in all).
    Returns the results per question and the number of typed ballots."""
    counts = [[0] * (len(choices) + 1) for _text, _short, choices in questions]  # [0] = no answer
    typed = 0
    for ballot in answers:
        typed += 1
        for position, digit in enumerate(ballot[: len(counts)]):
            choice = int(digit) if digit.isdigit() else NO_ANSWER
            row = counts[position]
            row[choice if choice < len(row) else NO_ANSWER] += 1
    paper_given = [0] * len(counts)
    for position, choice, count in totals:
        if 1 <= position <= len(counts) and 1 <= choice < len(counts[position - 1]):
            counts[position - 1][choice] += count
            paper_given[position - 1] += count
    results = []
    for position, ((text, short, choices), row) in enumerate(zip(questions, counts, strict=True), start=1):
        row[NO_ANSWER] += max(0, paper - paper_given[position - 1])
        shares = percentages([*row[1:], row[NO_ANSWER]])
        results.append(
            QuestionResult(
                position=position,
                text=text,
                short=short,
                choices=tuple(ChoiceResult(c, n, p) for c, n, p in zip(choices, row[1:], shares, strict=False)),
                blank=row[NO_ANSWER],
                blank_percent=shares[-1],
            )
        )
    return tuple(results), typed


# --- writes (each inside the caller's transaction) --------------------------------------


def _survey(tx: Tx, meeting_id: int) -> Survey | None:
    if tx.session.get(Meeting, meeting_id) is None:
        raise HoinghiError("meeting.not_found", id=meeting_id)
    return tx.session.exec(select(Survey).where(Survey.meeting_id == meeting_id)).first()


def _questions(tx: Tx, survey_id: int) -> list[SurveyQuestion]:
    return list(
        tx.session.exec(
            select(SurveyQuestion).where(SurveyQuestion.survey_id == survey_id).order_by(col(SurveyQuestion.position))
        )
    )


def _add_questions(tx: Tx, survey: Survey, form: SurveyForm) -> None:
    for position, q in enumerate(form.questions, start=1):
        tx.add(
            SurveyQuestion(
                survey_id=stored_id(survey),
                position=position,
                text=q.text,
                short=q.short,
                choices=json.dumps(list(q.choices), ensure_ascii=False),
            )
        )
    tx.flush()


def _open_survey(tx: Tx, meeting_id: int, at: datetime) -> Survey:
    """The meeting's survey; the first entry starts it with the default questionnaire."""
    survey = _survey(tx, meeting_id)
    if survey is not None:
        return survey
    form = get_form()
    survey = Survey(meeting_id=meeting_id, form=form.name, title=form.title, intro=form.intro, created_at=at)
    tx.add(survey)
    tx.flush()
    _add_questions(tx, survey, form)
    return survey


def _has_entries(tx: Tx, survey: Survey) -> bool:
    typed = tx.session.exec(
        select(func.count()).select_from(SurveyBallot).where(SurveyBallot.survey_id == survey.id)
    ).one()
    return bool(typed or survey.total_ballots)


def choose_form(tx: Tx, meeting_id: int, form: SurveyForm, *, at: datetime) -> None:
    """Use questionnaire *form* for the meeting's survey; refused once ballots are in."""
    survey = _survey(tx, meeting_id)
    if survey is None:
        survey = Survey(meeting_id=meeting_id, created_at=at)
        tx.add(survey)
        tx.flush()
    elif _has_entries(tx, survey):
        raise Conflict("survey.has_ballots")
    for question in _questions(tx, stored_id(survey)):
        tx.delete(question)
    tx.flush()
    survey.form, survey.title, survey.intro = form.name, form.title, form.intro
    _add_questions(tx, survey, form)


def add_ballot(tx: Tx, meeting_id: int, answers: Sequence[int], *, at: datetime) -> int:
    """Record one ballot (phiếu): the choice's number for each question, 0 = no answer.
    Returns the ballot's number."""
    survey = _open_survey(tx, meeting_id, at)
    questions = _questions(tx, stored_id(survey))
    if len(answers) != len(questions):
        raise HoinghiError("survey.ballot_length", expected=len(questions), got=len(answers))
    for question, answer in zip(questions, answers, strict=True):
        choices = json.loads(question.choices)
        if not isinstance(answer, int) or not 0 <= answer <= len(choices):
            raise HoinghiError("survey.bad_answer", question=question.position, value=answer, most=len(choices))
    top = tx.session.exec(select(func.max(SurveyBallot.number)).where(SurveyBallot.survey_id == survey.id)).one() or 0
    tx.add(
        SurveyBallot(
            survey_id=stored_id(survey), number=top + 1, answers="".join(str(a) for a in answers), entered_at=at
        )
    )
    return top + 1


def remove_last_ballot(tx: Tx, meeting_id: int) -> int:
    """Take back the newest typed ballot (a mistyped one); returns its number."""
    survey = _survey(tx, meeting_id)
    last = None
    if survey is not None:
        last = tx.session.exec(
            select(SurveyBallot).where(SurveyBallot.survey_id == survey.id).order_by(col(SurveyBallot.number).desc())
        ).first()
    if last is None:
        raise NotFound("survey.no_ballot")
    number = last.number
    tx.delete(last)
    return number


def set_totals(tx: Tx, meeting_id: int, ballots: int, counts: Sequence[Sequence[int]], *, at: datetime) -> None:
    """Enter the totals of ballots counted on paper (tổng hợp phiếu): *ballots* collected and,
    per question, how many chose each answer. Replaces totals entered before; typed ballots stay."""
    survey = _open_survey(tx, meeting_id, at)
    questions = _questions(tx, stored_id(survey))
    if not isinstance(ballots, int) or ballots < 0:
        raise HoinghiError("survey.bad_count", value=ballots)
    if len(counts) != len(questions):
        raise HoinghiError("survey.totals_length", expected=len(questions), got=len(counts))
    for question, row in zip(questions, counts, strict=True):
        choices = json.loads(question.choices)
        if len(row) != len(choices):
            raise HoinghiError("survey.totals_choices", question=question.position, expected=len(choices), got=len(row))
        if any(not isinstance(n, int) or n < 0 for n in row):
            raise HoinghiError("survey.bad_count", value=", ".join(str(n) for n in row))
        if sum(row) > ballots:
            raise HoinghiError("survey.totals_over", question=question.position, sum=sum(row), ballots=ballots)
    tx.session.exec(delete(SurveyTotal).where(col(SurveyTotal.survey_id) == survey.id))
    tx.flush()
    for question, row in zip(questions, counts, strict=True):
        for choice, count in enumerate(row, start=1):
            if count:
                tx.add(
                    SurveyTotal(
                        survey_id=stored_id(survey), question_position=question.position, choice=choice, count=count
                    )
                )
    survey.total_ballots = ballots


# --- reading -----------------------------------------------------------------------------


def survey_results(store: Store, meeting_id: int) -> SurveyResults:
    """Counts and percentages per question; before anything is entered, the default
    questionnaire's questions with zeros."""
    with store.read() as s:
        if s.get(Meeting, meeting_id) is None:
            raise HoinghiError("meeting.not_found", id=meeting_id)
        survey = s.exec(select(Survey).where(Survey.meeting_id == meeting_id)).first()
        if survey is None:
            form = get_form()
            questions = [(q.text, q.short, q.choices) for q in form.questions]
            results, _ = tally(questions, [], [], 0)
            zeros = tuple(tuple(0 for _ in q.choices) for q in form.questions)
            return SurveyResults(meeting_id, False, form.name, form.title, results, 0, 0, zeros, None)
        rows = s.exec(
            select(SurveyQuestion.text, SurveyQuestion.short, SurveyQuestion.choices)
            .where(SurveyQuestion.survey_id == survey.id)
            .order_by(col(SurveyQuestion.position))
        ).all()
        ballots = s.exec(
            select(SurveyBallot.number, SurveyBallot.answers)
            .where(SurveyBallot.survey_id == survey.id)
            .order_by(col(SurveyBallot.number))
        ).all()
        totals = s.exec(
            select(SurveyTotal.question_position, SurveyTotal.choice, SurveyTotal.count).where(
                SurveyTotal.survey_id == survey.id
            )
        ).all()
    questions = [(text, short, tuple(json.loads(choices))) for text, short, choices in rows]
    results, typed = tally(questions, (a for _n, a in ballots), totals, survey.total_ballots)
    paper_counts = [[0] * len(choices) for _t, _s, choices in questions]
    for position, choice, count in totals:
        if 1 <= position <= len(paper_counts) and 1 <= choice <= len(paper_counts[position - 1]):
            paper_counts[position - 1][choice - 1] += count
    last = (ballots[-1][0], ballots[-1][1]) if ballots else None
    return SurveyResults(
        meeting_id,
        True,
        survey.form,
        survey.title,
        results,
        typed,
        survey.total_ballots,
        tuple(tuple(row) for row in paper_counts),
        last,
    )


def survey_form_of(store: Store, meeting_id: int) -> SurveyForm:
    """The questionnaire a blank ballot of the meeting prints: its survey's, or the default."""
    with store.read() as s:
        survey = s.exec(select(Survey).where(Survey.meeting_id == meeting_id)).first()
        if survey is None:
            return get_form()
        rows = s.exec(
            select(SurveyQuestion.text, SurveyQuestion.short, SurveyQuestion.choices)
            .where(SurveyQuestion.survey_id == survey.id)
            .order_by(col(SurveyQuestion.position))
        ).all()
    return SurveyForm(
        name=survey.form,
        title=survey.title,
        intro=survey.intro,
        questions=tuple(FormQuestion(text, short, tuple(json.loads(c))) for text, short, c in rows),
    )
