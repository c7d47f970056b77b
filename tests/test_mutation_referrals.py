"""Referral answers at their edges (#27): which route is open at 09:00 and 17:00, who a
route takes (role, organisation, team, channel, each beside one it refuses), required
information with alternatives and urgencies, requested services on open and closed
lists, limits at the maximum and at the margin, areas, ages on the day, and the outcome
when several findings disagree. Each test says which finding it expects, with its path.

The council below is built here; office hours are 09:00-17:00 Monday to Friday (the
window includes 09:00 and ends before 17:00), and Mon 6 Jan 2025 is a working day.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation, localcontext
from zoneinfo import ZoneInfo

import attrs
import pytest

from childcare_commissioning import Citation, CouncilSpec, Specification
from childcare_commissioning.calendars import WEEKDAYS, CalendarSpec, OpeningHours, TimeWindow
from childcare_commissioning.deadlines import DeadlineRule
from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.eligibility import AgeBand, AreaRule, Cohort, Effect, Exclusion, Limit
from childcare_commissioning.model import (
    ChildOrYoungPerson,
    Referral,
    Referrer,
    Service,
    Severity,
    Status,
    Urgency,
)
from childcare_commissioning.model.referral import Channel
from childcare_commissioning.referrals import (
    Offer,
    OfferList,
    Outcome,
    ReferralDecision,
    ReferralRoute,
    RequiredInformation,
    RouteTime,
    check_referral,
    value_at,
)

LONDON = ZoneInfo("Europe/London")
S = Status
CITE = Citation("somerset", "2.6", "through the Placements Team")
OFFICE = CalendarSpec(
    id="office",
    name="Office hours",
    hours=(OpeningHours(WEEKDAYS, (TimeWindow(dt.time(9), dt.time(17)),)),),
)
IN_HOURS = ReferralRoute(
    "day",
    "Placements Team",
    CITE,
    referrer_roles=frozenset({"social-worker"}),
    organisations=frozenset({"Somerset Council"}),
    channels=frozenset({Channel.EMAIL, Channel.PORTAL}),
    when=RouteTime.IN_HOURS,
    calendar="office",
)
OUT_OF_HOURS = ReferralRoute(
    "edt",
    "Emergency Duty Team",
    CITE,
    teams=frozenset({"EDT", "Emergency Duty Team"}),
    when=RouteTime.OUT_OF_HOURS,
    calendar="office",
)
HOMECARE = Service("homecare", "Homecare", "Crisis support", CITE)


def spec(**kw: object) -> CouncilSpec:
    kw.setdefault("services", (HOMECARE,))
    kw.setdefault("calendars", (OFFICE,))
    return CouncilSpec(
        id="sample",
        name="Sample",
        specification=Specification("Sample", "1", dt.date(2018, 1, 1)),
        citation=CITE,
        **kw,  # type: ignore[arg-type]
    )


MONDAY_10 = dt.datetime(2025, 1, 6, 10, tzinfo=LONDON)


def referral(
    *,
    at: dt.datetime = MONDAY_10,
    role: str = "social-worker",
    organisation: str | None = "Somerset Council",
    team: str | None = None,
    channel: Channel | None = Channel.EMAIL,
    route: str | None = None,
    born: dt.date | None = dt.date(2012, 1, 6),
    statuses: frozenset[Status] = frozenset({S.EDGE_OF_CARE}),
    urgency: Urgency = Urgency.STANDARD,
    service: str | None = None,
    **kw: object,
) -> Referral:
    child = ChildOrYoungPerson(
        "YP-1",
        date_of_birth=born,
        statuses=statuses,
        area=kw.pop("area", None),  # type: ignore[arg-type]
    )
    return Referral(
        id="R-1",
        received_at=at,
        urgency=urgency,
        referrer=Referrer(role, organisation, team),
        child=child,
        service=service,
        route=route,
        channel=channel,
        **kw,  # type: ignore[arg-type]
    )


def found(decision: ReferralDecision) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in decision.findings]


# ------------------------------------------------------------------------------ routes
ROUTES = spec(routes=(IN_HOURS, OUT_OF_HOURS))


@pytest.mark.parametrize(
    ("hour", "minute", "route", "expected"),
    [
        (9, 0, "day", []),  # opening time is in hours
        (8, 59, "day", [("referral.route.in-hours", "$.route")]),
        (16, 59, "day", []),
        (17, 0, "day", [("referral.route.in-hours", "$.route")]),  # closing time is out
        (17, 0, "edt", []),
        (9, 0, "edt", [("referral.route.out-of-hours", "$.route")]),
    ],
)
def test_a_named_route_at_the_edges_of_office_hours(
    hour: int, minute: int, route: str, expected: list[tuple[str, str]]
) -> None:
    at = dt.datetime(2025, 1, 6, hour, minute, tzinfo=LONDON)
    decision = check_referral(ROUTES, referral(at=at, route=route, team="EDT"))
    assert expected == found(decision)
    assert (Outcome.NOT_ELIGIBLE if expected else Outcome.ELIGIBLE) == decision.outcome


def test_a_closed_route_names_the_open_one_and_none_when_none_is() -> None:
    late = dt.datetime(2025, 1, 6, 17, tzinfo=LONDON)
    [finding] = check_referral(ROUTES, referral(at=late, route="day", team="EDT")).findings
    assert finding.message.endswith("use: edt")
    assert "is for referrals in-hours only" in finding.message
    only_day = spec(routes=(IN_HOURS,))
    [closed] = check_referral(only_day, referral(at=late, route="day")).findings
    assert closed.message.endswith("use: none")


def test_an_unknown_route_lists_the_routes() -> None:
    [finding] = check_referral(ROUTES, referral(route="post")).findings
    assert ("referral.route.unknown", "$.route", Severity.ERROR) == (
        finding.code,
        finding.path,
        finding.severity,
    )
    assert "route 'post' is not a referral route of sample (routes: day, edt)" == finding.message


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({}, []),
        ({"organisation": " somerset council "}, []),  # case and spaces do not matter
        (
            {"role": "parent"},
            [("$.referrer", "referrer role 'parent' may not use it (allowed: social-worker)")],
        ),
        ({"organisation": "Devon"}, [("$.referrer", "only Somerset Council may refer")]),
        (  # no organisation: incomplete, not refused (Plymouth audit 2026-12, D4)
            {"organisation": None},
            [
                (
                    "$.referrer.organisation",
                    "no organisation given: say which organisation refers (only Somerset "
                    "Council may refer)",
                )
            ],
        ),
        ({"channel": Channel.PHONE}, [("$.channel", "it takes referrals by email, portal")]),
        ({"channel": None}, [("$.channel", "it takes referrals by email, portal")]),
    ],
)
def test_who_a_route_takes_each_condition(
    kw: dict[str, object], expected: list[tuple[str, str]]
) -> None:
    decision = check_referral(ROUTES, referral(route="day", **kw))  # type: ignore[arg-type]
    assert [(p, f"route 'day': {m}") for p, m in expected] == [
        (f.path, f.message) for f in decision.findings
    ]
    assert {"referral.referrer.not-permitted", "referral.referrer.missing"} >= {
        f.code for f in decision.findings
    }


@pytest.mark.parametrize(
    ("team", "problem"),
    [
        ("EDT", None),
        ("emergency duty team", None),
        (
            "Placements",
            "only the teams EDT, Emergency Duty Team may use it "
            "(the referrer's team is not one of them)",
        ),
        (None, "only the teams EDT, Emergency Duty Team may use it (no team given)"),
    ],
)
def test_a_team_route_at_night(team: str | None, problem: str | None) -> None:
    night = dt.datetime(2025, 1, 6, 22, tzinfo=LONDON)
    decision = check_referral(ROUTES, referral(at=night, route="edt", team=team))
    expected = [("$.referrer.team", f"route 'edt': {problem}")] if problem else []
    assert expected == [(f.path, f.message) for f in decision.findings]


def test_with_no_route_named_any_open_route_that_takes_the_referrer_will_do() -> None:
    """At 10:00 the day route takes a social worker of Somerset Council by email; at 22:00
    only EDT is open, and it takes team EDT only: refused, with each route's reason."""
    assert [] == found(check_referral(ROUTES, referral()))
    night = dt.datetime(2025, 1, 6, 22, tzinfo=LONDON)
    assert [] == found(check_referral(ROUTES, referral(at=night, team="EDT")))
    [finding] = check_referral(ROUTES, referral(at=night)).findings
    assert ("referral.referrer.not-permitted", "$.referrer") == (finding.code, finding.path)
    assert finding.message == (
        "no referral route accepts this referral (day: not open at this time; edt: only the "
        "teams EDT, Emergency Duty Team may use it (no team given))"
    )


