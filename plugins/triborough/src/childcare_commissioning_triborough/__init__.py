"""Young carers home-based family support across Westminster, Kensington and Chelsea and
Hammersmith and Fulham, commissioned by three CCGs.

``SPEC`` is the whole declaration; volumes (``VOLUMES``, ``volume_progress``), the age
groups of the definitions (``age_group``) and the Appendix 1 outcomes (``OUTCOMES``) are
importable by name.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from childcare_commissioning import Area, CouncilSpec, Service, Specification
from childcare_commissioning.examples import load_examples
from childcare_commissioning.hookspecs import hookimpl
from childcare_commissioning_triborough._cite import cite
from childcare_commissioning_triborough.checks import (
    BoroughProgress,
    MinimumProgress,
    Quarter,
    age_group,
    contract_year,
    minimum_progress,
    quarter,
    volume_progress,
)
from childcare_commissioning_triborough.duties import COMPUTATIONS, DUTIES
from childcare_commissioning_triborough.monitoring import MONITORING, MONITORING_READINGS
from childcare_commissioning_triborough.register import REGISTER
from childcare_commissioning_triborough.rules import (
    AREA_RULES,
    COHORTS,
    CONTACTS,
    DEADLINES,
    GLOSSARY,
    MEASURES,
    MINIMUM_FAMILIES,
    OBLIGATIONS,
    OUTCOMES,
    READINGS,
    REQUIRED,
    ROUTES,
    ROUTING,
    VOLUME_TABLE,
    VOLUMES,
    WORKFORCE,
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
