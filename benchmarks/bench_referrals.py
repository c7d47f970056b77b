"""100,000 referrals checked against every registered council: time and peak memory.

Reference, measured in the same run: a plain-Python pass over the same referrals that
computes each child's age and compares it with a fixed band (the least any eligibility
check must do). Times are from untraced runs; peak memory from a second, traced run.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _harness import measure

from childcare_commissioning.convert import structure
from childcare_commissioning.model import Referral
from childcare_commissioning.referrals import check_referral
from childcare_commissioning.registry import get_registry

COUNT = 100_000
STATUSES = [
    "looked-after",
    "child-in-need",
    "care-leaver",
    "edge-of-care",
    "disabled",
    "in-education",
]
ROLES = ["social-worker", "social-worker", "social-worker", "parent", "housing-officer"]


def documents(count: int) -> list[dict[str, Any]]:
    rng = random.Random(4)
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    docs = []
    for i in range(count):
        born = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(365 * 24))
        docs.append(
            {
                "id": f"R-{i}",
                "received_at": (
                    start + dt.timedelta(minutes=rng.randrange(60 * 24 * 700))
                ).isoformat(),
                "urgency": rng.choice(["urgent", "standard", "emergency"]),
                "referrer": {"role": rng.choice(ROLES)},
                "child": {
                    "id": f"YP-{i}",
                    "date_of_birth": born.isoformat(),
                    "statuses": rng.sample(STATUSES, rng.randrange(1, 3)),
                },
                "distance_miles": str(rng.randrange(0, 300) / 10),
                "information": {"safeguarding_risks": "recorded"},
            }
        )
    return docs


def main() -> None:
    docs = documents(COUNT)
    councils = [c.spec for c in get_registry().councils()]
    print(f"{COUNT:,} referrals; councils: {', '.join(c.id for c in councils)}")
    _, referrals = measure(
        "read JSON-ready dicts into Referral models", lambda: [structure(d, Referral) for d in docs]
    )

    def reference() -> int:
        eligible = 0
        for r in referrals:
            born = r.child.date_of_birth
            on = r.received_at.date()
            age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
            eligible += 10 <= age <= 17
        return eligible

    ref_time, _ = measure("reference: plain-Python age-band pass", reference)
    timings = []
    for spec in councils:
        services = [s.id for s in spec.services] or [None]

        def run(spec: Any = spec, services: list[Any] = services) -> Counter[str]:
            return Counter(
                check_referral(spec, r, services[i % len(services)]).outcome.value
                for i, r in enumerate(referrals)
            )

        elapsed, outcomes = measure(f"check_referral against {spec.id}", run)
        timings.append(elapsed)
        print(f"    outcomes: {dict(sorted(outcomes.items()))}")
    total = sum(timings)
    per_council = total / max(len(councils), 1)
    print(
        f"all councils: {total:.2f} s = {per_council / COUNT * 1e6:.1f} µs per referral per "
        f"council; x{per_council / ref_time:.0f} the reference per council"
    )


if __name__ == "__main__":
    main()