def test_an_always_route_or_one_without_a_calendar_is_open_at_any_time() -> None:
    always = ReferralRoute("any", "Any", CITE, when=RouteTime.ALWAYS, calendar="office")
    no_calendar = ReferralRoute("nocal", "No calendar", CITE, when=RouteTime.IN_HOURS)
    night = dt.datetime(2025, 1, 5, 3, tzinfo=LONDON)  # a Sunday, 03:00
    for route in (always, no_calendar):
        assert [] == found(
            check_referral(spec(routes=(route,)), referral(at=night, route=route.id))
        )


def test_routes_of_another_service_do_not_apply() -> None:
    other = ReferralRoute("pilot-only", "Pilot", CITE, referrer_roles={"x"}, service="pilot")
    both = spec(services=(HOMECARE, Service("pilot", "Pilot", "p", CITE)), routes=(other,))
    assert [] == found(check_referral(both, referral(service="homecare")))
    assert [("referral.referrer.not-permitted", "$.referrer")] == found(
        check_referral(both, referral(service="pilot"))
    )


# ---------------------------------------------------------------------------- services
def test_the_only_service_is_assumed_and_an_unknown_one_named() -> None:
    two = spec(services=(HOMECARE, Service("pilot", "Pilot", "p", CITE)))
    one = spec()
    assert "homecare" == check_referral(one, referral()).service
    assert [] == found(check_referral(one, referral()))
    missing = check_referral(two, referral())
    assert ([("referral.service.missing", "$.service")], Outcome.INCOMPLETE) == (
        found(missing),
        missing.outcome,
    )
    assert "say which service the referral is for (homecare, pilot)" == missing.findings[0].message
    unknown = check_referral(one, referral(service="respite"))
    assert ([("referral.service.unknown", "$.service")], Outcome.NOT_ELIGIBLE) == (
        found(unknown),
        unknown.outcome,
    )
    assert "sample has no service 'respite' (services: homecare)" == unknown.findings[0].message
    assert "pilot" == check_referral(two, referral(service="pilot")).service


# ------------------------------------------------------------------ required information
REQUIRED = spec(
    required_information=(
        RequiredInformation("contact", "referrer.phone|referrer.email", "to call back", CITE),
        RequiredInformation(
            "history", "information.history", "urgent cases need it", CITE, urgency=Urgency.URGENT
        ),
    )
)


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({}, ["$.referrer.phone"]),
        ({"information": {"history": "x"}, "urgency": Urgency.URGENT}, ["$.referrer.phone"]),
        ({"urgency": Urgency.URGENT}, ["$.referrer.phone", "$.information.history"]),
        (
            {"urgency": Urgency.URGENT, "information": {"history": "  "}},
            ["$.referrer.phone", "$.information.history"],
        ),
    ],
)
def test_required_information_by_urgency(kw: dict[str, object], expected: list[str]) -> None:
    decision = check_referral(REQUIRED, referral(**kw))  # type: ignore[arg-type]
    assert expected == [f.path for f in decision.findings]
    assert Outcome.INCOMPLETE == decision.outcome
    assert "missing referrer.phone or referrer.email: to call back" == decision.findings[0].message


def test_either_alternative_will_do() -> None:
    base = referral()
    for referrer in (
        Referrer("social-worker", email="a@b.example"),
        Referrer("social-worker", phone="01234"),
    ):
        decision = check_referral(
            REQUIRED, Referral("R", base.received_at, Urgency.STANDARD, referrer, base.child)
        )
        assert Outcome.ELIGIBLE == decision.outcome


