"""``childcare-commissioning demo``: a tour of the library on bundled example data.

Each capability adds a section here as it lands, so the demo exercises the public API
end to end.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.cli.councils import council_summary
from childcare_commissioning.convert import loads, unstructure
from childcare_commissioning.errors import ConversionError
from childcare_commissioning.examples import read_example
from childcare_commissioning.model import Referral
from childcare_commissioning.registry import get_registry

__all__ = ["run"]


def _sections() -> dict[str, Any]:
    registry = get_registry()
    referral = loads(read_example("referral.json"), Referral)
    try:
        loads(read_example("referral-broken.json"), Referral)
    except ConversionError as exc:
        problems = [str(p) for p in exc.problems]
    else:  # pragma: no cover - the example is broken on purpose
        raise AssertionError("referral-broken.json was read without error")
    return {
        "councils": [council_summary(c) for c in registry.councils()],
        "referral": {
            "repr": repr(referral),
            "urgency": referral.urgency.value,
            "received_at": referral.received_at.isoformat(),
            "statuses": unstructure(referral.child.statuses),
        },
        "broken_referral_problems": problems,
    }


def run(args: argparse.Namespace) -> int:
    """Run the tour and print each section."""
    sections = _sections()
    if args.format == "json":
        print_json(sections)
        return 0
    councils = sections["councils"]
    print_table(
        "1. Installed councils",
        ("id", "name", "plugin"),
        [(c["id"], c["name"], f"{c['distribution']} {c['version']}") for c in councils],
    )
    print("\n2. A referral read from JSON (personal data never appears in its repr):")
    print("   " + sections["referral"]["repr"])
    print("\n3. A broken referral: every problem at once, with its JSON path:")
    for problem in sections["broken_referral_problems"]:
        print(f"   - {problem}")
    print("\n(JSON of this tour: childcare-commissioning demo --format json)")
    json.dumps(sections)  # the tour must stay JSON-serialisable
    return 0
