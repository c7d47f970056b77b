"""``childcare-commissioning councils``: what is installed, from which distribution."""

from __future__ import annotations

import argparse
from typing import Any

from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.registry import RegisteredCouncil, get_registry

__all__ = ["council_summary", "run"]


def council_summary(council: RegisteredCouncil) -> dict[str, Any]:
    """The JSON object ``councils --format json`` prints for one council."""
    spec = council.spec
    return {
        "id": spec.id,
        "name": spec.name,
        "distribution": council.distribution,
        "version": council.version,
        "specification": spec.specification.title,
        "specification_version": spec.specification.version,
        "services": [service.id for service in spec.services],
        "areas": [area.id for area in spec.areas],
        "coverage": _coverage(council),
    }


def _coverage(council: RegisteredCouncil) -> dict[str, Any]:
    from childcare_commissioning.cli.clausescmd import coverage_summary

    summary = coverage_summary(council)
    del summary["id"]
    return summary


def run(args: argparse.Namespace) -> int:
    """Print the installed councils."""
    councils = get_registry().councils()
    if args.format == "json":
        print_json([council_summary(c) for c in councils])
        return 0
    rows = [
        (c.id, c.name, ", ".join(s.id for s in c.spec.services), f"{c.distribution} {c.version}")
        for c in councils
    ]
    print_table("Installed councils", ("id", "name", "services", "plugin"), rows)
    if not councils:
        print("No council plugins are installed.")
    return 0
