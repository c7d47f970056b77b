"""Obligations: duties with a schedule or a trigger, owed by the provider or the council.

An :class:`Obligation` is exactly one of:

- *scheduled*: a :class:`~childcare_commissioning.schedules.Schedule` anchored on the
  contract's start (contract review meetings, six-monthly turnover reports), or, with
  ``anchor=Anchor.PACKAGE``, on each package's own start ("a formal review will be held
  within 2 weeks ... then at 3 month intervals" for each placement), listed per package;
- *relative*: due a duration before (or after) each occurrence of another obligation
  ("monitoring information at least 5 working days before each contract review meeting");
- *triggered*: due when an event happens, timed by a deadline rule (written notice of a
  notifiable event within 24 hours). These have no dates until the event, so they are
  listed in the docs but not in a date range.

:func:`obligations_between` lists every dated occurrence in a range and
:func:`to_icalendar` exports them (RFC 5545, through the ``icalendar`` package) so a
contract manager can subscribe.

**A meeting falls on a working day** (reading ``meeting-working-day``, applied by
``obligations``, its calendar and ``monitor`` alike, from here): a text that says "every 3
months" or "quarterly" names no day, so a meeting whose counted day is not a working day
of its calendar (a bank holiday, a weekend) is due the next working day, and an
obligation due a time before it ("5 working days before each contract review meeting")
counts back from that day. The occurrence keeps the day counted (``counted_date``).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from childcare_commissioning.calendars import CalendarSpec
from childcare_commissioning.deadlines import Party, resolve_calendar
from childcare_commissioning.durations import Direction, Duration, shift_date
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model._fields import identifier, non_empty, optional_identifier
from childcare_commissioning.model.core import Citation
from childcare_commissioning.model.package import Package
from childcare_commissioning.schedules import Schedule

__all__ = [
    "Anchor",
    "Obligation",
    "ObligationKind",
    "Occurrence",
    "Relative",
    "obligations_between",
    "to_icalendar",
]


class ObligationKind(enum.StrEnum):
    """What kind of duty an obligation is."""

    REPORT = "report"
    MEETING = "meeting"
    REVIEW = "review"
    NOTICE = "notice"
    RENEWAL = "renewal"
    PLAN = "plan"
    PAYMENT = "payment"
    EVENT = "event"
    DUTY = "duty"


class Anchor(enum.StrEnum):
    """What a scheduled obligation's schedule counts from."""

    CONTRACT = "contract-start"
    PACKAGE = "package-start"


@attrs.frozen
class Relative:
    """Due ``offset`` before (or after) each occurrence of obligation ``obligation``."""

    obligation: str = attrs.field(validator=identifier)
    offset: Duration
    direction: Direction = Direction.BEFORE


def _exactly_one_timing(instance: Obligation, attribute: attrs.Attribute[Any], value: Any) -> None:
    given = [x is not None for x in (instance.schedule, instance.relative_to, instance.trigger)]
    if sum(given) != 1:
        raise ModelValueError(
            "schedule", "obligation-timing", "give exactly one of schedule, relative_to, trigger"
        )


@attrs.frozen
class Obligation:
    """A duty from a specification, with how it is timed and who owes it."""

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    kind: ObligationKind
    owed_by: Party
    citation: Citation
    schedule: Schedule | None = None
    relative_to: Relative | None = None
    trigger: str | None = attrs.field(default=None, validator=optional_identifier)
    deadline: str | None = attrs.field(default=None, validator=optional_identifier)
    calendar: str = "england-and-wales"
    recipient: str | None = None
    notes: str = attrs.field(default="", validator=_exactly_one_timing)
    anchor: Anchor = Anchor.CONTRACT


@attrs.frozen
class Occurrence:
    """One dated instance of an obligation."""

    obligation_id: str
    title: str
    kind: ObligationKind
    owed_by: Party
    due_date: dt.date
    sequence: int
    citation: Citation
    relative_to_date: dt.date | None = None
    recipient: str | None = None
    #: The package a package-anchored occurrence belongs to.
    package_id: str | None = None
    #: The day the schedule counted to, when the occurrence is due another day (a
    #: meeting counted to a bank holiday is due the next working day).
    counted_date: dt.date | None = None


def _scheduled(
    obligation: Obligation,
    contract_start: dt.date,
    until: dt.date,
    calendars: Sequence[CalendarSpec],
    packages: Sequence[Package] = (),
) -> list[Occurrence]:
    assert obligation.schedule is not None
    calendar = resolve_calendar(obligation.calendar, calendars)
    meeting = obligation.kind is ObligationKind.MEETING
    # (start, last day, package) for each anchor: every package's own start and end, or
    # the contract's start.
    anchors: list[tuple[dt.date, dt.date, str | None]] = (
        [(p.start, min(until, p.end) if p.end is not None else until, p.id) for p in packages]
        if obligation.anchor is Anchor.PACKAGE
        else [(contract_start, until, None)]
    )
    found = []
    for start, last, package_id in anchors:
        days = obligation.schedule.occurrences(start, last, calendar)
        for number, day in enumerate(days, start=1):
            due = calendar.next_working_day(day) if meeting else day
            counted = None if due == day else day
            found.append(_occurrence(obligation, due, number, package_id, counted_date=counted))
    return found


