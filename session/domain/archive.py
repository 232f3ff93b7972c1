"""A meeting's archive (hồ sơ lưu trữ) brought into another database as a new meeting:
the secretary's laptop in the hall → the office's PostgreSQL, or last year's archive.

The archive is the JSON of ``hoinghi export json``. Every row gets a new id (and every
reference follows it), the event log comes along with its references mapped too, and the
whole import is one transaction: a file of another format or version, or a damaged one,
is refused with a clear message and nothing is written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlmodel import SQLModel

from models.attendance import AttendanceGroup, Participant
from models.errors import HoinghiError
from models.ledger import AnswerIssue, Conclusion, Issue, IssueRaiser
from models.office import ExportRecord
from models.store import Store, Tx
from models.tables import AgendaItem, Answer, Event, FieldLimit, Meeting, Registration, stored_id, table_of
from models.text import fold
from session.domain.units import parse_issuing_body

FORMAT = "hoinghi-meeting"
SUPPORTED = (1, 2)  # version 1: before units; its meetings read their unit from the issuing body

#: The archive's tables in the order they are inserted, with their references:
#: column -> the table whose ids it holds.
TABLES: tuple[tuple[str, type[SQLModel], dict[str, str]], ...] = (
    ("attendance_group", AttendanceGroup, {"meeting_id": "meeting"}),
    ("participant", Participant, {"meeting_id": "meeting"}),
    ("agenda_item", AgendaItem, {"meeting_id": "meeting"}),
    ("field_limit", FieldLimit, {"meeting_id": "meeting"}),
    ("registration", Registration, {"meeting_id": "meeting"}),
    ("issue", Issue, {"meeting_id": "meeting", "merged_into_id": "issue"}),
    ("issue_raiser", IssueRaiser, {"issue_id": "issue", "registration_id": "registration"}),
    ("answer", Answer, {"meeting_id": "meeting"}),
    ("answer_issue", AnswerIssue, {"answer_id": "answer", "issue_id": "issue"}),
    ("conclusion", Conclusion, {"issue_id": "issue"}),
    ("export_record", ExportRecord, {"meeting_id": "meeting"}),
)
MEETING_REFS = {"current_item_id": "agenda_item"}
#: References inside event payloads (a change's before/after), by column name.
PAYLOAD_REFS = {
    "meeting_id": "meeting",
    "issue_id": "issue",
    "registration_id": "registration",
    "answer_id": "answer",
    "merged_into_id": "issue",
    "current_item_id": "agenda_item",
}


def _damaged(path: str, detail: str) -> HoinghiError:
    return HoinghiError("archive.damaged", path=path, detail=detail)


def read_archive(path: str | Path) -> dict[str, Any]:
    """The archive at *path*, its format and version checked."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise HoinghiError("archive.unreadable", path=name, detail=exc) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise HoinghiError("archive.not_json", path=name) from None
    return check_archive(data, name)


def check_archive(data: Any, name: str = "") -> dict[str, Any]:
    if not isinstance(data, dict) or not isinstance(data.get("format"), str):
        raise HoinghiError("archive.format", path=name, format="—")
    kind, _sep, version = data["format"].partition("/")
    if kind != FORMAT:
        raise HoinghiError("archive.format", path=name, format=data["format"])
    if not version.isdigit() or int(version) not in SUPPORTED:
        raise HoinghiError(
            "archive.version", path=name, version=version or "—", supported=", ".join(map(str, SUPPORTED))
        )
    if not isinstance(data.get("meeting"), dict):
        raise _damaged(name, "meeting")
    for key, _model, _refs in TABLES:
        rows = data.get(key, [])
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise _damaged(name, key)
    events = data.get("event", [])
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        raise _damaged(name, "event")
    return data


def _types(model: type[SQLModel]) -> dict[str, type]:
    return {c.name: c.type.python_type for c in table_of(model).columns}


def _value(kind: type, value: Any, where: str) -> Any:
    """An archived value as its column's type (ISO dates and times are parsed)."""
    if value is None:
        return None
    try:
        if kind is datetime:
            return datetime.fromisoformat(value)
        if kind is date:
            return date.fromisoformat(value)
        if kind is time:
            return time.fromisoformat(value)
        if kind is bool:
            if not isinstance(value, bool):
                raise TypeError
            return value
        if kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError
            return value
        if kind is float:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise TypeError
            return float(value)
        if kind is str:
            if not isinstance(value, str):
                raise TypeError
            return value
    except (TypeError, ValueError):
        raise HoinghiError("archive.damaged", path="", detail=where) from None
    return value


