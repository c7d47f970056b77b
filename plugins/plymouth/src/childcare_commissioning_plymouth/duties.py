"""Plymouth's duties that no date or number decides: what a contract manager asks about.

Each duty cites its clause; ``question`` is what the Council's contract manager asks at a
monitoring visit, ``evidence`` what shows the duty is met. Duties the text gives a date
or a number for are deadline rules and obligations instead (``rules``).
``COMPUTATIONS`` names the rules computed in code (``checks``).
"""

from __future__ import annotations

from childcare_commissioning.deadlines import Party
from childcare_commissioning.register import Computation, Duty, checklist_duty
from childcare_commissioning_plymouth._cite import cite
from childcare_commissioning_plymouth.rules import OBLIGATIONS, OUTCOMES

__all__ = ["COMPUTATIONS", "DUTIES"]

P, C, B = Party.PROVIDER, Party.COUNCIL, Party.BOTH
COUNCIL = "Plymouth City Council"
CHILD = "the child or young person and the Council"
KEY = "3.1 Key activity"
REFERRALS = "3.3 Referral routes"
STAFF = "6 Staff"

#: (id, title, owed by, owed to, evidence, question, clause, verbatim quote)
_TABLE: tuple[tuple[str, str, Party, str, str, str, str, str], ...] = (
    (
        "family-network-work",
        "Undertake direct work with parents/carers, siblings and the familial network when "
        "required",
        P,
        CHILD,
        "case records of direct work with family members named on the Purchase Order",
        "When the Purchase Order asked for work with the family network, who did it and how "
        "is it recorded?",
        KEY,
        "direct work with parents/carers, siblings, and other members of the familial network",
    ),
    (
        "evidence-informed-practice",
        "Deliver evidence informed interventions tailored to the child's needs",
        P,
        CHILD,
        "case records naming the approaches used (attachment theory, CBT, PACE, parenting "
        "programmes...); staff training records",
        "Which evidence informed approaches did staff use with this child, and why those?",
        "3.1 Evidence informed practice",
        "delivering evidence informed interventions, tailored to the child or young person's "
        "individual needs",
    ),
    (
        "relationship-based-practice",
        "Direct-work staff show the six relationship-based practice qualities",
        P,
        CHILD,
        "supervision and appraisal notes; feedback from children and families",
        "How do you know each direct-work worker builds trust and models healthy "
        "relationships, including with children who are hard to engage?",
        "3.1 Relationship based practice",
        "All staff undertaking direct work will:",
    ),
    (
        "ten-wishes",
        "Direct work reflects the Young Safeguarders' Ten Wishes",
        P,
        CHILD,
        "practice guidance for staff; children's feedback against the Ten Wishes",
        "How do staff show children the Ten Wishes (on time, easy to contact, asking 'do you "
        "feel safe?'...) and what do children say?",
        "3.1 Relationship based practice",
        "in ways that reflect the following 'Ten Wishes'",
    ),
    (
        "strengths-and-trauma-informed",
        "Direct work is strengths based and trauma informed (Plymouth's trauma informed lens)",
        P,
        CHILD,
        "case records; trauma informed training records; supervision notes",
        "Show us how a worker built on this child's strengths and avoided re-traumatising "
        "experiences.",
        "3.1 Strengths based practice",
        "focus on each individual's strengths",
    ),
    (
        "voice-of-the-child",
        "The child's views and feelings are heard and taken into account in decisions",
        B,
        "the child or young person",
        "records of the child's views at reviews and decisions",
        "Where is the child's view recorded for the last decision affecting them?",
        "3.1 Voice of the Child/Young Person",
        "opportunities appropriate to their age, understanding and stage of development to "
        "express their views and feelings",
    ),
    (
        "services-in-purchase-order",
        "Set out the specific services for each child in an appendix to the Purchase Order",
        C,
        "the Provider",
        "the Purchase Order appendix",
        "Does every package have a Purchase Order appendix listing the services required?",
        KEY,
        "will be set out by the Council in an appendix to an individual Purchase Order",
    ),
    (
        "family-time-not-supervised",
        "Facilitating family time never includes supervising, observing, assessing or recording it",
        P,
        COUNCIL,
        "family time records show facilitation, preparation and transport only",
        "Did any worker supervise, observe, assess or record a family time session? Who asked "
        "them to?",
        KEY,
        "Facilitation of family time will NOT include supervision of these arrangements",
    ),
    (
        "daily-log",
        "Keep a daily log of how the child's day was structured, when required",
        P,
        COUNCIL,
        "daily logs with reflections against the Care Plan and the child's feedback",
        "Where the Council asked for a daily log, is it kept every day, with the child's feedback?",
        "3.1 Proactively creating a positive structure",
        "may be required to maintain a daily log",
    ),
    (
        "positive-structure",
        "Structure the child's time positively, including time outdoors or exercise",
        P,
        CHILD,
        "daily logs; activity plans",
        "What did the child do last week, and how did it include time outdoors or exercise?",
        "3.1 Proactively creating a positive structure",
        "proactively ensure that a child or young person's time is consciously structured",
    ),
    (
        "contribute-to-assessment",
        "Contribute actively to the ongoing assessment of need that informs the Care Plan",
        P,
        COUNCIL,
        "contributions to Care Plan reviews and assessments",
        "What has the Provider contributed to this child's latest assessment or Care Plan review?",
        KEY,
        "actively contributing to the ongoing assessment of need",
    ),
    (
        "share-referral-information",
        "Share available relevant information about the child at the point of referral",
        C,
        "the Provider",
        "the referral and its attachments",
        "Did the referral carry enough information for the Provider to decide whether to "
        "express interest?",
        REFERRALS,
        "available relevant information regarding each child or young person is shared with "
        "the Provider at the point of referral",
    ),
    (
        "decide-expressions-of-interest",
        "Consider all expressions of interest and decide which is most suitable",
        C,
        "the Provider",
        "the Council's decision record for the referral",
        "Were all expressions of interest considered and the decision recorded?",
        REFERRALS,
        "consider all expressions of interest received in response to a referral",
    ),
    (
        "share-essential-information",
        "Before delivery, share essential information and the team around the child's contacts",
        C,
        "the Provider",
        "the information pack and contact list sent before delivery",
        "Before the first shift, did the Provider have the social worker, manager, IRO, Out "
        "of Hours, GP and school contacts?",
        REFERRALS,
        "prior to delivery of the required services, share with the relevant Provider(s) all "
        "available essential information",
    ),
    (
        "provider-plan",
        "Have a plan for meeting the child's assessed needs for the Council to review before "
        "delivery",
        P,
        COUNCIL,
        "the Provider's plan, dated before delivery started",
        "Where is the Provider's plan for this child, and when did the Council review it?",
        REFERRALS,
        "review the Provider(s) own plan setting out how they will meet the individual child",
    ),
    (
        "source-temporary-accommodation",
        "Source safe temporary accommodation, unless the referral says otherwise",
        C,
        "the Provider",
        "the referral; the accommodation arrangements",
        "Who sourced the accommodation, and does the referral say otherwise?",
        REFERRALS,
        "the Council will be responsible for sourcing the appropriate accommodation",
    ),
    (
        "approve-property",
        "Approve the proposed property as appropriate, whoever sourced it",
        C,
        "the Provider",
        "the Council's recorded approval of the property",
        "Was the property approved by the Council before the child moved in?",
        REFERRALS,
        "the proposed property will be subject to the approval of the Council",
    ),
    (
        "agree-practical-matters",
        "Agree case by case who is responsible for practical matters in temporary "
        "accommodation (including DoLS safety measures)",
        B,
        "each other",
        "the written agreement appended to the Purchase Order",
        "Who supplies equipment, arranges emergency repairs and refuse disposal for this "
        "property, and where is that agreed?",
        REFERRALS,
        "agree which party will be responsible for practical matters relating to the property",
    ),
    (
        "maintain-package",
        "Maintain delivery of each package for as long as it is needed, in the child's best "
        "interests",
        P,
        CHILD,
        "package history; notices to end",
        "Has the Provider ended any package early, and why?",
        REFERRALS,
        "commit to maintaining delivery of each package of services for as long as it is needed",
    ),
    (
        "resolve-differences",
        "Resolve professional differences without disadvantage or delay to the child",
        B,
        "the child or young person",
        "records of disagreements and how they were resolved",
        "Were there professional differences on this package, and did they delay the Care Plan?",
        "3.3 Escalation process",
        "resolved so as not to disadvantage the child or young person",
    ),
    (
        "escalation-first-step",
        "Communicate emerging issues to the nominated contact first, confirmed by email",
        B,
        "each other",
        "the confirming email to the nominated contact or social worker",
        "When an issue arose, was it confirmed by email to the nominated contact, and when?",
        "3.3 Escalation process",
        "in any event will be confirmed via email",
    ),
    (
        "management-telephone-24-7",
        "Give the Council management and administrative telephone numbers, answered 24 hours "
        "a day all year",
        P,
        COUNCIL,
        "the numbers supplied; out of hours call logs",
        "If the Council rings at 3am on a bank holiday, who answers?",
        "3.3 Access to the service",
        "24 hours a day, year round including bank holidays",
    ),
    (
        "flexible-delivery",
        "Deliver services when the child needs them, including evenings and weekends",
        P,
        CHILD,
        "rotas; packages delivered out of hours",
        "Has any request for evening or weekend delivery been declined?",
        "3.4 Opening times",
        "will be flexible in response to changing needs and circumstances",
    ),
    (
        "virtual-meeting-ict",
        "Give relevant staff the ICT needed to join virtual meetings",
        P,
        COUNCIL,
        "equipment issued to staff",
        "Can the staff on this package join a virtual meeting today?",
        "3.5 Delivery location",
        "ensure that relevant staff have the necessary ICT resources",
    ),
    (
        "partnership-working",
        "Work in partnership with the listed agencies, sharing information",
        P,
        CHILD,
        "contacts with partner agencies in case records",
        "Which partner agencies has the Provider worked with on this package?",
        "4 Networks and links",
        "work collaboratively in partnership with a range of agencies",
    ),
    (
        "business-mobile-phones",
        "Equip direct-work staff with business mobile phones",
        P,
        COUNCIL,
        "phones issued to direct-work staff",
        "Does every worker on the package carry a business mobile phone?",
        "4 Networks and links",
        "are equipped with mobile phones for business use",
    ),
    (
        "share-mobile-numbers",
        "Share the staff's mobile numbers with the Council and any other provider before "
        "delivery starts",
        P,
        "the Council and other providers on the package",
        "the email sharing the numbers, dated before commencement",
        "When were the mobile numbers of this package's staff shared, and was it before the "
        "first shift?",
        "4 Networks and links",
        "prior to commencement of the required services, the Provider will ensure that "
        "mobile contact number(s)",
    ),
    (
        "delays-and-handovers",
        "Tell the Council before the shift start if a worker is delayed; hand over relevant "
        "information between shifts and providers",
        P,
        COUNCIL,
        "handover notes; records of late-start calls",
        "When a worker was last delayed, who was told and when?",
        "4 Networks and links",
        "before the scheduled shift start time",
    ),
    (
        "progress-updates",
        "Keep the Council informed of the child's progress as agreed for the package",
        P,
        COUNCIL,
        "progress updates at the agreed frequency",
        "What was agreed about progress updates for this package, and were they sent?",
        "5 Significant and notifiable events",
        "keep the Council informed of the child or young person's progress",
    ),
    (
        "no-unsafe-subcontracting",
        "Sub-contract recruitment or staff only to organisations that recruit by the Safer "
        "Recruitment Good Practice Guidance",
        P,
        COUNCIL,
        "the list of sub-contractors and evidence of their recruitment process",
        "Does the Provider sub-contract recruitment or staff, and how has it checked those "
        "organisations recruit safely?",
        STAFF,
        "will not sub-contract the recruitment or provision of staff",
    ),
    (
        "retain-staff",
        "Use best endeavours to retain staff, with turnover at least as good as the sector norm",
        P,
        COUNCIL,
        "six-monthly turnover reports against a sector benchmark",
        "What is the turnover rate, and how does it compare with similar services?",
        STAFF,
        "at least as good as the prevailing sector norm",
    ),
    (
        "qualified-direct-work-staff",
        "Direct-work staff are appropriately qualified, trained, skilled and experienced",
        P,
        COUNCIL,
        "qualification and training records; appraisals",
        "How do you decide a worker is experienced enough for this child's needs?",
        STAFF,
        "are appropriately qualified, trained, skilled, knowledgeable and experienced",
    ),
    (
        "managerial-advice-24-7",
        "Give direct-work staff managerial advice by telephone 24 hours a day, 7 days a week",
        P,
        "the Provider's staff",
        "the on-call rota for managers, including bank holidays",
        "Who was the on-call manager last Christmas Day night, and how do staff reach them?",
        STAFF,
        "have access to competent managerial/supervisory advice and guidance via telephone",
    ),
    (
        "team-meetings",
        "Hold team meetings that every staff member can attend, whatever their shifts",
        P,
        "the Provider's staff",
        "team meeting schedule and attendance",
        "When were the last team meetings, and could night staff attend one?",
        STAFF,
        "have opportunities to participate in team meetings",
    ),
    (
        "views-in-appraisal",
        "Review children's and stakeholders' views in staff appraisals and supervision",
        P,
        COUNCIL,
        "supervision and appraisal notes referring to feedback",
        "Show us where a child's feedback was discussed in a worker's supervision.",
        STAFF,
        "will be reviewed during staff appraisals and supervision",
    ),
    (
        "trauma-informed-competence",
        "Social-care staff understand trauma and de-escalate in trauma informed ways",
        P,
        CHILD,
        "training records; supervision notes; incident reviews",
        "How does a worker de-escalate without re-traumatising the child? Show us an example.",
        STAFF,
        "understand the impacts of trauma on attachment and behaviour",
    ),
    (
        "consistent-personnel",
        "Keep the same staff on a package wherever possible, with consistent quality",
        P,
        CHILD,
        "rotas over the life of the package",
        "How many different workers has this child had in the last month?",
        STAFF,
        "there is consistency in the personnel delivering a package of services",
    ),
    (
        "rotas-with-photos",
        "Provide rotas with staff photographs in advance when the Council asks",
        P,
        COUNCIL,
        "rotas with photographs sent on request",
        "When the Council asked for a rota with photographs, was it sent before the shifts?",
        STAFF,
        "rotas including staff photographs are provided in advance",
    ),
    (
        "keep-up-to-date",
        "Keep up with changes to law, policy and practice; revise policies, tell staff and "
        "make sure they follow them",
        P,
        COUNCIL,
        "policy review log; staff briefings; training records",
        "What changed in law or guidance this year, and how did policies and staff practice "
        "change?",
        STAFF,
        "use its best endeavours to maintain awareness of updates and changes",
    ),
    (
        "no-nicotine",
        "Staff never use nicotine (tobacco or e-cigarettes) with a child present, even outdoors",
        P,
        CHILD,
        "code of conduct; supervision records; complaints",
        "How do you make sure staff never smoke or vape in front of a child, including outdoors?",
        STAFF,
        "refrain from using nicotine",
    ),
    (
        "breaks-between-shifts",
        "Structure rotas so that staff have sufficient breaks between shifts",
        P,
        CHILD,
        "rotas showing rest between shifts",
        "What is the shortest break between two shifts of one worker on this package?",
        STAFF,
        "sufficient breaks between shifts",
    ),
    (
        "remove-staff-on-request",
        "Remove any direct-work worker the Council reasonably considers unsatisfactory, and "
        "bear the cost of replacing them",
        P,
        COUNCIL,
        "records of removal requests, the date each worker was removed, and replacement "
        "costs not invoiced",
        "When the Council last asked for a worker to be removed, when were they removed and "
        "who paid for the replacement?",
        STAFF,
        "the cost of effecting such replacement shall be borne by the Provider",
    ),
    (
        "justify-quotations",
        "Justify each quotation, showing outcomes and value for money",
        P,
        COUNCIL,
        "the expression of interest and its quotation",
        "How does this quotation show best value for public money?",
        "7 Service volumes",
        "required to justify their quotations",
    ),
    (
        "legislative-knowledge",
        "All staff know the Children Act 1989, Working Together, PSCP child protection "
        "procedures and the Mental Capacity Act 2005",
        P,
        COUNCIL,
        "training and induction records",
        "How do you check a new worker knows the PSCP child protection procedures?",
        "9 Quality requirements",
        "have an appropriate level of knowledge and understanding of the legislative and "
        "regulatory framework",
    ),
    (
        "welfare-paramount",
        "Treat the child's welfare as paramount and follow Working Together and the local "
        "child protection procedures",
        P,
        CHILD,
        "safeguarding policy; case records",
        "Show us how the safeguarding policy follows Working Together and the local procedures.",
        "9 Quality requirements",
        "the welfare of the child is paramount",
    ),
    (
        "rectify-deficiencies",
        "Rectify deficiencies in service delivery at once, through an action plan agreed with "
        "the Council",
        P,
        COUNCIL,
        "the agreed action plan and its progress",
        "What deficiencies were identified, when was the action plan agreed, and is it done?",
        "9 Quality requirements",
        "rectify these immediately through an action plan agreed with the Council",
    ),
    (
        "information-on-request",
        "Provide equality data, unmet-need action plans and other monitoring information on "
        "request",
        P,
        COUNCIL,
        "information supplied against each request",
        "When the Council last asked for equality data or a capacity plan, when was it sent?",
        "10 Management information",
        "provide the following information to the Council upon request",
    ),
    (
        "record-data",
        "Record and collate the data needed for performance, quality and management information",
        P,
        COUNCIL,
        "the Provider's data records behind each report",
        "Where do the figures in the last quarterly report come from?",
        "11 Contract management",
        "record and collate all data necessary",
    ),
    (
        "act-on-action-plans",
        "Act on action plans or risk management plans from contract monitoring",
        P,
        COUNCIL,
        "progress against each action plan",
        "Which actions from the last contract review are still open?",
        "11 Contract management",
        "act on any action plans or risk management plans",
    ),
    (
        "civil-contingencies",
        "Comply with the Civil Contingencies Act 2004 and applicable civil contingency plans",
        P,
        COUNCIL,
        "emergency plans referencing the national and local civil contingency plans",
        "How do your emergency plans fit the local civil contingency plans?",
        "12 Business continuity",
        "comply with the Civil Contingencies Act 2004",
    ),
    (
        "business-continuity-plan",
        "Prepare and maintain a robust Business Continuity Plan (risk assessment, resilience, "
        "recovery)",
        P,
        COUNCIL,
        "the current BCP with its risk assessment",
        "May we see the current Business Continuity Plan and its risk assessment?",
        "12 Business continuity",
        "prepare and maintain a robust Business Continuity Plan (BCP)",
    ),
    (
        "cyber-resilience",
        "Have robust cyber security and regularly review, update and test the BCP against a "
        "prolonged ICT outage",
        P,
        COUNCIL,
        "cyber security measures; BCP test records",
        "When was the BCP last tested, and did the test include losing ICT systems for a long "
        "period?",
        "12 Business continuity",
        "must regularly review, update and test their BCP",
    ),
    (
        "supply-roles",
        "Supply staff in the roles each child or young person's needs require",
        P,
        COUNCIL,
        "staff supplied in each role the Council requested (Family Support Worker, Health "
        "Care Assistant, RGN, RNLD, RMN, Youth Worker or another role)",
        "Which roles did the Council request this quarter, and could you supply each?",
        "6 Role Types",
        "The Provider will supply staff across a range of roles, as required to meet the individual needs of children and young people.",
    ),
    (
        "absence-cover",
        "Keep enough skilled staff to cover planned and unplanned absence without disruption",
        P,
        COUNCIL,
        "cover arrangements; shifts missed through absence",
        "How many shifts were missed through sickness or leave last quarter?",
        "12 Business continuity",
        "in order to avoid any disruption to service provision during periods of absence",
    ),
)

