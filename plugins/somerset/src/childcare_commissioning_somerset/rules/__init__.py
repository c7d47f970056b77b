"""Somerset's declarations the library evaluates, one module per role (the same names in every
council plugin): ``timing`` (calendars, deadlines, obligations), ``referrals`` (areas,
services, routes, offers, cohorts), ``workforce``, ``safeguarding`` (contacts, routing,
notifiable events), ``billing``, ``outcomes`` (outcome measures, reference tables),
``glossary`` and ``readings``. Every name is importable from ``rules`` itself."""

from __future__ import annotations

from childcare_commissioning_somerset.rules.billing import (
    BAND,
    BILLING,
    MILEAGE,
)
from childcare_commissioning_somerset.rules.glossary import (
    GLOSSARY,
)
from childcare_commissioning_somerset.rules.outcomes import (
    AT_HOME_CITATION,
    CONTRACT_MONITORING,
    CONTRACT_MONITORING_CITATION,
    EXPECTED_OUTCOMES,
    KEY_OBJECTIVES,
    OUTCOMES,
)
from childcare_commissioning_somerset.rules.readings import (
    READINGS,
)
from childcare_commissioning_somerset.rules.referrals import (
    AREA_RULES,
    COHORTS,
    DISTRICTS,
    EDT_TEAMS,
    EXCLUSIONS,
    LOOKED_AFTER_DEFINITION,
    PLACEMENTS_TEAMS,
    PREDOMINANT,
    ROUTES,
)
from childcare_commissioning_somerset.rules.safeguarding import (
    CONTACTS,
    NOTIFIABLE_EVENTS,
    ROUTING,
    SAFEGUARDING_CONCERNS,
)
from childcare_commissioning_somerset.rules.timing import (
    CALENDARS,
    DEADLINES,
    OBLIGATIONS,
)
from childcare_commissioning_somerset.rules.workforce import (
    WORKFORCE,
)

__all__ = [
    "AREA_RULES",
    "AT_HOME_CITATION",
    "BAND",
    "BILLING",
    "CALENDARS",
    "COHORTS",
    "CONTACTS",
    "CONTRACT_MONITORING",
    "CONTRACT_MONITORING_CITATION",
    "DEADLINES",
    "DISTRICTS",
    "EDT_TEAMS",
    "EXCLUSIONS",
    "EXPECTED_OUTCOMES",
    "GLOSSARY",
    "KEY_OBJECTIVES",
    "LOOKED_AFTER_DEFINITION",
    "MILEAGE",
    "NOTIFIABLE_EVENTS",
    "OBLIGATIONS",
    "OUTCOMES",
    "PLACEMENTS_TEAMS",
    "PREDOMINANT",
    "READINGS",
    "ROUTES",
    "ROUTING",
    "SAFEGUARDING_CONCERNS",
    "WORKFORCE",
]
