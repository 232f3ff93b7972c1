"""Forms of the ledger: a petition, an answer, the chair's conclusion."""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Label, OptionList, Select, Static

from models.errors import HoinghiError
from session.domain.answers import answerers
from session.domain.calendar import working_days_left
from session.domain.dates import WEEKDAYS_EN, WEEKDAYS_VI, fmt_date, parse_date
from session.domain.fields import get_fields
from session.domain.ledger import OUTCOMES, ConclusionDraft, ConclusionView, IssueView, default_deadline
from session.domain.units import place_words
from session.i18n import error_text, language, t
from session.tui.screens.form import FormMessage, FormScreen
from session.tui.widgets.field import Input
from session.tui.widgets.tick import Tick


class _Form(FormScreen[bool]):
    BINDINGS = [Binding("escape", "cancel", "key.cancel")]

    def buttons(self) -> ComposeResult:
        yield FormMessage("", id="form-error", classes="error")
        with Horizontal(classes="buttons"):
            yield Button(t("key.save"), variant="primary", id="save")
            yield Button(t("key.cancel"), id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self._try_save()
        elif event.button.id == "cancel":
            self.action_cancel()  # as Esc: typed text is not dropped without a word

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self._try_save()

    @on(Select.Changed)
    def _choice_made(self) -> None:
        """A choice made answers the message that asked for it: the message goes."""
        self.query_one("#form-error", Static).update("")

    def save_form(self) -> bool:
        self._try_save()
        return True

    def _try_save(self) -> None:
        try:
            self.save()
        except HoinghiError as exc:
            self.query_one("#form-error", Static).update(error_text(exc))
            return
        self.hoinghi.poll_store()
        self.dismiss(True)

    def save(self) -> None:  # pragma: no cover — each form defines it
        raise NotImplementedError

    def action_cancel(self) -> None:
        if not self.may_leave():
            return
        self.dismiss(False)


class IssueForm(_Form):
    def __init__(self, meeting_id: int, *, issue: IssueView | None = None, raiser_id: int | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.issue = issue
        self.raiser_id = raiser_id

    def compose(self) -> ComposeResult:
        fields = get_fields(self.hoinghi.store)
        issue = self.issue
        with Vertical(classes="dialog wide"):
            yield Static(t("issue.form.edit" if issue else "issue.form.add"), classes="dialog-title")
            yield Label(t("issue.form.content"))
            yield Input(issue.content if issue else "", id="issue-content")
            yield Label(t("issue.form.field"))
            options = [("—", "")] + [(f, f) for f in fields]
            if issue and issue.field and issue.field not in fields:
                options.append((issue.field, issue.field))
            yield Select(options, value=issue.field if issue else "", allow_blank=False, id="issue-field")
            yield Tick(t("issue.form.outside"), value=bool(issue and not issue.in_scope), id="issue-outside")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#issue-content", Input).focus()

    def save(self) -> None:
        content = self.query_one("#issue-content", Input).value
        field = str(self.query_one("#issue-field", Select).value)
        in_scope = not self.query_one("#issue-outside", Checkbox).value
        ws = self.hoinghi.workstation(self.meeting_id)
        if self.issue is None:
            raisers = [self.raiser_id] if self.raiser_id is not None else []
            ws.add_issue(content, field=field, in_scope=in_scope, raisers=raisers)
        else:
            ws.edit_issue(self.issue.id, content=content, field=field, in_scope=in_scope, expected=self.issue.content)


class AnswerForm(_Form):
    """Who answered (picked from the chair and officials, or typed) and what was said."""

    def __init__(self, meeting_id: int, issue_ids: list[int]) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.issue_ids = issue_ids

    def compose(self) -> ComposeResult:
        self.people = answerers(self.hoinghi.store, self.meeting_id)
        with Vertical(classes="dialog wide"):
            yield Static(t("answer.form.title", count=len(self.issue_ids)), classes="dialog-title")
            if self.people:  # nobody recorded yet: the name is typed, nothing empty takes the keys
                yield OptionList(*[f"{p.name} – {p.title}".rstrip(" –") for p in self.people], id="answerers")
            yield Label(t("answer.form.who"))
            yield Input(id="answer-who")
            yield Label(t("answer.summary"))
            yield Input(id="answer-summary")
            yield from self.buttons()

    def on_mount(self) -> None:
        if self.people:
            self.query_one("#answerers", OptionList).focus()
        else:
            self.query_one("#answer-who", Input).focus()

    def _show_person(self, index: int) -> None:
        person = self.people[index]
        self.query_one("#answer-who", Input).value = " – ".join(x for x in (person.name, person.title) if x)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_person(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._show_person(event.option_index)
        self.query_one("#answer-summary", Input).focus()

    def save(self) -> None:
        # "Name – title – agency" as the list fills it; typed by hand, a comma or " - " will do.
        parts = [p.strip() for p in re.split(r"\s*[–—]\s*|\s+-\s+|\s*,\s*", self.query_one("#answer-who", Input).value)]
        name = parts[0] if parts else ""
        title = parts[1] if len(parts) > 1 else ""
        agency = parts[2] if len(parts) > 2 else ""
        by_chair = bool(self.people) and self.people[0].by_chair and name == self.people[0].name
        if not agency:
            agency = next((p.agency for p in self.people if p.name == name), "")
        self.hoinghi.workstation(self.meeting_id).record_answer(
            self.issue_ids,
            name=name,
            title=title,
            agency=agency,
            by_chair=by_chair,
            summary=self.query_one("#answer-summary", Input).value,
        )


class ConclusionForm(_Form):
    """Outcome, text, and for an assignment the lead agency, partners, task, deadline
    (computed in working days, editable) and how the citizen gets the reply."""

    def __init__(self, meeting_id: int, issue_ids: list[int], current: ConclusionView | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.issue_ids = issue_ids
        self.current = current

    def compose(self) -> ComposeResult:
        c = self.current
        store = self.hoinghi.store
        today = self.hoinghi.clock().date()
        plain = default_deadline(store, self.meeting_id, today=today)
        deadline = c.deadline if c and c.deadline else plain
        # Ticked when the deadline kept is the one for cases needing verification.
        verified = (
            c is not None
            and c.deadline not in (None, plain)
            and c.deadline == default_deadline(store, self.meeting_id, verification=True, today=today)
        )
        with Vertical(classes="dialog wide"):
            yield Static(t("conclusion.form.title", count=len(self.issue_ids)), classes="dialog-title")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(t("conclusion.form.outcome"))
                    # A new conclusion starts with no outcome: Enter never saves one the
                    # chair did not give.
                    yield Select(
                        [(t(f"outcome.{o}"), o) for o in OUTCOMES],
                        value=c.outcome if c else Select.NULL,
                        prompt=t("conclusion.form.choose"),
                        allow_blank=c is None,
                        id="c-outcome",
                    )
                with Vertical():
                    yield Label(t("conclusion.form.deadline"))
                    yield Input(fmt_date(deadline), id="c-deadline")
                    yield Static("", id="c-deadline-info", classes="muted")
            yield Label(t("conclusion.form.text"))
            yield Input(c.text if c else "", id="c-text")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(t("conclusion.form.lead"))
                    yield Input(c.lead_agency if c else "", id="c-lead")
                with Vertical():
                    yield Label(t("conclusion.form.partners"))
                    yield Input(c.partners if c else "", id="c-partners")
            yield Label(t("conclusion.form.task"))
            yield Input(c.task if c else "", id="c-task")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(t("conclusion.form.reply"))
                    yield Input(
                        c.reply_method
                        if c and c.reply_method
                        else t(
                            "conclusion.reply_default",
                            committee=place_words(self.hoinghi.store, self.meeting_id).committee_of_kind,
                        ),
                        id="c-reply",
                    )
                with Vertical():
                    yield Label(t("conclusion.form.forward"))
                    yield Input(c.forwarded_to if c else "", id="c-forward")
            yield Tick(t("conclusion.form.verify"), verified, id="c-verify")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#c-text", Input).focus()
        self._deadline_info()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        due = default_deadline(
            self.hoinghi.store, self.meeting_id, verification=event.value, today=self.hoinghi.clock().date()
        )
        self.query_one("#c-deadline", Input).value = fmt_date(due)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "c-deadline":
            self._deadline_info()

    def _deadline_info(self) -> None:
        info = self.query_one("#c-deadline-info", Static)
        try:
            day = parse_date(self.query_one("#c-deadline", Input).value)
        except HoinghiError:
            info.update("")
            return
        names = WEEKDAYS_VI if language() == "vi" else WEEKDAYS_EN
        left = working_days_left(self.hoinghi.store, day, self.hoinghi.clock().date())
        info.update(t("conclusion.form.deadline_info", weekday=names[day.weekday()], date=fmt_date(day), left=left))

    def save(self) -> None:
        def value(wid: str) -> str:
            return self.query_one(f"#{wid}", Input).value

        chosen = self.query_one("#c-outcome", Select).value
        if chosen == Select.NULL:
            raise HoinghiError("conclusion.no_outcome")
        outcome = str(chosen)
        deadline = parse_date(value("c-deadline")) if outcome == "assigned" and value("c-deadline").strip() else None
        draft = ConclusionDraft(
            outcome=outcome,
            text=value("c-text"),
            lead_agency=value("c-lead"),
            partners=value("c-partners"),
            task=value("c-task"),
            deadline=deadline,
            reply_method=value("c-reply"),
            forwarded_to=value("c-forward"),
        )
        expected = {issue_id: self.current.text if self.current else None for issue_id in self.issue_ids[:1]}
        self.hoinghi.workstation(self.meeting_id).conclude(self.issue_ids, draft, expected=expected)
