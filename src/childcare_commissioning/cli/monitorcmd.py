"""``monitor``: an event log against a council's deadlines, obligations and KPIs.

Exit status 1 when any deadline is late or overdue or any obligation late or missing, 2
for bad input (a line that cannot be read, an unknown council, a bad period), 0 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections import Counter
from collections.abc import Sequence
from importlib.resources import files
from typing import Any

from childcare_commissioning.cli._contract import EXIT_NO, EXIT_OK, InputError
from childcare_commissioning.cli._input import input_format, open_text, read_json
from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.cli.contractcmd import example_contract, resolve
from childcare_commissioning.contract import Contract
from childcare_commissioning.csvsafe import csv_text
from childcare_commissioning.monitoring import (
    Monitor,
    MonitoringReport,
    end_of_day,
    parse_period,
    read_events,
)
from childcare_commissioning.registry import Registry

__all__ = [
    "EXAMPLE_AS_OF",
    "contract_summary",
    "csv_rows",
    "monitoring_examples",
    "report_json",
    "run",
]

#: The bundled example logs (``examples/monitoring.jsonl`` in a council plugin's package)
#: are judged as of the end of this date, under the plugin's example contract
#: (``examples/contract.json``).
EXAMPLE_AS_OF = dt.date(2025, 4, 4)

CSV_HEADERS = ("record", "id", "case", "status", "due", "done", "late", "detail", "source")


def _aliases(path: str | None) -> dict[str, str]:
    if path is None:
        return {}
    data = read_json(path)
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise InputError(
            "--map: expected a JSON object mapping your event kinds to the council's [event-map]"
        )
    return data


def _format(args: argparse.Namespace) -> str:
    if args.input_format:
        return str(args.input_format)
    return "csv" if input_format(args.file) == "csv" else "jsonl"


def report_json(report: MonitoringReport, source: str) -> dict[str, Any]:
    """The whole report, JSON-ready."""
    return {
        "council": report.council,
        "source": source,
        "as_of": report.as_of.isoformat(),
        "contract": report.contract,
        "obligations_not_judged": {
            "reason": "no contract start given: pass --contract FILE" if report.undated else None,
            "obligations": list(report.undated),
        },
        "counts": dict(report.counts),
        "failures": report.failures,
        "deadlines": [d.as_dict() for d in report.deadlines],
        "obligations": [o.as_dict() for o in report.obligations],
        "kpis": [k.as_dict() for k in report.kpis],
        "not_measurable_from_events": [
            {"outcome": oid, "text": text} for oid, text in report.unmeasured
        ],
        "findings": [
            {"severity": f.severity.value, "code": f.code, "message": f.message, "where": f.path}
            for f in report.findings
        ],
    }


def csv_rows(report: MonitoringReport) -> list[tuple[object, ...]]:
    """One row per deadline, obligation occurrence, KPI figure and finding."""
    rows: list[tuple[object, ...]] = []
    for d in report.deadlines:
        rows.append(
            (
                "deadline",
                d.rule_id,
                d.case,
                d.status.value,
                d.due,
                d.done_at.isoformat() if d.done_at else "",
                d.how_late,
                str(d.citation),
                d.source,
            )
        )
    for o in report.obligations:
        rows.append(
            (
                "obligation",
                f"{o.obligation_id}#{o.sequence}",
                "",
                o.status.value,
                o.due_date.isoformat(),
                o.submitted_at.isoformat() if o.submitted_at else "",
                f"{o.late_days} days" if o.late_days else "",
                str(o.citation),
                "",
            )
        )
    for k in report.kpis:
        figure = "no figure" if k.percent is None else f"{k.percent}%"
        detail = f"{k.numerator}/{k.denominator} = {figure}; target {k.target}%"
        cases = " ".join(k.numerator_cases)
        rows.append(("kpi", k.kpi_id, cases, k.period_label, "", "", "", detail, str(k.citation)))
    for f in report.findings:
        rows.append(("finding", f.code, "", f.severity.value, "", "", "", f.message, f.path))
    return rows


def _write_csv(rows: Sequence[Sequence[object]]) -> None:
    sys.stdout.write(csv_text(CSV_HEADERS, rows))


def _when(at: dt.datetime | None) -> str:
    return at.isoformat() if at else ""


def args_date(report: MonitoringReport) -> str:
    """The as-of date the report was asked for (its instant is the end of that date)."""
    return (report.as_of - dt.timedelta(microseconds=1)).date().isoformat()


def _timeline(report: MonitoringReport, case: str) -> None:
    """Every deadline of one case, in the order its events triggered them."""
    rows = [
        (d.trigger_kind, d.trigger_at.isoformat(), d.rule_id, d.due, _when(d.done_at), d.status,
         d.how_late, d.citation, d.source)
        for d in sorted(report.deadlines, key=lambda d: d.trigger_at)
        if d.case == case
    ]  # fmt: skip
    print_table(
        f"Case {case}: timeline as of the end of {args_date(report)}",
        ("Event", "At", "Rule", "Due", "Done", "Status", "By", "Source", "Plugin"),
        rows,
    )


def _tables(report: MonitoringReport) -> None:
    counts = report.counts
    summary = Counter((d.rule_id, d.status.value) for d in report.deadlines)
    rules = sorted({rule for rule, _ in summary})
    print_table(
        f"{report.council}: deadlines as of the end of {args_date(report)}",
        ("Rule", "met", "late", "open", "overdue"),
        [
            (rule, *(summary[(rule, s)] for s in ("met", "late", "open", "overdue")))
            for rule in rules
        ],
    )
    failing = [d for d in report.deadlines if d.status.is_failure]
    print_table(
        "Late and overdue",
        ("Case", "Rule", "Status", "Due", "Done", "By", "Source"),
        [
            (
                d.case,
                d.rule_id,
                d.status,
                d.due,
                d.done_at.isoformat() if d.done_at else "",
                d.how_late,
                d.citation,
            )
            for d in failing
        ],
    )
    if report.undated:
        print(
            "Obligations not judged: no contract start was given (pass --contract FILE): "
            + ", ".join(report.undated)
        )
    print_table(
        "Obligations",
        ("Obligation", "Package", "#", "Due", "Status", "Submitted", "Days late"),
        [
            (
                o.title,
                o.package_id or "",
                o.sequence,
                o.due_date,
                o.status,
                o.submitted_at.isoformat() if o.submitted_at else "",
                o.late_days or "",
            )
            for o in report.obligations
        ],
    )
    print_table(
        "KPIs",
        ("KPI", "Period", "Figure", "Target", "Cases counted", "Source"),
        [
            (
                k.title,
                k.period_label,
                f"{k.numerator}/{k.denominator} = "
                + ("no figure" if k.percent is None else f"{k.percent}%"),
                "" if k.target is None else f"{k.target}%",
                ", ".join(k.numerator_cases),
                k.citation,
            )
            for k in report.kpis
        ],
    )
    if report.unmeasured:
        print_table(
            "Not measurable from events (evidence at a monitoring visit)",
            ("Outcome", "Text"),
            report.unmeasured,
        )
    print_table(
        "Events",
        ("Read", "Used", "Reported"),
        [(counts.get("read", 0), counts.get("used", 0), counts.get("reported", 0))],
    )
    if report.findings:
        print_table(
            "Findings",
            ("Where", "Code", "Message"),
            [(f.path, f.code, f.message) for f in report.findings],
        )


def monitoring_examples(registry: Registry) -> dict[str, dict[str, Any]]:
    """For each council with a monitoring declaration and a bundled example log, the log
    monitored as of :data:`EXAMPLE_AS_OF`: counts, failures, and one line per deadline or
    obligation not met and per KPI figure (the demo's section)."""
    found: dict[str, dict[str, Any]] = {}
    for council in registry.councils():
        if council.spec.monitoring is None:
            continue
        package = getattr(registry.plugin_manager.get_plugin(council.entry_point), "__name__", "")
        log = files(package).joinpath("examples", "monitoring.jsonl") if package else None
        if log is None or not log.is_file():
            continue
        contract = example_contract(registry, council)
        monitor = Monitor(
            council.spec,
            end_of_day(EXAMPLE_AS_OF),
            source=f"{council.distribution} {council.version}",
            contract=contract,
        )
        with log.open(encoding="utf-8") as stream:
            report = monitor.report(monitor.feed_all(read_events(stream)))
        lines = [
            f"{d.case} {d.rule_id}: {d.status} {d.how_late}".rstrip()
            for d in report.deadlines
            if d.status.is_failure
        ]
        lines += [
            f"{o.obligation_id} #{o.sequence} due {o.due_date.isoformat()}: {o.status}"
            for o in report.obligations
            if o.status.is_failure
        ]
        lines += [
            f"warning: {f.message}" for f in report.findings if f.code.startswith("specification.")
        ]
        lines += [
            f"KPI {k.kpi_id} {k.period_label}: {k.numerator}/{k.denominator}"
            + ("" if k.percent is None else f" = {k.percent}%")
            for k in report.kpis
        ]
        found[council.id] = {
            "contract": None if contract is None else contract_summary(contract),
            "counts": dict(report.counts),
            "failures": report.failures,
            "lines": lines,
        }
    return found


def contract_summary(contract: Contract) -> str:
    """One line naming a contract and its dates."""
    end = contract.end.isoformat() if contract.end else "open"
    name = contract.reference or contract.provider
    return f"{name}: {contract.start.isoformat()} to {end}"


def run(args: argparse.Namespace) -> int:
    """Run ``monitor``."""
    resolved = resolve(args, on=args.as_of)
    council = resolved.council
    spec = council.spec
    decl = spec.monitoring
    year_start = decl.year_start_month if decl is not None else 4
    if args.period is not None:
        parse_period(args.period, year_start)
    source = f"{council.distribution} {council.version}"
    monitor = Monitor(
        spec,
        end_of_day(args.as_of),
        source=source,
        contract=resolved.contract,
        contract_start=args.contract_start if resolved.contract is None else None,
        aliases=_aliases(args.map),
    )
    with open_text(args.file) as stream:
        try:
            closed = monitor.feed_all(read_events(stream, _format(args)))
        except csv.Error as exc:
            raise InputError(f"{args.file!r}: not valid CSV ({exc}) [csv]") from None
    report = monitor.report(closed, args.period)
    if args.format == "json":
        print_json(report_json(report, source))
    elif args.format == "csv":
        _write_csv(csv_rows(report))
    elif args.case is not None:
        _timeline(report, args.case)
    else:
        _tables(report)
    return EXIT_NO if report.failures else EXIT_OK
