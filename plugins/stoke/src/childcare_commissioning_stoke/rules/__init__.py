"""Stoke's declarations the library evaluates, one module per role (the same names in every
council plugin): ``timing`` (calendars, deadlines, obligations), ``referrals`` (areas,
services, routes, offers, cohorts), ``workforce``, ``safeguarding`` (contacts, routing,
notifiable events), ``billing``, ``outcomes`` (outcome measures, reference tables),
``glossary`` and ``readings``. Every name is importable from ``rules`` itself."""

from __future__ import annotations

from childcare_commissioning_stoke.rules.billing import (
    BILLING,
)
from childcare_commissioning_stoke.rules.glossary import (
    GLOSSARY,
)
from childcare_commissioning_stoke.rules.outcomes import (
    CHILDREN_IN_CARE_2017,
    LONG_TERM_STABILITY,
    OUTCOMES,
    PLACEMENT_BREAKDOWNS_2017,
    PLACEMENT_STABILITY,
    REFERENCE_TABLES,
    SDQ_CHANGE,
    SDQ_SCORES,
    SGH_OUT_OF_CITY_MOVES,
    SGH_SDQ_CHANGE,
    SGH_SDQ_SCORES,
)
from childcare_commissioning_stoke.rules.readings import (
    READINGS,
)
from childcare_commissioning_stoke.rules.referrals import (
    COHORTS,
    EXCLUSIONS,
    LIMITS,
    REQUIRED,
    ROUTES,
    UP_TO_18,
)
from childcare_commissioning_stoke.rules.safeguarding import (
    CONTACTS,
)
from childcare_commissioning_stoke.rules.timing import (
    CALENDARS,
    DEADLINES,
    OBLIGATIONS,
)
from childcare_commissioning_stoke.rules.workforce import (
    WORKFORCE,
)

__all__ = [
    "BILLING",
    "CALENDARS",
    "CHILDREN_IN_CARE_2017",
    "COHORTS",
    "CONTACTS",
    "DEADLINES",
    "EXCLUSIONS",
    "GLOSSARY",
    "LIMITS",
    "LONG_TERM_STABILITY",
    "OBLIGATIONS",
    "OUTCOMES",
    "PLACEMENT_BREAKDOWNS_2017",
    "PLACEMENT_STABILITY",
    "READINGS",
    "REFERENCE_TABLES",
    "REQUIRED",
    "ROUTES",
    "SDQ_CHANGE",
    "SDQ_SCORES",
    "SGH_OUT_OF_CITY_MOVES",
    "SGH_SDQ_CHANGE",
    "SGH_SDQ_SCORES",
    "UP_TO_18",
    "WORKFORCE",
]
