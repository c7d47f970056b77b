"""Billing periods: fortnights and four-week periods anchored on a package's start,
calendar months, and UK financial-year quarters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from childcare_commissioning.billing.terms import BillingCycle
from childcare_commissioning.schedules import Period, financial_year

__all__ = ["period_containing", "periods_between"]

_DAYS = {BillingCycle.FORTNIGHTLY: 14, BillingCycle.FOUR_WEEKLY: 28}


def period_containing(day: dt.date, cycle: BillingCycle, anchor: dt.date) -> Period:
    """The billing period of ``cycle`` that contains ``day``."""
    if cycle in _DAYS:
        length = _DAYS[cycle]
        index = (day - anchor).days // length
        start = anchor + dt.timedelta(days=index * length)
        return Period(start, start + dt.timedelta(days=length - 1))
    if cycle is BillingCycle.MONTHLY:
        start = day.replace(day=1)
        following = (start + dt.timedelta(days=32)).replace(day=1)
        return Period(start, following - dt.timedelta(days=1))
    year = financial_year(day)
    return year.quarter(year.quarter_of(day))


def periods_between(
    first: dt.date, last: dt.date, cycle: BillingCycle, anchor: dt.date
) -> Iterator[Period]:
    """Consecutive periods from the one containing ``first`` to the one containing ``last``."""
    period = period_containing(first, cycle, anchor)
    while period.start <= last:
        yield period
        period = period_containing(period.end + dt.timedelta(days=1), cycle, anchor)
