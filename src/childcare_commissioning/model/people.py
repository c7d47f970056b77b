"""Children and young people, as a referral or a package refers to them."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model._fields import non_empty, personal, sorted_repr, to_frozenset

__all__ = ["CareEpisode", "ChildOrYoungPerson", "Status"]


class Status(enum.StrEnum):
    """Legal and support statuses the specifications make rules about."""

    LOOKED_AFTER = "looked-after"
    CARE_LEAVER = "care-leaver"
    CHILD_IN_NEED = "child-in-need"
    CHILD_PROTECTION = "child-protection"
    EDGE_OF_CARE = "edge-of-care"
    YOUNG_CARER = "young-carer"
    DISABLED = "disabled"
    SEND = "send"
    COMPLEX_HEALTH_NEEDS = "complex-health-needs"
    IN_EDUCATION = "in-education"
    IN_TRAINING = "in-training"
    HOMELESS = "homeless"
    #: "who are or at risk of homelessness" (Derby 3.2.2): not yet homeless.
    AT_RISK_OF_HOMELESSNESS = "at-risk-of-homelessness"
    UNACCOMPANIED_ASYLUM_SEEKER = "unaccompanied-asylum-seeker"
    # Where a looked after child lives (placement type).
    IN_HOUSE_FOSTER_CARE = "in-house-foster-care"
    KINSHIP_CARE = "kinship-care"
    AGENCY_FOSTER_CARE = "agency-foster-care"
    RESIDENTIAL_CARE = "residential-care"
    #: Living in a residential children's home the local authority runs itself (its own,
    #: in-house home: Stoke's "LA's Small Group Homes"), as against an external, agency or
    #: independent residential placement. A kind of residential care: a referral gives
    #: ``RESIDENTIAL_CARE`` as well where a rule asks for any residential placement.
    LA_RESIDENTIAL_HOME = "la-residential-home"


@attrs.frozen
class ChildOrYoungPerson:
    """A child or young person, known to the library by a pseudonymous ``id``.

    Name, date of birth, address, gender and ethnicity are personal data: they never appear
    in ``repr``, logs or error messages, and the redacted view drops them.
    """

    id: str = attrs.field(validator=non_empty)
    """The pseudonymous id of the child or young person; never a name."""
    date_of_birth: dt.date | None = personal(default=None)
    """The date of birth; age rules need it, and a referral cannot be for a child born after it was
    received."""
    name: str | None = personal(default=None)
    """The child's name."""
    address: str | None = personal(default=None)
    """The child's address."""
    gender: str | None = personal(default=None)
    """The child's gender, as recorded."""
    ethnicity: str | None = personal(default=None)
    """The child's ethnicity, as recorded."""
    statuses: frozenset[Status] = attrs.field(
        default=frozenset(), converter=to_frozenset, repr=sorted_repr
    )
    """What the child is, as status ids ("looked-after", "care-leaver", "send",
    "in-house-foster-care"); cohorts and eligibility rules test them."""
    area: str | None = None
    """The area the child lives in (an area id, as `ids areas` lists the council's), checked against
    the areas a service serves."""

    def has(self, status: Status) -> bool:
        """Whether the person holds ``status``."""
        return status in self.statuses


def _end_after_start(
    instance: CareEpisode, attribute: attrs.Attribute[Any], value: dt.date | None
) -> None:
    if value is not None and value < instance.start:
        raise ModelValueError(attribute.name, "end-after-start", "must not be before start")


@attrs.frozen
class CareEpisode:
    """A period looked after by a local authority, both days included (``end`` None:
    ongoing). Dates of a care history are personal data about the child: they stay out of
    ``repr`` and messages."""

    start: dt.date = attrs.field(repr=False)
    """The first day looked after."""
    end: dt.date | None = attrs.field(default=None, validator=_end_after_start, repr=False)
    """The last day looked after, included; omitted: ongoing. Not before start."""
