"""Stoke-on-Trent City Council: psychologically informed consultation and support to its
small group homes (core service) and in-house foster carers (12-month pilot).

``SPEC`` is the whole declaration; its parts and the evidence tables are importable by
name (``SDQ_SCORES``, ``PLACEMENT_STABILITY``, ``camhs_priority_access``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from childcare_commissioning import (
    Area,
    CouncilSpec,
    Service,
    Specification,
    Term,
)
from childcare_commissioning.examples import load_examples
from childcare_commissioning.hookspecs import hookimpl
from childcare_commissioning_stoke._cite import cite
from childcare_commissioning_stoke.checks import camhs_priority_access
from childcare_commissioning_stoke.duties import CHECKLIST, COMPUTATIONS, DUTIES
from childcare_commissioning_stoke.monitoring import MONITORING, MONITORING_READINGS
from childcare_commissioning_stoke.register import REGISTER
from childcare_commissioning_stoke.rules import (
    BILLING,
    CALENDARS,
    COHORTS,
    CONTACTS,
    DEADLINES,
    EXCLUSIONS,
    GLOSSARY,
    LIMITS,
    OBLIGATIONS,
    OUTCOMES,
    PLACEMENT_STABILITY,
    READINGS,
    REFERENCE_TABLES,
    REQUIRED,
    ROUTES,
    SDQ_SCORES,
    WORKFORCE,
)

__all__ = [
    "CONTACTS",
    "GLOSSARY",
    "PLACEMENT_STABILITY",
    "READINGS",
    "SDQ_SCORES",
    "SPEC",
    "camhs_priority_access",
    "childcare_commissioning_council",
    "childcare_commissioning_examples",
]

SPEC: Final = CouncilSpec(
    id="stoke",
    name="Stoke-on-Trent City Council",
    specification=Specification(
        title="Psychologically informed consultation and support to small group homes and in-house foster carers",
        version="2018",
        effective_from=dt.date(2018, 7, 1),
        effective_to=dt.date(2021, 6, 30),
        source="shared/specs/stoke.txt",
        # Delivery from 1 July 2018 (6.1's 2018/19 budget) to 30 June 2021 (6.1). The
        # option "to extend for a further one year" is the parties': a contract that
        # takes it runs past the text's term and is told so.
        term=Term(
            dt.date(2018, 7, 1),
            dt.date(2021, 6, 30),
            cite(
                "6.1 Service Delivery Budget final year 2021/22",
                "The contract will run until 30th June 2021",
            ),
        ),
    ),
    citation=cite(
        "1.1 Overall purpose and aims of the service",
        "evidenced based, psychologically informed guidance and support to residential staff",
    ),
    commissioners=("Stoke-on-Trent City Council",),
    areas=(
        Area(
            "stoke-on-trent",
            "Stoke-on-Trent",
            "city",
            cite("2.1.2 Pilot", "within a 20 mile radius of Stoke-on-Trent"),
        ),
    ),
    services=(
        Service(
            "core",
            "Core service: the Council's small group homes",
            "Psychologically informed guidance and support to residential staff in the two-bed small group homes (ten, twelve planned); no direct work with the children. Delivered in the Small Group Homes.",
            cite(
                "1.1 Overall purpose and aims of the service",
                "two-bed small group homes, currently ten in total with plans to increase to  twelve",
            ),
        ),
        Service(
            "pilot",
            "Pilot: in-house foster carers",
            "A 12-month pilot supporting in-house foster carers, including connected persons/kinship carers, within 20 miles of Stoke-on-Trent. Delivered in foster carers' homes, residential schools and local authority bases.",
            cite(
                "2.2.2 Pilot",
                "support in-house foster carers, including connected persons/kinship foster carers",
            ),
        ),
    ),
    glossary=GLOSSARY,
    readings=READINGS + MONITORING_READINGS,
    calendars=CALENDARS,
    deadlines=DEADLINES,
    obligations=OBLIGATIONS,
    routes=ROUTES,
    required_information=REQUIRED,
    cohorts=COHORTS,
    exclusions=EXCLUSIONS,
    limits=LIMITS,
    workforce=WORKFORCE,
    billing=BILLING,
    outcomes=OUTCOMES,
    reference_tables=REFERENCE_TABLES,
    contacts=CONTACTS,
    duties=(*DUTIES, *CHECKLIST),
    computations=COMPUTATIONS,
    register=REGISTER,
    monitoring=MONITORING,
)


@hookimpl
def childcare_commissioning_council() -> CouncilSpec:
    """Declare Stoke-on-Trent."""
    return SPEC


@hookimpl
def childcare_commissioning_examples(council_id: str) -> dict[str, Any] | None:
    """Invented example data: a year of quarterly payments with retention."""
    if council_id != SPEC.id:
        return None
    return load_examples(__name__, ("billing",))
