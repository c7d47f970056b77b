"""What was commissioned (planned sessions) and what was delivered (delivery records)."""

from __future__ import annotations

import datetime as dt
import enum
import functools
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from childcare_commissioning.calendars import LONDON
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model._fields import non_empty, non_negative

__all__ = [
    "DeliveryRecord",
    "PlannedSession",
    "RecordStatus",
    "elapsed_minutes",
    "local_interval",
    "minutes_between",
]


def minutes_between(start: dt.time, end: dt.time) -> int:
    """Minutes from ``start`` to ``end`` on the clock face; an end at or before the start
    runs past midnight (a 22:00-07:00 night shift is 540 minutes on the clock). This is not
    elapsed time across a clock change: bill with :func:`elapsed_minutes`."""
    begin = start.hour * 60 + start.minute
    finish = end.hour * 60 + end.minute
    return finish - begin if finish > begin else finish - begin + 24 * 60


@functools.lru_cache(maxsize=65536)
def local_interval(
    day: dt.date,
    start: dt.time,
    end: dt.time,
    end_date: dt.date | None = None,
    timezone: str = LONDON,
) -> tuple[dt.datetime, dt.datetime]:
    """The instants a visit written as local wall-clock times starts and ends.

    The end is on ``end_date`` when given, else on ``day`` when it is not earlier on the
    clock than the start (an end equal to the start is the same instant: no time, which an
    invoice run reports, never 24 hours), else on the next day (a night shift). A
    wall-clock time that occurs twice (01:30 on the autumn change day) is read as its
    first occurrence (``fold=0``, or the ``fold`` the time carries); one that does not
    exist (01:30 on the spring change day) is read with the offset before the change, as
    :mod:`zoneinfo` does.
    """
    tz = ZoneInfo(timezone)
    if end_date is None:
        on_clock = (end.hour, end.minute, end.second) >= (start.hour, start.minute, start.second)
        end_date = day if on_clock else day + dt.timedelta(days=1)
    begin = dt.datetime.combine(day, start.replace(tzinfo=None), tzinfo=tz).replace(fold=start.fold)
    finish = dt.datetime.combine(end_date, end.replace(tzinfo=None), tzinfo=tz).replace(
        fold=end.fold
    )
    return begin, finish


@functools.lru_cache(maxsize=65536)
def _utc_interval(
    day: dt.date, start: dt.time, end: dt.time, end_date: dt.date | None
) -> tuple[dt.datetime, dt.datetime]:
    """:func:`local_interval` in Europe/London, as UTC instants (once per distinct visit)."""
    begin, finish = local_interval(day, start, end, end_date)
    return begin.astimezone(dt.UTC), finish.astimezone(dt.UTC)


