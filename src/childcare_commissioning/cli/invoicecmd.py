"""``invoice``: an invoice run over delivery records, with every problem reported."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs

from childcare_commissioning.billing import (
    BillingCycle,
    Claim,
    DeliveryRecord,
    Invoice,
    InvoiceRun,
    PlannedSession,
    Quotation,
    claim_invoices,
    invoices_csv,
    render_invoice,
    run_invoices,
)
from childcare_commissioning.billing.control import BudgetReport, budget_report
from childcare_commissioning.cli._budgets import (
    BUDGET_HEADERS,
    LEDGER_HEADERS,
    budget_lines,
    budget_rows,
    has_errors,
    ledger_rows,
    parse_evidence,
)
from childcare_commissioning.cli._contract import EXIT_NO, EXIT_OK, InputError
from childcare_commissioning.cli._input import input_format, read_json, read_rows
from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.cli.contractcmd import resolve, warn_term
from childcare_commissioning.convert import structure, unstructure
from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.csvsafe import csv_text
from childcare_commissioning.errors import ConversionError, Problem
from childcare_commissioning.model import Citation, Finding, Package, Severity
from childcare_commissioning.money import format_gbp
from childcare_commissioning.safefiles import OutputFiles

__all__ = [
    "BATCH_KEYS",
    "batch_as_of",
    "findings_csv",
    "invoices_document",
    "no_records",
    "read_batch",
    "read_records",
    "run",
    "run_batch",
    "run_document",
]

T = TypeVar("T")

BATCH_KEYS = {"as_of", "packages", "quotations", "planned", "records", "claims"}
"""The keys of a JSON batch; ``as_of`` is optional (``--as-of`` takes precedence only when
they agree)."""


class BatchError(InputError):
    """The batch file is not shaped as expected."""


def read_batch(data: Any) -> dict[str, Any]:
    """``data`` checked to be an invoice batch: an object with :data:`BATCH_KEYS` only."""
    return _batch(data)


def _batch(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict) or set(data) - BATCH_KEYS:
        extra = sorted(set(data) - BATCH_KEYS) if isinstance(data, dict) else []
        raise BatchError(
            f"a batch is an object with keys {', '.join(sorted(BATCH_KEYS))}"
            + (f"; unknown: {', '.join(extra)}" if extra else "")
            + " (see `childcare-commissioning schema invoice-batch`) [batch-shape]"
        )
    return data


def _part(batch: dict[str, Any], key: str, cls: type[T]) -> T:
    """``batch[key]`` read into ``cls``, problems located from the batch's root."""
    try:
        return structure(batch.get(key, []), cls)
    except ConversionError as exc:
        problems = [Problem(f"$.{key}{p.path[1:]}", p.message, p.rule) for p in exc.problems]
        raise ConversionError(f"the batch's {key}", problems) from None


def batch_as_of(option: dt.date | None, batch: dict[str, Any]) -> dt.date:
    """The run's date: the batch's ``as_of`` or ``option`` (``--as-of``); both must agree
    when both are given, and one is needed."""
    given = batch.get("as_of")
    if given is None:
        if option is None:
            raise InputError("--as-of is required when the batch has no as_of [required]")
        return option
    as_of = _part(batch, "as_of", dt.date)
    if option is not None and option != as_of:
        raise InputError(
            f"--as-of {option} disagrees with the batch's as_of {as_of}; give one [as-of-agrees]"
        )
    return as_of


def _as_of(args: argparse.Namespace, batch: dict[str, Any]) -> dt.date:
    return batch_as_of(args.as_of, batch)


def findings_csv(findings: list[Finding]) -> str:
    """The findings as CSV (severity, code, message, path, source), spreadsheet-safe."""
    return csv_text(
        ("severity", "code", "message", "path", "source"),
        [
            (f.severity.value, f.code, f.message, f.path or "", str(f.citation or ""))
            for f in findings
        ],
    )


def read_records(raw: list[Any], findings: list[Finding], start: int = 0) -> list[DeliveryRecord]:
    """Read records one by one: a bad record becomes a finding; the rest are kept. The
    first is ``$.records[start]`` in findings (a reader going through a file in parts)."""
    records = []
    for index, item in enumerate(raw, start=start):
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


