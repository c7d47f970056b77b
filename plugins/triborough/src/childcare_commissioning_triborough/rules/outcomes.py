"""Triborough's outcomes (Appendix 1) and volumes (3.4, 3.5): the priority outcomes and their
outputs, the families expected per borough, and the measures that carry them."""

from __future__ import annotations

from childcare_commissioning.measures import OutcomeMeasure, ReferenceTable
from childcare_commissioning_triborough._cite import cite

__all__ = [
    "MEASURES",
    "MINIMUM_CITATION",
    "MINIMUM_FAMILIES",
    "OUTCOMES",
    "VOLUMES",
    "VOLUMES_CITATION",
    "VOLUME_TABLE",
]

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

#: borough -> (young carers aged 18 and under, census 2001; known to existing services;
#: expected families worked with in years 1, 2, 3).
VOLUMES: dict[str, tuple[int, int, tuple[int, int, int]]] = {
    "westminster": (540, 105, (30, 35, 40)),
    "kensington-and-chelsea": (303, 110, (30, 35, 45)),
    "hammersmith-and-fulham": (425, 99, (30, 30, 39)),
}
VOLUMES_CITATION = cite("3.5", "Expected number of families worked with")
MINIMUM_FAMILIES = 30
MINIMUM_CITATION = cite(
    "3.4", "The Provider shall work with a minimum of Thirty families per year."
)


_PRIORITY_QUOTES = {
    "Enable Young Carers to contribute to society and have a voice in decisions.": "Enable Young Carers to contribute to society and have a voice in decisions.",
    "Improving the physical health of the young carers family": "Improving the physical health of the young carers family",
    "Improve Young Carers mental health and emotional well being": "Improve Young Carers  mental health and emotional well being",
    "Young Carers have improved aspirations": "Young Carers have improved aspirations",
    "Children and Young People are safe": "Children and Young People are safe",
}
#: Appendix 1's target for every priority outcome, as the text words it.
PRIORITY_TARGET = (
    "Specific targets to be determined in the light out-turns for, and trends in, 2016-17"
)
MEASURES = (
    *(
        OutcomeMeasure(
            f"priority-{index}",
            outcome,
            cite("Appendix 1", _PRIORITY_QUOTES[outcome]),
            outputs,
            # Verbatim, the text's own slip ("in the light out-turns") kept.
            target=PRIORITY_TARGET,
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
