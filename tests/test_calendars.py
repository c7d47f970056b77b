"""Working-day calendars: the official bank holidays, the counting convention, service hours."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from childcare_commissioning.calendars import (
    ANNOUNCED_THROUGH,
    AnnualClosure,
    CalendarSpec,
    Division,
    OpeningHours,
    TimeWindow,
    Weekday,
    bank_holidays,
    working_calendar,
)

from .shared_data import govuk_bank_holidays

LONDON = ZoneInfo("Europe/London")
D = dt.date


# One-off bank holidays proclaimed after the feed in ../shared/data was published (2025).
# The runtime source (python-holidays) has them; the feed cannot. Each is named here so that
# any other difference still fails.
PROCLAIMED_AFTER_THE_FEED = {
    Division.SCOTLAND: {D(2026, 6, 15)},  # Scotland's participation in the FIFA World Cup
}


def _official(division: Division) -> set[dt.date]:
    return govuk_bank_holidays()[division.value] | PROCLAIMED_AFTER_THE_FEED.get(division, set())


@pytest.mark.parametrize("division", list(Division), ids=str)
def test_bank_holidays_match_the_official_govuk_feed(division: Division) -> None:
    """Every date of the GOV.UK feed 2019-2027, and no other, is a bank holiday here
    (plus the named later proclamations)."""
    ours = set(bank_holidays(division, range(2019, 2028)))
    assert sorted(_official(division)) == sorted(ours)


@pytest.mark.parametrize("division", list(Division), ids=str)
def test_working_days_exclude_exactly_weekends_and_official_holidays(division: Division) -> None:
    """Day by day through 2019-2027: working iff a weekday not in the official feed."""
    official = _official(division)
    calendar = working_calendar(division.value)
    day = D(2019, 1, 1)
    while day <= D(2027, 12, 31):
        expected = day.weekday() < 5 and day not in official
        assert expected == calendar.is_working_day(day), day
        day += dt.timedelta(days=1)


def test_announced_through_is_the_end_of_the_feeds_last_year() -> None:
    """The projected-holidays flag starts after the last year the feed covers."""
    last = max(max(dates) for dates in govuk_bank_holidays().values())
    assert D(last.year, 12, 31) == ANNOUNCED_THROUGH


def test_christmas_2024_three_working_days() -> None:
    """Friday 20 Dec 2024 + 3 working days: Mon 23 (1), Tue 24 (2), Wed 25 and Thu 26 are
    Christmas and Boxing Day, Fri 27 (3). Due Friday 27 December."""
    assert D(2024, 12, 27) == working_calendar("england-and-wales").add(D(2024, 12, 20), 3)


def test_day_one_is_the_first_working_day_after_the_event_day() -> None:
    """An event on Saturday 21 Dec 2024: day 1 is Monday 23, not Saturday or Sunday.
    An event on Christmas Day: day 1 is Friday 27 December."""
    calendar = working_calendar("england-and-wales")
    assert D(2024, 12, 23) == calendar.add(D(2024, 12, 21), 1)
    assert D(2024, 12, 27) == calendar.add(D(2024, 12, 25), 1)


def test_counting_backwards_over_new_year() -> None:
    """5 working days before Wednesday 8 Jan 2025: Tue 7 (1), Mon 6 (2), Fri 3 (3),
    Thu 2 (4), Wed 1 is New Year's Day, Tue 31 Dec (5). Due Tuesday 31 December 2024."""
    assert D(2024, 12, 31) == working_calendar("england-and-wales").add(D(2025, 1, 8), -5)


def test_easter_2025_five_working_days() -> None:
    """Thursday 17 Apr 2025 + 5: Good Friday 18 and Easter Monday 21 are closed; Tue 22 (1),
    Wed 23 (2), Thu 24 (3), Fri 25 (4), Mon 28 (5). Due Monday 28 April."""
    assert D(2025, 4, 28) == working_calendar("england-and-wales").add(D(2025, 4, 17), 5)


def test_scotland_differs_from_england_on_2_january() -> None:
    """2 January is a bank holiday in Scotland only: Wed 31 Dec 2025 + 1 working day is
    Fri 2 Jan 2026 in England and Wales, Mon 5 Jan 2026 in Scotland."""
    assert D(2026, 1, 2) == working_calendar("england-and-wales").add(D(2025, 12, 31), 1)
    assert D(2026, 1, 5) == working_calendar("scotland").add(D(2025, 12, 31), 1)


def test_between_counts_working_days_after_start_up_to_end() -> None:
    """From Fri 20 Dec 2024 to Mon 30 Dec 2024: 23, 24, 27, 30 are working: 4."""
    calendar = working_calendar("england-and-wales")
    assert 4 == calendar.between(D(2024, 12, 20), D(2024, 12, 30))
    assert -4 == calendar.between(D(2024, 12, 30), D(2024, 12, 20))
    assert 0 == calendar.between(D(2024, 12, 25), D(2024, 12, 26))


