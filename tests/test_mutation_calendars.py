"""Calendars at their edges (issue #27: survivors of the mutation run).

Each expected value is worked by hand: weekdays from the Gregorian calendar, bank holidays
from the GOV.UK lists (England and Wales: New Year's Day; Scotland also 2 January), and the
counting convention of the calendars module ("day 1 is the first working day after").
The errors asserted are the ones a user or council author sees.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from childcare_commissioning.calendars import (
    ANNOUNCED_THROUGH,
    AnnualClosure,
    CalendarSpec,
    OpeningHours,
    TimeWindow,
    Weekday,
    local_date,
    local_instant,
    working_calendar,
)
from childcare_commissioning.errors import ModelValueError

from .clock import NoOffset

LONDON = ZoneInfo("Europe/London")
D = dt.date
WEEKDAYS = frozenset(list(Weekday)[:5])


def at(y: int, m: int, d: int, h: int, mi: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, h, mi, tzinfo=LONDON)


# --- local dates --------------------------------------------------------------------------


def test_local_date_in_another_zone() -> None:
    """23:30Z on 19 Jun 2025 is 00:30 BST on 20 Jun in London, but 19:30 EDT on 19 Jun in
    New York: the zone given decides the date."""
    instant = dt.datetime(2025, 6, 19, 23, 30, tzinfo=dt.UTC)
    assert D(2025, 6, 20) == local_date(instant)
    assert D(2025, 6, 19) == local_date(instant, "America/New_York")
    new_york = local_instant(instant, "America/New_York")
    assert "2025-06-19T19:30:00-04:00" == new_york.isoformat()


@pytest.mark.parametrize(
    "instant",
    [
        dt.datetime(2025, 6, 19, 9),  # noqa: DTZ001
        dt.datetime(2025, 6, 19, 9, tzinfo=NoOffset()),
    ],
)
def test_local_instant_refuses_an_instant_without_an_offset(instant: dt.datetime) -> None:
    with pytest.raises(ValueError, match=r"^the instant must be timezone-aware$"):
        local_instant(instant)
    with pytest.raises(ValueError, match=r"^the instant must be timezone-aware$"):
        local_date(instant)


# --- declarations -------------------------------------------------------------------------


@pytest.mark.parametrize(("month", "day"), [(2, 30), (4, 31), (1, 0), (1, 32)])
def test_an_annual_closure_that_is_not_a_day_names_the_field(month: int, day: int) -> None:
    """30 February, 31 April, day 0 and 32 January are refused naming the field ``day``
    and the rule ``month-day``; the last day of each month is accepted beside them."""
    with pytest.raises(ModelValueError) as refused:
        AnnualClosure(month, day)
    assert ("day", "month-day") == (refused.value.field, refused.value.rule)
    assert "day: is not a day of that month [month-day]" == str(refused.value)
    last = {1: 31, 2: 29, 4: 30}[month]
    assert last == AnnualClosure(month, last).day


# --- the calendar's range -----------------------------------------------------------------


def test_the_first_and_last_days_of_the_range() -> None:
    """England and Wales. Wed 1 Jan 1975 is New Year's Day (closed); Thu 2 Jan 1975 is the
    first working day of the range. Fri 31 Dec 2100 is the last day and a working day.
    Each edge answers; a day outside raises, naming the range."""
    calendar = working_calendar("england-and-wales")
    assert not calendar.is_working_day(D(1975, 1, 1))
    assert calendar.is_working_day(D(1975, 1, 2))
    assert calendar.is_working_day(D(2100, 12, 31))
    assert "New Year's Day" == calendar.closure_name(D(1975, 1, 1))
    for outside in (D(1974, 12, 31), D(2101, 1, 1)):
        with pytest.raises(ValueError, match=r"^date outside the calendar's range 1975-2100 "):
            calendar.is_working_day(outside)


def test_add_at_the_edges_of_the_range() -> None:
    """From Wed 1 Jan 1975 (closed): n=0 and n=1 give Thu 2 Jan, the first working day.
    From Fri 3 Jan, one back is Thu 2 Jan; from Thu 2 Jan, one back would be before the
    range. From Fri 31 Dec 2100, n=0 is itself and one forward is past the range."""
    calendar = working_calendar("england-and-wales")
    assert D(1975, 1, 2) == calendar.add(D(1975, 1, 1), 0)
    assert D(1975, 1, 2) == calendar.add(D(1975, 1, 1), 1)
    assert D(1975, 1, 2) == calendar.add(D(1975, 1, 3), -1)
    assert D(2100, 12, 31) == calendar.add(D(2100, 12, 31), 0)
    assert D(2100, 12, 30) == calendar.add(D(2100, 12, 31), -1)
    message = (
        r"^date or result outside the calendar's range 1975-2100 \(calendar 'england-and-wales'\)$"
    )
    for day, n in ((D(1975, 1, 2), -1), (D(1975, 1, 1), -1), (D(2100, 12, 31), 1)):
        with pytest.raises(ValueError, match=message):
            calendar.add(day, n)
    with pytest.raises(ValueError, match=message):
        calendar.add(D(1974, 12, 31), 5)


def test_add_many_at_the_edges_of_the_range() -> None:
    """The bulk path gives the same edges: from 1 Jan 1975 n=0 and n=1 give 2 Jan; from
    3 Jan n=-1 gives 2 Jan; from 31 Dec 2100 n=0 gives itself. A date or result outside the
    range is refused with the range named."""
    calendar = working_calendar("england-and-wales")
    days = np.array([D(1975, 1, 1), D(1975, 1, 1), D(1975, 1, 3), D(2100, 12, 31)], "datetime64[D]")
    result = calendar.add_many(days, np.array([0, 1, -1, 0]))
    assert [D(1975, 1, 2), D(1975, 1, 2), D(1975, 1, 2), D(2100, 12, 31)] == [
        d.item() for d in result
    ]
    for day in (D(1974, 12, 31), D(2101, 1, 1)):
        with pytest.raises(ValueError, match=r"^dates outside the calendar's range 1975-2100$"):
            calendar.add_many(np.array([D(2025, 1, 6), day], "datetime64[D]"), np.array([1, 1]))
    for day, n in ((D(1975, 1, 2), -1), (D(2100, 12, 31), 1)):
        with pytest.raises(ValueError, match=r"^results outside the calendar's range 1975-2100$"):
            calendar.add_many(np.array([D(2025, 1, 6), day], "datetime64[D]"), np.array([1, n]))


def test_add_many_of_nothing_is_nothing() -> None:
    calendar = working_calendar("england-and-wales")
    result = calendar.add_many(np.array([], "datetime64[D]"), np.array([], np.int64))
    assert (0, np.dtype("datetime64[D]")) == (result.size, result.dtype)


# --- projection ------------------------------------------------------------------------------


def test_projected_starts_the_day_after_the_announced_list() -> None:
    """ANNOUNCED_THROUGH is 31 Dec 2027: that day rests on the announced list, 1 Jan 2028
    on the projection, and a calendar that ignores bank holidays never projects."""
    assert D(2027, 12, 31) == ANNOUNCED_THROUGH
    calendar = working_calendar("england-and-wales")
    assert not calendar.is_projected(D(2027, 12, 31))
    assert calendar.is_projected(D(2028, 1, 1))
    assert calendar.is_projected(D(2025, 1, 1), D(2028, 1, 1))  # any of the days
    assert not calendar.is_projected(D(2025, 1, 1), D(2027, 12, 31))
    no_holidays = CalendarSpec("plain", "Plain", closed_on_bank_holidays=False)
    assert not working_calendar(no_holidays).is_projected(D(2030, 1, 1))


# --- opening hours -------------------------------------------------------------------------

OFFICE = CalendarSpec(
    "office2",
    "Office hours",
    hours=(OpeningHours(WEEKDAYS, (TimeWindow(dt.time(9), dt.time(17)),)),),
)


def test_is_open_refuses_a_naive_instant() -> None:
    with pytest.raises(ValueError, match=r"^instant must be timezone-aware$"):
        working_calendar(OFFICE).is_open(dt.datetime(2025, 5, 27, 10))  # noqa: DTZ001


def test_next_opening_of_a_calendar_that_never_opens() -> None:
    """Hours on Saturdays only, but Saturday is not a working day: it never opens, and
    the error says so rather than looping or answering."""
    never = CalendarSpec(
        "never",
        "Never open",
        hours=(OpeningHours({Weekday.SATURDAY}, (TimeWindow(dt.time(9), dt.time(17)),)),),
    )
    with pytest.raises(ValueError, match=r"^calendar 'never' does not open within a year$"):
        working_calendar(never).next_opening(at(2025, 5, 27, 10))


def test_is_open_without_hours_is_open_all_working_day() -> None:
    """England and Wales, no opening hours: open at any time of a working day (Tue 27 May
    2025, 10:00 and 23:59), closed on Saturday 24 May and on the Spring bank holiday
    Monday 26 May."""
    calendar = working_calendar("england-and-wales")
    assert calendar.is_open(at(2025, 5, 27, 10))
    assert calendar.is_open(at(2025, 5, 27, 23, 59))
    assert not calendar.is_open(at(2025, 5, 24, 10))
    assert not calendar.is_open(at(2025, 5, 26, 10))


def test_next_opening_does_not_depend_on_the_machines_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At 20:00 BST on Sun 1 Jun 2025 the all-day England and Wales calendar next opens at
    00:00 on Mon 2 Jun. In Tokyo that instant is already Monday 04:00; a machine set to
    Tokyo time must still answer Monday 00:00 London, not Tuesday."""
    import time

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        calendar = working_calendar("england-and-wales")
        assert at(2025, 6, 2, 0) == calendar.next_opening(at(2025, 6, 1, 20))
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_last_year_of_the_range_has_its_bank_holidays() -> None:
    """25 Dec 2100 is a Saturday and 26 Dec a Sunday, so the Christmas and Boxing Day
    bank holidays move to Mon 27 and Tue 28 Dec 2100; Wed 29 Dec is a working day."""
    calendar = working_calendar("england-and-wales")
    assert not calendar.is_working_day(D(2100, 12, 27))
    assert not calendar.is_working_day(D(2100, 12, 28))
    assert calendar.is_working_day(D(2100, 12, 29))


