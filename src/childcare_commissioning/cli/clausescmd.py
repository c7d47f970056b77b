"""``clauses`` (the clause register) and ``duties`` (the monitoring checklist)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.cli.timecmds import UsageError
from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.csvsafe import csv_text
from childcare_commissioning.register import (
    Duty,
    EntryStatus,
    coverage,
    covering,
    duties_for,
    summarise,
)
from childcare_commissioning.registry import RegisteredCouncil, get_registry

__all__ = ["coverage_summary", "duty_rows", "register_entries", "run"]


def _write_csv(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    sys.stdout.write(csv_text(headers, rows))


def coverage_summary(council: RegisteredCouncil) -> dict[str, Any]:
    """One council's coverage: ``id``, ``sentences``, ``covered``, ``percent`` and
    ``by_status`` (entries per status), and the text in three numbers: sentences
    ``computed``, on the ``checklist``, ``not_decided`` (with reasons), plus ``context``
    (see :class:`~childcare_commissioning.register.Summary`); all zero when it has no
    register."""
    register = council.spec.register
    if register is None:
        by_status = {status.value: 0 for status in EntryStatus}
        return {
            "id": council.id,
            "register": False,
            "sentences": None,
            "covered": 0,
            "percent": 0.0,
            "by_status": by_status,
            "computed": 0,
            "checklist": 0,
            "not_decided": 0,
            "context": 0,
        }
    result = coverage(register)
    three = summarise(register)
    return {
        "id": council.id,
        "register": True,
        "sentences": result.sentences,
        "covered": result.covered,
        "percent": round(result.percent, 1),
        "by_status": result.by_status,
        "computed": three.computed,
        "checklist": three.checklist,
        "not_decided": three.not_decided,
        "context": three.context,
    }


def register_entries(council: RegisteredCouncil, status: str | None) -> list[dict[str, Any]]:
    """The clause register's entries (only those of ``status`` when given), JSON-ready:
    each entry's clause, status, first and last words, rules or reason, and sentences."""
    register = council.spec.register
    if register is None:
        raise UsageError(f"council {council.id!r} has no clause register yet")
    entries: list[dict[str, Any]] = []
    for index, (entry, sentences) in enumerate(covering(register), start=1):
        if status and entry.status != status:
            continue
        entries.append(
            {
                "entry": index,
                "clause": entry.clause,
                "status": entry.status.value,
                "start": entry.start,
                "end": entry.end,
                "rules": list(entry.rules),
                "reason": entry.reason,
                "note": entry.note,
                "sentences": [s.number for s in sentences],
            }
        )
    return entries


def _council(args: argparse.Namespace) -> RegisteredCouncil:
    if not args.council:
        raise UsageError("--council is required (see `councils` for the ids)")
    found: RegisteredCouncil = get_registry().council(args.council)
    return found


