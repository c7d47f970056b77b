"""Reading event logs, streamed: JSON Lines or CSV, one :class:`Event` at a time.

Both formats carry the fields ``case``, ``kind``, ``at`` (required), ``actor``,
``reference``, ``urgency``, ``service``, ``by`` (who instigated it: ``provider``,
``council``, ``both`` or ``referrer``) and ``reason`` (optional; empty cells are absent);
any other field or column is an error rather than silently ignored (a misspelt ``urgncy``
would otherwise change which deadlines apply). ``at`` is an
ISO 8601 date-time; one without an offset is Europe/London local time and is refused when
the clock change makes it ambiguous or non-existent. Files are read as UTF-8 with or
without a byte-order mark. A line that cannot be read stops the read with a
:class:`~childcare_commissioning.errors.ConversionError` naming the line and the field
(never its value): a log is evidence, and guessing at a broken line would change the
figures.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar
from zoneinfo import ZoneInfo

from childcare_commissioning.csvsafe import CsvQuoteError, strict_rows
from childcare_commissioning.deadlines import Party
from childcare_commissioning.errors import ConversionError, DuplicateKeyError, Problem, unique_keys
from childcare_commissioning.model.referral import Urgency
from childcare_commissioning.monitoring.model import Event

__all__ = ["FIELDS", "event_from_mapping", "open_log", "read_events"]

#: The columns of an event log, in the order the library writes them.
FIELDS = ("case", "kind", "at", "actor", "reference", "urgency", "service", "by", "reason")
_KNOWN = frozenset(FIELDS)
_LONDON = ZoneInfo("Europe/London")


def _instant(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is not None:
        return value
    first, second = value.replace(tzinfo=_LONDON, fold=0), value.replace(tzinfo=_LONDON, fold=1)
    if first.utcoffset() != second.utcoffset():
        raise ValueError("ambiguous or missing in Europe/London (a clock change): add an offset")
    return first


def _fail(line: int, field: str, message: str) -> ConversionError:
    return ConversionError(f"event log line {line}", [Problem(f"$.{field}", message, "event")])


def _text(row: Any, field: str, line: int, required: bool) -> str | None:
    value = row.get(field)
    if value.__class__ is str and value:
        return value.strip()
    if value is None or value == "":
        if required:
            raise _fail(line, field, "is required")
        return None
    raise _fail(line, field, f"expected text, got {type(value).__name__}")


_E = TypeVar("_E", bound=enum.StrEnum)


def _choice(row: Any, field: str, line: int, kind: type[_E]) -> _E | None:
    text = _text(row, field, line, False)
    try:
        return kind(text) if text else None
    except ValueError:
        known = ", ".join(member.value for member in kind)
        raise _fail(line, field, f"expected one of {known}") from None


def event_from_mapping(row: Any, line: int) -> Event:
    """One event from a JSON object or CSV row; :class:`ConversionError` naming the line
    and field when it cannot be read."""
    if not isinstance(row, dict):
        raise _fail(line, "", f"expected an object, got {type(row).__name__}")
    if len(row) > len(_KNOWN) or not _KNOWN.issuperset(row):
        unknown = sorted(set(row) - _KNOWN)
        if unknown:
            raise _fail(line, unknown[0], f"unknown field; known: {', '.join(FIELDS)}")
    kind = _text(row, "kind", line, True)
    at_text = _text(row, "at", line, True)
    assert kind is not None
    assert at_text is not None
    try:
        at = _instant(at_text)
    except ValueError as exc:
        reason = str(exc) if "clock change" in str(exc) else "expected YYYY-MM-DDTHH:MM[+HH:MM]"
        raise _fail(line, "at", reason) from None
    urgency = _choice(row, "urgency", line, Urgency)
    by = _choice(row, "by", line, Party)
    return Event(
        case=_text(row, "case", line, False) or "",
        kind=kind,
        at=at,
        actor=_text(row, "actor", line, False),
        reference=_text(row, "reference", line, False),
        urgency=urgency,
        service=_text(row, "service", line, False),
        line=line,
        by=by,
        reason=_text(row, "reason", line, False),
    )


_DECODER = json.JSONDecoder(object_pairs_hook=unique_keys)


def _json_lines(stream: Iterable[str]) -> Iterator[Event]:
    decode = _DECODER.decode
    for number, raw in enumerate(stream, start=1):
        try:
            row = decode(raw)
        except DuplicateKeyError as exc:
            raise _fail(number, exc.key, "is given twice") from None
        except json.JSONDecodeError as exc:
            if not raw.strip():
                continue
            raise _fail(number, "", f"not valid JSON ({exc.msg})") from None
        yield event_from_mapping(row, number)


def _csv_rows(stream: Iterable[str]) -> Iterator[Event]:
    # Read strictly (csvsafe.strict_rows): an unterminated or stray quote is an error
    # naming its line, never the rows after it swallowed into one cell.
    rows = strict_rows(stream)
    try:
        first = next(rows, None)
        header = first[1] if first is not None else []
        missing = [f for f in ("case", "kind", "at") if f not in header]
        if missing:
            raise _fail(1, missing[0], "column missing from the header")
        repeated = sorted({h for h in header if header.count(h) > 1})
        if repeated:
            raise _fail(1, repeated[0], "column given twice in the header")
        for line, cells in rows:
            if not cells:
                continue  # a blank line, as csv.DictReader skips it
            if len(cells) > len(header):
                raise _fail(line, "", "more cells than the header has columns")
            row: dict[str, str | None] = dict.fromkeys(header)
            row.update(zip(header, cells, strict=False))
            yield event_from_mapping(row, line)
    except CsvQuoteError as exc:
        raise _fail(exc.line, "", exc.message) from None


def read_events(stream: Iterable[str], format: str = "jsonl") -> Iterator[Event]:
    """Events from ``stream`` (lines of text), one at a time; ``format`` is ``"jsonl"`` or
    ``"csv"``. Nothing is held beyond the current line."""
    if format == "jsonl":
        return _json_lines(stream)
    if format == "csv":
        return _csv_rows(stream)
    raise ValueError(f"unknown event log format {format!r}: use jsonl or csv")


def open_log(path: str) -> IO[str]:
    """Open an event log for reading (``-``: standard input), BOM-tolerant UTF-8."""
    if path == "-":
        sys.stdin.reconfigure(encoding="utf-8-sig")  # type: ignore[union-attr]
        return sys.stdin
    return Path(path).open(encoding="utf-8-sig", newline="")
