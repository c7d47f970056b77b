"""Citations into shared/specs/derby.txt: ``cite(clause, quote)``."""

from __future__ import annotations

from childcare_commissioning.model import citer

cite = citer("derby")
