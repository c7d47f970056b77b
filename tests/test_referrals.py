"""Referral checks: routes, required information, ages, exclusions, limits, deadlines.

The council below is built in the test from rule kinds the five texts use, each citing the
text it imitates; the council plugins test their own real rules.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import attrs
import pytest

from childcare_commissioning import Citation, CouncilSpec, Specification
from childcare_commissioning.calendars import WEEKDAYS, CalendarSpec, OpeningHours, TimeWindow
from childcare_commissioning.deadlines import DeadlineRule
from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.eligibility import AgeBand, Cohort, Effect, Exclusion, Limit, age_on
from childcare_commissioning.model import (
    ChildOrYoungPerson,
    Referral,
    Referrer,
    Service,
    Status,
    Urgency,
)
from childcare_commissioning.redaction import redact
from childcare_commissioning.referrals import (
    Outcome,
    ReferralRoute,
    RequiredInformation,
    RouteTime,
    check_referral,
)

LONDON = ZoneInfo("Europe/London")
S = Status


def cite(spec: str, clause: str, quote: str) -> Citation:
    return Citation(spec, clause, quote)


OFFICE = CalendarSpec(
    id="office-hours",
    name="Office hours",
    hours=(OpeningHours(WEEKDAYS, (TimeWindow(dt.time(9), dt.time(17)),)),),
)
ROUTE_CITE = cite("somerset", "Referring Agencies", "through the Placements Team")
SPEC = CouncilSpec(
    id="sample",
    name="Sample council",
    specification=Specification("Sample", "1", dt.date(2018, 1, 1)),
    citation=cite("somerset", "1", "crisis intervention and homecare support"),
    services=(
        Service("homecare", "Homecare", "Crisis support", cite("somerset", "1", "homecare")),
        Service("pilot", "Pilot", "Foster carers", cite("stoke", "2.1.2", "pilot")),
        Service(
            "leaving-care", "Leaving care", "Care leavers", cite("derby", "3.2.2", "care leavers")
        ),
    ),
    calendars=(OFFICE,),
    routes=(
        ReferralRoute(
            id="placements-team",
            name="Placements Team",
            citation=ROUTE_CITE,
            referrer_roles=frozenset({"social-worker"}),
            when=RouteTime.IN_HOURS,
            calendar="office-hours",
            service="homecare",
        ),
        ReferralRoute(
            id="emergency-duty-team",
            name="Emergency Duty Team",
            citation=ROUTE_CITE,
            referrer_roles=frozenset({"social-worker"}),
            when=RouteTime.OUT_OF_HOURS,
            calendar="office-hours",
            service="homecare",
        ),
    ),
    required_information=(
        RequiredInformation(
            "dob",
            "child.date_of_birth",
            "ages decide eligibility",
            cite("stoke", "2.3", "date of birth"),
        ),
        RequiredInformation(
            "risks",
            "information.safeguarding_risks",
            "safeguarding risks must be known",
            cite("stoke", "2.3", "safeguarding risks"),
            service="pilot",
        ),
    ),
    cohorts=(
        Cohort(
            "edge-of-care",
            "Edge of care, in care, or disabled",
            cite("somerset", "2.3", "predominantly aged between 10-17 years"),
            statuses=frozenset({S.EDGE_OF_CARE, S.LOOKED_AFTER, S.DISABLED}),
            ages=AgeBand(10, 17, predominant=True, approver="the Placements Team"),
            service="homecare",
        ),
        Cohort(
            "care-leavers",
            "Care leavers",
            cite("derby", "3.2.2", "care leavers up to 21"),
            statuses=frozenset({S.CARE_LEAVER}),
            ages=AgeBand(16, 21),
            service="leaving-care",
        ),
        Cohort(
            "care-leavers-in-education",
            "Care leavers in education or training",
            cite("derby", "3.2.2", "up to 25 if in education or training"),
            statuses=frozenset({S.IN_EDUCATION, S.IN_TRAINING}),
            required_statuses=frozenset({S.CARE_LEAVER}),
            ages=AgeBand(16, 25),
            service="leaving-care",
        ),
        Cohort(
            "foster-carers",
            "Children with in-house foster carers",
            cite("stoke", "2.1.2", "in-house foster carers"),
            statuses=frozenset({S.LOOKED_AFTER}),
            ages=AgeBand(None, 17),
            service="pilot",
        ),
    ),
    exclusions=(
        Exclusion(
            "aged-26-and-over",
            "people aged 26 and over",
            cite("somerset", "Exclusions", "People aged 26 and over."),
            minimum_age=26,
            service="homecare",
        ),
        Exclusion(
            "complex-health",
            "complex health needs",
            cite("somerset", "2.3", "not complex health needs"),
            statuses=frozenset({S.COMPLEX_HEALTH_NEEDS}),
            effect=Effect.NEEDS_APPROVAL,
            approver="the Strategic Manager",
            service="homecare",
        ),
    ),
    limits=(
        Limit(
            "distance",
            "distance from Stoke-on-Trent",
            "distance_miles",
            Decimal(20),
            cite("stoke", "2.1.2", "within a 20 mile radius"),
            review_margin=Decimal(2),
            approver="the Strategic Manager",
            unit="miles",
            service="pilot",
        ),
    ),
    deadlines=(
        DeadlineRule(
            id="urgent-plans",
            title="Risk assessment and plans agreed",
            trigger="referral-received",
            duration=Duration(DurationKind.CLOCK_HOURS, 72),
            citation=cite("somerset", "4 II", "agreed with the referrer within 72hrs"),
            urgency=Urgency.URGENT,
        ),
        DeadlineRule(
            id="standard-offer",
            title="Offer",
            trigger="referral-received",
            duration=Duration(DurationKind.CLOCK_HOURS, 24),
            citation=cite("derby", "3.3.1", "within 24 hours for a standard referral"),
            urgency=Urgency.STANDARD,
        ),
    ),
)


def referral(
    *,
    born: dt.date | None = dt.date(2010, 6, 1),
    statuses: frozenset[Status] = frozenset({S.EDGE_OF_CARE}),
    at: dt.datetime = dt.datetime(2025, 1, 6, 10, 0, tzinfo=LONDON),  # Monday
    route: str | None = "placements-team",
    role: str = "social-worker",
    service: str = "homecare",
    urgency: Urgency = Urgency.URGENT,
    distance: Decimal | None = None,
    information: dict[str, str] | None = None,
) -> Referral:
    return Referral(
        id="R-1",
        received_at=at,
        urgency=urgency,
        referrer=Referrer(role),
        child=ChildOrYoungPerson(
            "YP-1", date_of_birth=born, name="Private Name", statuses=statuses
        ),
        service=service,
        route=route,
        distance_miles=distance,
        information=information or {},
    )


def born_years_before(years: int, on: dt.date = dt.date(2025, 1, 6)) -> dt.date:
    return on.replace(year=on.year - years)


def codes(decision: object) -> list[str]:
    return [f.code for f in decision.findings]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (9, Outcome.NEEDS_APPROVAL),  # below "predominantly 10-17"
        (10, Outcome.ELIGIBLE),
        (17, Outcome.ELIGIBLE),
        (18, Outcome.NEEDS_APPROVAL),  # neither in the band nor excluded
        (25, Outcome.NEEDS_APPROVAL),
        (26, Outcome.NOT_ELIGIBLE),  # "People aged 26 and over" are out of scope
    ],
)
def test_predominant_band_and_hard_exclusion(age: int, expected: Outcome) -> None:
    """Somerset: "predominantly aged between 10-17"; out of scope "aged 26 and over".
    Ages 18-25 are neither: the library says "needs approval", not a silent yes or no."""
    decision = check_referral(SPEC, referral(born=born_years_before(age)))
    assert (expected, age) == (decision.outcome, decision.age)


def _expected_outcome(service: str, age: int) -> Outcome:
    """Worked from SPEC for a looked after care leaver (both statuses) referred in office
    hours by a social worker, 5 miles away, safeguarding risks given:
    homecare: "predominantly 10-17" (approval outside it), excluded from 26;
    leaving-care: care leavers 16-21 (the education cohort needs a status not given);
    pilot: looked after children up to 17 (5 miles is within the 20-mile radius)."""
    if service == "homecare":
        if age >= 26:
            return Outcome.NOT_ELIGIBLE
        return Outcome.ELIGIBLE if 10 <= age <= 17 else Outcome.NEEDS_APPROVAL
    if service == "leaving-care":
        return Outcome.ELIGIBLE if 16 <= age <= 21 else Outcome.NOT_ELIGIBLE
    return Outcome.ELIGIBLE if age <= 17 else Outcome.NOT_ELIGIBLE


def test_every_age_gets_the_answer_its_bands_give() -> None:
    """From birth to 40, each service's answer is the one its age bands and exclusions
    give (see _expected_outcome): a hard band refuses, a predominant band asks for
    approval, the age-26 exclusion refuses homecare."""
    for service in ("homecare", "leaving-care", "pilot"):
        for age in range(41):
            decision = check_referral(
                SPEC,
                referral(
                    born=born_years_before(age),
                    statuses=frozenset({S.CARE_LEAVER, S.LOOKED_AFTER}),
                    service=service,
                    route=None if service != "homecare" else "placements-team",
                    distance=Decimal(5),
                    information={"safeguarding_risks": "none known"},
                ),
            )
            assert (service, age, _expected_outcome(service, age)) == (
                service,
                decision.age,
                decision.outcome,
            )


@pytest.mark.parametrize(
    ("age", "in_education", "expected"),
    [
        (15, False, Outcome.NOT_ELIGIBLE),
        (16, False, Outcome.ELIGIBLE),
        (21, False, Outcome.ELIGIBLE),
        (22, False, Outcome.NOT_ELIGIBLE),
        (22, True, Outcome.ELIGIBLE),
        (25, True, Outcome.ELIGIBLE),
        (26, True, Outcome.NOT_ELIGIBLE),
    ],
)
def test_hard_bands_with_an_education_extension(
    age: int, in_education: bool, expected: Outcome
) -> None:
    """Derby: care leavers up to 21, or up to 25 if in education or training."""
    statuses = {S.CARE_LEAVER} | ({S.IN_EDUCATION} if in_education else set())
    decision = check_referral(
        SPEC,
        referral(
            born=born_years_before(age),
            statuses=frozenset(statuses),
            service="leaving-care",
            route=None,
        ),
    )
    assert expected == decision.outcome


def test_29_february_birthday() -> None:
    """Born 29 Feb 2008 (Family Law Reform Act 1969 s.9). In the common year 2026 there is
    no 29 Feb: 17 on 28 Feb, 18 on 1 Mar. In the leap year 2024 the birthday is 29 Feb
    itself: 15 on 28 Feb, 16 on 29 Feb."""
    born = dt.date(2008, 2, 29)
    assert 17 == age_on(born, dt.date(2026, 2, 28))
    assert 18 == age_on(born, dt.date(2026, 3, 1))
    assert 15 == age_on(born, dt.date(2024, 2, 28))
    assert 16 == age_on(born, dt.date(2024, 2, 29))


def test_out_of_hours_referral_through_the_in_hours_route() -> None:
    """Monday 6 Jan 2025 at 21:40 is out of office hours: the Placements Team route is
    for in-hours referrals; the Emergency Duty Team is the route to use."""
    late = dt.datetime(2025, 1, 6, 21, 40, tzinfo=LONDON)
    decision = check_referral(SPEC, referral(at=late))
    assert Outcome.NOT_ELIGIBLE == decision.outcome
    [finding] = [f for f in decision.findings if f.code.startswith("referral.route")]
    assert "referral.route.in-hours" == finding.code
    assert "emergency-duty-team" in finding.message
    assert ROUTE_CITE == finding.citation
    assert (
        Outcome.ELIGIBLE
        == check_referral(SPEC, referral(at=late, route="emergency-duty-team")).outcome
    )


def test_route_is_chosen_when_not_given() -> None:
    """Without a route, any route open at the time that accepts the referrer will do."""
    assert Outcome.ELIGIBLE == check_referral(SPEC, referral(route=None)).outcome


# --- Routes restricted to teams (issue #22): Somerset 2.6 e "All support requests will
# come from the Placements Team, unless out of hours, when requests will come from EDT". ---

TEAM_ROUTES = (
    ReferralRoute(
        id="placements-team",
        name="Placements Team",
        citation=ROUTE_CITE,
        teams=frozenset({"Placements Team"}),
        when=RouteTime.IN_HOURS,
        calendar="office-hours",
    ),
    ReferralRoute(
        id="emergency-duty-team",
        name="Emergency Duty Team",
        citation=ROUTE_CITE,
        teams=frozenset({"EDT", "Emergency Duty Team"}),
        when=RouteTime.OUT_OF_HOURS,
        calendar="office-hours",
    ),
    ReferralRoute(id="any-team", name="Any team", citation=ROUTE_CITE),
)
TEAM_SPEC = attrs.evolve(SPEC, routes=TEAM_ROUTES)
MONDAY_10 = dt.datetime(2025, 1, 6, 10, 0, tzinfo=LONDON)  # in office hours (09:00-17:00)
MONDAY_2140 = dt.datetime(2025, 1, 6, 21, 40, tzinfo=LONDON)  # out of office hours


def by_team(team: str | None, *, at: dt.datetime = MONDAY_10, route: str | None) -> Referral:
    return attrs.evolve(referral(at=at, route=route), referrer=Referrer("social-worker", team=team))


def route_findings(decision: object) -> list[tuple[str, str]]:
    return [
        (f.code, f.path)
        for f in decision.findings  # type: ignore[attr-defined]
        if f.code.startswith("referral.")
    ]


@pytest.mark.parametrize(
    ("team", "expected"),
    [
        ("Placements Team", Outcome.ELIGIBLE),  # the route's own team
        ("placements TEAM", Outcome.ELIGIBLE),  # case does not matter
        ("  Placements Team ", Outcome.ELIGIBLE),  # nor surrounding spaces
        ("EDT", Outcome.NOT_ELIGIBLE),  # another team
        ("Placements", Outcome.NOT_ELIGIBLE),  # not a name the route gives
        (None, Outcome.NOT_ELIGIBLE),  # no team: the route cannot be shown to be open to it
    ],
)
def test_a_team_route_takes_only_its_teams(team: str | None, expected: Outcome) -> None:
    """The route names the Placements Team: at Monday 10:00 (in hours, so the route is
    open) a referrer of that team is taken, whatever the case of the name; a referrer of
    another team, or one who gives no team, is refused on the team field."""
    decision = check_referral(TEAM_SPEC, by_team(team, route="placements-team"))
    assert expected == decision.outcome
    if expected is Outcome.NOT_ELIGIBLE:
        assert [("referral.referrer.not-permitted", "$.referrer.team")] == route_findings(decision)


def test_a_team_refusal_names_the_route_and_its_teams_but_not_the_referrers_team() -> None:
    """The finding says which route refused and which teams it takes (sorted: "EDT",
    "Emergency Duty Team"), and does not repeat what the referrer wrote."""
    night = by_team("Night Owls Unit", at=MONDAY_2140, route="emergency-duty-team")
    [finding] = [
        f for f in check_referral(TEAM_SPEC, night).findings if f.code.startswith("referral.")
    ]
    assert (
        "route 'emergency-duty-team': only the teams EDT, Emergency Duty Team may use it "
        "(the referrer's team is not one of them)"
    ) == finding.message
    assert "Night Owls" not in finding.message
    assert ROUTE_CITE == finding.citation


@pytest.mark.parametrize("team", ["Placements Team", "EDT", "Taunton locality team", None])
def test_a_route_naming_no_team_takes_any_team(team: str | None) -> None:
    """``teams`` empty means any team, and no team at all."""
    assert Outcome.ELIGIBLE == check_referral(TEAM_SPEC, by_team(team, route="any-team")).outcome


def test_out_of_hours_a_placements_team_referral_naming_no_route_is_sent_to_edt() -> None:
    """Monday 21:40 is out of office hours: of the team routes only the EDT route is open,
    and it does not take the Placements Team, so with no route named (and no catch-all
    route) the referral is refused, the EDT route saying which teams it takes. The same
    referral from EDT is accepted, and at Monday 10:00 the Placements Team's is."""
    spec = attrs.evolve(SPEC, routes=TEAM_ROUTES[:2])
    night = check_referral(spec, by_team("Placements Team", at=MONDAY_2140, route=None))
    assert Outcome.NOT_ELIGIBLE == night.outcome
    [finding] = [f for f in night.findings if f.code.startswith("referral.")]
    assert "referral.referrer.not-permitted" == finding.code
    assert "placements-team: not open at this time" in finding.message
    assert "emergency-duty-team: only the teams EDT, Emergency Duty Team may use it" in (
        finding.message
    )
    assert (
        Outcome.ELIGIBLE
        == check_referral(spec, by_team("emergency duty team", at=MONDAY_2140, route=None)).outcome
    )
    assert Outcome.ELIGIBLE == check_referral(spec, by_team("Placements Team", route=None)).outcome


