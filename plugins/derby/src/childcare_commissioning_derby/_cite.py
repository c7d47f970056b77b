"""Citations into shared/specs/derby.txt."""

from __future__ import annotations

from childcare_commissioning.model import Citation


def cite(clause: str, quote: str) -> Citation:
    """A citation of ``clause`` quoting ``quote`` verbatim."""
    return Citation("derby", clause, quote)
