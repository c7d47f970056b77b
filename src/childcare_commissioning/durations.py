"""Durations as the specifications write them, and how to apply one to an instant.

``Duration(DurationKind.WORKING_DAYS, 3)`` is "within three working days";
``Duration(DurationKind.CLOCK_HOURS, 24)`` is "within 24 hours", elapsed time across a
clock change (24 hours from 10:00 on the Saturday before the spring change ends at 11:00
BST on Sunday). Day-based durations give a due *date* (the duty is met by the end of that
day, local time); hour-based ones and ``IMMEDIATELY`` give a due *instant*.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from childcare_commissioning.calendars import WorkingDayCalendar
from childcare_commissioning.errors import ModelValueError

__all__ = ["Direction", "Due", "Duration", "DurationKind", "apply_duration", "shift_date"]


class DurationKind(enum.StrEnum):
    """The kinds of time limit the specifications use."""

    WORKING_DAYS = "working-days"
    CLOCK_HOURS = "clock-hours"
    CALENDAR_DAYS = "calendar-days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"
    SAME_DAY = "same-day"
    SAME_WORKING_DAY = "same-working-day"
    IMMEDIATELY = "immediately"


class Direction(enum.StrEnum):
    """Forwards from a triggering event, or backwards from a target ("5 days before")."""

    AFTER = "after"
    BEFORE = "before"


_UNITLESS = {DurationKind.SAME_DAY, DurationKind.SAME_WORKING_DAY, DurationKind.IMMEDIATELY}
_UNIT = {
    DurationKind.WORKING_DAYS: "working day",
    DurationKind.CLOCK_HOURS: "hour",
    DurationKind.CALENDAR_DAYS: "day",
    DurationKind.WEEKS: "week",
    DurationKind.MONTHS: "month",
    DurationKind.YEARS: "year",
}


def _amount_fits_kind(instance: Duration, attribute: attrs.Attribute[Any], value: int) -> None:
    if instance.kind in _UNITLESS and value != 0:
        raise ModelValueError(attribute.name, "duration-amount", f"must be 0 for {instance.kind}")
    if instance.kind not in _UNITLESS and value < 1:
        raise ModelValueError(attribute.name, "duration-amount", "must be at least 1")


@attrs.frozen
class Duration:
    """An amount of one kind of time: ``Duration(DurationKind.WEEKS, 2)``."""

    kind: DurationKind
    """The kind of time: working-days, clock-hours, calendar-days, weeks, months, years, or
    the unitless same-day, same-working-day and immediately."""
    amount: int = attrs.field(default=0, validator=_amount_fits_kind)
    """How many of ``kind``, a whole number: at least 1, or 0 (the default) for a unitless
    kind."""

    @property
    def is_instant(self) -> bool:
        """Whether the due time is an instant (hours, immediately) rather than a day."""
        return self.kind in (DurationKind.CLOCK_HOURS, DurationKind.IMMEDIATELY)

    def __str__(self) -> str:
        if self.kind in _UNITLESS:
            return self.kind.value.replace("-", " ")
        unit = _UNIT[self.kind]
        return f"{self.amount} {unit}{'' if self.amount == 1 else 's'}"


@attrs.frozen
class Due:
    """When something is due: a date, and an instant when the duration is in hours."""

    date: dt.date
    at: dt.datetime | None = None


def shift_date(
    day: dt.date, kind: DurationKind, amount: int, calendar: WorkingDayCalendar
) -> dt.date:
    """Move ``day`` by ``amount`` (may be negative) units of a day-based ``kind``.

    Months and years clamp to the end of a shorter month (31 January + 1 month is the last
    day of February), counted from ``day`` each time so that repeated steps do not drift.
    """
    if kind is DurationKind.WORKING_DAYS:
        return calendar.add(day, amount)
    if kind is DurationKind.CALENDAR_DAYS:
        return day + dt.timedelta(days=amount)
    if kind is DurationKind.WEEKS:
        return day + dt.timedelta(weeks=amount)
    if kind in (DurationKind.MONTHS, DurationKind.YEARS):
        import pendulum

        months = amount * (12 if kind is DurationKind.YEARS else 1)
        moved = pendulum.Date(day.year, day.month, day.day).add(months=months)
        return dt.date(moved.year, moved.month, moved.day)
    raise ValueError(f"{kind} is not a day-based duration")


def apply_duration(
    at: dt.datetime,
    duration: Duration,
    direction: Direction,
    calendar: WorkingDayCalendar,
) -> Due:
    """When a duty triggered (or targeted) at ``at`` is due, in ``calendar``'s time zone."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("the triggering instant must be timezone-aware")
    tz = calendar.spec.tz
    local = at.astimezone(tz)
    sign = 1 if direction is Direction.AFTER else -1
    kind = duration.kind
    if kind is DurationKind.IMMEDIATELY:
        return Due(local.date(), local)
    if kind is DurationKind.CLOCK_HOURS:
        # Elapsed time: step in UTC, where every hour is an hour, then show local time.
        moved = at.astimezone(dt.UTC) + dt.timedelta(hours=sign * duration.amount)
        local_due = moved.astimezone(tz)
        return Due(local_due.date(), local_due)
    if kind is DurationKind.SAME_DAY:
        return Due(local.date())
    if kind is DurationKind.SAME_WORKING_DAY:
        return Due(calendar.add(local.date(), 0))
    return Due(shift_date(local.date(), kind, sign * duration.amount, calendar))