def no_records(citation: Citation | None) -> Finding:
    """The finding for a run given no delivery records (and no claims) at all: an empty
    file, a batch with none. Every commissioned session would be deducted as missed, so
    it is an error to look at, never a clean run."""
    return Finding(
        Severity.ERROR,
        "billing.records.none",
        "no delivery record was read; every commissioned session is deducted as missed, "
        "no record. Check the records are the ones meant",
        "$.records",
        citation,
    )


def _previous(name: str) -> list[Invoice]:
    """The invoices of ``--previous``: a list of invoices (JSON, or the JSON Lines
    ``invoice-stream`` writes) or a previous run's ``--format json`` document."""
    return invoices_document(read_rows(name))


def invoices_document(data: Any) -> list[Invoice]:
    """The invoices of ``data``: a previous run's ``invoice --format json`` document (an
    object, read as :class:`~childcare_commissioning.billing.answers.InvoiceRunDocument`)
    or a list of invoices (as ``invoice-stream`` writes them, one a line). What the
    answer's ``explain`` added is read and left aside by the converter."""
    if isinstance(data, dict):
        from childcare_commissioning.billing.answers import InvoiceRunDocument

        return list(structure(data, InvoiceRunDocument).invoices)
    return structure(data, list[Invoice])


def _check_councils(council: str, packages: list[Package]) -> None:
    problems = [
        Problem(f"$.packages[{index}].council", f"a package of another council, not {council}")
        for index, package in enumerate(packages)
        if package.council != council
    ]
    problems = [Problem(p.path, p.message, "package-council") for p in problems]
    if problems:
        raise ConversionError("the batch's packages", problems)


def run_batch(
    spec: CouncilSpec,
    batch: dict[str, Any],
    as_of: dt.date,
    previous: list[Invoice],
    findings: list[Finding],
    cycles: Mapping[str, BillingCycle] | None = None,
    counts: dict[str, int] | None = None,
) -> tuple[InvoiceRun, list[Package]]:
    """Run ``batch`` (read into ``findings`` where a record is unreadable): hourly for
    packages with records and quotations, by claim for the packages the batch's
    ``claims`` name (:func:`~childcare_commissioning.billing.claim_invoices`). A record or
    planned session of a package billed by claims is a finding, not billed. ``cycles``
    are a contract's agreed invoicing cycles by package id. No records and no claims at all
    is a finding (:func:`no_records`). ``counts``, when given, is filled with the records'
    reconciliation: ``read`` = ``used`` + ``reported`` (not read, each a finding)."""
    assert spec.billing is not None
    packages = _part(batch, "packages", list[Package])
    _check_councils(spec.id, packages)
    quotations = _part(batch, "quotations", list[Quotation])
    planned = _part(batch, "planned", list[PlannedSession])
    claims = _part(batch, "claims", list[Claim])
    raw_records = batch.get("records", [])
    if not isinstance(raw_records, list):
        raise BatchError("$.records: expected a list of records [structure]")
    records = read_records(raw_records, findings)
    if counts is not None:
        counts.update(
            read=len(raw_records), used=len(records), reported=len(raw_records) - len(records)
        )
    if not raw_records and not claims:
        findings.append(no_records(spec.billing.citation))
    claimed = {c.package_id for c in claims}
    for kind, items in (("records", records), ("planned", planned)):
        for item in items:
            if item.package_id in claimed:
                findings.append(
                    Finding(
                        Severity.ERROR,
                        "billing.claim.package-has-records",
                        f"package {item.package_id!r} is billed by claims: {kind} "
                        f"{item.id!r} is not billed (a package is billed one way)",
                        f"$.{kind}[{item.id!r}]",
                        spec.billing.citation,
                    )
                )
    hourly = run_invoices(
        spec.id,
        spec.billing,
        [p for p in packages if p.id not in claimed],
        quotations,
        [s for s in planned if s.package_id not in claimed],
        [r for r in records if r.package_id not in claimed],
        as_of,
        previous,
        cycles,
    )
    if not claims:
        return hourly, packages
    by_claim = claim_invoices(
        spec.id, spec.billing, [p for p in packages if p.id in claimed], claims, as_of, previous
    )
    invoices = sorted(
        [*hourly.invoices, *by_claim.invoices], key=lambda i: (i.package_id, i.period.start)
    )
    merged = InvoiceRun(
        spec.id,
        as_of,
        invoices,
        [*hourly.findings, *by_claim.findings],
        sorted([*hourly.pending, *by_claim.pending]),
        hourly.held,
    )
    return merged, packages


