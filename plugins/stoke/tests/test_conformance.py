"""Stoke runs the conformance kit against itself, quotes checked against its text."""

from __future__ import annotations

from pathlib import Path

from childcare_commissioning.conformance import ConformanceSuite
from childcare_commissioning.testing.texts import specification_text


class TestStokeConformance(ConformanceSuite):
    """Every check of the kit."""

    council_id = "stoke"
    snapshot = Path(__file__).with_name("rule-ids.txt")
    text = specification_text("stoke", __file__)