def test_value_at_reads_attributes_and_keys() -> None:
    r = referral(information={"history": "known"})
    assert "known" == value_at(r, "information.history")
    assert value_at(r, "information.missing") is None
    assert value_at(r, "referrer.nothing") is None
    assert "social-worker" == value_at(r, "referrer.role")


# --------------------------------------------------------------------------- offers
OFFERS = (
    Offer("short-breaks", "Short breaks", CITE),
    Offer("outreach", "Outreach", CITE),
)


@pytest.mark.parametrize(
    ("lists", "requested", "expected", "outcome"),
    [
        ((), ("outreach",), [], Outcome.ELIGIBLE),
        (
            (),
            ("outreach", "camping"),
            [("referral.requested.unknown", "$.requested_services[1]")],
            Outcome.NOT_ELIGIBLE,
        ),
        (
            (OfferList("list", CITE, approver="the Head of Service"),),
            ("camping", "outreach"),
            [("referral.requested.unlisted", "$.requested_services[0]")],
            Outcome.NEEDS_APPROVAL,
        ),
        (
            (OfferList("list", CITE, open=False),),
            ("camping",),
            [("referral.requested.unknown", "$.requested_services[0]")],
            Outcome.NOT_ELIGIBLE,
        ),
    ],
)
def test_requested_services_on_open_and_closed_lists(
    lists: tuple[OfferList, ...],
    requested: tuple[str, ...],
    expected: list[tuple[str, str]],
    outcome: Outcome,
) -> None:
    decision = check_referral(
        spec(offers=OFFERS, offer_lists=lists), referral(requested_services=requested)
    )
    assert (expected, outcome) == (found(decision), decision.outcome)


def test_offer_messages_name_the_offers_and_the_approver() -> None:
    open_list = spec(offers=OFFERS, offer_lists=(OfferList("list", CITE, approver="the Head"),))
    [unlisted] = check_referral(open_list, referral(requested_services=("camping",))).findings
    assert unlisted.message.startswith(
        "'camping' is not among the services sample lists (outreach, short-breaks)"
    )
    assert unlisted.message.endswith("needs agreement by the Head")
    assert Severity.WARNING == unlisted.severity
    default = spec(offers=OFFERS, offer_lists=(OfferList("list", CITE),))
    [other] = check_referral(default, referral(requested_services=("camping",))).findings
    assert other.message.endswith("needs agreement by the council")
    closed = spec(offers=OFFERS)
    [unknown] = check_referral(closed, referral(requested_services=("camping",))).findings
    assert (
        "'camping' is not a service sample offers here (offers: outreach, short-breaks)"
        == unknown.message
    )


# ------------------------------------------------------------------- people and limits
COHORTS = spec(
    cohorts=(
        Cohort(
            "edge",
            "Edge of care",
            CITE,
            statuses=frozenset({S.EDGE_OF_CARE}),
            ages=AgeBand(10, 17),
        ),
    ),
    exclusions=(
        Exclusion(
            "health",
            "complex health needs",
            CITE,
            statuses=frozenset({S.COMPLEX_HEALTH_NEEDS}),
            effect=Effect.NEEDS_APPROVAL,
            approver="the Strategic Manager",
        ),
    ),
)


@pytest.mark.parametrize(
    ("born", "expected", "age"),
    [
        # Received 6 Jan 2025: born 6 Jan 2015 is 10 that day; born 7 Jan 2015 is 9.
        (dt.date(2015, 1, 6), [("eligibility.cohort.edge", "$.child")], 10),
        (dt.date(2015, 1, 7), [("eligibility.age.outside", "$.child.date_of_birth")], 9),
        # Born 7 Jan 2007 is 17 on 6 Jan 2025; born 6 Jan 2007 is 18.
        (dt.date(2007, 1, 7), [("eligibility.cohort.edge", "$.child")], 17),
        (dt.date(2007, 1, 6), [("eligibility.age.outside", "$.child.date_of_birth")], 18),
    ],
)
def test_ages_on_the_day_of_receipt(
    born: dt.date, expected: list[tuple[str, str]], age: int
) -> None:
    decision = check_referral(COHORTS, referral(born=born))
    assert (expected, age) == (found(decision), decision.age)


def test_an_unknown_date_of_birth_is_incomplete_naming_the_cohort() -> None:
    decision = check_referral(COHORTS, referral(born=None))
    assert [("eligibility.age.unknown", "$.child.date_of_birth")] == found(decision)
    assert (Outcome.INCOMPLETE, CITE, None) == (
        decision.outcome,
        decision.findings[0].citation,
        decision.age,
    )


def test_a_discretion_reaches_the_statuses_but_not_the_age_limits() -> None:
    """Complex health needs and no edge-of-care status: the Strategic Manager decides
    (needs approval) at 12; at 19 the age band still refuses."""
    health = frozenset({S.COMPLEX_HEALTH_NEEDS})
    decision = check_referral(COHORTS, referral(statuses=health, born=dt.date(2012, 1, 6)))
    assert [
        ("eligibility.cohort.none", "$.child.statuses"),
        ("eligibility.exclusion.health", "$.child"),
    ] == found(decision)
    assert Outcome.NEEDS_APPROVAL == decision.outcome
    assert decision.findings[0].message.endswith(
        "; the exclusion 'health' leaves it to the discretion of the Strategic Manager"
    )
    assert "excluded: complex health needs; needs approval by the Strategic Manager" == (
        decision.findings[1].message
    )
    older = check_referral(COHORTS, referral(statuses=health, born=dt.date(2005, 1, 6)))
    assert ("eligibility.age.outside", Outcome.NOT_ELIGIBLE) == (
        older.findings[1].code,
        older.outcome,
    )
    # Without the discretion's status, no cohort is simply not eligible.
    plain = check_referral(COHORTS, referral(statuses=frozenset({S.DISABLED})))
    assert ([("eligibility.cohort.none", "$.child.statuses")], Outcome.NOT_ELIGIBLE) == (
        found(plain),
        plain.outcome,
    )


