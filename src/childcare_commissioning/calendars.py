"""Working-day and service calendars.

A :class:`CalendarSpec` is data a council declares: which weekdays count, whether bank
holidays (of England and Wales, Scotland or Northern Ireland) close the service, fixed
annual closures such as 25 and 26 December, and opening hours. :func:`working_calendar`
turns it into a :class:`WorkingDayCalendar` that answers in constant time from
precomputed working-day ordinals, for one date or (with numpy) a million.

Counting convention for working days
------------------------------------
*Day 1 is the first working day after the day of the triggering event*, whatever the time
of day of the event and whether or not that day was itself a working day. This is the
"clear days" rule of the Civil Procedure Rules (CPR 2.8: "the day on which the period
begins is not included") and the reading the Information Commissioner gives for statutory
working-day limits ("the first working day after receipt counts as day one"). None of the
five councils' texts asks for another convention, so no other is offered.

Bank holidays come from the ``holidays`` package (``GB`` with subdivision ``ENG``, ``SCT``
or ``NIR``; without one it omits Easter Monday and the Summer bank holiday). ``holidays``
also lists the weekend date of Christmas or New Year beside its substitute weekday; the
official GOV.UK list names only the weekday, so only weekday entries are bank holidays
here. Dates after :data:`ANNOUNCED_THROUGH` are projected by the rules, not announced.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import attrs

from childcare_commissioning.errors import MissingExtraError, ModelValueError
from childcare_commissioning.model._fields import identifier, non_empty, to_frozenset, to_tuple
from childcare_commissioning.model.core import Citation

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "ANNOUNCED_THROUGH",
    "BANK_HOLIDAY_TABLE",
    "BUILTIN_CALENDARS",
    "FIRST_YEAR",
    "LAST_YEAR",
    "AnnualClosure",
    "CalendarSpec",
    "Division",
    "OpeningHours",
    "TimeWindow",
    "Weekday",
    "WorkingDayCalendar",
    "bank_holidays",
    "computed_bank_holidays",
    "local_date",
    "local_instant",
    "working_calendar",
]

LONDON = "Europe/London"


def local_date(instant: dt.datetime, timezone: str = LONDON) -> dt.date:
    """The date of ``instant`` in ``timezone`` (Europe/London unless a calendar says
    otherwise), whatever UTC offset the instant was written with.

    2025-06-19T23:30Z and 2025-06-20T00:30+01:00 are the same instant, and both are
    20 June in England: ages, birthdays, "on the day" and "same day" are taken on this
    date. Raises ``ValueError`` for a naive datetime (its date would be a guess).
    """
    return local_instant(instant, timezone).date()


def local_instant(instant: dt.datetime, timezone: str = LONDON) -> dt.datetime:
    """``instant`` shown in ``timezone``'s local time (same instant, local wall clock)."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("the instant must be timezone-aware")
    return instant.astimezone(ZoneInfo(timezone))


#: The last day covered by the official GOV.UK bank-holidays feed as published in 2025
#: (its final England and Wales entry is 28 December 2027). Bank holidays after this day
#: are projected from the statutory pattern and may still be moved by proclamation.
ANNOUNCED_THROUGH = dt.date(2027, 12, 31)

#: Calendars cover these years (inclusive); asking about a date outside is an error.
FIRST_YEAR = 1975
LAST_YEAR = 2100


class Division(enum.StrEnum):
    """The three bank-holiday divisions of the United Kingdom, named as GOV.UK names them."""

    ENGLAND_AND_WALES = "england-and-wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"


_SUBDIVISION = {
    Division.ENGLAND_AND_WALES: "ENG",
    Division.SCOTLAND: "SCT",
    Division.NORTHERN_IRELAND: "NIR",
}


class Weekday(enum.StrEnum):
    """Days of the week; ``number`` is Python's ``date.weekday()`` (Monday is 0)."""

    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"

    @property
    def number(self) -> int:
        """0 for Monday to 6 for Sunday."""
        return _WEEKDAY_ORDER.index(self)


_WEEKDAY_ORDER: list[Weekday] = list(Weekday)
WEEKDAYS = frozenset(_WEEKDAY_ORDER[:5])
EVERY_DAY = frozenset(Weekday)


