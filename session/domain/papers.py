"""What a meeting's documents print that belongs to the meeting (thể thức văn bản của hội
nghị): issuing and parent body, place name, number suffixes, signers, recipients (nơi
nhận), the page, the notice's date.

They are copied from the office settings when the meeting is created and edited with the
meeting's particulars, so re-exporting a meeting of last year gives last year's document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, SupportsFloat

from session.domain.settings import NUMBER_RANGES, OfficeSettings
from session.domain.units import Place, issuing_body_of, meeting_place

if TYPE_CHECKING:
    from models.tables import Meeting

#: Luật Tổ chức chính quyền địa phương 72/2025/QH15, Điều 43: the results are made public
#: no later than 10 days (calendar days) after the conference.
NOTICE_LEGAL_DAYS = 10

#: Text particulars copied from the settings (same names on the meeting).
TEXTS = (
    "minutes_suffix",
    "notice_suffix",
    "notice_authority",
    "notice_authority_body",
    "notice_signer_title",
    "notice_signer_name",
    "chair_label",
    "secretary_label",
    "records_office",
)
NUMBERS = tuple(NUMBER_RANGES)
_DEFAULT_NUMBERS: dict[str, float] = {name: getattr(OfficeSettings(), name) for name in NUMBERS}


def standard_notice_recipients(place: Place) -> tuple[str, ...]:
    """The usual Nơi nhận of a conclusion notice, in the unit's own words."""
    return (
        f"Thường trực {place.party_of_kind} (b/c)",
        f"Thường trực {place.council_of_kind} (b/c)",
        f"Chủ tịch, các Phó Chủ tịch {place.committee_of_kind}",
        place.front_of_kind,
        "Các cơ quan, đơn vị được giao nhiệm vụ",
        f"{place.residential_heads} (niêm yết)",
    )


def standard_minutes_recipients(place: Place) -> tuple[str, ...]:
    """The usual Nơi nhận of the minutes."""
    return (f"Chủ tịch, các Phó Chủ tịch {place.committee_of_kind}", place.front_of_kind)


def split_lines(value: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in (value or "").split("\n") if line.strip())


@dataclass(frozen=True)
class Papers:
    """The printed particulars of one meeting, blanks filled with the unit's usual values."""

    issuing_body: str
    issuing_lines: tuple[str, ...]
    parent_body: str
    place_name: str
    minutes_suffix: str
    notice_suffix: str
    notice_authority: str
    notice_authority_body: str
    notice_signer_title: str
    notice_signer_name: str
    chair_label: str
    secretary_label: str
    notice_recipients: tuple[str, ...]
    minutes_recipients: tuple[str, ...]
    records_office: str
    margin_top_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    margin_right_mm: float
    body_pt: float
    notice_date: date | None

    @property
    def margins_mm(self) -> tuple[float, float, float, float]:
        return self.margin_top_mm, self.margin_bottom_mm, self.margin_left_mm, self.margin_right_mm


def _number(name: str, value: object) -> float:
    """A stored page setting, or the default when it is outside the decree's range: a bad
    value can never stop an export."""
    low, high = NUMBER_RANGES[name]
    default = _DEFAULT_NUMBERS[name]
    if not isinstance(value, SupportsFloat | str):
        return default
    try:
        number = float(value)
    except ValueError:
        return default
    return number if low <= number <= high else default


def papers_of(meeting: Meeting, place: Place | None = None) -> Papers:
    """The papers of a meeting row (or anything with the same attributes)."""
    place = place or meeting_place(meeting)
    issuing = issuing_body_of(place.unit) if place.known else (meeting.issuing_body or "")
    lines = place.issuing_lines if place.known else ((issuing,) if issuing else ())
    # Named particulars, as many as the settings have: text ones and page measures.
    texts: dict[str, Any] = {name: getattr(meeting, name) or "" for name in TEXTS}
    numbers: dict[str, Any] = {name: _number(name, getattr(meeting, name)) for name in NUMBERS}
    return Papers(
        issuing_body=issuing,
        issuing_lines=lines,
        parent_body=meeting.parent_body or "",
        place_name=meeting.place_name or place.name,
        **texts,
        notice_recipients=split_lines(meeting.notice_recipients) or standard_notice_recipients(place),
        minutes_recipients=split_lines(meeting.minutes_recipients) or standard_minutes_recipients(place),
        **numbers,
        notice_date=meeting.notice_date,
    )


def initial_papers(settings: OfficeSettings, place: Place) -> dict[str, Any]:
    """The columns a new meeting copies from the office settings (recipients written out
    in the unit's words, so the particulars form shows what will be printed)."""
    values: dict[str, Any] = {name: getattr(settings, name) for name in (*TEXTS, *NUMBERS)}
    values["notice_recipients"] = "\n".join(settings.recipients or standard_notice_recipients(place))
    values["minutes_recipients"] = "\n".join(settings.minutes_recipients or standard_minutes_recipients(place))
    values["parent_body"] = settings.parent_body
    values["place_name"] = settings.place_name
    return values


def notice_limit(meeting_day: date | None) -> date | None:
    """The last day the results may be made public (meeting day + 10 calendar days)."""
    return meeting_day + timedelta(days=NOTICE_LEGAL_DAYS) if meeting_day else None
