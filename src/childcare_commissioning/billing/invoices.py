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
- lines are rounded to the penny; net is the sum of lines; retention is withheld from net;
  payable = net - withheld.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from childcare_commissioning.billing.periods import period_containing, periods_between
from childcare_commissioning.billing.records import DeliveryRecord, PlannedSession, RecordStatus
from childcare_commissioning.billing.terms import BillingTerms, Quotation, Rate, RateCondition
from childcare_commissioning.calendars import working_calendar
from childcare_commissioning.model._fields import to_tuple
from childcare_commissioning.model.core import Citation, Finding, Severity
from childcare_commissioning.model.package import Package
from childcare_commissioning.money import to_penny
from childcare_commissioning.schedules import Period

__all__ = ["Invoice", "InvoiceLine", "InvoiceRun", "LineKind", "run_invoices"]

SIXTY = Decimal(60)


class LineKind(enum.StrEnum):
    """What an invoice line is for."""

    COMMISSIONED = "commissioned"
    DEDUCTION = "deduction"
    ADDITIONAL = "additional"
    MILEAGE = "mileage"
    ADJUSTMENT = "adjustment"


@attrs.frozen
class InvoiceLine:
    """One line: what, how much of it, at what price, and the rule it comes from."""

    kind: LineKind
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    amount: Decimal
    rule: str
    citation: Citation | None = None
    date: dt.date | None = None
    record_id: str | None = None
    planned_id: str | None = None


@attrs.frozen
class Invoice:
    """An invoice for one package and one billing period."""

    number: str
    council: str
    package_id: str
    purchase_order: str | None
    period: Period
    issued_on: dt.date
    lines: tuple[InvoiceLine, ...] = attrs.field(converter=to_tuple)
    net: Decimal
    withheld: Decimal
    payable: Decimal
    record_ids: tuple[str, ...] = attrs.field(converter=to_tuple)


@attrs.frozen
class InvoiceRun:
    """The result of a run: invoices, findings about bad input, and records not yet billed
    because their period has not ended or (late records) no next invoice exists yet."""

    council: str
    as_of: dt.date
    invoices: tuple[Invoice, ...] = attrs.field(converter=to_tuple)
    findings: tuple[Finding, ...] = attrs.field(converter=to_tuple)
    pending: tuple[str, ...] = attrs.field(converter=to_tuple)

    @property
    def net(self) -> Decimal:
        """Sum of the invoices' net values."""
        return sum((i.net for i in self.invoices), Decimal(0))


def _finding(code: str, message: str, path: str, citation: Citation | None) -> Finding:
    return Finding(Severity.ERROR, code, message, path, citation)


class _Rates:
    def __init__(self, quotation: Quotation) -> None:
        self.rates = sorted(quotation.rates, key=lambda r: r.effective_from)
        self.bank_holidays = working_calendar("england-and-wales")

    def for_session(self, day: dt.date, start: dt.time | None) -> Rate | None:
        usable = [r for r in self.rates if r.effective_from <= day]
        if day.weekday() < 5 and self.bank_holidays.closure_name(day) is not None:
            best = [r for r in usable if r.condition is RateCondition.BANK_HOLIDAY]
            if best:
                return best[-1]
        if start is not None:
            night = [
                r
                for r in usable
                if r.condition is RateCondition.NIGHT
                and r.window is not None
                and (
                    r.window.start <= start < r.window.end
                    or (
                        r.window.crosses_midnight
                        and (start >= r.window.start or start < r.window.end)
                    )
                )
            ]
            if night:
                return night[-1]
        standard = [r for r in usable if r.condition is RateCondition.STANDARD]
        return standard[-1] if standard else None


def _money(minutes: int, rate: Rate, terms: BillingTerms) -> Decimal:
    return to_penny(rate.amount * Decimal(minutes) / SIXTY, terms.rounding)


def _hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / SIXTY).quantize(Decimal("0.01"))


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
        self.terms = terms
        self.ok = True
        path = f"$.packages[{package.id!r}]"
        if terms.purchase_order_required and not package.purchase_order:
            findings.append(
                _finding(
                    "billing.purchase-order.missing",
                    f"package {package.id!r} has no purchase order number",
                    path,
                    terms.citation,
                )
            )
            self.ok = False
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


def _validate_record(
    record: DeliveryRecord, entry: _Package | None, terms: BillingTerms
) -> list[Finding]:
    path = f"$.records[{record.id!r}]"
    if entry is None:
        return [
            _finding(
                "billing.record.unknown-package",
                f"record {record.id!r} names unknown package {record.package_id!r}",
                path,
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
                path,
                terms.citation,
            )
        )
    if record.purchase_order is not None and record.purchase_order != package.purchase_order:
        problems.append(
            _finding(
                "billing.purchase-order.unknown",
                f"record {record.id!r} quotes a purchase order that is not package "
                f"{package.id!r}'s",
                path,
                terms.citation,
            )
        )
    return problems