def test_annual_closures_in_common_and_leap_years() -> None:
    """Every day a working day, no bank holidays; closed every year on 29 February (leap
    years only), 14 February, 29 March and 25 December, declared in that order. In 2027
    (common) 14 Feb, 29 Mar and 25 Dec are closed though 29 Feb does not exist; in 2028
    all four are; 28 Feb and 1 Mar are open in both."""
    spec = CalendarSpec(
        "annual",
        "Annual closures",
        working_weekdays=frozenset(Weekday),
        closed_on_bank_holidays=False,
        annual_closures=(
            AnnualClosure(2, 29, "Leap day"),
            AnnualClosure(2, 14, "Valentine's"),
            AnnualClosure(3, 29, "Founders' day"),
            AnnualClosure(12, 25, "Christmas"),
        ),
    )
    calendar = working_calendar(spec)
    for year in (2027, 2028):
        assert "Valentine's" == calendar.closure_name(D(year, 2, 14))
        assert "Founders' day" == calendar.closure_name(D(year, 3, 29))
        assert "Christmas" == calendar.closure_name(D(year, 12, 25))
        assert not calendar.is_working_day(D(year, 3, 29))
        assert calendar.is_working_day(D(year, 2, 28))
        assert calendar.is_working_day(D(year, 3, 1))
    assert not calendar.is_working_day(D(2028, 2, 29))


