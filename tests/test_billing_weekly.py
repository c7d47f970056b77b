"""Weekly-priced placements invoiced by the day (``billing.weekly``): the core mechanism
under terms other than Derby's, so the terms' own rounding, invoice routing and money
formatting are those of every other invoice."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from childcare_commissioning.billing import (
    BillingCycle,
    BillingTerms,
    InvoiceRun,
    WeeklyAgreement,
    WeeklyCost,
    weekly_invoices,
)
from childcare_commissioning.convert import unstructure
from childcare_commissioning.model import Citation, Package
from childcare_commissioning.money import Rounding

D = dt.date
TERMS = BillingTerms(BillingCycle.MONTHLY, Citation("testshire", "1", "invoices"))
PACKAGE = Package("P", "testshire", "YP", D(2025, 1, 1), D(2025, 1, 10), service="s")


def _run(terms: BillingTerms, weekly: Decimal, package: Package = PACKAGE) -> InvoiceRun:
    return weekly_invoices(
        "testshire",
        terms,
        [package],
        [WeeklyAgreement("P", [WeeklyCost(D(2025, 1, 1), weekly)])],
        D(2025, 1, 11),
    )


def test_a_day_priced_line_rounds_by_the_terms_rule() -> None:
    """£555 a week for 10 days: 555 x 10 / 7 = 792.857142...; half up 792.86, rounded down
    (the terms' rule) 792.85, and net and payable follow the line."""
    down = _run(attrs.evolve(TERMS, rounding=Rounding.DOWN), Decimal(555))
    (invoice,) = down.invoices
    assert [line.amount for line in invoice.lines] == [Decimal("792.85")]
    assert (invoice.net, invoice.payable) == (Decimal("792.85"), Decimal("792.85"))
    (half_up,) = _run(TERMS, Decimal(555)).invoices
    assert half_up.net == Decimal("792.86")


def test_a_weekly_invoice_is_sent_where_the_terms_ask() -> None:
    """Terms that send invoices to the purchase order's department (``invoice_to_citation``)
    route a weekly invoice like any other; terms that do not leave ``send_to`` empty."""
    routed = attrs.evolve(TERMS, invoice_to_citation=Citation("testshire", "2", "send"))
    package = attrs.evolve(PACKAGE, invoice_to="Children's Finance")
    (sent,) = _run(routed, Decimal(70), package).invoices
    assert sent.send_to == "Children's Finance"
    (unsent,) = _run(TERMS, Decimal(70), package).invoices
    assert unsent.send_to is None


def test_a_zero_weekly_cost_invoices_zero_written_as_pounds_and_pence() -> None:
    """A period at £0 a week has no line; its net, withheld and payable are 0.00 (money
    is written with pence everywhere, never a bare 0)."""
    (invoice,) = _run(TERMS, Decimal(0)).invoices
    assert invoice.lines == ()
    written = unstructure(invoice)
    assert (written["net"], written["withheld"], written["payable"]) == ("0.00", "0.00", "0.00")
