"""Somerset's whole text accounted for: the clause register (every sentence, in the text's
order). The checklist and the rules computed in code are in :mod:`.duties`.

Audit clause numbers (``audit SO-nn``) refer to ``shared/audits/somerset.md``.
"""

from __future__ import annotations

from childcare_commissioning.register import (
    Register,
    context,
    definition,
    duty,
    rule,
)
from childcare_commissioning_somerset.duties import ACCESS

__all__ = ["REGISTER"]

_GLOSSARY = "Glossary"
_ROUTES = ("routes/placements-team", "routes/emergency-duty-team")
_COHORTS = ("cohorts/edge-of-care", "cohorts/in-care", "cohorts/disabilities-at-home")
_TRAINING = tuple(f"workforce/training-{letter}" for letter in "abcdefghijk")
_WORKFORCE = (*_TRAINING, "workforce/risk-assessment", "workforce/dbs", "workforce/staff-id")
_MONITORING = tuple(f"outcomes/monitoring-{n}" for n in range(1, 7))

#: The account of Somerset's whole text, in its order (see childcare_commissioning.register).
REGISTER = Register(
    (
        # --- Glossary -------------------------------------------------------------------
        definition(
            _GLOSSARY,
            "Term",
            "Statutory service for children and their families.",
            "glossary/ARC",
            "glossary/CAMHS",
            "glossary/Children's Social Care (CSC)",
        ),
        rule(
            _GLOSSARY,
            "Children's Social Care Placements Team",
            "undertaking contract management functions.",
            "glossary/Children's Social Care Placements Team",
            "contacts/placements-team",
            "routes/placements-team",
            note="audit SO-03: the Placements Team is the contact and the in-hours route.",
        ),
        definition(
            _GLOSSARY,
            "CWD",
            "Protection of Freedoms Act 2012.",
            "glossary/CWD",
            "glossary/DBS",
        ),
        rule(
            _GLOSSARY,
            "District and Borough Councils",
            "and West Somerset Council.",
            "glossary/District and Borough Councils",
            "services/crisis-homecare",
            "area_rules/somerset-county",
            note="audit SO-05: the five districts are the council's declared areas "
            "(SPEC.areas), the area the county-wide service serves.",
        ),
        definition(_GLOSSARY, "EDHR", "Equality, Diversity and Human Rights", "glossary/EDHR"),
        rule(
            _GLOSSARY,
            "EDT",
            "(out of working hours) emergency response team.",
            "glossary/EDT",
            "contacts/emergency-duty-team",
            "routes/emergency-duty-team",
            "calendars/somerset-working-hours",
            note="audit SO-01: EDT takes requests outside the Council's working hours. The "
            "audit's remark that the contact kept the working hours is fixed: it keeps none.",
        ),
        definition(
            _GLOSSARY,
            "EoC",
            "Access point for Targeted Early Help Services for children and their families",
            "glossary/EoC",
            "glossary/ETE",
            "glossary/getset",
        ),
        rule(
            _GLOSSARY,
            "Looked After Child / Young Person (LAC)",
            "which is being funded by the Council.",
            "glossary/Looked After Child / Young Person (LAC)",
            "cohorts/in-care",
            note="audit SO-02: the in-care cohort is for looked-after children (status "
            "looked-after, as the SCC social worker records it).",
        ),
        definition(
            _GLOSSARY,
            "Multi-agency Plan",
            "The successful bidders.",
            "glossary/Multi-agency Plan",
            "glossary/Provider(s)",
        ),
        rule(
            _GLOSSARY,
            "Provider's Staff",
            "A Provider's Staff includes all employees, agents and volunteers.",
            "glossary/Provider's Staff",
            *_WORKFORCE,
            note="audit SO-04 (missing there): every workforce requirement applies to every "
            "worker the Provider records, employee, agent or volunteer alike; no requirement "
            "is scoped to employees.",
        ),
        definition(
            _GLOSSARY,
            "Referring Agencies",
            "Person or organisation making the initial request",
            "glossary/Referring Agencies",
            "readings/referring-agencies",
            note="audit Q8: who may refer is decided by 1.1 and 2.6, see the reading.",
        ),
        rule(
            _GLOSSARY,
            "SCC",
            "Somerset County Council.",
            "glossary/SCC",
            "readings/scc",
            *_ROUTES,
            note="audit Q13 and V13: 'SCC' is accepted as the referrer's organisation.",
        ),
        definition(_GLOSSARY, "SW", "Youth Offending Team", "glossary/SW", "glossary/YOT"),
        # --- Section 1 ------------------------------------------------------------------
        definition(
            "1.1 Introduction",
            "This service specification and related appendices",
            "crisis intervention and homecare support services.",
            "services/crisis-homecare",
            "readings/in-force-date",
            note="The specification's in-force date is not in the text: reading "
            "'in-force-date' (taken from the statistics of 1.4, a context entry).",
        ),
        rule(
            "1.1 Introduction",
            "This specification covers children and young people with disabilities",
            "require some additional support.",
            *_COHORTS,
            "readings/unstable-placements",
            "readings/send-not-disability",
            note="audit SO-06, Q11: instability of a placement is not checked; see the reading. "
            "'With disabilities': a disability, not SEND alone (second audit defect 5).",
        ),
        rule(
            "1.1 Introduction",
            "The contracts will be solely commissioned by Somerset County Council",
            "will only come from Social Workers from Somerset County Council.",
            *_ROUTES,
            note="audit SO-07, SO-08: SPEC.commissioners is Somerset County Council alone; "
            "both routes take social workers of SCC only.",
        ),
        rule(
            "1.1 Introduction",
            "All referrals / support requests will be directed through the Placements Team.",
            None,
            "routes/placements-team",
            "contacts/placements-team",
            note="audit SO-09.",
        ),
        context(
            "1.2 Background",
            "Research shows that intervening effectively",
            "to stabilise placements when they become fragile.",
        ),
        context(
            "1.3 National and Local Context",
            "National and Local Context",
            "checking whether they are being effectively helped and supported early when problems arise.",
        ),
        rule(
            "1.4 Local Context",
            "Under the Children Act (1989), a child is legally defined",
            "Is subject to a placement order",
            "status_definitions/looked-after",
            "readings/looked-after-history",
            "cohorts/in-care",
            note="audit SO-10 (missing there); second audit defect 8: where a referral gives "
            "the child's care history (or an SSDA903 return is imported with --council "
            "somerset), looked-after is computed from it; otherwise the social worker's "
            "recorded status is taken.",
        ),
        context(
            "1.4 Local Context",
            "2.2.1 In April 2018, Somerset had 517 children looked after",
            None,
            note="A statistic (second audit defect 7: not a definition). Audit Q10: the text "
            "gives no contract dates; its latest date, April 2018, is where the library's "
            "in-force date (1 April 2018) comes from: reading 'in-force-date'.",
        ),
        context(
            "1.4 Local Context",
            "Whilst local authority levels vary significantly",
            "statistical neighbour average of 10.6% (2016).",
            note="Statistics numbered 2.2.1 and 2.2.2 in the text (audit Q9); the citations "
            "give those numbers to the Key Objectives.",
        ),
        # --- Section 2 ------------------------------------------------------------------
        rule(
            "2.1 Overview",
            "The Service will be available to children and young people predominantly",
            "need support in order to remain at home.",
            *_COHORTS,
            "readings/ages-between",
            note="audit SO-11.",
        ),
        context(
            "2.1 Overview",
            "Though neglect is the most common reason for entry to care",
            "regain stability for the young people. This might mean offering support",
            note="Background and the aims behind the in-care strand; what the strand is for "
            "is carried by cohorts/in-care (1.1, 2.1).",
        ),
        rule(
            "2.1 Overview",
            "A further requirement of the service is the provision of planned",
            "young people with complex health needs.",
            "cohorts/disabilities-at-home",
            "exclusions/complex-health-needs",
            "readings/complex-health-needs",
            "readings/send-not-disability",
            note="audit SO-12, SO-13; second audit defect 5: SEND alone is not a disability.",
        ),
        context(
            "2.2 Key Aims and Objectives",
            "Key Aims and Objectives",
            "reduce their exposure to risk and exploitation and promote resilience.",
            note="The aims; the outcomes the service is measured on follow in 2.2.1-2.2.3.",
        ),
        duty(
            "2.2.1 Key Objective 1",
            "Key Objective 1: Families Stay Together",
            None,
            "outcomes/objective-1",
            "duties/outcome-objective-1",
        ),
        context(
            "2.2.1 Key Objective 1",
            "Children and young people's needs are best served in their own families",
            "manage change and difficulties on their own once professionals withdraw.",
        ),
        duty(
            "2.2.1 Key Objective 1",
            "Examples of individual outcomes that the Service will need to deliver include:",
            "access the support they require within their local communities",
            "outcomes/objective-1",
            "duties/outcome-objective-1",
            note="audit SO-14.",
        ),
        duty(
            "2.2.2 Key Objective 2",
            "Key Objective 2: Children and Young People engage in positive activities",
            "mental health and wellbeing is improved",
            "outcomes/objective-2",
            "duties/outcome-objective-2",
            note="audit SO-15.",
        ),
        rule(
            "2.2.2 Key Objective 2",
            "Children supported by this service remain living at home 6 months",
            None,
            "outcomes/living-at-home-6-months",
            "computations/living-at-home",
            note="audit SO-16.",
        ),
        duty(
            "2.2.2 Key Objective 2",
            "Provider works in conjunction with other agencies",
            None,
            "outcomes/objective-2",
            "duties/outcome-objective-2",
        ),
        duty(
            "2.2.3 Key Objective 3",
            "2.2.3 Key Objective 3: Placements remain stable",
            "Placement stability improves",
            "outcomes/objective-3",
            "duties/outcome-objective-3",
            note="audit SO-17.",
        ),
        context(
            "2.3 Service Users",
            "Children looked after and those at the edge of care are not a homogeneous group.",
            "issues that have escalated or become more problematic.",
        ),
        rule(
            "2.3 Service Users",
            "Specific groups at risk of care include:",
            "regularly excluded from school",
            "cohorts/edge-of-care",
            "readings/at-risk-groups",
            note="audit SO-18, V14: homeless children are in the edge-of-care cohort.",
        ),
        context(
            "2.3 Service Users",
            "Parents' capacity to cope with these issues can be limited",
            "Limited or no wider family or community support networks",
            note="Describes families' circumstances; no duty or condition.",
        ),
        duty(
            "2.4 Expected Outcomes for Service Users",
            "Expected Outcomes for Service Users",
            "Are respected and not discriminated against.",
            "outcomes/expected-outcomes",
            "duties/outcome-expected-outcomes",
            note="audit SO-19 (missing there).",
        ),
        rule(
            "2.5 Geographical coverage",
            "This is a Somerset county-wide service with allocation based on need.",
            None,
            "services/crisis-homecare",
            "area_rules/somerset-county",
            "readings/out-of-county",
            note="audit SO-20, V15: a referral's area is checked against the five districts; "
            "outside them the Placements Team decides.",
        ),
        duty(
            "2.5 Geographical coverage",
            "Providers will be expected to ensure equality of access",
            None,
            "duties/equality-of-access",
        ),
        duty(
            ACCESS,
            "Service Access and Availability",
            "The service needs to be responsive, easy to access and quick to mobilise",
            "duties/responsive-service",
        ),
        rule(
            ACCESS,
            "available out of hours",
            "available immediately",
            "calendars/somerset-service-hours",
            "deadlines/available-immediately",
            "readings/availability",
            note="audit SO-21 (missing there).",
        ),
        rule(
            ACCESS,
            "able to be stood down, if no longer required",
            None,
            "billing",
            "readings/stand-down",
            note="audit SO-22, V18: a session the Council cancels is deducted in full; no "
            "cancellation charge is declared.",
        ),
        duty(
            ACCESS,
            "proactive to avoid additional distress to the child",
            None,
            "duties/responsive-service",
        ),
        duty(
            ACCESS,
            "It should offer bespoke support",
            "ability to step up/step down as needs change",
            "duties/bespoke-support",
            note="audit SO-23.",
        ),
        duty(
            ACCESS,
            "It should include activity based options",
            "with measurable outcomes where possible",
            "duties/activities-linked-to-plans",
            note="audit SO-24.",
        ),
        duty(
            ACCESS,
            "Specialist support services are required",
            "including potentially violent behavior",
            "duties/high-risk-specialist-support",
            note="audit SO-25.",
        ),
        rule(
            ACCESS,
            "All support requests will come from the Placements Team, unless out of hours",
            None,
            *_ROUTES,
            "calendars/somerset-working-hours",
            "contacts/emergency-duty-team",
            "readings/working-hours",
            "readings/request-team",
            note="audit SO-26. Each route names its team (the Placements Team in working "
            "hours, EDT outside them) and the core's routes read the referrer's team.",
        ),
        rule(
            ACCESS,
            "Referrals to the Service will be made via Somerset County Council's Homecare",
            "Service users may not self-refer to the Service.",
            *_ROUTES,
            note="audit SO-27: both routes take the Lot 5 portal only, from social workers.",
        ),
        rule(
            "2.7 Out of Scope User Groups",
            "Out of Scope User Groups",
            "People aged 26 and over.",
            "exclusions/aged-26-and-over",
            note="audit SO-28.",
        ),
        rule(
            "2.8 Service rates",
            "Every package will have bespoke needs",
            None,
            "billing",
            "readings/invoicing-cycle",
            note="audit SO-29: each package has its own quotation within the band.",
        ),
        duty(
            "2.8 Service rates",
            "Framework Providers bidding for work will be expected to justify all quotations",
            None,
            "duties/justify-quotations",
            note="audit SO-29 (the justification, not modelled there).",
        ),
        rule(
            "2.8 Service rates",
            "Hourly Rate",
            ".45p per mile",
            "billing/rate-bands/hourly",
            "billing/mileage",
            "readings/mileage-pence",
            "readings/mileage-in-advance",
            note="audit SO-30, SO-31, Q7; second audit defect 4: agreements are dated, and a "
            "journey before its agreement is a finding, its mileage not billed.",
        ),
        # --- Section 3 ------------------------------------------------------------------
        rule(
            "3.1 Contract Monitoring",
            "Contract Monitoring and Provider Expectations",
            "within all service provision and decision making.",
            *_MONITORING,
            "obligations/monitoring-evidence",
            "computations/repeat-referrals",
            note="audit SO-32, SO-33: the evidence is now agreed every year on the contract's "
            "anniversary (in the obligations calendar). Second audit: repeat referrals for the "
            "same case are counted per period (computations/repeat-referrals), so a reduction "
            "can be shown; the other targets are evidence, not counts.",
        ),
        rule(
            "3.1 Contract Monitoring",
            "For all engagements, support plans will be reviewed initially within 4 weeks",
            "to ensure suitability and effectiveness",
            "deadlines/initial-review",
            "obligations/initial-review",
            note="audit SO-34.",
        ),
        duty(
            "3.1 Contract Monitoring",
            "with further monitoring review dates being agreed",
            None,
            "duties/further-review-dates",
            note="audit SO-35 (missing there): the text gives no interval; the dates are agreed "
            "case by case.",
        ),
        duty(
            "3.2 I",
            "Provider requirements and staff competencies:",
            "The Provider will be pro-active in promoting positive behaviours",
            "duties/promote-positive-behaviour",
            note="audit SO-36.",
        ),
        rule(
            "3.2 II",
            "At the time of referral the Provider shall undertake a risk assessment",
            "to be agreed before engagement.",
            "obligations/risk-assessment",
            "monitoring/gates/risk-assessment-before-engagement",
            "readings/engagement-gate",
            note="audit SO-37; monitored as a gate (audit 2026-12 Somerset defect 1): support "
            "started before the referrer agreed the risk assessment is a breach.",
        ),
        rule(
            "3.2 II",
            "With urgent referrals where there is a need to engage quickly",
            None,
            "deadlines/urgent-plans-agreed",
            "deadlines/emergency-plans-agreed",
            "readings/emergency-referrals",
            "readings/elapsed-hours",
            note="audit SO-38, Q6, Q12.",
        ),
        duty(
            "3.2 III",
            "The support plan put in place by the Provider will be based on a full assessment",
            None,
            "obligations/support-plan",
            "duties/support-plan",
            note="audit SO-39.",
        ),
        duty(
            "3.2 IV",
            "The Provider will ensure parents and carers are included",
            "the administration of any medications.",
            "duties/parents-included",
            "duties/medication-agreement",
            note="audit SO-40, SO-41 (medication missing there).",
        ),
        rule(
            "3.2 V",
            "The Provider will keep daily logs",
            None,
            "obligations/daily-log",
            "obligations/incident-form",
            "deadlines/incident-reported",
            "notifiable_events/accident-or-incident",
            "readings/as-soon-as-possible",
            note="audit SO-42, SO-43.",
        ),
        duty(
            "3.2 VI",
            "The Provider will be expected to contribute to any statutory review process",
            None,
            "obligations/statutory-reviews",
            "duties/statutory-reviews",
            note="audit SO-44.",
        ),
        rule(
            "3.2 VII",
            "All staff will be sufficiently trained in;",
            "Complaints and Allegations",
            *_TRAINING,
            note="audit SO-45: the text gives no refresh interval, so none is checked.",
        ),
        rule(
            "3.2 VIII",
            "All staff will be skilled at assessing risk and vulnerability",
            None,
            "workforce/risk-assessment",
            note="audit SO-46.",
        ),
        rule(
            "3.2 IX",
            "All staff working with young people will be subject to enhanced DBS checks",
            None,
            "workforce/dbs",
            note="audit SO-47.",
        ),
        rule(
            "3.2 X",
            "The Provider will liaise immediately with SCC Children's Social Care",
            None,
            "deadlines/safeguarding-liaison",
            "routing/safeguarding-concern",
            "routing/allegation-against-worker",
            "routing/adult-at-risk",
            "routing/allegation-about-adult-client",
            "contacts/childrens-social-care",
            "readings/any-safeguarding-concerns",
            note="audit SO-48: the text gives no telephone number or address. Second audit "
            "defect 2: 'any safeguarding concerns' routes every kind, allegations against a "
            "worker included.",
        ),
        rule(
            "3.2 XI",
            "Staff will carry ID with them at all times.",
            None,
            "workforce/staff-id",
            note="audit SO-49.",
        ),
        duty(
            "3.2 XII",
            "Staff will work closely with other providers and partners",
            None,
            "duties/partnership-working",
            note="audit SO-50.",
        ),
        # --- Appendix 1 -----------------------------------------------------------------
        rule(
            "Appendix 1: Unregulated Services Job Sheet",
            "Appendix 1: Unregulated Services Job Sheet",
            "Placement Authorisation",
            "computations/job-sheet",
            "computations/job-sheet-for",
            note="audit SO-51.",
        ),
        duty(
            "Appendix 1: Unregulated Services Job Sheet",
            "please also print off document of authority",
            None,
            "duties/document-of-authority",
            note="audit SO-51 (not captured there).",
        ),
        rule(
            "Appendix 1: Unregulated Services Job Sheet",
            "Authorised by:",
            "Authorised date:",
            "computations/job-sheet",
            note="The authorisation fields the job sheet check reads: a sheet without both "
            "is a finding.",
        ),
        context(
            "Footnotes",
            "Statistical neighbour comparator data sourced from the LAIT tool",
            "Totnes: Research in Practice",
            note="Sources of the statistics and the research cited in 1.4 and 2.1.",
        ),
    ),
    package="childcare_commissioning_somerset",
)
