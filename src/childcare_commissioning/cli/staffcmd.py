"""``staff-check``: a roster against a council's workforce requirements."""

from __future__ import annotations

import argparse

from childcare_commissioning.cli._contract import EXIT_NO, EXIT_OK
from childcare_commissioning.cli._input import read_rows
from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.convert import structure, unstructure
from childcare_commissioning.registry import get_registry
from childcare_commissioning.workforce import Worker, check_roster

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    """Check every worker; exit 1 if any is not compliant or a team rule is unmet."""
    council = get_registry().council(args.council)
    spec = council.spec
    workers = structure(read_rows(args.file, args.input_format), list[Worker])
    report = check_roster(spec.workforce, workers, args.on, args.horizon)
    ok = report.compliant == len(report.workers) and not report.team
    if args.format == "json":
        document = unstructure(report)
        # `compliant` is a property of each report, which unstructuring leaves out.
        for worker, entry in zip(report.workers, document["workers"], strict=True):
            entry["compliant"] = worker.compliant
        document["compliant"] = ok
        document["compliant_workers"] = report.compliant
        document["workers_checked"] = len(report.workers)
        print_json(document, council)
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
        # Queries: what the text leaves open for a worker (an interval it does not set).
        for w in report.workers:
            for finding in w.findings:
                if finding.code.endswith(".interval-unset"):
                    print(f"query: {w.worker_id}: {finding.message}")
    return EXIT_OK if ok else EXIT_NO
