"""Plymouth City Council: health and social care staffing agency services for children and
young people (draft service specification), as cited rules.

``SPEC`` is the whole declaration; its parts are importable by name for apps that serve
Plymouth only (``ESCALATION``, ``GLOSSARY``, ``POLICIES``, ``policy_kpi``...).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from childcare_commissioning import CouncilSpec
from childcare_commissioning.contract import Variable, VariationKind
from childcare_commissioning.examples import load_examples
from childcare_commissioning.hookspecs import hookimpl
from childcare_commissioning.model import Area, Service, Specification
from childcare_commissioning_plymouth._cite import cite
from childcare_commissioning_plymouth.checks import PolicyReview, check_staff, policy_kpi
from childcare_commissioning_plymouth.duties import COMPUTATIONS, DUTIES
from childcare_commissioning_plymouth.monitoring import MONITORING, MONITORING_READINGS
from childcare_commissioning_plymouth.register import REGISTER
from childcare_commissioning_plymouth.rules import (
    BILLING,
    CALENDARS,
    COHORTS,
    CONTACTS,
    COUNCIL,
    DEADLINES,
    DOCUMENTS,
    ESCALATION,
    GLOSSARY,
    NOTIFIABLE_EVENTS,
    OBLIGATIONS,
    OFFER_LISTS,
    OFFERS,
    OUTCOMES,
    POLICIES,
    POLICY_LIST,
    POLICY_TABLE,
    READINGS,
    ROLE_TYPE_TABLE,
    ROLE_TYPES,
    ROUTES,
    WORKFORCE,
)

__all__ = [
    "BILLING",
    "ESCALATION",
    "GLOSSARY",
    "POLICIES",
    "READINGS",
    "ROLE_TYPES",
    "SPEC",
    "PolicyReview",
    "check_staff",
    "childcare_commissioning_council",
    "childcare_commissioning_examples",
    "policy_kpi",
]

SPEC: Final = CouncilSpec(
    id="plymouth",
    name="Plymouth City Council",
    specification=Specification(
        title="Health and Social Care Staffing Agency Services for Children and Young People "
        "(draft service specification)",
        version="draft",
        effective_from=dt.date(2021, 4, 1),
        source="shared/specs/plymouth.txt",
    ),
    citation=cite(
        "3.1 Key activity",
        "supply agency health and/or social care staff as required to provide safe, effective, "
        "person-centred services",
    ),
    commissioners=("Plymouth City Council",),
    areas=(
        Area(
            "plymouth",
            "Plymouth",
            "delivery-location",
            cite("3.5 Delivery location", "within Plymouth"),
        ),
        Area(
            "south-west-peninsula",
            "The wider South West peninsula",
            "delivery-location",
            cite("3.5 Delivery location", "within the wider South West peninsular"),
        ),
        Area(
            "england-and-wales",
            "Elsewhere in England or Wales",
            "delivery-location",
            cite("3.5 Delivery location", "elsewhere in England or Wales"),
        ),
    ),
    services=(
        Service(
            "staffing-agency",
            "Health and social care staffing agency framework",
            "Agency health and/or social care staff for children, young people and families, "
            "in the family home, the community, hospital, temporary accommodation and elsewhere.",
            cite(
                "3.1 Key activity",
                "The Provider will supply agency health and/or social care staff",
            ),
        ),
    ),
    glossary=GLOSSARY,
    readings=READINGS + MONITORING_READINGS,
    calendars=CALENDARS,
    deadlines=DEADLINES,
    obligations=OBLIGATIONS,
    organisations=(COUNCIL,),
    routes=ROUTES,
    offers=OFFERS,
    offer_lists=OFFER_LISTS,
    cohorts=COHORTS,
    billing=BILLING,
    workforce=WORKFORCE,
    contacts=CONTACTS,
    notifiable_events=NOTIFIABLE_EVENTS,
    outcomes=OUTCOMES,
    reference_tables=(POLICY_TABLE, DOCUMENTS, ROLE_TYPE_TABLE),
    policy_lists=(POLICY_LIST,),
    duties=DUTIES,
    computations=COMPUTATIONS,
    variables=(
        Variable(
            "invoicing-cycle",
            VariationKind.INVOICING_CYCLE,
            cite(
                "3.3 Referral routes",
                "unless otherwise agreed between the parties on a case by case basis",
            ),
            note="Fortnightly in arrears unless the contract records another cycle for a package.",
        ),
        Variable(
            "more-frequent-monitoring",
            VariationKind.SCHEDULE,
            cite(
                "11 Contract management",
                "may implement additional and/or more frequent monitoring",
            ),
            targets=frozenset(
                {
                    "reporting-quarter-ends",
                    "reporting-half-year-ends",
                    "reporting-year-ends",
                    "contract-review-meeting",
                }
            ),
            note="The Council's discretion: a contract records the varied schedule (for "
            "example monthly while the Council has concerns about quality).",
        ),
    ),
    register=REGISTER,
    monitoring=MONITORING,
)


@hookimpl
def childcare_commissioning_council() -> CouncilSpec:
    """Declare Plymouth."""
    return SPEC


@hookimpl
def childcare_commissioning_examples(council_id: str) -> dict[str, Any] | None:
    """Invented example data: a roster, a fortnight of delivery, events over Christmas."""
    if council_id != SPEC.id:
        return None
    return load_examples(__name__, ("roster", "billing", "events"))
