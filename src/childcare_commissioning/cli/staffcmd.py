"""``staff-check``: a roster against a council's workforce requirements."""

from __future__ import annotations

import argparse
import json
from decimal import Decimal

from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.cli.referralcmd import read_input
from childcare_commissioning.convert import structure, unstructure
from childcare_commissioning.registry import get_registry
from childcare_commissioning.workforce import Worker, check_roster

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    """Check every worker; exit 1 if any is not compliant or a team rule is unmet."""
    spec = get_registry().council(args.council).spec
    workers = structure(json.loads(read_input(args.file), parse_float=Decimal), list[Worker])
    report = check_roster(spec.workforce, workers, args.on, args.horizon)
    if args.format == "json":
        print_json(unstructure(report))
    else:
        rows = [
            (
                w.worker_id,
                "yes" if w.compliant else "NO",
                "; ".join(f.message for f in w.findings if f.severity == "error"),
                ", ".join(f"{x.subject} {x.lapses_on}" for x in w.lapsing),
            )
            for w in report.workers
        ]
        print_table(
            f"{spec.name}: staff on {args.on} ({report.compliant} of {len(workers)} compliant)",
            ("worker", "compliant", "gaps", f"lapsing within {args.horizon} days"),
            rows,
        )
        for finding in report.team:
            print(f"team: {finding.message} [{finding.citation}]")
    ok = report.compliant == len(report.workers) and not report.team
    return 0 if ok else 1