def test_outcome_precedence_not_eligible_then_incomplete_then_approval() -> None:
    """Needs approval (exclusion) + incomplete (no area) -> incomplete; + not eligible (a
    closed-list request) -> not eligible."""
    council = spec(
        cohorts=COHORTS.cohorts,
        exclusions=COHORTS.exclusions,
        offers=OFFERS,
        area_rules=(AreaRule("county", frozenset({"somerset"}), CITE),),
    )
    statuses = frozenset({S.EDGE_OF_CARE, S.COMPLEX_HEALTH_NEEDS})
    assert Outcome.INCOMPLETE == check_referral(council, referral(statuses=statuses)).outcome
    assert (
        Outcome.NOT_ELIGIBLE
        == check_referral(
            council, referral(statuses=statuses, requested_services=("camping",))
        ).outcome
    )
    assert (
        Outcome.NEEDS_APPROVAL
        == check_referral(council, referral(statuses=statuses, area="Somerset")).outcome
    )


LIMITED = spec(
    limits=(
        Limit(
            "distance",
            "distance from Stoke-on-Trent",
            "distance_miles",
            Decimal(20),
            CITE,
            review_margin=Decimal(2),
            approver="the Strategic Manager",
            unit="miles",
            reading="near-means-two-miles",
        ),
    )
)


@pytest.mark.parametrize(
    ("miles", "code", "outcome"),
    [
        (None, "eligibility.limit.distance.missing", Outcome.INCOMPLETE),
        ("20", None, Outcome.ELIGIBLE),
        ("20.01", "eligibility.limit.distance.review", Outcome.NEEDS_APPROVAL),
        ("22", "eligibility.limit.distance.review", Outcome.NEEDS_APPROVAL),
        ("22.01", "eligibility.limit.distance", Outcome.NOT_ELIGIBLE),
    ],
)
def test_a_limit_at_its_maximum_and_margin(
    miles: str | None, code: str | None, outcome: Outcome
) -> None:
    distance = Decimal(miles) if miles is not None else None
    decision = check_referral(LIMITED, referral(distance_miles=distance))
    assert ([(code, "$.distance_miles")] if code else [], outcome) == (
        found(decision),
        decision.outcome,
    )


@pytest.mark.parametrize(
    ("given", "code", "outcome"),
    [
        # No distance: incomplete. Read as NaN (the trap off), it would compare false
        # with 22 and 20 and say eligible (audit tests.md, _check_limits__mutmut_15).
        ({}, "eligibility.limit.distance.missing", Outcome.INCOMPLETE),
        # 21 miles is over 20 but within 20 + 2: review. At one digit of precision,
        # 20 + 2 would round to 2E+1 = 20, and 21 would be beyond it: not eligible.
        (
            {"distance_miles": Decimal(21)},
            "eligibility.limit.distance.review",
            Outcome.NEEDS_APPROVAL,
        ),
        ({"distance_miles": Decimal("22.01")}, "eligibility.limit.distance", Outcome.NOT_ELIGIBLE),
    ],
)
def test_a_limit_answers_the_same_whatever_the_callers_decimal_context(
    given: dict[str, Decimal], code: str, outcome: Outcome
) -> None:
    """A caller may call check_referral inside ``decimal.localcontext()`` with the
    InvalidOperation trap off and a precision of one digit: the limits are checked in
    the library's own context, so the answers are those of the default context."""
    with localcontext() as context:
        context.traps[InvalidOperation] = False
        context.prec = 1
        decision = check_referral(LIMITED, referral(**given))  # type: ignore[arg-type]
    assert ([(code, "$.distance_miles")], outcome) == (found(decision), decision.outcome)


@pytest.mark.parametrize("text", ["NaN", "sNaN", "Infinity", "-Infinity", "twelve"])
def test_a_limit_on_information_that_is_no_number_asks_for_it(text: str) -> None:
    """Pilot hours (at most 1) read from the information given: text that is not a finite
    number is no value to compare, so the referral is incomplete, naming the field (not
    an InvalidOperation from comparing NaN, nor "Infinity" beyond the limit)."""
    hours = Limit("pilot-hours", "pilot hours", "information.hours", Decimal(1), CITE)
    decision = check_referral(spec(limits=(hours,)), referral(information={"hours": text}))
    assert (
        [("eligibility.limit.pilot-hours.missing", "$.information.hours")],
        Outcome.INCOMPLETE,
    ) == (
        found(decision),
        decision.outcome,
    )


def test_limit_messages() -> None:
    [review] = check_referral(LIMITED, referral(distance_miles=Decimal(21))).findings
    assert review.message == (
        "distance from Stoke-on-Trent: 21 miles is outside, but near, the limit of 20 "
        "(margin: reading 'near-means-two-miles'); needs individual review by the Strategic "
        "Manager"
    )
    [beyond] = check_referral(LIMITED, referral(distance_miles=Decimal(23))).findings
    assert beyond.message == (
        "distance from Stoke-on-Trent: 23 miles is beyond the limit of 20 and beyond the 2 "
        "miles margin of individual review"
    )
    [missing] = check_referral(LIMITED, referral()).findings
    assert "distance_miles is needed to check distance from Stoke-on-Trent" == missing.message


AREAS = spec(
    area_rules=(
        AreaRule("boroughs", frozenset({"Stoke", "Newcastle"}), CITE),
        AreaRule(
            "county",
            frozenset({"Stoke"}),
            CITE,
            effect=Effect.NEEDS_APPROVAL,
            approver="the Head",
        ),
    )
)


@pytest.mark.parametrize(
    ("area", "expected", "outcome"),
    [
        ("stoke", [], Outcome.ELIGIBLE),
        ("Newcastle", [("eligibility.area.county", "$.child.area")], Outcome.NEEDS_APPROVAL),
        (
            "Leek",
            [
                ("eligibility.area.boroughs", "$.child.area"),
                ("eligibility.area.county", "$.child.area"),
            ],
            Outcome.NOT_ELIGIBLE,
        ),
        (
            "  ",
            [
                ("eligibility.area.boroughs.missing", "$.child.area"),
                ("eligibility.area.county.missing", "$.child.area"),
            ],
            Outcome.INCOMPLETE,
        ),
    ],
)
def test_areas_served(area: str, expected: list[tuple[str, str]], outcome: Outcome) -> None:
    decision = check_referral(AREAS, referral(area=area))
    assert (expected, outcome) == (found(decision), decision.outcome)


