"""Recurring dates: phased schedules, UK financial years and quarters, anchored periods.

- "Quarterly in the first year, then six-monthly" is
  ``Schedule(phases=(Phase(MONTHS 3, until=MONTHS 12), Phase(MONTHS 6)))``: occurrences 3,
  6, 9 and 12 months after the anchor, then every 6 months from the 12-month one.
- "Within 2 weeks, then at 3-month intervals" is
  ``Schedule(first=WEEKS 2, phases=(Phase(MONTHS 3),))``.
- "Initially within 28 days" (then "as agreed") is ``Schedule(first=CALENDAR_DAYS 28)``.
- "Every June" (Carers' Week) is ``Schedule(months=(6,))``: the 1st of each June after the
  anchor, standing for the month.

Month steps are counted from the phase's start each time (start + k months), so 31
January gives 29 February, 31 March, 30 April... without drifting to the 28th.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import attrs

from childcare_commissioning.calendars import WorkingDayCalendar, working_calendar
from childcare_commissioning.durations import Duration, DurationKind, shift_date
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model._fields import to_tuple

__all__ = [
    "FinancialYear",
    "Period",
    "Phase",
    "Schedule",
    "anchored_periods",
    "financial_year",
]

_DAY_KINDS = {
    DurationKind.WORKING_DAYS,
    DurationKind.CALENDAR_DAYS,
    DurationKind.WEEKS,
    DurationKind.MONTHS,
    DurationKind.YEARS,
}


def _day_based(_: object, attribute: attrs.Attribute[Any], value: Duration | None) -> None:
    if value is not None and value.kind not in _DAY_KINDS:
        raise ModelValueError(attribute.name, "day-based", "schedules step in days or longer")


def _months(_: object, attribute: attrs.Attribute[Any], value: tuple[int, ...]) -> None:
    if any(not 1 <= month <= 12 for month in value):
        raise ModelValueError(attribute.name, "month", "months are 1 to 12")


@attrs.frozen
class Phase:
    """Repeat every ``every``, until ``until`` after the schedule's anchor (inclusive)."""

    every: Duration = attrs.field(validator=_day_based)
    """The interval between occurrences in this phase: working or calendar days, weeks,
    months or years (never hours)."""
    until: Duration | None = attrs.field(default=None, validator=_day_based)
    """How long after the schedule's anchor the phase runs, included; omitted: for good."""


@attrs.frozen
class Schedule:
    """Occurrences anchored on a date: an optional ``first``, then each phase in turn."""

    first: Duration | None = attrs.field(default=None, validator=_day_based)
    """The first occurrence, this long after the anchor ("initially within 28 days"); omitted: none
    before the phases."""
    phases: tuple[Phase, ...] = attrs.field(default=(), converter=to_tuple)
    """The repeating phases, each following the one before ("quarterly in the first year, then
    six-monthly")."""
    months: tuple[int, ...] = attrs.field(default=(), converter=to_tuple, validator=_months)
    """Months of the year (1 to 12) on whose 1st the obligation falls each year after the anchor
    ("every June": [6])."""

    def occurrences(
        self,
        anchor: dt.date,
        until: dt.date,
        calendar: WorkingDayCalendar | None = None,
    ) -> Iterator[dt.date]:
        """Every occurrence after ``anchor`` up to and including ``until``, in order."""
        if self.months:
            for year in range(anchor.year, until.year + 1):
                for month in sorted(self.months):
                    day = dt.date(year, month, 1)
                    if anchor < day <= until:
                        yield day
            return
        cal = calendar or working_calendar("england-and-wales")
        previous = anchor
        if self.first is not None:
            previous = shift_date(anchor, self.first.kind, self.first.amount, cal)
            if previous > until:
                return
            yield previous
        for phase in self.phases:
            limit = until
            if phase.until is not None:
                limit = min(until, shift_date(anchor, phase.until.kind, phase.until.amount, cal))
            base = previous
            step = 1
            while True:
                nxt = shift_date(base, phase.every.kind, phase.every.amount * step, cal)
                if nxt > limit:
                    break
                yield nxt
                previous = nxt
                step += 1
            if previous >= until or phase.until is None:
                return

    def describe(self) -> str:
        """The schedule in words."""
        if self.months:
            names = ", ".join(dt.date(2000, m, 1).strftime("%B") for m in sorted(self.months))
            return f"every year in {names}"
        parts = [f"first within {self.first}"] if self.first else []
        for phase in self.phases:
            text = f"every {phase.every}"
            if phase.until is not None:
                text += f" for the first {phase.until}"
            parts.append(text)
        return ", then ".join(parts) or "once"


@attrs.frozen
class Period:
    """An inclusive range of dates."""

    start: dt.date
    """The first day of the period (a London date)."""
    end: dt.date
    """The last day of the period, included."""

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    @property
    def days(self) -> int:
        """Number of days in the period, both ends included."""
        return (self.end - self.start).days + 1


_FY = re.compile(r"^(\d{4})/(\d{2})$")


@attrs.frozen(order=True)
class FinancialYear:
    """A UK public-sector financial year, 1 April to 31 March: ``FinancialYear(2019)`` is
    2019/20. Quarter 1 is April to June, quarter 4 January to March."""

    start_year: int

    @classmethod
    def parse(cls, label: str) -> FinancialYear:
        """Read ``"2019/20"``; the two halves must be consecutive years."""
        match = _FY.match(label.strip())
        if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
            raise ModelValueError("financial_year", "financial-year", "must look like '2019/20'")
        return cls(int(match.group(1)))

    @property
    def label(self) -> str:
        """``"2019/20"``."""
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    @property
    def period(self) -> Period:
        """1 April to 31 March."""
        return Period(dt.date(self.start_year, 4, 1), dt.date(self.start_year + 1, 3, 31))

    def quarter(self, number: int) -> Period:
        """Quarter ``number`` (1-4) of the year."""
        if not 1 <= number <= 4:
            raise ValueError("a financial year has quarters 1 to 4")
        first_month = 4 + 3 * (number - 1)
        year = self.start_year + (first_month - 1) // 12
        month = (first_month - 1) % 12 + 1
        start = dt.date(year, month, 1)
        end = shift_date(start, DurationKind.MONTHS, 3, working_calendar("england-and-wales"))
        return Period(start, end - dt.timedelta(days=1))

    def quarter_of(self, day: dt.date) -> int:
        """Which quarter of this year ``day`` falls in."""
        if day not in self.period:
            raise ValueError(f"{day.isoformat()} is not in financial year {self.label}")
        return (day.month - 4) % 12 // 3 + 1

    def next(self) -> FinancialYear:
        """The following financial year."""
        return FinancialYear(self.start_year + 1)

    def __str__(self) -> str:
        return self.label


def financial_year(day: dt.date) -> FinancialYear:
    """The financial year containing ``day``."""
    return FinancialYear(day.year if day.month >= 4 else day.year - 1)


def anchored_periods(anchor: dt.date, every: Duration, until: dt.date) -> Iterator[Period]:
    """Consecutive periods of length ``every`` from ``anchor`` while they start on or before
    ``until`` (a contract's "Quarter" counted from its Commencement Date)."""
    cal = working_calendar("england-and-wales")
    step = 0
    while True:
        start = shift_date(anchor, every.kind, every.amount * step, cal) if step else anchor
        if start > until:
            return
        end = shift_date(anchor, every.kind, every.amount * (step + 1), cal)
        yield Period(start, end - dt.timedelta(days=1))
        step += 1
