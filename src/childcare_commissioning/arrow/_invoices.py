"""Invoice lines for a table of delivery records (:func:`invoice_lines`), whole or package
by package in flat memory (:func:`invoice_lines_batches`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import pyarrow as pa

from childcare_commissioning.arrow._base import (
    INVOICE_LINES_SCHEMA,
    ArrowInputError,
    Data,
    OnError,
    _as_batches,
    _Councils,
)
from childcare_commissioning.arrow._records import RECORD_COLUMNS, read_records
from childcare_commissioning.billing.conflicts import check_batch, check_span
from childcare_commissioning.billing.invoices import Invoice, run_invoices
from childcare_commissioning.billing.records import DeliveryRecord, PlannedSession
from childcare_commissioning.billing.screening import _screen
from childcare_commissioning.billing.stream import (
    PackageInvoices,
    _Grouped,
    _one_package,
)
from childcare_commissioning.billing.terms import BillingTerms, Quotation
from childcare_commissioning.model.core import Citation, Finding
from childcare_commissioning.model.package import Package
from childcare_commissioning.registry import Registry

__all__ = ["RECORD_COLUMNS", "invoice_lines", "invoice_lines_batches"]

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
    result = run_invoices(council, terms, packages, quotations, planned, valid, as_of)
    out = _Columns()
    out.invoices(council, result.invoices)
    out.findings(council, result.findings)
    out.unbilled(council, valid, result.pending, result.held)
    return pa.Table.from_batches([out.batch(), errors.batch()], schema=INVOICE_LINES_SCHEMA)


class _Reference:
    """A package's quotation and planned sessions. From lists (the caller holds them
    already) they are looked up by package, in any order; from any other iterable they
    are taken as the records reach each package, so never held: grouped by package, in
    the order of ``packages`` (as :func:`~childcare_commissioning.billing.stream_invoices`
    takes them)."""

    def __init__(
        self,
        packages: Iterable[Package],
        quotations: Iterable[Quotation],
        planned: Iterable[PlannedSession],
    ) -> None:
        self.packages = {p.id: p for p in packages}
        self.position = {package_id: n for n, package_id in enumerate(self.packages)}
        self.streamed = not (isinstance(quotations, Sequence) and isinstance(planned, Sequence))
        self._quotes: dict[str, list[Quotation]] = {}
        self._sessions: dict[str, list[PlannedSession]] = {}
        self._quote_groups: _Grouped[Quotation] | None = None
        self._session_groups: _Grouped[PlannedSession] | None = None
        if isinstance(quotations, Sequence):
            for quotation in quotations:
                self._quotes.setdefault(quotation.package_id, []).append(quotation)
        else:
            self._quote_groups = _Grouped(
                quotations, self.position, "quotation", lambda q: q.package_id
            )
        if isinstance(planned, Sequence):
            for session in planned:
                self._sessions.setdefault(session.package_id, []).append(session)
        else:
            self._session_groups = _Grouped(
                planned, self.position, "planned session", lambda s: s.id
            )

    def take(self, package_id: str) -> tuple[list[Quotation], list[PlannedSession]]:
        """The package's quotations (one, or a conflict) and planned sessions."""
        if self._quote_groups is not None:
            quotes = self._quote_groups.take(package_id, skip=True)
        else:
            quotes = self._quotes.pop(package_id, [])
        if self._session_groups is not None:
            sessions = self._session_groups.take(package_id, skip=True)
        else:
            sessions = self._sessions.pop(package_id, [])
        return quotes, sessions

    def finish(self) -> None:
        """Read the streamed items left (packages after the last with records), refusing
        any out of order: a group of an earlier package would otherwise be lost."""
        for groups in (self._quote_groups, self._session_groups):
            if groups is not None:
                groups.drain()


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
    its own (by :func:`~childcare_commissioning.billing.stream_invoices`' code) as soon as
    its last record has been read; its rows go out in batches of about
    :data:`BATCH_ROWS` rows (whole packages; rows that cannot be read go out at the end
    of each input batch). A package whose records come back after another package
    started is an :class:`ArrowInputError` (it would be invoiced twice).

    ``quotations`` and ``planned`` given as lists are looked up by package. Given as any
    other iterable (a generator, a reader), they are never held: each must be grouped by
    package in the order of ``packages``, and the records must come in that order too
    (sort all three by package id, say); a package without records here has its items
    skipped. Only the packages (a few hundred bytes each) are held throughout.

    Differences from :func:`invoice_lines`, which runs the whole table at once: only
    packages with at least one record in the input are invoiced (a package with none is
    a scalar run's job), and record ids and a worker's visits are checked within one
    package only.
    """
    terms = _terms(council, terms, registry)
    reference = _Reference(packages, quotations, planned)
    out = _Columns()
    current: str | None = None
    group: list[DeliveryRecord] = []
    done: set[str] = set()
    last = -1  # the position, in ``packages``, of the last package invoiced
    offset = 0

    def run(package_id: str, records: list[DeliveryRecord], index: int) -> None:
        nonlocal last
        package = reference.packages.get(package_id)
        if package is None:  # as the batch run reports it: unknown package
            findings: list[Finding] = []
            _screen(records, {}, terms, findings, set())
            result = PackageInvoices(package_id, (), findings, ())
        else:
            position = reference.position[package_id]
            if reference.streamed and position < last:
                raise ArrowInputError(
                    "invoice_lines",
                    "package_id",
                    index,
                    "records are not in the order of the packages, as streamed quotations "
                    "and planned sessions need: sort the records, packages, quotations and "
                    "planned sessions by package",
                )
            last = position
            quotes, sessions = reference.take(package_id)
            # As the batch run refuses them: anything of the package's given twice, or a
            # run over more years than a run may span.
            check_batch([package], quotes, sessions)
            check_span([package], as_of)
            quotation = quotes[-1] if quotes else None
            result = _one_package(council, terms, package, quotation, sessions, records, as_of, [])
        out.invoices(council, result.invoices)
        out.findings(council, result.findings)
        out.unbilled(council, records, result.pending, result.held)

    first_row = 0
    for batch in batches:
        errors = _Columns()
        for index, item in read_records(batch, offset, council, on_error):
            if isinstance(item, dict):
                errors.add(**item)
                continue
            if item.package_id != current:
                if item.package_id in done:
                    raise ArrowInputError(
                        "invoice_lines",
                        "package_id",
                        index,
                        "records are not grouped by package: this package's records "
                        "resume after another package's",
                    )
                if current is not None:
                    run(current, group, first_row)
                    done.add(current)
                    if out.rows >= BATCH_ROWS:
                        yield out.batch()
                current, group, first_row = item.package_id, [], index
            group.append(item)
        offset += batch.num_rows
        if errors.rows:
            yield errors.batch()
    if current is not None:
        run(current, group, first_row)
    reference.finish()
    if out.rows:
        yield out.batch()
