"""Delivery records read from Arrow rows: the input columns of :func:`invoice_lines`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from childcare_commissioning.arrow._base import (
    ArrowInputError,
    OnError,
    _describe,
    _nest,
    _problem_column,
    _require,
    _rows,
)
from childcare_commissioning.billing.records import DeliveryRecord, RecordStatus
from childcare_commissioning.convert import structure
from childcare_commissioning.errors import ConversionError, ModelValueError

#: Input columns of a delivery record: the same names as the records CSV and JSON.
RECORD_COLUMNS: dict[str, str] = {
    name: name
    for name in (
        "id",
        "package_id",
        "date",
        "status",
        "start",
        "end",
        "hours",
        "worker_id",
        "planned_id",
        "miles",
        "mileage_agreement",
        "purchase_order",
        "confirmed_by",
        "end_date",
    )
}
_RECORD_REQUIRED = ("id", "package_id", "date")
_DATE_FIELDS = frozenset({"date", "end_date"})
_RECORD_TYPES: dict[str, type] = {
    **dict.fromkeys(RECORD_COLUMNS, str),
    "date": dt.date,
    "end_date": dt.date,
    "start": dt.time,
    "end": dt.time,
    "hours": Decimal,
    "miles": Decimal,
}


def _record(row: Mapping[str, Any]) -> DeliveryRecord:
    """A record from a row. Rows of typed columns (date, time, decimal) are built
    directly, through the model's own validators; anything else, or a row the model
    refuses, goes through the converter, whose error names the field."""
    doc = {k: v for k, v in row.items() if v is not None}
    typed = all(
        isinstance(v, _RECORD_TYPES[k]) and not (k in _DATE_FIELDS and isinstance(v, dt.datetime))
        for k, v in doc.items()
    )
    if typed:
        try:
            if "status" in doc:
                doc["status"] = RecordStatus(doc["status"])
            return DeliveryRecord(**doc)
        except (TypeError, ValueError):
            pass  # the converter below says what is wrong, and where
    return structure(_nest(row, RECORD_COLUMNS), DeliveryRecord)


def read_records(
    batch: Any, offset: int, council: str, on_error: OnError, function: str = "invoice_lines"
) -> Iterator[tuple[int, DeliveryRecord | dict[str, Any]]]:
    """Each row of ``batch`` (its rows counted from ``offset``) as a record, or (with
    ``on_error="column"``) as its ``error`` row."""
    _require(batch, _RECORD_REQUIRED, function)
    for index, row in enumerate(_rows(batch, tuple(RECORD_COLUMNS)), start=offset):
        try:
            for column in _RECORD_REQUIRED:
                if row.get(column) is None:
                    raise ArrowInputError(function, column, index, "is empty")
            try:
                record = _record(row)
            except (ConversionError, ModelValueError) as error:
                column = _problem_column(error, RECORD_COLUMNS, "id")
                raise ArrowInputError(function, column, index, _describe(error)) from None
        except ArrowInputError as error:
            if on_error == "raise":
                raise
            yield (
                index,
                {
                    "row_kind": "error",
                    "council": council,
                    "record_id": row.get("id"),
                    "package_id": row.get("package_id"),
                    "error": str(error),
                },
            )
            continue
        yield index, record
