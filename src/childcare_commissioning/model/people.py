"""Children and young people, as a referral or a package refers to them."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from childcare_commissioning.model._fields import non_empty, personal, sorted_repr, to_frozenset

__all__ = ["ChildOrYoungPerson", "Status"]


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
    UNACCOMPANIED_ASYLUM_SEEKER = "unaccompanied-asylum-seeker"
    # Where a looked after child lives (placement type).
    IN_HOUSE_FOSTER_CARE = "in-house-foster-care"
    KINSHIP_CARE = "kinship-care"
    AGENCY_FOSTER_CARE = "agency-foster-care"
    RESIDENTIAL_CARE = "residential-care"


@attrs.frozen
class ChildOrYoungPerson:
    """A child or young person, known to the library by a pseudonymous ``id``.

    Name, date of birth, address, gender and ethnicity are personal data: they never appear
    in ``repr``, logs or error messages, and the redacted view drops them.
    """

    id: str = attrs.field(validator=non_empty)
    date_of_birth: dt.date | None = personal(default=None)
    name: str | None = personal(default=None)
    address: str | None = personal(default=None)
    gender: str | None = personal(default=None)
    ethnicity: str | None = personal(default=None)
    statuses: frozenset[Status] = attrs.field(
        default=frozenset(), converter=to_frozenset, repr=sorted_repr
    )
    area: str | None = None

    def has(self, status: Status) -> bool:
        """Whether the person holds ``status``."""
        return status in self.statuses
