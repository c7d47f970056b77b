"""``invoice``: an invoice run over delivery records, with every problem reported."""

from __future__ import annotations

import argparse
import csv
import io
import json
from decimal import Decimal
from typing import Any

from childcare_commissioning.billing import (
    DeliveryRecord,
    Invoice,
    PlannedSession,
    Quotation,
    invoices_csv,
    render_invoice,
    run_invoices,
)
from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.cli.referralcmd import read_input
from childcare_commissioning.convert import structure, unstructure
from childcare_commissioning.errors import CommissioningError, ConversionError
from childcare_commissioning.model import Finding, Package, Severity
from childcare_commissioning.money import format_gbp
from childcare_commissioning.registry import get_registry

__all__ = ["read_records", "run"]

BATCH_KEYS = {"packages", "quotations", "planned", "records"}


class BatchError(CommissioningError, ValueError):
    """The batch file is not shaped as expected."""


def _batch(text: str) -> dict[str, Any]:
    data = json.loads(text, parse_float=Decimal)
    if not isinstance(data, dict) or set(data) - BATCH_KEYS:
        extra = sorted(set(data) - BATCH_KEYS) if isinstance(data, dict) else []
        raise BatchError(
            f"a batch is an object with keys {', '.join(sorted(BATCH_KEYS))}"
            + (f"; unknown: {', '.join(extra)}" if extra else "")
        )
    return data


def _csv_records(text: str) -> list[dict[str, Any]]:
    rows = []
    for row in csv.DictReader(io.StringIO(text)):
        rows.append({key: value for key, value in row.items() if value not in ("", None)})
    return rows


def read_records(raw: list[Any], findings: list[Finding]) -> list[DeliveryRecord]:
    """Read records one by one: a bad record becomes a finding; the rest are kept."""
    records = []
    for index, item in enumerate(raw):
        try:
            records.append(structure(item, DeliveryRecord))
        except ConversionError as exc:
            rid = item.get("id", index) if isinstance(item, dict) else index
            for problem in exc.problems:
                findings.append(
                    Finding(
                        Severity.ERROR,
                        f"billing.record.{problem.rule}",
                        f"record {rid!r} not read: {problem.path[2:] or 'record'}: "
                        f"{problem.message}",
                        f"$.records[{index}]{problem.path[1:]}",
                    )
                )
    return records


def run(args: argparse.Namespace) -> int:
    """Run the invoices and print them."""
    spec = get_registry().council(args.council).spec
    if spec.billing is None:
        raise BatchError(f"council {spec.id!r} declares no billing terms")
    text = read_input(args.file)
    if args.file.endswith(".csv"):
        if not args.packages:
            raise BatchError("a CSV of records needs --packages with the batch's packages")
        batch = _batch(read_input(args.packages))
        batch["records"] = _csv_records(text)
    else:
        batch = _batch(text)
    findings: list[Finding] = []
    packages = structure(batch.get("packages", []), list[Package])
    quotations = structure(batch.get("quotations", []), list[Quotation])
    planned = structure(batch.get("planned", []), list[PlannedSession])
    records = read_records(batch.get("records", []), findings)
    previous = (
        structure(json.loads(read_input(args.previous), parse_float=Decimal), list[Invoice])
        if args.previous
        else []
    )
    result = run_invoices(
        spec.id, spec.billing, packages, quotations, planned, records, args.as_of, previous
    )
    all_findings = [*findings, *result.findings]
    if args.format == "json":
        document = unstructure(result)
        document["findings"] = unstructure(all_findings)
        print_json(document)
    elif args.format == "csv":
        print(invoices_csv(result.invoices), end="")
    elif args.format == "text":
        print("\n\n".join(render_invoice(invoice) for invoice in result.invoices))
    else:
        rows = [
            (
                i.number,
                i.purchase_order or "",
                f"{i.period.start} to {i.period.end}",
                format_gbp(i.net),
                format_gbp(i.withheld),
                format_gbp(i.payable),
            )
            for i in result.invoices
        ]
        print_table(
            f"{spec.name}: invoices for periods ended before {args.as_of}",
            ("invoice", "PO", "period", "net", "withheld", "payable"),
            rows,
        )
        if all_findings:
            print_table(
                "Problems (nothing else in the run was affected)",
                ("code", "problem"),
                [(f.code, f.message) for f in all_findings],
            )
        if result.pending:
            print(f"Awaiting a later invoice: {', '.join(result.pending)}")
    return 1 if all_findings else 0
