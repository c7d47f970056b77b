"""Plymouth City Council: health and social care staffing agency services for children and
young people (draft service specification), as cited rules.

``SPEC`` is the whole declaration; its parts are importable by name for apps that serve
Plymouth only (``ESCALATION``, ``GLOSSARY``, ``POLICIES``, ``policy_kpi``...).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final

from childcare_commissioning import CouncilSpec
from childcare_commissioning._lazy import lazy_exports
from childcare_commissioning.council import deferred
from childcare_commissioning.examples import load_examples
from childcare_commissioning.hookspecs import hookimpl
from childcare_commissioning.model import Area, Service, Specification
from childcare_commissioning_plymouth._cite import cite
from childcare_commissioning_plymouth.rules.glossary import GLOSSARY
from childcare_commissioning_plymouth.rules.readings import READINGS
from childcare_commissioning_plymouth.rules.timing import (
    CALENDARS,
    DEADLINES,
    ESCALATION,
    OBLIGATIONS,
)

if TYPE_CHECKING:
    from childcare_commissioning_plymouth.checks import PolicyReview, check_staff, policy_kpi
    from childcare_commissioning_plymouth.rules.billing import BILLING
    from childcare_commissioning_plymouth.rules.outcomes import POLICIES
    from childcare_commissioning_plymouth.rules.workforce import ROLE_TYPES

# The parts of the declaration a question may not need are built when first read
# (childcare_commissioning.council.deferred), and so are these exports: a question about
# deadlines imports neither the register nor the billing terms.
_EXPORTS = {
    "BILLING": f"{__name__}.rules.billing",
    "POLICIES": f"{__name__}.rules.outcomes",
    "ROLE_TYPES": f"{__name__}.rules.workforce",
    "PolicyReview": f"{__name__}.checks",
    "check_staff": f"{__name__}.checks",
    "policy_kpi": f"{__name__}.checks",
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())


def _part(module: str, name: str) -> Any:
    return deferred(f"{__name__}.{module}", name)


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
    readings=_part("monitoring", "ALL_READINGS"),
    calendars=CALENDARS,
    deadlines=DEADLINES,
    obligations=OBLIGATIONS,
    organisations=_part("rules.referrals", "ORGANISATIONS"),
    routes=_part("rules.referrals", "ROUTES"),
    offers=_part("rules.referrals", "OFFERS"),
    offer_lists=_part("rules.referrals", "OFFER_LISTS"),
    cohorts=_part("rules.referrals", "COHORTS"),
    billing=_part("rules.billing", "BILLING"),
    workforce=_part("rules.workforce", "WORKFORCE"),
    contacts=_part("rules.safeguarding", "CONTACTS"),
    notifiable_events=_part("rules.safeguarding", "NOTIFIABLE_EVENTS"),
    outcomes=_part("rules.outcomes", "OUTCOMES"),
    reference_tables=_part("rules.outcomes", "REFERENCE_TABLES"),
    policy_lists=_part("rules.outcomes", "POLICY_LISTS"),
    duties=_part("duties", "DUTIES"),
    computations=_part("duties", "COMPUTATIONS"),
    variables=_part("rules.billing", "VARIABLES"),
    register=_part("register", "REGISTER"),
    monitoring=_part("monitoring", "MONITORING"),
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
