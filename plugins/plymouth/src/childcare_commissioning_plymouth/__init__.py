"""Plymouth City Council: health and social care staffing agency services for children and
young people (draft service specification), as cited rules.

``SPEC`` is the whole declaration; its parts are importable by name for apps that serve
Plymouth only (``ESCALATION``, ``GLOSSARY``, ``POLICIES``, ``policy_kpi``...).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from childcare_commissioning import CouncilSpec
from childcare_commissioning.billing import BillingCycle, BillingTerms
from childcare_commissioning.examples import load_examples
from childcare_commissioning.hookspecs import hookimpl
from childcare_commissioning.model import Area, GlossaryTerm, Reading, Service, Specification
from childcare_commissioning_plymouth._cite import cite
from childcare_commissioning_plymouth.contacts import CONTACTS, NOTIFIABLE_EVENTS
from childcare_commissioning_plymouth.kpi import (
    OUTCOMES,
    POLICIES,
    POLICY_TABLE,
    PolicyReview,
    policy_kpi,
)
from childcare_commissioning_plymouth.referrals import COHORTS, OFFERS, ROUTES
from childcare_commissioning_plymouth.timing import CALENDARS, DEADLINES, ESCALATION, OBLIGATIONS
from childcare_commissioning_plymouth.workforce import ROLE_TYPES, WORKFORCE

__all__ = [
    "BILLING",
    "ESCALATION",
    "GLOSSARY",
    "POLICIES",
    "READINGS",
    "ROLE_TYPES",
    "SPEC",
    "PolicyReview",
    "childcare_commissioning_council",
    "childcare_commissioning_examples",
    "policy_kpi",
]

_GLOSSARY = "Appendix 1: Glossary of Definitions"
GLOSSARY = tuple(
    GlossaryTerm(term, definition, cite(_GLOSSARY, quote))
    for term, definition, quote in (
        (
            "Care Plan",
            "A statutory document giving key information about a child or young person's care, "
            "including the services the Provider delivers and any education, health, religious, "
            "linguistic, racial or cultural needs.",
            "a statutory document, providing key information about a child or young person's care",
        ),
        (
            "Education, Health and Care Plan (EHC Plan)",
            "A plan for children and young people aged up to 25 whose needs cannot be wholly met "
            "by special educational needs support; it sets out the educational, health and social "
            "needs and the extra support to meet them.",
            "a plan for children and young people aged up to 25 years",
        ),
        (
            "Looked After Child",
            "Under the Children Act 1989, a child provided with accommodation for a continuous "
            "period of more than 24 hours, or subject to a Care Order or a Placement Order.",
            "provided with accommodation for a continuous period of more than 24 hours",
        ),
        (
            "Pathway Plan",
            "The Care Plan of a young person qualifying under the Leaving Care Act 2000, detailing "
            "services and support for young people aged 16 to 25.",
            "detailing the services and support needed by young people aged 16 to 25 years",
        ),
        (
            "Personal Education Plan (PEP)",
            "An evolving record within a looked after child's Care Plan, held jointly by the local "
            "authority and the school, setting out a personalised approach to learning.",
            "An evolving record forming part of a 'looked after' child's Care Plan",
        ),
        (
            "Virtual School",
            "A group of local authority professionals who work with schools and looked after "
            "children to support them to achieve the best possible educational outcomes.",
            "a group of professionals within the local authority",
        ),
    )
)

READINGS = (
    Reading(
        "mailbox-spelling",
        "The commissioning mailbox is Plymplacements@plymouth.gov.uk in 3.3 (notice), 5 and 11, "
        "and Plyplacements@plymouth.gov.uk in escalation step 3.",
        "Both spellings are kept exactly as published (the second as a variant of the first) "
        "and the difference is reported; the library never corrects either silently. Callers "
        "should confirm the address with the Council.",
        cite("3.3 Escalation process", "Plyplacements@plymouth.gov.uk"),
    ),
    Reading(
        "effective-date",
        "The draft specification carries no date.",
        "It is treated as in force from 1 April 2021, the start of the 2021-2026 strategic "
        "plan it cites; change it when the Council confirms a date.",
        cite("I Introduction", "A_Bright_Future_2021-2026"),
    ),
    Reading(
        "refresher-scope",
        "'Refresher training in these subjects ... at least every three years' follows the list "
        "for staff working with social care needs; the core subjects and 'sufficient numbers' "
        "subjects state no interval.",
        "The three-year default (or the provider's matrix) applies to the social-care list; "
        "core subjects are checked as completed, with no lapse date.",
        cite("6 Staff", "refresher training in these subjects"),
    ),
    Reading(
        "business-days",
        "Section 12 says '5 Business Days'; elsewhere the text says 'working days'.",
        "Business Days are read as England and Wales working days.",
        cite("12 Business continuity", "no later than 5 Business Days"),
    ),
    Reading(
        "review-year-one",
        "Contract reviews are 'quarterly in the first year ... thereafter on a six monthly basis'.",
        "Meetings fall 3, 6, 9 and 12 months after entry to the framework, then every six "
        "months from the 12-month meeting.",
        cite("11 Contract management", "quarterly in the first year"),
    ),
    Reading(
        "two-sections-3-3",
        "The text numbers both 'Referral routes' and 'Access to the service' as 3.3.",
        "Citations give the number with the heading to tell them apart.",
        cite("3.3 Access to the service", "3.3 Access to the service"),
    ),
    Reading(
        "no-age-band",
        "Eligibility is by statutory intervention under three Acts; no ages are stated.",
        "No age limit is applied; the Council's identification of eligibility is decisive.",
        cite("3.2 Eligibility criteria", "identified by the Council as being eligible"),
    ),
)

BILLING = BillingTerms(
    cycle=BillingCycle.FORTNIGHTLY,
    citation=cite(
        "3.3 Referral routes",
        "Invoices are submitted fortnightly in arrears (unless otherwise agreed between the "
        "parties on a case by case basis)",
    ),
    purchase_order_required=True,
    notes="PO number on every invoice; sent by email to the department named on the PO; "
    "value reflects what was delivered, with deductions for anything commissioned but not "
    "delivered. Temporary cover by another provider needs no notice period. Prices are "
    "bespoke per package (no rate band is set) and no mileage terms are given.",
)

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
    readings=READINGS,
    calendars=CALENDARS,
    deadlines=DEADLINES,
    obligations=OBLIGATIONS,
    routes=ROUTES,
    offers=OFFERS,
    cohorts=COHORTS,
    billing=BILLING,
    workforce=WORKFORCE,
    contacts=CONTACTS,
    notifiable_events=NOTIFIABLE_EVENTS,
    outcomes=OUTCOMES,
    reference_tables=(POLICY_TABLE,),
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
