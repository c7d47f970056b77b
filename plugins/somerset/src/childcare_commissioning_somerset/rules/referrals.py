"""Somerset's cohorts, the looked after definition, districts, exclusions and referral routes."""

from __future__ import annotations

from childcare_commissioning.eligibility import AgeBand, AreaRule, Cohort, Effect, Exclusion
from childcare_commissioning.model import Channel, Status
from childcare_commissioning.referrals import ReferralRoute, RouteTime
from childcare_commissioning.statuses import StatusDefinition
from childcare_commissioning_somerset._cite import cite

__all__ = [
    "AREA_RULES",
    "COHORTS",
    "DISTRICTS",
    "EDT_TEAMS",
    "EXCLUSIONS",
    "LOOKED_AFTER_DEFINITION",
    "PLACEMENTS_TEAMS",
    "PREDOMINANT",
    "ROUTES",
]

OVERVIEW = "2.1 Overview"
ACCESS = "2.6 Service Access and Availability"
PREDOMINANT = AgeBand(
    10, 17, predominant=True, approver="the Placements Team (in hours) or EDT (out of hours)"
)
COHORTS = (
    Cohort(
        "edge-of-care",
        "Children and young people on the edge of care",
        cite(OVERVIEW, "It is required for children and young people on the edge of care"),
        statuses=frozenset(
            {Status.EDGE_OF_CARE, Status.CHILD_IN_NEED, Status.CHILD_PROTECTION, Status.HOMELESS}
        ),
        ages=PREDOMINANT,
        notes="2.3 lists the groups at risk of care, among them '16 and 17 year olds (in "
        "particular) presenting as homeless': a homeless child is at risk of care (see the "
        "reading 'at-risk-groups').",
    ),
    Cohort(
        "in-care",
        "Children in care whose placements are unstable",
        cite(
            "1.1 Introduction",
            "those in care, whose placements are unstable and require some additional support",
        ),
        statuses=frozenset({Status.LOOKED_AFTER}),
        ages=PREDOMINANT,
        notes="Whether a placement is unstable is the referring social worker's judgement: "
        "it is not checked (see the reading 'unstable-placements').",
    ),
    Cohort(
        "disabilities-at-home",
        "Children with disabilities (notably autism) supported to remain at home",
        cite(OVERVIEW, "those who have disabilities and need support in order to remain at home"),
        statuses=frozenset({Status.DISABLED}),
        ages=PREDOMINANT,
        notes="A child with disabilities: a special educational need (status send) is not "
        "necessarily a disability, so send alone does not admit a child to this strand "
        "(reading 'send-not-disability'); a child who has both is admitted as disabled.",
    ),
)
#: 1.4: "Under the Children Act (1989), a child is legally defined as 'looked after' by a
#: local authority if he or she: is provided with accommodation for a continuous period for
#: more than 24 hours; is subject to a care order; or is subject to a placement order".
#: Applied to a care history where one is given (reading 'looked-after-history').
LOOKED_AFTER_DEFINITION = StatusDefinition(
    "looked-after",
    Status.LOOKED_AFTER,
    cite(
        "1.4 Local Context",
        "Under the Children Act (1989), a child is legally defined as \u2018looked after\u2019 by a local authority if he or she:",
    ),
    minimum_days=1,
    on_the_day=True,
    readings=("looked-after-history",),
    notes="Looked after on the day of the referral: a care episode (a whole day or more) "
    "covers it. A care episode, from an SSDA903 return or given by hand, is a period the "
    "child was looked after in the Act's sense (accommodated more than 24 hours, or under a "
    "care or placement order): the legal status is not re-tested.",
)
#: The five District and Borough Council areas (Glossary), the ids of SPEC.areas.
DISTRICTS = frozenset({"mendip", "sedgemoor", "south-somerset", "taunton", "west-somerset"})
AREA_RULES = (
    AreaRule(
        "somerset-county",
        DISTRICTS,
        cite("2.5 Geographical coverage", "This is a Somerset county-wide service"),
        effect=Effect.NEEDS_APPROVAL,
        approver="the Placements Team",
        notes="A child outside the five districts needs the Placements Team's agreement: the "
        "service is county-wide, but the text does not exclude a Somerset child placed out of "
        "county (see the reading 'out-of-county').",
    ),
)
EXCLUSIONS = (
    Exclusion(
        "aged-26-and-over",
        "people aged 26 and over",
        cite("2.7 Out of Scope User Groups", "People aged 26 and over."),
        minimum_age=26,
    ),
    Exclusion(
        "complex-health-needs",
        "children and young people with complex health needs",
        cite(
            OVERVIEW, "This does not include children and young people with complex health needs."
        ),
        statuses=frozenset({Status.COMPLEX_HEALTH_NEEDS}),
    ),
)
_ROUTE_CITE = cite(
    ACCESS,
    "All support requests will come from the Placements Team, unless out of hours, when requests will come from EDT.",
)
_ROLES = frozenset({"social-worker"})
#: The text's own abbreviation (Glossary: "SCC  Somerset County Council.") names the same
#: organisation (see the reading 'scc').
_SCC = frozenset({"Somerset County Council", "SCC"})
#: The names the text gives the Placements Team (Glossary "Children's Social Care Placements
#: Team", 1.1 and 2.6 e "the Placements Team"), with SCC's. In hours, requests come from it.
PLACEMENTS_TEAMS = frozenset(
    {
        "Placements Team",
        "Children's Social Care Placements Team",
        "Children\u2019s Social Care Placements Team",
        "SCC Placements Team",
    }
)
#: The names the text gives the Emergency Duty Team (Glossary "EDT  Emergency Duty Team",
#: 2.6 e "EDT"), with SCC's. Out of hours, requests come from it.
EDT_TEAMS = frozenset({"EDT", "Emergency Duty Team", "SCC EDT", "SCC Emergency Duty Team"})
ROUTES = (
    ReferralRoute(
        "placements-team",
        "Somerset County Council Placements Team (working hours), via the Lot 5 portal",
        _ROUTE_CITE,
        referrer_roles=_ROLES,
        organisations=_SCC,
        teams=PLACEMENTS_TEAMS,
        channels=frozenset({Channel.PORTAL}),
        when=RouteTime.IN_HOURS,
        calendar="somerset-working-hours",
        notes="Referrals are made via the Homecare Framework Lot 5 (Proactis); only SCC social "
        "workers refer; no self-referral. In working hours requests come from the Placements "
        "Team: the referrer gives that team.",
    ),
    ReferralRoute(
        "emergency-duty-team",
        "Emergency Duty Team (out of working hours), via the Lot 5 portal",
        _ROUTE_CITE,
        referrer_roles=_ROLES | {"emergency-duty-team-worker"},
        organisations=_SCC,
        teams=EDT_TEAMS,
        channels=frozenset({Channel.PORTAL}),
        when=RouteTime.OUT_OF_HOURS,
        calendar="somerset-working-hours",
        notes="Out of working hours requests come from EDT: the referrer gives that team.",
    ),
)