def _row(model: type[SQLModel], raw: dict[str, Any], where: str) -> dict[str, Any]:
    """Every column of *model* from an archived row: values typed, columns an older archive
    did not have at their defaults."""
    types = _types(model)
    unknown = set(raw) - set(types)
    if unknown:
        raise HoinghiError("archive.damaged", path="", detail=f"{where}: {sorted(unknown)[0]}")
    values = {name: _value(types[name], raw[name], f"{where}.{name}") for name in raw}
    filled = model(**values)  # the table's own defaults for what is missing
    return {name: getattr(filled, name) for name in types}


def _reserve_ids(tx: Tx, model: type[SQLModel], count: int) -> list[int]:
    """*count* new ids for *model*'s table, safe against other writers."""
    if count == 0:
        return []
    table = table_of(model)
    if tx.session.get_bind().dialect.name == "postgresql":
        rows = tx.session.execute(
            text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
            {"t": table.name, "n": count},
        ).all()
        return [r[0] for r in rows]
    # SQLite: the action holds the write lock (BEGIN IMMEDIATE), so the ids after the largest are free.
    top = tx.session.execute(select(func.max(table.c.id))).scalar() or 0
    return list(range(top + 1, top + 1 + count))


def import_archive(tx: Tx, data: dict[str, Any], *, source: str = "") -> int:
    """Insert archive *data* (checked by :func:`check_archive`) as a new meeting in the
    action's transaction; returns the new meeting's id."""
    try:
        return _import(tx, data, source)
    except HoinghiError as exc:
        if exc.code == "archive.damaged" and not exc.params.get("path"):
            raise HoinghiError("archive.damaged", path=source, detail=exc.params.get("detail", "")) from None
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise HoinghiError("archive.damaged", path=source, detail=type(exc).__name__) from None


def _import(tx: Tx, data: dict[str, Any], source: str) -> int:
    maps: dict[str, dict[Any, int]] = {}
    raw_meeting = dict(data["meeting"])
    old_meeting_id = raw_meeting.pop("id", None)
    current_item = raw_meeting.pop("current_item_id", None)
    meeting_values = _row(Meeting, raw_meeting, "meeting")
    meeting_values.pop("id")
    meeting_values.pop("current_item_id")
    _unit_from_issuing_body(meeting_values)
    meeting = Meeting(**meeting_values)
    tx.add(meeting)
    tx.flush()
    meeting_id = stored_id(meeting)
    tx.meeting_id = meeting_id
    maps["meeting"] = {old_meeting_id: meeting_id}
    counts = {"meeting": 1}
    for key, model, refs in TABLES:
        rows = data.get(key, [])
        olds = [r.get("id") for r in rows]
        if len(set(olds)) != len(olds):
            raise HoinghiError("archive.damaged", path="", detail=f"{key}.id")
        new_ids = _reserve_ids(tx, model, len(rows))
        maps[key] = dict(zip(olds, new_ids, strict=True))
        values = []
        for index, (raw, new_id) in enumerate(zip(rows, new_ids, strict=True)):
            row = _row(model, raw, f"{key}[{index}]")
            row["id"] = new_id
            for column, target in refs.items():
                if row.get(column) is None:
                    continue
                mapped = maps[target].get(row[column])  # an issue may be merged into one listed after it
                if mapped is None:
                    raise HoinghiError("archive.damaged", path="", detail=f"{key}[{index}].{column}")
                row[column] = mapped
            values.append(row)
        # A reference to a row of the same table (an issue merged into another) is set once
        # every row of it is in: the database checks each INSERT on its own.
        own = [c for c, t in refs.items() if t == key]
        later = [(row["id"], c, row[c]) for row in values for c in own if row.get(c) is not None]
        for row in values:
            row.update(dict.fromkeys(own))
        if values:
            tx.session.execute(table_of(model).insert(), values)
        table = table_of(model)
        for row_id, column, target_id in later:
            tx.session.execute(table.update().where(table.c.id == row_id).values({column: target_id}))
        counts[key] = len(values)
    if current_item is not None:
        meeting.current_item_id = maps["agenda_item"].get(current_item)
    _import_events(tx, data.get("event", []), maps, meeting_id)
    counts["event"] = len(data.get("event", []))
    tx.facts.update(source=Path(source).name if source else "", format=data["format"], rows=counts)
    return meeting_id


