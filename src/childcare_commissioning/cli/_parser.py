"""Argument declarations for every subcommand; deliberately free of heavy imports."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

__all__ = ["DOCUMENT_NAMES", "ID_KIND_NAMES", "build_parser", "force_option"]

#: The documents `schema` prints (childcare_commissioning.schemas.DOCUMENTS; a test keeps
#: the two the same) and the kinds of id `ids` lists (cli.schemacmd.ID_KINDS): written out
#: here so that --help imports nothing heavy.
DOCUMENT_NAMES = (
    "referral",
    "package",
    "roster",
    "invoice-batch",
    "records-csv",
    "invoices",
    "contract",
    "policy-report",
)
ID_KIND_NAMES = (
    "services",
    "areas",
    "routes",
    "triggers",
    "rules",
    "events",
    "monitor-events",
    "subjects",
    "needs",
)

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]


def _command(
    sub: Subparsers,
    name: str,
    module: str,
    help: str,
    formats: tuple[str, ...] = ("table", "json"),
) -> argparse.ArgumentParser:
    command = sub.add_parser(name, help=help, description=help)
    command.add_argument("--format", choices=formats, default="table", help="output format")
    command.set_defaults(module=module, command=name)
    return command


def _quote(text: str) -> str:
    # As every message quotes a caller's value (errors.quote): escaped, at most 40 characters.
    from childcare_commissioning.errors import quote

    return quote(text)


def iso_date(text: str) -> dt.date:
    """argparse type: an ISO date."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date as YYYY-MM-DD, got {_quote(text)}"
        ) from None


def add_evidence_option(command: argparse.ArgumentParser) -> None:
    """``--retention-evidence YEAR=DATE`` (repeatable) on an invoicing ``command``."""
    command.add_argument(
        "--retention-evidence",
        action="append",
        metavar="YEAR=DATE",
        help="the date evidence of outcomes was given for a financial year's retention "
        "(2018/19=2019-05-15); repeatable. Without it the year's money stays withheld",
    )


def instant(text: str) -> dt.datetime:
    """argparse type: an ISO date-time; without an offset it is Europe/London local time,
    refused when that is ambiguous (the repeated autumn hour) or does not exist."""
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date-time as YYYY-MM-DDTHH:MM[+HH:MM], got {_quote(text)}"
        ) from None
    if value.tzinfo is not None:
        return value
    from zoneinfo import ZoneInfo

    london = ZoneInfo("Europe/London")
    first, second = value.replace(tzinfo=london, fold=0), value.replace(tzinfo=london, fold=1)
    if first.utcoffset() != second.utcoffset():
        raise argparse.ArgumentTypeError(
            f"{_quote(text)} is ambiguous or missing in Europe/London (a clock change): add an "
            "offset"
        )
    return first


