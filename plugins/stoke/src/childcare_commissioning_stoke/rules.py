"""Stoke's services, eligibility, referrals, timing, workforce and billing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from childcare_commissioning.billing import (
    BillingCycle,
    BillingTerms,
    Budget,
    PaymentTerms,
    Release,
    Retention,
)
from childcare_commissioning.calendars import EVERY_DAY, AnnualClosure, CalendarSpec
from childcare_commissioning.deadlines import DeadlineRule, Party
from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.eligibility import AgeBand, Cohort, Effect, Exclusion, Limit
from childcare_commissioning.model import Status
from childcare_commissioning.obligations import Obligation, ObligationKind
from childcare_commissioning.referrals import ReferralRoute, RequiredInformation
from childcare_commissioning.schedules import Phase, Schedule
from childcare_commissioning.workforce import Requirement, RequirementKind
from childcare_commissioning_stoke._cite import cite

K = DurationKind
UP_TO_18 = AgeBand(None, 17)
SCOPE = "2.1 Scope"
PATHWAYS = "2.3 Referral Pathways and Acceptance Criteria"
HOURS = "2.3 Accessibility / Days/hours"

CALENDARS = (
    CalendarSpec(
        id="stoke-service",
        name="Every day including evenings and weekends, except bank holidays, Christmas Day and Boxing Day",
        working_weekdays=EVERY_DAY,
        annual_closures=(
            AnnualClosure(12, 25, "Christmas Day"),
            AnnualClosure(12, 26, "Boxing Day"),
        ),
        citation=cite(
            HOURS,
            "The service will operate 52 weeks per year excluding bank holidays and Christmas Day and Boxing Day.",
        ),
        notes="Bank holidays close it; so do 25 and 26 December when they fall at a weekend "
        "(the substitute weekday is then a bank holiday too).",
    ),
)

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


DEADLINES = (
    DeadlineRule(
        id="pilot-mobilised",
        title="Pilot mobilised",
        trigger="contract-award",
        duration=Duration(K.MONTHS, 3),
        service="pilot",
        citation=cite(
            "1.1 Overall purpose and aims of the service",
            "a 12–month pilot to be mobilised within three months of the contract award",
        ),
    ),
    DeadlineRule(
        id="pilot-evaluation",
        title="Pilot reviewed and evaluated (end of the 12-month pilot)",
        trigger="pilot-mobilised",
        duration=Duration(K.MONTHS, 12),
        owed_by=Party.BOTH,
        service="pilot",
        citation=cite(
            "1.1 Overall purpose and aims of the service",
            "subject to review and evaluation to inform roll out after this period",
        ),
        notes="The 12 months are read as running from mobilisation.",
    ),
    DeadlineRule(
        id="dbs-renewal",
        title="DBS check renewed",
        trigger="dbs-check",
        duration=Duration(K.YEARS, 3),
        citation=cite(
            "4.3 Quality Assurance: safety and consistency",
            "DBS checks for all new staff or volunteers and renewed every 3 years",
        ),
    ),
)

OBLIGATIONS = (
    Obligation(
        id="performance-review",
        title="Performance review with the Commissioners",
        kind=ObligationKind.REVIEW,
        owed_by=Party.BOTH,
        schedule=Schedule(
            phases=(
                Phase(Duration(K.MONTHS, 1), until=Duration(K.MONTHS, 12)),
                Phase(Duration(K.MONTHS, 3)),
            )
        ),
        citation=cite(
            "4.3 Quality Assurance: safety and consistency",
            "In the first year, Performance Reviews will initially be held monthly, moving to three monthly in future years",
        ),
        notes="Three-monthly 'providing performance is satisfactory'; either side may call an "
        "extra review with reasonable notice.",
    ),
    Obligation(
        id="satisfaction-data",
        title="Service user satisfaction data and evaluations",
        kind=ObligationKind.REPORT,
        owed_by=Party.PROVIDER,
        schedule=Schedule(phases=(Phase(Duration(K.MONTHS, 6)),)),
        citation=cite(
            "4.4 Service User involvement",
            "Collect 6 monthly as a minimum Service User satisfaction data",
        ),
    ),
    Obligation(
        id="complaints-report",
        title="Complaints report",
        kind=ObligationKind.REPORT,
        owed_by=Party.PROVIDER,
        schedule=Schedule(phases=(Phase(Duration(K.MONTHS, 3)),)),
        citation=cite(
            "4.2 Local/national quality service standards and guidance",
            "The Provider will report on complaints quarterly",
        ),
    ),
    Obligation(
        id="policies-updated",
        title="Safer recruitment, health and safety, risk and safeguarding policies updated",
        kind=ObligationKind.RENEWAL,
        owed_by=Party.PROVIDER,
        schedule=Schedule(phases=(Phase(Duration(K.YEARS, 1)),)),
        citation=cite(
            "4.3 Quality Assurance: safety and consistency", "which are updated annually"
        ),
    ),
    Obligation(
        id="support-plan",
        title="Support plan with review dates and an envisaged end date, negotiated with the service user",
        kind=ObligationKind.PLAN,
        owed_by=Party.PROVIDER,
        trigger="support-started",
        citation=cite(
            "2.3 Discharge Criteria and Exit Planning",
            "Support plans will identify review dates and an envisaged end date.",
        ),
    ),
    Obligation(
        id="exit-strategy",
        title="Safe exit strategy including relapse prevention, agreed with all involved",
        kind=ObligationKind.PLAN,
        owed_by=Party.PROVIDER,
        trigger="support-ending",
        citation=cite(
            "2.3 Discharge Criteria and Exit Planning",
            "propose a safe exit strategy including relapse prevention",
        ),
    ),
    Obligation(
        id="disengagement",
        title="Follow up disengagement and share it with the referrer",
        kind=ObligationKind.NOTICE,
        owed_by=Party.PROVIDER,
        trigger="disengagement",
        citation=cite(
            "2.3 Engagement / Disengagement",
            "Any disengagement will be shared with the referrer and alternative next steps will be agreed.",
        ),
    ),
    Obligation(
        id="waiting-list",
        title="Prioritise need with the Strategic Manager; keep commissioners updated on the waiting list",
        kind=ObligationKind.REPORT,
        owed_by=Party.PROVIDER,
        trigger="waiting-list",
        citation=cite(
            "2.3 Waiting for Service Commencement",
            "Prioritise need in agreement with the Strategic Manager",
        ),
    ),
    Obligation(
        id="sub-contracting",
        title="No sub-contracting without the commissioner's permission, in writing",
        kind=ObligationKind.NOTICE,
        owed_by=Party.PROVIDER,
        trigger="sub-contracting-proposed",
        citation=cite(
            "3.2 Sub-contractors",
            "The provider may not sub contract any elements of this without the permission of the commissioner.",
        ),
    ),
    Obligation(
        id="media-consent",
        title="No statement to the media about a referred young person without the Press Officer's written consent",
        kind=ObligationKind.NOTICE,
        owed_by=Party.PROVIDER,
        trigger="media-contact",
        citation=cite(
            "4.2 Media Communications",
            "without the prior written consent of the relevant Council Press Officer",
        ),
    ),
)

_STAFF = "4.1 Staffing levels, training, qualifications and experience"
WORKFORCE = (
    Requirement(
        "qualified-psychologist",
        RequirementKind.QUALIFICATION,
        "psychologist",
        "Qualified clinical or educational psychologist/psychotherapist (or equivalent), two years' post-qualification experience",
        cite(
            _STAFF,
            "Be qualified clinical or educational psychologists/psycho therapists   (or equivalent) with a minimum two years post qualification experience",
        ),
        alternatives=frozenset(
            {
                "clinical-psychologist",
                "educational-psychologist",
                "psychotherapist",
                "psychologist-equivalent",
            }
        ),
        experience_years=2,
        notes="The experience must be 'of working with vulnerable children young people and "
        "their carers': the roster's experience_since is read as the date from which that "
        "experience runs (reading 'vulnerable-children-experience').",
    ),
    Requirement(
        "safeguarding-level-2",
        RequirementKind.TRAINING,
        "safeguarding-children",
        "Safeguarding level 2 as a minimum, from an SCB-approved training provider",
        cite(_STAFF, "Be trained to a minimum of Safeguarding level 2"),
        level=2,
        notes="Training on safeguarding children 'should be from a SCBs approved training provider' (4.2).",
    ),
    Requirement(
        "higher-safeguarding",
        RequirementKind.TRAINING,
        "safeguarding-children",
        "Some staff trained in safeguarding above level 2",
        cite(_STAFF, "with some staff trained to higher levels"),
        level=3,
        team=True,
        notes="A team requirement: 'some staff' is read as at least one worker, 'higher "
        "levels' as level 3 or above (reading 'higher-safeguarding-levels'); nobody at level "
        "3 is a team finding, not a gap in any one worker.",
    ),
    Requirement(
        "supervision",
        RequirementKind.TRAINING,
        "supervision",
        "Regular supervision",
        cite(_STAFF, "Have regular supervision"),
        provider_matrix=True,
        notes="No interval is stated: supervision must be recorded, and its interval is the "
        "one agreed (the training matrix, from the contract); without it each check is a "
        "query giving the latest supervision's date (reading 'regular-supervision').",
    ),
    Requirement(
        "dbs",
        RequirementKind.CHECK,
        "dbs-enhanced",
        "Enhanced DBS clearance, renewed every 3 years",
        cite(
            "4.3 Quality Assurance: safety and consistency",
            "DBS checks for all new staff or volunteers and renewed every 3 years",
        ),
        refresh=Duration(K.YEARS, 3),
    ),
    Requirement(
        "safer-recruitment",
        RequirementKind.CHECK,
        "safer-recruitment",
        "Recruited following safer recruitment guidelines",
        cite(
            _STAFF,
            "Ensure safer recruitment training is completed and guidelines are adhered to during the recruitment process",
        ),
    ),
)

_BUDGET = "6.1 Service delivery budget"
BILLING = BillingTerms(
    cycle=BillingCycle.FINANCIAL_QUARTERS,
    citation=cite(
        "6.2. Payments",
        "Payments will be made quarterly in arrears on the achievement of outcomes/targets",
    ),
    payment_terms=PaymentTerms(
        "Payments will be made quarterly in arrears on the achievement of outcomes/targets "
        "in the Performance Management Framework.",
        cite(
            "6.2. Payments",
            "Payments will be made quarterly in arrears on the achievement of outcomes/targets "
            "in the Performance Management Framework",
        ),
    ),
    retention=Retention(
        Decimal(5),
        Release.NEXT_FINANCIAL_YEAR_Q1,
        cite(
            _BUDGET,
            "5% (£4500) of the  budget for 2018/19 will be withheld and paid in quarter 1 2019/20",
        ),
        # 6.1 sets the 5% for 2018/19, 2019/20 and 2020/21, and none for the final
        # part-year 2021/22 (April-June 2021): reading 'retention-of-payments'.
        financial_years=frozenset({"2018/19", "2019/20", "2020/21"}),
    ),
    budgets=(
        Budget(
            "2018/19",
            Decimal(60000),
            cite(_BUDGET, "Core service £60,000"),
            service="core",
            start=dt.date(2018, 7, 1),
            end=dt.date(2019, 3, 31),
        ),
        Budget(
            "2018/19",
            Decimal(30000),
            cite(_BUDGET, "Pilot £30,000"),
            service="pilot",
            start=dt.date(2018, 7, 1),
            end=dt.date(2019, 3, 31),
        ),
        Budget(
            "2019/20",
            Decimal(120000),
            cite(
                "6.1 Service delivery budget 2019/20",
                "The annual budget for 2019/20 is anticipated to be in the region of up to a maximum of £120,000, however this is only an indication",
            ),
            services=frozenset({"core", "pilot"}),
            indicative=True,
        ),
        Budget(
            "2019/20",
            Decimal(80000),
            cite("6.1 Service delivery budget 2019/20", "Core service £80,000"),
            service="core",
            indicative=True,
        ),
        Budget(
            "2019/20",
            Decimal(40000),
            cite("6.1 Service delivery budget 2019/20", "Pilot £40,000"),
            service="pilot",
            indicative=True,
        ),
        Budget(
            "2020/21",
            Decimal(120000),
            cite(
                "6.1 Service delivery budget 2020/21",
                "The annual budget for 2020/21 is anticipated to be in the region of up to a maximum of £120,000 however this is only an indication",
            ),
            services=frozenset({"core", "pilot"}),
            indicative=True,
        ),
        Budget(
            "2020/21",
            Decimal(80000),
            cite("6.1 Service delivery budget 2020/21", "Core service £80,000"),
            service="core",
            indicative=True,
        ),
        Budget(
            "2020/21",
            Decimal(40000),
            cite("6.1 Service delivery budget 2020/21", "Pilot £40,000"),
            service="pilot",
            indicative=True,
        ),
        Budget(
            "2021/22",
            Decimal(30000),
            cite(
                "6.1 Service Delivery Budget final year 2021/22",
                "up to a maximum of £30,000 however this is only an indication",
            ),
            services=frozenset({"core", "pilot"}),
            start=dt.date(2021, 4, 1),
            end=dt.date(2021, 6, 30),
            indicative=True,
        ),
    ),
    notes="The text sets no rate: each quarter is invoiced as a claim against the year's "
    "budget, naming the evidence of outcomes (reading 'payment-by-claim'). "
    "Invoices by email to Sue Hammersley (duties/invoices-by-email). 2018/19 runs from 1 "
    "July 2018 and its caps are firm; 2021/22 is April-June 2021 only, one cap for both "
    "services. Budgets after 2018/19 are indications until confirmed each January: passing "
    "one is a warning (reading 'indicative-budgets').",
)
