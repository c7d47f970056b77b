"""Triborough's duties: what the provider must do that no date or number decides.

Each :class:`~childcare_commissioning.register.Duty` carries the question a contract
manager asks at a monitoring visit and the evidence that answers it. The audit's clause
numbers (``TR-nn``) are in the register's notes (``register.py``).
"""

from __future__ import annotations

from childcare_commissioning.deadlines import Party
from childcare_commissioning.register import Computation, Duty, checklist_duty
from childcare_commissioning_triborough._cite import cite
from childcare_commissioning_triborough.rules import MEASURES

P = Party.PROVIDER
DEFS = "1 Definitions"
CCGS = "the CCGs"

DUTIES: tuple[Duty, ...] = (
    Duty(
        "volunteering",
        "Make every attempt to give young carers access to volunteering opportunities",
        P,
        "young carers",
        "volunteering opportunities offered and taken up, per family",
        "Which volunteering opportunities have young carers been offered this Quarter, and "
        "how many took them up?",
        cite(
            "2.1",
            "make every attempt to ensure that Young Carers have access to volunteering opportunities",
        ),
    ),
    Duty(
        "participation-and-feedback",
        "Engage young carers in service planning, delivery and evaluation; give every family "
        "a way to feed back, and report what changed as a result",
        P,
        "young carers, their families and the CCGs",
        "the feedback method; records of young carers' involvement; the quarterly report's "
        "account of changes made after feedback",
        "How did young carers take part in planning or evaluating the service this Quarter, "
        "and what changed because of families' feedback?",
        cite(
            "2.2",
            "The Provider shall ensure that Young Carers are actively engaged in Service planning, delivery and evaluation.",
        ),
    ),
    Duty(
        "whole-family-personalised",
        "A personalised, whole-family service: each family's needs met, the young carer's "
        "needs balanced with the family's, the young carer helped to understand the family's "
        "challenges and both told of the services available",
        P,
        "each family",
        "case files showing a family-level plan, the young carer's own needs and the "
        "information given",
        "Show me a family's plan: how does it meet the whole family's needs and the young "
        "carer's own, and what were they told about other services?",
        cite("2.6", "The Provider shall ensure that the service adopts a family based approach"),
    ),
    Duty(
        "compassion-dignity-respect",
        "Compassion, dignity and respect in the service and in recruiting and managing staff; "
        "sensitivity around mental health, alcohol and substance use and disability",
        P,
        "families and staff",
        "recruitment and supervision policies; training; families' feedback",
        "How do recruitment, supervision and training build compassion, dignity and respect "
        "in, and how do families' comments bear that out?",
        cite(
            "2.5",
            "compassion, dignity and respect are embedded within the service and the recruitment of staff",
        ),
    ),
    Duty(
        "understand-diagnosis",
        "Help young carers understand the mental health diagnosis of the person they support, "
        "where there is one",
        P,
        "young carers",
        "case notes recording the support given",
        "For young carers of someone with a mental health diagnosis, how has each been helped "
        "to understand it?",
        cite("2.11", "understand the mental health diagnosis of the person that they support"),
    ),
    Duty(
        "learning-opportunities",
        "Support young carers to access learning opportunities for learning, work and the "
        "transition to adulthood",
        P,
        "young carers",
        "learning opportunities accessed, per young carer",
        "Which learning opportunities have young carers accessed, and which skills did they build?",
        cite("2.12", "The Provider shall support Young Carers to access learning opportunities"),
    ),
    Duty(
        "health-support",
        "Improve families' health and reduce the health inequalities they face: information "
        "on substance misuse, smoking and mental health, signposting and referrals, work with "
        "primary, community and acute health partners, a focus on specific health outcomes "
        "and the wider determinants of health",
        P,
        "young carers and their families",
        "information given and referrals made per family; contacts with health partners",
        "What health information and referrals did families receive this Quarter, and which "
        "health partners did you work with?",
        cite("2.16", "information support and guidance around a number of key health issues"),
    ),
    Duty(
        "aspirations",
        "Raise young carers' aspirations: emotional support with other agencies (including the "
        "young carers support service), information and advice across the three boroughs, "
        "referrals for education and employment",
        P,
        "young carers and their families",
        "case notes; the information and advice directory in use",
        "How have young carers been supported past barriers to education and employment, "
        "and with which agencies?",
        cite("2.19", "emotional support to address the barriers to education and employment"),
    ),
    Duty(
        "appropriate-caring-role",
        "Protect young carers from inappropriate caring by agreeing an appropriate role with "
        "the family",
        P,
        "young carers",
        "the agreed caring role recorded in the family's plan",
        "For each family, what caring role was agreed as appropriate for the young carer, "
        "and what additional support was found?",
        cite(
            "2.21", "The Provider shall protect Young Carers from undertaking inappropriate caring"
        ),
    ),
    Duty(
        "family-permission-for-referrals",
        "Make onward referrals to other agencies only with the family's permission",
        P,
        "each family",
        "the family's recorded permission before each onward referral",
        "Show me the family's permission recorded before each onward referral made this Quarter.",
        cite("2.21", "making referrals to appropriate agencies with permission from the family"),
    ),
    Duty(
        "protection-procedures",
        "Work within the locally agreed multi-agency vulnerable adults protection policy and "
        "procedures, and the London Child Protection procedures and Working Together",
        P,
        "young carers, vulnerable adults and the councils",
        "the provider's procedures, naming the editions followed; training records",
        "Which editions of the London Child Protection procedures, Working Together and the "
        "adults' multi-agency procedures do your procedures follow?",
        cite("2.26", "work within the London Child Protection procedures"),
    ),
    Duty(
        "personal-goals",
        "Help each family achieve its own personal goals and aspirations, recorded so that "
        "they drive the monitoring",
        P,
        "each family and the CCGs",
        "each family's goals and progress against them, summarised in the quarterly report",
        "What goals did each family set, and how many were met this Quarter?",
        cite(
            "2.28",
            "each family who receives support from the provider is helped to achieve their own personal goals",
        ),
    ),
    Duty(
        "interventions",
        "One to one key-work and home visits, as appropriate, in response to the needs found "
        "in the initial assessment",
        P,
        "each family",
        "the initial assessment and the interventions that followed it",
        "For a family worked with this Quarter, which needs did the initial assessment find, "
        "and which key-work and home visits followed?",
        cite(
            "3.5", "The Provider shall undertake interventions with young people and their families"
        ),
    ),
    Duty(
        "information-sharing-protocol",
        "A robust communication system and information sharing protocol with the young carers "
        "support service, which identifies the needs",
        P,
        "the young carers support service",
        "the signed information sharing protocol",
        "May I see the information sharing protocol with the young carers support service, "
        "and when was it last used?",
        cite("3.5", "a robust communication system and information sharing protocol in place"),
    ),
    Duty(
        "partnership-working",
        "Referral systems and partnerships that identify young carers' needs: the Integrated "
        "Locality/Early Help services, social work teams, schools, adult mental health and "
        "social care, health services; close work with professionals already involved; "
        "raising awareness of young carers' needs",
        P,
        "partner services and families",
        "partnership agreements; joint work recorded in case files; awareness sessions held",
        "Which partners referred families or worked jointly with you this Quarter, and what "
        "awareness raising did you do?",
        cite(
            "3.8",
            "building effective relationships with the Integrated Locality Service/Early Help Service",
        ),
    ),
    Duty(
        "service-evaluation",
        "Plan the service on need, keep it outcome-driven and evaluate its quality regularly",
        P,
        CCGS,
        "the service plan and the provider's own evaluations",
        "When did you last evaluate the quality of the service, and what did you change?",
        cite(
            "4.1",
            "The Provider shall assure that the Service is outcome driven and planned according to need",
        ),
    ),
    Duty(
        "service-users-know-complaints-policy",
        "Make sure service users know the complaints and feedback policy",
        P,
        "service users",
        "the policy as given to families; families' acknowledgement",
        "How are families told about the complaints and feedback policy?",
        cite(
            "4.4",
            "The Provider shall ensure Service Users are aware of its complaints and feedback policy",
        ),
    ),
    Duty(
        "feedback-mechanisms",
        "Develop and report on feedback mechanisms, and how the service improved as a result",
        P,
        CCGS,
        "the quarterly report's section on feedback and improvements",
        "What did families' feedback change in the service this Quarter?",
        cite("4.4", "The provider will develop and report on feedback mechanisms"),
    ),
    Duty(
        "equality",
        "Build equality of opportunity into every aspect of the service, review delivery "
        "regularly, and meet equality legislation",
        P,
        "service users and the CCGs",
        "the equality policy and its reviews; the equality monitoring",
        "When did you last review service delivery for equality of opportunity, and what "
        "did you find?",
        cite(
            "5.1",
            "regularly reviews its Service delivery to ensure that the quality of opportunity is embedded",
        ),
    ),
    Duty(
        "behaviour-anti-bullying-policy",
        "A behaviour and anti-bullying policy, clear, concise and understood by young people",
        P,
        "young people",
        "the policy, and the version given to young people",
        "May I see the behaviour and anti-bullying policy, and how do young people come to "
        "understand it?",
        cite("5.2", "The Provider shall have a behaviour and anti-bullying policy in place"),
    ),
    Duty(
        "records-and-early-assessment",
        "Retain records of service users; a system for earlier assessment of young people "
        "who may be at risk, using agreed criteria",
        P,
        CCGS,
        "the records system and the agreed criteria for early assessment",
        "Which criteria do you use to identify young people who may be at risk, and how are "
        "service users' records kept?",
        cite("5.3", "The Provider shall retain records of Service Users"),
    ),
    Duty(
        "refer-for-additional-services",
        "Refer young people believed to need additional services to the appropriate services",
        P,
        "young people",
        "referrals recorded in case files",
        "Which young people did you refer on for additional services this Quarter, and to whom?",
        cite(
            "5.4", "Young People believed to be in need of additional services should be referred"
        ),
    ),
    Duty(
        "equipment",
        "Provide all equipment the service needs, including its own hardware (PCs)",
        P,
        CCGS,
        "the provider's equipment inventory",
        "Does every worker have the equipment, including a PC, the service needs?",
        cite("5.5", "provide all equipment required for the effective provision of the service"),
    ),
    Duty(
        "safe-employment-policy",
        "A safeguarding policy relating to safe employment and induction of staff, in "
        "addition to formal safeguarding training",
        P,
        CCGS,
        "the safeguarding policy; induction records",
        "May I see the safeguarding policy's sections on safe employment and induction?",
        cite(
            "6.1", "safeguarding policy which specifically relates to safe employment and induction"
        ),
    ),
    Duty(
        "abuse-procedures",
        "Safeguard service users from abuse, neglect and self-harm under written policies; "
        "procedures for responding to suspicion, disclosure or evidence of abuse, following "
        "Working Together and the London Safeguarding Procedures for children",
        P,
        "service users",
        "the written policies and procedures",
        "Walk me through your procedure when a worker suspects abuse or neglect, or a child "
        "discloses it.",
        cite(
            "6.4",
            "procedures for responding to suspicion, disclosure or evidence of abuse or neglect",
        ),
    ),
    Duty(
        "whistle-blowing-policy",
        "A whistle-blowing policy to ensure the safety and protection of service users",
        P,
        "service users and staff",
        "the whistle-blowing policy; staff's acknowledgement of it",
        "May I see the whistle-blowing policy, and how do staff know of it?",
        cite(
            "6.4",
            "including a whistle-blowing policy to ensure the safety and protection of Service Users",
        ),
    ),
    Duty(
        "adult-abuse-procedures",
        "Procedures for responding to allegations of abuse of adults at risk of harm, in line "
        "with SCIE Report 39 (the London multi-agency adults procedures)",
        P,
        "adults at risk",
        "the adults' safeguarding procedures",
        "Walk me through your procedure when abuse of an adult at risk is alleged.",
        cite(
            "6.5",
            "similar procedures for responding to allegations of abuse of adults at risk of harm",
        ),
    ),
    Duty(
        "refer-unsuitable-staff-for-barring",
        "Refer staff who may be unsuitable to work with vulnerable adults or children for "
        "consideration for barring (now by the Disclosure and Barring Service)",
        P,
        "the Disclosure and Barring Service",
        "referrals made, and the decisions that led to them",
        "Have any staff been considered unsuitable this year, and were they referred for barring?",
        cite(
            "7.3",
            "Staff who may be unsuitable to work with vulnerable adults or children are referred for consideration for barring",
        ),
    ),
    Duty(
        "personnel-file-access",
        "Give the Council access to the personnel files of staff on the service when it asks, "
        "unless prohibited by law",
        P,
        "the Council",
        "personnel files available for inspection",
        "May I see the personnel files of the staff working on the service?",
        cite(
            "7.4",
            "provide the Council with access to the personnel files of Staff employed on the provision of the Service",
        ),
    ),
    Duty(
        "investigate-gross-misconduct",
        "Investigate an allegation of gross misconduct and inform the Council of the outcome",
        P,
        "the Council",
        "the investigation report and the notice of its outcome to the Council",
        "For each gross misconduct allegation: who investigated, what was found, and when "
        "was the Council told?",
        cite(
            "7.5",
            "The Provider shall be responsible for investigating the allegation and shall inform the Council of the outcome.",
        ),
    ),
    Duty(
        "action-plan",
        "An action plan for each family after the initial contact, identifying barriers to "
        "education, employment or training and the actions to address them",
        P,
        "each family",
        "the action plan in the family's file",
        "Show me the action plan written after a family's initial contact.",
        cite("Appendix 1", "Develop an action plan, as a result of the initial contact"),
    ),
)