def test_teams_are_converted_to_a_frozenset() -> None:
    """Teams may be declared as any iterable of names, like organisations."""
    route = ReferralRoute("edt", "EDT", ROUTE_CITE, teams=["EDT", "EDT"])  # type: ignore[arg-type]
    assert frozenset({"EDT"}) == route.teams


def test_self_referral_is_refused() -> None:
    """Somerset: "Service users may not self-refer": only social workers may use a route."""
    decision = check_referral(SPEC, referral(role="young-person"))
    assert Outcome.NOT_ELIGIBLE == decision.outcome
    assert "referral.referrer.not-permitted" in codes(decision)


def test_missing_required_information_is_incomplete() -> None:
    """Stoke 2.3: the pilot referral must state safeguarding risks."""
    decision = check_referral(
        SPEC,
        referral(
            service="pilot", route=None, statuses=frozenset({S.LOOKED_AFTER}), distance=Decimal(3)
        ),
    )
    assert Outcome.INCOMPLETE == decision.outcome
    [finding] = [f for f in decision.findings if f.severity == "error"]
    assert "$.information.safeguarding_risks" == finding.path


@pytest.mark.parametrize(
    ("miles", "expected"),
    [
        ("18.5", Outcome.ELIGIBLE),
        ("20", Outcome.ELIGIBLE),  # "within a 20 mile radius": 20 is inside
        ("20.1", Outcome.NEEDS_APPROVAL),  # "outside, but near to the outer ... limit"
        ("22", Outcome.NEEDS_APPROVAL),  # the declared 2-mile margin, inclusive
        ("22.1", Outcome.NOT_ELIGIBLE),  # beyond the margin of individual review
    ],
)
def test_foster_carer_distance_limit(miles: str, expected: Outcome) -> None:
    """Stoke pilot: carers "within a 20 mile radius, to be reviewed on an individual basis
    should [a] placement fall outside, but near to the outer geographical limit". Review is
    for placements *outside* the radius and near it; the sample declares a 2-mile margin."""
    decision = check_referral(
        SPEC,
        referral(
            service="pilot",
            route=None,
            statuses=frozenset({S.LOOKED_AFTER}),
            distance=Decimal(miles),
            information={"safeguarding_risks": "none known"},
        ),
    )
    assert expected == decision.outcome


