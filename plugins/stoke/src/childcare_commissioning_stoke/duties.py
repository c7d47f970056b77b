"""Stoke's duties that no date or number decides, and the rules it computes in code.

Each duty says who owes it, to whom, what evidences it and the question a contract
manager asks at a monitoring visit. Duties with a frequency in the text carry a
``schedule`` and so appear in the obligations calendar.
"""

from __future__ import annotations

from childcare_commissioning.deadlines import Party
from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.register import Computation, Duty, checklist_duty
from childcare_commissioning.schedules import Phase, Schedule
from childcare_commissioning_stoke._cite import cite
from childcare_commissioning_stoke.rules import OBLIGATIONS, OUTCOMES

__all__ = ["CHECKLIST", "COMPUTATIONS", "DUTIES"]

K = DurationKind
P = Party.PROVIDER
_PURPOSE = "1.1 Overall purpose and aims of the service"
_CORE = "2.2.1 Core service"
_PILOT = "2.2.2 Pilot"
_MODEL = "2.3 Service Model and Approach"
_PATHWAYS = "2.3 Referral Pathways and Acceptance Criteria"
_STAFF = "4.1 Staffing levels, training, qualifications and experience"
_STANDARDS = "4.2 Local/national quality service standards and guidance"
_QA = "4.3 Quality Assurance: safety and consistency"
_COMMISSIONERS = "the Commissioners (Stoke-on-Trent City Council)"