def _occurrence(
    obligation: Obligation, due: dt.date, sequence: int, package_id: str | None, **more: Any
) -> Occurrence:
    return Occurrence(
        obligation.id,
        obligation.title,
        obligation.kind,
        obligation.owed_by,
        due,
        sequence,
        obligation.citation,
        recipient=obligation.recipient,
        package_id=package_id,
        **more,
    )


def obligations_between(
    obligations: Iterable[Obligation],
    contract_start: dt.date,
    start: dt.date,
    until: dt.date,
    calendars: Sequence[CalendarSpec] = (),
    packages: Iterable[Package] = (),
) -> list[Occurrence]:
    """Every dated occurrence due from ``start`` to ``until`` (inclusive), sorted by date.

    Scheduled obligations are anchored on ``contract_start``, or, with
    ``Anchor.PACKAGE``, on the start of each of ``packages`` (to its end), each
    occurrence naming its package; without packages they have no dates. Relative ones
    follow the occurrences of the obligation they refer to (looked up to a year past
    ``until``, so that "5 working days before a meeting" early next year is found).
    """
    if until < start:
        raise ValueError("until must not be before start")
    by_id = {o.id: o for o in obligations}
    horizon = until + dt.timedelta(days=366)
    package_list = list(packages)
    scheduled: dict[str, list[Occurrence]] = {
        o.id: _scheduled(o, contract_start, horizon, calendars, package_list)
        for o in by_id.values()
        if o.schedule is not None
    }
    found = [occ for occs in scheduled.values() for occ in occs]
    for obligation in by_id.values():
        relative = obligation.relative_to
        if relative is None:
            continue
        if relative.obligation not in scheduled:
            raise LookupError(
                f"obligation {obligation.id!r} is relative to {relative.obligation!r}, "
                "which is not a scheduled obligation"
            )
        calendar = resolve_calendar(obligation.calendar, calendars)
        sign = -1 if relative.direction is Direction.BEFORE else 1
        for target in scheduled[relative.obligation]:
            due = shift_date(
                target.due_date, relative.offset.kind, sign * relative.offset.amount, calendar
            )
            found.append(
                _occurrence(
                    obligation,
                    due,
                    target.sequence,
                    target.package_id,
                    relative_to_date=target.due_date,
                )
            )
    in_range = [occ for occ in found if start <= occ.due_date <= until]
    return sorted(
        in_range,
        key=lambda occ: (occ.due_date, occ.obligation_id, occ.package_id or "", occ.sequence),
    )


def to_icalendar(
    occurrences: Iterable[Occurrence],
    *,
    council_id: str,
    council_name: str,
    generated_at: dt.datetime | None = None,
) -> bytes:
    """An RFC 5545 calendar with one all-day event per occurrence.

    Event UIDs are stable (council, obligation, sequence), so a subscribed calendar updates
    in place. ``generated_at`` (the DTSTAMP) defaults to now; pass it for reproducible files.
    """
    import icalendar

    stamp = generated_at or dt.datetime.now(dt.UTC)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//childcare-commissioning//obligations//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{council_name}: contract obligations")
    for occ in occurrences:
        event = icalendar.Event()
        package = f"{occ.package_id}-" if occ.package_id else ""
        event.add(
            "uid",
            f"{council_id}-{occ.obligation_id}-{package}{occ.sequence}@childcare-commissioning",
        )
        event.add("dtstamp", stamp)
        event.add("dtstart", occ.due_date)
        event.add("dtend", occ.due_date + dt.timedelta(days=1))
        event.add("summary", f"{occ.title} ({occ.owed_by})")
        lines = [f"Owed by: {occ.owed_by}", f"Source: {occ.citation}"]
        if occ.counted_date is not None:
            lines.append(
                f"Counted to {occ.counted_date.isoformat()}, not a working day: due the next "
                "working day (reading meeting-working-day)"
            )
        if occ.relative_to_date is not None:
            lines.append(f"Ahead of the occurrence on {occ.relative_to_date.isoformat()}")
        if occ.recipient:
            lines.append(f"Send to: {occ.recipient}")
        if occ.package_id:
            lines.append(f"Package: {occ.package_id}")
        event.add("description", "\n".join(lines))
        event.add("categories", [occ.kind.value])
        cal.add_component(event)
    result: bytes = cal.to_ical()
    return result
