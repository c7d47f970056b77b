"""Reporting periods of monitoring: London dates, quarters and years of a reporting year,
and contract years.

A KPI is figured per *reporting quarter* of the council's reporting year (UK financial
quarters when the year starts in April), per *year* (with a contract, its own years from
its start: "a minimum of Thirty families per year" of the contract; without one, the
council's reporting year), per *half-year* (six months, counted the same way) or per
*reporting year* whatever the contract (a baseline given per financial year).

:func:`present_in` is what a period's population is: who was present on any day of it,
and who left in it. ``staff-check --turnover`` and the monitor's span counts both use it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from typing import TypeVar
from zoneinfo import ZoneInfo

from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.schedules import Period

__all__ = [
    "end_of_day",
    "half_of",
    "parse_period",
    "period_label",
    "period_of",
    "present_in",
    "year_of",
]

_T = TypeVar("_T")

LONDON = ZoneInfo("Europe/London")


def end_of_day(day: dt.date) -> dt.datetime:
    """The instant a Europe/London date ends (midnight starting the next day)."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=LONDON)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def period_label(day: dt.date, year_start_month: int = 4) -> str:
    """The reporting quarter of ``day``: ``"2026-Q3"`` is the third quarter of the
    reporting year starting in 2026 (with UK financial years, October to December 2026)."""
    year = day.year if day.month >= year_start_month else day.year - 1
    quarter = (day.month - year_start_month) % 12 // 3 + 1
    return f"{year}-Q{quarter}"


def parse_period(label: str, year_start_month: int = 4) -> Period:
    """The dates of quarter ``label`` (``"2026-Q3"``); :class:`ModelValueError` otherwise."""
    head, _, tail = label.strip().partition("-Q")
    if not (head.isdigit() and len(head) == 4 and tail in ("1", "2", "3", "4")):
        raise ModelValueError("period", "period", "must look like 2026-Q3 (quarters 1 to 4)")
    start = _add_months(dt.date(int(head), year_start_month, 1), 3 * (int(tail) - 1))
    return Period(start, _add_months(start, 3) - dt.timedelta(days=1))


def period_of(day: dt.date, year_start_month: int = 4) -> tuple[str, Period]:
    """The label and dates of the quarter containing ``day``."""
    label = period_label(day, year_start_month)
    return label, parse_period(label, year_start_month)


def _anniversary(start: dt.date, years: int) -> dt.date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February: the year runs to 28 February, then 1 March starts
        return dt.date(start.year + years, 3, 1)


def year_of(
    day: dt.date, contract_start: dt.date | None, year_start_month: int = 4
) -> tuple[str, Period]:
    """The year containing ``day``: the contract's year from ``contract_start`` (label
    ``"contract year 2"``; a day before the start is in no contract year and gets year 0
    and before), or without a contract the reporting year (``"2025/26"``, or ``"2025"``
    for calendar years)."""
    if contract_start is None:
        year = day.year if day.month >= year_start_month else day.year - 1
        start = dt.date(year, year_start_month, 1)
        end = _add_months(start, 12) - dt.timedelta(days=1)
        label = str(year) if year_start_month == 1 else f"{year}/{(year + 1) % 100:02d}"
        return label, Period(start, end)
    years = day.year - contract_start.year
    while _anniversary(contract_start, years) > day:
        years -= 1
    while _anniversary(contract_start, years + 1) <= day:
        years += 1
    start = _anniversary(contract_start, years)
    end = _anniversary(contract_start, years + 1) - dt.timedelta(days=1)
    return f"contract year {years + 1}", Period(start, end)


def _months_on(start: dt.date, months: int) -> dt.date:
    """``start`` moved ``months`` calendar months, clamped to the end of a shorter month
    (31 August and 6 months: 28 or 29 February)."""
    first = _add_months(dt.date(start.year, start.month, 1), months)
    last = calendar.monthrange(first.year, first.month)[1]
    return first.replace(day=min(start.day, last))


def half_of(
    day: dt.date, contract_start: dt.date | None, year_start_month: int = 4
) -> tuple[str, Period]:
    """The half-year containing ``day``: six months of the contract from
    ``contract_start`` (label ``"contract half-year 3"``: from 1 Oct 2024, the third runs
    1 Oct 2025 to 31 Mar 2026), or without a contract a half of the reporting year
    (``"2025/26 H2"``: October 2025 to March 2026 with UK financial years)."""
    if contract_start is None:
        label, year = year_of(day, None, year_start_month)
        second = _add_months(year.start, 6)
        if day < second:
            return f"{label} H1", Period(year.start, second - dt.timedelta(days=1))
        return f"{label} H2", Period(second, year.end)
    months = (day.year - contract_start.year) * 12 + day.month - contract_start.month
    half = months // 6
    while _months_on(contract_start, 6 * half) > day:
        half -= 1
    while _months_on(contract_start, 6 * (half + 1)) <= day:
        half += 1
    start = _months_on(contract_start, 6 * half)
    end = _months_on(contract_start, 6 * (half + 1)) - dt.timedelta(days=1)
    return f"contract half-year {half + 1}", Period(start, end)


def present_in(
    spans: Iterable[tuple[_T, dt.date | None, dt.date | None]], start: dt.date, end: dt.date
) -> tuple[list[_T], list[_T]]:
    """Of ``spans`` (an item, its first day or ``None`` for "from before", its last day or
    ``None`` for "not yet ended"), the items present on any day of ``start``-``end`` (both
    included), and those of them whose last day falls in it (they left in the period).
    Staff turnover is leavers over staff (Plymouth 8.2, reading turnover-of-staff)."""
    if end < start:
        raise ModelValueError("end", "end-after-start", "the period ends before it starts")
    present = [
        (item, until)
        for item, since, until in spans
        if (since is None or since <= end) and (until is None or until >= start)
    ]
    left = [item for item, until in present if until is not None and until <= end]
    return [item for item, _ in present], left