def _valid_month_day(instance: AnnualClosure, attribute: attrs.Attribute[Any], value: int) -> None:
    try:
        dt.date(2024, instance.month, value)  # a leap year, so 29 February is allowed
    except ValueError:
        raise ModelValueError(attribute.name, "month-day", "is not a day of that month") from None


@attrs.frozen
class AnnualClosure:
    """A day the service closes every year, whatever the weekday (25 December)."""

    month: int
    day: int = attrs.field(validator=_valid_month_day)
    name: str = attrs.field(default="closure", validator=non_empty)


@attrs.frozen
class TimeWindow:
    """Opening time to closing time on one day; a window that ends at or before it starts
    runs past midnight into the next day (``22:00``-``09:00``). ``00:00``-``00:00`` is the
    whole day."""

    start: dt.time
    """The opening time, local wall-clock time (HH:MM)."""
    end: dt.time
    """The closing time, local wall-clock time (HH:MM); at or before start runs past midnight into
    the next day (22:00-09:00); 00:00-00:00 is the whole day."""

    @property
    def crosses_midnight(self) -> bool:
        """Whether the window ends on the day after it starts."""
        return self.end <= self.start


@attrs.frozen
class OpeningHours:
    """Windows of opening on the given weekdays; a window belongs to the day it starts on."""

    days: frozenset[Weekday] = attrs.field(converter=to_frozenset)
    windows: tuple[TimeWindow, ...] = attrs.field(converter=to_tuple)


def _open_on_bank_holidays(
    instance: CalendarSpec, attribute: attrs.Attribute[Any], value: tuple[TimeWindow, ...]
) -> None:
    if value and (instance.closed_on_bank_holidays or not instance.hours):
        raise ModelValueError(
            attribute.name,
            "bank-holiday-hours",
            "needs opening hours and a calendar that stays open on bank holidays",
        )


@attrs.frozen
class CalendarSpec:
    """A working-day and service calendar, declared as data.

    ``working_weekdays`` are the days that count (a service that operates at weekends lists
    all seven); ``closed_on_bank_holidays`` removes the division's bank holidays;
    ``annual_closures`` and ``closures`` remove further days. ``hours`` restricts opening
    to time windows; with no hours, the service is open all day on every working day.
    ``bank_holiday_hours`` adds windows on the division's bank holidays, for a service
    that stays open on them (an out-of-hours line open all day while the office is shut).
    """

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=non_empty)
    division: Division = Division.ENGLAND_AND_WALES
    working_weekdays: frozenset[Weekday] = attrs.field(default=WEEKDAYS, converter=to_frozenset)
    closed_on_bank_holidays: bool = True
    annual_closures: tuple[AnnualClosure, ...] = attrs.field(default=(), converter=to_tuple)
    closures: tuple[dt.date, ...] = attrs.field(default=(), converter=to_tuple)
    hours: tuple[OpeningHours, ...] = attrs.field(default=(), converter=to_tuple)
    timezone: str = LONDON
    citation: Citation | None = None
    notes: str = ""
    bank_holiday_hours: tuple[TimeWindow, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_open_on_bank_holidays
    )

    @property
    def tz(self) -> ZoneInfo:
        """The calendar's time zone."""
        return ZoneInfo(self.timezone)


BUILTIN_CALENDARS: dict[str, CalendarSpec] = {
    division.value: CalendarSpec(
        id=division.value,
        name=f"Working days in {division.value.replace('-', ' ').title()}",
        division=division,
        notes="Monday to Friday except bank holidays.",
    )
    for division in Division
}
"""Monday-to-Friday calendars for each division, available to every council by id."""


BANK_HOLIDAY_TABLE = "data/bank_holidays.json"
"""The bank holidays of every division for :data:`FIRST_YEAR`-:data:`LAST_YEAR`, as the
``holidays`` package gives them (weekdays only), stored with the package: reading them
takes a millisecond where importing ``holidays`` takes longer than the rest of a command.
A test checks the table equals ``holidays``' answer for every year and division;
``scripts/bank-holidays`` writes it again after ``holidays`` is upgraded."""


def computed_bank_holidays(division: Division, years: Sequence[int] | range) -> dict[dt.date, str]:
    """The bank holidays of ``division`` in ``years`` from the ``holidays`` package itself
    (weekdays only, as GOV.UK lists them): the source :data:`BANK_HOLIDAY_TABLE` is
    written from."""
    import holidays

    found = holidays.country_holidays("GB", subdiv=_SUBDIVISION[division], years=years)
    return {day: name for day, name in sorted(found.items()) if day.weekday() < 5}


