"""What the Arrow functions share: the output schemas, the input error, reading rows and
citations, and the row-by-row driver of :func:`deadlines` and :func:`referral_decisions`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal

import pyarrow as pa

from childcare_commissioning.errors import CommissioningError, ConversionError, ModelValueError
from childcare_commissioning.model.core import Citation
from childcare_commissioning.registry import Registry, get_registry

OnError = Literal["raise", "column"]
Data = Any  # a pyarrow Table or RecordBatch (pyarrow ships no type information)

_UTC_US = pa.timestamp("us", tz="UTC")
#: Money to the penny; quantities and unit prices to four places (a price per mile).
PENNIES = pa.decimal128(18, 2)
FOUR_PLACES = pa.decimal128(18, 4)

_CITATION_FIELDS = [
    pa.field("spec", pa.string()),
    pa.field("clause", pa.string()),
    pa.field("quote", pa.string()),
]

DEADLINES_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string()),
        pa.field("council", pa.string()),
        pa.field("rule_id", pa.string()),
        pa.field("trigger_at", _UTC_US),
        pa.field("due_date", pa.date32()),
        pa.field("due_at", _UTC_US),
        pa.field("title", pa.string()),
        pa.field("duration", pa.string()),
        pa.field("direction", pa.string()),
        pa.field("calendar", pa.string()),
        pa.field("owed_by", pa.string()),
        pa.field("projected", pa.bool_()),
        *_CITATION_FIELDS,
        pa.field("error", pa.string()),
    ]
)
"""Columns :func:`deadlines` returns (``due_at`` only for hour-based and immediate rules)."""

_FINDING = pa.struct(
    [
        pa.field("code", pa.string()),
        pa.field("severity", pa.string()),
        pa.field("message", pa.string()),
        pa.field("path", pa.string()),
        *_CITATION_FIELDS,
    ]
)

REFERRAL_DECISIONS_SCHEMA = pa.schema(
    [
        pa.field("referral_id", pa.string()),
        pa.field("council", pa.string()),
        pa.field("service", pa.string()),
        pa.field("age", pa.int32()),
        pa.field("outcome", pa.string()),
        pa.field("cohorts", pa.list_(pa.string())),
        pa.field("rule_ids", pa.list_(pa.string())),
        pa.field("findings", pa.list_(_FINDING)),
        pa.field("error", pa.string()),
    ]
)
"""Columns :func:`referral_decisions` returns."""

INVOICE_LINES_SCHEMA = pa.schema(
    [
        pa.field("row_kind", pa.string()),
        pa.field("invoice_number", pa.string()),
        pa.field("council", pa.string()),
        pa.field("package_id", pa.string()),
        pa.field("period_start", pa.date32()),
        pa.field("period_end", pa.date32()),
        pa.field("line", pa.int32()),
        pa.field("kind", pa.string()),
        pa.field("description", pa.string()),
        pa.field("date", pa.date32()),
        pa.field("record_id", pa.string()),
        pa.field("planned_id", pa.string()),
        pa.field("minutes", pa.int64()),
        pa.field("quantity", FOUR_PLACES),
        pa.field("unit", pa.string()),
        pa.field("unit_price", FOUR_PLACES),
        pa.field("amount", PENNIES),
        pa.field("rule", pa.string()),
        *_CITATION_FIELDS,
        pa.field("path", pa.string()),
        pa.field("error", pa.string()),
    ]
)
"""Columns :func:`invoice_lines` returns: ``row_kind`` is ``line`` (an invoice line),
``finding`` (the run's finding about bad or implausible input: ``rule`` is its code,
``description`` its message), ``pending`` or ``held`` (a record not billed in this run),
or ``error`` (a row that could not be read)."""


class ArrowInputError(CommissioningError, ValueError):
    """A row of an input table cannot be read: names the function, column and row.

    ``row`` counts from 0 across every batch the call saw (``None`` for a missing
    column). The value itself is never echoed.
    """

    def __init__(self, function: str, column: str, row: int | None, message: str) -> None:
        where = f"column {column!r}" + (f", row {row}" if row is not None else "")
        super().__init__(f"{function}: {where}: {message}")
        self.function = function
        self.column = column
        self.row = row
        self.message = message


# --- reading input ------------------------------------------------------------------------


def _as_batches(data: Data, function: str) -> list[Any]:
    if isinstance(data, pa.Table):
        return list(data.to_batches())
    if isinstance(data, pa.RecordBatch):
        return [data]
    raise TypeError(f"{function}: expected a pyarrow Table or RecordBatch, got {type(data)}")


def _require(batch: Any, columns: Sequence[str], function: str) -> None:
    names = set(batch.schema.names)
    for column in columns:
        if column not in names:
            raise ArrowInputError(function, column, None, "required column is missing")


def _check_timestamp(batch: Any, column: str, function: str) -> None:
    field = batch.schema.field(column)
    if pa.types.is_timestamp(field.type) and field.type.tz is None:
        raise ArrowInputError(
            function,
            column,
            None,
            "timestamps have no time zone: give instants as timestamps with a time zone",
        )


def _rows(batch: Any, columns: Sequence[str]) -> Iterator[dict[str, Any]]:
    """The batch's rows as dicts of the ``columns`` it has (absent columns left out)."""
    present = [c for c in columns if c in batch.schema.names]
    values = [batch.column(c).to_pylist() for c in present]
    for row in zip(*values, strict=True):
        yield dict(zip(present, row, strict=True))


