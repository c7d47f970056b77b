"""Somerset County Council: crisis intervention and homecare support (Homecare Framework
Lot 5) for children on the edge of care, in care, and with disabilities at home.

``SPEC`` is the whole declaration; the job sheet (``JobSheet``, ``job_sheet_for``,
``check_job_sheet``) and the outcomes (``living_at_home_outcome``) are importable by name.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from childcare_commissioning import Area, CouncilSpec, Service, Specification
from childcare_commissioning.examples import load_examples
from childcare_commissioning.hookspecs import hookimpl
from childcare_commissioning_somerset._cite import cite
from childcare_commissioning_somerset.checks import (
    AtHome,
    JobSheet,
    JobSheetLine,
    check_job_sheet,
    job_sheet_for,
    living_at_home_outcome,
)
from childcare_commissioning_somerset.duties import COMPUTATIONS, DUTIES
from childcare_commissioning_somerset.monitoring import MONITORING, MONITORING_READINGS
from childcare_commissioning_somerset.register import REGISTER
from childcare_commissioning_somerset.rules import (
    AREA_RULES,
    BAND,
    BILLING,
    CALENDARS,
    COHORTS,
    CONTACTS,
    CONTRACT_MONITORING,
    DEADLINES,
    EXCLUSIONS,
    GLOSSARY,
    KEY_OBJECTIVES,
    LOOKED_AFTER_DEFINITION,
    MILEAGE,
    NOTIFIABLE_EVENTS,
    OBLIGATIONS,
    OUTCOMES,
    READINGS,
    ROUTES,
    ROUTING,
    WORKFORCE,
)

__all__ = [
    "BAND",
    "COMPUTATIONS",
    "CONTRACT_MONITORING",
    "DUTIES",
    "GLOSSARY",
    "KEY_OBJECTIVES",
    "LOOKED_AFTER_DEFINITION",
    "MILEAGE",
    "READINGS",
    "REGISTER",
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
        # Not in the text: see the reading 'in-force-date'.
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
    readings=READINGS + MONITORING_READINGS,
    calendars=CALENDARS,
    deadlines=DEADLINES,
    obligations=OBLIGATIONS,
    routes=ROUTES,
    cohorts=COHORTS,
    exclusions=EXCLUSIONS,
    status_definitions=(LOOKED_AFTER_DEFINITION,),
    workforce=WORKFORCE,
    contacts=CONTACTS,
    routing=ROUTING,
    notifiable_events=NOTIFIABLE_EVENTS,
    billing=BILLING,
    outcomes=OUTCOMES,
    area_rules=AREA_RULES,
    duties=DUTIES,
    computations=COMPUTATIONS,
    register=REGISTER,
    monitoring=MONITORING,
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
