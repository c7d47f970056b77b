"""Table-shaped bulk functions over Apache Arrow, for analysts and data engines.

Three functions take an Arrow ``Table`` or ``RecordBatch`` and return an Arrow ``Table``;
each has a batch-iterator form (``*_batches``) that takes and yields ``RecordBatch``\\ es,
so it runs unchanged inside an engine: DuckDB and Polars hand Arrow over directly, and
PySpark's ``DataFrame.mapInArrow`` calls the iterator form once per partition.

- :func:`deadlines`: a column of triggers (council, rule id, trigger instant) to due
  instants and dates;
- :func:`referral_decisions`: a table of referrals to ages, decisions and reasons;
- :func:`invoice_lines`: a table of delivery records to one row per invoice line, money
  as ``decimal128`` to the penny.

Every answer comes from the library's scalar API
(:func:`~childcare_commissioning.deadlines.evaluate`,
:func:`~childcare_commissioning.referrals.check_referral`,
:func:`~childcare_commissioning.billing.run_invoices`), row by row or package by package,
so the table answers are the scalar answers. Every output row carries the rule id and its
citation (``spec``, ``clause``, ``quote``) as columns.

A bad row is never dropped. With ``on_error="raise"`` (the default) it raises
:class:`ArrowInputError` naming the column and the row (counted from 0 across every batch
the call saw); with ``on_error="column"`` the row's answer columns are null and ``error``
says what is wrong and where. Values are never echoed in errors: they may be personal
data (a date of birth).

pyarrow is an optional extra (``pip install childcare-commissioning[arrow]``): this module
imports it, ``import childcare_commissioning`` does not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal

import pyarrow as pa

from childcare_commissioning.billing import (
    Invoice,
    PlannedSession,
    Quotation,
    run_invoices,
)
from childcare_commissioning.billing.records import DeliveryRecord, RecordStatus
from childcare_commissioning.billing.terms import BillingTerms
from childcare_commissioning.convert import structure
from childcare_commissioning.deadlines import evaluate
from childcare_commissioning.errors import CommissioningError, ConversionError, ModelValueError
from childcare_commissioning.model.core import Citation
from childcare_commissioning.model.package import Package
from childcare_commissioning.model.referral import Referral
from childcare_commissioning.referrals import check_referral
from childcare_commissioning.registry import Registry, get_registry

__all__ = [
    "DEADLINES_SCHEMA",
    "INVOICE_LINES_SCHEMA",
    "REFERRAL_DECISIONS_SCHEMA",
    "ArrowInputError",
    "deadlines",
    "deadlines_batches",
    "invoice_lines",
    "invoice_lines_batches",
    "referral_decisions",
    "referral_decisions_batches",
]

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


# --- deadlines ----------------------------------------------------------------------------

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


# --- referrals ----------------------------------------------------------------------------

#: Input column -> the referral document's JSON path (see ``referral.schema.json``).
REFERRAL_COLUMNS: dict[str, str] = {
    "referral_id": "id",
    "council": "council",
    "received_at": "received_at",
    "urgency": "urgency",
    "referrer_role": "referrer.role",
    "referrer_organisation": "referrer.organisation",
    "child_id": "child.id",
    "date_of_birth": "child.date_of_birth",
    "statuses": "child.statuses",
    "area": "child.area",
    "service": "service",
    "route": "route",
    "channel": "channel",
    "requested_services": "requested_services",
    "risks": "risks",
    "distance_miles": "distance_miles",
    "identified_eligible": "identified_eligible",
}
_REFERRAL_REQUIRED = (
    "referral_id",
    "council",
    "received_at",
    "urgency",
    "referrer_role",
    "child_id",
)


def referral_decisions_batches(
    batches: Iterable[Any], *, registry: Registry | None = None, on_error: OnError = "raise"
) -> Iterator[Any]:
    """The iterator form of :func:`referral_decisions`: one output batch per input batch."""
    councils = _Councils(registry)
    name = "referral_decisions"

    def answer(row: dict[str, Any], index: int) -> dict[str, Any]:
        for column in _REFERRAL_REQUIRED:
            if row.get(column) is None:
                raise ArrowInputError(name, column, index, "is empty")
        try:
            spec = councils.spec(row["council"])
        except LookupError as error:
            raise ArrowInputError(name, "council", index, str(error)) from None
        try:
            referral = structure(_nest(row, REFERRAL_COLUMNS), Referral)
        except (ConversionError, ModelValueError) as error:
            column = _problem_column(error, REFERRAL_COLUMNS, "referral_id")
            raise ArrowInputError(name, column, index, _describe(error)) from None
        decision = check_referral(spec, referral)
        codes = [f.code for f in decision.findings]
        prefix = "eligibility.cohort."
        return {
            "referral_id": decision.referral_id,
            "council": decision.council,
            "service": decision.service,
            "age": decision.age,
            "outcome": str(decision.outcome),
            "cohorts": [
                c[len(prefix) :] for c in codes if c.startswith(prefix) and c != prefix + "none"
            ],
            "rule_ids": codes,
            "findings": [
                {
                    "code": f.code,
                    "severity": str(f.severity),
                    "message": f.message,
                    "path": f.path,
                    **_citation(f.citation),
                }
                for f in decision.findings
            ],
            "error": None,
        }

    def failed(row: dict[str, Any], message: str) -> dict[str, Any]:
        return {
            "referral_id": row.get("referral_id"),
            "council": row.get("council"),
            "error": message,
        }

    yield from _run_rows(
        batches,
        name,
        _REFERRAL_REQUIRED,
        tuple(REFERRAL_COLUMNS),
        answer,
        failed,
        REFERRAL_DECISIONS_SCHEMA,
        on_error,
    )


def referral_decisions(
    referrals: Data, *, registry: Registry | None = None, on_error: OnError = "raise"
) -> Any:
    """Ages, decisions and reasons for a table of referrals.

    Columns in (see :data:`REFERRAL_COLUMNS`): required ``referral_id``, ``council``,
    ``received_at`` (timestamp with a time zone), ``urgency``, ``referrer_role``,
    ``child_id``; optional ``date_of_birth`` (date), ``statuses`` (list of strings),
    ``area``, ``service``, ``route``, ``channel``, ``referrer_organisation``,
    ``requested_services``, ``risks`` (lists of strings), ``distance_miles`` (decimal),
    ``identified_eligible`` (bool). A null is "not given". Out: one row per referral,
    columns :data:`REFERRAL_DECISIONS_SCHEMA`: the age on the council's local date of
    receipt, the outcome of :func:`~childcare_commissioning.referrals.check_referral`,
    the cohorts the child is in, and every finding with its code (the rule id) and
    citation.
    """
    batches = _as_batches(referrals, "referral_decisions")
    return _table(
        referral_decisions_batches(batches, registry=registry, on_error=on_error),
        REFERRAL_DECISIONS_SCHEMA,
    )


# --- invoice lines ------------------------------------------------------------------------

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


def _invoice_rows(council: str, invoices: Sequence[Invoice]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for invoice in invoices:
        for number, line in enumerate(invoice.lines, start=1):
            rows.append(
                {
                    "row_kind": "line",
                    "invoice_number": invoice.number,
                    "council": council,
                    "package_id": invoice.package_id,
                    "period_start": invoice.period.start,
                    "period_end": invoice.period.end,
                    "line": number,
                    "kind": str(line.kind),
                    "description": line.description,
                    "date": line.date,
                    "record_id": line.record_id,
                    "planned_id": line.planned_id,
                    "minutes": line.minutes,
                    "quantity": line.quantity,
                    "unit": line.unit,
                    "unit_price": line.unit_price,
                    "amount": line.amount,
                    "rule": line.rule,
                    **_citation(line.citation),
                }
            )
    return rows


class _Invoicer:
    """Reads record rows and runs the scalar invoice run over them."""

    name = "invoice_lines"

    def __init__(
        self,
        council: str,
        terms: BillingTerms | None,
        packages: Iterable[Package],
        quotations: Iterable[Quotation],
        planned: Iterable[PlannedSession],
        as_of: dt.date,
        registry: Registry | None,
        on_error: OnError,
    ) -> None:
        if terms is None:
            spec = _Councils(registry).spec(council)
            if spec.billing is None:
                raise ValueError(f"council {council!r} declares no billing terms")
            terms = spec.billing
        self.council = council
        self.terms: BillingTerms = terms
        self.packages = {p.id: p for p in packages}
        self.quotations: dict[str, list[Quotation]] = {}
        for quotation in quotations:
            self.quotations.setdefault(quotation.package_id, []).append(quotation)
        self.planned: dict[str, list[PlannedSession]] = {}
        for session in planned:
            self.planned.setdefault(session.package_id, []).append(session)
        self.as_of = as_of
        self.on_error = on_error

    def read(
        self, batch: Any, offset: int
    ) -> Iterator[tuple[int, DeliveryRecord | dict[str, Any]]]:
        """Each row as a record, or (``on_error="column"``) as its ``error`` row."""
        _require(batch, _RECORD_REQUIRED, self.name)
        for index, row in enumerate(_rows(batch, tuple(RECORD_COLUMNS)), start=offset):
            try:
                for column in _RECORD_REQUIRED:
                    if row.get(column) is None:
                        raise ArrowInputError(self.name, column, index, "is empty")
                try:
                    record = _record(row)
                except (ConversionError, ModelValueError) as error:
                    column = _problem_column(error, RECORD_COLUMNS, "id")
                    raise ArrowInputError(self.name, column, index, _describe(error)) from None
            except ArrowInputError as error:
                if self.on_error == "raise":
                    raise
                yield (
                    index,
                    {
                        "row_kind": "error",
                        "council": self.council,
                        "record_id": row.get("id"),
                        "package_id": row.get("package_id"),
                        "error": str(error),
                    },
                )
                continue
            yield index, record

    def run(
        self, records: list[DeliveryRecord], package_ids: Iterable[str]
    ) -> list[dict[str, Any]]:
        ids = set(package_ids)
        result = run_invoices(
            self.council,
            self.terms,
            [self.packages[p] for p in sorted(ids) if p in self.packages],
            [q for p in sorted(ids) for q in self.quotations.get(p, [])],
            [s for p in sorted(ids) for s in self.planned.get(p, [])],
            records,
            self.as_of,
        )
        rows = _invoice_rows(self.council, result.invoices)
        for finding in result.findings:
            rows.append(
                {
                    "row_kind": "finding",
                    "council": self.council,
                    "kind": str(finding.severity),
                    "description": finding.message,
                    "rule": finding.code,
                    "path": finding.path,
                    **_citation(finding.citation),
                }
            )
        by_id = {r.id: r for r in records}
        for kind, record_ids in (("pending", result.pending), ("held", result.held)):
            for record_id in record_ids:
                record = by_id.get(record_id)
                rows.append(
                    {
                        "row_kind": kind,
                        "council": self.council,
                        "package_id": record.package_id if record else None,
                        "date": record.date if record else None,
                        "record_id": record_id,
                    }
                )
        return rows


def invoice_lines(
    records: Data,
    *,
    council: str,
    packages: Iterable[Package],
    quotations: Iterable[Quotation],
    planned: Iterable[PlannedSession],
    as_of: dt.date,
    terms: BillingTerms | None = None,
    registry: Registry | None = None,
    on_error: OnError = "raise",
) -> Any:
    """Invoice lines for a table of delivery records: one scalar invoice run
    (:func:`~childcare_commissioning.billing.run_invoices`) over every record of the
    table, flattened to one row per line.

    Columns in (:data:`RECORD_COLUMNS`, the names of the records CSV): required ``id``,
    ``package_id``, ``date``; optional ``status``, ``start``, ``end`` (times), ``hours``,
    ``miles`` (decimals or strings), ``worker_id``, ``planned_id``,
    ``mileage_agreement``, ``purchase_order``, ``confirmed_by``, ``end_date``. Packages,
    quotations and planned sessions are the run's reference data; ``terms`` defaults to
    the council's declared billing terms. Out: columns :data:`INVOICE_LINES_SCHEMA`:
    every line of every invoice (amounts ``decimal128(18, 2)``, exactly the scalar
    run's), then the run's findings, pending and held records, so every record given is
    accounted for.
    """
    invoicer = _Invoicer(council, terms, packages, quotations, planned, as_of, registry, on_error)
    valid: list[DeliveryRecord] = []
    errors: list[dict[str, Any]] = []
    offset = 0
    for batch in _as_batches(records, invoicer.name):
        for _, item in invoicer.read(batch, offset):
            if isinstance(item, dict):
                errors.append(item)
            else:
                valid.append(item)
        offset += batch.num_rows
    rows = invoicer.run(valid, invoicer.packages) + errors
    return pa.Table.from_pylist(rows, schema=INVOICE_LINES_SCHEMA)


def invoice_lines_batches(
    batches: Iterable[Any],
    *,
    council: str,
    packages: Iterable[Package],
    quotations: Iterable[Quotation],
    planned: Iterable[PlannedSession],
    as_of: dt.date,
    terms: BillingTerms | None = None,
    registry: Registry | None = None,
    on_error: OnError = "raise",
) -> Iterator[Any]:
    """The iterator form of :func:`invoice_lines`, package by package, in flat memory.

    The records must come grouped by ``package_id`` (all of a package's records
    together, in any number of batches: in Spark, ``repartition("package_id")
    .sortWithinPartitions("package_id")`` before ``mapInArrow``). Each package is run on
    its own as soon as its last record has been read, and its rows yielded as one batch
    (rows that cannot be read: one batch at the end of each input batch); a package whose
    records come back after another package started is an :class:`ArrowInputError` (it
    would be invoiced twice).

    Differences from :func:`invoice_lines`, which runs the whole table at once: only
    packages with at least one record in the input are invoiced (a package with none is
    a scalar run's job), and a worker's visits are compared for overlaps within one
    package only.
    """
    invoicer = _Invoicer(council, terms, packages, quotations, planned, as_of, registry, on_error)
    current: str | None = None
    group: list[DeliveryRecord] = []
    done: set[str] = set()
    offset = 0
    for batch in batches:
        errors: list[dict[str, Any]] = []
        for index, item in invoicer.read(batch, offset):
            if isinstance(item, dict):
                errors.append(item)
                continue
            if item.package_id != current:
                if item.package_id in done:
                    raise ArrowInputError(
                        invoicer.name,
                        "package_id",
                        index,
                        "records are not grouped by package: this package's records "
                        "resume after another package's",
                    )
                if current is not None:
                    # A package is done: its rows go out now, one batch per package.
                    rows = invoicer.run(group, [current])
                    yield pa.RecordBatch.from_pylist(rows, schema=INVOICE_LINES_SCHEMA)
                    done.add(current)
                current, group = item.package_id, []
            group.append(item)
        offset += batch.num_rows
        if errors:
            yield pa.RecordBatch.from_pylist(errors, schema=INVOICE_LINES_SCHEMA)
    if current is not None:
        yield pa.RecordBatch.from_pylist(
            invoicer.run(group, [current]), schema=INVOICE_LINES_SCHEMA
        )