DUTIES = (
    Duty(
        "core-guidance",
        "Offer psychologically informed guidance and support to the staff of every small "
        "group home",
        Party.PROVIDER,
        "the Commissioners",
        "records of the consultations and support given to each home's residential staff",
        "Which small group homes' staff had guidance and support this quarter, and is any "
        "home (ten, rising to twelve) not reached?",
        cite(
            "1.1 Core service",
            "The service will offer evidenced based, psychologically informed guidance and support to residential staff",
        ),
        services=("core",),
    ),
    Duty(
        "no-direct-interventions",
        "Work through the care givers: no direct interventions with the children themselves",
        P,
        _COMMISSIONERS,
        "case records showing consultation with care givers, and any psychological "
        "assessment of a child recorded as an assessment, not a treatment",
        "Do your records show any direct therapeutic sessions with a child, and if so why?",
        cite(
            _PURPOSE,
            "The service will not offer direct interventions to the children and young people themselves",
        ),
        services=("core",),
    ),
    Duty(
        "camhs-information-sharing",
        "Share information with CAMHS where a case is open to it, for a consistent approach",
        P,
        "CAMHS and the care givers",
        "records of information shared with CAMHS for each open case",
        "For the young people open to CAMHS, what information was shared, and when?",
        cite(
            _PURPOSE, "where cases are open to CAMHS, then information sharing will be facilitated"
        ),
    ),
    Duty(
        "camhs-referral-support",
        "Support referrals to CAMHS where a mental health illness cannot be managed by the "
        "care team, and keep a shared care model where CAMHS are involved",
        P,
        "the young person and CAMHS",
        "referrals to CAMHS supported, and shared care arrangements recorded",
        "Which young people did you support into CAMHS, and how is care shared with CAMHS?",
        cite(_PURPOSE, "The service will also support any referral to CAMHS"),
    ),
    Duty(
        "service-links",
        "Develop and maintain links with related service provision (NHS CAMHS, foster "
        "carer training, and others: an open list)",
        P,
        _COMMISSIONERS,
        "a map of related services and the contacts kept with them",
        "Which related services do you hold links with, and how are they kept up?",
        cite(
            "1.4.2 Current Service Provision",
            "it is expected that the service develops and maintains links with related service provision",
        ),
    ),
    Duty(
        "sgh-team-development",
        "Give Small Group Home staff a greater understanding of complex presentations, improve "
        "their practice and build a consistent whole-team approach",
        P,
        "the Small Group Homes' staff",
        "training and consultation delivered to each home, and practice changes recorded",
        "What training and consultation did each home's staff receive this quarter, and what "
        "changed in their practice?",
        cite(
            _CORE,
            "the service is required to provide a greater understanding of complex presentations, improve practice and support the development of a consistent",
        ),
        services=("core",),
    ),
    Duty(
        "sgh-assessments",
        "Develop an assessment for each Small Group Home, including the views of the young "
        "person, care givers, family and professionals, kept under continuous review",
        P,
        "the Small Group Homes",
        "an assessment per home with its review history",
        "Show the current assessment for each Small Group Home: when was each last reviewed?",
        cite(_CORE, "The service will develop assessments for each of the SGH"),
        services=("core",),
    ),
    Duty(
        "consultant-psychologist-support",
        "Care givers meet a consultant psychologist regularly about the child's care plan, "
        "the placement and their relationship with the child",
        P,
        "the care givers",
        "a record of consultation meetings per placement",
        "How often do the care givers meet the consultant psychologist, and what was discussed?",
        cite(
            _CORE,
            "The care givers will receive regular support by meeting with a consultant psychologist",
        ),
    ),
    Duty(
        "service-development-days",
        "Facilitate and lead service development days with the senior team and foster carers",
        P,
        "the senior team and foster carers",
        "dates, attendance and outcomes of the development days",
        "When were the service development days held, who came, and what changed as a result?",
        cite(
            _PILOT,
            "the service provider will facilitate and lead a number of service development days with the senior team and foster carers",
        ),
        services=("pilot",),
    ),
    Duty(
        "specialist-knowledge",
        "Specialist knowledge of trauma, neglect and mental health, and the skills to respond "
        "to complex issues (substance misuse, criminal behaviour, domestic abuse, self-harm, "
        "sexual exploitation, trafficking and other safeguarding issues)",
        P,
        _COMMISSIONERS,
        "training records and case supervision notes covering these issues",
        "Which staff hold training in each of these complex issues, and when was it refreshed?",
        cite(
            _MODEL,
            "Have specialist knowledge of trauma, neglect and mental health issues in children and young people",
        ),
    ),
    Duty(
        "care-coordination",
        "Co-ordinate care packages with partner agencies, with onward facilitated referral "
        "when that is the most appropriate option",
        P,
        "partner agencies",
        "onward referrals and joint care packages recorded per case",
        "Which cases were referred onward or co-ordinated with partners, and why?",
        cite(
            _MODEL,
            "Co-ordinate care  packages  with  partner agencies and onward facilitated referral",
        ),
    ),
    Duty(
        "user-led-service",
        "A flexible, child-focused, user-led approach that includes carers and regularly "
        "reviews service delivery against service users' needs, person centred throughout",
        P,
        "service users",
        "service reviews and the changes made from them",
        "When did you last review service delivery against service users' needs, and what changed?",
        cite(
            _MODEL,
            "Have a user led approach and will regularly review service delivery to ensure it is in line with service users' needs",
        ),
    ),
    Duty(
        "transition-planning",
        "Identify young people who may need support after 18 early, plan their transition to "
        "adult services, and hand over in phases",
        P,
        "the young person and adult services",
        "a list of young people aged 16 and over with their transition plans",
        "Which young people may need support after 18, and what transition plan does each have?",
        cite(
            _MODEL,
            "The service will identify those young people who may need on-going support post 18 years to allow for early discussion and planning for transition to Adult Services",
        ),
    ),
    Duty(
        "education-links",
        "Work with education settings and the Virtual School so children keep their "
        "education, training and employment pathways",
        P,
        "education settings and the Virtual School",
        "contacts with schools and the Virtual School per case",
        "How have you worked with each child's school and the Virtual School?",
        cite(_MODEL, "Work with education settings and the Virtual School"),
    ),
    Duty(
        "information-sharing",
        "Operate in line with locally agreed information sharing protocols, and Stoke-on-Trent "
        "and Staffordshire Safeguarding Policies and Procedures",
        P,
        _COMMISSIONERS,
        "the protocols signed up to and the policy that follows them",
        "Which information sharing protocols and safeguarding procedures do you follow, and "
        "where are they in your policies?",
        cite(
            "2.3 Confidentiality",
            "The service will operate in line with locally agreed information sharing protocols",
        ),
    ),
    Duty(
        "referrer-feedback",
        "Keep regular contact with the referrer and give feedback",
        P,
        "the referrer",
        "contacts with the referrer logged per referral",
        "For a sample of referrals, when was the referrer last contacted and what feedback "
        "was given?",
        cite(
            _PATHWAYS,
            "The service must maintain regular contact with the referrer and provide feedback",
        ),
        services=("pilot",),
    ),
    Duty(
        "partnership-working",
        "Build joint working relationships with other teams inside and outside the Council "
        "(an open list: social care, fostering, schools, the Virtual School, youth offending, "
        "CAMHS, advocacy...)",
        P,
        "partner teams and agencies",
        "a partnership map and records of joint work",
        "Which teams do you work with jointly, and how are the interfaces kept secure?",
        cite(
            "3.1 Whole Systems Relationships",
            "the service will actively build positive relationships and work in partnership with other agencies",
        ),
    ),
    Duty(
        "communication-routes",
        "Regular formal communication routes with the Strategic Manager (Children in Care), "
        "the senior team, social workers and residential staff",
        P,
        "the Strategic Manager (Children in Care)",
        "the schedule of these meetings and their notes",
        "What formal communication routes are in place with the Strategic Manager and the "
        "senior team, and how often do they meet?",
        cite(
            "3.1 Whole Systems Relationships",
            "The service will establish and implement regular formal communication routes with the Strategic Manager (Children in Care)",
        ),
    ),
    Duty(
        "service-information",
        "Give service users and partners information describing the service, and make the "
        "complaints policy available",
        P,
        "service users and partners",
        "the service leaflet or web page and the published complaints policy",
        "Show the information given to service users, and where the complaints policy is "
        "published.",
        cite(
            "3.4 Information",
            "The service provider shall provide information to the service users and partners that describes the service",
        ),
    ),
    Duty(
        "dedicated-team",
        "A dedicated team for this service, including management and administration support, "
        "with strategic capacity, supervision and guidance",
        P,
        _COMMISSIONERS,
        "a staffing structure for the service",
        "Who is in the dedicated team, and who manages and administers it?",
        cite(_STAFF, "Employ a dedicated team of staff to deliver this service."),
    ),
    Duty(
        "absence-cover",
        "Keep the service fully staffed during holidays and absences",
        P,
        _COMMISSIONERS,
        "a cover plan and records of how absences were covered",
        "How were service levels kept during the last staff holidays and absences?",
        cite(
            _STAFF,
            "Ensure that the service is fully staffed and operational to ensure service levels are maintained during staff holidays",
        ),
    ),
    Duty(
        "capacity-reporting",
        "Capacity to manage delivery, administration, monitoring and evaluation, and to give "
        "regular performance reports",
        P,
        _COMMISSIONERS,
        "the performance reports and who prepares them",
        "Who prepares the performance reports, and were they delivered on time?",
        cite(
            _STAFF,
            "Shall ensure that there is capacity within the service   to manage the delivery, administration, monitoring and evaluation of the service and provide regular performance reports.",
        ),
    ),
    Duty(
        "higher-safeguarding-training",
        "Some staff trained in safeguarding above level 2",
        P,
        _COMMISSIONERS,
        "safeguarding training records by level",
        "Which staff are trained above safeguarding level 2?",
        cite(_STAFF, "with some staff trained to higher levels"),
    ),
    Duty(
        "inspections-support",
        "Assist and inform the Commissioners during Ofsted inspections and support partners "
        "through inspections and audits",
        P,
        _COMMISSIONERS,
        "information supplied to inspections",
        "What did you provide for the last inspection or audit?",
        cite(
            _STAFF,
            "The Provider will ensure assistance and provide information to Commissioners during Ofsted Inspections.",
        ),
    ),
    Duty(
        "safeguarding-compliance",
        "Comply with the Safeguarding Children Board's requirements, policies and training "
        "and the LADO process; a safeguarding policy meeting the Board's minimum; the Board's "
        "self-assessment tool; section 11 guidance",
        P,
        "Stoke-on-Trent Safeguarding Children Board",
        "the safeguarding policy, the completed self-assessment tool and the LADO procedure",
        "Show the safeguarding policy against the Board's minimum requirements and the "
        "latest self-assessment; how would an allegation against a worker reach the LADO?",
        cite(
            _STANDARDS,
            "Comply fully with the requirements and process of the Stoke-on-Trent LADO (Local Authority Designated Officer).",
        ),
    ),
    Duty(
        "approved-safeguarding-training",
        "Safeguarding training from a Safeguarding Children Board approved provider",
        P,
        "Stoke-on-Trent Safeguarding Children Board",
        "certificates naming the training provider",
        "Who delivered each member of staff's safeguarding training, and is that provider "
        "approved by the Board?",
        cite(_STANDARDS, "should be from a SCBs approved training provider"),
    ),
    Duty(
        "national-developments",
        "Stay up to date with national developments for looked after children and keep "
        "improving delivery",
        P,
        _COMMISSIONERS,
        "changes made in response to national guidance",
        "Which national developments changed your practice this year?",
        cite(
            _STANDARDS,
            "The Provider shall be constantly up to date with national developments in relation to looked after children",
        ),
    ),
    Duty(
        "data-protection",
        "Handle information under data protection law and the Council's information "
        "governance; tell families what is held, why and for how long; seek permission before "
        "sharing case files with the Commissioner, anonymised where possible",
        P,
        "children, young people and families",
        "privacy notices, consent records and information governance returns",
        "How are families told what you hold about them, and where is their consent to share "
        "case files with the Commissioner recorded?",
        cite(
            "4.2 Data Protection",
            "Their permission should be sought for case files and information held about them to be shared with the Commissioner",
        ),
    ),
    Duty(
        "complaints-process",
        "A clear procedure for incidents, complaints and compliments that service users know; "
        "an independent complaints process managed by someone not involved in delivery",
        P,
        "service users and families",
        "the procedure, how users are told of it, and who handles complaints",
        "Who handles complaints, and how is that person independent of delivery?",
        cite(
            "4.2 Managing complaints",
            "The Provider will have an independent complaints process, managed by an independent staff member",
        ),
    ),
    Duty(
        "equality-and-translation",
        "Promote equality of opportunity, respect service users' backgrounds, and have "
        "access to translation services",
        P,
        "service users",
        "the equality policy and the translation arrangement",
        "How would you support a family who needs an interpreter or translation?",
        cite(
            "4.2 Equality and Diversity",
            "The service will ensure that it has access to appropriate translation services/resources",
        ),
    ),
    Duty(
        "media-conduct",
        "No negative public statement about the service or partners; liaise with the "
        "Council's Communications team before answering the press about the contract; share "
        "no performance data without the commissioners' consent and validation",
        P,
        "Stoke-on-Trent City Council Communications team",
        "a media protocol and a log of press contacts",
        "Has the press contacted you about the contract, and did you liaise with the "
        "Communications team before any statement?",
        cite(
            "4.2 Media Communications",
            "the Provider is required to liaise with the Stoke-on-Trent City Council Communications team before a statement is given",
        ),
    ),
    Duty(
        "performance-data",
        "Bring performance data, data reviews, satisfaction results and complaints for the "
        "preceding period to each performance review",
        P,
        _COMMISSIONERS,
        "the review pack for each meeting",
        "Did the last review pack hold the data for the preceding monthly or quarterly period?",
        cite(_QA, "Provider performance data for the preceding monthly/quarterly period"),
        schedule=Schedule(
            phases=(
                Phase(Duration(K.MONTHS, 1), until=Duration(K.MONTHS, 12)),
                Phase(Duration(K.MONTHS, 3)),
            )
        ),
    ),
    Duty(
        "emergency-plans",
        "Plans for emergencies across the service, a quality assurance system, and accurate "
        "records for each service user for the contract period",
        P,
        _COMMISSIONERS,
        "the emergency plan, the quality assurance system and a sample of records",
        "Show the emergency plan and, for a sampled service user, the complete record.",
        cite(
            "4.3 Managing emergencies",
            "The Provider is expected to demonstrate plans to support any emergencies that may arise across the service.",
        ),
    ),
    Duty(
        "service-user-feedback",
        "Feedback methods for less vocal service users; each young person evaluates the "
        "impact of the service; children and families involved in planning services",
        P,
        "service users",
        "feedback collected by each method and the evaluations",
        "How do less vocal service users give feedback, and how did evaluations change plans?",
        cite(
            "4.4 Service User involvement",
            "Enable each young person using the service to evaluate the impact of the services they have received",
        ),
    ),
    Duty(
        "administrative-records",
        "Comprehensive administrative records of operation, management and development, "
        "analysed for trends",
        P,
        _COMMISSIONERS,
        "the records and the trend analysis",
        "What trends does your data show this quarter, and what explains them?",
        cite(
            "5 Quality and performance",
            "the Provider shall keep comprehensive administrative records in order to document all aspects of the operation, management and development.",
        ),
    ),
    Duty(
        "funding-confirmation",
        "Confirm the final funding level for the coming financial year by January (January "
        "2019, 2020 and 2021; the date listed stands for the month); pilot funding depends on "
        "its evaluation and value for money",
        Party.COUNCIL,
        "the Provider",
        "the Council's written confirmation of the year's funding",
        "Was the coming year's funding confirmed in writing by January?",
        cite(
            "6.1 Service delivery budget 2019/20",
            "final funding levels will be confirmed by January 2019",
        ),
        schedule=Schedule(months=(1,)),
    ),
    Duty(
        "progress-reports-monthly",
        "Monthly progress report (a condition of the contract running to 30 June 2021)",
        P,
        _COMMISSIONERS,
        "the monthly reports",
        "Were the monthly progress reports delivered, and were they satisfactory?",
        cite(
            "6.1 Service Delivery Budget final year 2021/22",
            "satisfactory reports of progress on a monthly, quarterly and annual basis",
        ),
        schedule=Schedule(phases=(Phase(Duration(K.MONTHS, 1)),)),
    ),
    Duty(
        "progress-reports-quarterly",
        "Quarterly progress report (a condition of the contract running to 30 June 2021)",
        P,
        _COMMISSIONERS,
        "the quarterly reports",
        "Were the quarterly progress reports delivered, and were they satisfactory?",
        cite(
            "6.1 Service Delivery Budget final year 2021/22",
            "satisfactory reports of progress on a monthly, quarterly and annual basis",
        ),
        schedule=Schedule(phases=(Phase(Duration(K.MONTHS, 3)),)),
    ),
    Duty(
        "progress-reports-annual",
        "Annual progress report (a condition of the contract running to 30 June 2021)",
        P,
        _COMMISSIONERS,
        "the annual reports",
        "Was the annual progress report delivered, and was it satisfactory?",
        cite(
            "6.1 Service Delivery Budget final year 2021/22",
            "satisfactory reports of progress on a monthly, quarterly and annual basis",
        ),
        schedule=Schedule(phases=(Phase(Duration(K.YEARS, 1)),)),
    ),
    Duty(
        "extension-decision",
        "Decide whether to use the option to extend the contract for a further year",
        Party.COUNCIL,
        "the Provider",
        "the Council's written decision on the extension",
        "Has the Council decided on the one-year extension, and told the Provider in writing?",
        cite(
            "6.1 Service Delivery Budget final year 2021/22",
            "There is an option to extend for a further one year.",
        ),
    ),
    Duty(
        "invoices-by-email",
        "Submit invoices by email to Sue Hammersley",
        P,
        "Sue Hammersley (Stoke-on-Trent City Council)",
        "the invoice emails",
        "Were this quarter's invoices emailed to Sue Hammersley?",
        cite("6.2. Payments", "Invoices should be submitted via email to Sue Hammersley."),
    ),
)

