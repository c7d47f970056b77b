"""Derby City Council: supported accommodation for care leavers and homeless 16-17 year olds
(a dynamic purchasing system also open to Derbyshire, Nottinghamshire and Nottingham City).

``SPEC`` is the whole declaration; the care leaver definition (``is_care_leaver``), the
placement checks (``check_placement``), payments under variations and notice
(``ipa_payments``, ``termination_date``), the block discount and the councils that may call
off the DPS (``may_call_off``) are importable by name.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from childcare_commissioning import Area, CouncilSpec, Service, Specification
from childcare_commissioning.contract import Variable, VariationKind
from childcare_commissioning.examples import load_examples
from childcare_commissioning.hookspecs import hookimpl
from childcare_commissioning_derby._cite import cite
from childcare_commissioning_derby.checks import (
    CALL_OFF_COUNCILS,
    CARE_LEAVER_DEFINITION,
    MAX_SUPPORT_HOURS,
    AccommodationType,
    CareEpisode,
    CareLeaverResult,
    Variation,
    block_discount_for,
    check_placement,
    ipa_payments,
    is_care_leaver,
    may_call_off,
    school_leaving_date,
    termination_date,
)
from childcare_commissioning_derby.duties import COMPUTATIONS, DUTIES
from childcare_commissioning_derby.monitoring import MONITORING, MONITORING_READINGS
from childcare_commissioning_derby.register import REGISTER
from childcare_commissioning_derby.rules import (
    BILLING,
    CALENDARS,
    CATEGORIES,
    COHORTS,
    CONTACTS,
    DEADLINES,
    GLOSSARY,
    OBLIGATIONS,
    OFFERS,
    OUTCOMES,
    READINGS,
    REQUIRED_INFORMATION,
    ROUTES,
    ROUTING,
    SERVICES_LOTS,
    WORKFORCE,
)

__all__ = [
    "CALL_OFF_COUNCILS",
    "CARE_LEAVER_DEFINITION",
    "CATEGORIES",
    "MAX_SUPPORT_HOURS",
    "READINGS",
    "SPEC",
    "AccommodationType",
    "CareEpisode",
    "CareLeaverResult",
    "Variation",
    "block_discount_for",
    "check_placement",
    "childcare_commissioning_council",
    "childcare_commissioning_examples",
    "ipa_payments",
    "is_care_leaver",
    "may_call_off",
    "school_leaving_date",
    "termination_date",
]

_OPEN = cite(
    "3.1.1 Introduction and Aim",
    "The DPS will also be available for use by Derbyshire County Council, Nottinghamshire County Council and Nottingham City Council",
)
SPEC: Final = CouncilSpec(
    id="derby",
    name="Derby City Council",
    specification=Specification(
        title="Supported accommodation for care leavers and homeless 16-17 year olds (DPS)",
        # The text names no version or date; it was written before February 2020, when it
        # expects the 2019-21 Corporate Parenting Strategy (reading 'specification-version').
        version="undated (before February 2020)",
        effective_from=dt.date(2019, 4, 1),
        source="shared/specs/derby.txt",
    ),
    citation=cite(
        "3.1.1 Introduction and Aim",
        "the provision of accommodation and support for Derby City Care Leavers",
    ),
    commissioners=("Derby City Council",),
    areas=(
        Area(
            "derby",
            "Derby City Council",
            "city",
            cite(
                "3.1.1 Introduction and Aim",
                "Derby City Council aims to place all young people locally",
            ),
        ),
        Area("derbyshire", "Derbyshire County Council", "dps-call-off", _OPEN),
        Area("nottinghamshire", "Nottinghamshire County Council", "dps-call-off", _OPEN),
        Area("nottingham", "Nottingham City Council", "dps-call-off", _OPEN),
    ),
    services=tuple(
        Service(lot_id, name, name, citation) for lot_id, (name, citation) in SERVICES_LOTS.items()
    ),
    glossary=GLOSSARY,
    readings=READINGS + MONITORING_READINGS,
    calendars=CALENDARS,
    deadlines=DEADLINES,
    obligations=OBLIGATIONS,
    routes=ROUTES,
    required_information=REQUIRED_INFORMATION,
    offers=OFFERS,
    cohorts=COHORTS,
    workforce=WORKFORCE,
    contacts=CONTACTS,
    routing=ROUTING,
    billing=BILLING,
    outcomes=OUTCOMES,
    status_definitions=(CARE_LEAVER_DEFINITION,),
    duties=DUTIES,
    computations=COMPUTATIONS,
    variables=(
        Variable(
            "ipa-notice-period",
            VariationKind.DEADLINE,
            cite(
                "3.8.1 Monitoring and Reporting",
                "The notice period could, in some cases, depend on the circumstances surrounding "
                "the termination",
            ),
            targets=frozenset({"notice-general", "notice-specific"}),
            note="The 30 and 14 days are 'in normal circumstances'; a contract may record "
            "other notice periods for its placements.",
        ),
    ),
    register=REGISTER,
    monitoring=MONITORING,
)


@hookimpl
def childcare_commissioning_council() -> CouncilSpec:
    """Declare Derby."""
    return SPEC


@hookimpl
def childcare_commissioning_examples(council_id: str) -> dict[str, Any] | None:
    """Invented example data: an urgent out-of-hours referral, a package, a block booking."""
    if council_id != SPEC.id:
        return None
    return load_examples(__name__, ("referral", "package", "block", "events"))
