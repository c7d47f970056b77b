"""Derby's cohorts, routes, service hours, timing, workforce, safeguarding and billing."""

from __future__ import annotations

import datetime as dt

from childcare_commissioning.billing import (
    BillingCycle,
    BillingTerms,
    BlockDiscount,
    Component,
    ContributionTerm,
)
from childcare_commissioning.calendars import (
    EVERY_DAY,
    WEEKDAYS,
    CalendarSpec,
    OpeningHours,
    TimeWindow,
    Weekday,
)
from childcare_commissioning.deadlines import DeadlineRule, Party
from childcare_commissioning.durations import Direction, Duration, DurationKind
from childcare_commissioning.eligibility import AgeBand, Cohort
from childcare_commissioning.measures import OutcomeMeasure
from childcare_commissioning.model import Channel, Status, Urgency
from childcare_commissioning.obligations import Anchor, Obligation, ObligationKind
from childcare_commissioning.referrals import Offer, ReferralRoute, RequiredInformation, RouteTime
from childcare_commissioning.safeguarding import Concern, Contact, RouteStep, RoutingRule
from childcare_commissioning.schedules import Phase, Schedule
from childcare_commissioning.workforce import Requirement, RequirementKind
from childcare_commissioning_derby._cite import cite
from childcare_commissioning_derby.placements import CATEGORIES

K = DurationKind
INTRO = "3.1.1 Introduction and Aim"
TIMES = "3.3.6 Services Timescales"
ACCESS = "3.3.1 Accessing the Service"
MONITOR = "3.8.1 Monitoring and Reporting"
RECRUIT = "3.6.1 Recruitment"
PROTECT = "3.4.6 Protection of Children, Young People and Vulnerable Adults"
SIXTEEN_SEVENTEEN = AgeBand(16, 17)
WEEKEND = frozenset({Weekday.SATURDAY, Weekday.SUNDAY})

CALENDARS = (
    CalendarSpec(
        "derby-daytime",
        "7 days a week, 08:00-20:00",
        working_weekdays=EVERY_DAY,
        closed_on_bank_holidays=False,
        hours=(OpeningHours(EVERY_DAY, (TimeWindow(dt.time(8), dt.time(20)),)),),
        citation=cite(
            TIMES,
            "will be available as required 7 days a week between the hours of 08:00 – 20.00 to deliver support to young people.",
        ),
        notes="Bank holidays are not excepted by the text.",
    ),
    CalendarSpec(
        "derby-office-hours",
        "Normal office hours: Monday to Friday 09:00-17:00 except bank holidays (assumed)",
        hours=(OpeningHours(WEEKDAYS, (TimeWindow(dt.time(9), dt.time(17)),)),),
        citation=cite(
            TIMES,
            "this will operate from normal office closing times to normal office opening times.",
        ),
        notes="Office hours are not given in the text (see 'office-hours').",
    ),
    CalendarSpec(
        "derby-emergency-accommodation",
        "Emergency accommodation contacts, 22:00-09:00",
        working_weekdays=EVERY_DAY,
        closed_on_bank_holidays=False,
        hours=(OpeningHours(EVERY_DAY, (TimeWindow(dt.time(22), dt.time(9)),)),),
        citation=cite(TIMES, "when accommodation is required between 22.00 – 09.00 hours."),
    ),
    CalendarSpec(
        "derby-out-of-hours",
        "Out of hours: outside normal office hours (17:00-09:00 on weekdays; all weekend)",
        working_weekdays=EVERY_DAY,
        closed_on_bank_holidays=False,
        hours=(
            OpeningHours(EVERY_DAY, (TimeWindow(dt.time(17), dt.time(9)),)),
            OpeningHours(WEEKEND, (TimeWindow(dt.time(0), dt.time(0)),)),
        ),
        citation=cite(
            TIMES,
            "Derby City Council's Emergency Careline will have access to numbers on the DPS for out of hours.",
        ),
        bank_holiday_hours=(TimeWindow(dt.time(0), dt.time(0)),),
        notes="The complement of 'derby-office-hours' (see 'office-hours'): open whenever the "
        "office is closed, all day on weekday bank holidays included.",
    ),
)

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

