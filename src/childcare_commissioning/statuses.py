"""Statuses a council defines, computed from a care history.

Some texts define a status instead of naming it: Derby 3.1.2, "A Care Leaver is defined
as a person aged 25 or under, who has been looked after by a local authority for at least
13 weeks since the age of 14; and who was looked after by the local authority at
school-leaving age or after that date". A council declares such a definition as a
:class:`StatusDefinition`; :func:`evaluate_status` applies it to the care episodes
(:class:`CareEpisode`) a caller gives, and
:func:`~childcare_commissioning.referrals.check_referral` uses it when a referral carries
``care_episodes``, saying when the asserted status disagrees.

Episodes are merged before counting: two records of one episode, or overlapping episodes,
count each day once. Days are counted inclusively (a one-day episode is one day), from the
birthday of ``since_age`` (29 February birthdays: 1 March in common years).

School-leaving age, where a definition uses it, is the law in England: the last Friday in
June of the school year (1 September to 31 August) in which the person turns 16
(Education Act 1996 s.8; Education (School Leaving Date) Order 1997).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from childcare_commissioning.eligibility import age_on
from childcare_commissioning.model._fields import identifier
from childcare_commissioning.model.core import Citation
from childcare_commissioning.model.people import CareEpisode, Status

__all__ = [
    "CareEpisode",
    "StatusDefinition",
    "StatusResult",
    "birthday",
    "evaluate_status",
    "merge_episodes",
    "school_leaving_date",
]


def birthday(date_of_birth: dt.date, years: int) -> dt.date:
    """The day an age is reached (29 February birthdays: 1 March in common years)."""
    try:
        return date_of_birth.replace(year=date_of_birth.year + years)
    except ValueError:
        return dt.date(date_of_birth.year + years, 3, 1)


def school_leaving_date(date_of_birth: dt.date) -> dt.date:
    """The last Friday in June of the school year in which the person turns 16: born
    September to December, June of the year they turn 17; born January to August, June of
    the year they turn 16."""
    june_year = date_of_birth.year + (17 if date_of_birth.month >= 9 else 16)
    last = dt.date(june_year, 6, 30)
    return last - dt.timedelta(days=(last.weekday() - 4) % 7)


def merge_episodes(episodes: Sequence[CareEpisode], on: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Episodes up to ``on`` as disjoint inclusive (start, end) spans: duplicates and
    overlaps merged, adjoining episodes joined, ongoing ones ending on ``on``."""
    spans = sorted((e.start, min(e.end or on, on)) for e in episodes if e.start <= on)
    merged: list[tuple[dt.date, dt.date]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + dt.timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@attrs.frozen
class StatusDefinition:
    """A status the text defines by a care history: ``status`` holds on a day when the
    person is aged ``maximum_age`` or under, has been looked after for at least
    ``minimum_days`` in total since their ``since_age`` birthday, and was looked after on
    or after their school-leaving date (``at_school_leaving_age``) or on or after their
    ``looked_after_from_age`` birthday, and, with ``on_the_day``, is looked after on the
    day itself (Somerset 1.4: the Children Act 1989 test of who "is" looked after, as
    against Derby's care leaver, who "has been"). ``readings`` name the council's
    readings of the definition (13 weeks as 91 days, school-leaving age)."""

    id: str = attrs.field(validator=identifier)
    status: Status
    citation: Citation
    minimum_days: int
    since_age: int = 0
    maximum_age: int | None = None
    at_school_leaving_age: bool = False
    looked_after_from_age: int | None = None
    readings: tuple[str, ...] = ()
    notes: str = ""
    on_the_day: bool = False


@attrs.frozen
class StatusResult:
    """Whether a definition holds on a day, and each part of it."""

    definition: str
    holds: bool
    age: int
    days: int
    looked_after_late_enough: bool
    from_date: dt.date | None
    #: Whether a care episode covers the day the definition is applied on.
    looked_after_on_the_day: bool = False


def evaluate_status(
    definition: StatusDefinition,
    date_of_birth: dt.date,
    episodes: Sequence[CareEpisode],
    on: dt.date,
) -> StatusResult:
    """Apply ``definition`` on ``on`` (a local date)."""
    age = age_on(date_of_birth, on)
    since = birthday(date_of_birth, definition.since_age)
    spans = merge_episodes(episodes, on)
    days = sum((end - max(start, since)).days + 1 for start, end in spans if end >= since)
    if definition.at_school_leaving_age:
        from_date: dt.date | None = school_leaving_date(date_of_birth)
    elif definition.looked_after_from_age is not None:
        from_date = birthday(date_of_birth, definition.looked_after_from_age)
    else:
        from_date = None
    late_enough = from_date is None or any(end >= from_date for _, end in spans)
    # merge_episodes ends every span on or before ``on``: the day is covered when a span
    # reaches it.
    on_the_day = any(end == on for _, end in spans)
    holds = (
        (definition.maximum_age is None or age <= definition.maximum_age)
        and days >= definition.minimum_days
        and late_enough
        and (on_the_day or not definition.on_the_day)
    )
    return StatusResult(definition.id, holds, age, days, late_enough, from_date, on_the_day)
