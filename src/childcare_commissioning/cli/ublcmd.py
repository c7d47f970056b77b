"""``export ubl``: invoices as PEPPOL BIS Billing 3.0 (UBL 2.1) XML, one file per invoice.

Imported when the parser is built, so only :func:`add_parser` lives at module level with
light imports; the work (and lxml, from the ``ubl`` extra) is imported by :func:`run`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from childcare_commissioning.billing import BillingTerms, Invoice
    from childcare_commissioning.cli._parser import Subparsers

__all__ = ["add_parser", "invoices_of", "run", "summary_rows", "ubl_documents"]


def add_parser(export: Subparsers) -> None:
    """Add ``ubl`` to the ``export`` group."""
    from childcare_commissioning.cli._parser import (
        _command,
        add_evidence_option,
        force_option,
        iso_date,
    )

    command = _command(
        export,
        "ubl",
        "ublcmd",
        "invoices as PEPPOL BIS Billing 3.0 (UBL 2.1) XML: one file per invoice in --out, "
        "or one invoice's XML on standard output (needs the 'ubl' extra)",
        formats=("xml", "table", "json"),
    )
    command.set_defaults(format="xml", command="export-ubl")
    command.add_argument(
        "file",
        help="invoices: `invoice --format json` output, a JSON list of invoices, or an "
        "invoice batch (with --council); - for standard input",
    )
    command.add_argument(
        "--parties",
        required=True,
        help="JSON {seller, buyer, vat, buyer_reference, payment_terms, currency}: "
        "see docs/formats/ubl.md",
    )
    command.add_argument(
        "--council",
        help="council id: runs a batch FILE, states its retention's percentage and, where the "
        "parties give no payment terms, its text's",
    )
    command.add_argument("--as-of", type=iso_date, help="for a batch FILE: as `invoice`")
    command.add_argument("--out", metavar="DIR", help="write <invoice number>.xml files here")
    command.add_argument(
        "--packages",
        help="with --council and invoices FILE: the JSON batch whose packages name each "
        "invoice's service, so its budgets are checked",
    )
    add_evidence_option(command)
    force_option(command)


def invoices_of(
    data: Any, council: str | None, as_of: dt.date | None
) -> tuple[list[Invoice], list[Any], dict[str, str | None] | None]:
    """The invoices of ``data``: `invoice --format json` output, a list of invoices, or an
    invoice batch run the way ``invoice`` runs it (it needs ``council``). Returns the
    invoices, the run's findings and each package's service (``None``: not a batch)."""
    from childcare_commissioning.cli import invoicecmd
    from childcare_commissioning.cli._contract import InputError
    from childcare_commissioning.registry import get_registry

    if isinstance(data, list) or (isinstance(data, dict) and "invoices" in data):
        return invoicecmd.invoices_document(data), [], None
    if not council:
        raise InputError("an invoice batch needs --council [required]")
    spec = get_registry().council(council).spec
    if spec.billing is None:
        raise InputError(f"council {spec.id!r} declares no billing terms [billing-terms]")
    batch = invoicecmd._batch(data)
    findings: list[Any] = []
    result, packages = invoicecmd.run_batch(
        spec, batch, invoicecmd.batch_as_of(as_of, batch), [], findings
    )
    services = {p.id: p.service for p in packages}
    return list(result.invoices), [*findings, *result.findings], services


def ubl_documents(
    invoices: list[Invoice], parties: Any, council: str | None
) -> tuple[list[tuple[Invoice, bytes]], list[str]]:
    """Every invoice with lines as UBL XML (all built before any is used: one bad invoice,
    none), and the numbers of those without lines, which UBL cannot carry (BR-16).
    ``parties`` is the JSON parties document; ``council`` states its retention, and its
    text's payment terms where the parties document gives no terms and no due date."""
    import attrs

    from childcare_commissioning.cli._contract import InputError
    from childcare_commissioning.convert import structure

    try:
        import lxml  # noqa: F401

        from childcare_commissioning.formats.ubl import UblSettings, invoice_to_ubl
    except ImportError:  # lxml missing
        raise InputError(
            "UBL export needs the 'ubl' extra: pip install 'childcare-commissioning[ubl]' "
            "[extra-missing]"
        ) from None
    settings = structure(parties, UblSettings)
    billing = _billing(council)
    retention = None if billing is None else billing.retention
    if (
        billing is not None
        and billing.payment_terms is not None
        and not settings.payment_terms
        and settings.payment_due_days is None
    ):
        # No terms agreed in the parties document: the council's text's own (BT-20).
        settings = attrs.evolve(settings, payment_terms=billing.payment_terms.text)
    empty = [invoice.number for invoice in invoices if not invoice.lines]
    documents = [
        (invoice, invoice_to_ubl(invoice, settings, retention))
        for invoice in invoices
        if invoice.lines
    ]
    return documents, empty


