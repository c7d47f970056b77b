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
from childcare_commissioning_triborough._cite import cite
from childcare_commissioning_triborough.rules import (
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
    contract_year,
    volume_progress,
)

__all__ = [
    "GLOSSARY",
    "MINIMUM_FAMILIES",
    "OUTCOMES",
    "READINGS",
    "SPEC",
    "VOLUMES",
    "BoroughProgress",
    "age_group",
    "childcare_commissioning_council",
    "childcare_commissioning_examples",
    "contract_year",
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


#: Appendix 1: priority outcome -> outputs (abridged where the text runs on).
OUTCOMES = {
    "Enable Young Carers to contribute to society and have a voice in decisions.": (
        "Develop a mechanism where families of Young Carers can influence Service delivery",
        "Collect feedback from families of Young Carers about their views and experiences of the support they receive or have failed to receive",
        "Represent Young Carers views and feedback at the Carers Providers network.",
        "Attend events (where appropriate) for Carers' Week (June) and Carers' Rights Day (December)",
        "Facilitate access to volunteering opportunities",
    ),
    "Improving the physical health of the young carers family": (
        "Address the Issues that can impact on the health of family members by connecting the family to appropriate support",
        "To develop a positive and proactive relationship with Primary Care services",
        "Improve relationships within the family unit, especially between siblings",
    ),
    "Improve Young Carers mental health and emotional well being": (
        "Offer specific signposting and referral routes to support services to young carers of people with mental ill health and substance use",
        "Refer to health promotion sessions / service for Young Carers and their family members",
        "Deliver awareness/ training sessions and briefings for health including primary care (in particular GP practices) and voluntary sector staff",
    ),
    "Young Carers have improved aspirations": (
        "Facilitate access to information, advice and guidance support services",
        "Develop an action plan, as a result of the initial contact, identifying any barriers to education, employment or training and actions to address barriers.",
    ),
    "Children and Young People are safe": (
        "Referral to organisations providing specialist information, advice and services",
        "Young people are supported, as appropriate, in a successful transition to adult carers services.",
        "Provide monitoring information broken down, where appropriate, by the eight equality protected groups by specific care group",
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
    readings=READINGS,
    deadlines=DEADLINES,
    obligations=OBLIGATIONS,
    routes=ROUTES,
    required_information=REQUIRED,
    cohorts=COHORTS,
    workforce=WORKFORCE,
    contacts=CONTACTS,
    routing=ROUTING,
    outcomes=MEASURES,
    reference_tables=(VOLUME_TABLE,),
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
