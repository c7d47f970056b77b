"""Derby's lots and categories, offers, cohorts, referral routes and the information a referral carries."""

from __future__ import annotations

from childcare_commissioning.eligibility import AgeBand, Cohort
from childcare_commissioning.model import Status, Urgency
from childcare_commissioning.referrals import Offer, ReferralRoute, RequiredInformation
from childcare_commissioning_derby._cite import cite

__all__ = [
    "CATEGORIES",
    "COHORTS",
    "OFFERS",
    "REQUIRED_INFORMATION",
    "ROUTES",
    "SERVICES_LOTS",
    "SIXTEEN_SEVENTEEN",
]


INTRO = "3.1.1 Introduction and Aim"
ACCESS = "3.3.1 Accessing the Service"
SIXTEEN_SEVENTEEN = AgeBand(16, 17)
#: category -> (lot, name)
CATEGORIES = {
    "1.1": ("lot-1", "Emergency provisions (short-term)"),
    "1.2": ("lot-1", "Transition provision from Foster and Residential"),
    "1.3": ("lot-1", "Independence and move on (inclusive of outreach support)"),
    "2.1": ("lot-2", "Emergency provision (short stay 1-7 nights)"),
    "2.2": ("lot-2", "Short-term provisions with support hours"),
    "2.3": ("lot-2", "Accommodation only up until 18 years without support hours"),
}

SERVICES_LOTS = {
    "lot-1": (
        "Lot 1 - Children in Care and Care leavers",
        cite("3.2.4 Lots Overview", "Lot 1 - Children in Care and Care leavers"),
    ),
    "lot-2": (
        "Lot 2 Children in Need / Young Homeless 16 & 17 years",
        cite("3.2.4 Lots Overview", "Lot 2 Children in Need / Young Homeless 16 & 17 years"),
    ),
}
OFFERS = tuple(
    Offer(
        f"category-{number.replace('.', '-')}",
        f"Category {number}: {name}",
        cite("3.2.4 Lots Overview", name),
        service=lot,
    )
    for number, (lot, name) in CATEGORIES.items()
)
COHORTS = (
    Cohort(
        "care-leavers",
        "Care leavers up to 21",
        cite(INTRO, "Derby City Care Leavers up to 21 years"),
        statuses=frozenset({Status.CARE_LEAVER}),
        ages=AgeBand(16, 21),
        service="lot-1",
    ),
    Cohort(
        "care-leavers-in-education",
        "Care leavers up to 25 in education or training",
        cite(INTRO, "up to 25 years if still in education or training"),
        statuses=frozenset({Status.IN_EDUCATION, Status.IN_TRAINING}),
        required_statuses=frozenset({Status.CARE_LEAVER}),
        ages=AgeBand(16, 25),
        service="lot-1",
    ),
    Cohort(
        "looked-after-leaving-care",
        "Looked after children leaving foster and residential care, 16-18",
        cite(INTRO, "Looked After Children leaving foster and residential care 16–18 years"),
        statuses=frozenset({Status.LOOKED_AFTER}),
        ages=SIXTEEN_SEVENTEEN,
        service="lot-1",
        notes="16-18 read as 16 and 17 (see '16-18').",
    ),
    Cohort(
        "at-risk-16-17",
        "16-17 year olds at risk of homelessness who are children in need or in care",
        cite(
            "3.2.2 Service Users/Young People",
            "This specification also includes young adults aged 16-18 years who are or at risk of homelessness",
        ),
        statuses=frozenset({Status.CHILD_IN_NEED, Status.LOOKED_AFTER}),
        required_statuses=frozenset({Status.AT_RISK_OF_HOMELESSNESS}),
        ages=SIXTEEN_SEVENTEEN,
        service="lot-2",
        notes="At risk of homelessness counts as homelessness does for Lot 2 (see "
        "'at-risk-of-homelessness').",
    ),
    Cohort(
        "homeless-16-17",
        "Homeless 16-17 year olds who become children in need or in care",
        cite(
            INTRO, "homeless young people 16-17 years who become children in need/children in care"
        ),
        statuses=frozenset({Status.CHILD_IN_NEED, Status.LOOKED_AFTER}),
        required_statuses=frozenset({Status.HOMELESS}),
        ages=SIXTEEN_SEVENTEEN,
        service="lot-2",
    ),
)
ROUTES = (
    ReferralRoute(
        "derby-teams",
        "Derby City Council teams and lead professionals (by work package tender)",
        cite(
            ACCESS,
            "Each young person's individual needs will be identified through an assessment, carried out by Derby City Council Leaving Care team",
        ),
        referrer_roles=frozenset(
            {
                "leaving-care-team",
                "children-in-care-team",
                "housing-options",
                "reception-team",
                "youth-offending-service",
                "lead-professional",
                "social-worker",
            }
        ),
        notes="The Council's Emergency Careline arranges out of hours placements.",
    ),
)
_PACK = cite(
    ACCESS,
    "provide a copy of the Pathway plan (with personal identification details removed) and indicative budget to providers",
)
_EMERGENCY = cite(
    "3.3.5 Emergency Provision Timescales and Processes",
    "In such emergency situations the minimum assessment and pathway plan (if care leaver) will be shared.",
)
#: The referral pack (reading 'referral-pack'): a redacted Pathway plan where there is one
#: (Lot 1: care leavers and looked after young people) and the indicative budget the bids
#: are made against, for standard and urgent referrals; in an emergency the minimum
#: assessment, and the Pathway plan for a care leaver (Lot 1).
REQUIRED_INFORMATION = (
    *(
        RequiredInformation(
            f"{item}-{urgency.value}",
            f"information.{key}",
            reason,
            _PACK,
            service=service,
            urgency=urgency,
        )
        for urgency in (Urgency.STANDARD, Urgency.URGENT)
        for item, key, reason, service in (
            (
                "pathway-plan",
                "pathway_plan",
                "a copy of the Pathway plan with personal identification details removed",
                "lot-1",
            ),
            (
                "indicative-budget",
                "indicative_budget",
                "the indicative budget providers bid against",
                None,
            ),
        )
    ),
    RequiredInformation(
        "minimum-assessment-emergency",
        "information.minimum_assessment",
        "the minimum assessment shared in an emergency",
        _EMERGENCY,
        urgency=Urgency.EMERGENCY,
    ),
    RequiredInformation(
        "pathway-plan-emergency",
        "information.pathway_plan",
        "the Pathway plan of a care leaver, shared in an emergency",
        _EMERGENCY,
        service="lot-1",
        urgency=Urgency.EMERGENCY,
    ),
)
