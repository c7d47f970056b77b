"""``breaks``: the shortest break between each worker's shifts, from delivery records."""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from childcare_commissioning.billing import DeliveryRecord
from childcare_commissioning.cli._contract import EXIT_NO, EXIT_OK, InputError
from childcare_commissioning.cli._input import input_format, read_rows
from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.cli.invoicecmd import read_records
from childcare_commissioning.convert import unstructure
from childcare_commissioning.model import Finding, Severity
from childcare_commissioning.registry import get_registry
from childcare_commissioning.shifts import hours_text, shift_breaks

__all__ = ["run"]


def _minimum(text: str | None) -> dt.timedelta | None:
    if text is None:
        return None
    try:
        hours = Decimal(text)
    except InvalidOperation:
        raise InputError("--minimum-hours: expected a number of hours [number]") from None
    if not hours.is_finite() or not Decimal(0) < hours <= Decimal(168):
        raise InputError("--minimum-hours: must be more than 0 and at most 168 [range]")
    return dt.timedelta(minutes=int(hours * 60))


def run(args: argparse.Namespace) -> int:
    """Report each worker's shortest break; exit 1 on an overlap or a break under the
    minimum given."""
    council = get_registry().council(args.council)
    minimum = _minimum(args.minimum_hours)
    kind = input_format(args.file, args.input_format)
    columns = [f.alias or f.name for f in attrs.fields(DeliveryRecord)]
    data: Any = read_rows(args.file, kind, columns)
    if isinstance(data, dict):  # an invoice batch: its records
        data = data.get("records", [])
    if not isinstance(data, list):
        raise InputError("records: expected a list of delivery records [structure]")
    findings: list[Finding] = []
    records = read_records(data, findings)
    report = shift_breaks(records, minimum)
    findings += report.findings
    if args.format == "json":
        document = unstructure(report)
        document["findings"] = unstructure(findings)
        print_json(document, council)
    else:
        rows = [
            (
                w.worker_id,
                w.shifts,
                "" if w.shortest is None else hours_text(w.shortest.minutes),
                "" if w.shortest is None else f"{w.shortest.after} -> {w.shortest.before}",
            )
            for w in report.workers
        ]
        given = (
            "none given (the text sets no number)"
            if minimum is None
            else hours_text(int(minimum.total_seconds() // 60))
        )
        print_table(
            f"{council.spec.name}: shortest break between shifts (minimum: {given})",
            ("worker", "shifts", "shortest break", "between"),
            rows,
        )
        for finding in findings:
            print(f"{finding.severity}: {finding.message}")
    problem = any(f.severity in (Severity.WARNING, Severity.ERROR) for f in findings)
    return EXIT_NO if problem else EXIT_OK
