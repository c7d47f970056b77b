"""Derby's billing terms (3.11)."""

from __future__ import annotations

from childcare_commissioning.billing import (
    BillingCycle,
    BillingTerms,
    BlockDiscount,
    Component,
    ContributionTerm,
)
from childcare_commissioning_derby._cite import cite

__all__ = ["BILLING"]


BILLING = BillingTerms(
    cycle=BillingCycle.MONTHLY,
    citation=cite("3.2.5 Lot Detail", "with consequent change in payments where appropriate"),
    block_discount=BlockDiscount(
        5,
        None,
        cite(
            "3.2.5 Lot Detail",
            "Providers will be required to offer a percentage discount on the DPS accommodation costs for any block sourced of five beds or more at any one time in these circumstances.",
        ),
    ),
    contributions=(
        ContributionTerm(
            "housing-benefit",
            "Housing Benefit",
            Component.ACCOMMODATION,
            cite(
                "3.1.4 Evidence Base / Legal Context",
                "claim Housing Benefits which will contribute towards the accommodation cost",
            ),
            services=frozenset({"lot-2"}),
            notes="For children in need and young homeless 16-17 year olds (Lot 2); the amount "
            "is the housing authority's award, given by the caller (see "
            "'housing-benefit-contribution').",
        ),
    ),
    notes="Packages are quoted per work package against an indicative budget and paid by the "
    "week (accommodation and support, each day a seventh of the weekly cost: `payments`); a "
    "block of five or more beds carries the percentage discount set at the mini competition, "
    "which each block records. The text sets no invoicing cycle: monthly is assumed "
    "('billing-cycle').",
)
