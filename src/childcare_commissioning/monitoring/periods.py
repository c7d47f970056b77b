"""Reporting periods of monitoring: London dates, quarters and years of a reporting year,
and contract years.

A KPI is figured per *reporting quarter* of the council's reporting year (UK financial
quarters when the year starts in April) or per *year*: with a contract, its own years from
its start ("a minimum of Thirty families per year" of the contract); without one, the
council's reporting year.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.schedules import Period

__all__ = [
    "end_of_day",
    "parse_period",
    "period_label",
    "period_of",
    "year_of",
]

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