def test_area_messages() -> None:
    decision = check_referral(AREAS, referral(area="Leek"))
    assert [
        "area 'Leek' is not one the service serves (Newcastle, Stoke)",
        "area 'Leek' is not one the service serves (Stoke); needs approval by the Head",
    ] == [f.message for f in decision.findings]
    [missing, _] = check_referral(AREAS, referral()).findings
    assert "child.area is needed to check the areas served (Newcastle, Stoke)" == missing.message


# ------------------------------------------------------------------------- deadlines
def test_deadlines_started_by_the_referral_for_its_urgency_only() -> None:
    """Standard: 24 clock hours from Mon 10:00 is Tue 7 Jan 10:00; the urgent rule and a
    rule with another trigger do not start."""
    rules = (
        DeadlineRule(
            id="offer",
            title="Offer",
            trigger="referral-received",
            duration=Duration(DurationKind.CLOCK_HOURS, 24),
            citation=CITE,
            urgency=Urgency.STANDARD,
        ),
        DeadlineRule(
            id="urgent",
            title="Urgent",
            trigger="referral-received",
            duration=Duration(DurationKind.CLOCK_HOURS, 1),
            citation=CITE,
            urgency=Urgency.URGENT,
        ),
        DeadlineRule(
            id="review",
            title="Review",
            trigger="placement-start",
            duration=Duration(DurationKind.CLOCK_HOURS, 1),
            citation=CITE,
        ),
    )
    decision = check_referral(spec(deadlines=rules), referral())
    assert [("offer", dt.datetime(2025, 1, 7, 10, tzinfo=LONDON))] == [
        (d.rule_id, d.due_at) for d in decision.deadlines
    ]


# ------------------------------------------------- cohort findings, whole (#27 survivors)
CITE_B = Citation("sample", "3.1", "care leavers aged 16 to 18")
EDGE = Cohort(
    "edge",
    "Edge of care",
    CITE,
    statuses=frozenset({S.EDGE_OF_CARE}),
    ages=AgeBand(10, 17),
    identified_by="the Early Help team",
)
LEAVERS = Cohort(
    "leavers", "Care leavers", CITE_B, statuses=frozenset({S.CARE_LEAVER}), ages=AgeBand(16, 18)
)
# A discretion naming no approver: "the council" decides.
HEALTH = Exclusion(
    "health",
    "complex health needs",
    CITE,
    statuses=frozenset({S.COMPLEX_HEALTH_NEEDS}),
    effect=Effect.NEEDS_APPROVAL,
)
TWO_COHORTS = spec(cohorts=(EDGE, LEAVERS), exclusions=(HEALTH,))


def eligibility(decision: ReferralDecision) -> list[tuple[str, str, str, Citation | None]]:
    return [
        (f.code, f.message, f.path, f.citation)
        for f in decision.findings
        if f.code.startswith("eligibility.")
    ]


def test_no_matching_cohort_names_every_cohort_and_cites_the_first() -> None:
    """Disabled, aged 13 on Mon 6 Jan 2025: neither cohort's statuses; not eligible."""
    decision = check_referral(TWO_COHORTS, referral(statuses=frozenset({S.DISABLED})))
    assert [
        (
            "eligibility.cohort.none",
            "the child's statuses match no cohort of the service (Edge of care; Care leavers)",
            "$.child.statuses",
            CITE,
        )
    ] == eligibility(decision)
    assert Outcome.NOT_ELIGIBLE == decision.outcome


def test_a_discretion_with_no_approver_is_the_councils_and_stops_at_the_ages() -> None:
    """Complex health needs, born 6 Jan 2006: 19 on 6 Jan 2025, above both cohorts'
    bands (10-17, 16-18). The discretion (no approver named: the council's) reaches the
    statuses but not the ages: not eligible, each finding saying so."""
    decision = check_referral(
        TWO_COHORTS,
        referral(statuses=frozenset({S.COMPLEX_HEALTH_NEEDS}), born=dt.date(2006, 1, 6)),
    )
    assert [
        (
            "eligibility.cohort.none",
            "the child's statuses match no cohort of the service (Edge of care; Care leavers)"
            "; the exclusion 'health' leaves it to the discretion of the council",
            "$.child.statuses",
            CITE,
        ),
        (
            "eligibility.age.outside",
            "age 19 is outside every cohort's ages (Edge of care: 10-17; Care leavers: 16-18)"
            "; the discretion of the council does not reach the age limits",
            "$.child.date_of_birth",
            CITE,
        ),
        (
            "eligibility.exclusion.health",
            "excluded: complex health needs; needs approval by the council",
            "$.child",
            CITE,
        ),
    ] == eligibility(decision)
    assert Outcome.NOT_ELIGIBLE == decision.outcome


MOSTLY = Cohort(
    "mostly",
    "Children and young people",
    CITE,
    statuses=frozenset({S.EDGE_OF_CARE}),
    ages=AgeBand(10, 17, predominant=True, approver="the Service Manager"),
)


def test_a_discretion_with_a_predominant_band_leaves_any_age_to_approval() -> None:
    """Audit tests.md R3. A service "predominantly" for ages 10-17 (a description of most
    people served, not a limit: an age outside it needs approval) and an exclusion of
    complex health needs left to the council's discretion. Complex health needs, no
    cohort status, born 6 Jan 2006: 19 on Mon 6 Jan 2025. The discretion reaches the
    statuses; the band is not a hard age limit, so there is no "outside every cohort's
    ages" refusal: needs approval (no cohort; the exclusion), not "not eligible"."""
    decision = check_referral(
        spec(cohorts=(MOSTLY,), exclusions=(HEALTH,)),
        referral(statuses=frozenset({S.COMPLEX_HEALTH_NEEDS}), born=dt.date(2006, 1, 6)),
    )
    assert 19 == decision.age
    assert [
        ("eligibility.cohort.none", "$.child.statuses"),
        ("eligibility.exclusion.health", "$.child"),
    ] == found(decision)
    assert Outcome.NEEDS_APPROVAL == decision.outcome


