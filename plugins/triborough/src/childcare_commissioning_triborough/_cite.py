"""Citations into shared/specs/triborough.txt: ``cite(clause, quote)``."""

from __future__ import annotations

from childcare_commissioning.model import citer

cite = citer("triborough")
