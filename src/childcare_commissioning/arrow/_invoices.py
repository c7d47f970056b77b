"""Invoice lines for a table of delivery records (:func:`invoice_lines`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

import pyarrow as pa

from childcare_commissioning.arrow._base import (
    INVOICE_LINES_SCHEMA,
    ArrowInputError,
    Data,
    OnError,
    _as_batches,
    _citation,
    _Councils,
    _describe,
    _nest,
    _problem_column,
    _require,
    _rows,
)
from childcare_commissioning.billing import (
    Invoice,
    PlannedSession,
    Quotation,
    run_invoices,
)
from childcare_commissioning.billing.records import DeliveryRecord, RecordStatus
from childcare_commissioning.billing.terms import BillingTerms
from childcare_commissioning.convert import structure
from childcare_commissioning.errors import ConversionError, ModelValueError
from childcare_commissioning.model.package import Package
from childcare_commissioning.registry import Registry

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
