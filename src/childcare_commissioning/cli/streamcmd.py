"""``invoice-stream``: an invoice run that reads records and writes invoices as it goes.

Records are read one line at a time from CSV or JSON Lines, grouped by package in the
order of the batch's packages; each package's invoices are written (JSON Lines: one invoice
per line; CSV: one row per invoice line) as soon as its records have been read, and its
findings go to standard error (and to ``--findings``) at once. Memory holds the packages,
quotations and planned sessions of the ``--packages`` batch and one package's records.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO

from childcare_commissioning.cli._parser import add_evidence_option, force_option, iso_date

if TYPE_CHECKING:
    from childcare_commissioning.billing import (
        BillingTerms,
        DeliveryRecord,
        PackageInvoices,
        PlannedSession,
        Quotation,
    )
    from childcare_commissioning.council import CouncilSpec
    from childcare_commissioning.model import Finding, Package

    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

__all__ = ["add_parser", "run", "stream_inputs"]


def add_parser(sub: Subparsers) -> None:
    """Declare ``invoice-stream`` on the subcommand parsers ``sub``."""
    about = (
        "invoice delivery records (CSV or JSON Lines, grouped by package) as they are read, "
        "writing invoices as JSON Lines or CSV as it goes"
    )
    command = sub.add_parser("invoice-stream", help=about, description=about)
    command.add_argument(
        "--format",
        choices=("jsonl", "csv"),
        default="jsonl",
        help="jsonl: one invoice per line (default); csv: one row per invoice line",
    )
    command.add_argument(
        "file",
        help="delivery records as CSV or JSON Lines, all of a package's records together, "
        "packages in the batch's order; - for standard input",
    )
    command.add_argument("--council", help="council id (see `councils`)")
    from childcare_commissioning.cli._parser import contract_option

    contract_option(command)
    command.add_argument(
        "--packages",
        required=True,
        help="JSON batch with packages, quotations and planned sessions (no records)",
    )
    command.add_argument(
        "--as-of",
        type=iso_date,
        help="invoice periods ended before this date (default: the batch's as_of)",
    )
    command.add_argument(
        "--input-format",
        choices=("jsonl", "csv"),
        help="format of FILE (default: from its suffix; JSON Lines for -)",
    )
    command.add_argument(
        "--previous", help="invoices already issued: a JSON list, or a previous --format json run"
    )
    command.add_argument(
        "--findings", metavar="FILE", help="also write the findings to FILE as CSV, as they come"
    )
    add_evidence_option(command)
    force_option(command)
    command.set_defaults(module="streamcmd", command="invoice-stream")


class _Tally:
    """Rows of the records file: read = used + reported (not read: each a finding)."""

    def __init__(self) -> None:
        self.read = 0
        self.used = 0

    def as_dict(self) -> dict[str, int]:
        return {"read": self.read, "used": self.used, "reported": self.read - self.used}


def _records(
    name: str, kind: str, findings: list[Finding], tally: _Tally
) -> Iterator[DeliveryRecord]:
    """The records of ``name`` one at a time; an unreadable one becomes a finding in
    ``findings`` (for the caller to write out) and is skipped."""
    import attrs

    from childcare_commissioning.billing import DeliveryRecord
    from childcare_commissioning.cli._input import iter_rows
    from childcare_commissioning.cli.invoicecmd import read_records

    columns = [f.alias or f.name for f in attrs.fields(DeliveryRecord)]
    for index, item in enumerate(iter_rows(name, kind, columns)):
        tally.read += 1
        records = read_records([item], findings, index)
        tally.used += len(records)
        yield from records


class _Findings:
    """Findings written as they come: to standard error, and to a CSV file if asked (a
    temporary file beside it, renamed into place only when the run completes)."""

    def __init__(self, handle: IO[str] | None) -> None:
        from childcare_commissioning.csvsafe import write_rows

        self.count = 0
        self.errors = 0
        self.handle = handle
        if handle is not None:
            write_rows(handle, [("severity", "code", "message", "path", "source")])

    def write(self, findings: list[Finding]) -> None:
        from childcare_commissioning.csvsafe import write_rows

        for finding in findings:
            print(f"finding: {finding.code}: {finding.message}", file=sys.stderr)
        if self.handle is not None:
            write_rows(
                self.handle,
                [
                    (f.severity.value, f.code, f.message, f.path or "", str(f.citation or ""))
                    for f in findings
                ],
            )
        self.count += len(findings)
        self.errors += sum(1 for f in findings if f.severity == "error")


def _end_record(out: TextIO, form: str, record: dict[str, Any]) -> None:
    """The stream's last record: ``{"summary": ...}`` when complete, ``{"error": ...}``
    when it stopped; in CSV a last row whose first cell is ``#summary`` or ``#error``
    and whose second is the same object as JSON."""
    from childcare_commissioning.csvsafe import write_rows

    ((kind, body),) = record.items()
    if form == "csv":
        write_rows(out, [(f"#{kind}", json.dumps(body, ensure_ascii=False, sort_keys=True))])
    else:
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def stream_inputs(
    spec: CouncilSpec, batch: dict[str, Any]
) -> tuple[BillingTerms, list[Package], list[Quotation], list[PlannedSession]]:
    """The council's billing terms and the batch's packages, quotations and planned
    sessions, read and ordered as the stream takes them (the packages' order)."""
    from childcare_commissioning.billing import PlannedSession, Quotation
    from childcare_commissioning.cli._contract import InputError
    from childcare_commissioning.cli.invoicecmd import _check_councils, _part
    from childcare_commissioning.model import Package

    if spec.billing is None:
        raise InputError(f"council {spec.id!r} declares no billing terms [billing-terms]")
    packages = _part(batch, "packages", list[Package])
    _check_councils(spec.id, packages)
    quotations = _part(batch, "quotations", list[Quotation])
    planned = _part(batch, "planned", list[PlannedSession])
    position = {p.id: index for index, p in enumerate(packages)}
    # In the packages' order, as the stream takes them (sessions of an unknown package last).
    planned.sort(key=lambda s: position.get(s.package_id, len(position)))
    quotations.sort(key=lambda q: position.get(q.package_id, len(position)))
    return spec.billing, packages, quotations, planned


def run(args: argparse.Namespace) -> int:
    """Stream the invoices, then the budgets' use and the retention ledger (standard
    error); exit 1 when a finding is an error (a bad record, a firm budget cap exceeded).
    Standard output ends with a summary record (a complete run) or an error record (a run
    that stopped: exit 2)."""
    from childcare_commissioning.cli._contract import EXIT_NO, EXIT_OK
    from childcare_commissioning.safefiles import OutputFiles

    out = sys.stdout
    try:
        # Checked before anything is read or written: the findings never replace an input.
        outputs = OutputFiles(
            [args.file, args.packages, args.previous], force=args.force, option="--findings"
        )
        findings_file = outputs.check(Path(args.findings)) if args.findings else None
        with outputs, contextlib.ExitStack() as stack:
            handle = stack.enter_context(outputs.open(findings_file)) if findings_file else None
            sink = _Findings(handle)
            summary = _stream(args, out, sink)
    except BrokenPipeError:
        raise
    except Exception as exc:
        from childcare_commissioning.cli._contract import error_message

        record = {"complete": False, "message": error_message(exc)[1]}
        with contextlib.suppress(OSError, ValueError):
            _end_record(out, args.format, {"error": record})
        raise
    _end_record(out, args.format, {"summary": summary})
    # Warnings (an indicative budget passed, a cap nearly reached) are shown; errors fail.
    return EXIT_NO if sink.errors else EXIT_OK


def _stream(args: argparse.Namespace, out: TextIO, sink: _Findings) -> dict[str, Any]:
    """Write the invoices to ``out`` and the findings to ``sink``; return the summary."""
    from childcare_commissioning.billing import stream_invoices
    from childcare_commissioning.billing.control import BudgetTally
    from childcare_commissioning.billing.output import CSV_COLUMNS, invoice_rows
    from childcare_commissioning.cli._budgets import budget_lines, parse_evidence
    from childcare_commissioning.cli._contract import InputError
    from childcare_commissioning.cli._input import input_format, read_json
    from childcare_commissioning.cli.contractcmd import resolve, warn_term
    from childcare_commissioning.cli.invoicecmd import _as_of, _batch, _previous, no_records
    from childcare_commissioning.convert import unstructure
    from childcare_commissioning.csvsafe import write_rows
    from childcare_commissioning.explain import explain

    resolved = resolve(args)
    council = resolved.council
    spec = resolved.spec
    cycles = resolved.contract.cycles() if resolved.contract is not None else {}
    if spec.billing is None:
        raise InputError(f"council {spec.id!r} declares no billing terms [billing-terms]")
    kind = input_format(args.file, args.input_format)
    if kind == "json":
        kind = "jsonl"  # JSON Lines unless the suffix or --input-format says CSV
    batch = _batch(read_json(args.packages))
    if batch.get("records"):
        raise InputError(
            "the --packages batch holds records: give every record in FILE, so none is "
            "left out [records-in-file]"
        )
    if batch.get("claims"):
        raise InputError(
            "the --packages batch holds claims: invoice-stream reads delivery records; "
            "run claims with `invoice` [claims-in-stream]"
        )
    as_of = _as_of(args, batch)
    warn_term(spec, [as_of], "the as-of date")
    terms, packages, quotations, planned = stream_inputs(spec, batch)
    previous = _previous(args.previous) if args.previous else []
    # Budgets are counted as the invoices go (with those issued before), holding none.
    budget = BudgetTally(
        spec.billing, {p.id: p.service for p in packages}, parse_evidence(args.retention_evidence)
    )
    budget.add_all(previous)

    read_findings: list[Finding] = []
    tally = _Tally()
    pending: list[str] = []
    invoices = 0
    if args.format == "csv":
        write_rows(out, [CSV_COLUMNS])
    results: Iterator[PackageInvoices] = stream_invoices(
        spec.id,
        terms,
        packages,
        quotations,
        planned,
        _records(args.file, kind, read_findings, tally),
        as_of,
        previous,
        cycles,
    )
    for result in results:
        # Findings about unreadable records first: they came earlier in the file.
        sink.write(read_findings)
        read_findings.clear()
        sink.write(list(result.findings))
        pending += result.pending
        invoices += len(result.invoices)
        for invoice in result.invoices:
            budget.add(invoice)
            if args.format == "csv":
                write_rows(out, invoice_rows(invoice))
            else:
                # As `invoice --format json` writes each invoice: cited lines name
                # their rules and the plugin (source) they come from.
                document: Any = explain(unstructure(invoice), council)
                out.write(json.dumps(document, ensure_ascii=False, default=str) + "\n")
    if not tally.read:
        read_findings.append(no_records(terms.citation))
    sink.write(read_findings)
    budgets = budget.report()
    sink.write(list(budgets.findings))
    for line in budget_lines(budgets):
        print(line, file=sys.stderr)
    if pending:
        shown = ", ".join(itertools.islice(pending, 50))
        more = f" and {len(pending) - 50} more" if len(pending) > 50 else ""
        print(f"pending: {shown}{more}", file=sys.stderr)
    print(
        f"records: read {tally.read} = used {tally.used} + reported "
        f"{tally.read - tally.used} (not read, each a finding)",
        file=sys.stderr,
    )
    return {
        "complete": True,
        "invoices": invoices,
        "records": tally.as_dict(),
        "findings": sink.count,
        "pending": len(pending),
    }
