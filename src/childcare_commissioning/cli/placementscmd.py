"""``import placements`` and ``export placements``: the Children's Social Care Placements
Data Standard (v2). Argument declarations import nothing heavy; :func:`run` does the work
(needs the ``placements`` extra, pyshacl)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from childcare_commissioning.cli._parser import _command, instant, iso_date

if TYPE_CHECKING:
    from childcare_commissioning.cli._parser import Subparsers
    from childcare_commissioning.formats.placements import PlacementRecord, WeeklyCosts

__all__ = [
    "add_export_parsers",
    "add_import_parsers",
    "costs_into_record",
    "pounds",
    "run",
]


def pounds(text: str) -> Decimal:
    """argparse type: an amount of pounds in whole pennies, like ``150`` or ``150.25`` (not
    negative, below a billion); ``0.001`` is refused, not rounded silently."""
    from childcare_commissioning.convert import MAGNITUDE
    from childcare_commissioning.errors import quote

    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(
            f"expected an amount of pounds, got {quote(text)}"
        ) from None
    if not value.is_finite() or not 0 <= value < MAGNITUDE:
        raise argparse.ArgumentTypeError(
            f"expected an amount of pounds from 0 to below 1,000,000,000, got {quote(text)}"
        )
    if value != value.quantize(Decimal("0.01")):
        raise argparse.ArgumentTypeError(
            f"expected whole pennies (at most 2 decimal places), got {quote(text)}"
        )
    return value


def add_import_parsers(sub: Subparsers) -> None:
    """``import placements FILE``: a Placement record read into the library's Referral."""
    command = _command(
        sub,
        "placements",
        "placementscmd",
        "a Placements Data Standard v2 record (JSON-LD) as a referral (JSON for `referral "
        "check`); readings made are noted on standard error",
    )
    command.add_argument("file", help="the Placement record (.jsonld/.json), or - for stdin")
    command.add_argument("--council", help="council id to address the referral to")
    command.add_argument("--service", help="service id the referral is for")
    command.add_argument(
        "--referrer-role",
        help="who referred (default: placements-team, as the standard assumes)",
    )
    command.add_argument("--referrer-team", help="the referrer's team")
    command.add_argument("--referrer-organisation", help="the referrer's organisation")
    command.add_argument(
        "--received-at",
        type=instant,
        help="when it was received, on the record's referralDate (default: 00:00 that day)",
    )
    command.set_defaults(command="import-placements")


def add_export_parsers(sub: Subparsers) -> None:
    """``export placements BATCH``: a package's weekly costs as the ActualPlacement costs."""
    command = _command(
        sub,
        "placements",
        "placementscmd",
        "a package's weekly costs written into a Placement record's ActualPlacement "
        "(core, additional support, education, other, total); json: the record",
    )
    command.add_argument("file", help="JSON batch with packages and quotations, or -")
    command.add_argument("--council", required=True, help="council id (its rounding)")
    command.add_argument("--package", required=True, help="the package id")
    command.add_argument(
        "--on", type=iso_date, required=True, help="a date in the week priced (rate in effect)"
    )
    command.add_argument(
        "--into", required=True, help="the Placement record whose ActualPlacement to write"
    )
    for option, what in (
        ("--additional-support", "additional support"),
        ("--education", "education"),
        ("--other", "other"),
    ):
        command.add_argument(
            option, type=pounds, default=Decimal(0), help=f"weekly {what} cost, pounds"
        )
    command.set_defaults(command="export-placements")


def _notes(findings: Any) -> None:
    for finding in findings:
        print(
            f"childcare-commissioning: note: {finding.path}: {finding.message} [{finding.code}]",
            file=sys.stderr,
        )


def _import(args: argparse.Namespace) -> int:
    from childcare_commissioning.cli._input import read_json
    from childcare_commissioning.cli._output import print_json, print_table
    from childcare_commissioning.convert import unstructure
    from childcare_commissioning.formats.placements import (
        DEFAULT_REFERRER_ROLE,
        read_placement,
    )
    from childcare_commissioning.model import Referrer
    from childcare_commissioning.registry import get_registry

    if args.council is not None:
        get_registry().council(args.council)  # an unknown id is exit 2, naming the known
    referrer = None
    if args.referrer_role or args.referrer_team or args.referrer_organisation:
        referrer = Referrer(
            role=args.referrer_role or DEFAULT_REFERRER_ROLE,
            team=args.referrer_team,
            organisation=args.referrer_organisation,
        )
    record = read_placement(
        read_json(args.file),
        council=args.council,
        service=args.service,
        referrer=referrer,
        received_at=args.received_at,
    )
    if args.format == "json":
        _notes(record.findings)
        print_json(unstructure(record.referral))
        return 0
    _summary(record, print_table)
    return 0


