"""Somerset: helpers the tests of two or more roles share."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import attrs

from childcare_commissioning import ChildOrYoungPerson, Referral, Referrer, Status, Urgency
from childcare_commissioning.model import Channel

D = dt.date


LONDON = ZoneInfo("Europe/London")


MONDAY_10AM = dt.datetime(2025, 1, 6, 10, 0, tzinfo=LONDON)


def referral(age: int = 14, **changes: object) -> Referral:
    base = Referral(
        id="R",
        received_at=MONDAY_10AM,
        urgency=Urgency.STANDARD,
        referrer=Referrer(
            "social-worker", organisation="Somerset County Council", team="Placements Team"
        ),
        child=ChildOrYoungPerson(
            "YP",
            area="taunton",
            date_of_birth=D(2025 - age, 1, 1),
            statuses=frozenset({Status.EDGE_OF_CARE}),
        ),
        service="crisis-homecare",
        route="placements-team",
        channel=Channel.PORTAL,
    )
    return attrs.evolve(base, **changes)  # type: ignore[misc, arg-type]


def june_referral(**changes: object) -> Referral:
    """A 14-year-old (born 1 Jan 2011) in Taunton, referred by an SCC social worker of the
    Placements Team through the portal at 10:00 on Mon 2 Jun 2025 (working hours)."""
    base = Referral(
        id="R",
        received_at=dt.datetime(2025, 6, 2, 10, tzinfo=LONDON),
        urgency=Urgency.STANDARD,
        referrer=Referrer("social-worker", organisation="SCC", team="Placements Team"),
        child=ChildOrYoungPerson(
            "YP", area="taunton", date_of_birth=D(2011, 1, 1), statuses=frozenset()
        ),
        service="crisis-homecare",
        channel=Channel.PORTAL,
    )
    return attrs.evolve(base, **changes)  # type: ignore[misc, arg-type]
