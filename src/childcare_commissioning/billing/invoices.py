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

import bisect
import datetime as dt
import enum
import functools
import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from zoneinfo import ZoneInfo

import attrs

from childcare_commissioning.billing.conflicts import check_batch, check_span
from childcare_commissioning.billing.periods import _DAYS, period_containing, periods_between
from childcare_commissioning.billing.records import (
    DeliveryRecord,
    PlannedSession,
    RecordStatus,
    local_interval,
)
from childcare_commissioning.billing.terms import (
    BillingCycle,
    BillingTerms,
    Budget,
    Quotation,
    Rate,
    RateCondition,
    terms_with_cycle,
)
from childcare_commissioning.calendars import LONDON, working_calendar
from childcare_commissioning.model._fields import to_tuple
from childcare_commissioning.model.core import Citation, Finding, Severity
from childcare_commissioning.model.package import Package
from childcare_commissioning.money import Rounding, to_penny
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
    DISCOUNT = "discount"
    CONTRIBUTION = "contribution"
    #: An amount claimed for a billing period with no rate (payment against a budget).
    CLAIM = "claim"


@attrs.frozen
class InvoiceLine:
    """One line: what, how much of it, at what price, and the rule it comes from."""

    kind: LineKind
    """What the line is: commissioned, deduction, additional, mileage, adjustment, discount or
    claim."""
    description: str
    """What was billed, in words, with the date."""
    quantity: Decimal
    """How much of ``unit``, a decimal: hours (negative for a deduction), miles, days, a
    percentage (negative for a discount), or 1 for a claim."""
    unit: str
    """The unit of the quantity: ``hour``, ``mile``, ``day``, ``percent`` or ``claim``."""
    unit_price: Decimal
    """The price of one unit, in pounds (for a percentage: one percent of what it is of)."""
    amount: Decimal
    """The line's amount in pounds, rounded to the penny; negative for a deduction or a
    discount."""
    rule: str
    """The id of the billing rule the line comes from (such as ``rate-standard``, ``rate-night``,
    ``commissioned-not-delivered``, ``mileage``, ``claim``)."""
    citation: Citation | None = None
    """The clause of the council's text the line rests on."""
    date: dt.date | None = None
    """The day of the session, journey or claim."""
    record_id: str | None = None
    """The id of the delivery record (or claim) billed."""
    planned_id: str | None = None
    """The id of the planned session, for a commissioned line or a deduction."""
    minutes: int | None = None
    """Elapsed minutes the line is for (``quantity`` is them in hours, to 2 places):
    ``amount`` is ``unit_price * minutes / 60`` rounded to the penny (a deduction is the
    difference of two such rounded values)."""


@attrs.frozen
class Invoice:
    """An invoice for one package and one billing period."""

    number: str
    """The invoice number, ``<council>-<package>-<period start as YYYYMMDD>``: re-running
    gives the same number."""
    council: str
    """The id of the council invoiced."""
    package_id: str
    """The id of the package invoiced."""
    purchase_order: str | None
    """The package's purchase order number."""
    period: Period
    """The billing period invoiced, both days included."""
    issued_on: dt.date
    """The day the invoice is issued: the day after its period ends (in arrears)."""
    lines: tuple[InvoiceLine, ...] = attrs.field(converter=to_tuple)
    """The invoice's lines."""
    net: Decimal
    """The sum of the lines, in pounds."""
    withheld: Decimal
    """The retention withheld from net, in pounds."""
    payable: Decimal
    """What is due: net minus withheld, in pounds."""
    record_ids: tuple[str, ...] = attrs.field(converter=to_tuple)
    """The ids of the delivery records (or claims) this invoice bills."""
    send_to: str | None = None
    """Whom to send the invoice to (the package's ``invoice_to``), where the terms ask."""


