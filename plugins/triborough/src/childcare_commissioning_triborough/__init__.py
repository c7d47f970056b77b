"""Young carers home-based family support across Westminster, Kensington and Chelsea and
Hammersmith and Fulham, commissioned by three CCGs.

``SPEC`` is the whole declaration; volumes (``VOLUMES``, ``volume_progress``), the age
groups of the definitions (``age_group``) and the Appendix 1 outcomes (``OUTCOMES``) are
importable by name.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from childcare_commissioning import Area, CouncilSpec, GlossaryTerm, Reading, Service, Specification
from childcare_commissioning.examples import load_examples
from childcare_commissioning.hookspecs import hookimpl
from childcare_commissioning.measures import OutcomeMeasure, ReferenceTable
from childcare_commissioning.register import Computation, checklist_duty
from childcare_commissioning_triborough._cite import cite
from childcare_commissioning_triborough.duties import DUTIES
from childcare_commissioning_triborough.monitoring import MONITORING, MONITORING_READINGS
from childcare_commissioning_triborough.register import REGISTER
from childcare_commissioning_triborough.rules import (
    AREA_RULES,
    COHORTS,
    CONTACTS,
    DEADLINES,
    OBLIGATIONS,
    REQUIRED,
    ROUTES,
    ROUTING,
    WORKFORCE,
)
from childcare_commissioning_triborough.volumes import (
    MINIMUM_FAMILIES,
    VOLUMES,
    BoroughProgress,
    MinimumProgress,
    Quarter,
    contract_year,
    minimum_progress,
    quarter,
    volume_progress,
)

__all__ = [
    "COMPUTATIONS",
    "DUTIES",
    "GLOSSARY",
    "MINIMUM_FAMILIES",
    "OUTCOMES",
    "READINGS",
    "REGISTER",
    "SPEC",
    "VOLUMES",
    "BoroughProgress",
    "MinimumProgress",
    "Quarter",
    "age_group",
    "childcare_commissioning_council",
    "childcare_commissioning_examples",
    "contract_year",
    "minimum_progress",
    "quarter",
    "volume_progress",
]

DEFS = "1 Definitions"


def age_group(age: int) -> str | None:
    """The definitions' groups: "children" are 12 and under, "young people" 13-19; older
    people are neither."""
    if age < 0:
        raise ValueError("an age cannot be negative")
    if age <= 12:
        return "children"
    if age <= 19:
        return "young people"
    return None


#: Appendix 1: priority outcome -> outputs, every output as printed (list punctuation and
#: the sub-list under "Attend events" folded into one line).
OUTCOMES = {
    "Enable Young Carers to contribute to society and have a voice in decisions.": (
        "Develop a mechanism where families of Young Carers can influence Service delivery",
        "Collect feedback from families of Young Carers about their views and experiences of the support they receive or have failed to receive",
        "Develop a feedback loop to ensure that families of Young People are aware of the impact and influence of their feedback and contribution.",
        "Represent Young Carers views and feedback at the Carers Providers network.",
        "Attend and provide feedback to various meetings and boards, e.g. partnership boards, voluntary sector meetings, Clinical Commissioning Groups (CCGs) and Carer/User forums",
        "Attend events (where appropriate) for: Carers' Week (June); Carers' Rights Day (December)",
        "Promote the service at Young Carers events",
        "Facilitate access to volunteering opportunities",
    ),
    "Improving the physical health of the young carers family": (
        "Address the Issues that can impact on the health of family members, e.g. poor diet, non-attendance at medical appointments by connecting the family to appropriate support",
        "Address previously unrecognised or poorly managed mental health or substance misuse issues by connecting the family to appropriate professional support",
        "To develop a positive and proactive relationship with Primary Care services",
        "Improve relationships within the family unit, especially between siblings",
    ),
    "Improve Young Carers mental health and emotional well being": (
        "For example - young carers will report reduced levels of social isolation, and stress, and improved relationships with family and/or friends",
        "Offer specific signposting and referral routes to support services to young carers of people with mental ill health and substance use",
        "Offer Information, advice and guidance- or access to as appropriate-guidance around a number of key health issues including substance misuse, smoking, mental health and that they remain free from harm.",
        "Develop effective joint working with strategic and referring agencies e.g. Localities, Schools, Health commissioners, GP practices, pharmacies, community health programmes, community and voluntary groups, faith organisations and existing day services",
        "Refer to health promotion sessions / service for Young Carers and their family members",
        "Deliver awareness/ training sessions and briefings for health including primary care (in particular GP practices) and voluntary sector staff",
    ),
    "Young Carers have improved aspirations": (
        "Facilitate access where necessary, for Young Carers and families to information, advice and guidance support services, in particular specialist support services to address any identified barriers to the wider determinants of health including education, employment or training.",
        "Develop effective joint working with all borough educational establishments including but without limitation to primary and secondary schools, Pupil referral units, Sixth form and FE colleges and alternative provision.",
        "Develop an action plan, as a result of the initial contact, identifying any barriers to education, employment or training and actions to address barriers.",
    ),
    "Children and Young People are safe": (
        "Referral to organisations providing specialist information, advice and services, e.g. Social Care, Health, employment, education, housing.",
        "Services are managed and operate within the London Child Protection procedures and in line with Working Together (DCSF, 2010).",
        "Young people are supported, as appropriate, in a successful transition to adult carers services.",
        "Provide monitoring information broken down, where appropriate, by the eight equality protected groups by specific care group (Mental Health, Learning Disability, Substance use, Physical Disability etc.",
    ),
}

GLOSSARY = tuple(
    GlossaryTerm(term, definition, cite(DEFS, quote))
    for term, definition, quote in (
        (
            "Young Carer",
            "Children and young people under 18 who provide, or intend to provide, care, assistance or support to a family member who is disabled, ill or has a substance misuse problem, regularly carrying out significant tasks inappropriate to their age.",
            "Means Children and Young People under 18 who provide, or intend to provide care",
        ),
        (
            "Hidden Carers",
            "Young carers who do not self-identify as carers or are not recognised as carers by professionals or the community.",
            "means those Young Carers who do not self identify as carers",
        ),
        (
            "Quarter",
            "A calendar period of three months, the first starting on the Commencement Date.",
            "A calendar period of 3 months (the first of which starts on the Commencement Date and ends 3 months after the Commencement Date)",
        ),
        ("Children", "Aged 12 and under.", "12 years and under"),
        ("Young People", "Aged 13-19.", "People aged 13-19 years"),
        (
            "Electronic Common Assessment Framework (eCAF)",
            "A local electronic system for generating Common Assessment Framework assessments, sharing information and making referrals.",
            "Common Assessment Framework (CAF) is a standardised, multi-agency tool",
        ),
        (
            "Access and Assessment",
            "The service giving an immediate social work response to child protection referrals, inquiries and assessment.",
            "Access and assessment is a service that provides immediate social work response to child protection referrals",
        ),
        (
            "Integrated Locality Service",
            "Integrated Locality / Early Help Services giving targeted early help to vulnerable children, young people and families.",
            "The Integrated Locality Services/Early Help Services provide targeted early help",
        ),
        (
            "Outreach Model",
            "Youth work delivered outside a youth centre, where young people choose to gather, built on voluntary relationships.",
            "An outreach model of youth work is a style of youth work which is delivered to young people outside the confines of a youth centre.",
        ),
        (
            "IYSS",
            "Integrated Youth Support System: a web-based recording and monitoring system.",
            "Integrated Youth Support System- A web based recording and monitoring system",
        ),
        (
            "Local Authority Designated Officer (LADO)",
            "Works within Children's Services and is alerted to every allegation that a person who works with children has harmed a child, committed an offence against children, or shown themselves unsuitable to work with children.",
            "The LADO works within Children's Services and should be alerted to all cases",
        ),
        (
            "Disclosure and Barring Service",
            "Helps employers make safer recruitment decisions; established under the Protection of Freedoms Act 2012, merging the CRB and ISA.",
            "The primary role of the Disclosure and Barring Service (DBS) is to help employers make safer recruitment decisions",
        ),
        (
            "Team around Child or Family",
            "A multi-disciplinary forum of practitioners that assesses needs and decides with the child or family on a course of action.",
            "A forum to come together as a multi disciplinary team of practitioners",
        ),
    )
)

READINGS = (
    Reading(
        "quarter",
        "Reporting 'each Quarter' uses the contract's definition of a Quarter.",
        "Quarters run three months at a time from the Commencement Date, not on financial-year "
        "quarters; quarterly obligations are anchored on the Commencement Date.",
        cite(DEFS, "the first of which starts on the Commencement Date"),
    ),
    Reading(
        "volumes",
        "3.4 sets 'a minimum of Thirty families per year'; the table in 3.5 expects 30 or more "
        "families per borough in year 1 (90 in all).",
        "The per-borough figures are the targets progress is checked against; thirty a year is "
        "the overall floor.",
        cite("3.4", "The Provider shall work with a minimum of Thirty families per year."),
    ),
    Reading(
        "young-people-to-19",
        "'Young People' are 13-19, yet a Young Carer is under 18.",
        "Eligibility follows the Young Carer definition (under 18); the age groups are used "
        "for reporting only.",
        cite(DEFS, "People aged 13-19 years"),
    ),
    Reading(
        "report-before-meeting",
        "The quarterly report is due 'prior to the Quarterly meeting' with no lead time.",
        "Due at the latest the working day before the meeting.",
        cite("4.2", "prior to the Quarterly meeting"),
    ),
    Reading(
        "prompt-referral",
        "Concerns about children and adults are to be referred (6.6) with 'prompt, timely' "
        "action (6.7); only the LADO referral says 'immediately'.",
        "All safeguarding referrals are due immediately.",
        cite("6.7", "prompt, timely and appropriate action"),
    ),
    Reading(
        "dbs-referral-timing",
        "Referrals to the DBS (6.8) and telling the Council of them (6.9) have no time limit; "
        "6.9 still names the Independent Safeguarding Authority.",
        "Both are due without delay; the Independent Safeguarding Authority is read as the DBS, "
        "which replaced it (as the definitions say).",
        cite(
            "6.9",
            "The Provider shall notify the Council of any referrals made to the Independent Safeguarding Authority.",
        ),
    ),
    Reading(
        "access-and-assessment",
        "The definitions say every potential child protection issue 'should be referred via "
        "this system' (Access and Assessment), while 6.6 gives a number per borough.",
        "The two agree: 6.6's numbers are each borough's access and assessment front door "
        "(Hammersmith and Fulham's is even called the Contact and Assessment Team), so a "
        "child concern is routed to the borough's 6.6 number.",
        cite(
            DEFS,
            "All issues with a potential child protection issue should be referred via this system.",
        ),
    ),
    Reading(
        "quarter-end",
        "The first Quarter 'ends 3 months after the Commencement Date': on that day, or the "
        "day before?",
        "A Quarter is 'a calendar period of 3 months', so the next Quarter starts 3 months "
        "after the Commencement Date and the first ends the day before (commencing 31 Jan, "
        "the first Quarter runs to 29 Apr and the second starts 30 Apr). Quarterly meetings "
        "are counted to the quarter days (3, 6, 9... months after the Commencement Date, "
        "clamped to the month's end); the text fixes no day, so one counted to a weekend or "
        "bank holiday is due the next working day (reading meeting-working-day, the same in "
        "obligations and monitor), and the report is due the working day before it.",
        cite(DEFS, "ends 3 months after the Commencement Date"),
    ),
    Reading(
        "table-ages",
        "The table in 3.5 counts young carers 'aged 18 and under'; a Young Carer is 'under 18'.",
        "The census column is background (2001 figures) and is shown as printed; eligibility "
        "follows the definition: 17 is the oldest eligible age.",
        cite("3.5", "Number of Young Carers (aged 18 and under, census 2001 figures)"),
    ),
    Reading(
        "paragraph-numbers",
        "Paragraph numbers 3.5 and 3.6 are each used twice (interventions, lone working; "
        "then the volumes table, the carer's assessment), and there is no 2.27.",
        "Citations keep the printed numbers; the register names the first and second use "
        "('3.5 (first)', '3.5 (second)'); the quoted words say which paragraph is meant.",
        cite("3.5", "During the Contract Period the Provider shall support the number of families"),
    ),
    Reading(
        "working-together-editions",
        "Working Together is cited as 2013 (definitions, 2.26) and as 2010 (6.4 and "
        "Appendix 1); the London procedures as April 2011.",
        "The provider follows the edition of Working Together and of the London procedures "
        "in force when it acts (each has been replaced since); the dates are kept as printed "
        "in citations and the duty 'protection-procedures' asks which editions are followed.",
        cite("2.26", "in line with Working Together (DCSF, 2013)"),
    ),
    Reading(
        "commencement-date",
        "The text gives no Commencement Date or date of coming into force.",
        "Appendix 1 sets targets 'in the light of' 2016-17 out-turns, so the service starts "
        "in 2017-18 at the earliest: the specification is taken to be in force from "
        "1 April 2017 (the first day of 2017-18). This date is the library's, not the "
        "text's; quarters, contract years and volumes take the actual Commencement Date "
        "as an input.",
        cite(
            "Appendix 1",
            "Specific targets to be determined in the light out-turns for, and trends in, 2016-17",
        ),
    ),
    Reading(
        "report-truncated",
        "4.2 ends mid-sentence: 'any proposals that it has in terms of improving .'",
        "Read as proposals for improving the service; the report's contents are listed as printed.",
        cite("4.2", "any proposals that it has in terms of improving"),
    ),
    Reading(
        "who-may-refer",
        "3.3 names the young carers support service as a source of referrals (of hidden young "
        "carers) and 3.5 has it identify the needs; 3.8 expects the provider's 'referral "
        "systems' to build relationships with Early Help, social work teams, schools, adult "
        "services and health 'including without limitation', and 3.11 lists partners "
        "'without limitation'. No clause names a self-referral or a parent's.",
        "Referrals come from the young carers support service (3.3: it refers hidden young "
        "carers, and 3.5: it identifies the needs) or from the partner agencies 3.8 and 3.11 "
        "name (Early Help, social work teams, schools and colleges, adult mental health and "
        "social care, GPs and health services, CAMHS, youth offending, drug and alcohol, "
        "early years, community and voluntary services: route 'partner-referral'), each with "
        "the carer's assessment (3.6). The text never speaks of a self-referral or a "
        "family's own, and does not forbid one: its lists are open ('including without "
        "limitation'), so a referrer they do not name (the young carer, a parent, an "
        "unnamed agency) is not refused but needs the agreement of the young carers support "
        "service, which identifies the needs (3.5).",
        cite("3.8", "including without limitation building effective relationships"),
    ),
    Reading(
        "three-boroughs",
        "3.1 engages 'the families of Young Carers from the three boroughs'.",
        "The service is for families living in Westminster, Kensington and Chelsea or "
        "Hammersmith and Fulham (the council's areas): a referral for a family elsewhere is "
        "not eligible, one that gives no area is incomplete, and volumes are counted for "
        "those three boroughs only.",
        cite("3.1", "engage the families of Young Carers from the three boroughs"),
    ),
    Reading(
        "adult-team-if-known",
        "Adult concerns go 'to the relevant adult social care team, if known, or to the' "
        "borough's listed number.",
        "A known team is the caller's knowledge, not the library's: the route gives the "
        "borough's listed contact, which always applies.",
        cite("6.6", "to the relevant adult social care team, if known, or to the"),
    ),
    Reading(
        "adult-client-allegations",
        "6.7 sends concerns that a worker is harming a young person to the LADO, and "
        "'similar concerns in relation to adult clients' to 'the Safeguarding Adults Team at "
        "the same contacts specified in 6.6'.",
        "An allegation that a worker is harming an adult client goes to the borough's adult "
        "safeguarding contact of 6.6 (not the LADO), immediately.",
        cite(
            "6.7",
            "Similar concerns in relation to adult clients shall be referred to the Safeguarding Adults Team",
        ),
    ),
    Reading(
        "the-council",
        "'The Council' (6.9, 7.4, 7.5) is never defined: the commissioners are three CCGs "
        "serving three borough councils, and no contact is given for it.",
        "The Council is the council of the borough concerned (the family's borough, or each "
        "borough whose families the member of staff works with); the CCG is the commissioning "
        "CCGs. Routing names that council but gives no number or address, as the text gives "
        "none: the contract must supply them.",
        cite("7.5", "inform the Council and CCG immediately"),
    ),
    Reading(
        "isa-and-crb",
        "6.10 asks for an 'Enhanced Criminal Records Bureau Certificate' and 7.3 for referral "
        "to 'the Independent Safeguarding Authority's register'; both bodies were merged into "
        "the Disclosure and Barring Service (as the definitions say).",
        "Read as an enhanced DBS certificate (workforce 'dbs') and a referral to the DBS for "
        "consideration for barring (duty 'refer-unsuitable-staff-for-barring').",
        cite(
            DEFS,
            "merges the functions previously carried out by the Criminal Records Bureau (CRB) and Independent Safeguarding Authority (ISA)",
        ),
    ),
    Reading(
        "vulnerable-groups",
        "6.10 asks for a certificate for 'all those working with vulnerable groups (as defined "
        "by the Safeguarding Vulnerable Groups Act 2006)', 7.2 for a DBS check of 'all "
        "necessary Staff' and a re-check of 'all relevant Staff', 6.11 for training of 'all "
        "Staff working with vulnerable children and adults at risk'. None says every member "
        "of staff; none says how to tell who works with vulnerable groups.",
        "The enhanced DBS check (with its three-yearly re-check) and both safeguarding "
        "trainings are required of the staff in direct work with the families (a roster's "
        "'direct_work', true unless the roster says otherwise): home visitors, key workers "
        "and their managers. A member of staff recorded with no direct work (an "
        "administrator with no contact with families) needs none of the three. Whether a "
        "post is regulated activity under the 2006 Act is the Provider's judgement, recorded "
        "in the roster.",
        cite(
            "6.10",
            "all those working with vulnerable groups (as defined by the Safeguarding Vulnerable Groups Act 2006)",
        ),
    ),
    Reading(
        "equality-monitoring-frequency",
        "Appendix 1 asks for monitoring information by the eight equality protected groups "
        "but sets no frequency.",
        "Reported each Quarter with the quarterly report (4.2 reports 'against each of the "
        "outcomes and outputs identified', and this is an Appendix 1 output).",
        cite(
            "4.2",
            "report setting out its level of achievement against each of the outcomes and outputs identified",
        ),
    ),
    Reading(
        "rbkc-adult-number",
        "RBKC's adult safeguarding number is printed '0207 361 3013'; its children's number "
        "'020 7361 3013'.",
        "Both are kept exactly as published; they are the same number.",
        cite("6.6", "0207 361 3013"),
    ),
)

_PRIORITY_QUOTES = {
    "Enable Young Carers to contribute to society and have a voice in decisions.": "Enable Young Carers to contribute to society and have a voice in decisions.",
    "Improving the physical health of the young carers family": "Improving the physical health of the young carers family",
    "Improve Young Carers mental health and emotional well being": "Improve Young Carers  mental health and emotional well being",
    "Young Carers have improved aspirations": "Young Carers have improved aspirations",
    "Children and Young People are safe": "Children and Young People are safe",
}
MEASURES = (
    *(
        OutcomeMeasure(
            f"priority-{index}",
            outcome,
            cite("Appendix 1", _PRIORITY_QUOTES[outcome]),
            outputs,
            target="Specific targets to be determined in the light of 2016-17 out-turns",
            reported="Each Quarter",
            objective="Appendix 1 priority outcomes",
        )
        for index, (outcome, outputs) in enumerate(OUTCOMES.items(), start=1)
    ),
    OutcomeMeasure(
        "families-per-year",
        "Families of young carers worked with",
        cite("3.4", "The Provider shall work with a minimum of Thirty families per year."),
        ("Families worked with, per borough, against the expected numbers for years 1-3",),
        target="At least thirty a year; the per-borough numbers in 3.5",
        reported="Each Quarter",
        objective="Volumes",
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
VOLUME_TABLE = ReferenceTable(
    "volumes",
    "Young carers and expected families per borough",
    (
        "Borough",
        "Young carers (aged 18 and under, census 2001)",
        "Known to existing services",
        "Year 1",
        "Year 2",
        "Year 3",
    ),
    [
        (b, str(census), str(known), *(str(t) for t in targets))
        for b, (census, known, targets) in VOLUMES.items()
    ],
    cite("3.5", "Number of Young Carers (aged 18 and under, census 2001 figures)"),
)

COMPUTATIONS = (
    Computation(
        "volume-progress",
        "Families worked with per borough against the year's expected number, pro rata",
        "childcare_commissioning_triborough.volumes:volume_progress",
        cite("3.5", "Expected number of families worked with"),
    ),
    Computation(
        "contract-year",
        "The contract year (1, 2, 3) a date falls in, counted from the Commencement Date",
        "childcare_commissioning_triborough.volumes:contract_year",
        cite("3.5", "During the Contract Period the Provider shall support the number of families"),
    ),
    Computation(
        "minimum-families",
        "Families worked with across the three boroughs against thirty a year, pro rata",
        "childcare_commissioning_triborough.volumes:minimum_progress",
        cite("3.4", "The Provider shall work with a minimum of Thirty families per year."),
    ),
    Computation(
        "quarter",
        "The contract Quarter a date falls in, with its first and last days",
        "childcare_commissioning_triborough.volumes:quarter",
        cite(DEFS, "the first of which starts on the Commencement Date"),
    ),
    Computation(
        "age-group",
        "The definitions' age groups: children (12 and under), young people (13-19)",
        "childcare_commissioning_triborough:age_group",
        cite(DEFS, "People aged 13-19 years"),
    ),
)

_BOROUGH = cite(
    "2.20",
    "across the three boroughs (Hammersmith & Fulham, Kensington and Chelsea and Westminster)",
)
SPEC: Final = CouncilSpec(
    id="triborough",
    name="Westminster, Kensington and Chelsea, and Hammersmith and Fulham (three CCGs)",
    specification=Specification(
        title="Specification for Young Carers Home Based Family Support Service",
        version="2017",
        # Not in the text: see the reading "commencement-date".
        effective_from=dt.date(2017, 4, 1),
        source="shared/specs/triborough.txt",
    ),
    citation=cite("3.6", "The Service will be a home based Model"),
    commissioners=("Hammersmith and Fulham CCG", "West London CCG", "Central London CCG"),
    areas=(
        Area("westminster", "Westminster City Council", "borough", _BOROUGH),
        Area(
            "kensington-and-chelsea", "Royal Borough of Kensington and Chelsea", "borough", _BOROUGH
        ),
        Area(
            "hammersmith-and-fulham",
            "London Borough of Hammersmith and Fulham",
            "borough",
            _BOROUGH,
        ),
    ),
    services=(
        Service(
            "young-carers",
            "Young carers home based family support",
            "Home-based, whole-family support for the families of young carers, with one-to-one key work and home visits.",
            cite("3.5", "one to one key-work and home visits as appropriate"),
        ),
    ),
    glossary=GLOSSARY,
    readings=READINGS + MONITORING_READINGS,
    deadlines=DEADLINES,
    obligations=OBLIGATIONS,
    routes=ROUTES,
    required_information=REQUIRED,
    cohorts=COHORTS,
    area_rules=AREA_RULES,
    workforce=WORKFORCE,
    contacts=CONTACTS,
    routing=ROUTING,
    outcomes=MEASURES,
    reference_tables=(VOLUME_TABLE,),
    duties=DUTIES,
    computations=COMPUTATIONS,
    register=REGISTER,
    monitoring=MONITORING,
)


@hookimpl
def childcare_commissioning_council() -> CouncilSpec:
    """Declare the Triborough young carers service."""
    return SPEC


@hookimpl
def childcare_commissioning_examples(council_id: str) -> dict[str, Any] | None:
    """Invented example data: a quarter's families per borough, a safeguarding case."""
    if council_id != SPEC.id:
        return None
    return load_examples(__name__, ("families", "events"))
