"""Triborough's eligibility, referral, reporting, safeguarding and workforce rules."""

from __future__ import annotations

from childcare_commissioning.deadlines import DeadlineRule, Party
from childcare_commissioning.durations import Direction, Duration, DurationKind
from childcare_commissioning.eligibility import AgeBand, AreaRule, Cohort
from childcare_commissioning.model import Channel, Status
from childcare_commissioning.obligations import Obligation, ObligationKind, Relative
from childcare_commissioning.referrals import ReferralRoute, RequiredInformation
from childcare_commissioning.safeguarding import Concern, Contact, RouteStep, RoutingRule
from childcare_commissioning.schedules import Phase, Schedule
from childcare_commissioning.workforce import Requirement, RequirementKind, Scope
from childcare_commissioning_triborough._cite import cite

K = DurationKind
DEFS = "1 Definitions"
QUARTERLY = Schedule(phases=(Phase(Duration(K.MONTHS, 3)),))

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

DEADLINES = (
    DeadlineRule(
        "prompt-referral",
        "Prompt, timely referral of a safeguarding concern",
        "concern",
        Duration(K.IMMEDIATELY),
        cite(
            "6.7",
            "act on actual or suspected cases of abuse with prompt, timely and appropriate action",
        ),
        notes="'Prompt, timely' sets no hours: read as without delay (reading 'prompt-referral').",
    ),
    DeadlineRule(
        "immediately",
        "Immediately",
        "concern",
        Duration(K.IMMEDIATELY),
        cite(
            "6.7",
            "the matter shall be referred immediately to the Local Authority Designated Officer",
        ),
    ),
    DeadlineRule(
        "adult-client-allegation",
        "Refer a concern about a worker and an adult client to the Safeguarding Adults Team",
        "concern",
        Duration(K.IMMEDIATELY),
        cite(
            "6.7",
            "Similar concerns in relation to adult clients shall be referred to the Safeguarding Adults Team",
        ),
        notes="'Similar concerns' are referred as the LADO's are: immediately (reading "
        "'adult-client-allegations').",
    ),
    DeadlineRule(
        "gross-misconduct-telephone",
        "Telephone the Council and CCG about a gross misconduct allegation",
        "gross-misconduct-allegation",
        Duration(K.IMMEDIATELY),
        cite("7.5", "inform the Council and CCG immediately initially by telephone"),
    ),
    DeadlineRule(
        "dbs-referral-without-delay",
        "Refer to the DBS, and tell the Council, without delay",
        "dismissal-for-harm",
        Duration(K.IMMEDIATELY),
        cite(
            "6.8",
            "The Provider shall refer information to the Disclosure and Barring Service",
        ),
        notes="No time limit is given (reading 'dbs-referral-timing').",
    ),
    DeadlineRule(
        "council-notified-of-dbs-referral",
        "Notify the Council of a referral made to the DBS (formerly the ISA)",
        "dismissal-for-harm",
        Duration(K.IMMEDIATELY),
        cite(
            "6.9",
            "The Provider shall notify the Council of any referrals made to the Independent Safeguarding Authority.",
        ),
        notes="No time limit is given: read as without delay, with the referral itself "
        "(reading 'dbs-referral-timing'); the ISA is now the DBS (reading 'isa-and-crb').",
    ),
    DeadlineRule(
        "gross-misconduct-written-report",
        "Written report of a gross misconduct allegation",
        "gross-misconduct-allegation",
        Duration(K.WORKING_DAYS, 5),
        cite("7.5", "followed by a written report within 5 working days"),
    ),
    DeadlineRule(
        "quarterly-report-before-meeting",
        "Quarterly report to the CCGs, before the quarterly meeting",
        "quarterly-meeting",
        Duration(K.WORKING_DAYS, 1),
        direction=Direction.BEFORE,
        citation=cite(
            "4.2",
            "Each Quarter (prior to the Quarterly meeting described in paragraph 4.3 below) the Provider shall prepare and submit to the CCGs a report",
        ),
        notes="'Prior to' sets no lead time: at the latest the working day before.",
    ),
    DeadlineRule(
        "lone-worker-policy-in-place",
        "Lone worker policy in place when the home-based service starts",
        "commencement",
        Duration(K.IMMEDIATELY),
        cite("3.6", "expected to have a lone worker policy in place"),
        notes="The text sets no date: read as in place from the Commencement Date, when home "
        "visits can begin.",
    ),
    DeadlineRule(
        "dbs-recheck",
        "DBS re-check",
        "dbs-check",
        Duration(K.YEARS, 3),
        cite(
            "7.2",
            "A Disclosure and Barring Service re-check shall be carried out by the Provider for all relevant Staff at least every three years.",
        ),
    ),
)

