"""``schema`` (the input documents and their JSON Schemas) and ``ids`` (the ids a council
declares that a user types: routes, triggers, events, training subjects, needs...)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from childcare_commissioning.cli._contract import EXIT_OK
from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.registry import get_registry
from childcare_commissioning.schemas import DOCUMENTS, shipped_schema

__all__ = ["ID_KINDS", "run"]


def _first_line(text: str) -> str:
    return " ".join(text.split())


def _monitor_events(spec: CouncilSpec) -> list[tuple[str, str]]:
    from childcare_commissioning.monitoring import event_kinds

    return event_kinds(spec)


#: Each kind of id: the option or field it goes in, and how to list (id, description) pairs.
ID_KINDS: dict[str, tuple[str, Callable[[CouncilSpec], list[tuple[str, str]]]]] = {
    "services": (
        "referral check --service; a referral's service",
        lambda s: [(x.id, x.name) for x in s.services],
    ),
    "areas": (
        "safeguarding route --area; a child's area",
        lambda s: [(x.id, x.name) for x in s.areas],
    ),
    "routes": ("a referral's route", lambda s: [(x.id, x.name) for x in s.routes]),
    "triggers": (
        "deadlines --trigger",
        lambda s: sorted(
            {
                (
                    r.trigger,
                    f"starts {sum(1 for d in s.deadlines if d.trigger == r.trigger)} rule(s)",
                )
                for r in s.deadlines
            }
        ),
    ),
    "rules": ("deadlines --rule", lambda s: [(r.id, r.title) for r in s.deadlines]),
    "events": (
        "safeguarding notify --event",
        lambda s: [(e.id, e.name) for e in s.notifiable_events],
    ),
    "monitor-events": ("monitor LOG: an event's kind", _monitor_events),
    "subjects": (
        "a roster's completions[].subject",
        lambda s: sorted({(r.subject, r.kind.value) for r in s.workforce}),
    ),
    "needs": (
        "a worker's works_with; a roster package's needs",
        lambda s: [
            (
                need,
                "calls for: "
                + ", ".join(
                    sorted({r.subject for r in s.workforce if need in r.scope.needs | r.for_needs})
                ),
            )
            for need in sorted({n for r in s.workforce for n in r.scope.needs | r.for_needs})
        ],
    ),
}


def _schema(args: argparse.Namespace) -> int:
    if args.document is None:
        rows = [(d.name, d.title, d.read_by) for d in DOCUMENTS.values()]
        if args.format == "json":
            print_json([{"document": n, "title": t, "read_by": r} for n, t, r in rows])
        else:
            print_table(
                "Input documents (schema DOCUMENT prints one)",
                ("document", "what", "read by"),
                rows,
            )
        return EXIT_OK
    sys.stdout.write(shipped_schema(args.document))
    return EXIT_OK


def _ids(args: argparse.Namespace) -> int:
    spec = get_registry().council(args.council).spec
    where, listing = ID_KINDS[args.kind]
    rows = listing(spec)
    if args.format == "json":
        found: list[dict[str, Any]] = [{"id": i, "description": d} for i, d in rows]
        print_json(found)
    else:
        print_table(f"{spec.name}: {args.kind} (used in {where})", ("id", "description"), rows)
        if not rows:
            print(f"{spec.id} declares no {args.kind}.")
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Print a schema, the list of documents, or a council's ids of one kind."""
    if args.command == "schema":
        return _schema(args)
    return _ids(args)