def test_who_identified_the_child_is_named_only_when_they_did() -> None:
    """Edge of care at 13: in the cohort, nobody named. A care leaver of 17 whom the
    council identified as eligible: in Edge of care by that identification (its ages
    10-17 hold 17), naming the Early Help team, and in Care leavers by status, naming
    nobody (that cohort names no one who identifies)."""
    plain = check_referral(TWO_COHORTS, referral())
    assert [
        (
            "eligibility.cohort.edge",
            "in cohort 'Edge of care' (ages 10-17; age 13)",
            "$.child",
            CITE,
        )
    ] == eligibility(plain)
    identified = check_referral(
        TWO_COHORTS,
        referral(
            statuses=frozenset({S.CARE_LEAVER}), born=dt.date(2008, 1, 6), identified_eligible=True
        ),
    )
    assert [
        (
            "eligibility.cohort.edge",
            "in cohort 'Edge of care' (ages 10-17; age 17); identified as eligible by the "
            "Early Help team",
            "$.child",
            CITE,
        ),
        (
            "eligibility.cohort.leavers",
            "in cohort 'Care leavers' (ages 16-18; age 17)",
            "$.child",
            CITE_B,
        ),
    ] == eligibility(identified)
    assert Outcome.ELIGIBLE == identified.outcome


def test_outside_a_predominant_band_with_no_approver_is_the_councils_to_agree() -> None:
    """Young carers, predominantly 8-16, naming no approver; a young carer of 18 (born
    6 Jan 2007): needs the council's individual agreement."""
    carers = Cohort(
        "carers",
        "Young carers",
        CITE_B,
        statuses=frozenset({S.YOUNG_CARER}),
        ages=AgeBand(8, 16, predominant=True),
    )
    decision = check_referral(
        spec(cohorts=(carers,)),
        referral(statuses=frozenset({S.YOUNG_CARER}), born=dt.date(2007, 1, 6)),
    )
    assert [
        (
            "eligibility.age.outside-predominant",
            "age 18 is outside the predominantly 8-16 band of 'Young carers': the service may "
            "accept it only on individual agreement with the council",
            "$.child.date_of_birth",
            CITE_B,
        )
    ] == eligibility(decision)
    assert Outcome.NEEDS_APPROVAL == decision.outcome


def test_required_information_for_other_services_and_urgencies_is_passed_over() -> None:
    """Three items, in this order: one for the pilot service, one for urgent referrals,
    one for every referral (a date of birth, cited from clause 3.1). A standard homecare
    referral with no date of birth is asked for the last only, with its citation."""
    council = spec(
        services=(HOMECARE, Service("pilot", "Pilot", "p", CITE)),
        required_information=(
            RequiredInformation("plan", "information.plan", "pilots need a plan", CITE, "pilot"),
            RequiredInformation(
                "history",
                "information.history",
                "urgent cases need it",
                CITE,
                urgency=Urgency.URGENT,
            ),
            RequiredInformation("dob", "child.date_of_birth", "to check the age", CITE_B),
        ),
    )
    decision = check_referral(council, referral(born=None, service="homecare"))
    assert [
        (
            "referral.information.missing",
            "missing child.date_of_birth: to check the age",
            "$.child.date_of_birth",
            CITE_B,
        )
    ] == [(f.code, f.message, f.path, f.citation) for f in decision.findings]


def test_a_route_refusing_a_referrer_names_every_role_and_organisation_it_takes() -> None:
    """A route for social workers and personal advisers of Somerset Council or NHS
    Somerset; a teacher from a school is told both lists, in alphabetical order."""
    route = ReferralRoute(
        "day",
        "Placements Team",
        CITE,
        referrer_roles=frozenset({"social-worker", "personal-adviser"}),
        organisations=frozenset({"Somerset Council", "NHS Somerset"}),
    )
    decision = check_referral(
        spec(routes=(route,)), referral(role="teacher", organisation="A School")
    )
    [finding] = decision.findings
    assert (
        "no referral route accepts this referral (day: referrer role 'teacher' may not use "
        "it (allowed: personal-adviser, social-worker), only NHS Somerset, Somerset Council "
        "may refer)"
    ) == finding.message


def test_ages_outside_every_matching_cohort_name_them_all() -> None:
    """Edge of care and a care leaver, 19 on 6 Jan 2025 (born 6 Jan 2006): both cohorts
    match by status, neither band (10-17, 16-18) holds 19: not eligible, citing the first."""
    decision = check_referral(
        TWO_COHORTS,
        referral(statuses=frozenset({S.EDGE_OF_CARE, S.CARE_LEAVER}), born=dt.date(2006, 1, 6)),
    )
    assert [
        (
            "eligibility.age.outside",
            "age 19 is outside every matching cohort's ages (Edge of care: 10-17; "
            "Care leavers: 16-18)",
            "$.child.date_of_birth",
            CITE,
        )
    ] == eligibility(decision)


def test_offers_and_lists_of_another_service_do_not_apply() -> None:
    """Homecare offers outreach (cited 2.6) on an open list (cited 3.1, no approver
    named); the pilot service offers camping. A homecare referral asking for camping:
    not a homecare offer, so the open homecare list leaves it to the council; asking for
    sailing under a closed homecare list is refused, citing the first homecare offer."""
    offers = (
        Offer("outreach", "Outreach", CITE, "homecare"),
        Offer("camping", "Camping", CITE_B, "pilot"),
    )
    services = (HOMECARE, Service("pilot", "Pilot", "p", CITE))
    open_list = spec(
        services=services,
        offers=offers,
        offer_lists=(OfferList("homecare-list", CITE_B, service="homecare"),),
    )
    decision = check_referral(
        open_list, referral(service="homecare", requested_services=("camping",))
    )
    assert [
        (
            "referral.requested.unlisted",
            "'camping' is not among the services sample lists (outreach), but the list is "
            'open ("including but not limited to"): needs agreement by the council',
            "$.requested_services[0]",
            CITE_B,
        )
    ] == [(f.code, f.message, f.path, f.citation) for f in decision.findings]
    closed = spec(
        services=services,
        offers=offers,
        offer_lists=(
            OfferList("homecare-list", CITE_B, open=False, service="homecare"),
            OfferList("pilot-list", CITE_B, service="pilot"),
        ),
    )
    refused = check_referral(closed, referral(service="homecare", requested_services=("sailing",)))
    assert [
        (
            "referral.requested.unknown",
            "'sailing' is not a service sample offers here (offers: outreach)",
            "$.requested_services[0]",
            CITE,
        )
    ] == [(f.code, f.message, f.path, f.citation) for f in refused.findings]
    assert Outcome.NOT_ELIGIBLE == refused.outcome


