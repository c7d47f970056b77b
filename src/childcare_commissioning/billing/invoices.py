"""Invoice runs: packages, quotations, planned sessions and delivery records in; invoices,
findings and pending records out.

Rules of a run (each property-tested):

- an invoice covers one package and one ended billing period (in arrears), and is
  numbered ``<council>-<package>-<period start>``: re-running gives identical invoices;
- each planned session is commissioned on the invoice of its period; what was not
  delivered is a *deduction* computed from the records (missed, cancelled, short);
  delivery beyond the plan or without a plan is *additional*;
- each delivery record is billed exactly once: on its period's invoice, or, when it
  arrives after that period was invoiced (``previous``), as an *adjustment* on the next
  invoice of its package; a late record with no next invoice yet stays *pending*;
- a bad record (outside the package's dates, an unknown purchase order, mileage with no
  agreement) is a finding naming the record and the rule; nothing else is lost;
- an implausible record is a finding, never a silent bill: one that ends before it
  starts, one that ends when it starts (0 minutes, never 24 hours), a visit or one
  worker's hours longer than a day (24 hours), one that repeats
  another record's visit under a new id (same package, worker, start and end), or
  overlaps another visit of the same worker or (beyond the package's staff ratio) of the
  same package; a package of another council is not invoiced;
- hours are elapsed time (22:00-07:00 across the autumn change is 10 hours); a visit that
  crosses a rate boundary (a night window, midnight into a weekend or bank holiday) is
  split there by local time, one line per rate, so every line's ``minutes`` times its
  ``unit_price`` re-computes its amount;
- lines are rounded to the penny; net is the sum of lines; retention is withheld from net
  (only on invoices whose period ends in one of the retention's ``financial_years``, when
  it names any); payable = net - withheld.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from childcare_commissioning.billing.conflicts import check_batch, check_span
from childcare_commissioning.billing.documents import (
    PENNY_ZERO,
    Invoice,
    InvoiceLine,
    InvoiceRun,
    LineKind,
    period_invoice,
    withheld_from,
)
from childcare_commissioning.billing.lines import _mileage_line, _period_lines, _service_lines
from childcare_commissioning.billing.periods import periods_between
from childcare_commissioning.billing.rates import _period_start
from childcare_commissioning.billing.records import (
    DeliveryRecord,
    PlannedSession,
)
from childcare_commissioning.billing.screening import (
    _finding,
    _implausible,
    _outside_windows,
    _Package,
    _screen,
)
from childcare_commissioning.billing.terms import (
    BillingCycle,
    BillingTerms,
    Quotation,
    terms_with_cycle,
)
from childcare_commissioning.model.core import Finding, Severity
from childcare_commissioning.model.package import Package

__all__ = [
    "PENNY_ZERO",
    "Invoice",
    "InvoiceLine",
    "InvoiceRun",
    "LineKind",
    "period_invoice",
    "run_invoices",
    "withheld_from",
]


def run_invoices(
    council: str,
    terms: BillingTerms,
    packages: Iterable[Package],
    quotations: Iterable[Quotation],
    planned: Iterable[PlannedSession],
    records: Iterable[DeliveryRecord],
    as_of: dt.date,
    previous: Sequence[Invoice] = (),
    cycles: Mapping[str, BillingCycle] | None = None,
) -> InvoiceRun:
    """Invoice every billing period that ended before ``as_of`` and was not invoiced in
    ``previous``; see the module docstring for the rules. ``cycles`` are the invoicing
    cycles a contract agrees, by package id (``"*"``: every package), where the text
    allows it (:meth:`~childcare_commissioning.contract.Contract.cycles`)."""
    findings: list[Finding] = []
    packages, quotations, planned = list(packages), list(quotations), list(planned)
    # Anything given twice where one is meant is refused, never chosen silently.
    check_batch(packages, quotations, planned)
    check_span(packages, as_of)
    quotes = {q.package_id: q for q in quotations}
    entries = {
        p.id: _Package(p, quotes.get(p.id), terms_with_cycle(terms, cycles, p.id), findings)
        for p in packages
    }
    for entry in entries.values():
        if entry.package.council != council:
            findings.append(
                _finding(
                    "billing.package.other-council",
                    f"package {entry.package.id!r} belongs to {entry.package.council!r}, "
                    f"not {council!r}; not invoiced",
                    f"$.packages[{entry.package.id!r}]",
                    terms.citation,
                )
            )
            entry.ok = False
    billed = {rid for invoice in previous for rid in invoice.record_ids}
    invoiced: dict[str, set[dt.date]] = defaultdict(set)
    for invoice in previous:
        invoiced[invoice.package_id].add(invoice.period.start)

    valid = _screen(records, entries, terms, findings, set())
    # Plausibility is judged against every record, billed before or not, so that a run
    # split in two holds the same records as one run; only unbilled ones are held.
    held = _implausible(valid, entries, terms, findings, billed)
    by_package: dict[str, list[DeliveryRecord]] = defaultdict(list)
    for record in valid:
        if record.id not in held and record.id not in billed:
            by_package[record.package_id].append(record)
    plans: dict[str, list[PlannedSession]] = defaultdict(list)
    for session in planned:
        plans[session.package_id].append(session)

    invoices: list[Invoice] = []
    pending: list[str] = []
    for package_id in sorted(entries):
        entry = entries[package_id]
        if not entry.ok:
            continue
        more, waiting = _invoice_package(
            council,
            entry,
            by_package.get(package_id, []),
            plans.get(package_id, []),
            invoiced[package_id],
            as_of,
            findings,
        )
        invoices += more
        pending += waiting
    return InvoiceRun(council, as_of, invoices, findings, sorted(set(pending)), sorted(held))


def _invoice_package(
    council: str,
    entry: _Package,
    package_records: list[DeliveryRecord],
    sessions: list[PlannedSession],
    invoiced: set[dt.date],
    as_of: dt.date,
    findings: list[Finding],
) -> tuple[list[Invoice], list[str]]:
    """The invoices of one package's ended, not yet invoiced periods, and the ids of its
    records left pending. ``package_records`` are its valid, unheld, unbilled records;
    ``invoiced`` the starts of its periods invoiced before."""
    terms = entry.terms
    package = entry.package
    last_day = min(package.end or as_of, as_of - dt.timedelta(days=1))
    anchor = package.start
    ended = [
        p for p in periods_between(package.start, last_day, terms.cycle, anchor) if p.end < as_of
    ]
    new_periods = [p for p in ended if p.start not in invoiced]
    # Group once: records and sessions by the start of their billing period.
    by_period: dict[dt.date, list[DeliveryRecord]] = defaultdict(list)
    late: list[DeliveryRecord] = []
    # Period starts by day, computed once per day of the package's records and sessions.
    starts: dict[dt.date, dt.date] = {}
    for record in package_records:
        start = starts.get(record.date)
        if start is None:
            start = starts[record.date] = _period_start(record.date, terms.cycle, anchor)
        (late if start in invoiced else by_period[start]).append(record)
    sessions_by_period: dict[dt.date, list[PlannedSession]] = defaultdict(list)
    for session in sessions:
        outside = terms.outside_budget_windows(package.service, session.date)
        if outside:
            what, path = f"planned session {session.id!r}", f"$.planned[{session.id!r}]"
            findings.append(_outside_windows(what, path, session.date, outside, package))
            continue
        start = starts.get(session.date)
        if start is None:
            start = starts[session.date] = _period_start(session.date, terms.cycle, anchor)
        sessions_by_period[start].append(session)
    billed_now: set[str] = set()
    invoices: list[Invoice] = []
    for position, period in enumerate(new_periods):
        lines: list[InvoiceLine] = []
        ids: list[str] = []
        in_period = by_period.get(period.start, [])
        if position == 0:
            for record in sorted(late, key=lambda r: (r.date, r.id)):
                lines += _service_lines(
                    LineKind.ADJUSTMENT,
                    f"Late record (period already invoiced): {record.status}",
                    record,
                    entry,
                    findings,
                )
                mileage = _mileage_line(record, entry, terms, findings)
                if mileage is not None:
                    lines.append(mileage)
                ids.append(record.id)
        period_sessions = sessions_by_period.get(period.start, [])
        lines += _period_lines(period, period_sessions, in_period, entry, findings)
        ids += [r.id for r in in_period]
        if not lines and not terms.nil_invoices:
            # Nothing delivered, commissioned or adjusted: no invoice, and the run says so.
            findings.append(
                Finding(
                    Severity.INFO,
                    "billing.period.nothing-to-invoice",
                    f"package {package.id!r}: nothing delivered or commissioned "
                    f"{period.start.isoformat()} to {period.end.isoformat()}: no invoice",
                    f"$.packages[{package.id!r}]",
                    terms.citation,
                )
            )
            continue
        billed_now.update(ids)
        invoices.append(period_invoice(council, terms, package, period, lines, ids))
    pending = [r.id for r in package_records if r.id not in billed_now]
    return invoices, pending
