"""Edges of the core's arithmetic that a wrong answer would pass through unnoticed: each
expected value is worked by hand in its docstring (the survivors of the mutation audit,
../shared/audits/tests.md, and the kinds of test it found missing)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from childcare_commissioning.calendars import (
    CalendarSpec,
    OpeningHours,
    TimeWindow,
    Weekday,
    working_calendar,
)
from childcare_commissioning.eligibility import AgeBand, Cohort
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model import Citation, Status
from childcare_commissioning.money import Rounding, to_penny

LONDON = ZoneInfo("Europe/London")
D = dt.date
WEEKDAYS = frozenset(list(Weekday)[:5])


def at(y: int, m: int, d: int, h: int, mi: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, h, mi, tzinfo=LONDON)


OFFICE = CalendarSpec(
    "office",
    "Office hours",
    hours=(OpeningHours(WEEKDAYS, (TimeWindow(dt.time(9), dt.time(17)),)),),
)
NIGHTS = CalendarSpec(
    "nights",
    "Out of hours: weekday evenings to 09:00 next morning",
    hours=(OpeningHours(WEEKDAYS, (TimeWindow(dt.time(17), dt.time(9)),)),),
)


# --- opening hours -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("instant", "open_"),
    [
        (at(2025, 5, 27, 8, 59), False),  # before opening
        (at(2025, 5, 27, 9, 0), True),  # opens at 09:00
        (at(2025, 5, 27, 16, 59), True),
        (at(2025, 5, 27, 17, 0), False),  # closes at 17:00 (end exclusive)
        (at(2025, 5, 26, 10, 0), False),  # Mon 26 May 2025: Spring bank holiday
        (at(2025, 5, 24, 10, 0), False),  # Saturday
        (at(2025, 12, 25, 12, 0), False),  # Christmas Day (a Thursday)
    ],
)
def test_office_hours_boundaries_and_bank_holidays(instant: dt.datetime, open_: bool) -> None:
    """Mon-Fri 09:00-17:00 except bank holidays: the window's edges, a bank holiday on a
    Monday, a Saturday, Christmas Day."""
    assert open_ == working_calendar(OFFICE).is_open(instant)


@pytest.mark.parametrize(
    ("instant", "open_"),
    [
        (at(2025, 5, 23, 20, 0), True),  # Fri evening: Friday's window
        (at(2025, 5, 24, 2, 0), True),  # early Sat: still Friday's window (to 09:00)
        (at(2025, 5, 24, 9, 0), False),  # Friday's window ends at 09:00
        (at(2025, 5, 24, 20, 0), False),  # Saturday has no window
        (at(2025, 5, 26, 20, 0), False),  # Mon 26 May: bank holiday, no window
        (at(2025, 5, 27, 2, 0), False),  # the bank holiday's window never opened
        (at(2025, 5, 27, 17, 0), True),  # Tuesday's window opens at 17:00
        (at(2025, 5, 28, 8, 59), True),  # ... and runs past midnight
        (at(2025, 5, 28, 9, 0), False),
        (at(2025, 5, 28, 12, 0), False),  # daytime: closed
    ],
)
def test_a_window_past_midnight_belongs_to_the_day_it_starts(
    instant: dt.datetime, open_: bool
) -> None:
    """17:00-09:00 on weekdays except bank holidays: the window belongs to its start day,
    so the small hours after a bank holiday are closed and those after a Friday open."""
    assert open_ == working_calendar(NIGHTS).is_open(instant)


def test_next_opening_in_the_small_hours_and_over_a_bank_holiday() -> None:
    """Office hours: at 01:00 on Wed 28 May 2025 the office next opens at 09:00 the same
    day; at 01:00 on Sat 24 May it opens at 09:00 on Tue 27 May (Sunday, then the Spring
    bank holiday on Monday 26 May); while open, next_opening is the instant itself."""
    calendar = working_calendar(OFFICE)
    assert at(2025, 5, 28, 9) == calendar.next_opening(at(2025, 5, 28, 1))
    assert at(2025, 5, 27, 9) == calendar.next_opening(at(2025, 5, 24, 1))
    assert at(2025, 5, 28, 11) == calendar.next_opening(at(2025, 5, 28, 11))


def test_next_working_day_is_the_day_itself_when_working() -> None:
    """Fri 23 May 2025 is a working day; Sat 24 May's next is Tue 27 May (bank holiday
    Monday)."""
    calendar = working_calendar("england-and-wales")
    assert D(2025, 5, 23) == calendar.next_working_day(D(2025, 5, 23))
    assert D(2025, 5, 27) == calendar.next_working_day(D(2025, 5, 24))


# --- working days: scalar and bulk, from non-working days -------------------------------------

#: England and Wales. Around 24-26 May 2025: Sat, Sun, Spring bank holiday; working days
#: Thu 22, Fri 23, Tue 27, Wed 28. Around Christmas 2025: Wed 24 working, Thu 25 and Fri
#: 26 bank holidays, Sat 27, Sun 28, then Mon 29 and Tue 30 working.
STEPS = {
    D(2025, 5, 24): {
        -2: D(2025, 5, 22),
        -1: D(2025, 5, 23),
        0: D(2025, 5, 27),
        1: D(2025, 5, 27),
        2: D(2025, 5, 28),
    },
    D(2025, 5, 26): {
        -2: D(2025, 5, 22),
        -1: D(2025, 5, 23),
        0: D(2025, 5, 27),
        1: D(2025, 5, 27),
        2: D(2025, 5, 28),
    },
    D(2025, 12, 25): {
        -2: D(2025, 12, 23),
        -1: D(2025, 12, 24),
        0: D(2025, 12, 29),
        1: D(2025, 12, 29),
        2: D(2025, 12, 30),
    },
    D(2025, 5, 23): {  # a working day, for contrast: n=0 is the day itself
        -2: D(2025, 5, 21),
        -1: D(2025, 5, 22),
        0: D(2025, 5, 23),
        1: D(2025, 5, 27),
        2: D(2025, 5, 28),
    },
}


def test_scalar_steps_from_non_working_days() -> None:
    calendar = working_calendar("england-and-wales")
    for day, expected in STEPS.items():
        assert expected == {n: calendar.add(day, n) for n in expected}, day


def test_bulk_steps_agree_with_the_hand_worked_table() -> None:
    """add_many over the same table (every n from -2 to 2, from weekends, bank holidays and
    a working day) gives the hand-worked answers, not merely the scalar path's."""
    calendar = working_calendar("england-and-wales")
    days, ns, expected = [], [], []
    for day, table in STEPS.items():
        for n, due in table.items():
            days.append(day)
            ns.append(n)
            expected.append(due)
    result = calendar.add_many(np.array(days, dtype="datetime64[D]"), np.array(ns))
    assert expected == [d.item() for d in result]