STOKE_LIKE = CalendarSpec(
    id="weekends-open",
    name="Open every day except bank holidays, Christmas Day and Boxing Day",
    working_weekdays=frozenset(Weekday),
    annual_closures=(AnnualClosure(12, 25, "Christmas Day"), AnnualClosure(12, 26, "Boxing Day")),
)


def test_weekend_service_closes_on_christmas_boxing_day_and_the_substitute_day() -> None:
    """2020: Fri 25 and Sat 26 Dec are closed by name, Mon 28 is the substitute bank
    holiday. After Thu 24 Dec: Sun 27 (1), Tue 29 (2)."""
    calendar = working_calendar(STOKE_LIKE)
    assert D(2020, 12, 27) == calendar.add(D(2020, 12, 24), 1)
    assert D(2020, 12, 29) == calendar.add(D(2020, 12, 24), 2)
    assert "Boxing Day" == calendar.closure_name(D(2020, 12, 26))
    assert calendar.is_working_day(D(2020, 12, 19))  # a Saturday


def test_dates_outside_the_range_are_clear_errors() -> None:
    """The calendar says which years it covers instead of answering wrongly."""
    with pytest.raises(ValueError, match="1975-2100"):
        working_calendar("england-and-wales").add(D(1900, 1, 1), 1)


DERBY_LIKE = CalendarSpec(
    id="daytime",
    name="7 days 08:00-20:00",
    working_weekdays=frozenset(Weekday),
    closed_on_bank_holidays=False,
    hours=(OpeningHours(frozenset(Weekday), (TimeWindow(dt.time(8), dt.time(20)),)),),
)
OVERNIGHT = CalendarSpec(
    id="overnight",
    name="22:00-09:00",
    working_weekdays=frozenset(Weekday),
    closed_on_bank_holidays=False,
    hours=(OpeningHours(frozenset(Weekday), (TimeWindow(dt.time(22), dt.time(9)),)),),
)


@pytest.mark.parametrize(
    ("calendar", "local", "expected"),
    [
        (DERBY_LIKE, (2025, 12, 25, 8, 0), True),  # open on Christmas Day
        (DERBY_LIKE, (2025, 1, 4, 7, 59), False),
        (DERBY_LIKE, (2025, 1, 4, 20, 0), False),  # closing time is closed
        (OVERNIGHT, (2025, 1, 4, 23, 30), True),
        (OVERNIGHT, (2025, 1, 5, 8, 59), True),  # still the previous night
        (OVERNIGHT, (2025, 1, 5, 9, 0), False),
        (OVERNIGHT, (2025, 1, 5, 21, 59), False),
    ],
)
def test_opening_hours(calendar: CalendarSpec, local: tuple[int, ...], expected: bool) -> None:
    """Windows include their opening minute and exclude their closing minute."""
    at = dt.datetime(*local, tzinfo=LONDON)  # type: ignore[misc]
    assert expected == working_calendar(calendar).is_open(at)


def test_next_opening() -> None:
    """At 20:30 the daytime service next opens at 08:00 the next morning."""
    at = dt.datetime(2025, 1, 4, 20, 30, tzinfo=LONDON)
    expected = dt.datetime(2025, 1, 5, 8, 0, tzinfo=LONDON)
    assert expected == working_calendar(DERBY_LIKE).next_opening(at)


def test_open_hours_follow_local_time_across_the_clock_change() -> None:
    """07:30 UTC on 30 Mar 2025 is 08:30 BST: open. 07:30 UTC on 29 Mar is 07:30 GMT: closed."""
    calendar = working_calendar(DERBY_LIKE)
    assert calendar.is_open(dt.datetime(2025, 3, 30, 7, 30, tzinfo=dt.UTC))
    assert not calendar.is_open(dt.datetime(2025, 3, 29, 7, 30, tzinfo=dt.UTC))


def _numpy_oracle(day: dt.date, n: int, holidays: list[dt.date]) -> dt.date:
    """numpy's busday_offset with our convention: day 1 is the first working day after."""
    np_day = np.datetime64(day, "D")
    one = np.timedelta64(1, "D")
    if n > 0:  # first working day strictly after the day, then n - 1 more
        result = np.busday_offset(np_day + one, n - 1, roll="forward", holidays=holidays)
    elif n == 0:
        result = np.busday_offset(np_day, 0, roll="forward", holidays=holidays)
    else:  # first working day strictly before the day, then |n| - 1 more
        result = np.busday_offset(np_day - one, n + 1, roll="backward", holidays=holidays)
    answer: dt.date = result.item()
    return answer


HOLIDAYS = sorted(bank_holidays(Division.ENGLAND_AND_WALES, range(2015, 2036)))


