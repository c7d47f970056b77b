"""Volumes: families per borough per contract year, and progress against them (3.4, 3.5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

import attrs

from childcare_commissioning.calendars import working_calendar
from childcare_commissioning.durations import DurationKind, shift_date
from childcare_commissioning_triborough._cite import cite

__all__ = ["MINIMUM_FAMILIES", "VOLUMES", "BoroughProgress", "contract_year", "volume_progress"]

#: borough -> (young carers aged 18 and under, census 2001; known to existing services;
#: expected families worked with in years 1, 2, 3).
VOLUMES: dict[str, tuple[int, int, tuple[int, int, int]]] = {
    "westminster": (540, 105, (30, 35, 40)),
    "kensington-and-chelsea": (303, 110, (30, 35, 45)),
    "hammersmith-and-fulham": (425, 99, (30, 30, 39)),
}
VOLUMES_CITATION = cite("3.5", "Expected number of families worked with")
MINIMUM_FAMILIES = 30
MINIMUM_CITATION = cite(
    "3.4", "The Provider shall work with a minimum of Thirty families per year."
)


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
class BoroughProgress:
    """Families worked with so far this contract year against the year's target."""

    borough: str
    year: int
    worked_with: int
    target: int
    expected_by_now: Decimal
    on_track: bool


def volume_progress(
    families: Mapping[str, int], commencement: dt.date, on: dt.date
) -> list[BoroughProgress]:
    """Per borough: families worked with so far this contract year (``families``), the
    year's target, the pro-rata number expected by ``on`` (target x days elapsed / days in
    the year, to one decimal) and whether the borough is on track (at or above it)."""
    year = contract_year(commencement, on)
    if year > 3:
        raise ValueError("the specification sets targets for years 1 to 3 only")
    calendar = working_calendar("england-and-wales")
    start = shift_date(commencement, DurationKind.YEARS, year - 1, calendar)
    end = shift_date(commencement, DurationKind.YEARS, year, calendar)
    elapsed = Decimal((on - start).days + 1) / Decimal((end - start).days)
    unknown = set(families) - set(VOLUMES)
    if unknown:
        raise ValueError(
            f"unknown boroughs: {', '.join(sorted(unknown))}; known: {', '.join(VOLUMES)}"
        )
    progress = []
    for borough, (_, _, targets) in VOLUMES.items():
        target = targets[year - 1]
        expected = (target * elapsed).quantize(Decimal("0.1"))
        worked = families.get(borough, 0)
        progress.append(
            BoroughProgress(borough, year, worked, target, expected, Decimal(worked) >= expected)
        )
    return progress