OBLIGATIONS = (
    Obligation(
        "quarterly-meeting",
        "Quarterly meeting of the Contract Manager with CCG officers",
        ObligationKind.MEETING,
        Party.BOTH,
        cite("4.3", "attends meetings every 3 months (a \u201cQuarter\u201d) with CCG officers"),
        schedule=QUARTERLY,
        notes="Quarters run from the Commencement Date, not the financial year.",
    ),
    Obligation(
        "quarterly-report",
        "Quarterly report: achievement against outcomes and outputs, concerns, improvements",
        ObligationKind.REPORT,
        Party.PROVIDER,
        cite("4.2", "prepare and submit to the CCGs a report"),
        relative_to=Relative("quarterly-meeting", Duration(K.WORKING_DAYS, 1), Direction.BEFORE),
    ),
    Obligation(
        "complaints-feedback-review",
        "Complaints and feedback policy reviewed",
        ObligationKind.REVIEW,
        Party.PROVIDER,
        cite("4.4", "these are reviewed regularly each Quarter"),
        schedule=QUARTERLY,
    ),
    Obligation(
        "equality-monitoring",
        "Monitoring information by the eight protected groups and by care group",
        ObligationKind.REPORT,
        Party.PROVIDER,
        cite(
            "Appendix 1",
            "Provide monitoring information broken down, where appropriate, by the eight equality protected groups by specific care group",
        ),
        schedule=QUARTERLY,
        notes="Reported with the quarterly report.",
    ),
    Obligation(
        "carers-events",
        "Attend events for Carers' Week (June) and Carers' Rights Day (December)",
        ObligationKind.EVENT,
        Party.PROVIDER,
        cite("Appendix 1", "Carers' Week (June)"),
        schedule=Schedule(months=(6, 12)),
        notes="Carers' Rights Day (December) is listed beside it; both 'where appropriate'.",
    ),
    Obligation(
        "lone-worker-policy",
        "A lone worker policy for the home-based model",
        ObligationKind.PLAN,
        Party.PROVIDER,
        cite(
            "3.6",
            "The Service will be a home based Model and expected to have a lone worker policy in place",
        ),
        trigger="commencement",
        deadline="lone-worker-policy-in-place",
    ),
    Obligation(
        "gross-misconduct",
        "Gross misconduct allegation: telephone immediately, written report within 5 working days, outcome of the investigation",
        ObligationKind.NOTICE,
        Party.PROVIDER,
        cite("7.5", "inform the Council and CCG immediately initially by telephone"),
        trigger="gross-misconduct-allegation",
        deadline="gross-misconduct-written-report",
    ),
    Obligation(
        "dbs-referral",
        "Refer to the DBS staff dismissed (or who left) for harming a child or vulnerable adult, and notify the Council",
        ObligationKind.NOTICE,
        Party.PROVIDER,
        cite(
            "6.8",
            "in respect of any member of Staff or volunteer who has been dismissed because they have harmed a child or vulnerable adult",
        ),
        trigger="dismissal-for-harm",
    ),
)