def run_document(
    result: InvoiceRun,
    findings: list[Finding],
    budgets: BudgetReport | None = None,
    counts: dict[str, int] | None = None,
) -> dict[str, Any]:
    """``invoice --format json``'s document: the run with every finding, the budgets' use
    and the retention ledger where a council declares budgets, and (given) the records'
    reconciliation as ``records``."""
    document: dict[str, Any] = unstructure(result)
    document["findings"] = unstructure(findings)
    if counts is not None:
        document["records"] = counts
    if budgets is not None:
        document["budgets"] = unstructure(list(budgets.uses))
        document["retention"] = unstructure(budgets.ledger)
    return document


def _reconciled(counts: dict[str, int]) -> str:
    return (
        f"records: read {counts['read']} = used {counts['used']} + reported "
        f"{counts['reported']} (not read, each a finding)"
    )


def run(args: argparse.Namespace) -> int:
    """Run the invoices and print them with the budgets' use and the retention ledger;
    exit 1 when a finding is an error (a bad record, a firm budget cap exceeded)."""
    resolved = resolve(args)
    council = resolved.council
    spec = resolved.spec
    cycles = resolved.contract.cycles() if resolved.contract is not None else {}
    if spec.billing is None:
        raise InputError(f"council {spec.id!r} declares no billing terms [billing-terms]")
    # Checked before anything is read or written: the findings never replace an input.
    outputs = OutputFiles(
        [args.file, args.packages, args.previous, getattr(args, "contract", None)],
        force=args.force,
        option="--findings",
    )
    findings_file = outputs.check(Path(args.findings)) if args.findings else None
    kind = input_format(args.file, args.input_format)
    if kind == "json":
        batch = _batch(read_json(args.file))
    else:
        if not args.packages:
            raise InputError(
                f"records as {kind.upper()} need --packages with the batch's packages [required]"
            )
        batch = _batch(read_json(args.packages))
        columns = [f.alias or f.name for f in attrs.fields(DeliveryRecord)]
        batch["records"] = read_rows(args.file, kind, columns)
    as_of = _as_of(args, batch)
    findings: list[Finding] = []
    previous = _previous(args.previous) if args.previous else []
    evidence = parse_evidence(args.retention_evidence)
    counts: dict[str, int] = {}
    result, packages = run_batch(spec, batch, as_of, previous, findings, cycles, counts)
    invoiced = [day for i in result.invoices for day in (i.period.start, i.period.end)]
    warn_term(spec, [as_of, *invoiced], "a date invoiced")
    # Every invoice of the run and those before it counts against the year's budgets.
    budgets = budget_report(
        spec.billing, [*previous, *result.invoices], {p.id: p.service for p in packages}, evidence
    )
    all_findings = [*findings, *result.findings, *budgets.findings]
    if findings_file is not None:
        with outputs:
            outputs.write(findings_file, findings_csv(all_findings))
    if args.format == "json":
        print_json(run_document(result, all_findings, budgets, counts), council)
    elif args.format in ("csv", "text"):
        if args.format == "csv":
            print(invoices_csv(result.invoices), end="")
        else:
            print("\n\n".join(render_invoice(invoice) for invoice in result.invoices))
        # Findings go to standard error so the invoices on standard output stay clean.
        for finding in all_findings:
            print(f"finding: {finding.code}: {finding.message}", file=sys.stderr)
        if result.pending:
            print(f"pending: {', '.join(result.pending)}", file=sys.stderr)
        for line in budget_lines(budgets):
            print(line, file=sys.stderr)
        print(_reconciled(counts), file=sys.stderr)
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
            f"{spec.name}: invoices for periods ended before {as_of}",
            ("invoice", "PO", "period", "net", "withheld", "payable"),
            rows,
        )
        if all_findings:
            print_table(
                "Problems (nothing else in the run was affected)",
                ("code", "problem"),
                [(f.code, f.message) for f in all_findings],
            )
        if budgets.uses:
            print_table("Budgets (this run and --previous)", BUDGET_HEADERS, budget_rows(budgets))
        if budgets.ledger is not None and budgets.ledger.years:
            print_table("Retention", LEDGER_HEADERS, ledger_rows(budgets))
        if result.pending:
            print(f"Awaiting a later invoice: {', '.join(result.pending)}")
        print(_reconciled(counts))
    # Warnings (an indicative budget passed, a cap nearly reached) are shown; errors fail.
    return EXIT_NO if has_errors(all_findings) else EXIT_OK
