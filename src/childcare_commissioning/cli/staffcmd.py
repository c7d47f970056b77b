"""``staff-check``: a roster against a council's workforce requirements."""

from __future__ import annotations

import argparse

from childcare_commissioning.cli._contract import EXIT_NO, EXIT_OK, InputError
from childcare_commissioning.cli._input import read_rows
from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.convert import structure, unstructure
from childcare_commissioning.model import Severity
from childcare_commissioning.registry import get_registry
from childcare_commissioning.roster import (
    Roster,
    check_package_team,
    last_months,
    roster_of,
    turnover,
)
from childcare_commissioning.workforce import check_roster

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    """Check every worker; exit 1 if any is not compliant or a team rule is unmet. The
    roster is a list of workers, or ``{"workers": [...], "training_matrix": {...}}`` with
    the provider's training matrix (its refresher intervals replace the text's default
    where the text allows)."""
    council = get_registry().council(args.council)
    spec = council.spec
    roster = structure(roster_of(read_rows(args.file, args.input_format)), Roster)
    workers = list(roster.workers)
    report = check_roster(spec.workforce, workers, args.on, args.horizon, roster.training_matrix)
    # Requirements not applied because the roster does not say what needs a worker works
    # with: the answer is not "compliant" until it does.
    unchecked = {
        w.worker_id
        for w in report.workers
        for f in w.findings
        if f.code == "workforce.works-with.missing"
    }
    packages = [
        (p.id, check_package_team(spec.workforce, p, workers, args.on)) for p in roster.packages
    ]
    short = any(found for _, found in packages)
    ok = report.compliant == len(report.workers) and not report.team and not unchecked
    ok = ok and not short
    since = args.turnover_from
    if since is None and args.turnover:
        since = last_months(args.on)[0]
    if since is not None and since > args.on:
        raise InputError("--turnover-from: must not be after --on [period-order]")
    months = turnover(workers, since, args.on) if since is not None else None
    if args.format == "json":
        document = unstructure(report)
        # `compliant` is a property of each report, which unstructuring leaves out.
        for worker, entry in zip(report.workers, document["workers"], strict=True):
            entry["compliant"] = worker.compliant
        document["compliant"] = ok
        document["workers_not_fully_checked"] = sorted(unchecked)
        document["packages"] = [
            {"id": package_id, "findings": unstructure(found)} for package_id, found in packages
        ]
        document["compliant_workers"] = report.compliant
        document["workers_checked"] = len(report.workers)
        if months is not None:
            document["turnover"] = unstructure(months) | {
                "percent": None if months.percent is None else str(months.percent)
            }
        print_json(document, council)
    else:
        rows = [
            (
                w.worker_id,
                ("yes (not all checked)" if w.worker_id in unchecked else "yes")
                if w.compliant
                else "NO",
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
        for worker in report.workers:
            for finding in worker.findings:
                if finding.severity is Severity.WARNING and finding.code != "workforce.lapsing":
                    print(f"{worker.worker_id}: warning: {finding.message}")
        for finding in report.team:
            print(f"team: {finding.message} [{finding.citation}]")
        for _, found in packages:
            for finding in found:
                print(f"package: {finding.message} [{finding.citation}]")
        for finding in report.notes:
            print(f"roster: {finding.severity}: {finding.message}")
        if months is not None:
            share = "no staff" if months.percent is None else f"{months.percent} %"
            print(
                f"turnover {months.start} to {months.end}: {months.leavers} leaver(s) of "
                f"{months.staff} staff employed in the period ({share})"
            )
    return EXIT_OK if ok else EXIT_NO
