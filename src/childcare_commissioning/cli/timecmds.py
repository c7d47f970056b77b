"""``working-days``, ``deadlines`` and ``obligations``: the deadline calculus from the shell."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.deadlines import DeadlineRule, evaluate, resolve_calendar
from childcare_commissioning.errors import CommissioningError

# Imported where used: `working-days` with a built-in calendar loads no council plugin,
# no contract and no converter (start-up is most of the time of one date's answer).
if TYPE_CHECKING:
    from childcare_commissioning.calendars import CalendarSpec
    from childcare_commissioning.contract import Contract
    from childcare_commissioning.council import CouncilSpec

__all__ = ["deadline_rules", "run", "working_days"]


_LONDON = ZoneInfo("Europe/London")

MAX_RANGE_DAYS = 366 * 50
"""The longest range ``obligations`` lists (the calendars support 1975-2100)."""


class UsageError(CommissioningError, ValueError):
    """The command's arguments do not fit together."""


def _council_calendars(council_id: str | None) -> tuple[CalendarSpec, ...]:
    if council_id is None:
        return ()
    from childcare_commissioning.registry import get_registry

    return get_registry().council(council_id).spec.calendars


def working_days(
    operation: str, first: dt.date, second: dt.date | int, calendar_id: str, council: str | None
) -> dict[str, Any]:
    """The answer of ``working-days add`` (``operation`` ``"add"``: ``first`` plus
    ``second`` working days) or ``working-days between`` (``"between"``: working days
    after ``first`` up to ``second``), JSON-ready."""
    try:
        calendar = resolve_calendar(calendar_id, _council_calendars(council))
    except LookupError as exc:
        raise UsageError(str(exc)) from None
    if operation == "add":
        assert isinstance(second, int)
        result = calendar.add(first, second)
        return {
            "date": first.isoformat(),
            "n": second,
            "calendar": calendar.spec.id,
            "result": result.isoformat(),
            "projected": calendar.is_projected(first, result),
        }
    assert isinstance(second, dt.date)
    return {
        "start": first.isoformat(),
        "end": second.isoformat(),
        "calendar": calendar.spec.id,
        "working_days": calendar.between(first, second),
        "projected": calendar.is_projected(first, second),
    }


def _working_days(args: argparse.Namespace) -> int:
    if args.command == "working-days-add":
        answer = working_days("add", args.date, args.n, args.calendar, args.council)
        text = str(answer["result"])
    else:
        answer = working_days("between", args.start, args.end, args.calendar, args.council)
        text = str(answer["working_days"])
    if args.format == "json":
        print_json(answer)
    else:
        print(text + ("  (bank holidays projected)" if answer["projected"] else ""))
    return 0


def deadline_rules(spec: CouncilSpec, rule: str | None, trigger: str | None) -> list[DeadlineRule]:
    """The rules ``deadlines`` applies: ``rule`` (which must be started by ``trigger`` when
    both are given), else every rule of ``trigger``, else every rule; none is an error."""
    if rule:
        try:
            rules = [spec.deadline(rule)]
        except LookupError as exc:
            raise UsageError(str(exc)) from None
        if trigger is not None and rules[0].trigger != trigger:
            raise UsageError(
                f"rule {rule!r} is started by {rules[0].trigger!r}, not "
                f"{trigger!r}; give --rule or --trigger [rule-trigger-agree]"
            )
    else:
        rules = [r for r in spec.deadlines if trigger in (None, r.trigger)]
    if not rules:
        triggers = ", ".join(sorted({r.trigger for r in spec.deadlines})) or "none"
        raise UsageError(f"no deadline rule matches; {spec.id}'s triggers: {triggers}")
    return rules


def _contract_events(
    rules: list[DeadlineRule], contract: Contract
) -> list[tuple[DeadlineRule, dt.datetime]]:
    """Every rule of ``rules`` that runs from a contract event the contract dates (its
    start, end, award...), from the start of that date (Europe/London)."""
    found = []
    for rule in rules:
        day = contract.date_of(rule.trigger)
        if day is not None:
            found.append((rule, dt.datetime.combine(day, dt.time(), tzinfo=_LONDON)))
    return found


