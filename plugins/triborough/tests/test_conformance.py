"""Triborough runs the conformance kit against itself."""

from __future__ import annotations

import os
from pathlib import Path

from childcare_commissioning.conformance import ConformanceSuite


class TestTriboroughConformance(ConformanceSuite):
    """Every check of the kit, with ids held stable by the snapshot beside this file."""

    council_id = "triborough"
    snapshot = Path(__file__).with_name("rule-ids.txt")
    text = (
        Path(
            os.environ.get(
                "CHILDCARE_COMMISSIONING_SHARED",
                Path(__file__).resolve().parents[3].parent / "shared",
            )
        )
        / "specs"
        / "triborough.txt"
    )