#: The Appendix 1 outcomes set no target ("to be determined") and no event measures them:
#: each is a checklist item, evidenced by its outputs and the quarterly report of 4.2.
DUTIES = (
    *DUTIES,
    *(
        checklist_duty(
            measure,
            "the quarterly report's account of achievement against the outputs (4.2): "
            + "; ".join(measure.measures),
            "What did this quarter's report show against the outputs of '"
            + measure.outcome.rstrip(".")
            + "', and what evidence backs it?",
            owed_to="the CCGs",
        )
        for measure in MEASURES
        if measure.id.startswith("priority-")
    ),
)

COMPUTATIONS = (
    Computation(
        "volume-progress",
        "Families worked with per borough against the year's expected number, pro rata",
        "childcare_commissioning_triborough.checks:volume_progress",
        cite("3.5", "Expected number of families worked with"),
    ),
    Computation(
        "contract-year",
        "The contract year (1, 2, 3) a date falls in, counted from the Commencement Date",
        "childcare_commissioning_triborough.checks:contract_year",
        cite("3.5", "During the Contract Period the Provider shall support the number of families"),
    ),
    Computation(
        "minimum-families",
        "Families worked with across the three boroughs against thirty a year, pro rata",
        "childcare_commissioning_triborough.checks:minimum_progress",
        cite("3.4", "The Provider shall work with a minimum of Thirty families per year."),
    ),
    Computation(
        "quarter",
        "The contract Quarter a date falls in, with its first and last days",
        "childcare_commissioning_triborough.checks:quarter",
        cite(DEFS, "the first of which starts on the Commencement Date"),
    ),
    Computation(
        "age-group",
        "The definitions' age groups: children (12 and under), young people (13-19)",
        "childcare_commissioning_triborough.checks:age_group",
        cite(DEFS, "People aged 13-19 years"),
    ),
)