def _clauses(args: argparse.Namespace) -> int:
    if args.summary:
        councils = [_council(args)] if args.council else list(get_registry().councils())
        summaries = [coverage_summary(c) for c in councils]
        if args.format == "json":
            print_json(summaries)
        else:
            rows = [
                (
                    s["id"],
                    s["sentences"] if s["register"] else "no register",
                    s["covered"],
                    f"{s['percent']:.1f} %",
                    s["computed"],
                    s["checklist"],
                    s["not_decided"],
                    s["context"],
                    ", ".join(f"{k} {v}" for k, v in s["by_status"].items()),
                )
                for s in summaries
            ]
            summary_headers = (
                "council",
                "sentences",
                "covered",
                "coverage",
                "computed",
                "on the checklist",
                "not decided",
                "context",
                "entries by status",
            )
            if args.format == "csv":
                _write_csv(summary_headers, rows)
            else:
                print_table("Clause register coverage", summary_headers, rows)
        return 0 if all(s["covered"] == s["sentences"] for s in summaries) else 1
    council = _council(args)
    register = council.spec.register
    if register is None:
        raise UsageError(f"council {council.id!r} has no clause register yet")
    if args.uncovered:
        result = coverage(register)
        lines = [(s.line, s.number, s.text) for s in result.uncovered]
        problems = list(result.problems)
        if args.format == "json":
            print_json(
                {
                    "problems": problems,
                    "uncovered": [{"line": a, "sentence": b, "text": c} for a, b, c in lines],
                }
            )
        elif args.format == "csv":
            _write_csv(("line", "sentence", "text"), lines)
        else:
            for problem in problems:
                print(f"problem: {problem}")
            for line, number, text in lines:
                print(f"line {line} (sentence {number}): {text}")
        return 0 if not lines and not problems else 1
    entries = register_entries(council, args.status)
    if args.format == "json":
        print_json(entries)
        return 0
    headers = ("entry", "clause", "status", "text", "rules or reason", "sentences")
    entry_rows = [
        (
            e["entry"],
            e["clause"],
            e["status"],
            e["start"] + (f" … {e['end']}" if e["end"] else ""),
            ", ".join(e["rules"]) or e["reason"],
            len(e["sentences"]),
        )
        for e in entries
    ]
    if args.format == "csv":
        _write_csv(headers, entry_rows)
    else:
        print_table(f"{council.spec.name}: clause register", headers, entry_rows)
    return 0


def duty_rows(spec: CouncilSpec, service: str | None) -> list[Duty]:
    """The checklist's duties for ``service`` (all services when ``None``), in declared
    order; an unknown service is a usage error naming the known ones."""
    if service is not None and service not in {s.id for s in spec.services}:
        known = ", ".join(s.id for s in spec.services) or "none"
        raise UsageError(f"council {spec.id!r} has no service {service!r}; known: {known}")
    return duties_for(spec.duties, service)


def _frequency(duty: Duty) -> str:
    return duty.schedule.describe() if duty.schedule is not None else ""


def _duties(args: argparse.Namespace) -> int:
    council = _council(args)
    spec = council.spec
    duties = duty_rows(spec, args.service)
    headers = (
        "id",
        "duty",
        "owed by",
        "owed to",
        "evidence",
        "question at a monitoring visit",
        "frequency",
        "services",
        "clause",
        "quote",
    )
    rows = [
        (
            d.id,
            d.title,
            d.owed_by.value,
            d.owed_to,
            d.evidence,
            d.question,
            _frequency(d),
            ", ".join(d.services) or "all",
            d.citation.clause,
            d.citation.quote,
        )
        for d in duties
    ]
    if args.format == "json":
        print_json(
            {
                "council": spec.id,
                "distribution": council.distribution,
                "version": council.version,
                "service": args.service,
                "duties": [dict(zip(_JSON_KEYS, row, strict=True)) for row in rows],
            }
        )
    elif args.format == "csv":
        _write_csv(headers, rows)
    elif args.format == "md":
        title = f"# {spec.name}: monitoring checklist"
        if args.service:
            title += f" ({spec.service(args.service).name})"
        print(title + "\n")
        for d in duties:
            print(f"- [ ] **{d.title}** (owed by {d.owed_by.value} to {d.owed_to})")
            print(f"  - Ask: {d.question}")
            print(f"  - Evidence: {d.evidence}")
            if d.schedule is not None:
                print(f"  - When: {_frequency(d)}")
            print(f"  - Source: {d.citation}")
        if not duties:
            print("_No duties declared._")
    else:
        print_table(f"{spec.name}: monitoring checklist", headers[:7], [r[:7] for r in rows])
    return 0


_JSON_KEYS = (
    "id",
    "duty",
    "owed_by",
    "owed_to",
    "evidence",
    "question",
    "frequency",
    "services",
    "clause",
    "quote",
)


def run(args: argparse.Namespace) -> int:
    """``clauses``: exit 1 when ``--summary`` or ``--uncovered`` finds text not accounted
    for. ``duties``: always 0."""
    if args.command == "duties":
        return _duties(args)
    return _clauses(args)
