"""``policies``: a provider's policy report against the council's list of policies."""

from __future__ import annotations

import argparse

from childcare_commissioning.cli._contract import EXIT_NO, EXIT_OK, InputError
from childcare_commissioning.cli._input import read_document
from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.convert import unstructure
from childcare_commissioning.policies import PolicyReport, check_policy_report
from childcare_commissioning.registry import get_registry

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    """Check the report; exit 1 unless the KPI's target is met and the report is sound."""
    council = get_registry().council(args.council)
    spec = council.spec
    lists = {p.id: p for p in spec.policy_lists}
    if not lists:
        raise InputError(f"--council: {spec.id} declares no list of policies [policy-list]")
    if args.list is None and len(lists) > 1:
        raise InputError(f"--list: say which list ({', '.join(lists)}) [policy-list]")
    chosen = lists.get(args.list) if args.list else next(iter(lists.values()))
    if chosen is None:
        raise InputError(f"--list: not a list of {spec.id} ({', '.join(lists)}) [policy-list]")
    report = read_document(args.file, PolicyReport)
    result = check_policy_report(chosen, report)
    if args.format == "json":
        document = unstructure(result)
        document["met"] = result.met
        print_json(document, council)
    elif args.format == "csv":
        import csv
        import sys

        writer = csv.writer(sys.stdout)
        writer.writerow(("policy", "status", "last_reviewed", "next_due", "key_changes"))
        for row in result.rows:
            entry = row.entry
            writer.writerow(
                (
                    row.policy,
                    row.status,
                    entry.last_reviewed if entry and entry.last_reviewed else "",
                    entry.next_due if entry and entry.next_due else "",
                    entry.key_changes if entry else "",
                )
            )
    else:
        print_table(
            f"{spec.name}: {chosen.title} on {result.on} {result.period}".rstrip(),
            ("policy", "status", "last reviewed", "next due", "key changes"),
            [
                (
                    row.policy,
                    row.status,
                    str(row.entry.last_reviewed or "") if row.entry else "",
                    str(row.entry.next_due or "") if row.entry else "",
                    row.entry.key_changes if row.entry else "",
                )
                for row in result.rows
            ],
        )
        print(f"{result.percent} % in date (target {result.target} %) [{chosen.citation}]")
        for finding in result.findings:
            print(f"{finding.severity}: {finding.message}")
    return EXIT_OK if result.met else EXIT_NO