ROUTE_CITE = Citation("sample", "5.1", "referrals through the Placements Team")


def test_route_findings_are_whole_and_refuse_the_referral() -> None:
    """Routes cited 5.1: naming a route that does not exist; naming the day route at
    20:00 on Mon 6 Jan 2025 (out of hours, when only the EDT route is open); and a
    teacher on no named route at 10:00 (each route's reason for refusing whom it does not
    take; the closed EDT route is refused for its team before its hours). Each finding
    whole; each refuses the referral."""
    day = attrs.evolve(IN_HOURS, citation=ROUTE_CITE)
    edt = attrs.evolve(OUT_OF_HOURS, citation=CITE_B)
    council = spec(routes=(day, edt))
    evening = dt.datetime(2025, 1, 6, 20, tzinfo=LONDON)
    cases = [
        (
            referral(route="night"),
            (
                "referral.route.unknown",
                "route 'night' is not a referral route of sample (routes: day, edt)",
                "$.route",
                ROUTE_CITE,
            ),
        ),
        (
            referral(route="day", at=evening),
            (
                "referral.route.in-hours",
                "route 'day' is for referrals in-hours only; at 2025-01-06T20:00:00+00:00 use: edt",
                "$.route",
                ROUTE_CITE,
            ),
        ),
        (
            referral(role="teacher"),
            (
                "referral.referrer.not-permitted",
                "no referral route accepts this referral (day: referrer role 'teacher' may "
                "not use it (allowed: social-worker); edt: only the teams EDT, Emergency Duty "
                "Team may use it (no team given))",
                "$.referrer",
                ROUTE_CITE,
            ),
        ),
    ]
    for given, expected in cases:
        decision = check_referral(council, given)
        assert [expected] == [(f.code, f.message, f.path, f.citation) for f in decision.findings]
        assert Outcome.NOT_ELIGIBLE == decision.outcome


# ------------------------------------------------ the council's local date, and ages needed
NEW_YORK = CalendarSpec(id="office", name="Office hours", timezone="America/New_York")
CHILDREN = Cohort(
    "children", "Children", CITE, statuses=frozenset({S.EDGE_OF_CARE}), ages=AgeBand(0, 17)
)
# 03:00 UTC on Thu 2 Jan 2025: 2 January in London, still 22:00 on 1 January in New York.
LATE_NIGHT = dt.datetime(2025, 1, 2, 3, tzinfo=dt.UTC)


def test_ages_are_taken_on_the_councils_local_date() -> None:
    """A council whose calendars keep New York time: a child born 2 Jan 2012 is still 12
    there when the referral arrives (1 January locally), though it is her 13th birthday
    in London. With no calendar, the date is London's: 13."""
    born = dt.date(2012, 1, 2)
    overseas = spec(calendars=(NEW_YORK,), cohorts=(CHILDREN,))
    assert 12 == check_referral(overseas, referral(at=LATE_NIGHT, born=born)).age
    at_home = spec(calendars=(), cohorts=(CHILDREN,))
    assert 13 == check_referral(at_home, referral(at=LATE_NIGHT, born=born)).age


def test_a_birth_after_the_councils_local_date_is_incomplete() -> None:
    """Born 2 Jan 2025, received at 03:00 UTC that day: accepted as a referral (London's
    date is the 2nd) but, for a council on New York time, the birth is after the day it
    arrived (the 1st there): the date of birth is questioned and no age is taken."""
    council = spec(calendars=(NEW_YORK,), cohorts=(CHILDREN,))
    decision = check_referral(council, referral(at=LATE_NIGHT, born=dt.date(2025, 1, 2)))
    assert [
        (
            "eligibility.age.future-birth",
            "date of birth is after the referral",
            "$.child.date_of_birth",
            None,
        )
    ] == eligibility(decision)
    assert (None, Outcome.INCOMPLETE) == (decision.age, decision.outcome)


def test_an_age_limited_exclusion_alone_needs_a_date_of_birth() -> None:
    """Anyone of any age may be referred, but people aged 18 or more are excluded: with no
    date of birth the referral is incomplete, citing the cohort."""
    council = spec(
        cohorts=(Cohort("anyone", "Anyone", CITE_B),),
        exclusions=(Exclusion("adults", "adults", CITE, minimum_age=18),),
    )
    decision = check_referral(council, referral(born=None))
    assert [
        (
            "eligibility.age.unknown",
            "date of birth is needed to check the age limits",
            "$.child.date_of_birth",
            CITE_B,
        )
    ] == [(f.code, f.message, f.path, f.citation) for f in decision.findings]
    assert Outcome.INCOMPLETE == decision.outcome


