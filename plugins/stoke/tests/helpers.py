"""Stoke: helpers the tests of two or more roles share."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import attrs
from childcare_commissioning_stoke import (
    SPEC,
)

from childcare_commissioning import ChildOrYoungPerson, Referral, Referrer, Status, Urgency

D = dt.date


LONDON = ZoneInfo("Europe/London")


TERMS = SPEC.billing


def pilot_referral(**changes: object) -> Referral:
    base = Referral(
        id="R",
        received_at=dt.datetime(2019, 2, 4, 10, 0, tzinfo=LONDON),
        urgency=Urgency.STANDARD,
        referrer=Referrer("social-worker", name="Invented Referrer", email="sw@example.org"),
        child=ChildOrYoungPerson(
            "YP",
            date_of_birth=D(2008, 5, 1),
            name="Invented Child",
            address="1 Example Road",
            gender="recorded",
            ethnicity="recorded",
            statuses=frozenset({Status.LOOKED_AFTER, Status.IN_HOUSE_FOSTER_CARE}),
        ),
        service="pilot",
        distance_miles=Decimal(12),
        risks=("none known",),
        information={
            "carer": "invented carers",
            "parental_responsibility": "the Council",
            "birth_family_history": "none",
            "previous_interventions": "none; not open to CAMHS",
            "supervising_social_worker": "recorded",
            "strategic_manager_agreement": "2019-02-01",
        },
    )
    return attrs.evolve(base, **changes)  # type: ignore[misc, arg-type]


TEN_YEAR_OLD = D(2008, 5, 1)


def with_statuses(*statuses: Status, born: dt.date = TEN_YEAR_OLD) -> Referral:
    child = attrs.evolve(pilot_referral().child, statuses=frozenset(statuses), date_of_birth=born)
    return pilot_referral(child=child)
