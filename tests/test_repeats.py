"""Repeat referrals (Somerset 3.1 "A reduction in the number of repeat referrals"), worked
by hand."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.repeats import count_repeats, repeats_of

LONDON = ZoneInfo("Europe/London")
UTC = dt.UTC


def at(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=LONDON)  # type: ignore[misc]


def test_each_repeat_names_the_cases_previous_referral_in_time_order() -> None:
    """Given out of order: A on 3 Mar, B on 1 Mar, A on 1 Mar, A on 10 Mar. In time order A
    (1 Mar) is first, A (3 Mar) repeats it, A (10 Mar) repeats A (3 Mar); B never repeats."""
    found = repeats_of(
        [
            ("a2", "A", at(2025, 3, 3, 9)),
            ("b1", "B", at(2025, 3, 1, 9)),
            ("a1", "A", at(2025, 3, 1, 9)),
            ("a3", "A", at(2025, 3, 10, 9)),
        ]
    )
    assert [("a2", "a1"), ("a3", "a2")] == [(r.referral_id, r.previous_id) for r in found]


def test_two_referrals_at_one_instant_keep_the_order_given() -> None:
    """Same instant: the second given repeats the first."""
    found = repeats_of([("x", "C", at(2025, 3, 3, 9)), ("y", "C", at(2025, 3, 3, 9))])
    assert [("y", "x")] == [(r.referral_id, r.previous_id) for r in found]


def test_the_look_back_is_on_london_dates() -> None:
    """Previous referral 23:30 UTC on 31 Jan 2025 is 31 Jan in London (GMT); one month on is
    28 Feb 2025: a referral on 28 Feb repeats it, one on 1 Mar does not."""
    first = ("p", "D", dt.datetime(2025, 1, 31, 23, 30, tzinfo=UTC))
    month = Duration(DurationKind.MONTHS, 1)
    assert 1 == len(repeats_of([first, ("q", "D", at(2025, 2, 28, 23))], month))
    assert [] == repeats_of([first, ("q", "D", at(2025, 3, 1, 0, 30))], month)


def test_bad_input_is_named() -> None:
    with pytest.raises(ValueError, match="'r1' is given twice"):
        repeats_of([("r1", "A", at(2025, 1, 1)), ("r1", "B", at(2025, 1, 2))])
    with pytest.raises(ValueError, match="timezone-aware"):
        repeats_of([("r1", "A", dt.datetime(2025, 1, 1))])  # noqa: DTZ001 (naive on purpose)
    with pytest.raises(ValueError, match="before start"):
        count_repeats([], dt.date(2025, 2, 1), dt.date(2025, 1, 1))
