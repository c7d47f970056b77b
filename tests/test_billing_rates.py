"""Visits split at rate boundaries, checked minute by minute against an independent oracle.

The invoice run cuts a visit at local midnight and the night window's edges (computed
once per distinct visit and shared by packages, #42) and prices each part at the rate in
force at its start. The oracle here walks the visit one elapsed minute at a time, reads
each minute's local date and time in Europe/London and asks the package's rates for that
minute: no cuts, no caches. Both must give the same minutes at the same rates, in the
order the rates first apply, across both clock changes and the bank holidays of 2025.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from childcare_commissioning.billing import Quotation, Rate, RateCondition
from childcare_commissioning.billing.rates import _Rates
from childcare_commissioning.billing.records import local_interval
from childcare_commissioning.calendars import TimeWindow

LONDON = ZoneInfo("Europe/London")
D = dt.date
QUOTATION = Quotation(
    "P1",
    (
        Rate(Decimal(20), D(2025, 1, 1)),
        Rate(Decimal("20.50"), D(2025, 4, 1)),  # an uplift from 1 April
        Rate(Decimal(24), D(2025, 1, 1), RateCondition.NIGHT, TimeWindow(dt.time(22), dt.time(7))),
        Rate(Decimal(22), D(2025, 1, 1), RateCondition.WEEKEND),
        Rate(Decimal(28), D(2025, 1, 1), RateCondition.BANK_HOLIDAY),
    ),
)
#: Days around both clock changes (30 March, 26 October), Easter (18 and 21 April),
#: the May and August bank holidays and Christmas, with their neighbours.
DAYS = (
    [D(2025, 3, 28) + dt.timedelta(days=n) for n in range(5)]
    + [D(2025, 4, 17), D(2025, 4, 21), D(2025, 5, 5), D(2025, 8, 25), D(2025, 10, 25)]
    + [
        D(2025, 10, 26),
        D(2025, 12, 24),
        D(2025, 12, 25),
        D(2025, 12, 26),
    ]
)


def _by_minute(
    rates: _Rates, begin: dt.datetime, finish: dt.datetime
) -> list[tuple[Rate | None, int]]:
    totals: dict[int, tuple[Rate | None, int]] = {}
    minute = dt.timedelta(minutes=1)
    at = begin.astimezone(dt.UTC)
    end = finish.astimezone(dt.UTC)
    while at < end:
        local = at.astimezone(LONDON)
        rate = rates._look_up(local.date(), local.time().replace(fold=0))
        old = totals.get(id(rate), (rate, 0))[1]
        totals[id(rate)] = (rate, old + 1)
        at += minute
    return list(totals.values())


@settings(max_examples=300, deadline=None)
@given(
    day=st.sampled_from(DAYS),
    start=st.integers(0, 24 * 60 - 1),
    length=st.integers(0, 26 * 60),
)
def test_a_visit_split_at_rate_boundaries_matches_a_minute_by_minute_walk(
    day: dt.date, start: int, length: int
) -> None:
    """Any visit of up to 26 hours starting on any minute of a boundary day: the split's
    minutes at each rate are the oracle's (a visit across the spring change is an hour
    shorter, across the autumn change an hour longer, both by elapsed time)."""
    rates = _Rates(QUOTATION)
    begin, _ = local_interval(day, dt.time(start // 60, start % 60), dt.time(0))
    finish = begin.astimezone(dt.UTC) + dt.timedelta(minutes=length)
    assert _by_minute(rates, begin, finish) == rates.split(begin, finish)