def test_one_off_closures_and_their_names() -> None:
    """England and Wales with two one-off closures: Wed 4 Jun 2025 (a working day) closes
    and is named "closure"; Mon 26 May 2025 keeps its bank-holiday name. Thu 5 Jun stays
    open, and 1 working day after Tue 3 Jun is Thu 5 Jun."""
    spec = CalendarSpec("oneoff", "One-off closures", closures=(D(2025, 6, 4), D(2025, 5, 26)))
    calendar = working_calendar(spec)
    assert not calendar.is_working_day(D(2025, 6, 4))
    assert "closure" == calendar.closure_name(D(2025, 6, 4))
    assert "Spring Bank Holiday" == calendar.closure_name(D(2025, 5, 26))
    assert calendar.is_working_day(D(2025, 6, 5))
    assert D(2025, 6, 5) == calendar.add(D(2025, 6, 3), 1)


def test_add_many_takes_python_dates() -> None:
    """Dates as a plain list: Sat 24 May 2025 + 1 working day is Tue 27 May (Sunday and the
    Spring bank holiday between); Fri 23 May - 1 is Thu 22 May."""
    calendar = working_calendar("england-and-wales")
    result = calendar.add_many([D(2025, 5, 24), D(2025, 5, 23)], [1, -1])
    assert [D(2025, 5, 27), D(2025, 5, 22)] == [d.item() for d in result]


def _closed_for(days: int) -> CalendarSpec:
    """Open 09:00-17:00 every day, but closed for ``days`` days from Wed 1 Jan 2025."""
    return CalendarSpec(
        f"closed-{days}",
        "Long closure",
        working_weekdays=frozenset(Weekday),
        closed_on_bank_holidays=False,
        closures=tuple(D(2025, 1, 1) + dt.timedelta(days=i) for i in range(days)),
        hours=(OpeningHours(frozenset(Weekday), (TimeWindow(dt.time(9), dt.time(17)),)),),
    )