@functools.cache
def _table(division: Division) -> dict[int, tuple[tuple[dt.date, str], ...]]:
    """The stored bank holidays of ``division``, by year."""
    import json
    from importlib import resources

    text = resources.files(__package__).joinpath(BANK_HOLIDAY_TABLE).read_text("utf-8")
    by_year: dict[int, list[tuple[dt.date, str]]] = {}
    for day, name in json.loads(text)["divisions"][division.value].items():
        date = dt.date.fromisoformat(day)
        by_year.setdefault(date.year, []).append((date, name))
    return {year: tuple(days) for year, days in by_year.items()}


def _bank_holidays_in(division: Division, year: int) -> tuple[tuple[dt.date, str], ...]:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return tuple(computed_bank_holidays(division, [year]).items())
    return _table(division).get(year, ())


def bank_holidays(division: Division, years: Sequence[int] | range) -> dict[dt.date, str]:
    """The bank holidays of ``division`` in ``years``, as GOV.UK lists them (weekdays only;
    from :data:`BANK_HOLIDAY_TABLE` within the calendars' years, else from ``holidays``)."""
    found: dict[dt.date, str] = {}
    for year in sorted(set(years)):
        found.update(_bank_holidays_in(division, year))
    return found


@attrs.frozen
class _Span:
    """Working days computed for the years ``first``-``last``: ``before[i]`` counts those
    strictly before the day of ordinal ``origin + i``; the closed days and why; the bank
    holidays (for a calendar open on them)."""

    first: int
    last: int
    origin: int
    before: list[int]
    working: list[dt.date]
    closed: dict[dt.date, str]
    holidays: frozenset[dt.date] | None


