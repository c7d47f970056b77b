"""Budget control where invoices are made: budget use, caps and the retention ledger of a
run, as the ``invoice``, ``invoice-stream`` and ``export ubl`` commands report them.

:class:`BudgetTally` takes invoices one at a time (so a streaming run holds none of them)
and gives a :class:`BudgetReport`: every budget of the terms with what the invoices spent
against it and its finding (an error beyond a firm cap, a warning beyond an indicative one
or near a cap), the retention ledger when the terms withhold money, and a warning for each
package whose service is unknown while the budgets are set per service (its spending
counts against none of them, which is said rather than left silent).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from childcare_commissioning.billing.invoices import Invoice
from childcare_commissioning.billing.ledger import (
    BudgetUse,
    Ledger,
    RetentionTally,
    budget_finding,
    budgets_covering,
)
from childcare_commissioning.billing.terms import BillingTerms
from childcare_commissioning.model._fields import to_tuple
from childcare_commissioning.model.core import Finding, Severity
from childcare_commissioning.money import format_gbp

__all__ = ["BudgetReport", "BudgetTally", "budget_report"]

WARN_AT = Decimal("0.9")


@attrs.frozen
class BudgetReport:
    """Budget use and the retention ledger of the invoices of a run (and those before it)."""

    uses: tuple[BudgetUse, ...] = attrs.field(converter=to_tuple)
    ledger: Ledger | None
    findings: tuple[Finding, ...] = attrs.field(converter=to_tuple)


class BudgetTally:
    """Invoices counted one at a time against ``terms``' budgets and retention.

    ``service_of`` maps a package id to its service. An invoice is counted once by its
    number (a previous run's invoices and this run's may be given together)."""

    def __init__(
        self,
        terms: BillingTerms,
        service_of: Mapping[str, str | None],
        evidence: Mapping[str, dt.date] | None = None,
    ) -> None:
        self.terms = terms
        self.service_of = service_of
        self.evidence = dict(evidence or {})
        self.spent = [Decimal(0)] * len(terms.budgets)
        self.retention = None if terms.retention is None else RetentionTally(terms.retention)
        self.seen: set[str] = set()
        self.unplaced: dict[str, Decimal] = {}

    def add(self, invoice: Invoice) -> None:
        """Count ``invoice`` (again only if its number is new)."""
        if invoice.number in self.seen:
            return
        self.seen.add(invoice.number)
        service = self.service_of.get(invoice.package_id)
        if service is None and any(b.named for b in self.terms.budgets):
            self.unplaced[invoice.package_id] = (
                self.unplaced.get(invoice.package_id, Decimal(0)) + invoice.net
            )
        for index in budgets_covering(self.terms.budgets, invoice, service):
            self.spent[index] += invoice.net
        if self.retention is not None:
            self.retention.add(invoice)

    def add_all(self, invoices: Iterable[Invoice]) -> None:
        """Count each of ``invoices``."""
        for invoice in invoices:
            self.add(invoice)

    def report(self) -> BudgetReport:
        """The budgets' use, their findings and the ledger of the invoices counted."""
        uses = [
            BudgetUse(budget, spent, budget_finding(budget, spent, WARN_AT))
            for budget, spent in zip(self.terms.budgets, self.spent, strict=True)
        ]
        findings = [use.finding for use in uses if use.finding is not None]
        for package_id, net in sorted(self.unplaced.items()):
            known = package_id in self.service_of
            findings.append(
                Finding(
                    Severity.WARNING,
                    "billing.budget.service-unknown",
                    f"package {package_id!r} "
                    + ("names no service" if known else "is not among the packages given")
                    + f": its invoices' net of {format_gbp(net)} counts against no "
                    "service's budget",
                    f"$.packages[{package_id!r}].service" if known else "$.packages",
                    self.terms.budgets[0].citation,
                )
            )
        ledger = None if self.retention is None else self.retention.ledger(self.evidence)
        return BudgetReport(uses, ledger, findings)


def budget_report(
    terms: BillingTerms,
    invoices: Iterable[Invoice],
    service_of: Mapping[str, str | None],
    evidence: Mapping[str, dt.date] | None = None,
) -> BudgetReport:
    """The :class:`BudgetReport` of ``invoices`` (a run's, with the ones issued before it:
    a year's budget is spent by every invoice of the year)."""
    tally = BudgetTally(terms, service_of, evidence)
    tally.add_all(invoices)
    return tally.report()
