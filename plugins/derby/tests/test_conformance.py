"""Derby runs the conformance kit against itself."""

from __future__ import annotations

from pathlib import Path

from childcare_commissioning.conformance import ConformanceSuite
from childcare_commissioning.testing.texts import specification_text


class TestDerbyConformance(ConformanceSuite):
    """Every check of the kit, with ids held stable by the snapshot beside this file."""

    council_id = "derby"
    snapshot = Path(__file__).with_name("rule-ids.txt")
    text = specification_text("derby", __file__)