COMPUTATIONS = (
    Computation(
        "camhs-priority-access",
        "Priority access to NHS CAMHS for a looked after child scoring 17 or above on the SDQ",
        "childcare_commissioning_stoke.checks:camhs_priority_access",
        cite(
            "1.4.2 Current Service Provision",
            "Priority access for LAC scoring 17 and above",
        ),
    ),
)


_OBLIGATIONS = {o.id: o for o in OBLIGATIONS}
_OUTCOMES = {o.id: o for o in OUTCOMES}
_BASELINE = "against the baseline in 1.4.2"

#: What the register once labelled "rule" and nothing computes: the expected high level
#: outcomes (evidenced against the 1.4.2 baselines, not measured from events) and the
#: obligations of 2.3, 3.2 and 4.2 that have a trigger and no time.
CHECKLIST = (
    *(
        checklist_duty(
            _OUTCOMES[outcome_id],
            "; ".join(_OUTCOMES[outcome_id].measures) + f" ({_BASELINE})",
            f"What shows, {_BASELINE}, that {what}?",
            owed_to="the Commissioners",
        )
        for outcome_id, what in (
            (
                "core-placement-stability",
                "placements in the small group homes are stable and fewer children need "
                "external residential placements",
            ),
            (
                "pilot-placement-stability",
                "placements with in-house foster carers are more stable and fewer children "
                "need external placements",
            ),
        )
    ),
    *(
        checklist_duty(_OBLIGATIONS[obligation_id], evidence, question)
        for obligation_id, evidence, question in (
            (
                "support-plan",
                "each support plan, based on the assessed need of the child and carers, with "
                "its review dates and envisaged end date negotiated with the service user",
                "Has every child a support plan based on assessed need, with review dates and "
                "an end date agreed with the service user?",
            ),
            (
                "exit-strategy",
                "the safe exit strategy with relapse prevention, agreed with the service user "
                "and the professionals involved",
                "For each child leaving the service, where is the exit strategy, and who "
                "agreed it?",
            ),
            (
                "disengagement",
                "follow-up of each disengagement, shared with the referrer with the next "
                "steps agreed",
                "Which service users disengaged, how was each followed up, and what next "
                "steps were agreed with the referrer?",
            ),
            (
                "waiting-list",
                "the waiting list, prioritised with the Strategic Manager, and the updates "
                "to the commissioners on times and actions",
                "Who is waiting, in what priority agreed with the Strategic Manager, and when "
                "were the commissioners last updated?",
            ),
            (
                "sub-contracting",
                "the commissioners' written permission for each sub-contracting arrangement "
                "and each later change",
                "Is any element sub-contracted, and where is the commissioners' written "
                "agreement for it and for each change?",
            ),
            (
                "media-consent",
                "the Council Press Officer's prior written consent for any statement to the "
                "media about a young person",
                "Was anything said to the media about a young person referred, and was the "
                "Press Officer's written consent given first?",
            ),
        )
    ),
)
