"""Invoice lines package by package, in flat memory (:func:`invoice_lines_batches`):
records read as Arrow slices grouped by package, the common cases invoiced together by
the columnar engine (:mod:`._engine`), the rest by the scalar run's code."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from childcare_commissioning.arrow._base import ArrowInputError, OnError, _require
from childcare_commissioning.arrow._engine import Job, columnar_invoices, eligible
from childcare_commissioning.arrow._invoices import _Columns, _terms
from childcare_commissioning.arrow._records import read_records
from childcare_commissioning.billing.conflicts import check_batch, check_span
from childcare_commissioning.billing.records import DeliveryRecord, PlannedSession
from childcare_commissioning.billing.screening import _Package, _screen
from childcare_commissioning.billing.stream import PackageInvoices, _Grouped, _one_package
from childcare_commissioning.billing.terms import (
    BillingCycle,
    BillingTerms,
    Quotation,
    terms_with_cycle,
)
from childcare_commissioning.model.core import Finding
from childcare_commissioning.model.package import Package
from childcare_commissioning.registry import Registry

__all__ = ["BATCH_ROWS", "invoice_lines_batches"]

#: Records gathered (whole packages) before they are invoiced and their rows go out.
BATCH_ROWS = 10_000
_REQUIRED = ("id", "package_id", "date")


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
    cycles: Mapping[str, BillingCycle] | None = None,
) -> Iterator[Any]:
    """The iterator form of :func:`invoice_lines`, package by package, in flat memory.

    The records must come grouped by ``package_id`` (all of a package's records
    together, in any number of batches: in Spark, ``repartition("package_id")
    .sortWithinPartitions("package_id")`` before ``mapInArrow``). Whole packages of
    about :data:`BATCH_ROWS` records are invoiced together: the common cases by the
    columnar engine (integer minutes and pence, numpy and Arrow kernels: see
    :mod:`childcare_commissioning.arrow._engine` for what falls back), the others one by
    one by :func:`~childcare_commissioning.billing.stream_invoices`' code; both give the
    scalar run's lines to the penny. The rows of each gathering go out together (the
    engine's lines first; rows that cannot be read at the end of each input batch or
    gathering). A package whose records come back after another package started is an
    :class:`ArrowInputError` (it would be invoiced twice). ``cycles`` are a contract's
    agreed invoicing cycles by package id, as for
    :func:`~childcare_commissioning.billing.run_invoices`.

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
    runner = _Runner(council, terms, cycles, as_of, on_error, reference)
    current: str | None = None
    slices: list[tuple[Any, int]] = []
    done: set[str] = set()
    offset = 0
    for batch in batches:
        _require(batch, _REQUIRED, "invoice_lines")
        errors = _Columns()
        for package_id, low, high in _runs(batch.column("package_id")):
            if package_id is None:  # no package: each row an error (or raised)
                runner.read(batch.slice(low, high - low), offset + low, errors)
                continue
            if package_id != current:
                if package_id in done:
                    raise ArrowInputError(
                        "invoice_lines",
                        "package_id",
                        offset + low,
                        "records are not grouped by package: this package's records "
                        "resume after another package's",
                    )
                if current is not None:
                    runner.add(current, slices)
                    done.add(current)
                current, slices = package_id, []
            slices.append((batch.slice(low, high - low), offset + low))
        offset += batch.num_rows
        if runner.rows >= BATCH_ROWS:
            yield from runner.flush()
        if errors.rows:
            yield errors.batch()
    if current is not None:
        runner.add(current, slices)
    yield from runner.flush()
    reference.finish()