def _summary(record: PlacementRecord, print_table: Any) -> None:
    referral = record.referral
    print(
        f"Placement record {referral.id}: {referral.urgency.value}, "
        f"{len(referral.risks)} risk(s) present"
    )
    rows: list[tuple[str, str]] = [
        ("child", referral.child.id),
        ("received", referral.received_at.isoformat()),
        ("referrer role", referral.referrer.role),
        ("risks", ", ".join(referral.risks) or "none known"),
        ("information items", ", ".join(sorted(referral.information))),
    ]
    if record.costs is not None:
        rows.append(("total weekly cost", str(record.costs.total)))
    print_table("Referral read", ("field", "value"), rows)
    print_table(
        "Readings",
        ("severity", "code", "reason", "path"),
        [(f.severity.value, f.code, f.message, f.path) for f in record.findings],
    )


def costs_into_record(
    spec: Any,
    batch_data: Any,
    package_id: str,
    on: dt.date,
    record: PlacementRecord,
    additional_support: Decimal = Decimal(0),
    education: Decimal = Decimal(0),
    other: Decimal = Decimal(0),
) -> tuple[dict[str, Any], WeeklyCosts, list[str]]:
    """The package's weekly costs in the week of ``on`` written into the (read) Placement
    ``record``'s ActualPlacement: the record written, the costs, and the cost fields
    of the record that were replaced. ``spec`` is the council's (its rounding)."""
    from childcare_commissioning.billing import Quotation
    from childcare_commissioning.cli._contract import InputError
    from childcare_commissioning.cli.invoicecmd import _batch, _part
    from childcare_commissioning.formats.placements import (
        weekly_costs,
        with_costs,
        write_placement,
    )
    from childcare_commissioning.model import Package

    if spec.billing is None:
        raise InputError(f"council {spec.id!r} declares no billing terms [billing-terms]")
    batch = _batch(batch_data)
    packages = [p for p in _part(batch, "packages", list[Package]) if p.id == package_id]
    if len(packages) != 1:
        raise InputError(
            f"--package {package_id!r}: the batch needs exactly one package with this id "
            f"(found {len(packages)}) [known-package]"
        )
    package = packages[0]
    if package.council != spec.id:
        raise InputError(
            f"--package {package_id!r} is a package of another council, not {spec.id} "
            "[package-council]"
        )
    quotations = [
        q for q in _part(batch, "quotations", list[Quotation]) if q.package_id == package.id
    ]
    if len(quotations) != 1:
        raise InputError(
            f"--package {package_id!r}: the batch needs exactly one quotation for it "
            f"(found {len(quotations)}) [one-quotation]"
        )
    costs = weekly_costs(
        package,
        quotations[0],
        on,
        additional_support=additional_support,
        education=education,
        other=other,
        rounding=spec.billing.rounding,
    )
    replaced = [
        key
        for key in (
            "coreWeeklyCost",
            "additionalSupportWeeklyCost",
            "educationWeeklyCost",
            "otherWeeklyCost",
            "totalWeeklyCost",
        )
        if key in record.source.get("actualPlacement", {})
    ]
    return write_placement(with_costs(record, costs)), costs, replaced


def _export(args: argparse.Namespace) -> int:
    from childcare_commissioning.cli._input import read_json
    from childcare_commissioning.cli._output import print_table
    from childcare_commissioning.formats.placements import dumps, read_placement
    from childcare_commissioning.money import format_gbp
    from childcare_commissioning.registry import get_registry

    spec = get_registry().council(args.council).spec
    batch = read_json(args.file)
    record = read_placement(read_json(args.into), council=spec.id)
    document, costs, replaced = costs_into_record(
        spec,
        batch,
        args.package,
        args.on,
        record,
        args.additional_support,
        args.education,
        args.other,
    )
    if replaced:
        print(
            "childcare-commissioning: note: $.actualPlacement: replaced the record's "
            f"{', '.join(replaced)} with the package's [placements.costs.replaced]",
            file=sys.stderr,
        )
    if args.format == "json":
        sys.stdout.write(dumps(document) + "\n")
        return 0
    print_table(
        f"Weekly costs of package {args.package} (week of {args.on})",
        ("part", "field", "amount"),
        [
            ("core", "coreWeeklyCost", format_gbp(costs.core)),
            (
                "additional support",
                "additionalSupportWeeklyCost",
                format_gbp(costs.additional_support),
            ),
            ("education", "educationWeeklyCost", format_gbp(costs.education)),
            ("other", "otherWeeklyCost", format_gbp(costs.other)),
            ("total", "totalWeeklyCost", format_gbp(costs.total)),
        ],
    )
    return 0


def run(args: argparse.Namespace) -> int:
    """Run ``import placements`` or ``export placements``."""
    return _import(args) if args.command == "import-placements" else _export(args)
