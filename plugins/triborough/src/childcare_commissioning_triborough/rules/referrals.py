"""Triborough's cohorts, the three boroughs, referral routes and the information a referral carries."""

from __future__ import annotations

from childcare_commissioning.eligibility import AgeBand, AreaRule, Cohort
from childcare_commissioning.model import Status
from childcare_commissioning.referrals import ReferralRoute, RequiredInformation
from childcare_commissioning_triborough._cite import cite

__all__ = ["AREA_RULES", "COHORTS", "PARTNER_ROLES", "REQUIRED", "ROUTES"]

DEFS = "1 Definitions"
COHORTS = (
    Cohort(
        "young-carers",
        "Young carers under 18 and their families",
        cite(
            DEFS,
            "Means Children and Young People under 18 who provide, or intend to provide care, assistance or support to another family member",
        ),
        statuses=frozenset({Status.YOUNG_CARER}),
        ages=AgeBand(None, 17),
        notes="Hidden carers (not self-identified or recognised) are young carers too: they "
        "reach the service through the young carers support service.",
    ),
)
AREA_RULES = (
    AreaRule(
        "three-boroughs",
        frozenset({"westminster", "kensington-and-chelsea", "hammersmith-and-fulham"}),
        cite(
            "3.1", "The Provider shall engage the families of Young Carers from the three boroughs"
        ),
        notes="A family living elsewhere is not eligible (reading 'three-boroughs').",
    ),
)
#: The referrers the text names as partners, by the role ids a referral gives:
#: 3.8 "the Integrated Locality Service/Early Help Service, social work teams, borough
#: educational establishments, Adult Mental Health and Social Care Services, Primary, acute
#: and community health services"; 3.11's partners (Integrated Family Services, schools,
#: colleges, GPs, health clinics and school health services, CAMHS and other therapy or
#: counselling services, children's social services, youth offending services, drug and
#: alcohol services, early years and child care services, community services, local
#: voluntary and community sector agencies). Both lists are open.
PARTNER_ROLES = frozenset(
    {
        "early-help",
        "integrated-locality-service",
        "integrated-family-services",
        "social-worker",
        "childrens-services",
        "school",
        "college",
        "adult-mental-health",
        "adult-social-care",
        "gp",
        "health-visitor",
        "school-nurse",
        "health-clinic",
        "community-health",
        "acute-health",
        "camhs",
        "counselling-service",
        "youth-offending-service",
        "drug-and-alcohol-service",
        "early-years",
        "community-services",
        "voluntary-sector",
    }
)
ROUTES = (
    ReferralRoute(
        "young-carers-support-service",
        "The young carers support service (including hidden young carers)",
        cite(
            "3.3",
            "The Provider shall work with the young carers support service to receive referrals of hidden Young Carers",
        ),
        referrer_roles=frozenset({"young-carers-support-service"}),
        notes="Needs are identified by the young carers support service (3.5).",
    ),
    ReferralRoute(
        "partner-referral",
        "Partner agencies: Integrated Locality/Early Help services, social work teams, schools, "
        "adult mental health and social care, health services, and others",
        cite(
            "3.8",
            "including without limitation building effective relationships with the Integrated Locality Service/Early Help Service",
        ),
        referrer_roles=PARTNER_ROLES,
        open_roles=True,
        approver="the young carers support service, which identifies the needs (3.5)",
        notes="The agencies 3.8 (the referral systems) and 3.11 (the partners) name take this "
        "route; both lists are open ('including without limitation'), so a referrer they do "
        "not name (another agency, the young carer or the family themselves) is not refused "
        "but needs the agreement of the young carers support service. The carer's assessment "
        "(3.6) is required either way. See the reading 'who-may-refer'.",
    ),
)
REQUIRED = (
    RequiredInformation(
        "carers-assessment",
        "information.carers_assessment",
        "needs are identified through a comprehensive carer's assessment (which may include eCAF)",
        cite(
            "3.6",
            "meets needs that are identified through a comprehensive carer's assessment (which may include eCAF)",
        ),
    ),
)
