"""Testshire: an invented council for the core's own tests. Not a real specification."""

from __future__ import annotations

import datetime as dt

from childcare_commissioning import (
    Area,
    Citation,
    CouncilSpec,
    GlossaryTerm,
    Service,
    Specification,
)
from childcare_commissioning.hookspecs import hookimpl

SPEC_ID = "testshire"


def cite(clause: str, quote: str) -> Citation:
    """A citation into the invented Testshire specification."""
    return Citation(SPEC_ID, clause, quote)


SPEC = CouncilSpec(
    id="testshire",
    name="Testshire County Council",
    specification=Specification(
        title="Testshire outreach support (invented for tests)",
        version="1.0",
        effective_from=dt.date(2024, 4, 1),
    ),
    citation=cite("1 Purpose", "The Provider will deliver outreach support in Testshire."),
    commissioners=("Testshire County Council",),
    areas=(
        Area("north", "North Testshire", "district"),
        Area("south", "South Testshire", "district"),
    ),
    services=(
        Service(
            "outreach",
            "Outreach support",
            "Home-based outreach for families.",
            cite("2 Scope", "home-based outreach for families"),
        ),
    ),
    glossary=(
        GlossaryTerm(
            "Care Plan",
            "Testshire's own plan for a child, reviewed monthly.",
            cite("Appendix A", "Care Plan: reviewed monthly"),
        ),
    ),
)


@hookimpl
def childcare_commissioning_council() -> CouncilSpec:
    """Declare Testshire."""
    return SPEC
