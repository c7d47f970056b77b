"""Triborough's glossary (1 Definitions)."""

from __future__ import annotations

from childcare_commissioning import GlossaryTerm
from childcare_commissioning_triborough._cite import cite

__all__ = ["GLOSSARY"]

DEFS = "1 Definitions"

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
