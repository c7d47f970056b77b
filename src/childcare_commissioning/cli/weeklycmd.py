"""``payments``: invoices for placements priced by the week (accommodation and support),
with variations, notice, a block discount and contributions such as Housing Benefit."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from childcare_commissioning.billing import (
    Block,
    WeeklyAgreement,
    invoices_csv,
    render_invoice,
    weekly_invoices,
)
from childcare_commissioning.cli._contract import EXIT_NO, EXIT_OK, InputError
from childcare_commissioning.cli._input import read_json
from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.cli.contractcmd import resolve, warn_term
from childcare_commissioning.cli.invoicecmd import _as_of, _check_councils, _part
from childcare_commissioning.convert import unstructure
from childcare_commissioning.durations import DurationKind
from childcare_commissioning.model import Package
from childcare_commissioning.money import format_gbp

if TYPE_CHECKING:
    from childcare_commissioning.council import CouncilSpec

__all__ = ["KEYS", "notice_days", "run"]

KEYS = {"as_of", "packages", "agreements", "blocks"}
"""The keys of a weekly payments batch."""


def notice_days(spec: CouncilSpec) -> dict[str, int]:
    """The council's deadline rules a notice may name: those counted in calendar days
    (Derby's 30 and 14 days), by id."""
    return {
        rule.id: rule.duration.amount
        for rule in spec.deadlines
        if rule.duration.kind is DurationKind.CALENDAR_DAYS
    }


def _batch(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict) or set(data) - KEYS:
        extra = sorted(set(data) - KEYS) if isinstance(data, dict) else []
        raise InputError(
            f"a payments batch is an object with keys {', '.join(sorted(KEYS))}"
            + (f"; unknown: {', '.join(extra)}" if extra else "")
            + " [batch-shape]"
        )
    return data


def run(args: argparse.Namespace) -> int:
    """Print the invoices; exit 1 when there are findings."""
    # With --contract, its agreed notice periods (Derby 3.8.1: "could ... depend on the
    # circumstances") replace the text's 30 and 14 days.
    resolved = resolve(args)
    council = resolved.council
    spec = resolved.spec
    if spec.billing is None:
        raise InputError(f"council {spec.id!r} declares no billing terms [billing-terms]")
    batch = _batch(read_json(args.file))
    as_of = _as_of(args, batch)
    packages = _part(batch, "packages", list[Package])
    _check_councils(spec.id, packages)
    agreements = _part(batch, "agreements", list[WeeklyAgreement])
    blocks = _part(batch, "blocks", list[Block])
    warn_term(spec, [as_of], "the as-of date")
    result = weekly_invoices(
        spec.id,
        spec.billing,
        packages,
        agreements,
        as_of,
        blocks=blocks,
        notice_days=notice_days(spec),
    )
    if args.format == "json":
        print_json(unstructure(result), council)
    elif args.format in ("csv", "text"):
        if args.format == "csv":
            print(invoices_csv(result.invoices), end="")
        else:
            print("\n\n".join(render_invoice(invoice) for invoice in result.invoices))
        for finding in result.findings:
            print(f"finding: {finding.code}: {finding.message}", file=sys.stderr)
    else:
        print_table(
            f"{spec.name}: weekly payments for periods ended before {as_of}",
            ("invoice", "PO", "period", "net", "payable"),
            [
                (
                    i.number,
                    i.purchase_order or "",
                    f"{i.period.start} to {i.period.end}",
                    format_gbp(i.net),
                    format_gbp(i.payable),
                )
                for i in result.invoices
            ],
        )
        if result.findings:
            print_table(
                "Problems (nothing else in the run was affected)",
                ("code", "problem"),
                [(f.code, f.message) for f in result.findings],
            )
    return EXIT_NO if result.findings else EXIT_OK