def _mileage_line(
    record: DeliveryRecord, entry: _Package, terms: BillingTerms, findings: list[Finding]
) -> InvoiceLine | None:
    policy = terms.mileage
    if record.miles == 0:
        return None
    path = f"$.records[{record.id!r}].miles"
    if policy is None:
        findings.append(
            _finding(
                "billing.mileage.not-payable",
                f"record {record.id!r}: this council pays no mileage",
                path,
                terms.citation,
            )
        )
        return None
    agreed = record.mileage_agreement in entry.quotation.mileage_agreements
    if policy.requires_agreement and not agreed:
        findings.append(
            _finding(
                "billing.mileage.no-agreement",
                f"record {record.id!r}: {record.miles} miles without a mileage agreement "
                "made in advance; mileage not billed",
                path,
                policy.citation,
            )
        )
        return None
    return InvoiceLine(
        LineKind.MILEAGE,
        f"Mileage {record.date.isoformat()} ({record.mileage_agreement or 'no reference'})",
        record.miles,
        "mile",
        policy.per_mile,
        to_penny(record.miles * policy.per_mile, terms.rounding),
        "mileage",
        policy.citation,
        record.date,
        record.id,
    )


def _service_line(
    kind: LineKind,
    text: str,
    minutes: int,
    day: dt.date,
    start: dt.time | None,
    entry: _Package,
    findings: list[Finding],
    path: str,
    record_id: str | None = None,
    planned_id: str | None = None,
) -> InvoiceLine | None:
    assert entry.rates is not None
    rate = entry.rates.for_session(day, start)
    if rate is None:
        findings.append(
            _finding(
                "billing.rate.none-in-force",
                f"no quoted rate in force on {day.isoformat()}",
                path,
                entry.terms.citation,
            )
        )
        return None
    amount = _money(minutes, rate, entry.terms)
    return InvoiceLine(
        kind,
        f"{text} {day.isoformat()}"
        + (f" ({rate.condition} rate)" if rate.condition != "standard" else ""),
        _hours(minutes),
        "hour",
        rate.amount,
        amount,
        f"rate-{rate.condition}",
        entry.terms.citation,
        day,
        record_id,
        planned_id,
    )


def run_invoices(
    council: str,
    terms: BillingTerms,
    packages: Iterable[Package],
    quotations: Iterable[Quotation],
    planned: Iterable[PlannedSession],
    records: Iterable[DeliveryRecord],
    as_of: dt.date,
    previous: Sequence[Invoice] = (),
) -> InvoiceRun:
    """Invoice every billing period that ended before ``as_of`` and was not invoiced in
    ``previous``; see the module docstring for the rules."""
    findings: list[Finding] = []
    quotes = {q.package_id: q for q in quotations}
    entries = {p.id: _Package(p, quotes.get(p.id), terms, findings) for p in packages}
    billed = {rid for invoice in previous for rid in invoice.record_ids}
    invoiced: dict[str, set[dt.date]] = defaultdict(set)
    for invoice in previous:
        invoiced[invoice.package_id].add(invoice.period.start)

    by_package: dict[str, list[DeliveryRecord]] = defaultdict(list)
    seen: set[str] = set()
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
        problems = _validate_record(record, entries.get(record.package_id), terms)
        findings.extend(problems)
        if not problems and record.id not in billed:
            by_package[record.package_id].append(record)
    plans: dict[str, list[PlannedSession]] = defaultdict(list)
    for session in planned:
        plans[session.package_id].append(session)

    invoices: list[Invoice] = []
    pending: list[str] = []
    for package_id in sorted(entries):
        entry = entries[package_id]
        package_records = by_package.get(package_id, [])
        if not entry.ok:
            continue
        package = entry.package
        last_day = min(package.end or as_of, as_of - dt.timedelta(days=1))
        anchor = package.start
        ended = [
            p
            for p in periods_between(package.start, last_day, terms.cycle, anchor)
            if p.end < as_of
        ]
        new_periods = [p for p in ended if p.start not in invoiced[package_id]]
        # Group once: records and sessions by the start of their billing period.
        by_period: dict[dt.date, list[DeliveryRecord]] = defaultdict(list)
        late: list[DeliveryRecord] = []
        for record in package_records:
            start = period_containing(record.date, terms.cycle, anchor).start
            (late if start in invoiced[package_id] else by_period[start]).append(record)
        sessions_by_period: dict[dt.date, list[PlannedSession]] = defaultdict(list)
        for session in plans.get(package_id, []):
            start = period_containing(session.date, terms.cycle, anchor).start
            sessions_by_period[start].append(session)
        billed_now: set[str] = set()
        for position, period in enumerate(new_periods):
            lines: list[InvoiceLine] = []
            ids: list[str] = []
            in_period = by_period.get(period.start, [])
            if position == 0:
                for record in sorted(late, key=lambda r: (r.date, r.id)):
                    line = _service_line(
                        LineKind.ADJUSTMENT,
                        f"Late record (period already invoiced): {record.status}",
                        record.minutes,
                        record.date,
                        record.start,
                        entry,
                        findings,
                        f"$.records[{record.id!r}]",
                        record.id,
                        record.planned_id,
                    )
                    if line is not None and record.minutes:
                        lines.append(line)
                    mileage = _mileage_line(record, entry, terms, findings)
                    if mileage is not None:
                        lines.append(mileage)
                    ids.append(record.id)
            sessions = sessions_by_period.get(period.start, [])
            lines += _period_lines(period, sessions, in_period, entry, findings)
            ids += [r.id for r in in_period]
            billed_now.update(ids)
            net = sum((line.amount for line in lines), Decimal(0))
            withheld = Decimal(0)
            if terms.retention is not None and net > 0:
                withheld = to_penny(net * terms.retention.percent / 100, terms.rounding)
            invoices.append(
                Invoice(
                    number=f"{council}-{package_id}-{period.start:%Y%m%d}",
                    council=council,
                    package_id=package_id,
                    purchase_order=package.purchase_order,
                    period=period,
                    issued_on=period.end + dt.timedelta(days=1),
                    lines=lines,
                    net=net,
                    withheld=withheld,
                    payable=net - withheld,
                    record_ids=sorted(ids),
                )
            )
        pending += [r.id for r in package_records if r.id not in billed_now]
    return InvoiceRun(council, as_of, invoices, findings, sorted(set(pending)))


