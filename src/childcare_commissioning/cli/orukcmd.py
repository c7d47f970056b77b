"""``export oruk``: councils' services and safeguarding contacts as Open Referral UK JSON.

Its parser is added by :func:`add_parser` (imports nothing heavy, so ``--help`` stays
light); :func:`run` does the work. Exit status 0 when every document was written (and,
with ``--validate``, the schema rejected none), 1 when the schema rejects a document,
2 for bad usage (unknown council, unreadable schema folder, ``--validate`` without the
``oruk`` extra).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from childcare_commissioning.cli._parser import Subparsers

__all__ = ["add_parser", "run"]


def add_parser(export_sub: Subparsers) -> None:
    """Add ``oruk`` to the ``export`` group's subparsers."""
    from childcare_commissioning.cli._parser import _command, force_option, iso_date

    oruk = _command(
        export_sub,
        "oruk",
        "orukcmd",
        "a council's services and safeguarding contacts as Open Referral UK (HSDS 3) JSON",
    )
    oruk.add_argument("--council", help="council id (default: every installed council)")
    oruk.add_argument(
        "--as-of",
        type=iso_date,
        help="date deciding each service's status (default: today in Europe/London)",
    )
    oruk.add_argument(
        "--out",
        metavar="DIR",
        help="write each document to DIR/<council>.json (default: print it with --format json)",
    )
    oruk.add_argument(
        "--validate",
        metavar="SCHEMA_DIR",
        help="check each document against the HSDS 3 JSON Schema files in SCHEMA_DIR "
        "(a profile's schema/ folder; needs the oruk extra); exit 1 if one is rejected",
    )
    oruk.set_defaults(command="export-oruk")
    force_option(oruk)


VALIDATE_SECONDS = 10
"""The longest ``--validate`` may take per council (the caller's schemas hold regular
expressions, which may backtrack without end)."""


def _today() -> Any:
    import datetime as dt
    from zoneinfo import ZoneInfo

    return dt.datetime.now(ZoneInfo("Europe/London")).date()


def run(args: argparse.Namespace) -> int:
    """Export, optionally validate and write; print a summary per council."""
    from childcare_commissioning.cli._contract import EXIT_NO, EXIT_OK, InputError, time_limit
    from childcare_commissioning.cli._output import print_json, print_table
    from childcare_commissioning.formats.oruk import (
        Problem,
        ProblemKind,
        export_council,
        summary,
        validate,
    )
    from childcare_commissioning.registry import get_registry
    from childcare_commissioning.safefiles import OutputFiles

    registry = get_registry()
    councils = [registry.council(args.council)] if args.council else registry.councils()
    as_of = args.as_of or _today()
    schema_dir = Path(args.validate) if args.validate else None
    if schema_dir is not None:
        try:
            import jsonschema  # noqa: F401
        except ImportError:
            raise InputError(
                "--validate: needs the 'oruk' extra (pip install 'childcare-commissioning[oruk]')"
            ) from None
        if not schema_dir.is_dir() or not any(schema_dir.glob("*.json")):
            raise InputError(f"--validate: {schema_dir} is not a folder of HSDS *.json schemas")
    out = Path(args.out) if args.out else None
    outputs = OutputFiles([args.validate], force=args.force, option="--out")
    if out is not None:
        outputs.check_folder(out)
    results: list[dict[str, Any]] = []
    staged: list[tuple[Path, str]] = []
    rejected = False
    for council in councils:
        export = export_council(council.spec, as_of)
        problems: tuple[Problem, ...] = ()
        if schema_dir is not None:
            try:
                # The schemas are the caller's: a pattern in them may backtrack without end.
                with time_limit(VALIDATE_SECONDS, "--validate: checking against the schemas"):
                    problems = validate(export.document, schema_dir)
            except (OSError, ValueError) as exc:
                raise InputError(
                    f"--validate: cannot use the schemas in {schema_dir}: {exc}"
                ) from None
            except RecursionError:
                raise InputError(
                    f"--validate: the schemas in {schema_dir} refer to each other in a loop or "
                    "nest too deeply to follow [schema-depth]"
                ) from None
        rejected = rejected or any(p.kind is ProblemKind.INVALID for p in problems)
        result = summary(export, problems)
        if out is not None:
            path = outputs.check(out / f"{export.council}.json", root=out)
            text = json.dumps(export.document, indent=2, ensure_ascii=False) + "\n"
            staged.append((path, text))
            result["file"] = str(path)
        else:
            result["document"] = export.document
        results.append(result)
    # Every document checked and built before any is written; all renamed into place together.
    with outputs:
        for path, text in staged:
            outputs.write(path, text)
    if args.format == "json":
        print_json(results)
    else:
        rows = [
            (
                r["council"],
                r["services"],
                r["contacts"],
                len(r["not_exported"]),
                sum(p["kind"] == "invalid" for p in r["problems"]) if schema_dir else "-",
                sum(p["kind"] == "undeclared" for p in r["problems"]) if schema_dir else "-",
                r.get("file", "(use --out or --format json)"),
            )
            for r in results
        ]
        print_table(
            f"Open Referral UK export as of {as_of}",
            ("council", "services", "contacts", "not exported", "invalid", "undeclared", "file"),
            rows,
        )
    return EXIT_NO if rejected else EXIT_OK
