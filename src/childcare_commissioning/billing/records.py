"""What was commissioned (planned sessions) and what was delivered (delivery records)."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

import attrs

from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model._fields import non_empty, non_negative

__all__ = ["DeliveryRecord", "PlannedSession", "RecordStatus", "minutes_between"]


def minutes_between(start: dt.time, end: dt.time) -> int:
    """Minutes from ``start`` to ``end`` on the clock; an end at or before the start runs
    past midnight (a 22:00-07:00 night shift is 540 minutes)."""
    begin = start.hour * 60 + start.minute
    finish = end.hour * 60 + end.minute
    return finish - begin if finish > begin else finish - begin + 24 * 60


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
    package_id: str = attrs.field(validator=non_empty)
    date: dt.date
    minutes: int = attrs.field(validator=non_negative)
    start: dt.time | None = None


class RecordStatus(enum.StrEnum):
    """What happened to a session."""

    DELIVERED = "delivered"
    MISSED = "missed"
    CANCELLED_BY_PROVIDER = "cancelled-by-provider"
    CANCELLED_BY_COUNCIL = "cancelled-by-council"


@attrs.frozen
class DeliveryRecord:
    """One delivered (or missed, or cancelled) session, as a timesheet records it.

    Length is ``start``-``end`` or ``hours``. ``planned_id`` links it to the commissioned
    session it fulfils; ``miles`` need a ``mileage_agreement`` where the council requires
    mileage to be agreed in advance; ``confirmed_by`` records who signed the timesheet
    (the young person, a parent or carer).
    """

    id: str = attrs.field(validator=non_empty)
    package_id: str = attrs.field(validator=non_empty)
    date: dt.date
    status: RecordStatus = RecordStatus.DELIVERED
    start: dt.time | None = None
    end: dt.time | None = None
    hours: Decimal | None = attrs.field(default=None, validator=non_negative)
    worker_id: str | None = None
    planned_id: str | None = None
    miles: Decimal = attrs.field(default=Decimal(0), validator=non_negative)
    mileage_agreement: str | None = None
    purchase_order: str | None = None
    confirmed_by: str | None = attrs.field(default=None, validator=_times_or_hours)

    @property
    def minutes(self) -> int:
        """Minutes delivered (0 unless delivered)."""
        if self.status is not RecordStatus.DELIVERED:
            return 0
        if self.start is not None and self.end is not None:
            return minutes_between(self.start, self.end)
        return int((self.hours or Decimal(0)) * 60)  # whole minutes: checked on creation