def test_three_problems_are_reported_at_once() -> None:
    """Out-of-hours through the in-hours route, no date of birth, and a complex-health
    exclusion: three findings, one decision."""
    decision = check_referral(
        SPEC,
        referral(
            born=None,
            statuses=frozenset({S.EDGE_OF_CARE, S.COMPLEX_HEALTH_NEEDS}),
            at=dt.datetime(2025, 1, 4, 11, 0, tzinfo=LONDON),  # a Saturday
        ),
    )
    assert Outcome.NOT_ELIGIBLE == decision.outcome
    assert {
        "referral.information.missing",
        "referral.route.in-hours",
        "eligibility.age.unknown",
        "eligibility.exclusion.complex-health",
    } == set(codes(decision))


def test_discretion_turns_no_into_needs_approval() -> None:
    """An exclusion with discretion names who must agree."""
    decision = check_referral(
        SPEC, referral(statuses=frozenset({S.EDGE_OF_CARE, S.COMPLEX_HEALTH_NEEDS}))
    )
    assert Outcome.NEEDS_APPROVAL == decision.outcome
    assert any("the Strategic Manager" in f.message for f in decision.findings)


def test_referral_starts_the_deadlines_for_its_urgency() -> None:
    """An urgent referral at 18:00 GMT Friday 28 Mar 2025 starts the 72-hour rule only:
    due 18:00 UTC Monday 31 Mar = 19:00 BST."""
    at = dt.datetime(2025, 3, 28, 18, 0, tzinfo=LONDON)
    decision = check_referral(SPEC, referral(at=at, route="emergency-duty-team"))
    [deadline] = decision.deadlines
    assert "urgent-plans" == deadline.rule_id
    assert dt.datetime(2025, 3, 31, 19, 0, tzinfo=LONDON) == deadline.due_at


