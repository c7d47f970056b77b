"""Safeguarding routing by concern kind, "not specified" answers, and the conformance
checks added with them (#17).

The council is built here on the pattern of Triborough 6.6-6.7 (one borough shown): child
concerns to children's services in hours and to the emergency duty team out of hours;
adult concerns and allegations about adult clients to the Safeguarding Adults Team
("Similar concerns in relation to adult clients shall be referred to the Safeguarding
Adults Team at the same contacts specified in 6.6"); allegations against staff about a
child to the LADO. Office hours: 09:00-17:00, Monday to Friday, England and Wales working
days.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import attrs
import pytest

from childcare_commissioning import Citation, CouncilSpec, Specification
from childcare_commissioning.calendars import WEEKDAYS, CalendarSpec, OpeningHours, TimeWindow
from childcare_commissioning.conformance import check_council
from childcare_commissioning.deadlines import DeadlineRule
from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.eligibility import AreaRule, Limit
from childcare_commissioning.model import Area, Channel, Reading, Urgency
from childcare_commissioning.referrals import RouteTime
from childcare_commissioning.safeguarding import (
    Concern,
    Contact,
    RouteStep,
    RoutingRule,
    route,
)

LONDON = ZoneInfo("Europe/London")
C = Citation("triborough", "6.6", "Concerns in relation to Children and Young People")
OFFICE = CalendarSpec(
    id="office",
    name="Office hours",
    hours=(OpeningHours(WEEKDAYS, (TimeWindow(dt.time(9), dt.time(17)),)),),
    citation=C,
)
NOW = DeadlineRule("now", "Refer immediately", "concern", Duration(DurationKind.IMMEDIATELY), C)
CONTACTS = (
    Contact(
        "wcc-children", "Westminster City Council", "childrens-services", C, "wcc", "020 7641 4000"
    ),
    Contact(
        "wcc-edt", "Westminster City Council", "emergency-duty-team", C, "wcc", "020 7641 6000"
    ),
    Contact(
        "wcc-adults", "Westminster City Council", "adult-safeguarding", C, "wcc", "020 7641 2176"
    ),
    Contact("wcc-lado", "Westminster City Council", "lado", C, "wcc", "020 7641 6108"),
)


def step(recipient: str, when: RouteTime = RouteTime.ALWAYS) -> RouteStep:
    calendar = None if when is RouteTime.ALWAYS else "office"
    return RouteStep(recipient, Channel.PHONE, "now", when, calendar)


SPEC = CouncilSpec(
    id="boroughs",
    name="Boroughs",
    specification=Specification("Boroughs", "1", dt.date(2013, 1, 1)),
    citation=C,
    areas=(Area("wcc", "Westminster"),),
    calendars=(OFFICE,),
    deadlines=(NOW,),
    contacts=CONTACTS,
    routing=(
        RoutingRule(
            "child-wcc",
            Concern.CHILD,
            (step("wcc-children", RouteTime.IN_HOURS), step("wcc-edt", RouteTime.OUT_OF_HOURS)),
            C,
            "wcc",
        ),
        RoutingRule("adult-wcc", Concern.ADULT_AT_RISK, (step("wcc-adults"),), C, "wcc"),
        RoutingRule(
            "adult-client-wcc",
            Concern.ALLEGATION_ABOUT_ADULT_CLIENT,
            (step("wcc-adults"),),
            C,
            "wcc",
        ),
        RoutingRule(
            "allegation-wcc", Concern.ALLEGATION_AGAINST_WORKER, (step("wcc-lado"),), C, "wcc"
        ),
    ),
)


@pytest.mark.parametrize(
    ("concern", "at", "phone"),
    [
        # Monday 6 Jan 2025 14:00 is office hours: children's services.
        (Concern.CHILD, dt.datetime(2025, 1, 6, 14, 0, tzinfo=LONDON), "020 7641 4000"),
        # Saturday 4 Jan 2025 03:00, and Easter Monday 21 Apr 2025 14:00 (a bank
        # holiday): out of hours, the emergency duty team.
        (Concern.CHILD, dt.datetime(2025, 1, 4, 3, 0, tzinfo=LONDON), "020 7641 6000"),
        (Concern.CHILD, dt.datetime(2025, 4, 21, 14, 0, tzinfo=LONDON), "020 7641 6000"),
        # Monday 17:00 is closing time (the window is 09:00 up to 17:00): out of hours.
        (Concern.CHILD, dt.datetime(2025, 1, 6, 17, 0, tzinfo=LONDON), "020 7641 6000"),
        (Concern.ADULT_AT_RISK, dt.datetime(2025, 1, 6, 14, 0, tzinfo=LONDON), "020 7641 2176"),
        # 6.7: an allegation about an adult client goes to the adults' team, not the LADO.
        (
            Concern.ALLEGATION_ABOUT_ADULT_CLIENT,
            dt.datetime(2025, 1, 6, 14, 0, tzinfo=LONDON),
            "020 7641 2176",
        ),
        (
            Concern.ALLEGATION_AGAINST_WORKER,
            dt.datetime(2025, 1, 6, 14, 0, tzinfo=LONDON),
            "020 7641 6108",
        ),
    ],
)
def test_each_concern_kind_routes_to_its_contact(
    concern: Concern, at: dt.datetime, phone: str
) -> None:
    routing = route(SPEC, concern, at, "wcc")
    assert routing.specified
    [routed] = routing.steps
    assert routed.contact is not None
    assert phone == routed.contact.phone


def test_a_concern_kind_the_text_does_not_route_names_the_nearest_contacts() -> None:
    """Gross misconduct is not routed: "not specified", never an error; the nearest kind
    with a route is an allegation against a worker, whose contact is the LADO."""
    routing = route(
        SPEC, Concern.GROSS_MISCONDUCT, dt.datetime(2025, 1, 6, 14, 0, tzinfo=LONDON), "wcc"
    )
    assert (False, ()) == (routing.specified, routing.steps)
    assert ["wcc-lado"] == [c.id for c in routing.nearest]
    assert routing.message.startswith("not specified")
    assert "020 7641 6108" in routing.message


def test_an_area_the_text_does_not_route_names_the_councils_contacts() -> None:
    """Camden is not routed at all: every declared contact is named, none invented."""
    routing = route(SPEC, Concern.CHILD, dt.datetime(2025, 1, 6, 14, 0, tzinfo=LONDON), "camden")
    assert not routing.specified
    assert [c.id for c in CONTACTS] == [c.id for c in routing.nearest]


# --- conformance ------------------------------------------------------------------------


def checks(spec: CouncilSpec) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for violation in check_council(spec):
        found.setdefault(violation.check, set()).add(violation.rule_id)
    return found


def test_the_sample_council_conforms_on_the_new_checks() -> None:
    found = checks(SPEC)
    assert not {"routing-dead-end", "deadline-calendar", "limit-reading"} & set(found)


def test_a_rule_with_only_in_hours_steps_is_a_dead_end() -> None:
    """Without the EDT step a child concern on Saturday night reaches nobody."""
    in_hours_only = attrs.evolve(SPEC.routing[0], steps=(step("wcc-children", RouteTime.IN_HOURS),))
    spec = attrs.evolve(SPEC, routing=(in_hours_only, *SPEC.routing[1:]))
    assert {"routing/child-wcc"} == checks(spec)["routing-dead-end"]


@pytest.mark.parametrize(
    ("rule", "violates"),
    [
        # An emergency rule counting office working days: flagged.
        (
            DeadlineRule(
                "emergency-support",
                "Support",
                "request",
                Duration(DurationKind.SAME_WORKING_DAY),
                C,
            ),
            True,
        ),
        (
            DeadlineRule(
                "respond",
                "Respond",
                "referral-received",
                Duration(DurationKind.WORKING_DAYS, 1),
                C,
                urgency=Urgency.EMERGENCY,
            ),
            True,
        ),
        # "The same day" on a 7-day service: SAME_DAY, fine on any calendar.
        (
            DeadlineRule(
                "emergency-same-day", "Support", "request", Duration(DurationKind.SAME_DAY), C
            ),
            False,
        ),
        # Working days are fine when a Reading says the text means them.
        (
            DeadlineRule(
                "emergency-support",
                "Support",
                "request",
                Duration(DurationKind.SAME_WORKING_DAY),
                C,
                notes="reading:office-days",
            ),
            False,
        ),
        # An ordinary rule in working days is not an emergency rule.
        (
            DeadlineRule("reply", "Reply", "letter", Duration(DurationKind.WORKING_DAYS, 3), C),
            False,
        ),
    ],
)
def test_emergency_rules_declare_their_calendar(rule: DeadlineRule, violates: bool) -> None:
    reading = Reading("office-days", "working days", "office working days", C)
    spec = attrs.evolve(SPEC, deadlines=(NOW, rule), readings=(reading,))
    assert violates == ("deadline-calendar" in checks(spec))


def test_limit_margins_name_a_reading_and_area_rules_name_areas() -> None:
    limit = Limit("radius", "distance", "distance_miles", Decimal(20), C, review_margin=Decimal(2))
    area_rule = AreaRule("served", frozenset({"wcc", "camden"}), C)
    spec = attrs.evolve(SPEC, limits=(limit,), area_rules=(area_rule,))
    assert {"limits/radius", "area_rules/served"} == checks(spec)["limit-reading"]