DUTIES: tuple[Duty, ...] = tuple(
    Duty(
        duty_id,
        title,
        owed_by,
        owed_to,
        evidence,
        question,
        cite(clause, quote),
    )
    for duty_id, title, owed_by, owed_to, evidence, question, clause, quote in _TABLE
)

_OBLIGATIONS = {o.id: o for o in OBLIGATIONS}
_OUTCOMES = {o.id: o for o in OUTCOMES}

#: Text the register once labelled "rule" that computes nothing: obligations with a
#: trigger and no time, and the individual outcomes of 8.2 (examples the Care Plan sets,
#: with no measure): checked at a visit from the evidence named.
DUTIES += (
    checklist_duty(
        _OBLIGATIONS["return-interview"],
        "the notifiable-event notice of each missing episode, and the record of the "
        "return interview the child or young person was supported to take part in",
        "When a looked after child went missing, was it notified as a notifiable event, and "
        "how was the child supported to take part in a return interview?",
    ),
    checklist_duty(
        _OBLIGATIONS["risk-management-meeting"],
        "notes of the Risk Management and multi-agency meetings convened with the Council "
        "or attended when risks escalated",
        "When risks to a child escalated, which Risk Management or multi-agency meetings "
        "did you convene with the Council or attend?",
    ),
    checklist_duty(
        _OUTCOMES["individual-outcomes"],
        "the outcomes set in each child's Care Plan, and the provider's account of progress "
        "towards them at each package review",
        "Which outcomes in the child's Care Plan did the service deliver or contribute to, "
        "and what shows it?",
    ),
)

COMPUTATIONS = (
    Computation(
        "policy-kpi",
        "KPI: percentage of the policies reviewed within their timescale",
        "childcare_commissioning_plymouth.checks:policy_kpi",
        cite(
            "8.1 Key Performance Indicators",
            "100% of policies reviewed / updated within appropriate timescale",
        ),
    ),
    Computation(
        "roster-check",
        "Roster check including the healthcare training the team's needs call for",
        "childcare_commissioning_plymouth.checks:check_staff",
        cite(STAFF, "children and young people with personal / healthcare needs"),
    ),
)