_CHILD = cite("6.6", "Concerns in relation to Children and Young People shall be referred to:")
_ADULT = cite(
    "6.6",
    "Concerns in relation to adults shall be referred to the relevant adult social care team, if known, or to the:",
)
_LADO = cite(
    "6.7", "the matter shall be referred immediately to the Local Authority Designated Officer"
)
WCC, RBKC, LBHF = "westminster", "kensington-and-chelsea", "hammersmith-and-fulham"
CONTACTS = (
    Contact(
        "wcc-children",
        "Westminster City Council - Children's Services Team",
        "childrens-services",
        _CHILD,
        area=WCC,
        phone="020 7641 4000",
    ),
    Contact(
        "lbhf-children",
        "London Borough of Hammersmith and Fulham - Contact and Assessment Team",
        "childrens-services",
        _CHILD,
        area=LBHF,
        phone="020 8753 5392",
    ),
    Contact(
        "rbkc-children",
        "Royal Borough of Kensington and Chelsea - Social Services",
        "childrens-services",
        _CHILD,
        area=RBKC,
        phone="020 7361 3013",
    ),
    Contact(
        "wcc-adults",
        "Westminster City Council",
        "adult-safeguarding",
        _ADULT,
        area=WCC,
        phone="020 7641 2176",
        email="safeguardingadults@westminster.gov.uk",
    ),
    Contact(
        "lbhf-adults",
        "London Borough of Hammersmith and Fulham",
        "adult-safeguarding",
        _ADULT,
        area=LBHF,
        phone="0845 313 3935",
        email="h&fadvice.care@lbhf.gov.uk",
    ),
    Contact(
        "rbkc-adults",
        "Royal Borough of Kensington and Chelsea",
        "adult-safeguarding",
        _ADULT,
        area=RBKC,
        phone="0207 361 3013",
        email="socialservicesline@rbkc.gov.uk",
        notes="Published as 0207 361 3013, the same number as RBKC Social Services (020 7361 3013) written another way; kept as published.",
    ),
    Contact(
        "wcc-lado",
        "Westminster City Council - Local Authority Designated Officer (LADO)",
        "lado",
        _LADO,
        area=WCC,
        phone="020 7641 6108",
    ),
    Contact(
        "lbhf-lado",
        "London Borough of Hammersmith and Fulham - Local Authority Designated Officer (LADO)",
        "lado",
        _LADO,
        area=LBHF,
        phone="020 8753 3636",
    ),
    Contact(
        "rbkc-lado",
        "Royal Borough of Kensington and Chelsea - Local Authority Designated Officer (LADO)",
        "lado",
        _LADO,
        area=RBKC,
        phone="020 7361 3317",
    ),
)

_PREFIX = {WCC: "wcc", RBKC: "rbkc", LBHF: "lbhf"}
_COUNCILS = (
    (WCC, "wcc", "Westminster City Council"),
    (LBHF, "lbhf", "London Borough of Hammersmith and Fulham"),
    (RBKC, "rbkc", "Royal Borough of Kensington and Chelsea"),
)
_CCGS = "the commissioning CCGs"
_DBS = "the Disclosure and Barring Service"
_CLIENT = cite(
    "6.7",
    "Similar concerns in relation to adult clients shall be referred to the Safeguarding Adults Team at the same contacts specified in 6.6 above.",
)
_GROSS = cite(
    "7.5",
    "inform the Council and CCG immediately initially by telephone, followed by a written report within 5 working days",
)
_NOTIFY = cite(
    "6.9",
    "The Provider shall notify the Council of any referrals made to the Independent Safeguarding Authority.",
)
ROUTING = (
    *(
        RoutingRule(
            f"child-{p}",
            Concern.CHILD,
            (RouteStep(f"{p}-children", Channel.PHONE, "prompt-referral"),),
            _CHILD,
            area=a,
        )
        for a, p in _PREFIX.items()
    ),
    *(
        RoutingRule(
            f"adult-{p}",
            Concern.ADULT_AT_RISK,
            (RouteStep(f"{p}-adults", Channel.PHONE, "prompt-referral"),),
            _ADULT,
            area=a,
        )
        for a, p in _PREFIX.items()
    ),
    *(
        RoutingRule(
            f"allegation-{p}",
            Concern.ALLEGATION_AGAINST_WORKER,
            (RouteStep(f"{p}-lado", Channel.PHONE, "immediately"),),
            _LADO,
            area=a,
        )
        for a, p in _PREFIX.items()
    ),
    *(
        RoutingRule(
            f"adult-client-allegation-{p}",
            Concern.ALLEGATION_ABOUT_ADULT_CLIENT,
            (RouteStep(f"{p}-adults", Channel.PHONE, "adult-client-allegation"),),
            _CLIENT,
            area=a,
            notes="6.7: to the Safeguarding Adults Team at the 6.6 adult contacts, not the LADO "
            "(reading 'adult-client-allegations').",
        )
        for a, p in _PREFIX.items()
    ),
    *(
        RoutingRule(
            f"gross-misconduct-{p}",
            Concern.GROSS_MISCONDUCT,
            (
                RouteStep(
                    f"{name} (the Council) and {_CCGS}", Channel.PHONE, "gross-misconduct-telephone"
                ),
                RouteStep(
                    f"{name} (the Council) and {_CCGS}",
                    Channel.LETTER,
                    "gross-misconduct-written-report",
                ),
            ),
            _GROSS,
            area=a,
            notes="'The Council' is read as the council of the borough concerned (reading "
            "'the-council'); the text gives it no number or address.",
        )
        for a, p, name in _COUNCILS
    ),
    RoutingRule(
        "gross-misconduct",
        Concern.GROSS_MISCONDUCT,
        (
            RouteStep(
                f"the Council of each borough concerned and {_CCGS}",
                Channel.PHONE,
                "gross-misconduct-telephone",
            ),
            RouteStep(
                f"the Council of each borough concerned and {_CCGS}",
                Channel.LETTER,
                "gross-misconduct-written-report",
            ),
        ),
        _GROSS,
        notes="Without an area: every borough whose families the member of staff works with "
        "(reading 'the-council').",
    ),
    *(
        RoutingRule(
            f"dismissal-for-harm-{p}",
            Concern.DISMISSAL_FOR_HARM,
            (
                RouteStep(_DBS, Channel.LETTER, "dbs-referral-without-delay"),
                RouteStep(
                    f"{name} (the Council)", Channel.EMAIL, "council-notified-of-dbs-referral"
                ),
            ),
            _NOTIFY,
            area=a,
            notes="No time limit or channel is given: due without delay ('dbs-referral-timing'); "
            "'the Council' is the borough's council ('the-council').",
        )
        for a, p, name in _COUNCILS
    ),
    RoutingRule(
        "dismissal-for-harm",
        Concern.DISMISSAL_FOR_HARM,
        (
            RouteStep(_DBS, Channel.LETTER, "dbs-referral-without-delay"),
            RouteStep(
                "the Council of each borough concerned",
                Channel.EMAIL,
                "council-notified-of-dbs-referral",
            ),
        ),
        _NOTIFY,
        notes="No time limit or channel is given: due without delay ('dbs-referral-timing').",
    ),
)