@attrs.frozen
class InvoiceRun:
    """The result of a run: invoices, findings about bad input, and records not yet billed
    because their period has not ended or (late records) no next invoice exists yet."""

    council: str
    as_of: dt.date
    invoices: tuple[Invoice, ...] = attrs.field(converter=to_tuple)
    findings: tuple[Finding, ...] = attrs.field(converter=to_tuple)
    pending: tuple[str, ...] = attrs.field(converter=to_tuple)
    #: Records held back, unbilled, by a finding about an implausible record.
    held: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)

    @property
    def net(self) -> Decimal:
        """Sum of the invoices' net values."""
        return sum((i.net for i in self.invoices), Decimal(0))


#: Zero as money ("0.00", not "0", in every output).
PENNY_ZERO = Decimal("0.00")


def withheld_from(terms: BillingTerms, net: Decimal, period_end: dt.date) -> Decimal:
    """The retention withheld from an invoice of ``net`` whose period ends on
    ``period_end``: its percentage of a positive net, rounded to the penny, where the
    retention applies; else nothing (0.00)."""
    retention = terms.retention
    if retention is None or net <= 0 or not retention.applies_to(period_end):
        return PENNY_ZERO
    return to_penny(net * retention.percent / 100, terms.rounding)


def period_invoice(
    council: str,
    terms: BillingTerms,
    package: Package,
    period: Period,
    lines: Sequence[InvoiceLine],
    ids: Iterable[str],
) -> Invoice:
    """The invoice of ``package`` for ``period``: numbered ``<council>-<package>-<period
    start>``, issued the day after the period, net the sum of ``lines``, the retention
    withheld, for the records (or claims) ``ids``."""
    net = sum((line.amount for line in lines), PENNY_ZERO)
    withheld = withheld_from(terms, net, period.end)
    return Invoice(
        number=f"{council}-{package.id}-{period.start:%Y%m%d}",
        council=council,
        package_id=package.id,
        purchase_order=package.purchase_order,
        period=period,
        issued_on=period.end + dt.timedelta(days=1),
        lines=lines,
        net=net,
        withheld=withheld,
        payable=net - withheld,
        record_ids=sorted(ids),
        send_to=package.invoice_to if terms.invoice_to_citation is not None else None,
    )


def _finding(code: str, message: str, path: str, citation: Citation | None) -> Finding:
    return Finding(Severity.ERROR, code, message, path, citation)


@functools.lru_cache(maxsize=8192)
def _day_cuts(
    day: dt.date, edges: tuple[dt.time, ...]
) -> tuple[tuple[dt.datetime, dt.date, dt.time], ...]:
    """The instants (UTC) on local ``day`` where a rate may change (at the local times
    ``edges``), each with its local date and time (a time in the spring gap falls an hour
    later). A time in the repeated autumn hour happens twice: both are cuts. Shared by
    every package whose rates change at the same times."""
    tz = ZoneInfo(LONDON)
    cuts = []
    for time in edges:
        local = dt.datetime.combine(day, time, tzinfo=tz)
        twice = local.replace(fold=1)
        both = (local, twice) if twice.utcoffset() != local.utcoffset() else (local,)
        for moment in both:
            instant = moment.astimezone(dt.UTC)
            back = instant.astimezone(tz)
            cuts.append((instant, back.date(), back.time()))
    return tuple(cuts)


