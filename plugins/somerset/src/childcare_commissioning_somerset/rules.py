"""Somerset's cohorts, routes, timing, workforce, contacts and billing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from childcare_commissioning.billing import BillingCycle, BillingTerms, MileagePolicy, RateBand
from childcare_commissioning.calendars import (
    EVERY_DAY,
    WEEKDAYS,
    CalendarSpec,
    OpeningHours,
    TimeWindow,
)
from childcare_commissioning.deadlines import DeadlineRule, Party
from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.eligibility import AgeBand, AreaRule, Cohort, Effect, Exclusion
from childcare_commissioning.model import Channel, Status, Urgency
from childcare_commissioning.obligations import Obligation, ObligationKind
from childcare_commissioning.referrals import ReferralRoute, RouteTime
from childcare_commissioning.safeguarding import (
    Concern,
    Contact,
    NotifiableEvent,
    RouteStep,
    RoutingRule,
)
from childcare_commissioning.schedules import Phase, Schedule
from childcare_commissioning.statuses import StatusDefinition
from childcare_commissioning.workforce import Requirement, RequirementKind, Scope
from childcare_commissioning_somerset._cite import cite

K = DurationKind
OVERVIEW = "2.1 Overview"
ACCESS = "2.6 Service Access and Availability"
STAFF = "3.2 Provider requirements and staff competencies"
PREDOMINANT = AgeBand(
    10, 17, predominant=True, approver="the Placements Team (in hours) or EDT (out of hours)"
)

CALENDARS = (
    CalendarSpec(
        id="somerset-working-hours",
        name="Working hours: Monday to Friday 09:00-17:00 except bank holidays (assumed)",
        hours=(OpeningHours(WEEKDAYS, (TimeWindow(dt.time(9), dt.time(17)),)),),
        citation=cite(
            "Glossary",
            "The Council's and District and Borough Council's (out of working hours) emergency response team.",
        ),
        notes="The text names 'working hours' but never gives them; 09:00-17:00 on working days "
        "is the reading chosen (see 'working-hours').",
    ),
    CalendarSpec(
        id="somerset-service-hours",
        name="The service's availability: every hour of every day, bank holidays included",
        working_weekdays=EVERY_DAY,
        closed_on_bank_holidays=False,
        citation=cite(ACCESS, "available out of hours"),
        notes="'Available out of hours' and 'available immediately': the Provider's service "
        "never closes (see the reading 'availability'). The Council's own working hours "
        "(somerset-working-hours) decide only who sends a request.",
    ),
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

DEADLINES = (
    DeadlineRule(
        "available-immediately",
        "Respond to a support request at once, at any hour of any day",
        "referral-received",
        Duration(K.IMMEDIATELY),
        calendar="somerset-service-hours",
        citation=cite(ACCESS, "available immediately"),
        notes="'Available out of hours' and 'available immediately': the Provider answers a "
        "request when it arrives, nights, weekends and bank holidays included. Engagement "
        "itself follows the risk assessment (3.2 II; within 72 hours for urgent referrals).",
    ),
    DeadlineRule(
        "urgent-plans-agreed",
        "Risk assessments, outcomes and support plans agreed with the referrer (urgent referrals)",
        "referral-received",
        Duration(K.CLOCK_HOURS, 72),
        urgency=Urgency.URGENT,
        owed_by=Party.BOTH,
        citation=cite(
            STAFF,
            "all risk assessments, outcomes and support plans will be agreed with the referrer within 72hrs",
        ),
    ),
    DeadlineRule(
        "emergency-plans-agreed",
        "Risk assessments, outcomes and support plans agreed with the referrer (emergency referrals)",
        "referral-received",
        Duration(K.CLOCK_HOURS, 72),
        urgency=Urgency.EMERGENCY,
        owed_by=Party.BOTH,
        citation=cite(STAFF, "With urgent referrals where there is a need to engage quickly"),
        notes="An emergency is at least as urgent as an urgent referral: the 72 hours apply.",
    ),
    DeadlineRule(
        "initial-review",
        "Support plan reviewed initially",
        "support-started",
        Duration(K.WEEKS, 4),
        owed_by=Party.BOTH,
        citation=cite(
            "3.1 Contract Monitoring",
            "support plans will be reviewed initially within 4 weeks of the support being put in place",
        ),
    ),
    DeadlineRule(
        "incident-reported",
        "Inform the Social Worker (or the Duty Worker out of hours) of an accident or incident",
        "incident",
        Duration(K.IMMEDIATELY),
        citation=cite(
            STAFF, "inform the Social Worker/Duty Worker (out of hours) as soon as possible"
        ),
        notes="'As soon as possible' is encoded as immediately (see 'as-soon-as-possible').",
    ),
    DeadlineRule(
        "safeguarding-liaison",
        "Liaise with SCC Children's Social Care about a safeguarding concern",
        "concern",
        Duration(K.IMMEDIATELY),
        citation=cite(
            STAFF,
            "The Provider will liaise immediately with SCC Children's Social Care if there are any safeguarding concerns.",
        ),
    ),
)

OBLIGATIONS = (
    Obligation(
        "risk-assessment",
        "Risk assessment (including the staff ratio) sent to the referring social worker, agreed before engagement",
        ObligationKind.REPORT,
        Party.PROVIDER,
        cite(
            STAFF,
            "A copy of the risk assessment (including staff ratio deemed necessary) will be sent to the referrer (Social Worker) to be agreed before engagement.",
        ),
        trigger="referral-received",
    ),
    Obligation(
        "support-plan",
        "Support plan from a full assessment, agreed with the referrer, parents and carers included",
        ObligationKind.PLAN,
        Party.PROVIDER,
        cite(STAFF, "the Provider will meet with the referrer to agree the plans"),
        trigger="referral-accepted",
    ),
    Obligation(
        "initial-review",
        "Initial review of the support plan",
        ObligationKind.REVIEW,
        Party.BOTH,
        cite("3.1 Contract Monitoring", "within 4 weeks of the support being put in place"),
        trigger="support-started",
        deadline="initial-review",
    ),
    Obligation(
        "daily-log",
        "Daily log",
        ObligationKind.REPORT,
        Party.PROVIDER,
        cite(STAFF, "The Provider will keep daily logs"),
        trigger="support-day",
    ),
    Obligation(
        "incident-form",
        "Accident/incident form, and the social worker or duty worker informed",
        ObligationKind.NOTICE,
        Party.PROVIDER,
        cite(STAFF, "complete accident/incident forms"),
        trigger="incident",
        deadline="incident-reported",
    ),
    Obligation(
        "statutory-reviews",
        "Contribute to statutory reviews",
        ObligationKind.REVIEW,
        Party.PROVIDER,
        cite(STAFF, "contribute to any statutory review process that is required"),
        trigger="statutory-review",
    ),
    Obligation(
        "monitoring-evidence",
        "Evidence for the contract monitoring outcomes, agreed annually",
        ObligationKind.REPORT,
        Party.PROVIDER,
        cite(
            "3.1 Contract Monitoring",
            "discussed, agreed and finalised at a pre contract award meeting and on an annual basis thereafter",
        ),
        schedule=Schedule(phases=(Phase(Duration(K.YEARS, 1)),)),
        notes="Agreed first at the pre contract award meeting (before the contract starts), "
        "then every year on the contract's anniversary.",
    ),
)

_SUBJECTS = (
    ("a", "safeguarding", "Safeguarding"),
    ("b", "first-aid", "First Aid"),
    ("c", "self-harm", "Self Harm"),
    ("d", "sexual-health", "Sexual Health"),
    ("e", "substance-misuse", "Drug and Alcohol misuse"),
    ("f", "conflict-resolution", "Conflict resolution"),
    ("g", "equality-diversity", "Equal Opportunities and Anti-Discriminatory Practice"),
    ("h", "missing-persons", "Missing Person's Protocols"),
    ("i", "mental-health", "Mental Health issues"),
    ("j", "data-protection", "Confidentiality and Data Protection"),
    ("k", "complaints-allegations", "Complaints and Allegations"),
)
WORKFORCE = (
    *(
        Requirement(
            f"training-{letter}",
            RequirementKind.TRAINING,
            subject,
            f"{letter}. {wording}",
            cite(STAFF, "All staff will be sufficiently trained in;"),
        )
        for letter, subject, wording in _SUBJECTS
    ),
    Requirement(
        "risk-assessment",
        RequirementKind.TRAINING,
        "risk-assessment",
        "Skilled at assessing risk and vulnerability (or trained in it)",
        cite(
            STAFF,
            "All staff will be skilled at assessing risk and vulnerability of young people across all areas, or required to undertake training relevant to this.",
        ),
    ),
    Requirement(
        "dbs",
        RequirementKind.CHECK,
        "dbs-enhanced",
        "Enhanced DBS check",
        cite(STAFF, "All staff working with young people will be subject to enhanced DBS checks"),
        scope=Scope(direct_work=True),
    ),
    Requirement(
        "staff-id",
        RequirementKind.CHECK,
        "photo-id",
        "Staff carry ID at all times",
        cite(STAFF, "Staff will carry ID with them at all times."),
    ),
)

CONTACTS = (
    Contact(
        "placements-team",
        "Somerset County Council Children's Social Care Placements Team",
        "placements-team",
        cite(
            "Glossary",
            "The Council's service responsible for identifying placements for Children in Care",
        ),
    ),
    Contact(
        "emergency-duty-team",
        "Somerset Emergency Duty Team (EDT)",
        "emergency-duty-team",
        cite(
            "Glossary",
            "The Council's and District and Borough Council's (out of working hours) emergency response team.",
        ),
        notes="Out of the Council's working hours: outside somerset-working-hours (evenings, "
        "nights, weekends and bank holidays).",
    ),
    Contact(
        "childrens-social-care",
        "Somerset County Council Children's Social Care",
        "childrens-services",
        cite(STAFF, "liaise immediately with SCC Children's Social Care"),
    ),
)

_INCIDENT = cite(STAFF, "inform the Social Worker/Duty Worker (out of hours) as soon as possible")
_LIAISE = cite(
    STAFF,
    "The Provider will liaise immediately with SCC Children's Social Care if there are any safeguarding concerns.",
)
#: 3.2 X "any safeguarding concerns": every kind of safeguarding concern goes to SCC
#: Children's Social Care immediately (reading 'any-safeguarding-concerns'). Gross misconduct
#: and a dismissal for harm are employment steps the text does not route.
SAFEGUARDING_CONCERNS = (
    ("safeguarding-concern", Concern.CHILD, ""),
    (
        "allegation-against-worker",
        Concern.ALLEGATION_AGAINST_WORKER,
        "A concern that a member of the Provider's Staff (employee, agent or volunteer) has "
        "harmed, or may harm, a child is a safeguarding concern: the text names no LADO, so "
        "it goes to SCC Children's Social Care.",
    ),
    (
        "adult-at-risk",
        Concern.ADULT_AT_RISK,
        "The text names no adult team: a concern about an adult at risk (a young person of "
        "18-25 in the service, a parent) goes to SCC Children's Social Care too.",
    ),
    (
        "allegation-about-adult-client",
        Concern.ALLEGATION_ABOUT_ADULT_CLIENT,
        "The text names no adult team: SCC Children's Social Care.",
    ),
)
ROUTING = tuple(
    RoutingRule(
        rule_id,
        concern,
        (RouteStep("childrens-social-care", Channel.PHONE, "safeguarding-liaison"),),
        _LIAISE,
        notes=notes,
    )
    for rule_id, concern, notes in SAFEGUARDING_CONCERNS
)
NOTIFIABLE_EVENTS = (
    NotifiableEvent(
        "accident-or-incident",
        "Accident or incident",
        (
            RouteStep(
                "the child's Social Worker",
                Channel.PHONE,
                "incident-reported",
                when=RouteTime.IN_HOURS,
                calendar="somerset-working-hours",
            ),
            RouteStep(
                "the Duty Worker (EDT)",
                Channel.PHONE,
                "incident-reported",
                when=RouteTime.OUT_OF_HOURS,
                calendar="somerset-working-hours",
            ),
        ),
        _INCIDENT,
    ),
)

BAND = RateBand(
    "hourly",
    "Homecare hourly rate",
    Decimal(15),
    Decimal(20),
    cite("2.8 Service rates", "Range: £15-20 per hour"),
)
MILEAGE = MileagePolicy(
    Decimal("0.45"),
    cite("2.8 Service rates", "Mileage (to be agreed in advance)"),
    requires_agreement=True,
)
BILLING = BillingTerms(
    cycle=BillingCycle.MONTHLY,
    citation=cite("2.8 Service rates", "pricing will be individualised"),
    rate_bands=(BAND,),
    mileage=MILEAGE,
    notes="Every package is priced individually within the band; quotations must be justified "
    "and show value for money. The text sets no invoicing cycle: monthly in arrears is assumed "
    "(see 'invoicing-cycle'). Hours billed are hours worked, in elapsed time: a 22:00-07:00 "
    "night is 8 hours on the night the clocks go forward and 10 on the night they go back.",
)
