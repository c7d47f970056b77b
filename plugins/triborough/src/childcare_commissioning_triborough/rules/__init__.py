"""Triborough's declarations the library evaluates, one module per role (the same names in
every council plugin): ``timing`` (calendars, deadlines, obligations), ``referrals`` (areas,
services, routes, offers, cohorts), ``workforce``, ``safeguarding`` (contacts, routing,
notifiable events), ``outcomes`` (outcome measures, reference tables), ``glossary`` and
``readings``. Every name is importable from ``rules`` itself."""

from __future__ import annotations

from childcare_commissioning_triborough.rules.glossary import (
    GLOSSARY,
)
from childcare_commissioning_triborough.rules.outcomes import (
    MEASURES,
    MINIMUM_CITATION,
    MINIMUM_FAMILIES,
    OUTCOMES,
    VOLUME_TABLE,
    VOLUMES,
    VOLUMES_CITATION,
)
from childcare_commissioning_triborough.rules.readings import (
    READINGS,
)
from childcare_commissioning_triborough.rules.referrals import (
    AREA_RULES,
    COHORTS,
    PARTNER_ROLES,
    REQUIRED,
    ROUTES,
)
from childcare_commissioning_triborough.rules.safeguarding import (
    CONTACTS,
    ROUTING,
)
from childcare_commissioning_triborough.rules.timing import (
    DEADLINES,
    OBLIGATIONS,
    QUARTERLY,
)
from childcare_commissioning_triborough.rules.workforce import (
    VULNERABLE_GROUPS,
    WORKFORCE,
)

__all__ = [
    "AREA_RULES",
    "COHORTS",
    "CONTACTS",
    "DEADLINES",
    "GLOSSARY",
    "MEASURES",
    "MINIMUM_CITATION",
    "MINIMUM_FAMILIES",
    "OBLIGATIONS",
    "OUTCOMES",
    "PARTNER_ROLES",
    "QUARTERLY",
    "READINGS",
    "REQUIRED",
    "ROUTES",
    "ROUTING",
    "VOLUMES",
    "VOLUMES_CITATION",
    "VOLUME_TABLE",
    "VULNERABLE_GROUPS",
    "WORKFORCE",
]
