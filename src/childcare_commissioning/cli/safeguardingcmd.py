"""``safeguarding route`` and ``safeguarding notify``."""

from __future__ import annotations

import argparse
from zoneinfo import ZoneInfo

from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.cli.contractcmd import warn_term
from childcare_commissioning.errors import CommissioningError
from childcare_commissioning.registry import get_registry
from childcare_commissioning.safeguarding import Concern, Routed, notify, route

__all__ = ["SafeguardingUsageError", "concern_of", "run"]


class SafeguardingUsageError(CommissioningError, ValueError):
    """The concern, area or event is not one the council routes."""


def _unstructure(value: object) -> object:
    # The converter only for JSON: a table needs neither cattrs nor its hooks.
    from childcare_commissioning.convert import unstructure

    return unstructure(value)


def concern_of(text: str) -> Concern:
    """The concern named ``text``; an unknown one is an error listing the concerns."""
    try:
        return Concern(text)
    except ValueError:
        kinds = ", ".join(c.value for c in Concern)
        raise SafeguardingUsageError(f"unknown concern {text!r}; concerns: {kinds}") from None


def _how(step: Routed) -> str:
    contact = step.contact
    if contact is None:
        return step.recipient
    return f"{contact.organisation} ({contact.role}): {step.reach}"


def run(args: argparse.Namespace) -> int:
    """Print the steps: recipient, channel, due."""
    on = args.at.astimezone(ZoneInfo("Europe/London")).date()
    council = get_registry().council(args.council, on=on)
    warn_term(council.spec, [on], "the date of the concern or event")
    spec = council.spec
    try:
        if args.command == "safeguarding-route":
            routing = route(spec, concern_of(args.concern), args.at, args.area)
            if not routing.specified:
                # The text does not say, or needs the area: not an error, but an answer
                # with the nearest contacts (exit 1, like any other finding).
                if args.format == "json":
                    print_json(_unstructure(routing), council)
                    return 1
                nearest_rows = [
                    (f"{c.organisation} ({c.role})", c.phone or "", c.email or "", str(c.citation))
                    for c in routing.nearest
                ]
                print(routing.message)
                which = "contacts by area" if routing.areas_needed else "nearest contacts"
                print_table(
                    f"{spec.name}: {which}",
                    ("contact", "phone", "email", "source"),
                    nearest_rows,
                )
                return 1
            steps = list(routing.steps)
        else:
            steps = notify(spec, args.event, args.at)
    except LookupError as exc:
        raise SafeguardingUsageError(str(exc)) from None
    if args.format == "json":
        print_json(_unstructure(steps), council)
        return 0
    rows = [
        (
            _how(s),
            s.channel.value,
            s.deadline.due_at.isoformat() if s.deadline.due_at else f"end of {s.deadline.due_date}",
            ", ".join(c if isinstance(c, str) else (c.email or c.phone or c.id) for c in s.copy_to),
            str(s.deadline.citation),
        )
        for s in steps
    ]
    print_table(f"{spec.name}", ("contact", "how", "by", "copy to", "source"), rows)
    return 0