def _problem_column(error: Exception, columns: Mapping[str, str], fallback: str) -> str:
    """The input column a conversion or model error is about (by its JSON path)."""
    paths: list[str] = []
    if isinstance(error, ConversionError):
        paths = [p.path for p in error.problems]
    elif isinstance(error, ModelValueError):
        paths = [f"$.{error.field}"]
    by_path = {path: column for column, path in columns.items()}
    for path in paths:
        for prefix, column in sorted(by_path.items(), key=lambda kv: -len(kv[0])):
            if path == prefix or path.startswith((prefix + ".", prefix + "[")):
                return column
        leaf = path.rsplit(".", 1)[-1]
        for column, mapped in columns.items():
            if mapped.rsplit(".", 1)[-1] == leaf:
                return column
    return fallback


def _describe(error: Exception) -> str:
    if isinstance(error, ConversionError):
        return "; ".join(f"{p.message} [{p.rule}]" for p in error.problems)
    return str(error)


def _nest(row: Mapping[str, Any], columns: Mapping[str, str]) -> dict[str, Any]:
    """A JSON-shaped document from a flat row: ``child.date_of_birth`` nests; nulls are
    left out (the model's own "not given")."""
    doc: dict[str, Any] = {}
    for column, path in columns.items():
        value = row.get(column)
        if value is None:
            continue
        keys = path.split(".")
        target = doc
        for key in keys[:-1]:
            target = target.setdefault(key, {})
        target[keys[-1]] = value
    return doc


def _citation(citation: Citation | None) -> dict[str, str | None]:
    if citation is None:
        return {"spec": None, "clause": None, "quote": None}
    return {"spec": citation.spec, "clause": citation.clause, "quote": citation.quote}


def _batch(rows: list[dict[str, Any]], schema: Any) -> Any:
    return pa.RecordBatch.from_pylist(rows, schema=schema)


def _table(batches: Iterable[Any], schema: Any) -> Any:
    return pa.Table.from_batches(list(batches), schema=schema)


class _Councils:
    """Council specs by id, looked up once per call."""

    def __init__(self, registry: Registry | None) -> None:
        self._registry = registry
        self._cache: dict[str, Any] = {}

    def spec(self, council: str) -> Any:
        if council not in self._cache:
            registry = self._registry if self._registry is not None else get_registry()
            self._cache[council] = registry.council(council).spec
        return self._cache[council]


def _run_rows(
    batches: Iterable[Any],
    function: str,
    required: Sequence[str],
    columns: Sequence[str],
    answer: Callable[[dict[str, Any], int], dict[str, Any]],
    failed: Callable[[dict[str, Any], str], dict[str, Any]],
    schema: Any,
    on_error: OnError,
) -> Iterator[Any]:
    """One output row per input row: ``answer`` it, or (an error) raise or fill ``error``."""
    offset = 0
    for batch in batches:
        _require(batch, required, function)
        for column in columns:
            if column in batch.schema.names:
                _check_timestamp(batch, column, function)
        out: list[dict[str, Any]] = []
        for index, row in enumerate(_rows(batch, columns)):
            try:
                out.append(answer(row, offset + index))
            except ArrowInputError as error:
                if on_error == "raise":
                    raise
                out.append(failed(row, str(error)))
        offset += batch.num_rows
        yield _batch(out, schema)
