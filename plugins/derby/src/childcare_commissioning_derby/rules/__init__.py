"""Derby's declarations the library evaluates, one module per role (the same names in every
council plugin): ``timing`` (calendars, deadlines, obligations), ``referrals`` (areas,
services, routes, offers, cohorts), ``workforce``, ``safeguarding`` (contacts, routing,
notifiable events), ``billing``, ``outcomes`` (outcome measures, reference tables),
``glossary`` and ``readings``. Every name is importable from ``rules`` itself."""

from __future__ import annotations

from childcare_commissioning_derby.rules.billing import (
    BILLING,
)
from childcare_commissioning_derby.rules.glossary import (
    GLOSSARY,
)
from childcare_commissioning_derby.rules.outcomes import (
    OUTCOMES,
)
from childcare_commissioning_derby.rules.readings import (
    READINGS,
)
from childcare_commissioning_derby.rules.referrals import (
    CATEGORIES,
    COHORTS,
    OFFERS,
    REQUIRED_INFORMATION,
    ROUTES,
    SERVICES_LOTS,
    SIXTEEN_SEVENTEEN,
)
from childcare_commissioning_derby.rules.safeguarding import (
    CONTACTS,
    ROUTING,
)
from childcare_commissioning_derby.rules.timing import (
    CALENDARS,
    DEADLINES,
    OBLIGATIONS,
    REVIEWS,
    WEEKEND,
)
from childcare_commissioning_derby.rules.workforce import (
    WORKFORCE,
)

__all__ = [
    "BILLING",
    "CALENDARS",
    "CATEGORIES",
    "COHORTS",
    "CONTACTS",
    "DEADLINES",
    "GLOSSARY",
    "OBLIGATIONS",
    "OFFERS",
    "OUTCOMES",
    "READINGS",
    "REQUIRED_INFORMATION",
    "REVIEWS",
    "ROUTES",
    "ROUTING",
    "SERVICES_LOTS",
    "SIXTEEN_SEVENTEEN",
    "WEEKEND",
    "WORKFORCE",
]