class WorkingDayCalendar:
    """A :class:`CalendarSpec` with its working days precomputed for fast arithmetic.

    Build one with :func:`working_calendar` (cached per spec). All methods take and return
    :class:`datetime.date`; see the module docstring for the counting convention. The
    working days are computed for the years asked about (and a margin), and for more
    years when a later question needs them, never for a year no question reached
    (:data:`FIRST_YEAR`-:data:`LAST_YEAR` at most).
    """

    def __init__(self, spec: CalendarSpec) -> None:
        self.spec = spec
        self._span = _Span(0, 0, 0, [0], [], {}, None)  # no year computed yet

    def _cover(self, first_year: int, last_year: int) -> _Span:
        """The working days of ``first_year``-``last_year`` (within the range) and of the
        years computed before, computed if need be. The span is replaced whole, never
        changed in place, so a question in another thread sees the old one or the new."""
        first_year = max(FIRST_YEAR, first_year)
        last_year = min(LAST_YEAR, last_year)
        span = self._span
        if span.first and span.first <= first_year and last_year <= span.last:
            return span
        if span.first:
            first_year, last_year = min(first_year, span.first), max(last_year, span.last)
        spec = self.spec
        years = range(first_year, last_year + 1)
        first = dt.date(first_year, 1, 1)
        last = dt.date(last_year, 12, 31)
        closed = self._closures(years)
        holidays = (
            frozenset(bank_holidays(spec.division, years)) if spec.bank_holiday_hours else None
        )
        weekday_open = [False] * 7
        for weekday in spec.working_weekdays:
            weekday_open[weekday.number] = True
        working: list[dt.date] = []
        before: list[int] = []  # before[i]: working days strictly before day origin + i
        day = first
        one = dt.timedelta(days=1)
        while day <= last:
            before.append(len(working))
            if weekday_open[day.weekday()] and day not in closed:
                working.append(day)
            day += one
        before.append(len(working))
        span = _Span(first_year, last_year, first.toordinal(), before, working, closed, holidays)
        self._span = span
        return span

    def _cover_day(self, day: dt.date, n: int = 0) -> _Span:
        """The span with the years around ``day``, and enough after (or before) it for
        ``n`` working days in a calendar of five working weekdays; else the whole range."""
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise self._out_of_range("date")
        span = self._span
        if span.first <= day.year <= span.last and not n:
            return span
        margin = abs(n) // 250 + 1
        first = day.year - 1 - (margin if n < 0 else 0)
        last = day.year + 1 + (margin if n > 0 else 0)
        return self._cover(first, last)

    @property
    def closed(self) -> dict[dt.date, str]:
        """Every closed day of :data:`FIRST_YEAR`-:data:`LAST_YEAR` (bank holiday or
        closure) and why (computes the whole range)."""
        return self._cover(FIRST_YEAR, LAST_YEAR).closed

    def _closures(self, years: range) -> dict[dt.date, str]:
        spec = self.spec
        closed: dict[dt.date, str] = {}
        if spec.closed_on_bank_holidays:
            closed.update(bank_holidays(spec.division, years))
        for year in years:
            for closure in spec.annual_closures:
                # 29 February closes leap years only (2100, in range, is not one).
                if closure.month == 2 and closure.day == 29 and not calendar.isleap(year):
                    continue
                closed.setdefault(dt.date(year, closure.month, closure.day), closure.name)
        for day in spec.closures:
            closed.setdefault(day, "closure")
        return closed

    # --- scalar ------------------------------------------------------------------------

    def _out_of_range(self, what: str = "date or result") -> ValueError:
        return ValueError(
            f"{what} outside the calendar's range {FIRST_YEAR}-{LAST_YEAR} "
            f"(calendar {self.spec.id!r})"
        )

    def _located(self, day: dt.date) -> tuple[_Span, int]:
        """The span covering ``day`` and the day's index in it."""
        span = self._span
        if not span.first <= day.year <= span.last:
            span = self._cover_day(day)
        return span, day.toordinal() - span.origin

    def is_working_day(self, day: dt.date) -> bool:
        """Whether ``day`` counts as a working day in this calendar."""
        span, index = self._located(day)
        return span.before[index + 1] > span.before[index]

    def add(self, day: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``day`` (``n`` > 0), before it (``n`` < 0), or for
        ``n`` = 0 ``day`` itself if it is a working day, else the next working day."""
        # The hot path of every deadline: two list look-ups, no per-day loop, no calls
        # beyond toordinal(). Negative indices would wrap in Python, hence the checks. A
        # date or result past the years computed so far computes more (at most twice:
        # around the date, then the whole range), then looks again.
        span = self._span
        for attempt in range(3):
            index = day.toordinal() - span.origin
            before = span.before
            if 0 <= index < len(before) - 1:
                position = before[index + 1] + n - 1 if n > 0 else before[index] + n
                if 0 <= position < len(span.working):
                    return span.working[position]
            whole = (span.first, span.last) == (FIRST_YEAR, LAST_YEAR)
            if whole or not FIRST_YEAR <= day.year <= LAST_YEAR:
                break
            span = self._cover_day(day, n) if attempt == 0 else self._cover(FIRST_YEAR, LAST_YEAR)
        raise self._out_of_range()

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative if ``end`` is
        earlier): ``add(start, between(start, end))`` is ``end`` when ``end`` is working."""
        self._located(start)
        span, end_index = self._located(end)  # covers the years between the two as well
        start_index = start.toordinal() - span.origin
        return span.before[end_index + 1] - span.before[start_index + 1]

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day on or after ``day``."""
        return self.add(day, 0)

    def closure_name(self, day: dt.date) -> str | None:
        """Why ``day`` is closed (bank holiday or closure name), or ``None``."""
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            return None
        span, _ = self._located(day)
        return span.closed.get(day)

    def is_projected(self, *days: dt.date) -> bool:
        """Whether any of ``days`` lies past the announced bank holidays, so that the answer
        rests on projected rather than announced dates (only for calendars that use them)."""
        return self.spec.closed_on_bank_holidays and any(d > ANNOUNCED_THROUGH for d in days)

    # --- bulk ----------------------------------------------------------------------------

    @functools.cached_property
    def _arrays(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], Any]:
        import numpy as np

        span = self._cover(FIRST_YEAR, LAST_YEAR)
        before = np.asarray(span.before, dtype=np.int64)
        working = np.asarray(span.working, dtype="datetime64[D]")
        # For n > 0 the count starts after the day: before[i + 1] - 1 == before[i] + open - 1.
        after = before[1:] - 1
        return before[:-1], after, working

    def add_many(self, days: Any, ns: Any) -> npt.NDArray[np.datetime64]:
        """:meth:`add` for arrays: ``days`` as ``datetime64[D]`` (or dates), ``ns`` as ints.

        No per-day loop: two gathers into the precomputed ordinals. Raises ``ValueError``
        for any date or result outside the calendar's range, and for steps that are not
        integers (``1.5`` is refused, never truncated to 1). Needs the ``bulk`` extra
        (numpy; :class:`~childcare_commissioning.errors.MissingExtraError` names it).
        """
        try:
            import numpy as np
        except ImportError:
            raise MissingExtraError("bulk working days (add_many)", "bulk") from None

        before, after, working = self._arrays
        offsets = np.asarray(days, dtype="datetime64[D]").astype(np.int64) - (
            self._span.origin - dt.date(1970, 1, 1).toordinal()
        )
        if offsets.size and (offsets.min() < 0 or offsets.max() >= before.size):
            raise ValueError(f"dates outside the calendar's range {FIRST_YEAR}-{LAST_YEAR}")
        n = np.asarray(ns)
        if n.size and not np.issubdtype(n.dtype, np.integer):
            # Never truncate 1.5 working days to 1: a step is a whole number of days.
            raise ValueError(f"ns must be whole numbers of working days (got {n.dtype} values)")
        n = n.astype(np.int64)
        positions = np.where(n > 0, after[offsets], before[offsets]) + n
        if positions.size and (positions.min() < 0 or positions.max() >= working.size):
            raise ValueError(f"results outside the calendar's range {FIRST_YEAR}-{LAST_YEAR}")
        result: npt.NDArray[np.datetime64] = working[positions]
        return result

    # --- opening hours ---------------------------------------------------------------------

    def is_open(self, instant: dt.datetime) -> bool:
        """Whether the service is open at ``instant`` (an aware datetime)."""
        if instant.tzinfo is None:
            raise ValueError("instant must be timezone-aware")
        local = instant.astimezone(self.spec.tz)
        day, time = local.date(), local.time().replace(tzinfo=None)
        if not self.spec.hours:
            return self.is_working_day(day)
        for window in self._windows_on(day):
            if window.start <= time < window.end or (
                window.crosses_midnight and time >= window.start
            ):
                return True
        yesterday = day - dt.timedelta(days=1)
        return any(w.crosses_midnight and time < w.end for w in self._windows_on(yesterday))

    def _windows_on(self, day: dt.date) -> list[TimeWindow]:
        """The windows that open on ``day`` (a window belongs to the day it starts on)."""
        if not self.is_working_day(day):
            return []
        weekday = _WEEKDAY_ORDER[day.weekday()]
        windows = [w for h in self.spec.hours if weekday in h.days for w in h.windows]
        holidays = self._located(day)[0].holidays
        if holidays is not None and day in holidays:
            windows += self.spec.bank_holiday_hours
        return windows

    def next_opening(self, instant: dt.datetime) -> dt.datetime:
        """``instant`` if the service is open then, else when it next opens.

        The answer is always an instant at which the service is open. A window whose
        start falls in the hour the clocks skip in spring (01:00-02:00 in London) opens
        that day at its start read in winter time, one hour on by the clock (a window from
        01:30 opens at 02:30 BST), or not at all if it has ended by then."""
        if self.is_open(instant):
            return instant
        tz = self.spec.tz
        local_day = instant.astimezone(tz).date()
        if not self.spec.hours:
            day = self.add(local_day, 1)
            return dt.datetime.combine(day, dt.time(0), tzinfo=tz)
        for offset in range(370):
            day = local_day + dt.timedelta(days=offset)
            starts = sorted(w.start for w in self._windows_on(day))
            for start in starts:
                # Through its timestamp: a start in the skipped spring hour becomes a real
                # wall-clock time (01:30 -> 02:30 BST), never one that does not exist.
                local = dt.datetime.combine(day, start, tzinfo=tz)
                candidate = dt.datetime.fromtimestamp(local.timestamp(), tz)
                if candidate > instant and self.is_open(candidate):
                    return candidate
        raise ValueError(f"calendar {self.spec.id!r} does not open within a year")


@functools.lru_cache(maxsize=64)
def working_calendar(spec: CalendarSpec | str) -> WorkingDayCalendar:
    """The (cached) :class:`WorkingDayCalendar` for ``spec`` or a built-in calendar id."""
    if isinstance(spec, str):
        try:
            spec = BUILTIN_CALENDARS[spec]
        except KeyError:
            known = ", ".join(BUILTIN_CALENDARS)
            raise LookupError(f"unknown calendar {spec!r}; built-in calendars: {known}") from None
    return WorkingDayCalendar(spec)
