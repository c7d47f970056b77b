"""Deadline rules as data, and their evaluation.

A :class:`DeadlineRule` says: when *trigger* happens, *owed_by* must act within
*duration* (or, with ``Direction.BEFORE``, at least *duration* before the target), counted
in *calendar*, because *citation* says so. :func:`evaluate` applies one to an instant and
returns a :class:`Deadline` that carries the rule id, the citation, the calendar used and
whether the answer rests on projected bank holidays.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from childcare_commissioning.calendars import (
    BUILTIN_CALENDARS,
    CalendarSpec,
    Division,
    WorkingDayCalendar,
    working_calendar,
)
from childcare_commissioning.durations import (
    Direction,
    Due,
    Duration,
    DurationKind,
    apply_duration,
    shift_date,
)
from childcare_commissioning.errors import MissingExtraError
from childcare_commissioning.model._fields import identifier, non_empty
from childcare_commissioning.model.core import Citation
from childcare_commissioning.model.referral import Urgency

__all__ = [
    "Deadline",
    "DeadlineRule",
    "Party",
    "evaluate",
    "evaluate_many",
    "resolve_calendar",
]


class Party(enum.StrEnum):
    """Who owes a duty."""

    PROVIDER = "provider"
    COUNCIL = "council"
    BOTH = "both"
    REFERRER = "referrer"


@attrs.frozen
class DeadlineRule:
    """A time limit from a specification, as data.

    ``trigger`` names the event that starts the clock (``"referral-received"``,
    ``"notifiable-event"``, ``"package-commenced"``) or, with ``Direction.BEFORE``, the
    target it counts back from (``"contract-review-meeting"``). ``urgency`` and ``service``
    narrow the rule to referrals of that urgency or that service.
    """

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    trigger: str = attrs.field(validator=identifier)
    duration: Duration
    citation: Citation
    direction: Direction = Direction.AFTER
    calendar: str = Division.ENGLAND_AND_WALES.value
    owed_by: Party = Party.PROVIDER
    urgency: Urgency | None = None
    service: str | None = None
    notes: str = ""

    def describe(self) -> str:
        """The rule in words: "provider: within 3 working days after referral-received"."""
        relation = "at least" if self.direction is Direction.BEFORE else "within"
        return f"{self.owed_by}: {relation} {self.duration} {self.direction} {self.trigger}"


@attrs.frozen
class Deadline:
    """A rule applied to an event: when the duty falls due, and why.

    ``due_date`` is the last day on which the duty is met (by the end of that day, local
    time); ``due_at`` is the exact instant for hour-based durations and ``IMMEDIATELY``.
    ``projected`` is true when bank holidays past the official announced list were used.

    Instants are in the calendar's zone (Europe/London). Inside the repeated autumn hour,
    Python's ``==`` never matches a datetime in another zone (PEP 495); ordering
    comparisons, :meth:`is_met_by` and ``.astimezone(UTC)`` are exact.
    """

    rule_id: str
    title: str
    trigger_at: dt.datetime
    due_date: dt.date
    due_at: dt.datetime | None
    duration: Duration
    direction: Direction
    calendar: str
    citation: Citation
    projected: bool
    owed_by: Party

    def is_met_by(self, done_at: dt.datetime) -> bool:
        """Whether doing the duty at ``done_at`` meets the deadline."""
        if self.due_at is not None:
            # Compare in UTC: two datetimes sharing one ZoneInfo compare by wall clock and
            # ignore ``fold``, which misjudges the repeated autumn hour (PEP 495).
            return done_at.astimezone(dt.UTC) <= self.due_at.astimezone(dt.UTC)
        tz = self.trigger_at.tzinfo
        return done_at.astimezone(tz).date() <= self.due_date

    def explain(self) -> str:
        """One sentence saying what is due, when, and on whose authority."""
        when = self.due_at.isoformat() if self.due_at else f"end of {self.due_date.isoformat()}"
        flag = " (bank holidays projected, not yet announced)" if self.projected else ""
        return (
            f"{self.title}: due {when}{flag} — {self.duration} {self.direction} "
            f"{self.trigger_at.isoformat()}, {self.calendar} calendar [{self.rule_id}; "
            f"{self.citation}]"
        )


def resolve_calendar(
    calendar_id: str, calendars: Iterable[CalendarSpec] = ()
) -> WorkingDayCalendar:
    """The working calendar ``calendar_id`` from ``calendars`` (a council's) or the built-ins."""
    for spec in calendars:
        if spec.id == calendar_id:
            return working_calendar(spec)
    if calendar_id in BUILTIN_CALENDARS:
        return working_calendar(calendar_id)
    known = sorted({*BUILTIN_CALENDARS, *(c.id for c in calendars)})
    raise LookupError(f"unknown calendar {calendar_id!r}; known: {', '.join(known)}")


def evaluate(
    rule: DeadlineRule, at: dt.datetime, calendars: Iterable[CalendarSpec] = ()
) -> Deadline:
    """Apply ``rule`` to the event (or target) at ``at``."""
    calendar = resolve_calendar(rule.calendar, calendars)
    due: Due = apply_duration(at, rule.duration, rule.direction, calendar)
    local = at.astimezone(calendar.spec.tz)
    return Deadline(
        rule_id=rule.id,
        title=rule.title,
        trigger_at=local,
        due_date=due.date,
        due_at=due.at,
        duration=rule.duration,
        direction=rule.direction,
        calendar=calendar.spec.id,
        citation=rule.citation,
        projected=calendar.is_projected(local.date(), due.date),
        owed_by=rule.owed_by,
    )


def evaluate_many(
    rule: DeadlineRule,
    events: Sequence[dt.datetime] | Any,
    calendars: Iterable[CalendarSpec] = (),
) -> Any:
    """Due dates of a day-based ``rule`` for many events at once (a whole caseload).

    ``events`` are aware datetimes (or ``datetime64[D]`` local dates); returns a numpy
    ``datetime64[D]`` array of due dates. Working-day rules use the calendar's precomputed
    ordinals (no per-day loop); other day-based kinds use numpy date arithmetic where it is
    exact and :func:`evaluate` otherwise. Needs the ``bulk`` extra (numpy;
    :class:`~childcare_commissioning.errors.MissingExtraError` names it).
    """
    try:
        import numpy as np
    except ImportError:
        raise MissingExtraError("bulk deadlines (evaluate_many)", "bulk") from None

    calendar = resolve_calendar(rule.calendar, calendars)
    if rule.duration.is_instant:
        raise ValueError(f"rule {rule.id!r} is hour-based: use evaluate() for instants")
    events_list: Any = events
    if len(events_list) and isinstance(events_list[0], dt.datetime):
        tz = calendar.spec.tz
        days = np.array([e.astimezone(tz).date() for e in events_list], dtype="datetime64[D]")
    else:
        days = np.asarray(events_list, dtype="datetime64[D]")
    sign = 1 if rule.direction is Direction.AFTER else -1
    kind, amount = rule.duration.kind, rule.duration.amount
    if kind is DurationKind.WORKING_DAYS:
        return calendar.add_many(days, np.full(days.shape, sign * amount))
    if kind is DurationKind.SAME_WORKING_DAY:
        return calendar.add_many(days, np.zeros(days.shape, dtype=np.int64))
    if kind is DurationKind.SAME_DAY:
        return days
    if kind in (DurationKind.CALENDAR_DAYS, DurationKind.WEEKS):
        step = amount * (7 if kind is DurationKind.WEEKS else 1)
        return days + np.timedelta64(sign * step, "D")
    moved = [shift_date(d.item(), kind, sign * amount, calendar) for d in days]
    return np.array(moved, dtype="datetime64[D]")
