"""Who is eligible: exact ages, cohorts with age bands, exclusions, discretion, limits.

Ages are whole years on the day in question. A person born on 29 February reaches each
new age on 1 March in a common year, the usual reading in England and Wales (a person
"attains a given age ... at the commencement of the relevant anniversary of the date of
his birth", Family Law Reform Act 1969 s.9, and a common year has no 29 February).

A :class:`Cohort`'s :class:`AgeBand` is either a hard limit (outside it the cohort does not
apply) or *predominant* ("predominantly aged 10-17"): outside it, the person may still be
served, but only with the approval the band names, so the answer is "needs approval",
never a silent yes or no.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

import attrs

from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model._fields import (
    identifier,
    non_empty,
    optional_identifier,
    to_frozenset,
)
from childcare_commissioning.model.core import Citation
from childcare_commissioning.model.people import Status

__all__ = [
    "AgeBand",
    "AreaRule",
    "Cohort",
    "Effect",
    "Exclusion",
    "Limit",
    "age_on",
]


def age_on(date_of_birth: dt.date, on: dt.date) -> int:
    """Age in whole years on ``on`` (29 February birthdays count from 1 March in common
    years). Raises ``ValueError`` for a date before the birth."""
    if on < date_of_birth:
        raise ValueError("the date is before the date of birth")
    years = on.year - date_of_birth.year
    # Compare (month, day); 29 Feb sorts after 28 Feb, so in a common year the birthday
    # is reached on 1 March, as the Family Law Reform Act reading gives.
    if (on.month, on.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years


def _band_order(instance: AgeBand, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value < 0:
        raise ModelValueError(attribute.name, "age-band", "must not be negative")
    if (
        value is not None
        and instance.minimum is not None
        and attribute.name == "maximum"
        and value < instance.minimum
    ):
        raise ModelValueError(attribute.name, "age-band", "must not be below minimum")


@attrs.frozen
class AgeBand:
    """Ages ``minimum`` to ``maximum`` inclusive (``None``: no bound on that side).

    With ``predominant`` the band describes most of the people served, not a limit: an
    age outside it needs the approval of ``approver``.
    """

    minimum: int | None = attrs.field(default=None, validator=_band_order)
    maximum: int | None = attrs.field(default=None, validator=_band_order)
    predominant: bool = False
    approver: str | None = None

    def contains(self, age: int) -> bool:
        """Whether ``age`` lies inside the band."""
        return (self.minimum is None or age >= self.minimum) and (
            self.maximum is None or age <= self.maximum
        )

    def __str__(self) -> str:
        if self.minimum is not None and self.maximum is not None:
            text = f"{self.minimum}-{self.maximum}"
        elif self.minimum is not None:
            text = f"{self.minimum} and over"
        elif self.maximum is not None:
            text = f"up to {self.maximum}"
        else:
            text = "any age"
        return f"predominantly {text}" if self.predominant else text


@attrs.frozen
class Cohort:
    """A group a service is for: people holding any of ``statuses`` (all of
    ``required_statuses``) within ``ages``. Empty status sets mean "anyone".

    ``identified_by`` names who identifies membership where the text makes that
    identification decisive ("identified by the Council as being eligible"): a referral
    with ``identified_eligible`` then belongs to the cohort whatever its statuses (the
    ages still apply), and the finding names who identified it.
    """

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=non_empty)
    citation: Citation
    statuses: frozenset[Status] = attrs.field(default=frozenset(), converter=to_frozenset)
    required_statuses: frozenset[Status] = attrs.field(default=frozenset(), converter=to_frozenset)
    ages: AgeBand = AgeBand()
    service: str | None = attrs.field(default=None, validator=optional_identifier)
    notes: str = ""
    identified_by: str | None = None

    def matches_statuses(
        self, statuses: frozenset[Status], identified_eligible: bool = False
    ) -> bool:
        """Whether a person with ``statuses`` belongs to the cohort, ages aside (or was
        identified as eligible by whoever the cohort says decides)."""
        if identified_eligible and self.identified_by is not None:
            return True
        return (not self.statuses or bool(self.statuses & statuses)) and (
            self.required_statuses <= statuses
        )


class Effect(enum.StrEnum):
    """What a matching exclusion does to a referral."""

    NOT_ELIGIBLE = "not-eligible"
    NEEDS_APPROVAL = "needs-approval"


@attrs.frozen
class Exclusion:
    """People a service is not for: any of ``statuses``, or aged ``minimum_age`` or more.

    With ``Effect.NEEDS_APPROVAL`` the exclusion is a discretion ("unless agreed at the
    discretion of the Strategic Manager"): the answer becomes "needs approval by
    ``approver``" (``"the council"`` when none is named), and it outranks "no matching
    cohort": the discretion is exactly about the people the service is otherwise not for.
    ``unless_statuses`` lifts the exclusion for people holding any of them.
    """

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=non_empty)
    citation: Citation
    statuses: frozenset[Status] = attrs.field(default=frozenset(), converter=to_frozenset)
    minimum_age: int | None = None
    unless_statuses: frozenset[Status] = attrs.field(default=frozenset(), converter=to_frozenset)
    effect: Effect = Effect.NOT_ELIGIBLE
    approver: str | None = None
    service: str | None = attrs.field(default=None, validator=optional_identifier)
    notes: str = ""

    def applies(self, statuses: frozenset[Status], age: int | None) -> bool:
        """Whether the exclusion applies to a person (an unknown age never matches an age
        condition: the missing date of birth is reported separately)."""
        if self.unless_statuses & statuses:
            return False
        by_status = bool(self.statuses & statuses)
        by_age = self.minimum_age is not None and age is not None and age >= self.minimum_age
        return by_status or by_age


@attrs.frozen
class Limit:
    """A numeric limit on a referral field ("within a 20-mile radius").

    Values above ``maximum + review_margin`` are not eligible. Values above ``maximum`` but
    within ``review_margin`` of it ("outside, but near to the outer geographical limit")
    need individual review by ``approver``. The text rarely says how near is near, so a
    margin is a reading: ``reading`` names the council's :class:`Reading` that declares it
    (the conformance kit checks that a limit with a margin names one).
    """

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=non_empty)
    field: str = attrs.field(validator=non_empty)
    maximum: Decimal
    citation: Citation
    review_margin: Decimal = Decimal(0)
    approver: str | None = None
    unit: str = ""
    service: str | None = attrs.field(default=None, validator=optional_identifier)
    notes: str = ""
    reading: str | None = None


@attrs.frozen
class AreaRule:
    """The areas a service serves ("families of Young Carers from the three boroughs",
    "a Somerset county-wide service"): a referral's ``child.area`` must be one of
    ``areas`` (the council's :class:`~childcare_commissioning.model.Area` ids,
    compared without regard to case).

    Outside them the answer is ``effect``: not eligible, or with
    ``Effect.NEEDS_APPROVAL`` a decision for ``approver``. A referral that gives no area
    is incomplete for this check.
    """

    id: str = attrs.field(validator=identifier)
    areas: frozenset[str] = attrs.field(converter=to_frozenset)
    citation: Citation
    effect: Effect = Effect.NOT_ELIGIBLE
    approver: str | None = None
    service: str | None = attrs.field(default=None, validator=optional_identifier)
    notes: str = ""

    def serves(self, area: str) -> bool:
        """Whether ``area`` is one the rule serves."""
        return area.casefold() in {a.casefold() for a in self.areas}