# --- money --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rounding", "expected"),
    [
        (Rounding.HALF_UP, ("2.35", "2.34", "2.35", "-2.35")),
        (Rounding.HALF_EVEN, ("2.34", "2.34", "2.35", "-2.34")),
        (Rounding.DOWN, ("2.34", "2.34", "2.34", "-2.34")),
        (Rounding.UP, ("2.35", "2.35", "2.35", "-2.35")),
    ],
)
def test_each_rounding_mode(rounding: Rounding, expected: tuple[str, ...]) -> None:
    """£2.345, £2.341, £2.349 and -£2.345 to the penny: half-up takes the half away from
    zero, half-even to the even penny (4), down truncates, up rounds away from zero."""
    amounts = (Decimal("2.345"), Decimal("2.341"), Decimal("2.349"), Decimal("-2.345"))
    assert tuple(Decimal(e) for e in expected) == tuple(to_penny(a, rounding) for a in amounts)


# --- eligibility declarations ---------------------------------------------------------------

CITE = Citation("testshire", "2 Scope", "children in need")


def test_a_cohort_with_no_statuses_is_anyone() -> None:
    """Empty status sets mean "anyone": a person with no status, or any status, matches."""
    anyone = Cohort("anyone", "Anyone", CITE)
    assert anyone.matches_statuses(frozenset())
    assert anyone.matches_statuses(frozenset({Status.LOOKED_AFTER}))


