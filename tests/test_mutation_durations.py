"""Durations at their edges (issue #27: survivors of the mutation run).

The errors here are what a council author sees when a declared duration is wrong, so each
test asserts the field, the rule and the words, beside the accepted neighbour.
"""

from __future__ import annotations

import datetime as dt

import pytest

from childcare_commissioning.calendars import working_calendar
from childcare_commissioning.durations import (
    Direction,
    Duration,
    DurationKind,
    apply_duration,
    shift_date,
)
from childcare_commissioning.errors import ModelValueError

from .clock import NoOffset

K = DurationKind
D = dt.date


@pytest.mark.parametrize("kind", [K.WORKING_DAYS, K.CLOCK_HOURS, K.CALENDAR_DAYS, K.WEEKS])
def test_counted_kinds_take_at_least_one(kind: DurationKind) -> None:
    """1 is the smallest amount of a counted kind; 0 and -1 are refused, naming the field
    ``amount`` and the rule ``duration-amount``."""
    assert 1 == Duration(kind, 1).amount
    for amount in (0, -1):
        with pytest.raises(ModelValueError) as refused:
            Duration(kind, amount)
        assert ("amount", "duration-amount") == (refused.value.field, refused.value.rule)
        assert "amount: must be at least 1 [duration-amount]" == str(refused.value)


@pytest.mark.parametrize("kind", [K.SAME_DAY, K.SAME_WORKING_DAY, K.IMMEDIATELY])
def test_unitless_kinds_take_no_amount(kind: DurationKind) -> None:
    """Same day, same working day and immediately take amount 0 (the default); 1 and -1
    are refused, and the message names the kind."""
    assert 0 == Duration(kind).amount
    for amount in (1, -1):
        with pytest.raises(ModelValueError) as refused:
            Duration(kind, amount)
        assert ("amount", "duration-amount") == (refused.value.field, refused.value.rule)
        assert f"amount: must be 0 for {kind.value} [duration-amount]" == str(refused.value)


@pytest.mark.parametrize(
    "at",
    [
        dt.datetime(2025, 1, 6, 9),  # noqa: DTZ001
        dt.datetime(2025, 1, 6, 9, tzinfo=NoOffset()),
    ],
)
def test_apply_duration_refuses_an_instant_without_an_offset(at: dt.datetime) -> None:
    """Naive, or with a tzinfo that gives no offset: either way the instant is unknown."""
    calendar = working_calendar("england-and-wales")
    with pytest.raises(ValueError, match=r"^the triggering instant must be timezone-aware$"):
        apply_duration(at, Duration(K.WORKING_DAYS, 1), Direction.AFTER, calendar)


def test_apply_duration_works_in_the_calendars_zone() -> None:
    """23:30Z on Sun 30 Mar 2025 is 00:30 BST on Mon 31 Mar in London: 1 working day
    after Monday is Tue 1 Apr; the due is a date, with no instant."""
    calendar = working_calendar("england-and-wales")
    due = apply_duration(
        dt.datetime(2025, 3, 30, 23, 30, tzinfo=dt.UTC),
        Duration(K.WORKING_DAYS, 1),
        Direction.AFTER,
        calendar,
    )
    assert (D(2025, 4, 1), None) == (due.date, due.at)


@pytest.mark.parametrize("kind", [K.CLOCK_HOURS, K.IMMEDIATELY, K.SAME_DAY])
def test_shift_date_refuses_kinds_that_are_not_counted_in_days(kind: DurationKind) -> None:
    """Hours, immediately and same day do not move a date by a count of days."""
    calendar = working_calendar("england-and-wales")
    with pytest.raises(ValueError, match=f"^{kind} is not a day-based duration$"):
        shift_date(D(2025, 1, 6), kind, 1, calendar)


@pytest.mark.parametrize(
    ("kind", "amount", "expected"),
    [
        (K.WORKING_DAYS, -1, D(2025, 1, 3)),  # Mon 6 Jan back one working day: Fri 3 Jan
        (K.CALENDAR_DAYS, -1, D(2025, 1, 5)),
        (K.WEEKS, -1, D(2024, 12, 30)),
        (K.MONTHS, -1, D(2024, 12, 6)),
        (K.YEARS, -1, D(2024, 1, 6)),
        (K.YEARS, 1, D(2026, 1, 6)),  # a year is 12 months, not 1
    ],
)
def test_shift_date_by_each_kind(kind: DurationKind, amount: int, expected: dt.date) -> None:
    """From Mon 6 Jan 2025, each kind by hand."""
    calendar = working_calendar("england-and-wales")
    assert expected == shift_date(D(2025, 1, 6), kind, amount, calendar)