DEADLINES = (
    DeadlineRule(
        "offer-standard",
        "Provider's offer (standard referral)",
        "referral-received",
        Duration(K.CLOCK_HOURS, 24),
        urgency=Urgency.STANDARD,
        citation=cite(
            ACCESS,
            "Providers will be expected to respond with any offers within 24 hours for a standard referral",
        ),
    ),
    DeadlineRule(
        "offer-urgent",
        "Provider's offer (urgent referral)",
        "referral-received",
        Duration(K.CLOCK_HOURS, 1),
        urgency=Urgency.URGENT,
        citation=cite(ACCESS, "within 1 hour for an urgent referral"),
    ),
    DeadlineRule(
        "offer-emergency",
        "Provider's offer (emergency referral)",
        "referral-received",
        Duration(K.CLOCK_HOURS, 1),
        urgency=Urgency.EMERGENCY,
        citation=cite(ACCESS, "within 1 hour for an urgent referral"),
        notes="An emergency is at least as urgent: one hour.",
    ),
    DeadlineRule(
        "emergency-support",
        "Support in an emergency, when requested the same working day",
        "emergency-request",
        Duration(K.SAME_WORKING_DAY),
        calendar="derby-daytime",
        citation=cite(
            "3.3.5 Emergency Provision Timescales and Processes",
            "On some occasions support may be requested on the same working day.",
        ),
        notes="Working days are the service's own: 7 days a week, bank holidays included "
        "(3.3.6), so a Saturday or Good Friday request is due that day (reading:emergency-same-day).",
    ),
    DeadlineRule(
        "full-information",
        "Council supplies full information after an emergency placement",
        "emergency-placement",
        Duration(K.CLOCK_HOURS, 72),
        owed_by=Party.COUNCIL,
        citation=cite(
            "3.3.5 Emergency Provision Timescales and Processes",
            "with full information supplied within 72 hours.",
        ),
    ),
    DeadlineRule(
        "first-review",
        "Formal review: the package is in place",
        "placement-start",
        Duration(K.WEEKS, 2),
        owed_by=Party.BOTH,
        citation=cite(
            MONITOR,
            "A formal review will be held within 2 weeks to ensure the package is in place then at 3 month intervals",
        ),
    ),
    DeadlineRule(
        "notice-general",
        "Council's written notice to terminate an IPA (any general reason)",
        "ipa-termination",
        Duration(K.CALENDAR_DAYS, 30),
        direction=Direction.BEFORE,
        owed_by=Party.COUNCIL,
        citation=cite(MONITOR, "Any General Reason\t30"),
    ),
    DeadlineRule(
        "notice-specific",
        "Council's written notice to terminate an IPA (more specific reasons)",
        "ipa-termination",
        Duration(K.CALENDAR_DAYS, 14),
        direction=Direction.BEFORE,
        owed_by=Party.COUNCIL,
        citation=cite(MONITOR, "More Specific Reasons\t14"),
    ),
    DeadlineRule(
        "concern-same-day",
        "Safeguarding concern or alert notified to the Council",
        "concern",
        Duration(K.SAME_DAY),
        citation=cite(
            PROTECT,
            "any concerns or alerts have to be notified to the Council the same day.",
        ),
    ),
    DeadlineRule(
        "service-failure",
        "Tell the Council the service cannot be provided",
        "service-failure",
        Duration(K.IMMEDIATELY),
        citation=cite(
            "3.12.1 Emergency Planning",
            "shall notify the Council immediately of any situation where the service cannot be provided.",
        ),
    ),
)

#: A placement's formal reviews: within 2 weeks of its start, then every 3 months.
REVIEWS = Schedule(first=Duration(K.WEEKS, 2), phases=(Phase(Duration(K.MONTHS, 3)),))