class _Rates:
    def __init__(self, quotation: Quotation) -> None:
        self.rates = sorted(quotation.rates, key=lambda r: r.effective_from)
        self.bank_holidays = working_calendar("england-and-wales")
        self.tz = ZoneInfo(LONDON)
        # Per condition, in order of effective date (the last one in force wins), with
        # their dates for a binary search.
        self.by_condition: dict[RateCondition, tuple[list[dt.date], list[Rate]]] = {}
        for condition in RateCondition:
            chosen = [r for r in self.rates if r.condition is condition]
            self.by_condition[condition] = ([r.effective_from for r in chosen], chosen)
        self.night = self.by_condition[RateCondition.NIGHT][1]
        # Local times of day where a rate may change: midnight and every window's edges.
        self.edges = tuple(
            sorted(
                {dt.time(0)}
                | {
                    e
                    for r in self.rates
                    if r.window is not None
                    for e in (r.window.start, r.window.end)
                }
            )
        )

    def _latest(self, condition: RateCondition, day: dt.date) -> Rate | None:
        days, rates = self.by_condition[condition]
        index = bisect.bisect_right(days, day)
        return rates[index - 1] if index else None

    def for_session(self, day: dt.date, start: dt.time | None) -> Rate | None:
        """The rate for time starting at local ``start`` on ``day`` (the day's rate when
        the time is not known)."""
        weekday = day.weekday()
        if weekday < 5 and self.bank_holidays.closure_name(day) is not None:
            best = self._latest(RateCondition.BANK_HOLIDAY, day)
            if best is not None:
                return best
        if start is not None:
            for r in reversed(self.night):
                window = r.window
                if (
                    r.effective_from <= day
                    and window is not None
                    and (
                        window.start <= start < window.end
                        or (
                            window.crosses_midnight
                            and (start >= window.start or start < window.end)
                        )
                    )
                ):
                    return r
        if weekday >= 5:
            weekend = self._latest(RateCondition.WEEKEND, day)
            if weekend is not None:
                return weekend
        return self._latest(RateCondition.STANDARD, day)

    def split(self, begin: dt.datetime, finish: dt.datetime) -> list[tuple[Rate | None, int]]:
        """Elapsed minutes of the visit ``begin``-``finish`` at each rate, in the order
        the rates first apply: the visit is cut at every local midnight and every night
        window's start and end, by local time, and each part takes the rate in force at
        its start."""
        start_utc, end_utc = begin.astimezone(dt.UTC), finish.astimezone(dt.UTC)
        local = start_utc.astimezone(self.tz)
        day = local.date()
        last = end_utc.astimezone(self.tz).date()
        # Each point: its instant, and the local date and time the rate is looked up by.
        points = {start_utc: (local.date(), local.time())}
        while day <= last:
            for instant, cut_day, cut_time in _day_cuts(day, self.edges):
                if start_utc < instant < end_utc:
                    points[instant] = (cut_day, cut_time)
            day += _ONE_DAY
        if len(points) == 1:  # no boundary inside the visit: one part
            minutes = int((end_utc - start_utc).total_seconds() // 60)
            return [(self.for_session(*points[start_utc]), minutes)] if minutes > 0 else []
        points.setdefault(end_utc, (last, dt.time(0)))
        order = sorted(points)
        totals: dict[int, tuple[Rate | None, int]] = {}
        for a, b in itertools.pairwise(order):
            rate = self.for_session(*points[a])
            key = id(rate)
            previous = totals.get(key, (rate, 0))[1]
            # Both are UTC instants: their difference is elapsed time.
            totals[key] = (rate, previous + int((b - a).total_seconds() // 60))
        return [item for item in totals.values() if item[1]]


_ONE_DAY = dt.timedelta(days=1)


def _period_start(day: dt.date, cycle: BillingCycle, anchor: dt.date) -> dt.date:
    """The start of the billing period containing ``day`` (by arithmetic for fortnights
    and four-week periods; the same answer as :func:`period_containing`)."""
    length = _DAYS.get(cycle)
    if length is None:
        return period_containing(day, cycle, anchor).start
    return anchor + dt.timedelta(days=(day - anchor).days // length * length)


_RULES = {condition: f"rate-{condition}" for condition in RateCondition}
_LABELS = {
    condition: f" ({condition} rate)" if condition != "standard" else ""
    for condition in RateCondition
}


def _money(minutes: int, rate: Rate, terms: BillingTerms) -> Decimal:
    return _price(minutes, rate.amount, terms.rounding)


@functools.lru_cache(maxsize=65536)
def _price(minutes: int, amount: Decimal, rounding: Rounding) -> Decimal:
    """``amount`` an hour for ``minutes``, to the penny (computed once per distinct
    minutes, rate and rounding: the Decimals are shared, immutable)."""
    return to_penny(amount * Decimal(minutes) / SIXTY, rounding)


@functools.lru_cache(maxsize=8192)
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
    agreement = entry.quotation.mileage_agreement(record.mileage_agreement)
    if policy.requires_agreement and agreement is None:
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
    if policy.requires_agreement and agreement is not None and agreement.agreed_on > record.date:
        findings.append(
            _finding(
                "billing.mileage.agreed-after-journey",
                f"record {record.id!r}: {record.miles} miles on {record.date.isoformat()}, but "
                f"mileage agreement {agreement.id!r} was made on "
                f"{agreement.agreed_on.isoformat()}, after the journey, not in advance; "
                "mileage not billed",
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


def _record_rates(record: DeliveryRecord, entry: _Package) -> list[tuple[Rate | None, int]]:
    """Delivered elapsed minutes of ``record`` at each rate (split at rate boundaries);
    none for a record not delivered or not lasting a minute."""
    assert entry.rates is not None
    if record.status is not RecordStatus.DELIVERED:
        return []
    interval = record.interval()
    if interval is None:
        minutes = record.minutes
        return [(entry.rates.for_session(record.date, None), minutes)] if minutes else []
    # split() gives nothing for a visit of no elapsed minutes (or ending before its start).
    return entry.rates.split(*interval)


def _session_rates(session: PlannedSession, entry: _Package) -> list[tuple[Rate | None, int]]:
    """Commissioned minutes of ``session`` at each rate (split at rate boundaries when its
    start is known)."""
    assert entry.rates is not None
    if session.start is None or not session.minutes:
        return [(entry.rates.for_session(session.date, session.start), session.minutes)]
    begin, _ = local_interval(session.date, session.start, session.start)
    finish = (begin.astimezone(dt.UTC) + dt.timedelta(minutes=session.minutes)).astimezone(
        begin.tzinfo
    )
    return entry.rates.split(begin, finish)


def _no_rate(day: dt.date, entry: _Package, findings: list[Finding], path: str) -> None:
    findings.append(
        _finding(
            "billing.rate.none-in-force",
            f"no quoted rate in force on {day.isoformat()}",
            path,
            entry.terms.citation,
        )
    )


def _label(rate: Rate) -> str:
    return _LABELS[rate.condition]


def _service_lines(
    kind: LineKind,
    text: str,
    record: DeliveryRecord,
    entry: _Package,
    findings: list[Finding],
) -> list[InvoiceLine]:
    """One line per rate for the delivered time of ``record``."""
    lines = []
    for rate, minutes in _record_rates(record, entry):
        if rate is None:
            _no_rate(record.date, entry, findings, f"$.records[{record.id!r}]")
            continue
        lines.append(
            InvoiceLine(
                kind,
                f"{text} {record.date.isoformat()}{_label(rate)}",
                _hours(minutes),
                "hour",
                rate.amount,
                _money(minutes, rate, entry.terms),
                _RULES[rate.condition],
                entry.terms.citation,
                record.date,
                record.id,
                record.planned_id,
                minutes,
            )
        )
    return lines


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
            interval = record.interval()
            if interval is not None:
                begin, finish = (i.astimezone(dt.UTC) for i in interval)
                timed.append((begin, finish, record))
            continue
        interval = record.interval()
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
        elif record.elapsed < 0:
            findings.append(
                _finding(
                    "billing.record.ends-before-start",
                    f"record {record.id!r} ends before it starts; not billed",
                    f"$.records[{record.id!r}]",
                    terms.citation,
                )
            )
            held.add(record.id)
        elif record.elapsed > day and (
            record.interval() is not None or record.worker_id is not None
        ):
            findings.append(
                _finding(
                    "billing.record.beyond-a-day",
                    f"record {record.id!r} is {record.elapsed / 60:.2f} hours, more than a "
                    "day; not billed",
                    f"$.records[{record.id!r}]",
                    terms.citation,
                )
            )
            held.add(record.id)
        else:
            interval = record.interval()
            if interval is not None:
                begin, finish = (i.astimezone(dt.UTC) for i in interval)
                timed.append((begin, finish, record))
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
        if record.id not in billed:
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
        problems = _validate_record(record, entries.get(record.package_id), terms)
        findings.extend(problems)
        if not problems:
            valid.append(record)
    return valid


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
    for record in package_records:
        start = _period_start(record.date, terms.cycle, anchor)
        (late if start in invoiced else by_period[start]).append(record)
    sessions_by_period: dict[dt.date, list[PlannedSession]] = defaultdict(list)
    for session in sessions:
        outside = terms.outside_budget_windows(package.service, session.date)
        if outside:
            what, path = f"planned session {session.id!r}", f"$.planned[{session.id!r}]"
            findings.append(_outside_windows(what, path, session.date, outside, package))
            continue
        start = _period_start(session.date, terms.cycle, anchor)
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
        delivered = linked.get(session.id, [])
        # Commissioned and delivered minutes per rate (a session or a visit crossing a
        # rate boundary is split there); one commissioned line and at most one
        # difference line per rate.
        per_rate: dict[int, tuple[Rate | None, int, int]] = {}
        for rate, minutes in _session_rates(session, entry):
            old = per_rate.get(id(rate), (rate, 0, 0))
            per_rate[id(rate)] = (rate, old[1] + minutes, old[2])
        for record in delivered:
            for rate, minutes in _record_rates(record, entry):
                old = per_rate.get(id(rate), (rate, 0, 0))
                per_rate[id(rate)] = (rate, old[1], old[2] + minutes)
        if any(rate is None for rate, _, _ in per_rate.values()):
            _no_rate(session.date, entry, findings, f"$.planned[{session.id!r}]")
            continue
        for rate, planned_minutes, minutes in per_rate.values():
            assert rate is not None
            commissioned = _money(planned_minutes, rate, entry.terms)
            # The deduction (or addition) is computed from the two rounded values, so the
            # invoice comes to exactly the rounded value of what was delivered.
            difference = _money(minutes, rate, entry.terms) - commissioned
            if planned_minutes:
                lines.append(
                    InvoiceLine(
                        LineKind.COMMISSIONED,
                        f"Commissioned session {session.date.isoformat()}{_label(rate)}",
                        _hours(planned_minutes),
                        "hour",
                        rate.amount,
                        commissioned,
                        _RULES[rate.condition],
                        entry.terms.citation,
                        session.date,
                        None,
                        session.id,
                        planned_minutes,
                    )
                )
            if minutes == planned_minutes:
                continue
            if minutes < planned_minutes:
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
                    f"{text} {session.date.isoformat()}{_label(rate)}",
                    _hours(minutes - planned_minutes),
                    "hour",
                    rate.amount,
                    difference,
                    "commissioned-not-delivered"
                    if kind is LineKind.DEDUCTION
                    else _RULES[rate.condition],
                    entry.terms.citation,
                    session.date,
                    None,
                    session.id,
                    minutes - planned_minutes,
                )
            )
    for record in sorted(records, key=lambda r: (r.date, r.id)):
        unplanned = record.planned_id is None or record.planned_id not in planned_ids
        if unplanned:
            lines += _service_lines(
                LineKind.ADDITIONAL,
                "Delivered without a commissioned session",
                record,
                entry,
                findings,
            )
        mileage = _mileage_line(record, entry, entry.terms, findings)
        if mileage is not None:
            lines.append(mileage)
    return lines