def summary_rows(
    documents: list[tuple[Invoice, bytes]], written: dict[str, str]
) -> list[dict[str, Any]]:
    """One row per exported invoice: number, file written (or ``None``), lines and sums."""
    return [
        {
            "invoice": invoice.number,
            "file": written.get(invoice.number),
            "lines": len(invoice.lines),
            "net": f"{invoice.net:.2f}",
            "withheld": f"{invoice.withheld:.2f}",
            "payable": f"{invoice.payable:.2f}",
        }
        for invoice, _ in documents
    ]


def _services(args: argparse.Namespace) -> dict[str, str | None]:
    """Each package's service, from ``--packages`` (none given: every one unknown)."""
    if not args.packages:
        return {}
    from childcare_commissioning.cli import invoicecmd
    from childcare_commissioning.cli._input import read_json
    from childcare_commissioning.model import Package

    batch = invoicecmd._batch(read_json(args.packages))
    return {p.id: p.service for p in invoicecmd._part(batch, "packages", list[Package])}


def _budget_findings(
    args: argparse.Namespace, invoices: list[Invoice], service_of: dict[str, str | None]
) -> list[Any]:
    """With ``--council``: the budgets' use by ``invoices`` (lines on standard error) and
    its findings; without it, none (no council, no budgets)."""
    if not args.council:
        return []
    from childcare_commissioning.billing.control import budget_report
    from childcare_commissioning.cli._budgets import budget_lines, parse_evidence
    from childcare_commissioning.registry import get_registry

    billing = get_registry().council(args.council).spec.billing
    if billing is None:
        return []
    report = budget_report(billing, invoices, service_of, parse_evidence(args.retention_evidence))
    for line in budget_lines(report):
        print(line, file=sys.stderr)
    return list(report.findings)


def _billing(council: str | None) -> BillingTerms | None:
    """The council's billing terms (its retention, its payment terms); none without one."""
    if not council:
        return None
    from childcare_commissioning.registry import get_registry

    return get_registry().council(council).spec.billing


def run(args: argparse.Namespace) -> int:
    """Write the invoices as UBL; with ``--council``, report the budgets' use and the
    retention ledger on standard error. Exit 1 when a finding is an error (a bad record of
    a batch, a firm budget cap exceeded) or an invoice without lines was left out (each is
    named on standard error); warnings alone leave it 0."""
    from childcare_commissioning.cli._contract import EXIT_NO, EXIT_OK, InputError
    from childcare_commissioning.cli._input import read_json
    from childcare_commissioning.cli._output import print_json, print_table
    from childcare_commissioning.safefiles import OutputFiles

    outputs = None
    if args.out:
        # Checked before anything is read: --out never holds or replaces an input.
        inputs = [args.file, args.parties, args.packages]
        outputs = OutputFiles(inputs, force=args.force, option="--out")
        outputs.check_folder(Path(args.out))
    parties = read_json(args.parties)
    invoices, findings, services = invoices_of(read_json(args.file), args.council, args.as_of)
    service_of = _services(args) if services is None else services
    # Every document is built before anything is written: one bad invoice writes nothing.
    # A period with nothing commissioned or delivered gives an invoice without lines, which
    # UBL cannot carry (BR-16): each is named on standard error and the exit status is 1.
    documents, empty = ubl_documents(invoices, parties, args.council)
    written: dict[str, str] = {}
    if outputs is not None:
        folder = Path(args.out)
        targets = []
        for invoice, xml in documents:
            name = f"{invoice.number}.xml"
            if Path(name).name != name or name.startswith("."):
                raise InputError(f"invoice number {invoice.number!r} is not a file name [out]")
            targets.append((outputs.check(folder / name, root=folder), xml))
            written[invoice.number] = str(folder / name)
        # Every file checked before any is written, all renamed into place together.
        with outputs:
            for path, xml in targets:
                outputs.write(path, xml)
    if args.format == "xml":
        if not args.out:
            if len(documents) != 1:
                raise InputError(
                    f"{len(documents)} invoices: give --out DIR for one file each [out-required]"
                )
            sys.stdout.write(documents[0][1].decode("utf-8"))
    else:
        rows = summary_rows(documents, written)
        if args.format == "json":
            print_json(rows)
        else:
            print_table(
                "PEPPOL BIS Billing 3.0 invoices",
                ("invoice", "file", "lines", "net", "withheld", "payable"),
                [tuple(row.values()) for row in rows],
            )
    findings += _budget_findings(args, invoices, service_of)
    for finding in findings:
        print(f"finding: {finding.code}: {finding.message}", file=sys.stderr)
    for number in empty:
        print(
            f"not exported: invoice {number!r} has no lines; a UBL invoice needs one (BR-16)",
            file=sys.stderr,
        )
    errors = [f for f in findings if f.severity == "error"]
    return EXIT_NO if errors or empty else EXIT_OK
