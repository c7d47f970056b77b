"""Repeat referrals: a referral for a case that was referred before.

Somerset 3.1 monitors "A reduction in the number of repeat referrals". A referral is a
*repeat* when an earlier referral for the same case (the child: ``Referral.child.id``, or
the ``case`` of an event log) was received before it. The texts give no look-back window,
so by default any earlier referral counts; a caller whose contract sets one (the DfE's
re-referral measure looks back 12 months) passes ``within``, and a referral received
later than ``within`` after the previous one, on London dates, is not a repeat.

:func:`repeats_of` works on plain ``(referral id, case, received at)`` triples, so a
monitoring log can feed it as well as :func:`repeat_referrals` (over
:class:`~childcare_commissioning.model.Referral` s); :func:`count_repeats` counts a
period's referrals and repeats, so two periods can be compared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import attrs

from childcare_commissioning.calendars import working_calendar
from childcare_commissioning.durations import Duration, shift_date
from childcare_commissioning.model._fields import to_tuple
from childcare_commissioning.model.referral import Referral

__all__ = ["RepeatCount", "RepeatReferral", "count_repeats", "repeat_referrals", "repeats_of"]

LONDON = ZoneInfo("Europe/London")


@attrs.frozen
class RepeatReferral:
    """Referral ``referral_id`` for ``case`` repeats ``previous_id``, the case's referral
    received just before it."""

    referral_id: str
    case: str
    received_at: dt.datetime
    previous_id: str
    previous_at: dt.datetime


@attrs.frozen
class RepeatCount:
    """The referrals received from ``start`` to ``end`` (London dates, both included) and
    the repeats among them (their earlier referral may lie before ``start``)."""

    start: dt.date
    end: dt.date
    referrals: int
    repeats: tuple[RepeatReferral, ...] = attrs.field(converter=to_tuple)

    @property
    def count(self) -> int:
        """How many of the period's referrals are repeats."""
        return len(self.repeats)


def _day(at: dt.datetime) -> dt.date:
    return at.astimezone(LONDON).date()


def repeats_of(
    referrals: Iterable[tuple[str, str, dt.datetime]], within: Duration | None = None
) -> list[RepeatReferral]:
    """The repeats among ``(referral id, case, received at)`` triples, in the order
    received (ties in the order given). ``ValueError`` when an id is given twice or an
    instant is naive."""
    seen: set[str] = set()
    ordered = []
    for index, (referral_id, case, at) in enumerate(referrals):
        if referral_id in seen:
            raise ValueError(f"referral id {referral_id!r} is given twice")
        if at.tzinfo is None or at.utcoffset() is None:
            raise ValueError(f"referral {referral_id!r}: received_at must be timezone-aware")
        seen.add(referral_id)
        ordered.append((at, index, referral_id, case))
    ordered.sort(key=lambda item: (item[0], item[1]))
    calendar = working_calendar("england-and-wales")
    last: dict[str, tuple[str, dt.datetime]] = {}
    found = []
    for at, _, referral_id, case in ordered:
        previous = last.get(case)
        if previous is not None:
            limit = (
                None
                if within is None
                else shift_date(_day(previous[1]), within.kind, within.amount, calendar)
            )
            if limit is None or _day(at) <= limit:
                found.append(RepeatReferral(referral_id, case, at, previous[0], previous[1]))
        last[case] = (referral_id, at)
    return found


def repeat_referrals(
    referrals: Iterable[Referral], within: Duration | None = None
) -> list[RepeatReferral]:
    """The repeats among ``referrals``, the case being the child's id."""
    return repeats_of(((r.id, r.child.id, r.received_at) for r in referrals), within)


def count_repeats(
    referrals: Iterable[Referral],
    start: dt.date,
    end: dt.date,
    within: Duration | None = None,
) -> RepeatCount:
    """The referrals received from ``start`` to ``end`` (London dates) and how many are
    repeats. Every referral given counts as history, whenever received."""
    if end < start:
        raise ValueError(f"end {end.isoformat()} is before start {start.isoformat()}")
    given = list(referrals)
    in_period = [r for r in given if start <= _day(r.received_at) <= end]
    repeats = [x for x in repeat_referrals(given, within) if start <= _day(x.received_at) <= end]
    return RepeatCount(start, end, len(in_period), repeats)
