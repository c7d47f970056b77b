"""The care leaver definition (3.1.2), computed from a care history.

"A person aged 25 or under, who has been looked after by a local authority for at least 13
weeks since the age of 14; and who was looked after by the local authority at
school-leaving age or after that date."

School-leaving age is not defined in the text; the library uses the law in England: a
young person may leave school on the last Friday in June of the school year (1 September
to 31 August) in which they turn 16 (Education Act 1996 s.8 and the Education (School
Leaving Date) Order 1997). The 13 weeks (91 days) are counted in total across episodes, as
regulations count them, and only from the 14th birthday on; overlapping or duplicated
episodes are merged first, so no day counts twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import attrs

from childcare_commissioning.eligibility import age_on
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning_derby._cite import cite

__all__ = [
    "CARE_LEAVER",
    "CareEpisode",
    "CareLeaverResult",
    "is_care_leaver",
    "school_leaving_date",
]

CARE_LEAVER = cite(
    "3.1.2 Definitions",
    "A Care Leaver is defined as a person aged 25 or under, who has been looked after by a local authority for at least 13 weeks since the age of 14",
)
THIRTEEN_WEEKS = 91


def _end_after_start(
    instance: CareEpisode, attribute: attrs.Attribute[Any], value: dt.date | None
) -> None:
    if value is not None and value < instance.start:
        raise ModelValueError(attribute.name, "end-after-start", "must not be before start")


@attrs.frozen
class CareEpisode:
    """A period looked after by a local authority, both days included (``end`` None: ongoing)."""

    start: dt.date
    end: dt.date | None = attrs.field(default=None, validator=_end_after_start)


@attrs.frozen
class CareLeaverResult:
    """Whether the definition is met on a date, and each part of it."""

    is_care_leaver: bool
    age: int
    days_looked_after_since_14: int
    looked_after_at_or_after_school_leaving: bool
    school_leaving_date: dt.date


def school_leaving_date(date_of_birth: dt.date) -> dt.date:
    """The last Friday in June of the school year in which the person turns 16: born
    September to December, that is June of the year they turn 17; born January to August,
    June of the year they turn 16."""
    june_year = date_of_birth.year + (17 if date_of_birth.month >= 9 else 16)
    last = dt.date(june_year, 6, 30)
    return last - dt.timedelta(days=(last.weekday() - 4) % 7)


def birthday(date_of_birth: dt.date, years: int) -> dt.date:
    """The day an age is reached (29 February birthdays: 1 March in common years)."""
    try:
        return date_of_birth.replace(year=date_of_birth.year + years)
    except ValueError:
        return dt.date(date_of_birth.year + years, 3, 1)


def is_care_leaver(
    date_of_birth: dt.date, episodes: Sequence[CareEpisode], on: dt.date
) -> CareLeaverResult:
    """Apply the definition on ``on``."""
    age = age_on(date_of_birth, on)
    fourteenth = birthday(date_of_birth, 14)
    leaving = school_leaving_date(date_of_birth)
    # Clip each episode to [14th birthday, on] and merge overlaps and duplicates, so a day
    # recorded twice counts once.
    spans = sorted(
        (max(episode.start, fourteenth), min(episode.end or on, on)) for episode in episodes
    )
    days = 0
    covered_to: dt.date | None = None
    for first, last in spans:
        if covered_to is not None and first <= covered_to:
            first = covered_to + dt.timedelta(days=1)
        if last >= first:
            days += (last - first).days + 1
            covered_to = last
    at_or_after = any(
        (episode.end or on) >= leaving and episode.start <= on for episode in episodes
    )
    ok = age <= 25 and days >= THIRTEEN_WEEKS and at_or_after
    return CareLeaverResult(ok, age, days, at_or_after, leaving)