def _runs(column: Any) -> list[tuple[str | None, int, int]]:
    """Runs of equal package ids (``None`` for rows without one): id, first row, end."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    if column.type != pa.string():
        column = column.cast(pa.string())
    codes = pc.dictionary_encode(column)
    index = np.asarray(codes.indices.fill_null(-1).to_numpy(zero_copy_only=False))
    cuts = np.flatnonzero(index[1:] != index[:-1]) + 1
    bounds = [0, *cuts.tolist(), len(index)]
    names = codes.dictionary.to_pylist()
    return [
        (names[index[a]] if index[a] >= 0 else None, a, b)
        for a, b in itertools.pairwise(bounds)
        if b > a
    ]


class _Runner:
    """Packages gathered with their record slices, invoiced on :meth:`flush`: the common
    cases by the columnar engine, the others by the scalar run's code."""

    def __init__(
        self,
        council: str,
        terms: BillingTerms,
        cycles: Mapping[str, BillingCycle] | None,
        as_of: dt.date,
        on_error: OnError,
        reference: _Reference,
    ) -> None:
        self.council, self.terms, self.cycles = council, terms, cycles
        self.as_of, self.on_error, self.reference = as_of, on_error, reference
        self.jobs: list[Job] = []
        self.entries: list[_Package] = []
        self.slices: list[Any] = []
        self.scalar: list[tuple[str, list[tuple[Any, int]], Job | None]] = []
        self.kept: list[tuple[str, list[tuple[Any, int]], Job | None]] = []
        self.rows = 0
        self.engine_rows = 0  # rows gathered for the engine
        self.last = -1  # the position, in ``packages``, of the last package taken

    def read(self, table: Any, offset: int, errors: _Columns) -> list[DeliveryRecord]:
        records = []
        for _, item in read_records(table, offset, self.council, self.on_error):
            if isinstance(item, dict):
                errors.add(**item)
            else:
                records.append(item)
        return records

    def add(self, package_id: str, slices: list[tuple[Any, int]]) -> None:
        self.rows += sum(part.num_rows for part, _ in slices)
        package = self.reference.packages.get(package_id)
        if package is None:  # as the batch run reports it: unknown package
            self.scalar.append((package_id, slices, None))
            return
        position = self.reference.position[package_id]
        if self.reference.streamed and position < self.last:
            raise ArrowInputError(
                "invoice_lines",
                "package_id",
                slices[0][1],
                "records are not in the order of the packages, as streamed quotations "
                "and planned sessions need: sort the records, packages, quotations and "
                "planned sessions by package",
            )
        self.last = position
        quotes, sessions = self.reference.take(package_id)
        # As the batch run refuses them: anything of the package's given twice, or a
        # run over more years than a run may span.
        check_batch([package], quotes, sessions)
        check_span([package], self.as_of)
        first = self.engine_rows
        count = sum(part.num_rows for part, _ in slices)
        self.engine_rows += count
        job = Job(
            package,
            quotes[-1] if quotes else None,
            sessions,
            terms_with_cycle(self.terms, self.cycles, package_id),
            (first, first + count),
        )
        entry = eligible(self.council, job)
        if entry is None:
            self.scalar.append((package_id, slices, job))
            return
        self.jobs.append(job)
        self.entries.append(entry)
        self.slices += [part for part, _ in slices]
        self.kept.append((package_id, slices, job))  # for the scalar run, if given back

    def flush(self) -> Iterator[Any]:
        out = _Columns()
        errors = _Columns()
        if self.jobs:
            table = _table(self.slices)
            lines, back = (None, list(range(len(self.jobs))))
            if table is not None:
                lines, back = columnar_invoices(
                    self.council, table, self.jobs, self.entries, self.as_of
                )
            if lines is not None and lines.batch.num_rows:
                yield lines.batch
            if lines is not None:
                out.findings(self.council, lines.findings)
                for kind, rows in (("pending", lines.pending), ("held", lines.held)):
                    for package_id, day, record_id in rows:
                        out.add(
                            row_kind=kind,
                            council=self.council,
                            package_id=package_id,
                            date=day,
                            record_id=record_id,
                        )
            self.scalar += [self.kept[n] for n in back]
        for package_id, slices, job in self.scalar:
            records = [r for part, at in slices for r in self.read(part, at, errors)]
            self._scalar(out, package_id, records, job)
        self.jobs, self.entries, self.slices, self.scalar, self.kept = [], [], [], [], []
        self.rows = self.engine_rows = 0
        if out.rows:
            yield out.batch()
        if errors.rows:
            yield errors.batch()

    def _scalar(
        self, out: _Columns, package_id: str, records: list[DeliveryRecord], job: Job | None
    ) -> None:
        if job is None:
            findings: list[Finding] = []
            _screen(records, {}, self.terms, findings, set())
            result = PackageInvoices(package_id, (), findings, ())
        else:
            result = _one_package(
                self.council,
                job.terms,
                job.package,
                job.quotation,
                job.sessions,
                records,
                self.as_of,
                [],
            )
        out.invoices(self.council, result.invoices)
        out.findings(self.council, result.findings)
        out.unbilled(self.council, records, result.pending, result.held)


def _table(slices: Sequence[Any]) -> Any:
    """The slices as one table (``None`` when their columns differ)."""
    try:
        return pa.Table.from_batches(list(slices)).combine_chunks()
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