def test_unknown_service_and_unknown_route() -> None:
    """Mistyped ids are findings that list the right ones."""
    decision = check_referral(SPEC, referral(service="homecre"))
    assert "homecare" in decision.findings[0].message
    decision = check_referral(SPEC, referral(route="placement-team"))
    assert any("placements-team" in f.message for f in decision.findings)


def test_redaction_removes_personal_data_and_keeps_ids() -> None:
    """The shareable view has no name or date of birth; the caller's referral is intact."""
    original = referral(information={"safeguarding_risks": "details"})
    shared = redact(original)
    assert (None, None) == (shared.child.name, shared.child.date_of_birth)
    assert {} == shared.information
    assert ("R-1", "YP-1") == (shared.id, shared.child.id)
    assert "Private Name" == original.child.name
    assert original.child.statuses == shared.child.statuses


def test_decision_findings_never_contain_personal_data() -> None:
    """Messages describe ages and statuses, never names or dates of birth."""
    decision = check_referral(SPEC, referral(born=dt.date(1990, 1, 1)))
    text = " ".join(f.message for f in decision.findings)
    assert "Private Name" not in text
    assert "1990" not in text


def test_requested_services_must_be_offered() -> None:
    """A referral requesting something the service does not offer is refused, naming the
    offers; one requesting a declared offer is fine."""
    from childcare_commissioning.referrals import Offer

    spec = attrs.evolve(
        SPEC,
        offers=(
            Offer(
                "short-breaks",
                "Short breaks",
                cite("plymouth", "3.1", "short break"),
                service="homecare",
            ),
        ),
    )
    ok = attrs.evolve(referral(), requested_services=("short-breaks",))
    bad = attrs.evolve(referral(), requested_services=("short-breaks", "respite"))
    assert Outcome.ELIGIBLE == check_referral(spec, ok).outcome
    decision = check_referral(spec, bad)
    [finding] = [f for f in decision.findings if f.code == "referral.requested.unknown"]
    assert ("$.requested_services[1]", True) == (finding.path, "short-breaks" in finding.message)


def test_required_information_alternatives() -> None:
    """ "The name and contact details of the person referring": a phone or an email will do."""
    spec = attrs.evolve(
        SPEC,
        required_information=(
            RequiredInformation(
                "contact",
                "referrer.phone|referrer.email",
                "contact details",
                cite("stoke", "2.3", "contact details of the person referring"),
            ),
        ),
    )
    bare = referral()
    with_email = attrs.evolve(bare, referrer=Referrer("social-worker", email="sw@example.org"))
    assert "referral.information.missing" in codes(check_referral(spec, bare))
    assert "referral.information.missing" not in codes(check_referral(spec, with_email))
    [finding] = [f for f in check_referral(spec, bare).findings if f.severity == "error"]
    assert "missing referrer.phone or referrer.email" in finding.message
