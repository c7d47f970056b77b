"""Screening a run's input: each package validated once, records checked against their
package (dates, budget windows, purchase order), repeats and implausible records held."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from childcare_commissioning.billing.rates import _Rates
from childcare_commissioning.billing.records import (
    DeliveryRecord,
    RecordStatus,
    elapsed_minutes,
)
from childcare_commissioning.billing.terms import (
    BillingTerms,
    Budget,
    MileageAgreement,
    Quotation,
)
from childcare_commissioning.model.core import Citation, Finding, Severity
from childcare_commissioning.model.package import Package


def _finding(code: str, message: str, path: str, citation: Citation | None) -> Finding:
    return Finding(Severity.ERROR, code, message, path, citation)


class _Package:
    """Everything the run knows about one package, validated once."""

    def __init__(
        self,
        package: Package,
        quotation: Quotation | None,
        terms: BillingTerms,
        findings: list[Finding],
    ) -> None:
        self.package = package
        self._agreements: dict[str | None, MileageAgreement | None] = {}
        self.terms = terms
        self.ok = True
        path = f"$.packages[{package.id!r}]"
        if terms.purchase_order_required and not package.purchase_order:
            findings.append(
                _finding(
                    "billing.purchase-order.missing",
                    f"package {package.id!r} has no purchase order number",
                    path,
                    terms.purchase_order_citation or terms.citation,
                )
            )
            self.ok = False
        if terms.invoice_to_citation is not None and not (package.invoice_to or "").strip():
            findings.append(
                Finding(
                    Severity.WARNING,
                    "billing.invoice-to.missing",
                    f"package {package.id!r}: say whom its invoices go to (invoice_to: the "
                    "department its purchase order names)",
                    f"{path}.invoice_to",
                    terms.invoice_to_citation,
                )
            )
        if quotation is None or not quotation.rates:
            findings.append(
                _finding(
                    "billing.rate.missing",
                    f"package {package.id!r} has no quoted rate",
                    path,
                    terms.citation,
                )
            )
            self.ok = False
            self.rates = None
            self.quotation = Quotation(package.id, ())
            return
        self.quotation = quotation
        for rate in quotation.rates:
            band = terms.band(rate.band)
            if band is not None and not band.contains(rate.amount):
                findings.append(
                    _finding(
                        "billing.rate.outside-band",
                        f"package {package.id!r}: rate {rate.amount} from "
                        f"{rate.effective_from.isoformat()} is outside {band.name} "
                        f"({band.minimum}-{band.maximum} per {band.unit})",
                        path,
                        band.citation,
                    )
                )
                self.ok = False
        self.rates = _Rates(quotation)

    def agreement(self, agreement_id: str | None) -> MileageAgreement | None:
        """The quotation's mileage agreement ``agreement_id`` (looked up once per id)."""
        try:
            return self._agreements[agreement_id]
        except KeyError:
            found = self._agreements[agreement_id] = self.quotation.mileage_agreement(agreement_id)
            return found


def _validate_record(
    record: DeliveryRecord, entry: _Package | None, terms: BillingTerms
) -> list[Finding]:
    if entry is None:
        return [
            _finding(
                "billing.record.unknown-package",
                f"record {record.id!r} names unknown package {record.package_id!r}",
                f"$.records[{record.id!r}]",
                terms.citation,
            )
        ]
    package = entry.package
    problems = []
    if record.date < package.start or (package.end is not None and record.date > package.end):
        problems.append(
            _finding(
                "billing.record.outside-package",
                f"record {record.id!r} ({record.date.isoformat()}) is outside package "
                f"{package.id!r} ({package.start.isoformat()} to "
                f"{package.end.isoformat() if package.end else 'open'})",
                f"$.records[{record.id!r}]",
                terms.citation,
            )
        )
    outside = terms.outside_budget_windows(package.service, record.date)
    if outside:
        what = f"record {record.id!r}"
        path = f"$.records[{record.id!r}]"
        problems.append(_outside_windows(what, path, record.date, outside, package))
    if record.purchase_order is not None and record.purchase_order != package.purchase_order:
        problems.append(
            _finding(
                "billing.purchase-order.unknown",
                f"record {record.id!r} quotes a purchase order that is not package "
                f"{package.id!r}'s",
                f"$.records[{record.id!r}]",
                terms.citation,
            )
        )
    return problems


def _outside_windows(
    what: str, path: str, day: dt.date, budgets: tuple[Budget, ...], package: Package
) -> Finding:
    """``what`` (a record, a planned session) of ``package`` dated ``day``, which no
    budget window of its financial year covers: not billed."""
    windows = "; ".join(
        f"{b.label} covers {(b.start or day).isoformat()} to {(b.end or day).isoformat()}"
        for b in budgets
    )
    return _finding(
        "billing.budget.outside-window",
        f"{what} of package {package.id!r} ({day.isoformat()}) is outside every budget "
        f"window of its financial year ({windows}); not billed",
        path,
        budgets[0].citation,
    )