def _unit_from_issuing_body(values: dict[str, Any]) -> None:
    """The issuing body an archive carries names the unit (an archive edited by hand, or one
    from before units): the unit columns follow it, so the two never disagree."""
    parsed = parse_issuing_body(values.get("issuing_body") or "")
    if parsed is None:
        return
    same = fold(parsed.kind) == fold(values.get("unit_kind", "")) and fold(parsed.name) == fold(
        values.get("unit_name", "")
    )
    if not same:
        values.update(unit_kind=parsed.kind, unit_name=parsed.name, province=parsed.province, unit_code=parsed.code)


def _map_values(values: dict[str, Any] | None, maps: dict[str, dict[Any, int]]) -> dict[str, Any] | None:
    if values is None:
        return None
    mapped = dict(values)
    for column, target in PAYLOAD_REFS.items():
        if mapped.get(column) is not None:
            mapped[column] = maps.get(target, {}).get(mapped[column])
    return mapped


def _map_change(change: dict[str, Any], maps: dict[str, dict[Any, int]]) -> dict[str, Any]:
    """A change of an archived event with its ids in the new database. A row the archive did
    not carry (deleted before the export) keeps no id: undo refuses it rather than touch
    another row."""
    table = change.get("table")
    mapped = dict(change)
    ids = maps.get(table) if isinstance(table, str) else None
    if ids is not None:
        mapped["pk"] = [ids.get(v) for v in change.get("pk", [])]
        for side in ("before", "after"):
            values = _map_values(change.get(side), maps)
            if values is not None and "id" in values:
                values["id"] = ids.get(values["id"])
            mapped[side] = values
    elif table not in (None, "hoinghi_meta", "setting", "office_day"):
        mapped["pk"] = [None]
    return mapped


def _import_events(tx: Tx, events: list[dict[str, Any]], maps: dict[str, dict[Any, int]], meeting_id: int) -> None:
    new_ids = _reserve_ids(tx, Event, len(events))
    ids = {e.get("id"): n for e, n in zip(events, new_ids, strict=True)}
    rows = []
    for index, (raw, new_id) in enumerate(zip(events, new_ids, strict=True)):
        payload = raw.get("payload", {})
        if not isinstance(payload, dict):
            raise HoinghiError("archive.damaged", path="", detail=f"event[{index}].payload")
        changes = payload.get("changes", [])
        if not isinstance(changes, list) or not all(isinstance(c, dict) for c in changes):
            raise HoinghiError("archive.damaged", path="", detail=f"event[{index}].changes")
        payload = {**payload, "changes": [_map_change(c, maps) for c in changes]}
        at = _value(datetime, raw.get("at"), f"event[{index}].at")
        if at is None or not isinstance(raw.get("action"), str):
            raise HoinghiError("archive.damaged", path="", detail=f"event[{index}]")
        rows.append(
            {
                "id": new_id,
                "meeting_id": meeting_id,
                "at": at,
                "actor": str(raw.get("actor", "secretary")),
                "action": raw["action"],
                "payload": json.dumps(payload, ensure_ascii=False, default=str),
                "undo_of": ids.get(raw.get("undo_of")),
                "undone_by": ids.get(raw.get("undone_by")),
            }
        )
    if rows:
        tx.session.execute(table_of(Event).insert(), rows)


@dataclass(frozen=True)
class Imported:
    meeting_id: int
    title: str
    rows: int  # rows of the meeting's tables
    events: int  # actions of its history


def import_file(store: Store, path: str | Path, *, at: datetime, actor: str = "office") -> Imported:
    """Import the archive at *path* as a new meeting of *store*."""
    data = read_archive(path)
    with store.action("meeting.import", at=at, actor=actor) as tx:
        meeting_id = import_archive(tx, data, source=str(path))
        counts = dict(tx.facts["rows"])
    events = counts.pop("event", 0)
    return Imported(meeting_id, str(data["meeting"].get("title", "")), sum(counts.values()), events)
