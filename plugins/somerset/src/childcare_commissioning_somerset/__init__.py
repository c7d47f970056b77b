"""Somerset County Council: crisis intervention and homecare support (Homecare Framework
Lot 5) for children on the edge of care, in care, and with disabilities at home.

``SPEC`` is the whole declaration; the job sheet (``JobSheet``, ``job_sheet_for``,
``check_job_sheet``) and the outcomes (``living_at_home_outcome``) are importable by name.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from childcare_commissioning import Area, CouncilSpec, GlossaryTerm, Reading, Service, Specification
from childcare_commissioning.examples import load_examples
from childcare_commissioning.hookspecs import hookimpl
from childcare_commissioning_somerset._cite import cite
from childcare_commissioning_somerset.jobsheet import (
    JobSheet,
    JobSheetLine,
    check_job_sheet,
    job_sheet_for,
)
from childcare_commissioning_somerset.outcomes import (
    CONTRACT_MONITORING,
    KEY_OBJECTIVES,
    OUTCOMES,
    AtHome,
    living_at_home_outcome,
)
from childcare_commissioning_somerset.rules import (
    BAND,
    BILLING,
    CALENDARS,
    COHORTS,
    CONTACTS,
    DEADLINES,
    EXCLUSIONS,
    MILEAGE,
    NOTIFIABLE_EVENTS,
    OBLIGATIONS,
    ROUTES,
    ROUTING,
    WORKFORCE,
)

__all__ = [
    "BAND",
    "CONTRACT_MONITORING",
    "GLOSSARY",
    "KEY_OBJECTIVES",
    "MILEAGE",
    "READINGS",
    "SPEC",
    "AtHome",
    "JobSheet",
    "JobSheetLine",
    "check_job_sheet",
    "childcare_commissioning_council",
    "childcare_commissioning_examples",
    "job_sheet_for",
    "living_at_home_outcome",
]

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
        ("YOT", "Youth Offending Team.", "Youth Offending Team"),
    )
)

READINGS = (
    Reading(
        "ages-between",
        "The service is for 10-17 year olds 'predominantly', and only 'people aged 26 and over' "
        "are out of scope: the text says nothing of ages 0-9 and 18-25.",
        "Ages 10-17 are eligible; 26 and over are not; every other age gets 'needs approval' "
        "(by the Placements Team, or EDT out of hours), never a silent yes or no.",
        cite("2.1 Overview", "predominantly aged between 10-17 years"),
    ),
    Reading(
        "working-hours",
        "Requests come from the Placements Team, 'unless out of hours, when requests will come "
        "from EDT'; the text never says what the working hours are.",
        "Working hours are read as 09:00-17:00, Monday to Friday, except England and Wales bank "
        "holidays; confirm with the Council.",
        cite(
            "2.6 Service Access and Availability",
            "unless out of hours, when requests will come from EDT",
        ),
    ),
    Reading(
        "complex-health-needs",
        "'This does not include children and young people with complex health needs' follows "
        "the disabilities strand.",
        "Complex health needs are out of scope for the whole service.",
        cite(
            "2.1 Overview",
            "This does not include children and young people with complex health needs.",
        ),
    ),
    Reading(
        "as-soon-as-possible",
        "Accidents and incidents are reported 'as soon as possible'.",
        "Encoded as immediately: the duty starts with the event; there is no later due time.",
        cite("3.2 Provider requirements and staff competencies", "as soon as possible"),
    ),
    Reading(
        "invoicing-cycle",
        "The text sets rates but no invoicing cycle.",
        "Monthly in arrears is assumed for invoice runs; confirm with the Council.",
        cite("2.8 Service rates", "pricing will be individualised"),
    ),
    Reading(
        "emergency-referrals",
        "The 72-hour rule is written for 'urgent referrals'.",
        "Emergency referrals get the same 72 hours (they are at least as urgent).",
        cite(
            "3.2 Provider requirements and staff competencies",
            "With urgent referrals where there is a need to engage quickly",
        ),
    ),
)

_AREA = cite(
    "Glossary",
    "Mendip District Council, Sedgemoor District Council, South Somerset District Council, Taunton Borough Council and West Somerset Council",
)
SPEC: Final = CouncilSpec(
    id="somerset",
    name="Somerset County Council",
    specification=Specification(
        title="Crisis intervention and homecare support (Homecare Framework Lot 5)",
        version="2018",
        effective_from=dt.date(2018, 4, 1),
        source="shared/specs/somerset.txt",
    ),
    citation=cite(
        "1.1 Introduction", "the requirement for crisis intervention and homecare support services"
    ),
    commissioners=("Somerset County Council",),
    areas=tuple(
        Area(area_id, name, kind, _AREA)
        for area_id, name, kind in (
            ("mendip", "Mendip District Council", "district"),
            ("sedgemoor", "Sedgemoor District Council", "district"),
            ("south-somerset", "South Somerset District Council", "district"),
            ("taunton", "Taunton Borough Council", "borough"),
            ("west-somerset", "West Somerset Council", "district"),
        )
    ),
    services=(
        Service(
            "crisis-homecare",
            "Crisis intervention and homecare support",
            "Crisis and homecare support, county-wide with equality of access, for children on the edge of care, in unstable placements, and with disabilities at home.",
            cite(
                "2.5 Geographical coverage",
                "This is a Somerset county-wide service with allocation based on need.",
            ),
        ),
    ),
    glossary=GLOSSARY,
    readings=READINGS,
    calendars=CALENDARS,
    deadlines=DEADLINES,
    obligations=OBLIGATIONS,
    routes=ROUTES,
    cohorts=COHORTS,
    exclusions=EXCLUSIONS,
    workforce=WORKFORCE,
    contacts=CONTACTS,
    routing=ROUTING,
    notifiable_events=NOTIFIABLE_EVENTS,
    billing=BILLING,
    outcomes=OUTCOMES,
)


@hookimpl
def childcare_commissioning_council() -> CouncilSpec:
    """Declare Somerset."""
    return SPEC


@hookimpl
def childcare_commissioning_examples(council_id: str) -> dict[str, Any] | None:
    """Invented example data: an out-of-hours crisis referral, a month with mileage."""
    if council_id != SPEC.id:
        return None
    return load_examples(__name__, ("referral", "billing", "events"))
