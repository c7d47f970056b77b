"""Due dates for a table of triggers (:func:`deadlines`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from childcare_commissioning.arrow._base import (
    DEADLINES_SCHEMA,
    ArrowInputError,
    Data,
    OnError,
    _as_batches,
    _citation,
    _Councils,
    _run_rows,
    _table,
)
from childcare_commissioning.deadlines import evaluate
from childcare_commissioning.registry import Registry

_DEADLINE_COLUMNS = ("id", "council", "rule_id", "trigger_at")


def deadlines_batches(
    batches: Iterable[Any], *, registry: Registry | None = None, on_error: OnError = "raise"
) -> Iterator[Any]:
    """The iterator form of :func:`deadlines`: one output batch per input batch."""
    councils = _Councils(registry)
    name = "deadlines"

    def answer(row: dict[str, Any], index: int) -> dict[str, Any]:
        for column in ("council", "rule_id", "trigger_at"):
            if row.get(column) is None:
                raise ArrowInputError(name, column, index, "is empty")
        at = row["trigger_at"]
        if not isinstance(at, dt.datetime) or at.utcoffset() is None:
            raise ArrowInputError(name, "trigger_at", index, "expected an aware timestamp")
        try:
            spec = councils.spec(row["council"])
        except LookupError as error:
            raise ArrowInputError(name, "council", index, str(error)) from None
        try:
            rule = spec.deadline(row["rule_id"])
        except LookupError as error:
            raise ArrowInputError(name, "rule_id", index, str(error)) from None
        found = evaluate(rule, at, spec.calendars)
        return {
            "id": row.get("id"),
            "council": spec.id,
            "rule_id": rule.id,
            "trigger_at": at,
            "due_date": found.due_date,
            "due_at": found.due_at,
            "title": found.title,
            "duration": str(found.duration),
            "direction": str(found.direction),
            "calendar": found.calendar,
            "owed_by": str(found.owed_by),
            "projected": found.projected,
            **_citation(found.citation),
            "error": None,
        }

    def failed(row: dict[str, Any], message: str) -> dict[str, Any]:
        return {
            "id": row.get("id"),
            "council": row.get("council"),
            "rule_id": row.get("rule_id"),
            "error": message,
        }

    yield from _run_rows(
        batches,
        name,
        ("council", "rule_id", "trigger_at"),
        _DEADLINE_COLUMNS,
        answer,
        failed,
        DEADLINES_SCHEMA,
        on_error,
    )


def deadlines(
    triggers: Data, *, registry: Registry | None = None, on_error: OnError = "raise"
) -> Any:
    """Due dates for a table of triggers.

    Columns in: ``council`` and ``rule_id`` (strings), ``trigger_at`` (a timestamp with a
    time zone), optionally ``id`` (any string key, passed through). Out: one row per input
    row, columns :data:`DEADLINES_SCHEMA`, each the answer of
    :func:`~childcare_commissioning.deadlines.evaluate` for that row.
    """
    batches = _as_batches(triggers, "deadlines")
    return _table(
        deadlines_batches(batches, registry=registry, on_error=on_error), DEADLINES_SCHEMA
    )
