"""Triborough's rules computed in code (each named by a ``Computation`` in
``duties.COMPUTATIONS``): families per borough per contract year and progress against them
(3.4, 3.5), contract years and Quarters, and the definitions' age groups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

import attrs

from childcare_commissioning.calendars import working_calendar
from childcare_commissioning.durations import DurationKind, shift_date
from childcare_commissioning_triborough.rules import (
    MINIMUM_FAMILIES,
    VOLUMES,
)

__all__ = [
    "BoroughProgress",
    "MinimumProgress",
    "Quarter",
    "age_group",
    "contract_year",
    "minimum_progress",
    "quarter",
    "volume_progress",
]


def contract_year(commencement: dt.date, on: dt.date) -> int:
    """1 in the twelve months from the Commencement Date, 2 in the next, and so on."""
    if on < commencement:
        raise ValueError("the date is before the Commencement Date")
    calendar = working_calendar("england-and-wales")
    year = 1
    while shift_date(commencement, DurationKind.YEARS, year, calendar) <= on:
        year += 1
    return year


@attrs.frozen
class Quarter:
    """A contract Quarter: its number (1 from the Commencement Date) and its first and last
    days."""

    number: int
    first_day: dt.date
    last_day: dt.date


def quarter(commencement: dt.date, on: dt.date) -> Quarter:
    """The Quarter ``on`` falls in. Quarter *n* starts 3 x (n - 1) months after the
    Commencement Date (clamped to the month's end, never drifting: from 31 Jan the starts
    are 30 Apr, 31 Jul, 31 Oct) and ends the day before the next starts (reading
    "quarter-end")."""
    if on < commencement:
        raise ValueError("the date is before the Commencement Date")
    calendar = working_calendar("england-and-wales")
    number = 1
    while shift_date(commencement, DurationKind.MONTHS, 3 * number, calendar) <= on:
        number += 1
    first = shift_date(commencement, DurationKind.MONTHS, 3 * (number - 1), calendar)
    after = shift_date(commencement, DurationKind.MONTHS, 3 * number, calendar)
    return Quarter(number, first, after - dt.timedelta(days=1))


@attrs.frozen
class MinimumProgress:
    """Families worked with so far this contract year, all boroughs together, against 3.4's
    floor of thirty a year, pro rata."""

    year: int
    worked_with: int
    minimum: int
    expected_by_now: Decimal
    on_track: bool


@attrs.frozen
class BoroughProgress:
    """Families worked with so far this contract year against the year's target."""

    borough: str
    year: int
    worked_with: int
    target: int
    expected_by_now: Decimal
    on_track: bool


def _elapsed(commencement: dt.date, on: dt.date) -> tuple[int, Decimal]:
    year = contract_year(commencement, on)
    calendar = working_calendar("england-and-wales")
    start = shift_date(commencement, DurationKind.YEARS, year - 1, calendar)
    end = shift_date(commencement, DurationKind.YEARS, year, calendar)
    return year, Decimal((on - start).days + 1) / Decimal((end - start).days)


def minimum_progress(
    families: Mapping[str, int], commencement: dt.date, on: dt.date
) -> MinimumProgress:
    """3.4's floor: at least thirty families a year across the three boroughs. The number
    expected by ``on`` is 30 x days elapsed / days in the contract year, to one decimal;
    ``families`` are counted for the three boroughs only (others are refused)."""
    _check_boroughs(families)
    year, elapsed = _elapsed(commencement, on)
    worked = sum(families.values())
    expected = (MINIMUM_FAMILIES * elapsed).quantize(Decimal("0.1"))
    return MinimumProgress(year, worked, MINIMUM_FAMILIES, expected, Decimal(worked) >= expected)


def _check_boroughs(families: Mapping[str, int]) -> None:
    unknown = set(families) - set(VOLUMES)
    if unknown:
        raise ValueError(
            f"unknown boroughs: {', '.join(sorted(unknown))}; known: {', '.join(VOLUMES)}"
        )
    negative = sorted(b for b, n in families.items() if n < 0)
    if negative:
        raise ValueError(f"families worked with cannot be negative: {', '.join(negative)}")


def volume_progress(
    families: Mapping[str, int], commencement: dt.date, on: dt.date
) -> list[BoroughProgress]:
    """Per borough: families worked with so far this contract year (``families``), the
    year's target, the pro-rata number expected by ``on`` (target x days elapsed / days in
    the year, to one decimal) and whether the borough is on track (at or above it)."""
    year, elapsed = _elapsed(commencement, on)
    if year > 3:
        raise ValueError("the specification sets targets for years 1 to 3 only")
    _check_boroughs(families)
    progress = []
    for borough, (_, _, targets) in VOLUMES.items():
        target = targets[year - 1]
        expected = (target * elapsed).quantize(Decimal("0.1"))
        worked = families.get(borough, 0)
        progress.append(
            BoroughProgress(borough, year, worked, target, expected, Decimal(worked) >= expected)
        )
    return progress


def age_group(age: int) -> str | None:
    """The definitions' groups: "children" are 12 and under, "young people" 13-19; older
    people are neither."""
    if age < 0:
        raise ValueError("an age cannot be negative")
    if age <= 12:
        return "children"
    if age <= 19:
        return "young people"
    return None
