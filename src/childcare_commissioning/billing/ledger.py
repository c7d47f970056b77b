"""Money over time: the retention ledger, budgets per financial year, block discounts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

import attrs

from childcare_commissioning.billing.invoices import Invoice
from childcare_commissioning.billing.terms import BlockDiscount, Budget, Release, Retention
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model._fields import to_tuple
from childcare_commissioning.model.core import Finding, Severity
from childcare_commissioning.money import Rounding, format_gbp, to_penny
from childcare_commissioning.schedules import FinancialYear, financial_year

__all__ = [
    "BudgetUse",
    "Ledger",
    "RetentionTally",
    "RetentionYear",
    "block_discount",
    "budget_finding",
    "budget_use",
    "budgets_covering",
    "retention_ledger",
]


@attrs.frozen
class RetentionYear:
    """Money withheld for one financial year and when it is (or may be) released."""

    financial_year: str
    """The financial year (``"2019/20"``)."""
    withheld: Decimal
    """The money withheld in that year, in pounds."""
    release_from: dt.date
    """The first day the retention's terms release it from."""
    evidence_on: dt.date | None
    """The day evidence of outcomes was given, if it was."""
    released_on: dt.date | None
    """The day it is released: evidence given and the release day reached; else none."""

    @property
    def released(self) -> Decimal:
        """What has been released (all or nothing, on evidence)."""
        return self.withheld if self.released_on is not None else Decimal(0)


@attrs.frozen
class Ledger:
    """Billed = paid on the invoices + withheld, to the penny, for the invoices given."""

    billed: Decimal
    paid: Decimal
    withheld: Decimal
    released: Decimal
    years: tuple[RetentionYear, ...] = attrs.field(converter=to_tuple)
    """The money withheld, year by year."""

    @property
    def outstanding(self) -> Decimal:
        """Withheld and not yet released."""
        return self.withheld - self.released

    def reconciles(self) -> bool:
        """billed == paid + withheld."""
        return self.billed == self.paid + self.withheld


def _release_from(year: FinancialYear, release: Release) -> dt.date:
    # Every rule is a member of Release (Retention converts and refuses any other value),
    # and each has its case: mypy checks the match is exhaustive.
    match release:
        case Release.NEXT_FINANCIAL_YEAR_Q1:
            return year.next().quarter(1).start


class RetentionTally:
    """A retention ledger built one invoice at a time (a streaming run holds no invoice);
    :func:`retention_ledger` is this over a list."""

    def __init__(self, retention: Retention) -> None:
        self.retention = retention
        self.billed = self.paid = self.withheld = Decimal(0)
        self.by_year: dict[FinancialYear, Decimal] = defaultdict(Decimal)

    def add(self, invoice: Invoice) -> None:
        """Count ``invoice``; raise :class:`~childcare_commissioning.errors.ModelValueError`
        for one that withholds money in a year the retention does not cover."""
        retention = self.retention
        year = financial_year(invoice.period.end)
        if not retention.applies_to(invoice.period.end):
            if invoice.withheld:
                raise ModelValueError(
                    "retention.financial_years",
                    "retention-years",
                    f"invoice {invoice.number} withholds money in {year.label}, a financial "
                    "year this retention does not cover",
                )
        else:
            self.by_year[year] += invoice.withheld
        self.billed += invoice.net
        self.paid += invoice.payable
        self.withheld += invoice.withheld

    def ledger(self, evidence: Mapping[str, dt.date] | None = None) -> Ledger:
        """The ledger of the invoices added, with ``evidence`` dates by year label."""
        evidence = evidence or {}
        years = []
        for year in sorted(self.by_year):
            release_from = _release_from(year, self.retention.release)
            shown = evidence.get(year.label)
            released_on = None
            if shown is not None or not self.retention.evidence_required:
                released_on = max(release_from, shown or release_from)
            years.append(
                RetentionYear(year.label, self.by_year[year], release_from, shown, released_on)
            )
        released = sum((y.released for y in years), Decimal(0))
        return Ledger(self.billed, self.paid, self.withheld, released, years)


