"""``monitor``: an event log against a council's deadlines, obligations and KPIs.

Exit status 1 when any deadline is late or overdue or any obligation late or missing, 2
for bad input (a line that cannot be read, an unknown council, a bad period), 0 otherwise.

Memory stays flat however long the log: each deadline's status is written to a temporary
file as soon as it closes (met, late or ended), and the output lists those in the order
they closed, then the deadlines still open or overdue at the as-of instant (by case). Only
the open deadlines, the cases seen and the KPI tallies are held.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from importlib.resources import files
from typing import IO, Any

from childcare_commissioning.cli._contract import EXIT_NO, EXIT_OK, InputError
from childcare_commissioning.cli._input import input_format, open_text, read_json
from childcare_commissioning.cli._output import print_table
from childcare_commissioning.cli.contractcmd import example_contract, resolve
from childcare_commissioning.contract import Contract
from childcare_commissioning.csvsafe import write_rows
from childcare_commissioning.monitoring import (
    DeadlineStatus,
    DutyStatus,
    KpiFigure,
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
            {"outcome": oid, "text": text, "evidence": report.evidence.get(oid)}
            for oid, text in report.unmeasured
        ],
        "findings": [
            {"severity": f.severity.value, "code": f.code, "message": f.message, "where": f.path}
            for f in report.findings
        ],
    }


def _due(row: dict[str, Any]) -> str:
    return str(row["due_at"] or f"end of {row['due_date']}")


def deadline_row(row: dict[str, Any]) -> tuple[object, ...]:
    """The CSV row of one deadline (its :meth:`DeadlineStatus.as_dict`)."""
    return (
        "deadline",
        row["rule"],
        row["case"],
        row["status"],
        _due(row),
        row["done_at"] or "",
        row["how_late"],
        row["citation"],
        row["source"],
    )


def csv_rows(report: MonitoringReport) -> list[tuple[object, ...]]:
    """One row per deadline, obligation occurrence, KPI figure and finding."""
    rows = [deadline_row(d.as_dict()) for d in report.deadlines]
    rows += _other_rows(report)
    return rows


def _other_rows(report: MonitoringReport) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
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
        if k.minimum is not None:
            target = f"at least {k.minimum}"
        else:
            target = "no target" if k.target is None else f"target {k.target}%"
        detail = f"{k.figure}; {target}"
        cases = " ".join(k.numerator_cases)
        rows.append(("kpi", k.kpi_id, cases, k.period_label, "", "", "", detail, str(k.citation)))
    for f in report.findings:
        rows.append(("finding", f.code, "", f.severity.value, "", "", "", f.message, f.path))
    return rows


def args_date(report: MonitoringReport) -> str:
    """The as-of date the report was asked for (its instant is the end of that date)."""
    return (report.as_of - dt.timedelta(microseconds=1)).date().isoformat()


def _tables(
    report: MonitoringReport,
    summary: Counter[tuple[str, str]] | None = None,
    failing: Sequence[dict[str, Any]] | None = None,
) -> None:
    counts = report.counts
    if summary is None:
        summary = Counter((d.rule_id, d.status.value) for d in report.deadlines)
    if failing is None:
        failing = [d.as_dict() for d in report.deadlines if d.status.is_failure]
    rules = sorted({rule for rule, _ in summary})
    statuses = ("met", "late", "open", "overdue", "ended")
    print_table(
        f"{report.council}: deadlines as of the end of {args_date(report)}",
        ("Rule", *statuses),
        [(rule, *(summary[(rule, s)] for s in statuses)) for rule in rules],
    )
    print_table(
        "Late and overdue",
        ("Case", "Rule", "Status", "Due", "Done", "By", "Source"),
        [
            (r["case"], r["rule"], r["status"], _due(r), r["done_at"] or "", r["how_late"],
             r["citation"])
            for r in failing
        ],
    )  # fmt: skip
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
                k.figure,
                f"{k.target}%"
                if k.target is not None
                else ("" if k.minimum is None else f"at least {k.minimum}"),
                ", ".join(k.numerator_cases),
                k.citation,
            )
            for k in report.kpis
        ],
    )
    if report.unmeasured:
        print_table(
            "Not measurable from events (evidence at a monitoring visit)",
            ("Outcome", "Text", "Evidenced by"),
            [(oid, text, report.evidence.get(oid, "")) for oid, text in report.unmeasured],
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
        statuses = Counter(d.status.value for d in report.deadlines)
        statuses.update(o.status.value for o in report.obligations)
        lines = [
            "duties: "
            + ", ".join(f"{statuses[s.value]} {s.value}" for s in DutyStatus if statuses[s.value])
        ]
        lines += [
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
        for k in report.kpis:
            lines.append(f"KPI {k.kpi_id} {k.period_label}: {_figure(k)}")
            lines.append(f"    cases counted: {', '.join(k.numerator_cases) or 'none'}")
            if k.denominator is not None:
                lines.append(f"    of: {', '.join(k.denominator_cases) or 'none'}")
        found[council.id] = {
            "contract": None if contract is None else contract_summary(contract),
            "counts": dict(report.counts),
            "failures": report.failures,
            "lines": lines,
        }
    return found


def _figure(k: KpiFigure) -> str:
    """A figure in words: a ratio with its percentage, or a count against its minimum."""
    if k.denominator is None:
        least = "" if k.minimum is None else f" (at least {k.minimum})"
        return f"{k.numerator}{least}"
    return f"{k.numerator}/{k.denominator}" + ("" if k.percent is None else f" = {k.percent}%")


def contract_summary(contract: Contract) -> str:
    """One line naming a contract and its dates."""
    end = contract.end.isoformat() if contract.end else "open"
    name = contract.reference or contract.provider
    return f"{name}: {contract.start.isoformat()} to {end}"


class _Spill:
    """Deadline statuses written to a temporary file as they close (bounded memory), with
    the running counts the tables and the exit status need."""

    def __init__(self, file: IO[str]) -> None:
        self.file = file
        self.summary: Counter[tuple[str, str]] = Counter()
        self.failures = 0

    def add(self, statuses: Sequence[DeadlineStatus]) -> None:
        for status in statuses:
            self.summary[(status.rule_id, status.status.value)] += 1
            self.failures += status.status.is_failure
            self.file.write(json.dumps(status.as_dict(), ensure_ascii=False) + "\n")

    def rows(self, report: MonitoringReport) -> Iterator[dict[str, Any]]:
        """Every deadline: those that closed, in order, then those the report holds."""
        self.file.seek(0)
        for line in self.file:
            yield json.loads(line)
        for status in report.deadlines:
            yield status.as_dict()


def _stream_json(report: MonitoringReport, source: str, spill: _Spill) -> None:
    data = report_json(report, source)
    data["failures"] = report.failures + spill.failures
    data["deadlines"] = "\0deadlines"
    head, _, tail = json.dumps(data, indent=2, ensure_ascii=False, default=str).partition(
        '"\\u0000deadlines"'
    )
    out = sys.stdout
    out.write(head + "[")
    for number, row in enumerate(spill.rows(report)):
        out.write(("," if number else "") + "\n    " + json.dumps(row, ensure_ascii=False))
    out.write("\n  ]" + tail + "\n")


def _stream_tables(report: MonitoringReport, spill: _Spill, case: str | None) -> None:
    if case is not None:
        rows = [r for r in spill.rows(report) if r["case"] == case]
        rows.sort(key=lambda r: str(r["trigger_at"]))
        print_table(
            f"Case {case}: timeline as of the end of {args_date(report)}",
            ("Event", "At", "Rule", "Due", "Done", "Status", "By", "Source", "Plugin"),
            [
                (r["trigger"], r["trigger_at"], r["rule"], _due(r), r["done_at"] or "",
                 r["status"], r["how_late"], r["citation"], r["source"])
                for r in rows
            ],
        )  # fmt: skip
        return
    # Only the late and overdue rows are listed: the others are counted, not held.
    summary = spill.summary + Counter((d.rule_id, d.status.value) for d in report.deadlines)
    failing = [r for r in spill.rows(report) if r["status"] in ("late", "overdue")]
    _tables(report, summary, failing)


def run(args: argparse.Namespace) -> int:
    """Run ``monitor``: statuses are written out as they close (see the module docstring)."""
    resolved = resolve(args, on=args.as_of)
    council = resolved.council
    decl = resolved.spec.monitoring
    year_start = decl.year_start_month if decl is not None else 4
    if args.period is not None:
        parse_period(args.period, year_start)
    source = f"{council.distribution} {council.version}"
    monitor = Monitor(
        resolved.spec,
        end_of_day(args.as_of),
        source=source,
        contract=resolved.contract,
        contract_start=args.contract_start if resolved.contract is None else None,
        aliases=_aliases(args.map),
        applied=True,
    )
    with (
        tempfile.TemporaryFile("w+", encoding="utf-8") as handle,
        open_text(args.file) as stream,
    ):
        spill = _Spill(handle)
        try:
            for event in read_events(stream, _format(args)):
                spill.add(monitor.feed(event))
        except csv.Error as exc:
            raise InputError(f"{args.file!r}: not valid CSV ({exc}) [csv]") from None
        # The report holds only what is still open at the as-of instant.
        report = monitor.report((), args.period)
        if args.format == "json":
            _stream_json(report, source, spill)
        elif args.format == "csv":
            write_rows(sys.stdout, [CSV_HEADERS])
            write_rows(sys.stdout, (deadline_row(row) for row in spill.rows(report)))
            write_rows(sys.stdout, _other_rows(report))
        else:
            _stream_tables(report, spill, args.case)
        failures = report.failures + spill.failures
    return EXIT_NO if failures else EXIT_OK
