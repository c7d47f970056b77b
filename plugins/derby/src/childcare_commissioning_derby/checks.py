"""Derby's rules computed in code (each named by a ``Computation`` in ``duties.COMPUTATIONS``).

The care leaver definition applied to a care history; the lots, categories and Individual
Placement Agreements: constraints and payments; the councils that may call off the DPS.

The care leaver definition (3.1.2), computed from a care history.

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
import enum
from collections.abc import Sequence
from decimal import Decimal

import attrs
import pendulum

from childcare_commissioning.billing import BillingCycle, BlockDiscount, period_containing
from childcare_commissioning.eligibility import age_on
from childcare_commissioning.model import (
    CareEpisode,
    ChildOrYoungPerson,
    Citation,
    Finding,
    Package,
    Severity,
    Status,
)
from childcare_commissioning.money import to_penny
from childcare_commissioning.statuses import (
    StatusDefinition,
    birthday,
    evaluate_status,
    school_leaving_date,
)
from childcare_commissioning_derby._cite import cite
from childcare_commissioning_derby.rules import CATEGORIES

__all__ = [
    "CALL_OFF_COUNCILS",
    "CARE_LEAVER",
    "CARE_LEAVER_DEFINITION",
    "MAX_SUPPORT_HOURS",
    "AccommodationType",
    "CareEpisode",
    "CareLeaverResult",
    "Variation",
    "agreement_months",
    "birthday",
    "block_discount_for",
    "check_placement",
    "ipa_payments",
    "is_care_leaver",
    "may_call_off",
    "school_leaving_date",
    "termination_date",
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


LOTS = "3.2.4 Lots Overview"
DETAIL = "3.2.5 Lot Detail"
MAX_SUPPORT_HOURS = Decimal(25)
HOURS_CITE = cite(
    LOTS,
    "the amount of hours of support the individual package will contain from 0-25 hours per week",
)
NO_B_AND_B = cite(
    "3.2.2 Service Users/Young People", "avoiding the use of Bed & Breakfast provision"
)
IPA_LENGTH = cite(
    DETAIL, "The Contract to provide a Service will be short term (generally 3 - 12 months)"
)


def _finding(
    code: str,
    message: str,
    path: str,
    severity: Severity = Severity.ERROR,
    citation: Citation | None = None,
) -> Finding:
    return Finding(severity, f"derby.placement.{code}", message, path, citation)


class AccommodationType(enum.StrEnum):
    """The kinds of accommodation the text names (3.2.2's list of provision, and the bed and
    breakfast of 3.1.4 and 3.2.2 that 16-17 year olds are not placed in).

    A closed vocabulary, so the bed and breakfast ban does not depend on the caller's
    wording: "B&B hotel" or "Bed and Breakfast accommodation" is ``BED_AND_BREAKFAST``,
    chosen by the caller, and a type the text does not name is refused, never passed.
    """

    EMERGENCY = "emergency"
    STEP_DOWN = "step-down"
    TRAINING_FLAT = "training-flat"
    SEMI_INDEPENDENT = "semi-independent"
    SOLO = "solo"
    INDEPENDENT_MOVE_ON = "independent-move-on"
    INDEPENDENT_EXIT = "independent-exit"
    OWN_PROPERTY = "own-property"
    BED_AND_BREAKFAST = "bed-and-breakfast"


#: Categories whose agreements may be shorter than 3 months (3.2.5: emergency provision
#: "may mean that this is a shorter Individual Placement Agreement").
EMERGENCY_CATEGORIES = frozenset({"1.1", "2.1"})
UNTIL_18 = cite(DETAIL, "Accommodation only, up until 18 years without support hours.")
MOVE_ON_AT_18 = cite(
    DETAIL,
    "This provision should be short-term with plans in place to ensure once the young person reaches 18 years they move on.",
)
BESPOKE = cite(
    LOTS,
    "on very rare occasions an individual package may be sourced with providers to meet bespoke needs and requirements",
)
HOUSING_BENEFIT = cite(
    DETAIL,
    "This category is offer of accommodation only without support to young people in receipt of Housing Benefit",
)


def _accommodation_type(accommodation: AccommodationType | str) -> AccommodationType:
    """``accommodation`` as an :class:`AccommodationType`; a value that is not one (free
    text such as "B&B hotel") is refused with the known values named."""
    try:
        return AccommodationType(accommodation)
    except ValueError:
        known = ", ".join(a.value for a in AccommodationType)
        raise ValueError(
            f"accommodation: {accommodation!r} is not an accommodation type; one of {known} "
            "[accommodation-type]"
        ) from None


def agreement_months(start: dt.date, end: dt.date) -> tuple[bool, bool]:
    """Whether an agreement from ``start`` to ``end`` (both days included) is shorter than
    3 months and whether it is longer than 12: the day after ``end`` is compared with
    ``start`` moved on by 3 and by 12 calendar months (clamped to a shorter month's end), so
    1 January-31 March is exactly 3 months and 1 January 2025-31 January 2026 is 13."""
    after = end + dt.timedelta(days=1)
    begin = pendulum.date(start.year, start.month, start.day)
    three = begin.add(months=3)
    twelve = begin.add(months=12)
    return after < dt.date(three.year, three.month, three.day), after > dt.date(
        twelve.year, twelve.month, twelve.day
    )


def check_placement(
    package: Package,
    child: ChildOrYoungPerson,
    accommodation: AccommodationType | None = None,
    *,
    bespoke: bool = False,
    housing_benefit: bool | None = None,
) -> list[Finding]:
    """Check a placement against its lot and category (3.2.4, 3.2.5, 3.1.4).

    - support hours 0-25 a week (the matrix); above 25 is an error unless the package is a
      ``bespoke`` one, which the text allows "on very rare occasions" once "advertised and
      negotiated with providers": then a warning says so;
    - category 2.1 is 1-7 nights;
    - category 2.2 ends by the 18th birthday ("once the young person reaches 18 years they
      move on"); category 2.3 is accommodation only, ends by the 18th birthday and is for
      young people in receipt of Housing Benefit (``housing_benefit=False`` is an error;
      ``None``, not known, is not checked);
    - no bed and breakfast for 16-17 year olds (``accommodation`` is an
      :class:`AccommodationType`; a string that is not one raises ``ValueError``);
    - agreements are generally 3-12 months (a warning); emergency categories 1.1 and 2.1 may
      be shorter.
    """
    kind = None if accommodation is None else _accommodation_type(accommodation)
    found = []
    category = package.category
    if category not in CATEGORIES:
        return [
            _finding(
                "category",
                f"category {category!r} is not one of {', '.join(CATEGORIES)}",
                "$.category",
                citation=cite(LOTS, "There will be 2 lots of provision"),
            )
        ]
    lot, _ = CATEGORIES[category]
    if package.lot is not None and package.lot != lot:
        found.append(
            _finding(
                "lot",
                f"category {category} belongs to {lot}, not {package.lot}",
                "$.lot",
                citation=cite(LOTS, "with categories within each Lot"),
            )
        )
    hours = package.hours_per_week or Decimal(0)
    if hours > MAX_SUPPORT_HOURS:
        if bespoke:
            found.append(
                _finding(
                    "bespoke-package",
                    f"{hours} support hours a week is above the matrix's 25: a bespoke package "
                    "must be advertised and negotiated with providers",
                    "$.hours_per_week",
                    Severity.WARNING,
                    BESPOKE,
                )
            )
        else:
            found.append(
                _finding(
                    "support-hours",
                    f"{hours} support hours a week is above the matrix's 25 (a bespoke "
                    "package, advertised and negotiated, may exceed it)",
                    "$.hours_per_week",
                    citation=HOURS_CITE,
                )
            )
    if category == "2.1":
        nights = None if package.end is None else (package.end - package.start).days
        if nights is None or not 1 <= nights <= 7:
            found.append(
                _finding(
                    "emergency-nights",
                    f"category 2.1 is 1-7 nights; this is {nights if nights is not None else 'open-ended'}",
                    "$.end",
                    citation=cite(
                        DETAIL,
                        "Category 2.1 - Emergency provision and assessment (1-7 nights only)",
                    ),
                )
            )
    if category == "2.3":
        if hours:
            found.append(
                _finding(
                    "accommodation-only",
                    "category 2.3 is accommodation only, without support hours",
                    "$.hours_per_week",
                    citation=UNTIL_18,
                )
            )
        if housing_benefit is False:
            found.append(
                _finding(
                    "housing-benefit",
                    "category 2.3 is for young people in receipt of Housing Benefit",
                    "$.housing_benefit",
                    citation=HOUSING_BENEFIT,
                )
            )
    if category in ("2.2", "2.3") and child.date_of_birth is not None:
        eighteenth = birthday(child.date_of_birth, 18)
        if package.end is None or package.end > eighteenth:
            found.append(
                _finding(
                    "until-18" if category == "2.3" else "move-on-at-18",
                    f"category {category} ends by the 18th birthday ({eighteenth.isoformat()})",
                    "$.end",
                    citation=UNTIL_18 if category == "2.3" else MOVE_ON_AT_18,
                )
            )
    if (
        kind is AccommodationType.BED_AND_BREAKFAST
        and child.date_of_birth is not None
        and age_on(child.date_of_birth, package.start) in (16, 17)
    ):
        found.append(
            _finding(
                "bed-and-breakfast",
                "bed and breakfast is not used for 16-17 year olds",
                "$.accommodation",
                citation=NO_B_AND_B,
            )
        )
    if package.end is not None and category != "2.1":
        short, long = agreement_months(package.start, package.end)
        if long or (short and category not in EMERGENCY_CATEGORIES):
            found.append(
                _finding(
                    "agreement-length",
                    f"an agreement of {'more than 12' if long else 'less than 3'} months is "
                    "outside the usual 3-12",
                    "$.end",
                    Severity.WARNING,
                    IPA_LENGTH,
                )
            )
    return found


@attrs.frozen
class Variation:
    """A change to an agreement's weekly cost from ``effective_from``."""

    effective_from: dt.date
    weekly_cost: Decimal


NOTICE_CITE = cite(
    "3.8.1 Monitoring and Reporting",
    "in normal circumstances the Council will give Providers the following notice periods to terminate an IPA",
)


def termination_date(
    notice_given: dt.date, specific_reason: bool, *, days: int | None = None
) -> dt.date:
    """The day an IPA ends after the Council's written notice: 30 days for any general
    reason, 14 for more specific reasons (calendar days after the notice), or ``days``
    where a different period applies ("could, in some cases, depend on the circumstances":
    the Council's to set, recorded in the contract or the agreement, never assumed)."""
    if days is not None and days < 1:
        raise ValueError("days: a notice period is at least 1 day [notice-days]")
    period = days if days is not None else 14 if specific_reason else 30
    return notice_given + dt.timedelta(days=period)


def ipa_payments(
    start: dt.date,
    end: dt.date,
    variations: Sequence[Variation],
    cycle: BillingCycle = BillingCycle.MONTHLY,
) -> list[tuple[dt.date, dt.date, Decimal]]:
    """Payments per billing period for an agreement from ``start`` to ``end`` (inclusive):
    each day costs the weekly cost in force that day / 7, so a variation changes payment
    from its effective date and an end by notice stops it. Each period is rounded once."""
    if not variations or min(v.effective_from for v in variations) > start:
        raise ValueError(
            "the first variation must take effect on or before the start (the agreed cost)"
        )
    ordered = sorted(variations, key=lambda v: v.effective_from)
    periods: dict[dt.date, tuple[dt.date, Decimal]] = {}
    day = start
    while day <= end:
        cost = next(v.weekly_cost for v in reversed(ordered) if v.effective_from <= day)
        period = period_containing(day, cycle, start)
        first, (last, total) = period.start, periods.get(period.start, (period.end, Decimal(0)))
        periods[first] = (min(last, end), total + cost / 7)
        day += dt.timedelta(days=1)
    # A period is labelled from the agreement's start when it begins inside the period.
    return [
        (max(first, start), last, to_penny(total))
        for first, (last, total) in sorted(periods.items())
    ]


def block_discount_for(percent: Decimal) -> BlockDiscount:
    """The block discount rule with the percentage set at the mini competition: it applies
    to any block of five beds or more."""
    return BlockDiscount(
        5, percent, cite(DETAIL, "for any block sourced of five beds or more at any one time")
    )


_OPEN = cite(
    "3.1.1 Introduction and Aim",
    "The DPS will also be available for use by Derbyshire County Council, Nottinghamshire County Council and Nottingham City Council",
)
#: Councils that may call off the DPS, besides Derby City Council itself.
CALL_OFF_COUNCILS = (
    "Derbyshire County Council",
    "Nottinghamshire County Council",
    "Nottingham City Council",
)


def may_call_off(council: str) -> bool:
    """Whether ``council`` may buy from this DPS: Derby City Council and the three named."""
    return council.strip().casefold() in {
        c.casefold() for c in ("Derby City Council", *CALL_OFF_COUNCILS)
    }