def test_a_cohort_with_statuses_needs_one_of_them_and_all_required() -> None:
    cohort = Cohort(
        "cin",
        "Children in need, looked after",
        CITE,
        statuses=frozenset({Status.CHILD_IN_NEED}),
        required_statuses=frozenset({Status.LOOKED_AFTER}),
    )
    assert cohort.matches_statuses(frozenset({Status.CHILD_IN_NEED, Status.LOOKED_AFTER}))
    assert not cohort.matches_statuses(frozenset({Status.CHILD_IN_NEED}))
    assert not cohort.matches_statuses(frozenset({Status.LOOKED_AFTER}))


def test_age_band_order_is_checked_and_equal_bounds_accepted() -> None:
    """A maximum below the minimum is refused naming the field; 5-5 is a one-year band."""
    with pytest.raises(ModelValueError, match="maximum"):
        AgeBand(10, 5)
    with pytest.raises(ModelValueError, match="negative"):
        AgeBand(-1, 5)
    band = AgeBand(5, 5)
    assert (False, True, False) == (band.contains(4), band.contains(5), band.contains(6))


def test_age_band_edges() -> None:
    """10-17 inclusive at both ends; open bands have no bound on that side."""
    band = AgeBand(10, 17)
    assert [False, True, True, False] == [band.contains(a) for a in (9, 10, 17, 18)]
    assert AgeBand(None, 17).contains(0)
    assert AgeBand(16, None).contains(99)
    assert not AgeBand(16, None).contains(15)


def test_next_opening_of_an_all_day_calendar_is_the_next_working_day_at_midnight() -> None:
    """England and Wales working days, no hours: at 10:00 on Sat 24 May 2025 the next
    opening is 00:00 on Tue 27 May (Sunday, then the Spring bank holiday)."""
    calendar = working_calendar("england-and-wales")
    assert at(2025, 5, 27, 0) == calendar.next_opening(at(2025, 5, 24, 10))


@pytest.mark.parametrize(
    ("month", "day", "valid"),
    [(2, 29, True), (2, 30, False), (4, 30, True), (4, 31, False), (12, 25, True), (13, 1, False)],
)
def test_annual_closures_must_be_days_of_their_month(month: int, day: int, valid: bool) -> None:
    """29 February is a day of its month (in leap years); 30 February, 31 April and a 13th
    month are not, and are refused naming the field."""
    from childcare_commissioning.calendars import AnnualClosure

    if valid:
        assert (month, day) == (AnnualClosure(month, day).month, AnnualClosure(month, day).day)
    else:
        with pytest.raises((ModelValueError, ValueError)):
            AnnualClosure(month, day)


def test_a_29_february_closure_closes_leap_days_only() -> None:
    """Every day a working day, closed on 29 February: closed on 29 Feb 2028, and in 2027
    (a common year) 28 February and 1 March stay open."""
    from childcare_commissioning.calendars import AnnualClosure

    spec = CalendarSpec(
        "leap",
        "Leap-day closure",
        working_weekdays=frozenset(Weekday),
        closed_on_bank_holidays=False,
        annual_closures=(AnnualClosure(2, 29, "Leap day"),),
    )
    calendar = working_calendar(spec)
    assert not calendar.is_working_day(D(2028, 2, 29))
    assert "Leap day" == calendar.closure_name(D(2028, 2, 29))
    assert calendar.is_working_day(D(2027, 2, 28))
    assert calendar.is_working_day(D(2027, 3, 1))
    assert calendar.is_working_day(D(2028, 2, 28))


def test_whole_pennies_is_exact_not_rounded() -> None:
    """£12.30 and £12.3 are whole pennies; £12.305 and £0.001 are not (a penny is 0.01)."""
    from decimal import Decimal

    from childcare_commissioning.money import is_whole_pennies

    assert [True, True, False, False, True] == [
        is_whole_pennies(Decimal(x)) for x in ("12.30", "12.3", "12.305", "0.001", "-4")
    ]