def elapsed_minutes(begin: dt.datetime, finish: dt.datetime) -> int:
    """Whole minutes of elapsed time from ``begin`` to ``finish`` (compared in UTC, so a
    22:00-07:00 night is 600 minutes across the autumn change and 480 across the spring
    change); negative when the finish is before the begin."""
    seconds = (finish.astimezone(dt.UTC) - begin.astimezone(dt.UTC)).total_seconds()
    return int(seconds // 60)


def _times_or_hours(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    has_times = instance.start is not None and instance.end is not None
    if has_times == (instance.hours is not None) and instance.status is RecordStatus.DELIVERED:
        raise ModelValueError("hours", "times-or-hours", "give either start and end, or hours")
    if instance.hours is None and (instance.start is None) != (instance.end is None):
        raise ModelValueError("end", "times-or-hours", "give both start and end")
    if instance.hours is not None and (instance.hours * 60) % 1:
        raise ModelValueError("hours", "whole-minutes", "must be a whole number of minutes")


@attrs.frozen
class PlannedSession:
    """A session the council commissioned: a date and a length in minutes."""

    id: str = attrs.field(validator=non_empty)
    """The session's reference, by which a delivery record links to it (planned_id)."""
    package_id: str = attrs.field(validator=non_empty)
    """The id of the package the session was commissioned under."""
    date: dt.date
    """The day of the session (a London date)."""
    minutes: int = attrs.field(validator=non_negative)
    """The commissioned length, in whole minutes; not negative."""
    start: dt.time | None = None
    """The planned start, local wall-clock time (HH:MM), if the plan gives one."""


class RecordStatus(enum.StrEnum):
    """What happened to a session."""

    DELIVERED = "delivered"
    MISSED = "missed"
    CANCELLED_BY_PROVIDER = "cancelled-by-provider"
    CANCELLED_BY_COUNCIL = "cancelled-by-council"


@attrs.frozen
class DeliveryRecord:
    """One delivered (or missed, or cancelled) session, as a timesheet records it.

    Length is ``start``-``end`` (local wall-clock times; the end is on ``end_date`` when
    given, else the same day, or the next day when it is earlier on the clock; an end equal
    to the start is no time, a finding, never 24 hours) or
    ``hours``. Time worked is *elapsed* time: 22:00-07:00 across the autumn clock change
    is 10 hours, across the spring change 8. ``planned_id`` links it to the commissioned
    session it fulfils; ``miles`` need a ``mileage_agreement`` where the council requires
    mileage to be agreed in advance; ``confirmed_by`` records who signed the timesheet
    (the young person, a parent or carer).
    """

    id: str = attrs.field(validator=non_empty)
    """The record's reference (the timesheet line); each record is billed once, and an id
    given twice is a finding."""
    package_id: str = attrs.field(validator=non_empty)
    """The id of the package the session was delivered under."""
    date: dt.date
    """The day the session started (a London date)."""
    status: RecordStatus = RecordStatus.DELIVERED
    """What happened: delivered (the default), missed, cancelled-by-provider or
    cancelled-by-council."""
    start: dt.time | None = None
    """The start, local wall-clock time (HH:MM); give start and end, or hours."""
    end: dt.time | None = None
    """The end, local wall-clock time (HH:MM), on end_date when given, else the same day, or the
    next day when earlier on the clock; an end equal to the start is no time (a finding), never 24
    hours."""
    hours: Decimal | None = attrs.field(default=None, validator=non_negative)
    """The length in hours, as a decimal of whole minutes (1.5), instead of start and end."""
    worker_id: str | None = None
    """The pseudonymous id of the worker who delivered it (a worker of the roster); never a name."""
    planned_id: str | None = None
    """The id of the planned session it fulfils; omitted: delivery without a plan, billed as
    additional."""
    miles: Decimal = attrs.field(default=Decimal(0), validator=non_negative)
    """Miles travelled for the session, a decimal number; not negative. Billed only under a mileage
    agreement where the council requires one."""
    mileage_agreement: str | None = None
    """The reference of the mileage agreement (in the package's quotation) the miles were agreed
    under."""
    purchase_order: str | None = None
    """The purchase order the timesheet quotes; when given, it must be the package's."""
    confirmed_by: str | None = attrs.field(default=None, validator=_times_or_hours)
    """Who signed the timesheet, by role (the young person, a parent or carer); not treated
    as personal data, so never a name."""
    end_date: dt.date | None = None
    """The day the session ended, for one that runs past midnight; omitted: worked out from the
    times."""

    def interval(self, timezone: str = LONDON) -> tuple[dt.datetime, dt.datetime] | None:
        """The instants the visit started and ended, or ``None`` for a record in hours."""
        if self.start is None or self.end is None:
            return None
        return local_interval(self.date, self.start, self.end, self.end_date, timezone)

    def utc_interval(self) -> tuple[dt.datetime, dt.datetime] | None:
        """:meth:`interval` as UTC instants (``None`` for a record in hours)."""
        if self.start is None or self.end is None:
            return None
        return _utc_interval(self.date, self.start, self.end, self.end_date)

    @property
    def elapsed(self) -> int:
        """Elapsed minutes from start to end (negative when the record ends before it
        starts, which an invoice run reports), or the minutes in ``hours``; whatever the
        status."""
        if self.start is not None and self.end is not None:
            begin, finish = _utc_interval(self.date, self.start, self.end, self.end_date)
            return int((finish - begin).total_seconds() // 60)
        return int((self.hours or Decimal(0)) * 60)  # whole minutes: checked on creation

    @property
    def minutes(self) -> int:
        """Elapsed minutes delivered (0 unless delivered, or when the record is not
        plausible: ending before it starts)."""
        if self.status is not RecordStatus.DELIVERED:
            return 0
        return max(self.elapsed, 0)
