"""Plymouth's declarations the library evaluates, one module per role (the same names in
every council plugin): ``timing`` (calendars, deadlines, obligations, escalation),
``referrals`` (routes, offers, cohorts), ``workforce``, ``safeguarding`` (contacts,
notifiable events), ``billing``, ``outcomes`` (outcome measures, the KPI's policies),
``glossary`` and ``readings``. Every name is importable from ``rules`` itself."""

from __future__ import annotations

from childcare_commissioning_plymouth.rules.billing import BILLING
from childcare_commissioning_plymouth.rules.glossary import GLOSSARY
from childcare_commissioning_plymouth.rules.outcomes import (
    KPI_CITE,
    OUTCOMES,
    POLICIES,
    POLICY_LIST,
    POLICY_TABLE,
    WHERE_RELEVANT,
)
from childcare_commissioning_plymouth.rules.readings import READINGS
from childcare_commissioning_plymouth.rules.referrals import (
    COHORTS,
    COUNCIL,
    DOCUMENTS,
    OFFER_LISTS,
    OFFERS,
    ROUTES,
)
from childcare_commissioning_plymouth.rules.safeguarding import CONTACTS, NOTIFIABLE_EVENTS
from childcare_commissioning_plymouth.rules.timing import (
    CALENDARS,
    DEADLINES,
    ESCALATION,
    OBLIGATIONS,
)
from childcare_commissioning_plymouth.rules.workforce import (
    CORE_SUBJECTS,
    HEALTHCARE_SUBJECTS,
    PACKAGE_NEEDS,
    ROLE_TYPE_TABLE,
    ROLE_TYPES,
    SOCIAL_CARE_SUBJECTS,
    SUFFICIENT_SUBJECTS,
    WORKFORCE,
)

__all__ = [
    "BILLING",
    "CALENDARS",
    "COHORTS",
    "CONTACTS",
    "CORE_SUBJECTS",
    "COUNCIL",
    "DEADLINES",
    "DOCUMENTS",
    "ESCALATION",
    "GLOSSARY",
    "HEALTHCARE_SUBJECTS",
    "KPI_CITE",
    "NOTIFIABLE_EVENTS",
    "OBLIGATIONS",
    "OFFERS",
    "OFFER_LISTS",
    "OUTCOMES",
    "PACKAGE_NEEDS",
    "POLICIES",
    "POLICY_LIST",
    "POLICY_TABLE",
    "READINGS",
    "ROLE_TYPES",
    "ROLE_TYPE_TABLE",
    "ROUTES",
    "SOCIAL_CARE_SUBJECTS",
    "SUFFICIENT_SUBJECTS",
    "WHERE_RELEVANT",
    "WORKFORCE",
]
