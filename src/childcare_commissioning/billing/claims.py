"""Claims: invoices for a text that pays against a budget, with no rate.

Some texts set no price per hour or per unit: they set a budget per year and service and
pay "quarterly in arrears on the achievement of outcomes/targets" (Stoke 6.2). What is
invoiced is then an amount the provider *claims* for an ended billing period, against its
service's budget. :func:`claim_invoices` makes those invoices, by the run's rules:

- one invoice per package and billing period that has claims, numbered as an hourly run
  numbers it (``<council>-<package>-<period start>``), issued the day after the period
  ends (in arrears); a period without a claim has no invoice (no £0.00 invoices);
- one line per claim, of kind ``claim``: the amount as claimed, in pounds and pence (a
  claim in fractions of a penny is refused when read); retention is withheld as for any
  invoice;
- a claim is a finding, never silently billed, when it names an unknown package or one of
  another council, repeats another claim's id, falls outside its package's dates or every
  budget window of its financial year, or is for a period already invoiced (``previous``);
  a claim for a period not yet ended is pending;
- a claim that names no evidence of the outcomes it is paid on (``outcomes``) is a
  warning: the text pays "on the achievement of outcomes/targets", which the library
  cannot judge, so the claim is billed and the warning asks for the evidence.

Budget use and the retention ledger are then :mod:`~childcare_commissioning.billing.control`'s,
as for hourly invoices.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs

from childcare_commissioning.billing.invoices import (
    Invoice,
    InvoiceLine,
    InvoiceRun,
    LineKind,
    period_invoice,
)
from childcare_commissioning.billing.periods import period_containing
from childcare_commissioning.billing.screening import _finding, _outside_windows
from childcare_commissioning.billing.terms import BillingTerms
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model._fields import non_empty
from childcare_commissioning.model.core import Finding, Severity
from childcare_commissioning.model.package import Package
from childcare_commissioning.money import is_whole_pennies

__all__ = ["Claim", "claim_invoices"]


def _pounds_and_pence(_: object, attribute: attrs.Attribute[Any], value: Decimal) -> None:
    if value < 0:
        raise ModelValueError(attribute.name, "non-negative", "must not be negative")
    if not is_whole_pennies(value):
        raise ModelValueError(attribute.name, "whole-pennies", "must be pounds and pence")


def _money(value: Any) -> Decimal:
    """A claimed amount as pounds and pence ("20000" reads as 20000.00)."""
    amount = value if isinstance(value, Decimal) else Decimal(str(value))
    return amount.quantize(Decimal("0.01")) if is_whole_pennies(amount) else amount


@attrs.frozen
class Claim:
    """An amount claimed for the billing period containing ``date`` under ``package_id``,
    with the reference of the evidence of outcomes it is paid on (``outcomes``)."""

    id: str = attrs.field(validator=non_empty)
    """The claim's reference; each claim is billed once, and an id given twice is a
    finding."""
    package_id: str = attrs.field(validator=non_empty)
    """The id of the package claimed under."""
    date: dt.date
    """A day in the billing period claimed for."""
    amount: Decimal = attrs.field(converter=_money, validator=_pounds_and_pence)
    """The amount claimed, in pounds and pence ("250.00")."""
    outcomes: str | None = None
    """The reference of the evidence of outcomes the claim is paid on."""
    description: str = ""
    """What was provided, shown on the invoice line."""


def claim_invoices(
    council: str,
    terms: BillingTerms,
    packages: Iterable[Package],
    claims: Iterable[Claim],
    as_of: dt.date,
    previous: Sequence[Invoice] = (),
) -> InvoiceRun:
    """Invoice every claim for a billing period that ended before ``as_of``; see the
    module docstring for the rules."""
    findings: list[Finding] = []
    given = {p.id: p for p in packages}
    invoiced = {(i.package_id, i.period.start) for i in previous}
    billed = {rid for i in previous for rid in i.record_ids}
    seen: set[str] = set()
    grouped: dict[tuple[str, dt.date], list[Claim]] = defaultdict(list)
    pending: list[str] = []
    for claim in claims:
        path = f"$.claims[{claim.id!r}]"
        package = given.get(claim.package_id)
        problem = _problem(council, claim, package, seen, terms, path)
        if problem is not None:
            findings.append(problem)
            continue
        assert package is not None
        if claim.id in billed:
            continue
        period = period_containing(claim.date, terms.cycle, package.start)
        if period.end >= as_of:
            pending.append(claim.id)
            continue
        if (package.id, period.start) in invoiced:
            findings.append(
                _finding(
                    "billing.claim.period-invoiced",
                    f"claim {claim.id!r} is for {period.start.isoformat()} to "
                    f"{period.end.isoformat()}, already invoiced; not billed (claim it "
                    "with the Council as a correction)",
                    path,
                    terms.citation,
                )
            )
            continue
        if not claim.outcomes:
            findings.append(
                Finding(
                    Severity.WARNING,
                    "billing.claim.outcomes-unevidenced",
                    f"claim {claim.id!r} names no evidence of the outcomes/targets it is "
                    "paid on (outcomes)",
                    f"{path}.outcomes",
                    terms.citation,
                )
            )
        grouped[(package.id, period.start)].append(claim)
    invoices = [
        _invoice(council, terms, given[package_id], group)
        for (package_id, _), group in sorted(grouped.items())
    ]
    return InvoiceRun(council, as_of, invoices, findings, sorted(pending))


def _problem(
    council: str,
    claim: Claim,
    package: Package | None,
    seen: set[str],
    terms: BillingTerms,
    path: str,
) -> Finding | None:
    """Why ``claim`` cannot be billed at all, or ``None``; records its id in ``seen``."""
    if claim.id in seen:
        return _finding(
            "billing.claim.duplicate", f"claim id {claim.id!r} appears twice", path, None
        )
    seen.add(claim.id)
    if package is None:
        message = f"claim {claim.id!r} names unknown package {claim.package_id!r}"
        return _finding("billing.claim.unknown-package", message, path, terms.citation)
    if package.council != council:
        message = f"claim {claim.id!r}: package {package.id!r} is not {council!r}'s; not billed"
        return _finding("billing.package.other-council", message, path, terms.citation)
    if claim.date < package.start or (package.end is not None and claim.date > package.end):
        message = (
            f"claim {claim.id!r} ({claim.date.isoformat()}) is outside package "
            f"{package.id!r}'s dates"
        )
        return _finding("billing.claim.outside-package", message, path, terms.citation)
    outside = terms.outside_budget_windows(package.service, claim.date)
    if outside:
        return _outside_windows(f"claim {claim.id!r}", path, claim.date, outside, package)
    return None


def _invoice(council: str, terms: BillingTerms, package: Package, claims: list[Claim]) -> Invoice:
    period = period_containing(claims[0].date, terms.cycle, package.start)
    lines = [
        InvoiceLine(
            LineKind.CLAIM,
            f"Claimed for {period.start.isoformat()} to {period.end.isoformat()}"
            + (f": {claim.description}" if claim.description else "")
            + (f" (outcomes: {claim.outcomes})" if claim.outcomes else ""),
            Decimal(1),
            "claim",
            claim.amount,
            claim.amount,
            "claim",
            terms.citation,
            claim.date,
            claim.id,
        )
        for claim in sorted(claims, key=lambda c: (c.date, c.id))
    ]
    return period_invoice(council, terms, package, period, lines, [c.id for c in claims])
