"""Stoke's budget and billing terms (6.1)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from childcare_commissioning.billing import (
    BillingCycle,
    BillingTerms,
    Budget,
    PaymentTerms,
    Release,
    Retention,
)
from childcare_commissioning_stoke._cite import cite

__all__ = ["BILLING"]

_BUDGET = "6.1 Service delivery budget"
BILLING = BillingTerms(
    cycle=BillingCycle.FINANCIAL_QUARTERS,
    citation=cite(
        "6.2. Payments",
        "Payments will be made quarterly in arrears on the achievement of outcomes/targets",
    ),
    payment_terms=PaymentTerms(
        "Payments will be made quarterly in arrears on the achievement of outcomes/targets "
        "in the Performance Management Framework.",
        cite(
            "6.2. Payments",
            "Payments will be made quarterly in arrears on the achievement of outcomes/targets "
            "in the Performance Management Framework",
        ),
    ),
    retention=Retention(
        Decimal(5),
        Release.NEXT_FINANCIAL_YEAR_Q1,
        cite(
            _BUDGET,
            "5% (£4500) of the  budget for 2018/19 will be withheld and paid in quarter 1 2019/20",
        ),
        # 6.1 sets the 5% for 2018/19, 2019/20 and 2020/21, and none for the final
        # part-year 2021/22 (April-June 2021): reading 'retention-of-payments'.
        financial_years=frozenset({"2018/19", "2019/20", "2020/21"}),
    ),
    budgets=(
        Budget(
            "2018/19",
            Decimal(60000),
            cite(_BUDGET, "Core service £60,000"),
            service="core",
            start=dt.date(2018, 7, 1),
            end=dt.date(2019, 3, 31),
        ),
        Budget(
            "2018/19",
            Decimal(30000),
            cite(_BUDGET, "Pilot £30,000"),
            service="pilot",
            start=dt.date(2018, 7, 1),
            end=dt.date(2019, 3, 31),
        ),
        Budget(
            "2019/20",
            Decimal(120000),
            cite(
                "6.1 Service delivery budget 2019/20",
                "The annual budget for 2019/20 is anticipated to be in the region of up to a maximum of £120,000, however this is only an indication",
            ),
            services=frozenset({"core", "pilot"}),
            indicative=True,
        ),
        Budget(
            "2019/20",
            Decimal(80000),
            cite("6.1 Service delivery budget 2019/20", "Core service £80,000"),
            service="core",
            indicative=True,
        ),
        Budget(
            "2019/20",
            Decimal(40000),
            cite("6.1 Service delivery budget 2019/20", "Pilot £40,000"),
            service="pilot",
            indicative=True,
        ),
        Budget(
            "2020/21",
            Decimal(120000),
            cite(
                "6.1 Service delivery budget 2020/21",
                "The annual budget for 2020/21 is anticipated to be in the region of up to a maximum of £120,000 however this is only an indication",
            ),
            services=frozenset({"core", "pilot"}),
            indicative=True,
        ),
        Budget(
            "2020/21",
            Decimal(80000),
            cite("6.1 Service delivery budget 2020/21", "Core service £80,000"),
            service="core",
            indicative=True,
        ),
        Budget(
            "2020/21",
            Decimal(40000),
            cite("6.1 Service delivery budget 2020/21", "Pilot £40,000"),
            service="pilot",
            indicative=True,
        ),
        Budget(
            "2021/22",
            Decimal(30000),
            cite(
                "6.1 Service Delivery Budget final year 2021/22",
                "up to a maximum of £30,000 however this is only an indication",
            ),
            services=frozenset({"core", "pilot"}),
            start=dt.date(2021, 4, 1),
            end=dt.date(2021, 6, 30),
            indicative=True,
        ),
    ),
    notes="The text sets no rate: each quarter is invoiced as a claim against the year's "
    "budget, naming the evidence of outcomes (reading 'payment-by-claim'). "
    "Invoices by email to Sue Hammersley (duties/invoices-by-email). 2018/19 runs from 1 "
    "July 2018 and its caps are firm; 2021/22 is April-June 2021 only, one cap for both "
    "services. Budgets after 2018/19 are indications until confirmed each January: passing "
    "one is a warning (reading 'indicative-budgets').",
)
