"""Streaming invoice runs: invoices package by package, in memory that does not grow with
the run.

:func:`stream_invoices` takes the same inputs as
:func:`~childcare_commissioning.billing.run_invoices`, except that quotations, planned
sessions and delivery records arrive as iterables *grouped by package* (all of one
package's items together, packages in the order of ``packages``), and yields one
:class:`PackageInvoices` per package as soon as that package's records have been read.
Only one package's quotation, records, sessions and invoices are held at a time; the
packages themselves (a few hundred bytes each) are held until their turn. Each package is
invoiced by the same code as the batch run, so its invoices, findings, pending and held
records are the batch run's to the penny.

What only the batch run can see, because it needs every package at once:

- a record id repeated in *another* package (the batch run reports the later one as
  ``billing.record.duplicate``; the stream checks ids within each package);
- one worker's visits to two packages that overlap (the batch run holds the later one as
  ``billing.record.overlap``; the stream checks a worker's visits within each package).

The stream is exact wherever record ids and workers are scoped to one package, as in
most timesheet systems; where they are not, check the run with ``run_invoices`` council
by council. Input that is not grouped (a package's records, planned sessions or quotation
arriving after that package was invoiced) raises :class:`UngroupedInputError`: nothing is dropped or
re-ordered silently. Records naming a package not in ``packages`` are reported as the batch
run reports them (``billing.record.unknown-package``), in a result of their own with
``known=False``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from operator import attrgetter
from typing import Generic, TypeVar

import attrs

from childcare_commissioning.billing.conflicts import (
    BatchConflictError,
    batch_conflicts,
    check_batch,
    check_span,
)
from childcare_commissioning.billing.invoices import Invoice, InvoiceRun, _invoice_package
from childcare_commissioning.billing.records import DeliveryRecord, PlannedSession
from childcare_commissioning.billing.screening import _finding, _implausible, _Package, _screen
from childcare_commissioning.billing.terms import (
    BillingCycle,
    BillingTerms,
    Quotation,
    terms_with_cycle,
)
from childcare_commissioning.errors import CommissioningError
from childcare_commissioning.model._fields import to_tuple
from childcare_commissioning.model.core import Finding
from childcare_commissioning.model.package import Package

__all__ = ["PackageInvoices", "UngroupedInputError", "collect_run", "stream_invoices"]

_PACKAGE_ID = attrgetter("package_id")
_ID = attrgetter("id")
T = TypeVar("T")


class UngroupedInputError(CommissioningError, ValueError):
    """Records or planned sessions of a package arrived after that package's group ended
    (the input is not grouped by package in the order of the packages)."""

    def __init__(self, what: str, item_id: str, package_id: str) -> None:
        super().__init__(
            f"{what} {item_id!r} of package {package_id!r} comes after that package was "
            f"invoiced: a streaming run needs {what}s grouped by package, in the order the "
            "packages are given (sort the input by package first) [grouped-by-package]"
        )
        self.what = what
        self.item_id = item_id
        self.package_id = package_id


@attrs.frozen
class PackageInvoices:
    """What a streaming run found for one package: its invoices (oldest period first), the
    findings about it and its records, its records left pending and those held back.
    ``known`` is ``False`` for records naming a package that was not given (their
    findings only)."""

    package_id: str
    invoices: tuple[Invoice, ...] = attrs.field(converter=to_tuple)
    findings: tuple[Finding, ...] = attrs.field(converter=to_tuple)
    pending: tuple[str, ...] = attrs.field(converter=to_tuple)
    held: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    known: bool = True


class _Grouped(Generic[T]):
    """Items grouped by package (planned sessions, quotations), taken package by package
    in the packages' order. A group of a package that comes before another package's
    group in that order, or a second group of one package, is refused as soon as it is
    read."""

    def __init__(
        self, items: Iterable[T], position: dict[str, int], what: str, name: Callable[[T], str]
    ) -> None:
        self._groups = itertools.groupby(items, key=_PACKAGE_ID)
        self._position = position
        self._what = what
        self._name = name
        self._next: tuple[str, list[T]] | None = None
        self._last = -1  # the position of the last group read

    def _peek(self) -> tuple[str, list[T]] | None:
        if self._next is None:
            for package_id, group in self._groups:
                # Items of a package that was not given are ignored, as in the batch run.
                index = self._position.get(package_id)
                if index is None:
                    continue
                items = list(group)
                if index <= self._last:
                    raise UngroupedInputError(self._what, self._name(items[0]), package_id)
                self._last = index
                self._next = (package_id, items)
                break
        return self._next

    def take(self, package_id: str, *, skip: bool = False) -> list[T]:
        """The items of ``package_id`` (the next package in order). With ``skip``, the
        groups of packages before it in order are dropped (packages not invoiced here);
        without, they are an error."""
        wanted = self._position[package_id]
        while True:
            upcoming = self._peek()
            if upcoming is None:
                return []
            if upcoming[0] == package_id:
                self._next = None
                return upcoming[1]
            if self._position[upcoming[0]] > wanted:
                return []
            if not skip:
                raise UngroupedInputError(self._what, self._name(upcoming[1][0]), upcoming[0])
            self._next = None

    def drain(self) -> None:
        """Read the groups left, one at a time (those of packages not invoiced), refusing
        any out of order."""
        while self._peek() is not None:
            self._next = None

    def finish(self) -> None:
        """Refuse items left over: they belong to a package already invoiced."""
        left = self._peek()
        if left is not None:
            raise UngroupedInputError(self._what, self._name(left[1][0]), left[0])


def stream_invoices(
    council: str,
    terms: BillingTerms,
    packages: Iterable[Package],
    quotations: Iterable[Quotation],
    planned: Iterable[PlannedSession],
    records: Iterable[DeliveryRecord],
    as_of: dt.date,
    previous: Sequence[Invoice] = (),
    cycles: Mapping[str, BillingCycle] | None = None,
) -> Iterator[PackageInvoices]:
    """Invoice every billing period that ended before ``as_of`` and was not invoiced in
    ``previous``, one package at a time; see the module docstring for what "grouped"
    means and the two checks that need the batch run. Every package given is yielded once
    (in the order given), also one with no records; records of unknown packages are
    yielded as findings where they occur. ``cycles`` are a contract's agreed invoicing
    cycles by package id, as for :func:`~childcare_commissioning.billing.run_invoices`."""
    given: dict[str, Package] = {}
    for package in packages:
        if package.id in given:
            check_batch([*given.values(), package], [], [])  # names both places
        given[package.id] = package
    check_span(list(given.values()), as_of)
    order = list(given)
    position = {package_id: index for index, package_id in enumerate(order)}
    earlier: dict[str, list[Invoice]] = defaultdict(list)
    for invoice in previous:
        earlier[invoice.package_id].append(invoice)
    sessions = _Grouped(planned, position, "planned session", _ID)
    quotes = _Grouped(quotations, position, "quotation", _PACKAGE_ID)

    def one(package_id: str, package_records: list[DeliveryRecord]) -> PackageInvoices:
        # As in the batch run, a second quotation, a second rate of a kind from one day, or
        # a planned session given twice, is refused (paths within this package's items).
        quoted = quotes.take(package_id)
        planned_here = sessions.take(package_id)
        problems = batch_conflicts([], quoted, planned_here)
        if problems:
            raise BatchConflictError(f"package {package_id!r}'s items", problems)
        return _one_package(
            council,
            terms_with_cycle(terms, cycles, package_id),
            given.pop(package_id),
            quoted[-1] if quoted else None,
            planned_here,
            package_records,
            as_of,
            earlier.get(package_id, []),
        )

    done = 0
    for package_id, group in itertools.groupby(records, key=_PACKAGE_ID):
        package_records = list(group)
        index = position.get(package_id)
        if index is None:
            findings: list[Finding] = []
            _screen(package_records, {}, terms, findings, set())
            yield PackageInvoices(package_id, (), findings, (), known=False)
            continue
        if index < done:
            raise UngroupedInputError("record", package_records[0].id, package_id)
        while done < index:
            yield one(order[done], [])
            done += 1
        yield one(package_id, package_records)
        done += 1
    while done < len(order):
        yield one(order[done], [])
        done += 1
    sessions.finish()
    quotes.finish()


def _one_package(
    council: str,
    terms: BillingTerms,
    package: Package,
    quotation: Quotation | None,
    sessions: list[PlannedSession],
    records: list[DeliveryRecord],
    as_of: dt.date,
    previous: list[Invoice],
) -> PackageInvoices:
    findings: list[Finding] = []
    entry = _Package(package, quotation, terms, findings)
    if package.council != council:
        findings.append(
            _finding(
                "billing.package.other-council",
                f"package {package.id!r} belongs to {package.council!r}, not {council!r}; "
                "not invoiced",
                f"$.packages[{package.id!r}]",
                terms.citation,
            )
        )
        entry.ok = False
    entries = {package.id: entry}
    billed = {rid for invoice in previous for rid in invoice.record_ids}
    invoiced = {invoice.period.start for invoice in previous}
    valid = _screen(records, entries, terms, findings, set())
    held = _implausible(valid, entries, terms, findings, billed)
    unbilled = [r for r in valid if r.id not in held and r.id not in billed]
    invoices: list[Invoice] = []
    pending: list[str] = []
    if entry.ok:
        invoices, pending = _invoice_package(
            council, entry, unbilled, sessions, invoiced, as_of, findings
        )
    return PackageInvoices(package.id, invoices, findings, sorted(set(pending)), sorted(held))


def collect_run(council: str, as_of: dt.date, results: Iterable[PackageInvoices]) -> InvoiceRun:
    """A stream's results gathered into one :class:`InvoiceRun` (invoices in package then
    period order, as the batch run gives them). This holds the whole run: use it for runs
    that fit in memory, or to compare a stream with the batch run."""
    gathered = sorted(results, key=lambda r: r.package_id)
    return InvoiceRun(
        council,
        as_of,
        [invoice for r in gathered for invoice in r.invoices],
        [finding for r in gathered for finding in r.findings],
        sorted({rid for r in gathered for rid in r.pending}),
        sorted({rid for r in gathered for rid in r.held}),
    )
