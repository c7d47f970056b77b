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
    GlossaryTerm,
    Reading,
    Service,
    Specification,
)
from childcare_commissioning.examples import load_examples
from childcare_commissioning.hookspecs import hookimpl
from childcare_commissioning.measures import OutcomeMeasure
from childcare_commissioning_stoke._cite import cite
from childcare_commissioning_stoke.evidence import (
    PLACEMENT_STABILITY,
    REFERENCE_TABLES,
    SDQ_SCORES,
    camhs_priority_access,
)
from childcare_commissioning_stoke.rules import (
    BILLING,
    CALENDARS,
    COHORTS,
    DEADLINES,
    EXCLUSIONS,
    LIMITS,
    OBLIGATIONS,
    REQUIRED,
    ROUTES,
    WORKFORCE,
)

__all__ = [
    "GLOSSARY",
    "PLACEMENT_STABILITY",
    "READINGS",
    "SDQ_SCORES",
    "SPEC",
    "camhs_priority_access",
    "childcare_commissioning_council",
    "childcare_commissioning_examples",
]

_DEFS = "1.3 Definitions"
GLOSSARY = (
    GlossaryTerm(
        "Looked After Child",
        "Includes children living in foster homes, children's homes and residential special schools.",
        cite(
            _DEFS,
            "Looked after child- include those living in foster homes, children's homes and residential special schools.",
        ),
    ),
    GlossaryTerm(
        "Psychologically informed",
        "Grounded in attachment and trauma theory, developmentally informed, with a multi-systemic, formulation-driven approach to understanding and managing young people's behaviour and risk.",
        cite(_DEFS, "developmentally informed and grounded in attachment and trauma theory"),
    ),
    GlossaryTerm(
        "CAMHS",
        "Services delivering evidence-based therapeutic interventions: the NHS for complex mental health issues, other providers for mild to moderate issues.",
        cite(
            _DEFS,
            "Services delivered by a range of practitioners and providers, delivering evidence based therapeutic interventions.",
        ),
    ),
    GlossaryTerm(
        "Small Group Home",
        "The Council's in-house provision for looked after children, each home to two young people (ten, with two more planned in summer 2018).",
        cite(
            _DEFS,
            "These are the LA in-house provision for looked after children. Each is home to two young people.",
        ),
    ),
    GlossaryTerm(
        "Service user",
        "The care giver to the child or young person (a residential worker or foster carer) and the network around the child, not the child.",
        cite(_DEFS, "The prime service user is the care giver to the child/young person."),
    ),
)

READINGS = (
    Reading(
        "retention-2020-21",
        "For 2020/21 the text says the 5% is paid 'in quarter 1 2020/21', the words used for "
        "2019/20; every other year is released in quarter 1 of the following year.",
        "The 2020/21 retention is released from quarter 1 of 2021/22 (1 April 2021), as the "
        "pattern of the other years gives; money cannot be released in the year it is withheld "
        "for before that year's outcomes are evidenced.",
        cite(
            "6.1 Service delivery budget 2020/21",
            "5% of the total annual budget will be withheld and paid in quarter 1 2020/21",
        ),
    ),
    Reading(
        "up-to-18",
        "'Up to the age of 18' could include 18-year-olds.",
        "Read as under 18 (ages 0-17): the text plans transition to adult services 'post 18 "
        "years', so 18 is the point where the service hands over.",
        cite(
            "2.1 Scope",
            "The service will focus on children and young people up to the age of 18 years.",
        ),
    ),
    Reading(
        "near-the-limit",
        "Placements outside but 'near to' the 20-mile limit are 'reviewed on an individual "
        "basis'; 'near' is not defined.",
        "Up to 20 miles is eligible; beyond it the answer is 'not eligible' and the finding "
        "names the individual review, which the Strategic Manager may grant.",
        cite("2.1.2 Pilot", "to be reviewed on an individual basis"),
    ),
    Reading(
        "retention-of-payments",
        "5% is withheld 'of the budget'; payments are quarterly in arrears on outcomes.",
        "5% is withheld from each quarterly payment; when the year's budget is paid in full "
        "this is 5% of the budget (£4,500 of £90,000 in 2018/19). The final part-year 2021/22 "
        "states no retention; the standing 5% is applied and should be confirmed.",
        cite("6.1 Service delivery budget", "5% (£4500) of the  budget for 2018/19"),
    ),
    Reading(
        "regular-supervision",
        "Staff 'have regular supervision' with no interval.",
        "Supervision must be recorded; no lapse date is computed.",
        cite(
            "4.1 Staffing levels, training, qualifications and experience",
            "Have regular supervision",
        ),
    ),
    Reading(
        "pilot-referral-agreement",
        "A pilot referral 'will then need to be agreed by the Strategic Manager'.",
        "The referral records the Strategic Manager's agreement (information item "
        "'strategic_manager_agreement'); without it the referral is incomplete.",
        cite(
            "2.3 Referral Pathways and Acceptance Criteria",
            "This will then need to be agreed by the Strategic Manager.",
        ),
    ),
)

SPEC: Final = CouncilSpec(
    id="stoke",
    name="Stoke-on-Trent City Council",
    specification=Specification(
        title="Psychologically informed consultation and support to small group homes and in-house foster carers",
        version="2018",
        effective_from=dt.date(2018, 7, 1),
        effective_to=dt.date(2021, 6, 30),
        source="shared/specs/stoke.txt",
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
            "Psychologically informed guidance and support to residential staff in the two-bed small group homes (ten, twelve planned); no direct work with the children.",
            cite(
                "1.1 Overall purpose and aims of the service",
                "two-bed small group homes, currently ten in total with plans to increase to  twelve",
            ),
        ),
        Service(
            "pilot",
            "Pilot: in-house foster carers",
            "A 12-month pilot supporting in-house foster carers, including connected persons/kinship carers, within 20 miles of Stoke-on-Trent.",
            cite(
                "2.2.2 Pilot",
                "support in-house foster carers, including connected persons/kinship foster carers",
            ),
        ),
    ),
    glossary=GLOSSARY,
    readings=READINGS,
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
    outcomes=(
        OutcomeMeasure(
            "core-placement-stability",
            "Fewer external residential placements; more children from the small group homes placed, and staying, with in-house foster carers",
            cite(
                "1.1 Overall purpose and aims of the service",
                "Expected high level outcomes include reduction in external residential placements",
            ),
            ("Increased/maintained placement stability within the SGHs",),
            objective="Core service",
            service="core",
        ),
        OutcomeMeasure(
            "pilot-placement-stability",
            "Increased placement stability; more children placed, and staying, with in-house foster carers",
            cite(
                "1.1 Overall purpose and aims of the service",
                "Expected high level outcomes include increased placement stability and more children being able to be placed and remain with in-house foster carers.",
            ),
            ("Reduced need for external residential placements", "Value for money"),
            objective="Pilot",
            service="pilot",
        ),
        OutcomeMeasure(
            "service-user-satisfaction",
            "Service users' satisfaction and evaluation of the service",
            cite(
                "4.4 Service User involvement",
                "Collect 6 monthly as a minimum Service User satisfaction data",
            ),
            ("Service user satisfaction data and evaluations",),
            reported="Six-monthly as a minimum",
            objective="Quality",
        ),
        OutcomeMeasure(
            "complaints",
            "Complaints",
            cite(
                "4.2 Local/national quality service standards and guidance",
                "The Provider will report on complaints quarterly",
            ),
            ("Complaints received, per the Performance Management Framework",),
            reported="Quarterly",
            objective="Quality",
        ),
    ),
    reference_tables=REFERENCE_TABLES,
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
