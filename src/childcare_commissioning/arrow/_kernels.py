"""Integer kernels of the columnar invoice engine: days and instants as integers (days and
minutes since 1970-01-01, UTC for instants), Europe/London offsets per day, a visit cut at
rate boundaries, each part's rate, and rounding of exact fractions of a penny.

Each kernel gives what the scalar run's code gives (:mod:`childcare_commissioning.
billing.rates`), from the same tables: a day's cut instants are the scalar
:func:`~childcare_commissioning.billing.rates._day_cuts`, bank holidays its
``_bank_holiday``; a local time on a clock-change day is converted by the scalar
:func:`~childcare_commissioning.billing.records.local_interval` (the two such days a year
are looked up one by one, every other day by its offset)."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np

from childcare_commissioning.billing.rates import _bank_holiday, _day_cuts
from childcare_commissioning.calendars import LONDON
from childcare_commissioning.money import Rounding

EPOCH = dt.date(1970, 1, 1).toordinal()
BIG = np.int64(1) << 62
#: Rate conditions as integers (the order of precedence is in :func:`rate_of`).
STANDARD, NIGHT, BANK_HOLIDAY, WEEKEND = 0, 1, 2, 3
Ints = Any  # a numpy integer array (numpy's generic types are not worth spelling here)


def day_number(day: dt.date) -> int:
    """Days since 1970-01-01."""
    return day.toordinal() - EPOCH


def minute_of(time: dt.time) -> int:
    return time.hour * 60 + time.minute


def utc_minutes(moment: dt.datetime) -> int:
    """Minutes since 1970-01-01 00:00 UTC of an aware ``moment`` (whole minutes)."""
    return int(moment.timestamp()) // 60


@functools.lru_cache(maxsize=4096)
def london_day(day: int) -> tuple[int, bool, bool]:
    """Day ``day``'s London offset (minutes, at 00:00), whether the clocks change on it,
    and whether it is an England and Wales bank holiday."""
    tz = ZoneInfo(LONDON)
    date = dt.date.fromordinal(day + EPOCH)
    first = dt.datetime.combine(date, dt.time(0), tzinfo=tz).utcoffset()
    last = dt.datetime.combine(date, dt.time(23, 59), tzinfo=tz).utcoffset()
    assert first is not None
    assert last is not None
    return int(first.total_seconds()) // 60, first != last, _bank_holiday(date)


class Days:
    """Per-day tables over ``first``-``last`` (day numbers, both included): London offset,
    clock-change days, bank holidays, and the UTC instants where the offset changes."""

    def __init__(self, first: int, last: int) -> None:
        self.first = first
        facts = [london_day(d) for d in range(first, last + 1)]
        self.offset = np.array([f[0] for f in facts], dtype=np.int64)
        self.changes = np.array([f[1] for f in facts], dtype=bool)
        self.bank = np.array([f[2] for f in facts], dtype=bool)
        tz = ZoneInfo(LONDON)
        # The offset in force at each UTC minute: the offset at the first day's start,
        # then each change (found by bisection on the day it happens).
        moments, offsets = [], [int(self.offset[0])]
        for index in np.flatnonzero(self.changes):
            low = (first + int(index)) * 1440 - 24 * 60
            high = low + 72 * 60
            before = _offset_at(low, tz)
            while high - low > 1:
                middle = (low + high) // 2
                if _offset_at(middle, tz) == before:
                    low = middle
                else:
                    high = middle
            moments.append(high)
            offsets.append(_offset_at(high, tz))
        self.moments = np.array(moments, dtype=np.int64)
        self.offsets = np.array(offsets, dtype=np.int64)

    def index(self, days: Ints) -> Ints:
        return days - self.first

    def local(self, instants: Ints) -> tuple[Ints, Ints]:
        """Local day numbers and minutes of the day of UTC ``instants``."""
        offset = self.offsets[np.searchsorted(self.moments, instants, side="right")]
        local = instants + offset
        return local // 1440, local % 1440


def _offset_at(minute: int, tz: ZoneInfo) -> int:
    moment = dt.datetime.fromtimestamp(minute * 60, tz)
    offset = moment.utcoffset()
    assert offset is not None
    return int(offset.total_seconds()) // 60


@functools.lru_cache(maxsize=65536)
def _cuts(day: int, edges: tuple[dt.time, ...]) -> tuple[int, ...]:
    date = dt.date.fromordinal(day + EPOCH)
    return tuple(utc_minutes(instant) for instant, _, _ in _day_cuts(date, edges))


def cut_table(days: Days, last: int, edges: tuple[dt.time, ...]) -> Ints:
    """Each day's cut instants (UTC minutes, padded with :data:`BIG`), a row per day from
    ``days.first`` to ``last``."""
    rows = [_cuts(day, edges) for day in range(days.first, last + 1)]
    width = max(len(row) for row in rows)
    table = np.full((len(rows), width), BIG, dtype=np.int64)
    for n, row in enumerate(rows):
        table[n, : len(row)] = row
    return table


def parts(days: Days, table: Ints, start: Ints, end: Ints) -> tuple[Ints, Ints]:
    """Visits ``start``-``end`` (UTC minutes, end after start, at most a day) cut at the
    table's instants strictly inside them, on every local day they touch
    (:func:`~childcare_commissioning.billing.rates._parts`): each part's start instant
    and minutes, a row per visit, padded with :data:`BIG` and 0."""
    first, _ = days.local(start)
    last, _ = days.local(end)
    columns = [start[:, None]]
    for step in range(3):  # a visit of at most a day touches at most three local days
        rows = table[days.index(first + step)]
        inside = (rows > start[:, None]) & (rows < end[:, None]) & ((first + step) <= last)[:, None]
        columns.append(np.where(inside, rows, BIG))
    columns.append(end[:, None])
    points = np.sort(np.hstack(columns), axis=1)
    repeated = np.zeros(points.shape, dtype=bool)
    repeated[:, 1:] = points[:, 1:] == points[:, :-1]
    points = np.sort(np.where(repeated, BIG, points), axis=1)
    width = max(int((points < BIG).sum(axis=1).max(initial=2)) - 1, 1)  # parts of the longest
    begins, ends = points[:, :width], points[:, 1 : width + 1]
    real = ends < BIG
    return np.where(real, begins, BIG), np.where(real, ends - begins, 0)


def slots(rates: Ints, minutes: Ints) -> tuple[Ints, Ints]:
    """A visit's parts priced as the scalar ``_Rates.priced`` does: minutes summed per
    rate, in the order the rates first apply. Slot ``k`` holds a rate and its total when
    part ``k`` is that rate's first part (else 0 minutes)."""
    width = rates.shape[1]
    owner = np.tile(np.arange(width), (rates.shape[0], 1))
    real = minutes > 0
    for j in range(1, width):
        for k in range(j):
            same = real[:, j] & real[:, k] & (rates[:, j] == rates[:, k]) & (owner[:, j] == j)
            owner[same, j] = k
    totals = np.zeros(minutes.shape, dtype=np.int64)
    rows = np.arange(rates.shape[0])
    for j in range(width):
        np.add.at(totals, (rows, owner[:, j]), minutes[:, j])
    return rates, np.where(owner == np.arange(width), totals, 0)


def round_fraction(numerator: Ints, denominator: int, rounding: Rounding) -> Ints:
    """``numerator / denominator`` (numerator not negative) rounded to an integer as
    :func:`~childcare_commissioning.money.to_penny` rounds (exact: no float)."""
    quotient, remainder = np.divmod(numerator, denominator)
    if rounding is Rounding.DOWN:
        return quotient
    if rounding is Rounding.UP:
        return quotient + (remainder > 0)
    twice = 2 * remainder
    if rounding is Rounding.HALF_UP:
        return quotient + (twice >= denominator)
    return quotient + ((twice > denominator) | ((twice == denominator) & (quotient % 2 == 1)))


def hundredths_of_hours(minutes: Ints) -> Ints:
    """``minutes`` as hours to two places, rounded as the scalar ``_hours`` (5m/3 is never
    half way, so to nearest; a negative number as its magnitude, negated)."""
    size = np.abs(minutes)
    return np.sign(minutes) * ((10 * size + 3) // 6)
