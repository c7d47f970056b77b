"""Citations into shared/specs/plymouth.txt."""

from __future__ import annotations

from childcare_commissioning.model import Citation

SPEC_ID = "plymouth"


def cite(clause: str, quote: str) -> Citation:
    """A citation of ``clause`` (its number and heading) quoting ``quote`` verbatim."""
    return Citation(SPEC_ID, clause, quote)
