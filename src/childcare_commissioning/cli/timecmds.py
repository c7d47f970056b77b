"""``working-days``, ``deadlines`` and ``obligations``: the deadline calculus from the shell."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from zoneinfo import ZoneInfo

from childcare_commissioning.calendars import CalendarSpec
from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.convert import unstructure
from childcare_commissioning.deadlines import evaluate, resolve_calendar
from childcare_commissioning.errors import CommissioningError
from childcare_commissioning.obligations import obligations_between, to_icalendar
from childcare_commissioning.registry import get_registry

__all__ = ["run"]


MAX_RANGE_DAYS = 366 * 50
"""The longest range ``obligations`` lists (the calendars support 1975-2100)."""


class UsageError(CommissioningError, ValueError):
    """The command's arguments do not fit together."""


def _council_calendars(council_id: str | None) -> tuple[CalendarSpec, ...]:
    if council_id is None:
        return ()
    return get_registry().council(council_id).spec.calendars


def _working_days(args: argparse.Namespace) -> int:
    try:
        calendar = resolve_calendar(args.calendar, _council_calendars(args.council))
    except LookupError as exc:
        raise UsageError(str(exc)) from None
    if args.command == "working-days-add":
        result = calendar.add(args.date, args.n)
        answer = {
            "date": args.date.isoformat(),
            "n": args.n,
            "calendar": calendar.spec.id,
            "result": result.isoformat(),
            "projected": calendar.is_projected(args.date, result),
        }
        text = result.isoformat()
    else:
        count = calendar.between(args.start, args.end)
        answer = {
            "start": args.start.isoformat(),
            "end": args.end.isoformat(),
            "calendar": calendar.spec.id,
            "working_days": count,
            "projected": calendar.is_projected(args.start, args.end),
        }
        text = str(count)
    if args.format == "json":
        print_json(answer)
    else:
        print(text + ("  (bank holidays projected)" if answer["projected"] else ""))
    return 0


def _deadlines(args: argparse.Namespace) -> int:
    council = get_registry().council(args.council)
    spec = council.spec
    if args.rule:
        try:
            rules = [spec.deadline(args.rule)]
        except LookupError as exc:
            raise UsageError(str(exc)) from None
        if args.trigger is not None and rules[0].trigger != args.trigger:
            raise UsageError(
                f"rule {args.rule!r} is started by {rules[0].trigger!r}, not "
                f"{args.trigger!r}; give --rule or --trigger [rule-trigger-agree]"
            )
    else:
        rules = [r for r in spec.deadlines if args.trigger in (None, r.trigger)]
    if not rules:
        triggers = ", ".join(sorted({r.trigger for r in spec.deadlines})) or "none"
        raise UsageError(f"no deadline rule matches; {spec.id}'s triggers: {triggers}")
    results = [evaluate(rule, args.at, spec.calendars) for rule in rules]
    if args.format == "json":
        print_json(unstructure(results), council)
        return 0
    rows = [
        (
            d.rule_id,
            d.title,
            d.due_at.isoformat() if d.due_at else f"end of {d.due_date.isoformat()}",
            f"{d.duration} {d.direction} {rule.trigger}" + (" *" if d.projected else ""),
            str(d.citation),
        )
        for d, rule in zip(results, rules, strict=True)
    ]
    headers = ("rule", "duty", "due", "rule says", "source")
    print_table(f"{spec.name}: deadlines from {args.at.isoformat()}", headers, rows)
    if any(d.projected for d in results):
        print("* bank holidays past the official GOV.UK list are projected")
    return 0


def _obligations(args: argparse.Namespace) -> int:
    registered = get_registry().council(args.council)
    spec = registered.spec
    since = args.since or args.start
    if args.until < since:
        raise UsageError("--until must not be before --from/--start")
    if (args.until - since).days > MAX_RANGE_DAYS:
        raise UsageError(
            f"--from/--start to --until spans more than {MAX_RANGE_DAYS // 366} years; "
            "list a shorter range [range-length]"
        )
    found = obligations_between(
        spec.all_obligations(), args.start, since, args.until, spec.calendars
    )
    if args.format == "ics":
        # DTSTAMP from the input, not the clock: two runs give the same file. It is the
        # start of the contract's first day (Europe/London), in UTC.
        stamp = dt.datetime.combine(args.start, dt.time(), tzinfo=ZoneInfo("Europe/London"))
        calendar = to_icalendar(
            found, council_id=spec.id, council_name=spec.name, generated_at=stamp.astimezone(dt.UTC)
        )
        sys.stdout.write(calendar.decode("utf-8"))
        return 0
    if args.format == "json":
        print_json(unstructure(found), registered)
        return 0
    rows = [
        (o.due_date.isoformat(), o.title, o.owed_by.value, o.kind.value, str(o.citation))
        for o in found
    ]
    title = f"{spec.name}: obligations {since.isoformat()} to {args.until.isoformat()}"
    print_table(title, ("due", "obligation", "owed by", "kind", "source"), rows)
    return 0


def run(args: argparse.Namespace) -> int:
    """Dispatch to the sub-command."""
    if args.command.startswith("working-days"):
        return _working_days(args)
    if args.command == "deadlines":
        return _deadlines(args)
    return _obligations(args)
