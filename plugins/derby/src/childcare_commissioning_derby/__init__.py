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

from childcare_commissioning import Area, CouncilSpec, GlossaryTerm, Reading, Service, Specification
from childcare_commissioning.examples import load_examples
from childcare_commissioning.hookspecs import hookimpl
from childcare_commissioning_derby._cite import cite
from childcare_commissioning_derby.careleaver import (
    CareEpisode,
    CareLeaverResult,
    is_care_leaver,
    school_leaving_date,
)
from childcare_commissioning_derby.placements import (
    CATEGORIES,
    MAX_SUPPORT_HOURS,
    Variation,
    block_discount_for,
    check_placement,
    ipa_payments,
    termination_date,
)
from childcare_commissioning_derby.rules import (
    BILLING,
    CALENDARS,
    COHORTS,
    CONTACTS,
    DEADLINES,
    OBLIGATIONS,
    OFFERS,
    OUTCOMES,
    ROUTES,
    ROUTING,
    SERVICES_LOTS,
    WORKFORCE,
)

__all__ = [
    "CALL_OFF_COUNCILS",
    "CATEGORIES",
    "MAX_SUPPORT_HOURS",
    "READINGS",
    "SPEC",
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
#: Councils that may call off the DPS, besides Derby City Council itself.
CALL_OFF_COUNCILS = (
    "Derbyshire County Council",
    "Nottinghamshire County Council",
    "Nottingham City Council",
)


def may_call_off(council: str) -> bool:
    """Whether ``council`` may buy from this DPS: Derby City Council and the three named."""
    return council.strip().casefold() in {
        c.casefold() for c in ("Derby City Council", *CALL_OFF_COUNCILS)
    }


_DEFS = "3.1.2 Definitions"
GLOSSARY = (
    GlossaryTerm(
        "Young Homeless 16 & 17 years old",
        "A 16/17 year old presenting as homeless to a housing department, which must take a homelessness approach, provide interim accommodation and investigate.",
        cite(
            _DEFS,
            "If a 16/17 year old presents as homeless directly at Local Authority Housing Departments",
        ),
    ),
    GlossaryTerm(
        "Child in Need (CiN)",
        "Under the Children Act 1989, a child unlikely to achieve or maintain a reasonable level of health or development without services, or a disabled child.",
        cite(_DEFS, "A child in need is defined under the Children Act 1989"),
    ),
    GlossaryTerm(
        "Child in Care (CiC/LAC)",
        "A child in the care of, or provided with accommodation by, a local authority (s.22(1)), including children remanded to its care.",
        cite(
            _DEFS,
            "A child who is either in the care of a local authority, or who is provided with accommodation by a local authority",
        ),
    ),
    GlossaryTerm(
        "Care Leaver",
        "A person aged 25 or under, looked after by a local authority for at least 13 weeks since the age of 14, and looked after at or after school-leaving age.",
        cite(_DEFS, "A Care Leaver is defined as a person aged 25 or under"),
    ),
)

READINGS = (
    Reading(
        "16-18",
        "Several cohorts are '16-18 years', though looked after children and homeless 16/17 year olds are under 18.",
        "16-18 is read as ages 16 and 17 for those cohorts; 18-year-olds are served as care leavers.",
        cite(
            "3.1.1 Introduction and Aim",
            "Looked After Children leaving foster and residential care 16–18 years",
        ),
    ),
    Reading(
        "school-leaving-age",
        "The care leaver definition turns on 'school-leaving age', which the text does not define.",
        "School-leaving age is reached on the last Friday in June of the school year in which the person turns 16 (the law in England).",
        cite(
            "3.1.2 Definitions",
            "who was looked after by the local authority at school-leaving age or after that date",
        ),
    ),
    Reading(
        "thirteen-weeks",
        "'At least 13 weeks since the age of 14' does not say whether the weeks must be continuous.",
        "The 13 weeks (91 days) are counted in total across care episodes from the 14th birthday, as the leaving care regulations count them.",
        cite("3.1.2 Definitions", "for at least 13 weeks since the age of 14"),
    ),
    Reading(
        "emergency-working-day",
        "3.3.5 says emergency support 'may be requested on the same working day', while the service runs 7 days a week (3.3.6) and emergency provision is 'available on the same day' (3.2.5).",
        "The emergency-support rule counts England and Wales working days, as 3.3.5's words say; whether a 7-day service's emergency support is due the same calendar day is left to the Derby review of its rules (issue #20).",
        cite(
            "3.3.5 Emergency Provision Timescales and Processes",
            "On some occasions support may be requested on the same working day.",
        ),
    ),
    Reading(
        "office-hours",
        "Out of hours support runs 'from normal office closing times to normal office opening times', not given.",
        "Office hours are read as 09:00-17:00 on England and Wales working days.",
        cite(
            "3.3.6 Services Timescales",
            "from normal office closing times to normal office opening times",
        ),
    ),
    Reading(
        "block-discount",
        "The block discount percentage 'will be outlined further at the time of the mini competition'.",
        "The rule (five beds or more) is encoded; the percentage is an input (block_discount_for).",
        cite(
            "3.2.5 Lot Detail", "This will be outlined further at the time of the mini competition."
        ),
    ),
    Reading(
        "billing-cycle",
        "The text sets no invoicing cycle.",
        "Monthly payments are assumed; each day costs the weekly rate in force that day / 7.",
        cite("3.2.5 Lot Detail", "with consequent change in payments where appropriate"),
    ),
    Reading(
        "notice-days",
        "Notice periods are in days.",
        "Calendar days from the written notice; the agreement ends on the last day of notice.",
        cite("3.8.1 Monitoring and Reporting", "Notice period (days)"),
    ),
)

SPEC: Final = CouncilSpec(
    id="derby",
    name="Derby City Council",
    specification=Specification(
        title="Supported accommodation for care leavers and homeless 16-17 year olds (DPS)",
        version="2019",
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
    readings=READINGS,
    calendars=CALENDARS,
    deadlines=DEADLINES,
    obligations=OBLIGATIONS,
    routes=ROUTES,
    offers=OFFERS,
    cohorts=COHORTS,
    workforce=WORKFORCE,
    contacts=CONTACTS,
    routing=ROUTING,
    billing=BILLING,
    outcomes=OUTCOMES,
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