#: Duties the text ties to each review, listed on the review's date for each placement
#: (reading 'review-duties'): (id, title, party, clause, quote).
_AT_REVIEW = (
    (
        "review-matrix",
        "At the placement review: re-assess the package with the Risk and Needs matrix",
        Party.BOTH,
        "3.2.4 Lots Overview",
        "The review of each package will involve re-assessing using the matrix to reduce the package and move to independence.",
    ),
    (
        "review-support-plan",
        "Following the placement review: amend the support plan, copies to the young person and the Council",
        Party.PROVIDER,
        MONITOR,
        "The young person's support plan will be amended as appropriate following the review",
    ),
    (
        "review-eia",
        "At the placement review: undertake and document an Equality Impact Assessment",
        Party.PROVIDER,
        "3.4.3 Equality Issues",
        "Equality Impact Assessment (EIA) must be undertaken and documented as part of any service review process",
    ),
)

OBLIGATIONS = (
    *(
        Obligation(
            obligation_id,
            title,
            ObligationKind.DUTY,
            party,
            cite(clause, quote),
            schedule=REVIEWS,
            anchor=Anchor.PACKAGE,
            notes="Due on each placement review's date, anchored on the placement (see "
            "'review-duties'); the text gives no later time.",
        )
        for obligation_id, title, party, clause, quote in _AT_REVIEW
    ),
    Obligation(
        "weekly-support-schedule",
        "Give the young person this week's support schedule (times and dates), seen by the Council",
        ObligationKind.DUTY,
        Party.PROVIDER,
        cite(
            "3.6.5 Time Sheets/Diary Sheets/ Records of Performance",
            "that sets out the details of the care and support they should be receiving on a weekly basis",
        ),
        schedule=Schedule(phases=(Phase(Duration(K.WEEKS, 1)),)),
        anchor=Anchor.PACKAGE,
        notes="For each young person: weekly from their placement's start, to its end (audit "
        "D96). The monthly housing pathway meetings are the Council's, on its dates: a duty "
        "to attend ('pathway-meetings'), never dated by the library.",
    ),
    Obligation(
        "placement-review",
        "Formal review of the placement (within 2 weeks, then every 3 months)",
        ObligationKind.REVIEW,
        Party.BOTH,
        cite(
            MONITOR,
            "A formal review will be held within 2 weeks to ensure the package is in place then at 3 month intervals",
        ),
        schedule=REVIEWS,
        anchor=Anchor.PACKAGE,
        notes="Anchored on each placement's own start, to its end (see 'review-intervals'); "
        "reviews triggered by a significant change or the young person's request are "
        "'review-on-change' and 'review-on-request'.",
    ),
    Obligation(
        "review-on-change",
        "Formal review triggered by a significant change in circumstances",
        ObligationKind.REVIEW,
        Party.BOTH,
        cite(MONITOR, "or may be triggered by any significant change in circumstances"),
        trigger="significant-change",
    ),
    Obligation(
        "review-on-request",
        "Formal review at the young person's request",
        ObligationKind.REVIEW,
        Party.BOTH,
        cite(MONITOR, "or if requested by the young person"),
        trigger="young-person-request",
    ),
    Obligation(
        "access-kpis",
        "Access KPIs: responses within timescale (target 100%), suitable placements offered, placements ending unexpectedly",
        ObligationKind.REPORT,
        Party.PROVIDER,
        cite(
            "3.7.1 Reports",
            "Number of responses received to referrals received by the Council within the specified timescale",
        ),
        schedule=Schedule(months=(1, 4, 7, 10)),
        notes="Quarterly for all four Access measures; the 100% target is the responses "
        "measure's only (see 'performance-table'). One report per UK financial quarter, "
        "the quarters the figures are computed over, due the day after the quarter ends "
        "(see 'quarterly').",
    ),
    Obligation(
        "equality-objectives",
        "One or more equality objectives",
        ObligationKind.PLAN,
        Party.PROVIDER,
        cite(
            "3.14 EQUALITIES", "provide one or more equality objectives at least every four years"
        ),
        schedule=Schedule(phases=(Phase(Duration(K.YEARS, 4)),)),
    ),
    Obligation(
        "significant-change",
        "Notice to the Leaving Care Team and Children in Care of significant changes in need",
        ObligationKind.NOTICE,
        Party.PROVIDER,
        cite(
            MONITOR,
            "shall give notice to the Leaving Care Team and Children in care of any significant changes in a Customer's needs",
        ),
        trigger="significant-change",
        recipient="the Leaving Care Team or Children in Care team, and the young person's social worker",
        notes="3.6.2 also asks for significant changes in circumstances to be reported to "
        "the Council 'and the Social Worker' so that support arrangements are reviewed.",
    ),
    Obligation(
        "sub-contracting",
        "No sub-contractor without the Council's written agreement before it starts work",
        ObligationKind.NOTICE,
        Party.PROVIDER,
        cite(
            "3.4.4 Sub-contractors and staff",
            "No sub-contractors will provide any element of this Service unless agreed in writing by the Council prior to the sub-contractor starting work.",
        ),
        trigger="sub-contracting-proposed",
    ),
    Obligation(
        "timesheets",
        "Timesheets signed by the young person (or parent/carer) confirming hours received",
        ObligationKind.REPORT,
        Party.PROVIDER,
        cite(
            "3.6.5 Time Sheets/Diary Sheets/ Records of Performance",
            "facilitating the Service User and/or their parents/carers to sign time sheets",
        ),
        trigger="support-delivered",
    ),
    Obligation(
        "out-of-hours-numbers",
        "Out of hours numbers available to the Emergency Careline from the contract start",
        ObligationKind.NOTICE,
        Party.PROVIDER,
        cite(
            TIMES,
            "Providers will be expected to ensure that these numbers are available from the start date of the contract.",
        ),
        trigger="contract-start",
    ),
    Obligation(
        "information-sharing-agreement",
        "Information Sharing Agreement (Appendix Three) signed and dated before the contract starts",
        ObligationKind.PLAN,
        Party.PROVIDER,
        cite(
            "3.15 PERSONAL DATA",
            "will adhere to the Information Sharing Agreement at Appendix Three signed and dated prior to contract start",
        ),
        trigger="contract-start",
        notes="Due before the contract start, for the duration of the contract.",
    ),
    Obligation(
        "complaints-report",
        "Report each complaint received to the Council, with the investigation and outcome",
        ObligationKind.REPORT,
        Party.PROVIDER,
        cite(
            "3.9 PROBLEM SOLVING",
            "The provider will be expected to report complaints received to the local authority with a report of the investigations and outcomes.",
        ),
        trigger="complaint-received",
        recipient="derby-city-council",
    ),
)

