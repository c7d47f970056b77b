"""``referral check``: is this referral acceptable, and why (or why not)?"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.convert import loads, unstructure
from childcare_commissioning.model import Referral
from childcare_commissioning.referrals import check_referral
from childcare_commissioning.registry import get_registry

__all__ = ["run"]


def read_input(name: str) -> str:
    """The text of a file, or of standard input for ``-``."""
    if name == "-":
        return sys.stdin.read()
    return Path(name).read_text(encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    """Check the referral; exit 0 when acceptable, 1 otherwise."""
    spec = get_registry().council(args.council).spec
    referral = loads(read_input(args.file), Referral)
    decision = check_referral(spec, referral, args.service)
    if args.format == "json":
        print_json(unstructure(decision))
    else:
        print(
            f"Referral {decision.referral_id} to {spec.name}"
            f" ({decision.service or 'no service'}): {decision.outcome.value.upper()}"
        )
        rows = [
            (f.severity.value, f.code, f.message, f.path, str(f.citation or ""))
            for f in decision.findings
        ]
        print_table("Reasons", ("severity", "code", "reason", "path", "source"), rows)
        if decision.deadlines:
            print_table(
                "Deadlines started by the referral",
                ("duty", "due", "source"),
                [
                    (
                        d.title,
                        d.due_at.isoformat() if d.due_at else f"end of {d.due_date}",
                        str(d.citation),
                    )
                    for d in decision.deadlines
                ],
            )
    return 0 if decision.acceptable else 1
