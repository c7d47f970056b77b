"""The account of Stoke's whole text, sentence by sentence, in its order.

Notes carry the audit's clause numbers (``audit ST-nn``, ``Qn``, ``Dn``) from
``shared/audits/stoke.md``.
"""

from __future__ import annotations

from childcare_commissioning.register import (
    Register,
    context,
    definition,
    duty,
    not_encoded,
    rule,
)

__all__ = ["REGISTER"]

_PMF = (
    "the Performance Management Framework it refers to is not part of this text (audit Q8); "
    "nothing in it can be encoded until the Council supplies it"
)
_SUMMARY = (
    "the text's own summary, in words, of the figures above it, which are encoded as "
    "reference tables (the outcomes' baselines: 2.2.2 'evidenced against the baseline in "
    "section 1.4.2'); it adds no figure, rule or duty of its own"
)

REGISTER = Register(
    (
        # 1.1 -----------------------------------------------------------------------------
        context(
            "1.1 Overall purpose and aims of the service",
            "1.1 Overall purpose and aims of the service",
            "aspects of service development and delivery.",
            note="History of the Council's approach before this contract.",
        ),
        duty(
            "1.1 Core service",
            "Moving forward, the service requirements are twofold",
            "twelve during the summer of 2018.",
            "duties/core-guidance",
            note="audit ST-01.",
        ),
        duty(
            "1.1 Core service",
            "The service will not offer direct interventions",
            "supporting the young person's needs.",
            "duties/no-direct-interventions",
            "duties/camhs-information-sharing",
            note="audit ST-02, ST-03.",
        ),
        duty(
            "1.1 Core service",
            "The service will also support any referral to CAMHS",
            None,
            "duties/camhs-referral-support",
            note="audit ST-04.",
        ),
        duty(
            "1.1 Core service",
            "Expected high  level outcomes include reduction in external residential placements",
            None,
            "outcomes/core-placement-stability",
            "duties/outcome-core-placement-stability",
            note="audit ST-05.",
        ),
        definition(
            "1.1 Pilot",
            "2. Pilot",
            "The Commissioners are interested to test out the SGH approach",
            "services/pilot",
        ),
        duty(
            "1.1 Pilot",
            "Expected high level outcomes include increased placement stability",
            None,
            "outcomes/pilot-placement-stability",
            "duties/outcome-pilot-placement-stability",
            note="audit ST-06.",
        ),
        rule(
            "1.1 Pilot",
            "This would be a 12-month pilot to be mobilised within three months",
            "improving placement stability.",
            "deadlines/pilot-mobilised",
            "deadlines/pilot-evaluation",
            note="audit ST-07, ST-08: the satisfactory-outcomes and value-for-money conditions "
            "are the Council's decision at evaluation.",
        ),
        # 1.2 -----------------------------------------------------------------------------
        context(
            "1.2 Strategic Priorities",
            'Taken from the "Stronger Together"',
            "who need it most (Priority 5).",
            note="Policy context: the Council's strategic plan and priorities.",
        ),
        # 1.3 -----------------------------------------------------------------------------
        definition(
            "1.3 Definitions",
            "For the purpose of the service, the following definitions apply",
            "residential special schools.",
            "glossary/Looked After Child",
            note="audit ST-09.",
        ),
        definition(
            "1.3 Definitions",
            "The service draws upon a theoretical and evidence base",
            None,
            "glossary/Psychologically informed",
        ),
        definition(
            "1.3 Definitions",
            "Services delivered by a range of practitioners and providers",
            "Education Psychology service within the LA.",
            "glossary/CAMHS",
        ),
        definition(
            "1.3 Definitions",
            "Small Group Home These are the LA in-house provision",
            "during summer 2018.",
            "glossary/Small Group Home",
        ),
        definition(
            "1.3 Definitions",
            "The prime service user is the care giver",
            "feels most comfortable with.",
            "glossary/Service user",
            note="audit ST-10.",
        ),
        # 1.4 -----------------------------------------------------------------------------
        context(
            "1.4 Evidence base",
            "Recommendation six of the",
            "Implementation products: to support those working in the field.",
            note="National evidence quoted as background.",
        ),
        context(
            "1.4.1 National and local Policy Context",
            "1.4.1 National and local Policy Context",
            "The Fostering National Minimum Standards, Department of Education.",
            note="A list of legislation and guidance; the duties to comply with the "
            "safeguarding items are in 4.2. Section 11 is of the Children Act 2004, not 2007 "
            "as printed (audit Q15): see the reading 'section-11'.",
        ),
        definition(
            "1.4.1 National and local Policy Context",
            "Statutory Guidance on making arrangements to safeguard",
            "section 11 of the Children Act 2007",
            "readings/section-11",
            note="audit Q15: the Act is misprinted; the same words recur in 4.2.",
        ),
        context(
            "1.4.2 Evidence of need",
            "1.4.2 Evidence of need",
            "0-18 = 59,643",
            note="Population estimates (statistics).",
        ),
        context(
            "1.4.2 SDQ scores",
            "The City Council is required annually to undertake strength and difficulty",
            "All SDQ Scores",
            "reference_tables/sdq-scores",
            note="audit ST-11. The annual SDQ is the Council's own statutory return, not the "
            "Provider's.",
        ),
        context(
            "1.4.2 SDQ scores",
            "All SDQ Scores",
            "Average Difference - - 0.70 0.76 0.41",
            "reference_tables/sdq-change",
            note="audit ST-11.",
        ),
        context(
            "1.4.2 SDQ scores",
            "In SGH During Year",
            "18.9",
            "reference_tables/sgh-sdq-scores",
            note="audit ST-11.",
        ),
        context(
            "1.4.2 SDQ scores",
            "In Small Group Home During Both Years and SDQ Score Available",
            "Average Difference - - 1.0 1.6 -1.4",
            "reference_tables/sgh-sdq-change",
            note="audit ST-11.",
        ),
        context(
            "1.4.2 SDQ scores",
            "Average 2014-15 2015-16 2016-17 2017-18 All",
            "SGH - 1.00 1.60 -1.40",
            note="The SDQ averages and their year-on-year differences, summarised "
            "(statistics; the reading below settles the 2017-18 average).",
        ),
        definition(
            "1.4.2 SDQ scores",
            "13.9",
            None,
            "readings/sdq-2017-18-average",
            note="audit Q6: 14 in the first table, 13.9 in the summary table.",
        ),
        context(
            "1.4.2 Current CIC Population",
            "Current CIC Population",
            "The average duration of these placements was 350 days long.",
            "reference_tables/children-in-care-2017",
            "reference_tables/placement-breakdowns-2017",
            note="audit ST-11, second audit 8: the children in care at 31/12/17 (the "
            "in-house share is the pilot outcome's baseline) and the 2017 breakdowns (the "
            "breakdowns table's notes).",
        ),
        context(
            "1.4.2 Placement Breakdowns (2017)",
            "21 (13.7%) of those 153 were to Stoke Foster Carers",
            "Total 21 100.0%",
            "reference_tables/placement-breakdowns-2017",
            note="audit ST-11: own provision.",
        ),
        context(
            "1.4.2 Placement Breakdowns (2017)",
            "62 (40.5%) of the 153 were to Agency Foster Carers.",
            "Total 62 100.0%",
            "reference_tables/placement-breakdowns-2017",
            note="audit ST-11: agency provision.",
        ),
        context(
            "1.4.2 Long Term Placement Stability",
            "Long Term Placement Stability",
            "63 (29.6%) of the 213 children were with Agency Foster Carers.",
            "reference_tables/long-term-placement-stability",
            note="audit ST-11, second audit 8.",
        ),
        context(
            "1.4.2 Short Term Placement Stability",
            "Short Term Placement Stability As at 31/12/17 there were 636 Children",
            "fewer placements than those in our agency placements.",
            "reference_tables/short-term-placement-stability",
            note="audit ST-11.",
        ),
        not_encoded(
            "1.4.2 Summary",
            "There are roughly the same number of Children in Care",
            "whilst in care.",
            _SUMMARY,
            note="audit ST-11: the text's own summary of the figures above.",
        ),
        context(
            "1.4.2 Out of city placements",
            "Out of city placements from small group homes.",
            "there have been three.",
            "reference_tables/sgh-out-of-city-moves",
            "readings/placement-stability-counts",
            note="audit ST-11, second audit 8: 8 moves out of the city in 2014/15, three in "
            "2016/17, the core outcome's baseline; monitor counts the moves per financial "
            "year (KPI sgh-out-of-city-moves) and the pilot's unplanned breakdowns (KPI "
            "pilot-placement-breakdowns).",
        ),
        # Current Service Provision -------------------------------------------------------
        duty(
            "1.4.2 Current Service Provision",
            "Current Service Provision",
            "NHS CAMHS provision for LAC.",
            "duties/service-links",
            note="audit ST-13: 'including, but not restricted to' is an open list.",
        ),
        rule(
            "1.4.2 Current Service Provision",
            "Any young person   for whom there is a concern",
            "focus is on the mental health of the child/young person.",
            "computations/camhs-priority-access",
            "readings/camhs-priority-clause",
            note="audit ST-12, Q7: the sentence sits in section 1, before '2. DESCRIPTON'. "
            "The CAMHS hub's triage and prerequisites describe NHS CAMHS, not this service.",
        ),
        duty(
            "1.4.2 Current Service Provision",
            "Foster carer training for in-house foster carers",
            None,
            "duties/service-links",
            note="The Council's foster carer training is the second related service of the "
            "open list the service keeps links with.",
        ),
        # 2.1 -----------------------------------------------------------------------------
        rule(
            "2.1 Scope",
            "The service will focus on children and young people up to the age of 18 years.",
            None,
            "cohorts/small-group-home-residents",
            "cohorts/in-house-foster-care",
            "readings/up-to-18",
            note="audit ST-14.",
        ),
        rule(
            "2.1.1 Core service",
            "Children and young people up to the age of 18 who are resident in the LA's Small Group Homes.",
            None,
            "cohorts/small-group-home-residents",
            "readings/small-group-home-residence",
            note="audit ST-15, D4: the cohort requires the status 'la-residential-home'; an "
            "external residential placement is not eligible.",
        ),
        rule(
            "2.1.2 Pilot",
            "Children and young people up to the age of 18 who are living with in-house foster carers",
            None,
            "limits/radius",
            "readings/near-the-limit",
            note="audit ST-16, D3: the individual review is the answer from 20 to 22 miles.",
        ),
        # 2.2 -----------------------------------------------------------------------------
        context(
            "2.2 Service Description",
            "The needs of looked after children (LAC) are complex.",
            "cannot be seen as a one-of diagnosis.",
            note="Clinical background.",
        ),
        duty(
            "2.2 Service Description",
            "Whilst the service will not work directly with the children and young people",
            None,
            "duties/no-direct-interventions",
        ),
        context(
            "2.2 Service Description",
            "Placement instability should be seen as both a cause",
            "and realise their ambitions and full potential.",
            note="The service's rationale and aims.",
        ),
        context(
            "2.2.1 Core service",
            "The importance of providing therapeutic care",
            "possibility for every interaction to be seen as therapeutic.",
            note="The therapeutic model the core service follows.",
        ),
        duty(
            "2.2.1 Core service",
            "The SGH staff are seen as",
            "helps to inform and priorities appropriate support plans.",
            "duties/sgh-team-development",
            note="'the service is required to provide a greater understanding of complex "
            "presentations, improve practice and support the development of a consistent "
            "whole team': a duty; the NICE 2015 guideline and formulation describe how.",
        ),
        duty(
            "2.2.1 Core service",
            "The service will develop assessments for each of the SGH",
            "Assessment and support must therefore be responsive and flexible.",
            "duties/sgh-assessments",
            note="audit ST-17.",
        ),
        duty(
            "2.2.1 Core service",
            "The care givers will receive regular support by meeting with a consultant psychologist",
            "what they may need to enable them to support the placement.",
            "duties/consultant-psychologist-support",
            note="audit ST-18.",
        ),
        rule(
            "2.2.2 Pilot",
            "Similar to the principles and approaches in the Core Service",
            None,
            "services/pilot",
            "cohorts/in-house-foster-care",
            note="audit ST-19: connected persons/kinship carers are in the pilot cohort.",
        ),
        rule(
            "2.2.2 Pilot",
            "It is anticipated a small number of children and young people will be identified",
            None,
            "routes/pilot-social-worker",
            "readings/pilot-identification",
            note="audit ST-20, Q14.",
        ),
        duty(
            "2.2.2 Pilot",
            "The aim is to reduce the dependency on external placements",
            None,
            "outcomes/pilot-placement-stability",
            "reference_tables/short-term-placement-stability",
            "duties/outcome-pilot-placement-stability",
        ),
        duty(
            "2.2.2 Pilot",
            "It is anticipated that the service provider will facilitate and lead",
            None,
            "duties/service-development-days",
            note="audit ST-21.",
        ),
        # 2.3 Service Model ---------------------------------------------------------------
        context(
            "2.3 Service Model and Approach",
            "2.3 Service Model and Approach",
            "support that is responsive to the young person's needs.",
            note="Principles of the approach. 'A system that can be activated by anyone' is "
            "an aim for the pathway; who may refer is decided in Referral Pathways below, "
            "where a referral from the network is redirected (reading 'network-referrals').",
        ),
        duty(
            "2.3 Service Model and Approach",
            "The service is required to",
            "trafficking and other safeguarding issues",
            "duties/specialist-knowledge",
            note="audit ST-84.",
        ),
        duty(
            "2.3 Service Model and Approach",
            "Co-ordinate care  packages",
            None,
            "duties/care-coordination",
            note="audit ST-85.",
        ),
        duty(
            "2.3 Service Model and Approach",
            "Devise support plans that are  based on assessed need",
            "Facilitate and implement coping and recovery strategies",
            "obligations/support-plan",
            "duties/support-plan",
            note="audit ST-22.",
        ),
        duty(
            "2.3 Service Model and Approach",
            "Be  flexible to meet individual needs",
            "recovery journey where appropriate",
            "duties/user-led-service",
            note="audit ST-85.",
        ),
        duty(
            "2.3 Service Model and Approach",
            "Support the young person's referral to CAMHS",
            None,
            "duties/camhs-referral-support",
            note="audit ST-04.",
        ),
        duty(
            "2.3 Service Model and Approach",
            "Support transition to adult services",
            "planning for transition to Adult Services",
            "duties/transition-planning",
            note="audit ST-23.",
        ),
        duty(
            "2.3 Service Model and Approach",
            "Support will continue to be tailored",
            None,
            "obligations/support-plan",
            "readings/support-not-time-limited",
            "duties/support-plan",
            note="audit ST-24, Q13.",
        ),
        rule(
            "2.3 Service Model and Approach",
            "Will operate at times compatible with the needs of service users",
            None,
            "calendars/stoke-service",
        ),
        duty(
            "2.3 Service Model and Approach",
            "Work with education settings and the Virtual School",
            None,
            "duties/education-links",
            note="audit ST-85.",
        ),
        # 2.3 Confidentiality -------------------------------------------------------------
        duty(
            "2.3 Confidentiality",
            "The service will operate in line with locally agreed information sharing protocols",
            None,
            "duties/information-sharing",
        ),
        rule(
            "2.3 Confidentiality",
            "Any information relating to the safeguarding of a child",
            None,
            "contacts/scb",
            "contacts/police",
            "readings/safeguarding-routing",
            note="audit ST-26, D6: the contacts are declared; the text gives no time or "
            "channel, so routing answers 'not specified' with these contacts.",
        ),
        duty(
            "2.3 Confidentiality",
            "The service will operate in line with Stoke-on-Trent and Staffordshire Safeguarding Policies",
            None,
            "duties/information-sharing",
        ),
        # 2.3 Referral Pathways -----------------------------------------------------------
        rule(
            "2.3 Referral Pathways and Acceptance Criteria",
            "Referral Pathways and Acceptance Criteria",
            "will receive support from the service.",
            "services/core",
            "cohorts/small-group-home-residents",
            note="audit ST-27: the core service has no referral; every home is supported.",
        ),
        rule(
            "2.3 Referral Pathways and Acceptance Criteria",
            "Referrals may be made by the child's social worker",
            "This will then need to be agreed by the Strategic Manager.",
            "routes/pilot-social-worker",
            "required_information/supervising-social-worker",
            "required_information/strategic-manager-agreement",
            "readings/pilot-referral-agreement",
            "readings/network-referrals",
            note="audit ST-28, ST-29; second audit 11: a referral from anyone else in the "
            "child's network is redirected to the social worker, not refused.",
        ),
        not_encoded(
            "2.3 Referral Pathways and Acceptance Criteria",
            "A referral pathway will be developed as part of the pilot",
            None,
            "the pathway is to be developed during the pilot and the text gives none beyond "
            "the social worker route and the Strategic Manager's agreement, which are encoded",
        ),
        duty(
            "2.3 Referral Pathways and Acceptance Criteria",
            "The service must maintain regular contact with the referrer",
            None,
            "duties/referrer-feedback",
            note="audit ST-30: 'regular' has no interval, so no date is computed.",
        ),
        rule(
            "2.3 Referral Pathways and Acceptance Criteria",
            "The referral will be made on the agreed referral form",
            "Previous interventions if applicable and if open to mental health services",
            "required_information/name",
            "required_information/address",
            "required_information/date-of-birth",
            "required_information/gender",
            "required_information/ethnicity",
            "required_information/carer",
            "required_information/parental-responsibility",
            "required_information/birth-family-history",
            "required_information/referrer-name",
            "required_information/referrer-contact",
            "required_information/safeguarding",
            "required_information/previous-interventions",
            note="audit ST-31. The agreed referral form is not in the text.",
        ),
        not_encoded(
            "2.3 Referral Pathways and Acceptance Criteria",
            "Any other information relevant to the referral",
            None,
            "an open item: what is relevant is for the referrer to judge, so no check can "
            "say it is missing",
        ),
        not_encoded(
            "2.3 Accessibility / Locations",
            "Core service: Small Group homes.",
            "local authority bases.",
            "The places of delivery decide nothing the library checks: who the service is "
            "for is decided by the cohorts (small group home residents, children with in-house "
            "foster carers), and no record the library reads gives the place of a session.",
            note="audit ST-32: the locations are in the services' summaries.",
        ),
        rule(
            "2.3 Accessibility / Days/hours",
            "The service will operate in a flexible manner",
            "excluding bank holidays and Christmas Day and Boxing Day.",
            "calendars/stoke-service",
            note="audit ST-25.",
        ),
        context(
            "2.3 Accessibility / Days/hours",
            "Commissioners are interested to hear of innovative evidence based options",
            None,
            note="An invitation to tenderers, with no duty.",
        ),
        rule(
            "2.3 Referral Criteria",
            "Children and young people aged up to 18 years who are looked after by Stoke",
            None,
            "cohorts/in-house-foster-care",
            "exclusions/not-with-in-house-foster-carers",
            "readings/pilot-discretion",
            note="audit ST-33; second audit 12: the cohort cites 'looked after by Stoke-on-Trent "
            "LA' and the exclusion carries 'resident with in-house foster carers'.",
        ),
        not_encoded(
            "2.3 Referral Criteria",
            "The pilot will refine the referral criteria for the roll out",
            None,
            "criteria for a roll-out after the pilot are to be written during the pilot; "
            "the text gives none",
        ),
        rule(
            "2.3 Exclusion criteria",
            "Looked after children who are not in the care of Stoke-on-Trent in-house foster carers",
            None,
            "exclusions/not-with-in-house-foster-carers",
            "readings/pilot-discretion",
            note="audit ST-34, D2: the discretion is reachable (needs approval).",
        ),
        duty(
            "2.3 Discharge Criteria and Exit Planning",
            "Discharge Criteria and Exit Planning",
            "This will be negotiated with the service user.",
            "obligations/support-plan",
            "duties/support-plan",
            note="audit ST-22.",
        ),
        duty(
            "2.3 Discharge Criteria and Exit Planning",
            "The service will propose a safe exit strategy",
            "all professionals and agencies involved.",
            "obligations/exit-strategy",
            "duties/exit-strategy",
            note="audit ST-35.",
        ),
        duty(
            "2.3 Engagement / Disengagement",
            "The service will recognise the engagement difficulties",
            "alternative next steps will be agreed.",
            "obligations/disengagement",
            "duties/disengagement",
            note="audit ST-36.",
        ),
        duty(
            "2.3 Waiting for Service Commencement",
            "Waiting for Service Commencement",
            "whilst waiting for support to commence.",
            "obligations/waiting-list",
            "duties/waiting-list",
            note="audit ST-37: 'keep commissioners updated' has no frequency.",
        ),
        duty(
            "2.3 Waiting for Service Commencement",
            "In undertaking the above individual support",
            None,
            "duties/user-led-service",
        ),
        # 3 -------------------------------------------------------------------------------
        context(
            "3 Overall Service Delivery",
            "3. Overall Service Delivery",
            "missing from home, care or education",
            note="Describes the young people's vulnerabilities; not eligibility criteria "
            "(the criteria are in 2.1 and 2.3).",
        ),
        duty(
            "3.1 Whole Systems Relationships",
            "3.1 Whole Systems Relationships",
            "offer services to the referred person, and their carers",
            "duties/partnership-working",
            note="audit ST-86: 'this list if not exhaustive' is an open list.",
        ),
        duty(
            "3.1 Whole Systems Relationships",
            "The service will establish and implement regular formal communication routes",
            None,
            "duties/communication-routes",
            note="audit ST-38.",
        ),
        duty(
            "3.2 Sub-contractors",
            "The provider may not sub contract any elements",
            "agreed by commissioners.",
            "obligations/sub-contracting",
            "duties/sub-contracting",
            note="audit ST-39.",
        ),
        not_encoded(
            "3.3 Social Value",
            "Providers are expected to be proactive and have an innovative approach to Social Value",
            "beyond the financial value of those purchases.",
            "social value is weighed when the tender is evaluated (Public Services (Social "
            "Value) Act 2012); the text sets no measure, target or duty to check during the "
            "contract",
            note="audit ST-87.",
        ),
        duty(
            "3.4 Information",
            "The service provider shall provide information to the service users",
            "make available its complaints policy.",
            "duties/service-information",
            note="audit ST-40.",
        ),
        # 4.1 -----------------------------------------------------------------------------
        context(
            "4 Governance and quality",
            "4. GOVERNANCE and QUALITY",
            "4.1 Staffing levels, training, qualifications and experience",
            note="Headings.",
        ),
        duty(
            "4.1 Staffing levels, training, qualifications and experience",
            "The Provider will:",
            "appropriate level of administration support.",
            "duties/dedicated-team",
            note="audit ST-41.",
        ),
        rule(
            "4.1 Staffing levels, training, qualifications and experience",
            "Ensure safer recruitment training is completed",
            None,
            "workforce/safer-recruitment",
            note="audit ST-42.",
        ),
        duty(
            "4.1 Staffing levels, training, qualifications and experience",
            "Ensure that the service is fully staffed and operational",
            None,
            "duties/absence-cover",
            note="audit ST-43.",
        ),
        duty(
            "4.1 Staffing levels, training, qualifications and experience",
            "Shall ensure that there is capacity within the service",
            None,
            "duties/capacity-reporting",
            note="audit ST-44.",
        ),
        duty(
            "4.1 Staffing levels, training, qualifications and experience",
            "Ensure that there is Strategic capacity",
            None,
            "duties/dedicated-team",
        ),
        rule(
            "4.1 Staffing levels, training, qualifications and experience",
            "All staff involved in delivering this service will",
            "and their carers",
            "workforce/qualified-psychologist",
            "readings/vulnerable-children-experience",
            note="audit ST-45, second audit 10: the experience 'of working with vulnerable "
            "children young people and their carers' runs from the roster's "
            "experience_since (reading).",
        ),
        rule(
            "4.1 Staffing levels, training, qualifications and experience",
            "Be trained to a minimum of Safeguarding level 2",
            None,
            "workforce/safeguarding-level-2",
            "workforce/higher-safeguarding",
            "readings/higher-safeguarding-levels",
            "duties/higher-safeguarding-training",
            note="audit ST-46, second audit 10: 'some staff trained to higher levels' is a "
            "team check (at least one at level 3).",
        ),
        rule(
            "4.1 Staffing levels, training, qualifications and experience",
            "Have regular supervision",
            None,
            "workforce/supervision",
            "readings/regular-supervision",
            note="audit ST-47.",
        ),
        rule(
            "4.1 Staffing levels, training, qualifications and experience",
            "Have Enhanced Disclosure and Barring Service (DBS) clearance",
            None,
            "workforce/dbs",
            note="audit ST-48.",
        ),
        duty(
            "4.1 Staffing levels, training, qualifications and experience",
            "The Provider will ensure assistance and provide information to Commissioners during Ofsted",
            "Thematic Ofsted Inspection.",
            "duties/inspections-support",
            note="audit ST-49.",
        ),
        # 4.2 -----------------------------------------------------------------------------
        duty(
            "4.2 Local/national quality service standards and guidance",
            "4.2 Local/national quality service standards and guidance",
            "regarding data protection & safeguarding.",
            "duties/data-protection",
            "duties/safeguarding-compliance",
        ),
        rule(
            "4.2 Local/national quality service standards and guidance",
            "Safeguarding children and young people is everyone's responsibility.",
            "Local Authority Designated Officer).",
            "contacts/scb",
            "contacts/lado",
            "duties/safeguarding-compliance",
            note="audit ST-50, ST-51, D6.",
        ),
        duty(
            "4.2 Local/national quality service standards and guidance",
            "Ensure that the Safeguarding children and young people policy meets the minimum requirements",
            "section 11 of the Children Act 2007",
            "duties/safeguarding-compliance",
            note="audit ST-52; 'both ... Boards' names one Board (audit Q10), see the "
            "reading 'safeguarding-boards'.",
        ),
        rule(
            "4.2 Local/national quality service standards and guidance",
            "Ensure any training delivered to staff/volunteers on safeguarding children",
            "please contact the SCB for information and advice for staff.",
            "workforce/safeguarding-level-2",
            "duties/approved-safeguarding-training",
            "contacts/scb",
            "readings/safeguarding-boards",
            note="audit ST-53.",
        ),
        duty(
            "4.2 Local/national quality service standards and guidance",
            "The Provider shall be constantly up to date with national developments",
            None,
            "duties/national-developments",
        ),
        duty(
            "4.2 Data Protection",
            "Communications and provision of information must be coherent",
            "specified by Stoke-on-Trent City Council",
            "duties/data-protection",
            note="audit ST-54.",
        ),
        duty(
            "4.2 Managing complaints",
            "The Provider must have a clear robust procedure for incidents, complaints",
            "i.e. demonstrate neutrality.",
            "duties/complaints-process",
            note="audit ST-55.",
        ),
        rule(
            "4.2 Managing complaints",
            "The Provider will report on complaints quarterly",
            None,
            "obligations/complaints-report",
            "outcomes/complaints",
            "readings/performance-management-framework",
            note="audit ST-56: the report's contents are in the Framework, which the text "
            "does not include (Q8).",
        ),
        duty(
            "4.2 Equality and Diversity",
            "Equality and Diversity The Provider is expected to promote equality",
            "equality of access and understanding.",
            "duties/equality-and-translation",
            note="audit ST-57.",
        ),
        duty(
            "4.2 Media Communications",
            "The Provider will not make any statement, oral or written",
            None,
            "obligations/media-consent",
            "duties/media-consent",
            note="audit ST-58.",
        ),
        duty(
            "4.2 Media Communications",
            "The Provider will not make any public statement via any media platform",
            "without the prior consent and validation of the commissioners",
            "duties/media-conduct",
            note="audit ST-59.",
        ),
        # 4.3 -----------------------------------------------------------------------------
        rule(
            "4.3 Performance Reviews",
            "4.3 Quality Assurance: safety and consistency",
            "providing performance is satisfactory.",
            "obligations/performance-review",
            note="audit ST-60.",
        ),
        rule(
            "4.3 Performance Reviews",
            "This may differ between the core service and pilot.",
            "waiting until next scheduled service review is inappropriate.",
            "obligations/performance-review",
            "readings/performance-review-services",
            note="audit Q9.",
        ),
        duty(
            "4.3 Performance Reviews",
            "These are separate to service development days",
            None,
            "duties/service-development-days",
        ),
        duty(
            "4.3 Performance Reviews",
            "The Performance Review will consider",
            "(vii) Any other relevant issues",
            "duties/performance-data",
            note="audit ST-61.",
        ),
        not_encoded(
            "4.3 Performance Reviews",
            "At any time throughout the contract Stoke-on-Trent City Council may decide",
            "come into contact with the service",
            "a right the Council may use at any time, with no date, notice or duty on the "
            "Provider beyond those encoded elsewhere (records, inspections support)",
            note="audit ST-62.",
        ),
        rule(
            "4.3 Safety and consistency",
            "Safety and consistency · DBS checks for all new staff",
            "renewed every 3 years",
            "deadlines/dbs-renewal",
            "workforce/dbs",
            note="audit ST-63.",
        ),
        not_encoded(
            "4.3 Safety and consistency",
            "Health & Safety and Insurance details can be found in the main provisions",
            None,
            "the details are in the main provisions of the Agreement, which is not part of "
            "this text",
        ),
        rule(
            "4.3 Safety and consistency",
            "Robust procedures and policies in place regarding safer recruitment",
            None,
            "obligations/policies-updated",
            note="audit ST-64.",
        ),
        duty(
            "4.3 Managing emergencies",
            "The Provider is expected to demonstrate plans to support any emergencies",
            "accurate records for each Service User referred into the service.",
            "duties/emergency-plans",
            note="audit ST-65.",
        ),
        # 4.4 -----------------------------------------------------------------------------
        rule(
            "4.4 Service User involvement",
            "4.4 Service User involvement",
            "can influence and shape future service provision",
            "obligations/satisfaction-data",
            "outcomes/service-user-satisfaction",
            note="audit ST-66.",
        ),
        duty(
            "4.4 Service User involvement",
            "Provide methods for feedback to be given by service users",
            "in the planning and design of services",
            "duties/service-user-feedback",
            note="audit ST-67.",
        ),
        # 5 -------------------------------------------------------------------------------
        not_encoded(
            "5 Quality and performance",
            "5. QUALITY AND PERFORMANCE",
            "Please refer to the Performance Management Framework.",
            _PMF,
            note="audit ST-68.",
        ),
        duty(
            "5 Quality and performance",
            "To enable the Commissioners to monitor the level of activity",
            "ensure it has a proactive approach.",
            "duties/administrative-records",
            note="audit ST-68.",
        ),
        not_encoded(
            "5.1 Outcome and Activity monitoring",
            "5.1 Outcome and Activity monitoring",
            "Please refer to the Performance Management Framework.",
            _PMF,
        ),
        not_encoded(
            "5.2 Mobilisation Period",
            "Tenderers are expected to submit a detailed mobilisation plan",
            "added to the specification upon contract award.",
            "the mobilisation plan is the winning tender's, added to the specification on "
            "award and not part of this text; the three-month mobilisation limit of the pilot "
            "is encoded (deadlines/pilot-mobilised)",
            note="audit ST-69.",
        ),
        rule(
            "5.2 Mobilisation Period",
            "The core service and pilot mobilisations start dates",
            "may be staggered.",
            "readings/staggered-mobilisation",
            "deadlines/pilot-mobilised",
            note="second audit 9: each service starts with its own packages; the dates are "
            "the mobilisation plan's, not the text's.",
        ),
        # 6.1 -----------------------------------------------------------------------------
        rule(
            "6.1 Service delivery budget",
            "6.1 Service delivery budget",
            "£30,000",
            "billing/budgets/2018/19",
            "readings/budget-2018-19-start",
            note="audit ST-70, Q12.",
        ),
        rule(
            "6.1 Service delivery budget",
            "5% (£4500) of the  budget for 2018/19",
            None,
            "billing/retention",
            "readings/retention-of-payments",
            note="audit ST-71.",
        ),
        rule(
            "6.1 Service delivery budget 2019/20",
            "Service delivery budget 2019/20",
            "£40,000",
            "billing/budgets/2019/20",
            "duties/funding-confirmation",
            "deadlines/pilot-evaluation",
            "readings/pilot-funding",
            note="audit ST-72, ST-73, ST-74, Q11.",
        ),
        rule(
            "6.1 Service delivery budget 2019/20",
            "5% of the total annual  budget will be withheld and paid in quarter 1 2020/21",
            None,
            "billing/retention",
            note="audit ST-75.",
        ),
        rule(
            "6.1 Service delivery budget 2020/21",
            "Service delivery budget 2020/21",
            "£40,000",
            "billing/budgets/2020/21",
            "duties/funding-confirmation",
            note="audit ST-76, ST-73.",
        ),
        rule(
            "6.1 Service delivery budget 2020/21",
            "5% of the total annual budget will be withheld and paid in quarter 1 2020/21",
            None,
            "billing/retention",
            "readings/retention-2020-21",
            note="audit ST-77, Q1.",
        ),
        rule(
            "6.1 Service Delivery Budget final year 2021/22",
            "Service Delivery Budget final year 2021/22",
            "final funding levels will be confirmed by January 2021",
            "billing/budgets/2021/22",
            "duties/funding-confirmation",
            "readings/indicative-budgets",
            "billing/retention",
            "readings/retention-of-payments",
            note="audit ST-78, D1 (one cap across core and pilot, now checked), D5 (no "
            "retention stated, so the retention is declared for 2018/19 to 2020/21 only and "
            "April-June 2021 withholds nothing: reading 'retention-of-payments').",
        ),
        duty(
            "6.1 Service Delivery Budget final year 2021/22",
            "The contract will run until 30th June 2021",
            "There is an option to extend for a further one year.",
            "duties/progress-reports-monthly",
            "duties/progress-reports-quarterly",
            "duties/progress-reports-annual",
            "duties/extension-decision",
            note="audit ST-79, ST-80, ST-81: the end date is the specification's "
            "effective_to (30 June 2021).",
        ),
        not_encoded(
            "6.1 Cost Efficiencies",
            "The Service Provider is expected to deliver this service in the most cost effective",
            "which provide added value.",
            "an expectation and an invitation to propose innovations, with no measure or "
            "target; value for money is judged at the pilot's evaluation (encoded)",
        ),
        rule(
            "6.2 Payments",
            "Payments will be made quarterly in arrears",
            "Invoices should be submitted via email to Sue Hammersley.",
            "billing",
            "readings/payment-by-claim",
            "duties/invoices-by-email",
            note="audit ST-82, ST-83: the outcomes/targets are in the Performance "
            "Management Framework, not in this text (Q8). Second audit 13: invoiced as "
            "quarterly claims against the budget, with no rate.",
        ),
        context(
            "Footnote",
            "National Institute for Care & Clinical Excellence (2015)",
            None,
            note="A reference.",
        ),
    ),
    package="childcare_commissioning_stoke",
)