#: 6.10 "all those working with vulnerable groups", 6.11 "all Staff working with vulnerable
#: children and adults at risk", 7.2 "all necessary Staff": the staff in direct work with the
#: families (``Worker.direct_work``), not every member of staff (reading 'vulnerable-groups').
VULNERABLE_GROUPS = Scope(direct_work=True)
WORKFORCE = (
    Requirement(
        "dbs",
        RequirementKind.CHECK,
        "dbs-enhanced",
        "Enhanced DBS check, re-checked at least every three years",
        cite(
            "7.2",
            "A Disclosure and Barring Service re-check shall be carried out by the Provider for all relevant Staff at least every three years.",
        ),
        scope=VULNERABLE_GROUPS,
        refresh=Duration(K.YEARS, 3),
        notes="6.10 'all those working with vulnerable groups' and 7.2 'all necessary Staff': "
        "staff whose work brings them into contact with the families (reading "
        "'vulnerable-groups'); an administrator with no contact with families needs none.",
    ),
    Requirement(
        "safeguarding-children",
        RequirementKind.TRAINING,
        "safeguarding-children",
        "Safeguarding children training (London Safeguarding Children Board)",
        cite("6.11", "children as specified by the London Safeguarding Children Board"),
        scope=VULNERABLE_GROUPS,
        notes="6.11 'all Staff working with vulnerable children and adults at risk' "
        "(reading 'vulnerable-groups').",
    ),
    Requirement(
        "safeguarding-adults",
        RequirementKind.TRAINING,
        "safeguarding-adults",
        "Safeguarding adults training (National Competence Framework for Safeguarding Adults 2010)",
        cite(
            "6.11",
            "adults as detailed in the Bournemouth University and Learn to Care: National Competence Framework for Safeguarding Adults 2010",
        ),
        scope=VULNERABLE_GROUPS,
        notes="6.11 'all Staff working with vulnerable children and adults at risk' "
        "(reading 'vulnerable-groups').",
    ),
)