def retention_ledger(
    invoices: Iterable[Invoice],
    retention: Retention,
    evidence: Mapping[str, dt.date] | None = None,
) -> Ledger:
    """Withheld money by financial year (of each invoice's period end), released from
    ``release_from`` once evidence is recorded (``evidence["2019/20"] = date``).

    Every invoice counts towards billed and paid; only the years the retention covers
    (``retention.financial_years``, or every year when it names none) are listed. An
    invoice that withholds money in a year the retention does not cover was not run
    under these terms: a :class:`~childcare_commissioning.errors.ModelValueError`
    naming the invoice, rather than a ledger that no longer matches the text."""
    tally = RetentionTally(retention)
    for invoice in invoices:
        tally.add(invoice)
    return tally.ledger(evidence)


@attrs.frozen
class BudgetUse:
    """Spending against one budget, with a finding when it nears or passes the cap."""

    budget: Budget
    """The budget."""
    spent: Decimal
    """What the invoices spent against it, in pounds."""
    finding: Finding | None
    """The finding when spending nears or passes the cap."""

    @property
    def remaining(self) -> Decimal:
        """Cap minus spent (negative when over)."""
        return self.budget.amount - self.spent


def budget_use(
    budgets: Sequence[Budget],
    invoices: Iterable[Invoice],
    service_of: Mapping[str, str | None],
    additional: Decimal = Decimal(0),
    warn_at: Decimal = Decimal("0.9"),
) -> list[BudgetUse]:
    """Spending against every budget: each invoice's net counts, by the financial year
    and date of its period end and the service of its package, against *every* budget
    that covers it (one for its service, one spanning services, one for all services),
    plus ``additional`` (a package about to be committed). A warning from ``warn_at`` of
    the cap; beyond it an error, or a warning for an ``indicative`` cap."""
    spent = [Decimal(0)] * len(budgets)
    for invoice in invoices:
        for index in budgets_covering(budgets, invoice, service_of.get(invoice.package_id)):
            spent[index] += invoice.net
    return [
        BudgetUse(budget, additional + total, budget_finding(budget, additional + total, warn_at))
        for budget, total in zip(budgets, spent, strict=True)
    ]


def budgets_covering(budgets: Sequence[Budget], invoice: Invoice, service: str | None) -> list[int]:
    """The positions in ``budgets`` of those ``invoice`` (of a package of ``service``)
    counts against: by the financial year and date of its period's last day."""
    end = invoice.period.end
    label = financial_year(end).label
    return [
        index
        for index, budget in enumerate(budgets)
        if budget.financial_year == label and budget.covers(service, end)
    ]


def budget_finding(budget: Budget, total: Decimal, warn_at: Decimal) -> Finding | None:
    """The finding for ``total`` spent against ``budget``: an error beyond a firm cap, a
    warning beyond an indicative one or from ``warn_at`` of the cap, else none."""
    label = budget.label
    if total > budget.amount and budget.indicative:
        return Finding(
            Severity.WARNING,
            "billing.budget.indicative-exceeded",
            f"{label}: {format_gbp(total)} is beyond the indicative budget of "
            f"{format_gbp(budget.amount)} (indicative: not a cap)",
            "$",
            budget.citation,
        )
    if total > budget.amount:
        return Finding(
            Severity.ERROR,
            "billing.budget.exceeded",
            f"{label}: {format_gbp(total)} exceeds the budget of {format_gbp(budget.amount)}",
            "$",
            budget.citation,
        )
    if budget.amount and total >= budget.amount * warn_at:
        return Finding(
            Severity.WARNING,
            "billing.budget.near-cap",
            f"{label}: {format_gbp(total)} is {total / budget.amount:.0%} of the budget of "
            f"{format_gbp(budget.amount)}",
            "$",
            budget.citation,
        )
    return None


def block_discount(
    discount: BlockDiscount,
    units: int,
    accommodation_cost: Decimal,
    rounding: Rounding = Rounding.HALF_UP,
) -> Decimal:
    """The discount on ``accommodation_cost`` for a block of ``units`` (0 below the
    minimum block size)."""
    if units < discount.minimum_units:
        return Decimal(0)
    if discount.percent is None:
        raise ValueError("block discount: the percentage is set per block and not given")
    return to_penny(accommodation_cost * discount.percent / 100, rounding)
