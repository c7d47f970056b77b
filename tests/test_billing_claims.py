"""Claims: invoices for amounts claimed per period with no rate, worked by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from childcare_commissioning.billing import (
    BillingCycle,
    BillingTerms,
    Claim,
    Release,
    Retention,
    claim_invoices,
)
from childcare_commissioning.model import Citation, Package

D = dt.date
CITE = Citation("sample", "6.2", "Payments will be made quarterly in arrears")
TERMS = BillingTerms(
    BillingCycle.FINANCIAL_QUARTERS,
    CITE,
    retention=Retention(Decimal(5), Release.NEXT_FINANCIAL_YEAR_Q1, CITE),
)
PACKAGE = Package("P", "sample", "S", D(2024, 4, 1), service="core")


def test_two_claims_in_a_quarter_make_one_invoice() -> None:
    """£1,000.00 and £250.50 for April-June 2024: one invoice of £1,250.50, 5% withheld =
    £62.525 -> £62.53 (half up), payable £1,187.97, issued 1 July 2024."""
    claims = [
        Claim("A", "P", D(2024, 4, 30), Decimal("1000"), "r1"),
        Claim("B", "P", D(2024, 6, 30), Decimal("250.50"), "r2"),
    ]
    [invoice] = claim_invoices("sample", TERMS, [PACKAGE], claims, D(2024, 7, 1)).invoices
    assert (Decimal("1250.50"), Decimal("62.53"), Decimal("1187.97"), D(2024, 7, 1)) == (
        invoice.net,
        invoice.withheld,
        invoice.payable,
        invoice.issued_on,
    )
    assert ("A", "B") == invoice.record_ids
    assert "sample-P-20240401" == invoice.number


def test_bad_claims_are_findings_and_nothing_else_is_lost() -> None:
    """A repeated id, an unknown package, a claim before the package starts, and one for a
    quarter already invoiced: four findings; the good claim is still invoiced."""
    first = claim_invoices(
        "sample",
        TERMS,
        [PACKAGE],
        [Claim("Q1", "P", D(2024, 5, 1), Decimal(10), "r")],
        D(2024, 7, 1),
    )
    claims = [
        Claim("Q2", "P", D(2024, 8, 1), Decimal(20), "r"),
        Claim("Q2", "P", D(2024, 8, 2), Decimal(20), "r"),
        Claim("X", "NOPE", D(2024, 8, 1), Decimal(20), "r"),
        Claim("EARLY", "P", D(2024, 3, 1), Decimal(20), "r"),
        Claim("AGAIN", "P", D(2024, 6, 1), Decimal(20), "r"),
    ]
    run = claim_invoices("sample", TERMS, [PACKAGE], claims, D(2024, 10, 1), first.invoices)
    assert [
        "billing.claim.duplicate",
        "billing.claim.unknown-package",
        "billing.claim.outside-package",
        "billing.claim.period-invoiced",
    ] == [f.code for f in run.findings]
    assert [("Q2",)] == [i.record_ids for i in run.invoices]