def _deadlines(args: argparse.Namespace) -> int:
    from childcare_commissioning.cli.contractcmd import resolve, warn_term

    if args.at is None and args.contract is None:
        raise UsageError(
            "deadlines needs --at (when the event happened) or --contract FILE (the "
            "contract's own dated events); no date is assumed [deadline-date]"
        )
    resolved = resolve(args, on=args.at.astimezone(_LONDON).date() if args.at else None)
    council = resolved.council
    spec = resolved.spec
    rules = deadline_rules(spec, args.rule, args.trigger)
    if resolved.contract is None or args.at is not None:
        pairs = [(rule, args.at) for rule in rules]
    else:
        pairs = _contract_events(rules, resolved.contract)
        if not pairs:
            events = sorted({r.trigger for r in spec.deadlines if r.trigger.startswith("contract")})
            raise UsageError(
                "no deadline rule runs from a date the contract gives"
                + (f" (rules run from: {', '.join(events)})" if events else "")
                + "; give --at [contract-events]"
            )
    results = [evaluate(rule, at, spec.calendars) for rule, at in pairs]
    warn_term(spec, [d.trigger_at.astimezone(_LONDON).date() for d in results], "the event date")
    if args.format == "json":
        from childcare_commissioning.convert import unstructure

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
        for d, (rule, _) in zip(results, pairs, strict=True)
    ]
    headers = ("rule", "duty", "due", "rule says", "source")
    since = args.at.isoformat() if args.at else "the contract's dated events"
    print_table(f"{spec.name}: deadlines from {since}", headers, rows)
    if any(d.projected for d in results):
        print("* bank holidays past the official GOV.UK list are projected")
    return 0


def _obligations(args: argparse.Namespace) -> int:
    from childcare_commissioning.cli.contractcmd import resolve, warn_term
    from childcare_commissioning.convert import unstructure
    from childcare_commissioning.obligations import obligations_between, to_icalendar

    resolved = resolve(args, on=args.start)
    registered = resolved.council
    spec = resolved.spec
    contract = resolved.contract
    start = args.start
    if contract is not None:
        if start is not None and start != contract.start:
            raise UsageError(
                "--start differs from the contract's start; leave it out [contract-start]"
            )
        start = contract.start
    if start is None:
        raise UsageError(
            "obligations needs the contract's start: --contract FILE or --start DATE; "
            "no date is assumed [contract-date]"
        )
    until = args.until
    if until is None:
        if contract is None or contract.end is None:
            raise UsageError("--until is needed unless the contract gives its end [until]")
        until = contract.end
    since = args.since or start
    if until < since:
        raise UsageError("--until must not be before --from/--start")
    if (until - since).days > MAX_RANGE_DAYS:
        raise UsageError(
            f"--from/--start to --until spans more than {MAX_RANGE_DAYS // 366} years; "
            "list a shorter range [range-length]"
        )
    packages = contract.packages if contract is not None else ()
    found = obligations_between(
        spec.all_obligations(), start, since, until, spec.calendars, packages
    )
    warn_term(spec, [o.due_date for o in found], "a due date")
    if args.format == "ics":
        # DTSTAMP from the input, not the clock: two runs give the same file. It is the
        # start of the contract's first day (Europe/London), in UTC.
        stamp = dt.datetime.combine(start, dt.time(), tzinfo=ZoneInfo("Europe/London"))
        calendar = to_icalendar(
            found, council_id=spec.id, council_name=spec.name, generated_at=stamp.astimezone(dt.UTC)
        )
        sys.stdout.write(calendar.decode("utf-8"))
        return 0
    if args.format == "json":
        print_json(unstructure(found), registered)
        return 0
    rows = [
        (
            o.due_date.isoformat(),
            o.title
            + ("" if o.counted_date is None else f" (counted to {o.counted_date.isoformat()})"),
            o.package_id or "",
            o.owed_by.value,
            o.kind.value,
            str(o.citation),
        )
        for o in found
    ]
    title = f"{spec.name}: obligations {since.isoformat()} to {until.isoformat()}"
    print_table(title, ("due", "obligation", "package", "owed by", "kind", "source"), rows)
    return 0


def run(args: argparse.Namespace) -> int:
    """Dispatch to the sub-command."""
    if args.command.startswith("working-days"):
        return _working_days(args)
    if args.command == "deadlines":
        return _deadlines(args)
    return _obligations(args)