@given(
    day=st.dates(min_value=D(2016, 1, 1), max_value=D(2034, 12, 31)),
    n=st.integers(-60, 60),
)
@settings(max_examples=400, deadline=None)
def test_add_agrees_with_numpy_busday_offset(day: dt.date, n: int) -> None:
    """An independent implementation (numpy, C) agrees on every date and offset."""
    calendar = working_calendar("england-and-wales")
    assert _numpy_oracle(day, n, HOLIDAYS) == calendar.add(day, n)


@given(
    days=st.lists(st.dates(min_value=D(2016, 1, 1), max_value=D(2034, 12, 31)), max_size=50),
    data=st.data(),
)
@settings(max_examples=100, deadline=None)
def test_bulk_equals_scalar(days: list[dt.date], data: st.DataObject) -> None:
    """add_many gives exactly what add gives, element by element."""
    ns = data.draw(st.lists(st.integers(-30, 30), min_size=len(days), max_size=len(days)))
    calendar = working_calendar("england-and-wales")
    bulk = calendar.add_many(np.array(days, dtype="datetime64[D]"), np.array(ns, dtype=np.int64))
    assert [calendar.add(d, n) for d, n in zip(days, ns, strict=True)] == [x.item() for x in bulk]


@given(
    start=st.dates(min_value=D(2016, 1, 1), max_value=D(2034, 12, 31)),
    n=st.integers(1, 200),
)
def test_between_inverts_add(start: dt.date, n: int) -> None:
    """between(d, add(d, n)) == n."""
    calendar = working_calendar("england-and-wales")
    assert n == calendar.between(start, calendar.add(start, n))


# An out-of-hours line: 17:00-09:00 every day, and all day on bank holidays (Derby's
# Emergency Careline is open whenever the office is shut).
OUT_OF_HOURS = CalendarSpec(
    "out-of-hours-line",
    "17:00-09:00, all day on bank holidays",
    working_weekdays=frozenset(Weekday),
    closed_on_bank_holidays=False,
    hours=(OpeningHours(frozenset(Weekday), (TimeWindow(dt.time(17), dt.time(9)),)),),
    bank_holiday_hours=(TimeWindow(dt.time(0), dt.time(0)),),
)


@pytest.mark.parametrize(
    ("local", "is_open"),
    [
        ((2025, 12, 25, 12, 0), True),  # Christmas Day (Thursday): a bank holiday, all day
        ((2025, 12, 24, 12, 0), False),  # Christmas Eve is not a bank holiday
        ((2025, 12, 26, 23, 59), True),  # Boxing Day, late
        ((2025, 12, 27, 8, 59), True),  # the night window begun on Boxing Day runs to 09:00
        ((2025, 12, 27, 9, 0), False),  # Saturday daytime: not a bank holiday here
        ((2025, 4, 18, 12, 0), True),  # Good Friday
        ((2025, 4, 22, 12, 0), False),  # the Tuesday after Easter Monday
    ],
)
def test_bank_holiday_hours_open_the_whole_bank_holiday(
    local: tuple[int, int, int, int, int], is_open: bool
) -> None:
    at = dt.datetime(*local, tzinfo=ZoneInfo("Europe/London"))
    assert working_calendar(OUT_OF_HOURS).is_open(at) is is_open


def test_next_opening_takes_the_bank_holiday_window() -> None:
    """Open 18:00-20:00 every day and 10:00-12:00 on bank holidays: at 08:00 on Christmas
    Day 2025 it next opens at 10:00 that day, at 08:00 on Christmas Eve at 18:00."""
    london = ZoneInfo("Europe/London")
    spec = CalendarSpec(
        "evenings",
        "evenings, and late mornings on bank holidays",
        working_weekdays=frozenset(Weekday),
        closed_on_bank_holidays=False,
        hours=(OpeningHours(frozenset(Weekday), (TimeWindow(dt.time(18), dt.time(20)),)),),
        bank_holiday_hours=(TimeWindow(dt.time(10), dt.time(12)),),
    )
    calendar = working_calendar(spec)
    christmas = dt.datetime(2025, 12, 25, 8, tzinfo=london)
    assert calendar.next_opening(christmas) == christmas.replace(hour=10)
    eve = dt.datetime(2025, 12, 24, 8, tzinfo=london)
    assert calendar.next_opening(eve) == eve.replace(hour=18)


def test_bank_holiday_hours_need_a_calendar_open_on_bank_holidays() -> None:
    with pytest.raises(ValueError, match="bank_holiday_hours"):
        CalendarSpec(
            "closed",
            "closed on bank holidays",
            hours=(OpeningHours(frozenset(Weekday), (TimeWindow(dt.time(9), dt.time(17)),)),),
            bank_holiday_hours=(TimeWindow(dt.time(0), dt.time(0)),),
        )
