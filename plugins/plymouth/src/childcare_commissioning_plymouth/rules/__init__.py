"""Plymouth's declarations the library evaluates, one module per role (the same names in
every council plugin): ``timing`` (calendars, deadlines, obligations, escalation),
``referrals`` (routes, offers, cohorts), ``workforce``, ``safeguarding`` (contacts,
notifiable events), ``billing``, ``outcomes`` (outcome measures, the KPI's policies),
``glossary`` and ``readings``. Every name is importable from ``rules`` itself, loading its module on first use: the
council's declaration names each part by module (``childcare_commissioning.council.
deferred``), so a question about deadlines imports ``timing`` alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from childcare_commissioning._lazy import lazy_exports

if TYPE_CHECKING:
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

_EXPORTS = {
    "BILLING": f"{__name__}.billing",
    "GLOSSARY": f"{__name__}.glossary",
    "KPI_CITE": f"{__name__}.outcomes",
    "OUTCOMES": f"{__name__}.outcomes",
    "POLICIES": f"{__name__}.outcomes",
    "POLICY_LIST": f"{__name__}.outcomes",
    "POLICY_TABLE": f"{__name__}.outcomes",
    "WHERE_RELEVANT": f"{__name__}.outcomes",
    "READINGS": f"{__name__}.readings",
    "COHORTS": f"{__name__}.referrals",
    "COUNCIL": f"{__name__}.referrals",
    "DOCUMENTS": f"{__name__}.referrals",
    "OFFER_LISTS": f"{__name__}.referrals",
    "OFFERS": f"{__name__}.referrals",
    "ROUTES": f"{__name__}.referrals",
    "CONTACTS": f"{__name__}.safeguarding",
    "NOTIFIABLE_EVENTS": f"{__name__}.safeguarding",
    "CALENDARS": f"{__name__}.timing",
    "DEADLINES": f"{__name__}.timing",
    "ESCALATION": f"{__name__}.timing",
    "OBLIGATIONS": f"{__name__}.timing",
    "CORE_SUBJECTS": f"{__name__}.workforce",
    "HEALTHCARE_SUBJECTS": f"{__name__}.workforce",
    "PACKAGE_NEEDS": f"{__name__}.workforce",
    "ROLE_TYPE_TABLE": f"{__name__}.workforce",
    "ROLE_TYPES": f"{__name__}.workforce",
    "SOCIAL_CARE_SUBJECTS": f"{__name__}.workforce",
    "SUFFICIENT_SUBJECTS": f"{__name__}.workforce",
    "WORKFORCE": f"{__name__}.workforce",
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())

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
