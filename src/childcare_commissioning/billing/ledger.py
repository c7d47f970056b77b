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
    "RetentionYear",
    "block_discount",
    "budget_use",
    "retention_ledger",
]


@attrs.frozen
class RetentionYear:
    """Money withheld for one financial year and when it is (or may be) released."""

    financial_year: str
    withheld: Decimal
    release_from: dt.date
    evidence_on: dt.date | None
    released_on: dt.date | None

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

    @property
    def outstanding(self) -> Decimal:
        """Withheld and not yet released."""
        return self.withheld - self.released

    def reconciles(self) -> bool:
        """billed == paid + withheld."""
        return self.billed == self.paid + self.withheld


def _release_from(year: FinancialYear, release: Release) -> dt.date:
    if release is Release.NEXT_FINANCIAL_YEAR_Q1:
        return year.next().quarter(1).start
    raise ValueError(f"unknown release rule {release}")  # pragma: no cover


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
    evidence = evidence or {}
    billed = paid = withheld = Decimal(0)
    by_year: dict[FinancialYear, Decimal] = defaultdict(Decimal)
    for invoice in invoices:
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
            by_year[year] += invoice.withheld
        billed += invoice.net
        paid += invoice.payable
        withheld += invoice.withheld
    years = []
    for year in sorted(by_year):
        release_from = _release_from(year, retention.release)
        shown = evidence.get(year.label)
        released_on = None
        if shown is not None or not retention.evidence_required:
            released_on = max(release_from, shown or release_from)
        years.append(RetentionYear(year.label, by_year[year], release_from, shown, released_on))
    released = sum((y.released for y in years), Decimal(0))
    return Ledger(billed, paid, withheld, released, years)


@attrs.frozen
class BudgetUse:
    """Spending against one budget, with a finding when it nears or passes the cap."""

    budget: Budget
    spent: Decimal
    finding: Finding | None

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
    uses = []
    invoices = list(invoices)
    for budget in budgets:
        total = additional + sum(
            (
                invoice.net
                for invoice in invoices
                if financial_year(invoice.period.end).label == budget.financial_year
                and budget.covers(service_of.get(invoice.package_id), invoice.period.end)
            ),
            Decimal(0),
        )
        finding = None
        named = sorted(budget.services | ({budget.service} if budget.service else set()))
        label = f"{' + '.join(named) or 'all services'} {budget.financial_year}"
        if total > budget.amount and budget.indicative:
            finding = Finding(
                Severity.WARNING,
                "billing.budget.indicative-exceeded",
                f"{label}: {format_gbp(total)} is beyond the indicative budget of "
                f"{format_gbp(budget.amount)} (indicative: not a cap)",
                "$",
                budget.citation,
            )
        elif total > budget.amount:
            finding = Finding(
                Severity.ERROR,
                "billing.budget.exceeded",
                f"{label}: {format_gbp(total)} exceeds the budget of {format_gbp(budget.amount)}",
                "$",
                budget.citation,
            )
        elif budget.amount and total >= budget.amount * warn_at:
            finding = Finding(
                Severity.WARNING,
                "billing.budget.near-cap",
                f"{label}: {format_gbp(total)} is {total / budget.amount:.0%} of the budget of "
                f"{format_gbp(budget.amount)}",
                "$",
                budget.citation,
            )
        uses.append(BudgetUse(budget, total, finding))
    return uses


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