WORKFORCE = (
    Requirement(
        "application-form",
        RequirementKind.CHECK,
        "application-form",
        "Recruited with an application form and a job description",
        cite(
            RECRUIT,
            "application forms and job descriptions are used during the recruitment process",
        ),
    ),
    Requirement(
        "interview",
        RequirementKind.CHECK,
        "interview",
        "Interviewed against the essential criteria for the post",
        cite(
            RECRUIT,
            "the interview process determines whether the applicant meets the essential criteria for the post as a minimum",
        ),
    ),
    Requirement(
        "contract-of-employment",
        RequirementKind.CHECK,
        "contract-of-employment",
        "A clear contract of employment or terms of service, with a written job description",
        cite(
            RECRUIT,
            "staff have a clear contract of employment or terms of service/role specifying",
        ),
    ),
    Requirement(
        "conviction-declaration",
        RequirementKind.DECLARATION,
        "convictions",
        "Declaration of current and spent convictions; a declared conviction blocks assignment until the Council approves",
        cite(
            RECRUIT,
            "any member of staff with a declared conviction is not assigned to any child/young person until the Provider has obtained approval (or not) from the Council",
        ),
        approver="Derby City Council",
    ),
    Requirement(
        "references",
        RequirementKind.REFERENCES,
        "references",
        "At least two written references, one from the present or last employer",
        cite(
            RECRUIT,
            "at least 2 written satisfactory references are taken up prior to employment. One reference will be from the present or last employer",
        ),
        count=2,
        last_employer=True,
        before_employment=True,
    ),
    Requirement(
        "employment-history",
        RequirementKind.CHECK,
        "employment-history",
        "Full employment history validated",
        cite(
            RECRUIT,
            "all attempts are made to validate the full employment history of the applicant",
        ),
    ),
    Requirement(
        "dbs",
        RequirementKind.CHECK,
        "dbs-enhanced",
        "DBS checks (including children's and adults' barred lists)",
        cite(
            RECRUIT,
            "Disclosure and Barring Service (including Protection of Children Act and Protection of Vulnerable Adults list) checks are undertaken",
        ),
    ),
    Requirement(
        "data-protection",
        RequirementKind.TRAINING,
        "data-protection",
        "Data protection training, refreshed at least every two years",
        cite(
            "3.15 PERSONAL DATA",
            "The Service Provider will train their staff and provide refresher training at least every two years.",
        ),
        refresh=Duration(K.YEARS, 2),
    ),
    Requirement(
        "safeguarding",
        RequirementKind.TRAINING,
        "safeguarding-young-people",
        "Trained to understand safeguarding issues for vulnerable young people",
        cite(
            "3.10 TRAINING AND MAINTENANCE",
            "all staff and volunteers are trained to understand safeguarding issues in relation to vulnerable young people.",
        ),
    ),
    Requirement(
        "appraisal",
        RequirementKind.TRAINING,
        "appraisal",
        "Annual appraisal",
        cite(
            "3.10 TRAINING AND MAINTENANCE",
            "Staff appraisals shall be carried out annually on all staff",
        ),
        refresh=Duration(K.YEARS, 1),
    ),
)

