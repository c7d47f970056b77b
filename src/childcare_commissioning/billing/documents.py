"""Invoices as documents: lines, invoices, a run's result, and how an invoice is made from
its lines (numbered, net, retention withheld, payable)."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from childcare_commissioning.billing.terms import (
    BillingTerms,
)
from childcare_commissioning.model._fields import to_tuple
from childcare_commissioning.model.core import Citation, Finding
from childcare_commissioning.model.package import Package
from childcare_commissioning.money import to_penny
from childcare_commissioning.schedules import Period

__all__ = [
    "PENNY_ZERO",
    "Invoice",
    "InvoiceLine",
    "InvoiceRun",
    "LineKind",
    "period_invoice",
    "withheld_from",
]


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
    """The id of the council invoiced."""
    as_of: dt.date
    """The run's date: periods ended before it were invoiced."""
    invoices: tuple[Invoice, ...] = attrs.field(converter=to_tuple)
    """The invoices of the run."""
    findings: tuple[Finding, ...] = attrs.field(converter=to_tuple)
    """Findings about bad input and the run's own."""
    pending: tuple[str, ...] = attrs.field(converter=to_tuple)
    """Records not yet billed: their period has not ended, or no next invoice exists yet."""
    held: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    """Records held back, unbilled, by a finding about an implausible record."""

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
