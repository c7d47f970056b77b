"""A package's rate for a day and time, read from the day's profile shared by packages of
one shape (#42), is the rule's answer (:meth:`_Rates._look_up`, no caches), for packages
whose rates differ only in price and for ones that differ in shape."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from childcare_commissioning.billing import Quotation, Rate, RateCondition
from childcare_commissioning.billing.rates import _Rates
from childcare_commissioning.calendars import TimeWindow

D = dt.date
NIGHT = TimeWindow(dt.time(22), dt.time(7))
LATE = TimeWindow(dt.time(23), dt.time(23, 30))  # a second night window, not crossing


def _quotation(base: Decimal, start: dt.date, second_night: bool) -> Quotation:
    rates = [
        Rate(base, start),
        Rate(base + Decimal("0.50"), D(2025, 4, 1)),
        Rate(base + 2, start, RateCondition.NIGHT, NIGHT),
        Rate(base + 1, start, RateCondition.WEEKEND),
        Rate(base + 4, D(2025, 4, 18), RateCondition.BANK_HOLIDAY),
    ]
    if second_night:
        rates.append(Rate(base + 3, D(2025, 6, 1), RateCondition.NIGHT, LATE))
    return Quotation("P", tuple(rates))


@settings(max_examples=300, deadline=None)
@given(
    base=st.integers(1500, 2000).map(lambda p: Decimal(p) / 100),
    start=st.sampled_from([D(2025, 3, 1), D(2025, 3, 3), D(2025, 5, 1)]),
    second_night=st.booleans(),
    day=st.dates(D(2025, 2, 20), D(2026, 1, 10)),
    minute=st.none() | st.integers(0, 24 * 60 - 1),
)
def test_a_days_profile_gives_the_rules_rate(
    base: Decimal, start: dt.date, second_night: bool, day: dt.date, minute: int | None
) -> None:
    """Any day from before the first rate to after New Year (weekends, Easter, May and
    August bank holidays, Christmas, a rate uplift, a night rate added in June), any
    minute or none: the profiled look-up is the rule's, rate object for rate object,
    also after another package of the same shape (another price) filled the profiles."""
    time = None if minute is None else dt.time(minute // 60, minute % 60)
    other = _Rates(_quotation(base + 1, start, second_night))
    other.for_session(day, time)  # the shared profile, made by another package
    rates = _Rates(_quotation(base, start, second_night))
    assert rates.shape == other.shape
    assert rates.for_session(day, time) is rates._look_up(day, time)
