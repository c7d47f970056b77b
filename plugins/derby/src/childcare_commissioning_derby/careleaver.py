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

The arithmetic is the core's (:mod:`childcare_commissioning.statuses`): Derby declares the
definition (:data:`CARE_LEAVER_DEFINITION`, also in ``SPEC.status_definitions`` so that a
referral's care leaver status is computed from its care history) and this module applies it.

A council's own care histories come from its SSDA903 return (the children looked after
return): ``childcare_commissioning.formats.ssda903.load(header, episodes).child(id)``
gives a child's ``care_episodes()`` and, with ``statuses(on, (CARE_LEAVER_DEFINITION,))``,
this definition applied to them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from childcare_commissioning.model import CareEpisode, Status
from childcare_commissioning.statuses import (
    StatusDefinition,
    birthday,
    evaluate_status,
    school_leaving_date,
)
from childcare_commissioning_derby._cite import cite

__all__ = [
    "CARE_LEAVER",
    "CARE_LEAVER_DEFINITION",
    "CareEpisode",
    "CareLeaverResult",
    "birthday",
    "is_care_leaver",
    "school_leaving_date",
]

CARE_LEAVER = cite(
    "3.1.2 Definitions",
    "A Care Leaver is defined as a person aged 25 or under, who has been looked after by a local authority for at least 13 weeks since the age of 14",
)
THIRTEEN_WEEKS = 91

#: The definition as data: 13 weeks (91 days) looked after since 14, aged 25 or under,
#: looked after at school-leaving age or after.
CARE_LEAVER_DEFINITION = StatusDefinition(
    "care-leaver",
    Status.CARE_LEAVER,
    CARE_LEAVER,
    minimum_days=THIRTEEN_WEEKS,
    since_age=14,
    maximum_age=25,
    at_school_leaving_age=True,
    readings=("school-leaving-age", "thirteen-weeks"),
    notes="Given care episodes, a referral's care leaver status is computed, not taken on trust.",
)


@attrs.frozen
class CareLeaverResult:
    """Whether the definition is met on a date, and each part of it."""

    is_care_leaver: bool
    age: int
    days_looked_after_since_14: int
    looked_after_at_or_after_school_leaving: bool
    school_leaving_date: dt.date


def is_care_leaver(
    date_of_birth: dt.date, episodes: Sequence[CareEpisode], on: dt.date
) -> CareLeaverResult:
    """Apply the definition on ``on``."""
    result = evaluate_status(CARE_LEAVER_DEFINITION, date_of_birth, episodes, on)
    return CareLeaverResult(
        result.holds,
        result.age,
        result.days,
        result.looked_after_late_enough,
        school_leaving_date(date_of_birth),
    )
