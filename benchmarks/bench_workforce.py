"""A roster of 10,000 workers with a realistic training history, checked on one date.

Each worker has 5-25 completions spread over six years (core subjects, refreshers,
supervisions, DBS checks), two references, a declaration, and a quarter are nurses with an
NMC registration. Requirements: twelve, of every kind, in the shape the texts give them.
Reference, measured in the same run: a plain-Python pass that finds each worker's latest
DBS date. Times from untraced runs; peak memory from a second, traced run.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _harness import measure

from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.model import Citation
from childcare_commissioning.workforce import (
    Completion,
    Declaration,
    Qualification,
    Reference,
    Registration,
    Requirement,
    RequirementKind,
    Scope,
    Worker,
    check_roster,
)

WORKERS = 10_000
ON = dt.date(2025, 1, 6)
CITE = Citation("bench", "6", "staff requirements")
SUBJECTS = [
    "safeguarding-children",
    "safeguarding-adults",
    "data-protection",
    "equality-diversity",
    "trauma-informed",
    "first-aid",
    "self-harm",
    "neglect",
    "supervision",
    "dbs-enhanced",
]
K = RequirementKind
Y3 = Duration(DurationKind.YEARS, 3)
REQUIREMENTS = [
    *(Requirement(s, K.TRAINING, s, s, CITE, refresh=Y3) for s in SUBJECTS[:5]),
    Requirement(
        "self-harm",
        K.TRAINING,
        "self-harm",
        "self-harm",
        CITE,
        refresh=Y3,
        scope=Scope(direct_work=True, needs=frozenset({"social-care"})),
    ),
    Requirement(
        "supervision",
        K.TRAINING,
        "supervision",
        "quarterly",
        CITE,
        refresh=Duration(DurationKind.MONTHS, 3),
        scope=Scope(direct_work=True),
    ),
    Requirement("dbs", K.CHECK, "dbs-enhanced", "DBS", CITE, refresh=Y3),
    Requirement(
        "refs", K.REFERENCES, "references", "two references", CITE, count=2, last_employer=True
    ),
    Requirement("conv", K.DECLARATION, "convictions", "declaration", CITE),
    Requirement("nmc", K.REGISTRATION, "nmc", "NMC", CITE, scope=Scope(roles=frozenset({"rgn"}))),
    Requirement("first-aid", K.TRAINING, "first-aid", "first aid", CITE, team=True),
]


def roster() -> list[Worker]:
    rng = random.Random(6)
    workers = []
    for i in range(WORKERS):
        completions = tuple(
            Completion(
                rng.choice(SUBJECTS),
                ON - dt.timedelta(days=rng.randrange(6 * 365)),
                rng.randrange(1, 4),
            )
            for _ in range(rng.randrange(5, 26))
        )
        nurse = i % 4 == 0
        workers.append(
            Worker(
                f"W{i}",
                roles=frozenset({"rgn"} if nurse else {"family-support-worker"}),
                works_with=frozenset({"social-care"}),
                completions=completions,
                qualifications=(Qualification("rgn" if nurse else "level-3-diploma"),),
                references=(
                    Reference(ON - dt.timedelta(days=400), True),
                    Reference(ON - dt.timedelta(days=390)),
                ),
                declarations=(
                    Declaration("convictions", ON - dt.timedelta(days=400), i % 50 == 0),
                ),
                registrations=(
                    Registration("nmc", ON + dt.timedelta(days=rng.randrange(-30, 700))),
                )
                if nurse
                else (),
            )
        )
    return workers


def main() -> None:
    workers = roster()
    print(
        f"{WORKERS:,} workers, {sum(len(w.completions) for w in workers):,} completions, "
        f"{len(REQUIREMENTS)} requirements"
    )

    def reference() -> int:
        current = 0
        for w in workers:
            dbs = [c.completed_on for c in w.completions if c.subject == "dbs-enhanced"]
            current += bool(dbs) and max(dbs) > ON - dt.timedelta(days=3 * 365)
        return current

    ref_time, _ = measure("reference: latest DBS per worker", reference)
    run_time, report = measure("check_roster", lambda: check_roster(REQUIREMENTS, workers, ON))
    lapsing = sum(len(w.lapsing) for w in report.workers)
    print(
        f"  {report.compliant:,} compliant, {lapsing:,} lapses within 60 days, "
        f"{len(report.team)} team findings"
    )
    print(
        f"ratio: check_roster takes {run_time / ref_time:.1f}x the reference "
        f"({run_time / WORKERS * 1e6:.0f} µs per worker)"
    )


if __name__ == "__main__":
    main()
