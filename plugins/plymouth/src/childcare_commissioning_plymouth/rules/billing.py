"""Plymouth's billing terms (3.3)."""

from __future__ import annotations

from childcare_commissioning.billing import BillingCycle, BillingTerms
from childcare_commissioning_plymouth._cite import cite

__all__ = ["BILLING"]

BILLING = BillingTerms(
    cycle=BillingCycle.FORTNIGHTLY,
    citation=cite(
        "3.3 Referral routes",
        "Invoices are submitted fortnightly in arrears (unless otherwise agreed between the "
        "parties on a case by case basis)",
    ),
    purchase_order_required=True,
    purchase_order_citation=cite(
        "3.3 Referral routes",
        "The relevant individual Purchase Order number is shown on all invoices",
    ),
    invoice_to_citation=cite(
        "3.3 Referral routes",
        "Invoices are submitted via email directly to the relevant department as detailed on "
        "the Purchase Order",
    ),
    nil_invoices=False,
    notes="PO number on every invoice; sent by email to the department named on the PO "
    "(a package's invoice_to, copied onto each invoice as send_to); invoices are for "
    "services delivered, so a fortnight with nothing on it gets none; "
    "value reflects what was delivered, with deductions for anything commissioned but not "
    "delivered. Temporary cover by another provider needs no notice period. Prices are "
    "bespoke per package (no rate band is set) and no mileage terms are given.",
)
