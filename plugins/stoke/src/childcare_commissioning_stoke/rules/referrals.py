"""Stoke's cohorts, exclusions, limits, referral routes and the information a referral carries."""

from __future__ import annotations

from decimal import Decimal

from childcare_commissioning.eligibility import AgeBand, Cohort, Effect, Exclusion, Limit
from childcare_commissioning.model import Status
from childcare_commissioning.referrals import ReferralRoute, RequiredInformation
from childcare_commissioning_stoke._cite import cite

__all__ = ["COHORTS", "EXCLUSIONS", "LIMITS", "REQUIRED", "ROUTES", "UP_TO_18"]

UP_TO_18 = AgeBand(None, 17)
PATHWAYS = "2.3 Referral Pathways and Acceptance Criteria"
COHORTS = (
    Cohort(
        "small-group-home-residents",
        "Children and young people up to 18 resident in the Council's Small Group Homes",
        cite(
            "2.1.1 Core service",
            "Children and young people up to the age of 18 who are resident in the LA's Small Group Homes.",
        ),
        required_statuses=frozenset({Status.LOOKED_AFTER, Status.LA_RESIDENTIAL_HOME}),
        ages=UP_TO_18,
        service="core",
        notes="Resident in one of the Council's own homes (status 'la-residential-home'); "
        "an external residential placement ('residential-care' alone) is not in the cohort "
        "(reading 'small-group-home-residence').",
    ),
    Cohort(
        "in-house-foster-care",
        "Looked after by Stoke-on-Trent, up to 18 (the pilot; the placement is checked by the exclusion)",
        cite(
            PATHWAYS,
            "Children and young people aged up to 18 years who are looked after by Stoke –on-Trent LA",
        ),
        required_statuses=frozenset({Status.LOOKED_AFTER}),
        ages=UP_TO_18,
        service="pilot",
        notes="The cohort is every looked after child under 18; the placement condition is "
        "carried by the exclusion 'not-with-in-house-foster-carers' (its 'resident with "
        "in-house foster carers' is not claimed for a child placed elsewhere: second audit "
        "12), so a child with other "
        "carers comes out 'needs approval' by the Strategic Manager for Looked after "
        "Children (reading 'pilot-discretion'). Declared this way, not with the placement "
        "statuses, so that the age limit still applies to a child at the discretion: the "
        "core's 'discretion outranks no cohort' does not look at ages, and would leave an "
        "18-year-old with agency carers to the Strategic Manager.",
    ),
)
EXCLUSIONS = (
    Exclusion(
        "not-with-in-house-foster-carers",
        "looked after children not in the care of Stoke-on-Trent in-house foster carers",
        cite(
            PATHWAYS,
            "Looked after children who are not in the care of Stoke-on-Trent in-house foster carers, unless agreed at the discretion of the Strategic Manager for Looked after Children.",
        ),
        statuses=frozenset({Status.LOOKED_AFTER}),
        unless_statuses=frozenset({Status.IN_HOUSE_FOSTER_CARE, Status.KINSHIP_CARE}),
        effect=Effect.NEEDS_APPROVAL,
        approver="the Strategic Manager for Looked after Children",
        service="pilot",
    ),
)
LIMITS = (
    Limit(
        "radius",
        "distance of the foster carers' home from Stoke-on-Trent",
        "distance_miles",
        Decimal(20),
        cite(
            "2.1.2 Pilot",
            "within a 20 mile radius of Stoke-on-Trent, to be reviewed on an individual basis should an otherwise eligible child or young person's placement fall outside, but near to the outer geographical limit",
        ),
        review_margin=Decimal(2),
        approver="the Strategic Manager for Looked after Children",
        unit="miles",
        service="pilot",
        reading="near-the-limit",
        notes="Up to 20 miles eligible; beyond 20 and up to 22 miles 'near to the outer "
        "geographical limit', reviewed individually (needs approval); beyond 22 miles not "
        "eligible (reading 'near-the-limit').",
    ),
)
ROUTES = (
    ReferralRoute(
        "pilot-social-worker",
        "The child's social worker, with the foster carers' supervising social worker",
        cite(
            PATHWAYS,
            "Referrals may be made by the child's social worker in collaboration with the foster carers' supervising social worker.",
        ),
        referrer_roles=frozenset({"social-worker"}),
        service="pilot",
        redirect_to="the child's social worker (with the foster carers' supervising social worker)",
        redirect_reading="network-referrals",
    ),
)
_MINIMUM = cite(PATHWAYS, "will include the following information as a minimum")
REQUIRED = tuple(
    RequiredInformation(item_id, path, reason, _MINIMUM, service="pilot")
    for item_id, path, reason in (
        ("name", "child.name", "full name"),
        ("address", "child.address", "address"),
        ("date-of-birth", "child.date_of_birth", "date of birth"),
        ("gender", "child.gender", "gender"),
        ("ethnicity", "child.ethnicity", "ethnicity"),
        ("carer", "information.carer", "name of the child or young person's carer"),
        (
            "parental-responsibility",
            "information.parental_responsibility",
            "who has parental responsibility",
        ),
        (
            "birth-family-history",
            "information.birth_family_history",
            "any significant birth family history (say 'none' if none)",
        ),
        ("referrer-name", "referrer.name", "the name of the person referring"),
        (
            "referrer-contact",
            "referrer.phone|referrer.email",
            "the contact details of the person referring",
        ),
        (
            "safeguarding",
            "risks|information.safeguarding_risks",
            "any safeguarding issues/risks (say 'none known' if none)",
        ),
        (
            "previous-interventions",
            "information.previous_interventions",
            "previous interventions, and whether open to mental health services",
        ),
        (
            "supervising-social-worker",
            "information.supervising_social_worker",
            "made in collaboration with the foster carers' supervising social worker",
        ),
        (
            "strategic-manager-agreement",
            "information.strategic_manager_agreement",
            "the referral 'will then need to be agreed by the Strategic Manager'",
        ),
    )
)
