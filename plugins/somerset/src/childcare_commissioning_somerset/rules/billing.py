"""Somerset's rate band, mileage and billing terms."""

from __future__ import annotations

from decimal import Decimal

from childcare_commissioning.billing import BillingCycle, BillingTerms, MileagePolicy, RateBand
from childcare_commissioning_somerset._cite import cite

__all__ = ["BAND", "BILLING", "MILEAGE"]

BAND = RateBand(
    "hourly",
    "Homecare hourly rate",
    Decimal(15),
    Decimal(20),
    cite("2.8 Service rates", "Range: £15-20 per hour"),
)
MILEAGE = MileagePolicy(
    Decimal("0.45"),
    cite("2.8 Service rates", "Mileage (to be agreed in advance)"),
    requires_agreement=True,
)
BILLING = BillingTerms(
    cycle=BillingCycle.MONTHLY,
    citation=cite("2.8 Service rates", "pricing will be individualised"),
    rate_bands=(BAND,),
    mileage=MILEAGE,
    notes="Every package is priced individually within the band; quotations must be justified "
    "and show value for money. The text sets no invoicing cycle: monthly in arrears is assumed "
    "(see 'invoicing-cycle'). Hours billed are hours worked, in elapsed time: a 22:00-07:00 "
    "night is 8 hours on the night the clocks go forward and 10 on the night they go back.",
)