def test_next_opening_looks_370_days_ahead() -> None:
    """From 10:00 on 1 Jan 2025, closed 369 days (to 4 Jan 2026): the next opening is
    09:00 on the 370th day, Mon 5 Jan 2026 (day offset 369). Closed 370 days, it is past
    the search: the calendar is reported as not opening within a year."""
    assert at(2026, 1, 5, 9) == working_calendar(_closed_for(369)).next_opening(at(2025, 1, 1, 10))
    with pytest.raises(ValueError, match="does not open within a year"):
        working_calendar(_closed_for(370)).next_opening(at(2025, 1, 1, 10))


def test_add_many_refuses_steps_that_are_not_whole_days() -> None:
    """1.5 working days is no step: refused, never truncated to 1. Integer steps of any
    width are taken: Fri 23 May 2025 + 1 (int32) is Tue 27 May, past the weekend and the
    Spring bank holiday; no steps at all (an empty list) is no result."""
    calendar = working_calendar("england-and-wales")
    with pytest.raises(ValueError, match="ns must be whole numbers of working days"):
        calendar.add_many([D(2025, 5, 23)], [1.5])
    result = calendar.add_many([D(2025, 5, 23)], np.array([1], dtype=np.int32))
    assert [D(2025, 5, 27)] == [d.item() for d in result]
    assert 0 == calendar.add_many(np.array([], "datetime64[D]"), []).size


def test_the_closed_days_cover_exactly_the_calendars_range() -> None:
    """Bank holidays are held for 1975-2100, the range every method accepts: the first is
    New Year's Day 1975 and the last Boxing Day 2100 (a Sunday, so the substitute day is
    Tuesday 28 December 2100); nothing from 2101 is held."""
    calendar = working_calendar("england-and-wales")
    assert D(1975, 1, 1) == min(calendar.closed)
    assert D(2100, 12, 28) == max(calendar.closed)
    assert calendar.closure_name(D(2101, 1, 1)) is None


def _small_hours(start: dt.time, end: dt.time) -> CalendarSpec:
    """Open every day from ``start`` to ``end`` (no bank holidays)."""
    return CalendarSpec(
        f"small-hours-{start:%H%M}",
        "Small hours",
        working_weekdays=frozenset(Weekday),
        closed_on_bank_holidays=False,
        hours=(OpeningHours(frozenset(Weekday), (TimeWindow(start, end),)),),
    )


def test_next_opening_is_never_a_time_the_service_is_shut() -> None:
    """On Sunday 30 March 2025 London's clocks go from 01:00 GMT to 02:00 BST, so a
    01:15-01:45 window does not exist that day. From 00:30 GMT, and from 01:15 UTC (02:15
    BST, when the service is shut), the next opening is 01:15 BST on Monday 31 March
    (00:15 UTC), never an instant inside the skipped hour."""
    calendar = working_calendar(_small_hours(dt.time(1, 15), dt.time(1, 45)))
    expected = dt.datetime(2025, 3, 31, 0, 15, tzinfo=dt.UTC)
    for asked in (
        dt.datetime(2025, 3, 30, 0, 30, tzinfo=dt.UTC),
        dt.datetime(2025, 3, 30, 1, 15, tzinfo=dt.UTC),
    ):
        assert not calendar.is_open(asked)
        assert expected == calendar.next_opening(asked)
        assert calendar.is_open(expected)


def test_a_window_starting_in_the_skipped_hour_opens_an_hour_on() -> None:
    """The recorded reading: a 01:30-03:00 window on Sunday 30 March 2025 opens at 01:30
    read in winter time, 01:30 UTC (02:30 BST), open until 03:00 BST."""
    calendar = working_calendar(_small_hours(dt.time(1, 30), dt.time(3)))
    opening = calendar.next_opening(dt.datetime(2025, 3, 30, 0, 30, tzinfo=dt.UTC))
    assert dt.datetime(2025, 3, 30, 1, 30, tzinfo=dt.UTC) == opening


def test_annual_closures_are_held_for_the_calendars_range_only() -> None:
    """A Christmas Day closure every year: held on 25 Dec 2100, the range's last year, and
    not on 25 Dec 2101, past it (as the bank holidays, which stop at 2100)."""
    spec = CalendarSpec(
        "christmas-closed",
        "Closed at Christmas",
        closed_on_bank_holidays=False,
        annual_closures=(AnnualClosure(12, 25, "Christmas closure"),),
    )
    calendar = working_calendar(spec)
    assert "Christmas closure" == calendar.closure_name(D(2100, 12, 25))
    assert calendar.closure_name(D(2101, 12, 25)) is None
    assert D(2100, 12, 25) == max(calendar.closed)
