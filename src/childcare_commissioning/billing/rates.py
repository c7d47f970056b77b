"""Rates in force and visits split at rate boundaries (night windows, midnight into a
weekend or bank holiday), by local time; prices and hours of a number of minutes."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
from decimal import Decimal
from typing import TypeVar
from zoneinfo import ZoneInfo

from childcare_commissioning.billing.periods import _DAYS, period_containing
from childcare_commissioning.billing.records import _utc_interval, local_interval
from childcare_commissioning.billing.terms import (
    BillingCycle,
    BillingTerms,
    Quotation,
    Rate,
    RateCondition,
)
from childcare_commissioning.calendars import LONDON, working_calendar
from childcare_commissioning.money import Rounding, to_penny

SIXTY = Decimal(60)


@functools.lru_cache(maxsize=8192)
def _day_cuts(
    day: dt.date, edges: tuple[dt.time, ...]
) -> tuple[tuple[dt.datetime, dt.date, dt.time], ...]:
    """The instants (UTC) on local ``day`` where a rate may change (at the local times
    ``edges``), each with its local date and time (a time in the spring gap falls an hour
    later). A time in the repeated autumn hour happens twice: both are cuts. Shared by
    every package whose rates change at the same times."""
    tz = ZoneInfo(LONDON)
    cuts = []
    for time in edges:
        local = dt.datetime.combine(day, time, tzinfo=tz)
        twice = local.replace(fold=1)
        both = (local, twice) if twice.utcoffset() != local.utcoffset() else (local,)
        for moment in both:
            instant = moment.astimezone(dt.UTC)
            back = instant.astimezone(tz)
            cuts.append((instant, back.date(), back.time()))
    return tuple(cuts)


class _Rates:
    def __init__(self, quotation: Quotation) -> None:
        self.rates = sorted(quotation.rates, key=lambda r: r.effective_from)
        # Per condition, in order of effective date (the last one in force wins), with
        # their dates for a binary search.
        self.by_condition: dict[RateCondition, tuple[list[dt.date], list[Rate]]] = {}
        for condition in RateCondition:
            chosen = [r for r in self.rates if r.condition is condition]
            self.by_condition[condition] = ([r.effective_from for r in chosen], chosen)
        self.night = self.by_condition[RateCondition.NIGHT][1]
        # Where each rate object first appears (a rate given twice is one rate), and the
        # package's rates without their prices: packages of one shape share every rate
        # look-up and every priced visit (by index into their own rates).
        self._first: dict[int, int] = {}
        for index, rate in enumerate(self.rates):
            self._first.setdefault(id(rate), index)
        self.shape = _shape_id(
            tuple((r.condition, r.effective_from, r.window, self._first[id(r)]) for r in self.rates)
        )
        # Local times of day where a rate may change: midnight and every window's edges.
        self.edges = tuple(
            sorted(
                {dt.time(0)}
                | {
                    e
                    for r in self.rates
                    if r.window is not None
                    for e in (r.window.start, r.window.end)
                }
            )
        )

    def _latest(self, condition: RateCondition, day: dt.date) -> Rate | None:
        days, rates = self.by_condition[condition]
        index = bisect.bisect_right(days, day)
        return rates[index - 1] if index else None

    def for_session(self, day: dt.date, start: dt.time | None) -> Rate | None:
        """The rate for time starting at local ``start`` on ``day`` (the day's rate when
        the time is not known)."""
        profile = _PROFILES.get((self.shape, day))
        if profile is None:
            profile = _remember(_PROFILES, (self.shape, day), self._profile(day))
        bank, nights, other = profile
        index = bank
        if index < 0:
            index = other
            if start is not None:
                for night, begin, end, crosses in nights:
                    if begin <= start < end or (crosses and (start >= begin or start < end)):
                        index = night
                        break
        return self.rates[index] if index >= 0 else None

    def _index(self, rate: Rate | None) -> int:
        return -1 if rate is None else self._first[id(rate)]

    def _profile(self, day: dt.date) -> _Profile:
        """What :meth:`_look_up` decides for ``day`` whatever the time: the bank-holiday
        rate (index, -1: none), the night rates in force with their windows, in the order
        they are tried, and the rate otherwise. Shared by every package of one shape."""
        weekday = day.weekday()
        bank = -1
        if weekday < 5 and _bank_holiday(day):
            bank = self._index(self._latest(RateCondition.BANK_HOLIDAY, day))
        nights = tuple(
            (self._index(r), r.window.start, r.window.end, r.window.crosses_midnight)
            for r in reversed(self.night)
            if r.effective_from <= day and r.window is not None
        )
        other = self._latest(RateCondition.WEEKEND, day) if weekday >= 5 else None
        if other is None:
            other = self._latest(RateCondition.STANDARD, day)
        return bank, nights, self._index(other)

    def _look_up(self, day: dt.date, start: dt.time | None) -> Rate | None:
        weekday = day.weekday()
        if weekday < 5 and _bank_holiday(day):
            best = self._latest(RateCondition.BANK_HOLIDAY, day)
            if best is not None:
                return best
        if start is not None:
            for r in reversed(self.night):
                window = r.window
                if (
                    r.effective_from <= day
                    and window is not None
                    and (
                        window.start <= start < window.end
                        or (
                            window.crosses_midnight
                            and (start >= window.start or start < window.end)
                        )
                    )
                ):
                    return r
        if weekday >= 5:
            weekend = self._latest(RateCondition.WEEKEND, day)
            if weekend is not None:
                return weekend
        return self._latest(RateCondition.STANDARD, day)

    def split(self, begin: dt.datetime, finish: dt.datetime) -> list[tuple[Rate | None, int]]:
        """Elapsed minutes of the visit ``begin``-``finish`` at each rate, in the order
        the rates first apply: the visit is cut at every local midnight and every night
        window's start and end, by local time, and each part takes the rate in force at
        its start."""
        return self.priced(_parts(begin.astimezone(dt.UTC), finish.astimezone(dt.UTC), self.edges))

    def priced(self, parts: Parts) -> list[tuple[Rate | None, int]]:
        """Minutes at each rate of a visit cut into ``parts`` (:func:`_parts`), in the
        order the rates first apply; a rate of no minutes is left out."""
        if len(parts) == 1:  # no boundary inside the visit: one look-up
            day, time, minutes = parts[0]
            return [(self.for_session(day, time), minutes)] if minutes > 0 else []
        totals: dict[int, tuple[Rate | None, int]] = {}
        for day, time, minutes in parts:
            rate = self.for_session(day, time)
            key = id(rate)
            previous = totals.get(key, (rate, 0))[1]
            totals[key] = (rate, previous + minutes)
        return [item for item in totals.values() if item[1]]


_SHAPES: dict[tuple[object, ...], int] = {}
_SHAPE_IDS = itertools.count()
_LIMIT = 65536
#: A day's rates by shape of rates (:meth:`_Rates._profile`): indexes into the package's
#: sorted rates, -1 for none. Bounded: emptied when full.
_Profile = tuple[int, tuple[tuple[int, dt.time, dt.time, bool], ...], int]
_PROFILES: dict[tuple[int, dt.date], _Profile] = {}
K = TypeVar("K")
V = TypeVar("V")


def _remember(cache: dict[K, V], key: K, value: V) -> V:
    if len(cache) >= _LIMIT:
        cache.clear()
    cache[key] = value
    return value


def _shape_id(shape: tuple[object, ...]) -> int:
    """A number for a package's rates without their prices (never reused, even after the
    table is emptied: a new number only misses the caches)."""
    found = _SHAPES.get(shape)
    if found is None:
        found = _remember(_SHAPES, shape, next(_SHAPE_IDS))
    return found


#: A visit cut at rate boundaries: each part's local date and time at its start, and its
#: elapsed minutes (whole minutes of each part, as the parts are priced).
Parts = tuple[tuple[dt.date, dt.time, int], ...]


@functools.lru_cache(maxsize=65536)
def _parts(start_utc: dt.datetime, end_utc: dt.datetime, edges: tuple[dt.time, ...]) -> Parts:
    """The visit ``start_utc``-``end_utc`` (UTC instants) cut at the local times ``edges``
    of every day it touches (by local time, :func:`_day_cuts`). A visit that crosses no
    cut is one part of its elapsed minutes (none or negative for one that ends at or
    before its start). Computed once per distinct visit and set of edges, and shared by
    every package with the same rate boundaries: visits start at the same times."""
    tz = ZoneInfo(LONDON)
    local = start_utc.astimezone(tz)
    day = local.date()
    last = end_utc.astimezone(tz).date()
    # Each point: its instant, and the local date and time the rate is looked up by.
    points = {start_utc: (day, local.time())}
    while day <= last:
        for instant, cut_day, cut_time in _day_cuts(day, edges):
            if start_utc < instant < end_utc:
                points[instant] = (cut_day, cut_time)
        day += _ONE_DAY
    if len(points) == 1:
        minutes = int((end_utc - start_utc).total_seconds() // 60)
        return ((*points[start_utc], minutes),)
    points.setdefault(end_utc, (last, dt.time(0)))
    order = sorted(points)
    # Both are UTC instants: their difference is elapsed time.
    return tuple(
        (*points[a], int((b - a).total_seconds() // 60)) for a, b in itertools.pairwise(order)
    )


@functools.lru_cache(maxsize=65536)
def visit_parts(
    day: dt.date, start: dt.time, end: dt.time, end_date: dt.date | None, edges: tuple[dt.time, ...]
) -> Parts:
    """:func:`_parts` of a visit written as local times (a delivery record's)."""
    return _parts(*_utc_interval(day, start, end, end_date), edges)


@functools.lru_cache(maxsize=65536)
def session_parts(day: dt.date, start: dt.time, minutes: int, edges: tuple[dt.time, ...]) -> Parts:
    """:func:`_parts` of ``minutes`` of elapsed time from local ``start`` on ``day`` (a
    planned session's)."""
    begin, _ = local_interval(day, start, start)
    start_utc = begin.astimezone(dt.UTC)
    return _parts(start_utc, start_utc + dt.timedelta(minutes=minutes), edges)


@functools.lru_cache(maxsize=4096)
def _bank_holiday(day: dt.date) -> bool:
    """Whether ``day`` is a bank holiday in England and Wales (the rates' calendar)."""
    return working_calendar("england-and-wales").closure_name(day) is not None


_ONE_DAY = dt.timedelta(days=1)


def _period_start(day: dt.date, cycle: BillingCycle, anchor: dt.date) -> dt.date:
    """The start of the billing period containing ``day`` (by arithmetic for fortnights
    and four-week periods; the same answer as :func:`period_containing`)."""
    length = _DAYS.get(cycle)
    if length is None:
        return period_containing(day, cycle, anchor).start
    return anchor + dt.timedelta(days=(day - anchor).days // length * length)


_RULES = {condition: f"rate-{condition}" for condition in RateCondition}
_LABELS = {
    condition: f" ({condition} rate)" if condition != "standard" else ""
    for condition in RateCondition
}


def _money(minutes: int, rate: Rate, terms: BillingTerms) -> Decimal:
    key = (id(rate), minutes)
    found = _PRICES.get(key)
    # A rate object lives as long as its quotation: the id is checked against the rate
    # the price was made for, so a new object at a re-used address is never mistaken.
    if found is None or found[0] is not rate or found[1] is not terms.rounding:
        found = _remember(
            _PRICES, key, (rate, terms.rounding, _price(minutes, rate.amount, terms.rounding))
        )
    return found[2]


#: Prices by rate object and minutes (the rate kept, so its id stays its own).
_PRICES: dict[tuple[int, int], tuple[Rate, Rounding, Decimal]] = {}


@functools.lru_cache(maxsize=65536)
def _price(minutes: int, amount: Decimal, rounding: Rounding) -> Decimal:
    """``amount`` an hour for ``minutes``, to the penny (computed once per distinct
    minutes, rate and rounding: the Decimals are shared, immutable)."""
    return to_penny(amount * Decimal(minutes) / SIXTY, rounding)


@functools.lru_cache(maxsize=8192)
def _hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / SIXTY).quantize(Decimal("0.01"))
