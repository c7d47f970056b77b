"""``staff-check``: a roster against a council's workforce requirements."""

from __future__ import annotations

import argparse
from typing import Any

from childcare_commissioning.cli._contract import EXIT_NO, EXIT_OK
from childcare_commissioning.cli._input import read_rows
from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.cli.contractcmd import resolve, warn_term
from childcare_commissioning.convert import structure, unstructure
from childcare_commissioning.workforce import RosterReport, Worker, check_roster

__all__ = ["roster_document", "run"]


def roster_document(report: RosterReport) -> dict[str, Any]:
    """The report, JSON-ready, with what its properties say: each worker's ``compliant``,
    and the roster's ``compliant`` (every worker, no team finding), ``compliant_workers``
    and ``workers_checked``."""
    document: dict[str, Any] = unstructure(report)
    # `compliant` is a property of each report, which unstructuring leaves out.
    for worker, entry in zip(report.workers, document["workers"], strict=True):
        entry["compliant"] = worker.compliant
    document["compliant"] = report.compliant == len(report.workers) and not report.team
    document["compliant_workers"] = report.compliant
    document["workers_checked"] = len(report.workers)
    return document


def run(args: argparse.Namespace) -> int:
    """Check every worker; exit 1 if any is not compliant or a team rule is unmet."""
    resolved = resolve(args, on=args.on)
    council = resolved.council
    spec = resolved.spec
    warn_term(spec, [args.on], "the check date")
    matrix = resolved.contract.matrix() if resolved.contract is not None else None
    workers = structure(read_rows(args.file, args.input_format), list[Worker])
    report = check_roster(spec.workforce, workers, args.on, args.horizon, matrix)
    ok = report.compliant == len(report.workers) and not report.team
    if args.format == "json":
        print_json(roster_document(report), council)
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
    return EXIT_OK if ok else EXIT_NO