def _period_lines(
    period: Period,
    sessions: list[PlannedSession],
    records: list[DeliveryRecord],
    entry: _Package,
    findings: list[Finding],
) -> list[InvoiceLine]:
    lines: list[InvoiceLine] = []
    linked: dict[str, list[DeliveryRecord]] = defaultdict(list)
    for record in records:
        if record.planned_id is not None:
            linked[record.planned_id].append(record)
    planned_ids = set()
    for session in sorted(sessions, key=lambda s: (s.date, s.id)):
        if session.date not in period:
            continue
        planned_ids.add(session.id)
        path = f"$.planned[{session.id!r}]"
        assert entry.rates is not None
        rate = entry.rates.for_session(session.date, session.start)
        if rate is None:
            findings.append(
                _finding(
                    "billing.rate.none-in-force",
                    f"no quoted rate in force on {session.date.isoformat()}",
                    path,
                    entry.terms.citation,
                )
            )
            continue
        delivered = linked.get(session.id, [])
        minutes = sum(r.minutes for r in delivered)
        commissioned = _money(session.minutes, rate, entry.terms)
        # The deduction (or addition) is computed from the two rounded values, so the
        # invoice comes to exactly the rounded value of what was delivered.
        difference = _money(minutes, rate, entry.terms) - commissioned
        label = f" ({rate.condition} rate)" if rate.condition != "standard" else ""
        lines.append(
            InvoiceLine(
                LineKind.COMMISSIONED,
                f"Commissioned session {session.date.isoformat()}{label}",
                _hours(session.minutes),
                "hour",
                rate.amount,
                commissioned,
                f"rate-{rate.condition}",
                entry.terms.citation,
                session.date,
                None,
                session.id,
            )
        )
        if minutes == session.minutes:
            continue
        if minutes < session.minutes:
            statuses = sorted(
                {r.status.value for r in delivered if r.status is not RecordStatus.DELIVERED}
            )
            reason = ", ".join(statuses) or ("short" if minutes else "missed, no record")
            kind, text = LineKind.DEDUCTION, f"Commissioned but not delivered ({reason})"
        else:
            kind, text = LineKind.ADDITIONAL, "Delivered beyond the commissioned session"
        lines.append(
            InvoiceLine(
                kind,
                f"{text} {session.date.isoformat()}",
                _hours(minutes - session.minutes),
                "hour",
                rate.amount,
                difference,
                "commissioned-not-delivered"
                if kind is LineKind.DEDUCTION
                else f"rate-{rate.condition}",
                entry.terms.citation,
                session.date,
                None,
                session.id,
            )
        )
    for record in sorted(records, key=lambda r: (r.date, r.id)):
        path = f"$.records[{record.id!r}]"
        unplanned = record.planned_id is None or record.planned_id not in planned_ids
        if unplanned and record.minutes:
            line = _service_line(
                LineKind.ADDITIONAL,
                "Delivered without a commissioned session",
                record.minutes,
                record.date,
                record.start,
                entry,
                findings,
                path,
                record_id=record.id,
            )
            if line is not None:
                lines.append(line)
        mileage = _mileage_line(record, entry, entry.terms, findings)
        if mileage is not None:
            lines.append(mileage)
    return lines
