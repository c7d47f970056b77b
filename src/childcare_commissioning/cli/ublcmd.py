"""``export ubl``: invoices as PEPPOL BIS Billing 3.0 (UBL 2.1) XML, one file per invoice.

Imported when the parser is built, so only :func:`add_parser` lives at module level with
light imports; the work (and lxml, from the ``ubl`` extra) is imported by :func:`run`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from childcare_commissioning.billing import Invoice, Retention
    from childcare_commissioning.cli._parser import Subparsers

__all__ = ["add_parser", "run"]


def add_parser(export: Subparsers) -> None:
    """Add ``ubl`` to the ``export`` group."""
    from childcare_commissioning.cli._parser import _command, force_option, iso_date

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
        help="council id: runs a batch FILE, and states its retention's percentage",
    )
    command.add_argument("--as-of", type=iso_date, help="for a batch FILE: as `invoice`")
    command.add_argument("--out", metavar="DIR", help="write <invoice number>.xml files here")
    force_option(command)


def _from_batch(args: argparse.Namespace, data: Any) -> tuple[list[Invoice], list[Any]]:
    """Run an invoice batch the way ``invoice`` does; returns invoices and findings."""
    from childcare_commissioning.cli import invoicecmd
    from childcare_commissioning.cli._contract import InputError
    from childcare_commissioning.registry import get_registry

    if not args.council:
        raise InputError("an invoice batch needs --council [required]")
    spec = get_registry().council(args.council).spec
    batch = invoicecmd._batch(data)
    as_of = invoicecmd._as_of(args, batch)
    result, findings = invoicecmd.run_batch(spec, batch, as_of, [])
    return list(result.invoices), findings


def _retention(council: str | None) -> Retention | None:
    if not council:
        return None
    from childcare_commissioning.registry import get_registry

    billing = get_registry().council(council).spec.billing
    return None if billing is None else billing.retention


def run(args: argparse.Namespace) -> int:
    """Write the invoices as UBL; exit 1 when a batch run had findings or an invoice without
    lines was left out (each is named on standard error)."""
    from childcare_commissioning.billing import Invoice
    from childcare_commissioning.cli._contract import EXIT_NO, EXIT_OK, InputError
    from childcare_commissioning.cli._input import read_json
    from childcare_commissioning.cli._output import print_json, print_table
    from childcare_commissioning.convert import structure
    from childcare_commissioning.explain import unexplain
    from childcare_commissioning.safefiles import OutputFiles

    try:
        from childcare_commissioning.formats.ubl import UblSettings, invoice_to_ubl
    except ImportError:  # lxml missing
        raise InputError(
            "UBL export needs the 'ubl' extra: pip install 'childcare-commissioning[ubl]' "
            "[extra-missing]"
        ) from None

    outputs = None
    if args.out:
        # Checked before anything is read: --out never holds or replaces an input.
        outputs = OutputFiles([args.file, args.parties], force=args.force, option="--out")
        outputs.check_folder(Path(args.out))
    settings = structure(read_json(args.parties), UblSettings)
    data = read_json(args.file)
    findings: list[Any] = []
    # `invoice --format json` names each cited line's rules and source: read without them.
    if isinstance(data, dict) and "invoices" in data:
        invoices = structure(unexplain(data["invoices"]), list[Invoice])
    elif isinstance(data, list):
        invoices = structure(unexplain(data), list[Invoice])
    else:
        invoices, findings = _from_batch(args, data)
    retention = _retention(args.council)
    # A period with nothing commissioned or delivered gives an invoice without lines, which
    # UBL cannot carry (BR-16): each is named on standard error and the exit status is 1.
    empty = [invoice.number for invoice in invoices if not invoice.lines]
    # Every document is built before anything is written: one bad invoice writes nothing.
    documents = [
        (invoice, invoice_to_ubl(invoice, settings, retention))
        for invoice in invoices
        if invoice.lines
    ]
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
        rows = [
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
        if args.format == "json":
            print_json(rows)
        else:
            print_table(
                "PEPPOL BIS Billing 3.0 invoices",
                ("invoice", "file", "lines", "net", "withheld", "payable"),
                [tuple(row.values()) for row in rows],
            )
    for finding in findings:
        print(f"finding: {finding.code}: {finding.message}", file=sys.stderr)
    for number in empty:
        print(
            f"not exported: invoice {number!r} has no lines; a UBL invoice needs one (BR-16)",
            file=sys.stderr,
        )
    return EXIT_NO if findings or empty else EXIT_OK
