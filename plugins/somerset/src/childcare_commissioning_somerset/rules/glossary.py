"""Somerset's glossary."""

from __future__ import annotations

from childcare_commissioning import GlossaryTerm
from childcare_commissioning_somerset._cite import cite

__all__ = ["GLOSSARY"]

GLOSSARY = tuple(
    GlossaryTerm(term, definition, cite("Glossary", quote))
    for term, definition, quote in (
        ("ARC", "At Risk of Care.", "At Risk of Care"),
        (
            "CAMHS",
            "Child and Adolescent Mental Health Services.",
            "Child and Adolescent Mental Health Services",
        ),
        (
            "Children's Social Care (CSC)",
            "Statutory service for children and their families.",
            "Statutory service for children and their families.",
        ),
        (
            "Children's Social Care Placements Team",
            "The Council's service responsible for identifying placements for Children in Care and undertaking contract management functions.",
            "The Council's service responsible for identifying placements for Children in Care and undertaking contract management functions.",
        ),
        ("CWD", "Children with Disabilities.", "Children with Disabilities"),
        (
            "DBS",
            "Disclosure and Barring Service established under the Protection of Freedoms Act 2012.",
            "Disclosure and Barring Service established under the Protection of Freedoms Act 2012.",
        ),
        (
            "District and Borough Councils",
            "The five local authority areas of Somerset: Mendip, Sedgemoor, South Somerset, Taunton and West Somerset.",
            "The five Local Authority areas of Somerset.",
        ),
        ("EDHR", "Equality, Diversity and Human Rights.", "Equality, Diversity and Human Rights"),
        (
            "EDT",
            "Emergency Duty Team: the Council's and the District and Borough Councils' out of working hours emergency response team.",
            "Emergency Duty Team.",
        ),
        ("EoC", "Edge of Care.", "Edge of Care"),
        ("ETE", "Education, Training and Employment.", "Education, Training and Employment."),
        (
            "getset",
            "Access point for Targeted Early Help Services for children and their families.",
            "Access point for Targeted Early Help Services for children and their families",
        ),
        (
            "Looked After Child / Young Person (LAC)",
            "Any young person whose care needs are the responsibility of the Council and whose placement the Council funds.",
            "Any young person whose care needs are the responsibility of the Council, who is the subject of a placement which is being funded by the Council.",
        ),
        (
            "Multi-agency Plan",
            "The plan for how all professionals involved with an individual young person will work together.",
            "The plan for how all professionals involved with individual young person will work together.",
        ),
        (
            "Referring Agencies",
            "Person or organisation making the initial request for a service on behalf of a young person according to their assessed needs.",
            "Person or organisation making the initial request for a service on behalf of a young person according to their assessed needs.",
        ),
        ("Provider(s)", "The successful bidders.", "The successful bidders."),
        (
            "Provider's Staff",
            "All the Provider's employees, agents and volunteers: every staff requirement "
            "applies to each of them.",
            "A Provider's Staff includes all employees, agents and volunteers.",
        ),
        ("SCC", "Somerset County Council.", "Somerset County Council."),
        ("SW", "Social Worker.", "Social Worker"),
        ("YOT", "Youth Offending Team.", "Youth Offending Team"),
    )
)