def _clash(
    begin: dt.datetime,
    finish: dt.datetime,
    record: DeliveryRecord,
    running_package: list[tuple[dt.datetime, dt.datetime, DeliveryRecord]],
    running_worker: list[tuple[dt.datetime, dt.datetime, DeliveryRecord]],
    entries: dict[str, _Package],
) -> tuple[str, str, DeliveryRecord] | None:
    """Why ``record`` may not be billed beside the visits still running, if it may not."""
    for other_begin, other_finish, other in running_package:
        if (other_begin, other_finish, other.worker_id) == (begin, finish, record.worker_id):
            return "billing.record.duplicate-visit", "repeats the visit of", other
    if running_worker:
        other = running_worker[0][2]
        return "billing.record.overlap", "overlaps a visit by the same worker in", other
    if running_package:
        entry = entries.get(record.package_id)
        ratio = entry.package.staff_ratio if entry is not None else None
        staff = ratio.staff if ratio is not None else 1
        distinct = record.worker_id is not None and all(
            o.worker_id is not None for _, _, o in running_package
        )
        if not distinct or len(running_package) >= staff:
            other = running_package[0][2]
            return "billing.record.overlap", "overlaps, beyond the staff ratio, the visit of", other
    return None


def _implausible(
    records: Sequence[DeliveryRecord],
    entries: dict[str, _Package],
    terms: BillingTerms,
    findings: list[Finding],
    billed: set[str],
) -> set[str]:
    """Report implausible records and return the ids not to bill.

    A record that ends before it starts, or one visit (start and end) or one worker's
    hours lasting more than a day, is held; a record in hours with no worker may total a
    team's or a block's hours and is not limited to a day. Of two records
    for the same visit (package, worker, start and end) the later id is held as a
    duplicate. A visit overlapping another visit of the same worker is held; overlapping
    visits of one package beyond its staff ratio are held. The first record (by start,
    then id) of an overlapping pair is billed.
    """
    held: set[str] = set()
    timed: list[tuple[dt.datetime, dt.datetime, DeliveryRecord]] = []
    day = 24 * 60
    for record in records:
        if record.status is not RecordStatus.DELIVERED:
            continue
        if record.id in billed:
            interval = record.utc_interval()
            if interval is not None:
                timed.append((*interval, record))
            continue
        interval = record.utc_interval()
        timed_visit = interval is not None
        elapsed = elapsed_minutes(*interval) if interval is not None else record.elapsed
        if interval is not None and interval[0] == interval[1]:  # the same instant
            findings.append(
                _finding(
                    "billing.record.no-time",
                    f"record {record.id!r} ends when it starts (0 minutes, not 24 hours); "
                    "not billed",
                    f"$.records[{record.id!r}]",
                    terms.citation,
                )
            )
            held.add(record.id)
        elif elapsed < 0:
            findings.append(
                _finding(
                    "billing.record.ends-before-start",
                    f"record {record.id!r} ends before it starts; not billed",
                    f"$.records[{record.id!r}]",
                    terms.citation,
                )
            )
            held.add(record.id)
        elif elapsed > day and (timed_visit or record.worker_id is not None):
            findings.append(
                _finding(
                    "billing.record.beyond-a-day",
                    f"record {record.id!r} is {elapsed / 60:.2f} hours, more than a "
                    "day; not billed",
                    f"$.records[{record.id!r}]",
                    terms.citation,
                )
            )
            held.add(record.id)
        elif interval is not None:
            timed.append((*interval, record))
    timed.sort(key=lambda item: (item[0], item[2].id))
    # Visits still running at the current start, by package and by worker (sorted by
    # start, so a visit that has finished can be dropped for good): each visit is compared
    # only with those, never with the whole run.
    by_package: dict[str, list[tuple[dt.datetime, dt.datetime, DeliveryRecord]]] = {}
    by_worker: dict[str, list[tuple[dt.datetime, dt.datetime, DeliveryRecord]]] = {}
    for begin, finish, record in timed:
        running_package = [x for x in by_package.get(record.package_id, []) if x[1] > begin]
        by_package[record.package_id] = running_package
        running_worker: list[tuple[dt.datetime, dt.datetime, DeliveryRecord]] = []
        if record.worker_id is not None:
            running_worker = [x for x in by_worker.get(record.worker_id, []) if x[1] > begin]
            by_worker[record.worker_id] = running_worker
        clash = None
        # Nothing running: nothing to clash with (the common case, without a call).
        if (running_package or running_worker) and record.id not in billed:
            clash = _clash(begin, finish, record, running_package, running_worker, entries)
        if clash is not None:
            code, why, other = clash
            findings.append(
                _finding(
                    code,
                    f"record {record.id!r} {why} record {other.id!r} "
                    f"(package {record.package_id!r}); not billed",
                    f"$.records[{record.id!r}]",
                    terms.citation,
                )
            )
            held.add(record.id)
            continue
        running_package.append((begin, finish, record))
        running_worker.append((begin, finish, record))
    return held


def _screen(
    records: Iterable[DeliveryRecord],
    entries: dict[str, _Package],
    terms: BillingTerms,
    findings: list[Finding],
    seen: set[str],
) -> list[DeliveryRecord]:
    """The records that are not repeats of an id in ``seen`` (which collects them) and
    name a known package within its dates and purchase order; the rest are findings."""
    valid: list[DeliveryRecord] = []
    for record in records:
        if record.id in seen:
            findings.append(
                _finding(
                    "billing.record.duplicate",
                    f"record id {record.id!r} appears twice",
                    f"$.records[{record.id!r}]",
                    terms.citation,
                )
            )
            continue
        seen.add(record.id)
        entry = entries.get(record.package_id)
        problems = _validate_record(record, entry, terms)
        findings.extend(problems)
        if not problems:
            valid.append(record)
    return valid
