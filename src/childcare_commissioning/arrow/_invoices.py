"""Invoice lines for a table of delivery records (:func:`invoice_lines`), whole or package
by package in flat memory (:func:`invoice_lines_batches`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import pyarrow as pa

from childcare_commissioning.arrow._base import (
    INVOICE_LINES_SCHEMA,
    Data,
    OnError,
    _as_batches,
    _Councils,
)
from childcare_commissioning.arrow._records import RECORD_COLUMNS, read_records
from childcare_commissioning.billing.invoices import Invoice, run_invoices
from childcare_commissioning.billing.records import DeliveryRecord, PlannedSession
from childcare_commissioning.billing.terms import BillingCycle, BillingTerms, Quotation
from childcare_commissioning.model.core import Citation, Finding
from childcare_commissioning.model.package import Package
from childcare_commissioning.registry import Registry

__all__ = ["RECORD_COLUMNS", "invoice_lines"]

_NAMES = tuple(INVOICE_LINES_SCHEMA.names)
#: Rows gathered before an output batch is made (whole packages: a batch may be larger).
BATCH_ROWS = 10_000


class _Columns:
    """Output rows gathered column by column (one list per column of the schema), made
    into a record batch when asked: no dict per row."""

    def __init__(self) -> None:
        self.columns: dict[str, list[Any]] = {name: [] for name in _NAMES}
        self.rows = 0

    def add(self, **values: Any) -> None:
        """One row: the columns given, the others null."""
        for name, column in self.columns.items():
            column.append(values.get(name))
        self.rows += 1

    def cite(self, citation: Citation | None) -> None:
        """Fill the citation columns of the last row."""
        if citation is not None:
            self.columns["spec"][-1] = citation.spec
            self.columns["clause"][-1] = citation.clause
            self.columns["quote"][-1] = citation.quote

    def invoices(self, council: str, invoices: Iterable[Invoice]) -> None:
        """Every line of ``invoices``, numbered from 1 on each invoice."""
        c = self.columns
        for invoice in invoices:
            lines = invoice.lines
            count = len(lines)
            c["row_kind"] += ["line"] * count
            c["invoice_number"] += [invoice.number] * count
            c["council"] += [council] * count
            c["package_id"] += [invoice.package_id] * count
            c["period_start"] += [invoice.period.start] * count
            c["period_end"] += [invoice.period.end] * count
            c["line"] += range(1, count + 1)
            c["kind"] += [line.kind.value for line in lines]
            c["description"] += [line.description for line in lines]
            c["date"] += [line.date for line in lines]
            c["record_id"] += [line.record_id for line in lines]
            c["planned_id"] += [line.planned_id for line in lines]
            c["minutes"] += [line.minutes for line in lines]
            c["quantity"] += [line.quantity for line in lines]
            c["unit"] += [line.unit for line in lines]
            c["unit_price"] += [line.unit_price for line in lines]
            c["amount"] += [line.amount for line in lines]
            c["rule"] += [line.rule for line in lines]
            citations = [line.citation for line in lines]
            c["spec"] += [x.spec if x is not None else None for x in citations]
            c["clause"] += [x.clause if x is not None else None for x in citations]
            c["quote"] += [x.quote if x is not None else None for x in citations]
            c["path"] += [None] * count
            c["error"] += [None] * count
            self.rows += count

    def findings(self, council: str, findings: Iterable[Finding]) -> None:
        """The run's findings about bad or implausible input, one row each."""
        for finding in findings:
            self.add(
                row_kind="finding",
                council=council,
                kind=str(finding.severity),
                description=finding.message,
                rule=finding.code,
                path=finding.path,
            )
            self.cite(finding.citation)

    def unbilled(
        self,
        council: str,
        records: Iterable[DeliveryRecord],
        pending: Iterable[str],
        held: Iterable[str],
    ) -> None:
        """Records left pending or held back, by id (with their package and date)."""
        by_id = {r.id: r for r in records}
        for kind, record_ids in (("pending", pending), ("held", held)):
            for record_id in record_ids:
                record = by_id.get(record_id)
                self.add(
                    row_kind=kind,
                    council=council,
                    package_id=record.package_id if record else None,
                    date=record.date if record else None,
                    record_id=record_id,
                )

    def batch(self) -> Any:
        """The rows gathered so far as one record batch; the gathering starts again."""
        out = pa.RecordBatch.from_pydict(self.columns, schema=INVOICE_LINES_SCHEMA)
        self.columns = {name: [] for name in _NAMES}
        self.rows = 0
        return out


def _terms(council: str, terms: BillingTerms | None, registry: Registry | None) -> BillingTerms:
    if terms is not None:
        return terms
    spec = _Councils(registry).spec(council)
    if spec.billing is None:
        raise ValueError(f"council {council!r} declares no billing terms")
    found: BillingTerms = spec.billing
    return found


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
    cycles: Mapping[str, BillingCycle] | None = None,
) -> Any:
    """Invoice lines for a table of delivery records: one scalar invoice run
    (:func:`~childcare_commissioning.billing.run_invoices`) over every record of the
    table, flattened to one row per line.

    Columns in (:data:`RECORD_COLUMNS`, the names of the records CSV): required ``id``,
    ``package_id``, ``date``; optional ``status``, ``start``, ``end`` (times), ``hours``,
    ``miles`` (decimals or strings), ``worker_id``, ``planned_id``,
    ``mileage_agreement``, ``purchase_order``, ``confirmed_by``, ``end_date``. Packages,
    quotations and planned sessions are the run's reference data; ``terms`` defaults to
    the council's declared billing terms, ``cycles`` a contract's agreed invoicing cycles
    by package id (as for :func:`~childcare_commissioning.billing.run_invoices`). Out:
    columns :data:`INVOICE_LINES_SCHEMA`:
    every line of every invoice (amounts ``decimal128(18, 2)``, exactly the scalar
    run's), then the run's findings, pending and held records, so every record given is
    accounted for.
    """
    terms = _terms(council, terms, registry)
    valid: list[DeliveryRecord] = []
    errors = _Columns()
    offset = 0
    for batch in _as_batches(records, "invoice_lines"):
        for _, item in read_records(batch, offset, council, on_error):
            if isinstance(item, dict):
                errors.add(**item)
            else:
                valid.append(item)
        offset += batch.num_rows
    result = run_invoices(
        council, terms, packages, quotations, planned, valid, as_of, cycles=cycles
    )
    out = _Columns()
    out.invoices(council, result.invoices)
    out.findings(council, result.findings)
    out.unbilled(council, valid, result.pending, result.held)
    return pa.Table.from_batches([out.batch(), errors.batch()], schema=INVOICE_LINES_SCHEMA)