def bounded(low: int, high: int) -> Callable[[str], int]:
    """argparse type: a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"expected a whole number, got {_quote(text)}"
            ) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low} to {high}, got {value}")
        return value

    return parse


def force_option(command: argparse.ArgumentParser) -> None:
    """``--force``: replace files that exist (never an input, never through a link)."""
    command.add_argument(
        "--force",
        action="store_true",
        help="replace output files that already exist (an input of the command, or a "
        "symbolic link, is never written, forced or not)",
    )


def _council_option(command: argparse.ArgumentParser, required: bool = True) -> None:
    command.add_argument("--council", required=required, help="council id (see `councils`)")


def contract_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--contract",
        metavar="FILE",
        help="the contract the answer is for (JSON, see `schema contract`): its dates, "
        "packages and agreed variations; --council may then be left out",
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser for ``childcare-commissioning`` and all its subcommands."""
    from childcare_commissioning import __version__
    from childcare_commissioning.cli._contract import EXIT_CODES_HELP
    from childcare_commissioning.cli._lazyparser import LazyParser

    parser = argparse.ArgumentParser(
        prog="childcare-commissioning",
        description="UK councils' children's social care specifications as cited, typed rules.",
        epilog=EXIT_CODES_HELP
        + " Every FILE argument may be - for standard input. Input formats: `schema`.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--debug",
        action="store_true",
        help="show the traceback of an error (also CHILDCARE_COMMISSIONING_DEBUG=1)",
    )
    # Each subcommand's parser is built when it runs (cli._lazyparser): one answer does
    # not pay for the other 37.
    sub = cast(
        "Subparsers",
        parser.add_subparsers(
            dest="command", metavar="COMMAND", required=True, parser_class=LazyParser
        ),
    )
    councils = _command(
        sub, "councils", "councils", "list the installed councils and their plugins"
    )
    councils_sub = councils.add_subparsers(dest="operation", metavar="OPERATION")
    versions = _command(
        councils_sub, "versions", "contractcmd", "the dated versions of a council's text"
    )
    versions.add_argument("council", help="council id")
    versions.set_defaults(command="councils-versions")
    diff = _command(
        councils_sub,
        "diff",
        "contractcmd",
        "what changed between two versions of a council's text: rules and register entries",
    )
    diff.add_argument("council", help="council id")
    diff.add_argument("old", help="the earlier version")
    diff.add_argument("new", help="the later version")
    diff.set_defaults(command="councils-diff")

    contract = sub.add_parser("contract", help="contracts let under a council's text")
    contract_sub = contract.add_subparsers(dest="operation", metavar="OPERATION", required=True)
    check_contract = _command(
        contract_sub,
        "check",
        "contractcmd",
        "check a contract against its council's text: variations and the clauses that "
        "allow them, dates, term (exit 1 if the text does not allow it)",
    )
    check_contract.add_argument("file", help="contract (JSON), or - for standard input")
    check_contract.set_defaults(command="contract-check")
    _command(sub, "demo", "demo", "run an end-to-end tour on bundled example data")

    working = sub.add_parser("working-days", help="working-day arithmetic in a calendar")
    working_sub = working.add_subparsers(dest="operation", metavar="OPERATION", required=True)
    add = _command(working_sub, "add", "timecmds", "the N-th working day after DATE (N<0: before)")
    add.add_argument("date", type=iso_date, help="the starting date (YYYY-MM-DD)")
    add.add_argument(
        "n",
        type=bounded(-36500, 36500),
        help="working days to add (negative: before; 0: DATE itself if a working day, "
        "else the next one)",
    )
    between = _command(working_sub, "between", "timecmds", "working days after START up to END")
    between.add_argument("start", type=iso_date, help="the first date (not counted)")
    between.add_argument(
        "end", type=iso_date, help="the last date (counted); before START gives a negative count"
    )
    for name, command in (("add", add), ("between", between)):
        command.add_argument(
            "--calendar",
            default="england-and-wales",
            help="calendar id: england-and-wales (default), scotland, northern-ireland, "
            "or one a council declares (with --council)",
        )
        _council_option(command, required=False)
        command.set_defaults(command=f"working-days-{name}")

    deadlines = _command(sub, "deadlines", "timecmds", "apply a council's deadline rules")
    _council_option(deadlines, required=False)
    contract_option(deadlines)
    deadlines.add_argument(
        "--at",
        type=instant,
        help="when the event happened (with --contract and no --at: the contract's own "
        "dated events, such as its start)",
    )
    deadlines.add_argument("--rule", help="one rule id (default: every rule of the trigger)")
    deadlines.add_argument("--trigger", help="every rule started by this trigger")

    referral = sub.add_parser("referral", help="check referrals against a council's rules")
    referral_sub = referral.add_subparsers(dest="operation", metavar="OPERATION", required=True)
    check = _command(
        referral_sub,
        "check",
        "referralcmd",
        "check a referral file (JSON); exit status 1 unless it is acceptable",
    )
    check.add_argument("file", help="referral JSON file, or - for standard input")
    _council_option(check)
    check.add_argument("--service", help="service id (default: the referral's own)")
    check.set_defaults(command="referral-check")

    invoice = _command(
        sub,
        "invoice",
        "invoicecmd",
        "invoice delivery records in arrears (JSON batch, or CSV records with --packages)",
        formats=("table", "json", "csv", "text"),
    )
    invoice.add_argument(
        "file",
        help="JSON batch {as_of, packages, quotations, planned, records}, or records as CSV "
        "or JSON Lines (with --packages); - for standard input",
    )
    _council_option(invoice, required=False)
    contract_option(invoice)
    invoice.add_argument(
        "--as-of",
        type=iso_date,
        help="invoice periods ended before this date (default: the batch's as_of)",
    )
    invoice.add_argument(
        "--input-format",
        choices=("json", "jsonl", "csv"),
        help="format of FILE (default: from its suffix; JSON for -)",
    )
    invoice.add_argument("--packages", help="JSON batch with packages etc. when FILE is records")
    invoice.add_argument(
        "--previous", help="invoices already issued: a JSON list, or a previous --format json run"
    )
    invoice.add_argument(
        "--findings", metavar="FILE", help="also write the run's findings to FILE as CSV"
    )
    force_option(invoice)
    add_evidence_option(invoice)

    staff = _command(
        sub, "staff-check", "staffcmd", "check a roster (JSON list of workers) on a date"
    )
    staff.add_argument(
        "file",
        help="JSON list of workers, or {workers, training_matrix} with the provider's "
        "training matrix (`schema roster`); JSON Lines, one worker per line; - for "
        "standard input",
    )
    _council_option(staff, required=False)
    contract_option(staff)
    staff.add_argument("--on", type=iso_date, required=True, help="the date to check")
    staff.add_argument(
        "--horizon", type=bounded(0, 3660), default=60, help="days ahead to list lapses (0-3660)"
    )
    staff.add_argument(
        "--input-format",
        choices=("json", "jsonl"),
        help="format of FILE (default: from its suffix; JSON for -)",
    )
    staff.add_argument(
        "--turnover",
        action="store_true",
        help="also report staff turnover over the last 6 months to --on (workers' employed_until)",
    )
    staff.add_argument(
        "--turnover-from",
        type=iso_date,
        help="report staff turnover from this date to --on instead",
    )

    breaks = _command(
        sub,
        "breaks",
        "breakscmd",
        "the shortest break between each worker's shifts, from delivery records",
    )
    breaks.add_argument(
        "file",
        help="delivery records (JSON list, JSON Lines or CSV: `schema records-csv`; or an "
        "invoice batch), or - for standard input",
    )
    _council_option(breaks)
    breaks.add_argument(
        "--minimum-hours",
        help="report breaks shorter than this many hours (the caller's number: the texts "
        "give none)",
    )
    breaks.add_argument(
        "--input-format",
        choices=("json", "jsonl", "csv"),
        help="format of FILE (default: from its suffix; JSON for -)",
    )

    policies = _command(
        sub,
        "policies",
        "policiescmd",
        "check a policy report (JSON) against a council's list of policies; exit 1 below "
        "the target",
        formats=("table", "json", "csv"),
    )
    policies.add_argument(
        "file", help="policy report JSON {on, period, policies} (`schema policy-report`), or -"
    )
    _council_option(policies)
    policies.add_argument("--list", help="the council's policy list id (default: its only one)")

    safeguarding = sub.add_parser("safeguarding", help="whom to contact, how and by when")
    safeguarding_sub = safeguarding.add_subparsers(
        dest="operation", metavar="OPERATION", required=True
    )
    route = _command(safeguarding_sub, "route", "safeguardingcmd", "route a safeguarding concern")
    _council_option(route)
    route.add_argument(
        "--concern", required=True, help="child, adult-at-risk, allegation-against-worker, ..."
    )
    route.add_argument("--area", help="area id (a borough)")
    route.add_argument("--at", type=instant, required=True, help="when the concern arose")
    route.set_defaults(command="safeguarding-route")
    notice = _command(safeguarding_sub, "notify", "safeguardingcmd", "notices owed for an event")
    _council_option(notice)
    notice.add_argument("--event", required=True, help="notifiable event id")
    notice.add_argument("--at", type=instant, required=True, help="when the event happened")
    notice.set_defaults(command="safeguarding-notify")

    new = _command(sub, "new-council", "scaffoldcmd", "scaffold a new council plugin distribution")
    new.add_argument("name", help="council id: lower case, words joined by '-'")
    new.add_argument("--dir", default=".", help="folder to create the plugin in (default: .)")
    new.add_argument("--title", help="the council's name (default: from NAME)")

    docs = _command(sub, "docs", "docscmd", "generate the handbook's council pages (and build it)")
    docs.add_argument(
        "action", choices=("generate", "build"), help="generate pages, or build the site"
    )
    docs.add_argument("--out", default="docs/generated", help="where generated pages go")
    docs.add_argument("--config", default="mkdocs.yml", help="mkdocs config (build)")
    docs.add_argument("--site-dir", default=None, help="where the site is built (build)")
    force_option(docs)

    schema = _command(
        sub, "schema", "schemacmd", "list the input documents, or print one's JSON Schema"
    )
    schema.add_argument(
        "document",
        nargs="?",
        choices=DOCUMENT_NAMES,
        help="the document whose JSON Schema to print (omit to list them)",
    )
    ids = _command(
        sub, "ids", "schemacmd", "list the ids a council declares (routes, triggers, ...)"
    )
    ids.add_argument("kind", choices=ID_KIND_NAMES, help="which ids")
    _council_option(ids)

    obligations = _command(
        sub,
        "obligations",
        "timecmds",
        "a contract's dated obligations in a range",
        formats=("table", "json", "ics"),
    )
    _council_option(obligations, required=False)
    contract_option(obligations)
    obligations.add_argument(
        "--start", type=iso_date, help="the contract's start, without --contract (never assumed)"
    )
    obligations.add_argument(
        "--until", type=iso_date, help="last date listed (default: the contract's end)"
    )
    obligations.add_argument("--from", dest="since", type=iso_date, help="first date listed")

    clauses = _command(
        sub,
        "clauses",
        "clausescmd",
        "a council's clause register: what the library does with every sentence of its text",
        formats=("table", "json", "csv"),
    )
    _council_option(clauses, required=False)
    clauses.add_argument(
        "--status",
        choices=("rule", "duty", "definition", "context", "not-encoded"),
        help="only entries of this status",
    )
    clauses.add_argument(
        "--summary",
        action="store_true",
        help="per council: sentences, covered, entries by status (exit 1 below 100 %%)",
    )
    clauses.add_argument(
        "--uncovered",
        action="store_true",
        help="list the sentences no entry accounts for (exit 1 if any)",
    )
    duties = _command(
        sub,
        "duties",
        "clausescmd",
        "a council's monitoring checklist: the duties no date or number decides",
        formats=("table", "json", "csv", "md"),
    )
    _council_option(duties)
    duties.add_argument("--service", help="only duties that apply to this service")

    monitor = _command(
        sub,
        "monitor",
        "monitorcmd",
        "an event log against a council's deadlines, obligations and KPIs "
        "(exit 1 if anything is late or overdue)",
        formats=("table", "json", "csv"),
    )
    monitor.add_argument("file", help="event log: JSON Lines or CSV, or - for standard input")
    _council_option(monitor, required=False)
    monitor.add_argument(
        "--as-of", type=iso_date, required=True, help="judge as of the end of this date"
    )
    monitor.add_argument("--period", help="KPIs for this reporting quarter only, e.g. 2026-Q3")
    monitor.add_argument(
        "--input-format", choices=("jsonl", "csv"), help="default: csv for *.csv, else jsonl"
    )
    contract_option(monitor)
    monitor.add_argument(
        "--contract-start",
        type=iso_date,
        help="without --contract: the contract's start, anchoring dated obligations "
        "(never assumed: without either, obligations are listed as not judged)",
    )
    monitor.add_argument("--map", help="JSON object mapping your event kinds to the council's")
    monitor.add_argument("--case", help="table: the whole timeline of this case")

    importing = sub.add_parser("import", help="read a published format into the library's model")
    import_sub = importing.add_subparsers(dest="format_name", required=True, metavar="FORMAT")
    from childcare_commissioning.cli import ssda903cmd

    ssda903cmd.add_parser(import_sub)

    export = sub.add_parser("export", help="write results in the sector's published formats")
    export_sub = export.add_subparsers(dest="operation", metavar="FORMAT", required=True)
    from childcare_commissioning.cli.orukcmd import add_parser as add_oruk

    add_oruk(export_sub)
    from childcare_commissioning.cli import ublcmd

    ublcmd.add_parser(export_sub)
    from childcare_commissioning.cli import placementscmd

    placementscmd.add_import_parsers(import_sub)
    placementscmd.add_export_parsers(export_sub)
    from childcare_commissioning.cli.streamcmd import add_parser as add_invoice_stream

    add_invoice_stream(sub)
    payments = _command(
        sub,
        "payments",
        "weeklycmd",
        "invoice placements priced by the week (accommodation and support, by the day), "
        "with variations, notice, block discounts and contributions, in arrears",
        formats=("table", "json", "csv", "text"),
    )
    payments.add_argument(
        "file", help="JSON batch {as_of, packages, agreements, blocks}; - for standard input"
    )
    _council_option(payments, required=False)
    contract_option(payments)
    payments.add_argument(
        "--as-of", type=iso_date, help="invoice periods ended before this date (or the batch's)"
    )
    from childcare_commissioning.cli.servecmd import add_parser as add_serve

    add_serve(sub)
    return parser
