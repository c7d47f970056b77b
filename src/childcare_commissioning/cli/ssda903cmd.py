"""``import ssda903``: read a children looked after return (Header and Episodes CSV).

Give the folder a case management system exported the return into, or the CSV files, or
``-`` for one table (Header or Episodes) on standard input. Each file is told apart by its
column header (:func:`~childcare_commissioning.formats.ssda903.recognise_file`, the DfE
validator's column lists); the return's other tables (reviews, UASC, OC2, ...) are named
and skipped on purpose (an info finding each); a CSV file that is none of the return's
tables is refused, naming the table it comes closest to and what it lacks.
Prints each child's care history in the library's terms: episodes, days looked after up to
``--on``, whether looked after that day, placement and statuses (with ``--council``, the
statuses that council defines by a care history, such as Derby's care leaver).

Exit status 0 when the return was read, 2 for bad input (a missing column, a date not
``dd/mm/YYYY``, a code not in the code list, text not UTF-8, neither a Header nor an
Episodes file, two of either): the message lists every bad cell (up to
:data:`~childcare_commissioning.formats.ssda903.MAX_ERRORS`) by file, line and column,
never a date of birth or postcode.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from childcare_commissioning.cli._contract import EXIT_OK, InputError

if TYPE_CHECKING:
    from childcare_commissioning.formats.ssda903 import LookedAfterChild
    from childcare_commissioning.statuses import StatusDefinition

    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

__all__ = ["add_parser", "child_json", "run"]


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def add_parser(sub: Subparsers) -> argparse.ArgumentParser:
    """Add ``ssda903`` to the ``import`` group's subparsers."""
    help = "read an SSDA903 return (Header and Episodes CSV) into children and care histories"
    command = sub.add_parser("ssda903", help=help, description=help)
    command.add_argument("--format", choices=("table", "json"), default="table")
    command.add_argument(
        "paths",
        nargs="+",
        metavar="DIR_OR_FILE",
        help="the export folder, or its CSV files; - for one table on standard input",
    )
    command.add_argument(
        "--on", type=_date, help="the day statuses are judged on (default: today in London)"
    )
    command.add_argument(
        "--council", help="also compute the statuses this council defines by a care history"
    )
    command.set_defaults(module="ssda903cmd", command="import-ssda903")
    return command


class _Stdin(io.BytesIO):
    """Standard input, read whole (a table is a few megabytes): it is read twice, for its
    column header and then for its rows."""

    name = "standard input"


def _files(paths: list[str]) -> list[Path | _Stdin]:
    files: list[Path | _Stdin] = []
    for name in paths:
        path = Path(name)
        if name == "-":
            if any(isinstance(f, _Stdin) for f in files):
                raise InputError("'-' given twice: standard input is read once [ssda903-files]")
            buffer = getattr(sys.stdin, "buffer", None)
            data = sys.stdin.read().encode() if buffer is None else buffer.read()
            files.append(_Stdin(data))
        elif path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv")
            if not found:
                raise InputError(f"{name!r}: the folder holds no .csv file [ssda903-files]")
            files += found
        elif path.exists():
            files.append(path)
        else:
            raise InputError(f"{name!r}: no such file or folder [file-exists]")
    return files


def _name(file: Path | _Stdin) -> str:
    return file.name if isinstance(file, _Stdin) else str(file)


def child_json(
    child: LookedAfterChild, on: dt.date, definitions: tuple[StatusDefinition, ...]
) -> dict[str, Any]:
    """One child as the JSON output shows them (no date of birth, no postcode)."""
    from childcare_commissioning.statuses import merge_episodes

    history = child.care_episodes()
    current = child.episode_on(on)
    days = sum((end - start).days + 1 for start, end in merge_episodes(history, on))
    placement = None if current is None else current.placement
    legal = None if current is None else current.legal_status
    return {
        "child": child.child,
        "episodes": len(child.episodes),
        "care_episodes": len(history),
        "days_looked_after": days,
        "looked_after": current is not None,
        "placement": None if placement is None else placement.value,
        "legal_status": None if legal is None else legal.value,
        "statuses": sorted(child.statuses(on, definitions)),
    }


def run(args: argparse.Namespace) -> int:
    """Run ``import ssda903``."""
    from zoneinfo import ZoneInfo

    from childcare_commissioning.cli._output import print_json, print_table
    from childcare_commissioning.formats import ssda903
    from childcare_commissioning.model import Finding, Severity

    tables: dict[str, list[Path | _Stdin]] = {"Header": [], "Episodes": []}
    recognised: list[dict[str, Any]] = []
    findings: list[Finding] = []
    for path in _files(args.paths):
        found = ssda903.recognise_file(path)
        if isinstance(path, _Stdin):
            path.seek(0)
        if found.table is None:
            raise InputError(f"{_name(path)}: {found.reason} [ssda903-table]")
        table = found.table
        recognised.append({"file": _name(path), "table": table.name, "read": table.read})
        if table.read:
            tables[table.name].append(path)
            continue
        findings.append(
            Finding(
                Severity.INFO,
                "ssda903.table-not-read",
                f"{_name(path)}: the {table.name} table ({table.holds}); skipped on purpose: "
                "the library reads only the Header and Episodes tables",
                f"$.{table.name}",
            )
        )
    for kind, given in tables.items():
        if len(given) > 1:
            said = ", ".join(_name(p) for p in given)
            raise InputError(
                f"{kind} table: expected at most one file, found {said} (files are told apart "
                "by their column header) [ssda903-files]"
            )
    folder = any(Path(name).is_dir() for name in args.paths if name != "-")
    for kind, given in tables.items():
        if not given and (folder or not any(tables.values())):
            held = ", ".join(f"{t['file']}: {t['table']}" for t in recognised)
            raise InputError(
                f"{kind} table: expected one file, found none"
                + (" in the folder" if folder else "")
                + f" (the files given hold: {held}; a folder is a whole return, and a "
                "file or standard input may hold the Header or the Episodes alone) "
                "[ssda903-files]"
            )
    on = args.on or dt.datetime.now(ZoneInfo("Europe/London")).date()
    definitions: tuple[StatusDefinition, ...] = ()
    if args.council:
        from childcare_commissioning.registry import get_registry

        definitions = get_registry().council(args.council).spec.status_definitions
    header = tables["Header"][0] if tables["Header"] else None
    episodes = tables["Episodes"][0] if tables["Episodes"] else None
    result = ssda903.load(header, episodes)
    findings += result.findings
    children = [child_json(child, on, definitions) for child in result.children]
    if args.format == "json":
        from childcare_commissioning.convert import unstructure

        print_json(
            {
                "header": None if header is None else _name(header),
                "episodes": None if episodes is None else _name(episodes),
                "tables": recognised,
                "on": on.isoformat(),
                "council": args.council,
                "children": children,
                "findings": unstructure(findings),
            }
        )
        return EXIT_OK
    print_table(
        f"SSDA903 return on {on.isoformat()}: {len(children)} children",
        ("child", "episodes", "days looked after", "looked after", "placement", "statuses"),
        [
            (
                c["child"],
                c["episodes"],
                c["days_looked_after"],
                "yes" if c["looked_after"] else "no",
                c["placement"] or "",
                ", ".join(c["statuses"]),
            )
            for c in children
        ],
    )
    if findings:
        print_table(
            "Findings",
            ("severity", "code", "message"),
            [(f.severity.value, f.code, f.message) for f in findings],
        )
    return EXIT_OK