CONTACTS = (
    Contact(
        "derby-city-council",
        "Derby City Council Children in Care Commissioning and Placements Team",
        "commissioning",
        cite(
            MONITOR,
            "this agreement will be monitored by the Children in Care Commissioning and Placements team.",
        ),
        hours="derby-office-hours",
        notes="No number is given in the text. Reached in normal office hours; out of hours "
        "the Council is reached through its Emergency Careline (see 'concern-notification').",
    ),
    Contact(
        "emergency-careline",
        "Derby City Council Emergency Careline",
        "emergency-duty-team",
        cite(
            TIMES,
            "Derby City Council's Emergency Careline will have access to numbers on the DPS for out of hours.",
        ),
        hours="derby-out-of-hours",
        notes="No number is given in the text; the Careline calls the providers' out of hours numbers.",
    ),
    Contact(
        "derbyshire-safeguarding-children",
        "Derby and Derbyshire Safeguarding Children procedures (Derbyshire)",
        "safeguarding-procedures",
        cite(PROTECT, "www.derbyshirescb.org.uk"),
        url="https://www.derbyshirescb.org.uk",
    ),
    Contact(
        "derby-safeguarding-children",
        "Derby and Derbyshire Safeguarding Children procedures (Derby)",
        "safeguarding-procedures",
        cite(PROTECT, "www.derbyscb.org.uk"),
        url="https://www.derbyscb.org.uk",
    ),
)

_TO_COUNCIL = (
    RouteStep(
        "derby-city-council",
        Channel.PHONE,
        "concern-same-day",
        when=RouteTime.IN_HOURS,
        calendar="derby-office-hours",
    ),
    RouteStep(
        "emergency-careline",
        Channel.PHONE,
        "concern-same-day",
        when=RouteTime.OUT_OF_HOURS,
        calendar="derby-office-hours",
    ),
)
_CHANNEL_NOTE = (
    "The text says 'notified to the Council the same day' and gives no channel or number: "
    "in office hours the Council is reached through the team that monitors the IPA, out of "
    "hours (nights, weekends, bank holidays) through its Emergency Careline, by phone (see "
    "'concern-notification'); the procedures are at the two safeguarding websites."
)
ROUTING = (
    RoutingRule(
        "concern",
        Concern.CHILD,
        _TO_COUNCIL,
        cite(
            PROTECT,
            "Providers working with children should adopt the Derby and Derbyshire Safeguarding Children procedures.",
        ),
        notes=_CHANNEL_NOTE,
    ),
    RoutingRule(
        "adult-concern",
        Concern.ADULT_AT_RISK,
        _TO_COUNCIL,
        cite(
            PROTECT,
            "with allegations or concerns about vulnerable service users",
        ),
        notes="Care leavers aged 18-25 are vulnerable adults under 3.4.6's heading; 'any "
        "concerns or alerts' go to the Council the same day. " + _CHANNEL_NOTE,
    ),
    RoutingRule(
        "adult-client-allegation",
        Concern.ALLEGATION_ABOUT_ADULT_CLIENT,
        _TO_COUNCIL,
        cite(
            PROTECT,
            "with allegations or concerns about vulnerable service users",
        ),
        notes="An allegation about a service user aged 18 or over (a care leaver) is among "
        "'any concerns or alerts'. " + _CHANNEL_NOTE,
    ),
    RoutingRule(
        "allegation",
        Concern.ALLEGATION_AGAINST_WORKER,
        _TO_COUNCIL,
        cite(
            PROTECT,
            "The Provider must ensure that appropriate procedures are in place to ensure that staff report, and deal appropriately, with allegations or concerns about vulnerable service users.",
        ),
        notes="Allegations against staff are among 'any concerns or alerts'. " + _CHANNEL_NOTE,
    ),
)