def test_limits_whole_with_no_margin_reading_or_approver() -> None:
    """A pilot-only limit comes first and does not apply to homecare. Homecare's distance
    limit (20 miles, cited 3.1): with no margin, 21 miles is simply beyond it; with a
    2-mile margin and no approver or reading, 21 is near and the council reviews it; a
    distance given as words cannot be read and is asked for."""
    services = (HOMECARE, Service("pilot", "Pilot", "p", CITE))
    pilot = Limit(
        "pilot-hours", "pilot hours", "information.hours", Decimal(1), CITE, service="pilot"
    )

    def distance(margin: int, field: str = "distance_miles") -> CouncilSpec:
        limit = Limit(
            "distance", "distance", field, Decimal(20), CITE_B, Decimal(margin), unit="miles"
        )
        return spec(services=services, limits=(pilot, limit))

    def whole(council: CouncilSpec, **kw: object) -> list[tuple[str, str, str, Citation | None]]:
        decision = check_referral(council, referral(service="homecare", **kw))  # type: ignore[arg-type]
        return [(f.code, f.message, f.path, f.citation) for f in decision.findings]

    assert [
        (
            "eligibility.limit.distance",
            "distance: 21 miles is beyond the limit of 20",
            "$.distance_miles",
            CITE_B,
        )
    ] == whole(distance(0), distance_miles=Decimal(21))
    assert [
        (
            "eligibility.limit.distance.review",
            "distance: 21 miles is outside, but near, the limit of 20; needs individual review "
            "by the council",
            "$.distance_miles",
            CITE_B,
        )
    ] == whole(distance(2), distance_miles=Decimal(21))
    assert [
        (
            "eligibility.limit.distance",
            "distance: 23 miles is beyond the limit of 20 and beyond the 2 miles margin of "
            "individual review",
            "$.distance_miles",
            CITE_B,
        )
    ] == whole(distance(2), distance_miles=Decimal(23))
    assert [
        (
            "eligibility.limit.distance.missing",
            "information.miles is needed to check distance",
            "$.information.miles",
            CITE_B,
        )
    ] == whole(distance(0, "information.miles"), information={"miles": "far"})


def test_areas_whole_with_no_approver() -> None:
    """A pilot-only area rule comes first and does not apply. Homecare serves Stoke
    (cited 3.1), other areas by approval with no approver named: the council's."""
    services = (HOMECARE, Service("pilot", "Pilot", "p", CITE))
    council = spec(
        services=services,
        area_rules=(
            AreaRule("pilot-area", frozenset({"Leek"}), CITE, service="pilot"),
            AreaRule("county", frozenset({"Stoke"}), CITE_B, effect=Effect.NEEDS_APPROVAL),
        ),
    )
    leek = check_referral(council, referral(service="homecare", area="Leek"))
    assert [
        (
            "eligibility.area.county",
            "area 'Leek' is not one the service serves (Stoke); needs approval by the council",
            "$.child.area",
            CITE_B,
        )
    ] == [(f.code, f.message, f.path, f.citation) for f in leek.findings]
    unknown = check_referral(council, referral(service="homecare"))
    assert [
        (
            "eligibility.area.county.missing",
            "child.area is needed to check the areas served (Stoke)",
            "$.child.area",
            CITE_B,
        )
    ] == [(f.code, f.message, f.path, f.citation) for f in unknown.findings]


def test_an_unknown_service_names_every_service_or_none() -> None:
    two = spec(services=(HOMECARE, Service("pilot", "Pilot", "p", CITE)))
    [finding] = check_referral(two, referral(service="respite")).findings
    assert (
        "referral.service.unknown",
        "sample has no service 'respite' (services: homecare, pilot)",
        CITE,
    ) == (finding.code, finding.message, finding.citation)
    [finding] = check_referral(spec(services=()), referral(service="respite")).findings
    assert "sample has no service 'respite' (services: none)" == finding.message


def test_an_exclusion_without_cohorts_and_a_plain_exclusion_in_words() -> None:
    """No cohorts, an exclusion of people aged 18 or more (not eligible, no approval): no
    date of birth asks for one, citing nothing (no cohort to cite); at 19 the exclusion
    says only what it excludes."""
    council = spec(exclusions=(Exclusion("adults", "adults", CITE_B, minimum_age=18),))
    unknown = check_referral(council, referral(born=None))
    assert [
        (
            "eligibility.age.unknown",
            "date of birth is needed to check the age limits",
            "$.child.date_of_birth",
            None,
        )
    ] == eligibility(unknown)
    adult = check_referral(council, referral(born=dt.date(2006, 1, 6)))
    assert [("eligibility.exclusion.adults", "excluded: adults", "$.child", CITE_B)] == (
        eligibility(adult)
    )
    assert Outcome.NOT_ELIGIBLE == adult.outcome


def test_a_decision_names_its_council_and_referral_and_starts_its_services_deadlines() -> None:
    """Two services, each with a 24-hour answer rule (pilot first): a homecare referral
    received Mon 6 Jan 2025 10:00 starts homecare's only, due Tue 7 Jan 10:00. With no
    service named, the referral is asked which (citing the council's specification)."""

    def answer(service: str) -> DeadlineRule:
        return DeadlineRule(
            id=f"{service}-answer",
            title="Answer",
            trigger="referral-received",
            duration=Duration(DurationKind.CLOCK_HOURS, 24),
            citation=CITE,
            service=service,
        )

    council = spec(
        services=(HOMECARE, Service("pilot", "Pilot", "p", CITE)),
        deadlines=(answer("pilot"), answer("homecare")),
    )
    decision = check_referral(council, referral(service="homecare"))
    assert ("sample", "R-1", "homecare") == (
        decision.council,
        decision.referral_id,
        decision.service,
    )
    assert [("homecare-answer", dt.datetime(2025, 1, 7, 10, tzinfo=LONDON))] == [
        (d.rule_id, d.due_at) for d in decision.deadlines
    ]
    unnamed = check_referral(council, referral())
    assert [
        (
            "referral.service.missing",
            "say which service the referral is for (homecare, pilot)",
            "$.service",
            CITE,
        )
    ] == [(f.code, f.message, f.path, f.citation) for f in unnamed.findings]
    assert () == unnamed.deadlines


def test_a_closed_route_names_every_route_open_instead() -> None:
    """At 20:00 on Mon 6 Jan 2025 the day route is closed; two out-of-hours routes are
    open, and both are named."""
    council = spec(routes=(IN_HOURS, OUT_OF_HOURS, attrs.evolve(OUT_OF_HOURS, id="police")))
    evening = dt.datetime(2025, 1, 6, 20, tzinfo=LONDON)
    decision = check_referral(council, referral(route="day", at=evening))
    assert [
        "route 'day' is for referrals in-hours only; at 2025-01-06T20:00:00+00:00 use: edt, police"
    ] == [f.message for f in decision.findings]
