"""Stoke runs the conformance kit against itself, quotes checked against its text."""

from __future__ import annotations

import os
from pathlib import Path

from childcare_commissioning.conformance import ConformanceSuite


class TestStokeConformance(ConformanceSuite):
    """Every check of the kit."""

    council_id = "stoke"
    snapshot = Path(__file__).with_name("rule-ids.txt")
    text = (
        Path(
            os.environ.get(
                "CHILDCARE_COMMISSIONING_SHARED",
                Path(__file__).resolve().parents[3].parent / "shared",
            )
        )
        / "specs"
        / "stoke.txt"
    )