BILLING = BillingTerms(
    cycle=BillingCycle.MONTHLY,
    citation=cite("3.2.5 Lot Detail", "with consequent change in payments where appropriate"),
    block_discount=BlockDiscount(
        5,
        None,
        cite(
            "3.2.5 Lot Detail",
            "Providers will be required to offer a percentage discount on the DPS accommodation costs for any block sourced of five beds or more at any one time in these circumstances.",
        ),
    ),
    contributions=(
        ContributionTerm(
            "housing-benefit",
            "Housing Benefit",
            Component.ACCOMMODATION,
            cite(
                "3.1.4 Evidence Base / Legal Context",
                "claim Housing Benefits which will contribute towards the accommodation cost",
            ),
            services=frozenset({"lot-2"}),
            notes="For children in need and young homeless 16-17 year olds (Lot 2); the amount "
            "is the housing authority's award, given by the caller (see "
            "'housing-benefit-contribution').",
        ),
    ),
    notes="Packages are quoted per work package against an indicative budget and paid by the "
    "week (accommodation and support, each day a seventh of the weekly cost: `payments`); a "
    "block of five or more beds carries the percentage discount set at the mini competition, "
    "which each block records. The text sets no invoicing cycle: monthly is assumed "
    "('billing-cycle').",
)


_REPORTS = "3.7.1 Reports"
_EVIDENCE = (
    "Review of Care plans",
    "Feedback from Young people",
    "Feedback from Social worker and Independent Reviewing Officer",
)
OUTCOMES = (
    *(
        OutcomeMeasure(
            f"quality-{index}",
            statement,
            cite(_REPORTS, statement),
            _EVIDENCE,
            objective="Quality statements",
        )
        for index, statement in enumerate(
            (
                "Looked after children and young people experience warm and nurturing care.",
                "Looked after children and young people receive care from services and professionals that work collaboratively.",
                "Looked after children and young people live in stable placements that take account of their needs and preferences.",
                "Looked after children and young people have ongoing opportunities to explore and make sense of their identity and relationships.",
                "Looked after children and young people receive specialist and dedicated services within agreed timescales.",
                "Looked after children and young people who moved across local authority or health boundaries continue to receive the services they need.",
                "Looked after children and young people are supported to fulfil their potential.",
                "Care leavers move to independence at their own pace.",
            ),
            start=1,
        )
    ),
    OutcomeMeasure(
        "access",
        "Access",
        cite(
            _REPORTS,
            "Number of responses received to referrals received by the Council within the specified timescale",
        ),
        (
            "Responses to the Council's referrals within the timescales of 3.3.1 "
            "(24 hours standard, 1 hour urgent)",
        ),
        target="100%",
        reported="Quarterly",
        objective="Key performance indicators",
    ),
    *(
        OutcomeMeasure(
            measure_id,
            f"Access: {title}",
            cite(_REPORTS, quote),
            (title,),
            reported="Quarterly",
            objective="Key performance indicators",
        )
        for measure_id, title, quote in (
            (
                "access-suitable-placements",
                "suitable placements available against placements put forward by the Council",
                "Number of suitable placement available against the total number of placements put forward by the Council.",
            ),
            (
                "access-ended-by-provider",
                "placements ending unexpectedly at the provider's instigation",
                "Number of placements that end unexpectedly at the provider's instigation.",
            ),
            (
                "access-ended-by-council",
                "placements ending unexpectedly at the Council's instigation",
                "Number of placements that end unexpectedly at the Councils instigation",
            ),
        )
    ),
)
