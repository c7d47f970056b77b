"""The pictures on a council's page, worked out from its declarations when the handbook is
built (drawn by :mod:`~childcare_commissioning.handbook.svg`).

- *A referral's clock* and *a placement's clock*: every deadline and obligation that runs
  from a referral's receipt, or from a package's (placement's) start, applied to an
  example instant, in the order they fall due;
- *Referral routes*: who may refer, by which route, how and when, and how fast the answer
  is due;
- *Safeguarding routing*: whom to call, by concern, area and time of day, and the notices
  each notifiable event needs;
- *Escalation ladder*: the text's escalation steps, each with its wait;
- *Monitoring on the example log*: the plugin's example event log monitored under its
  example contract: KPI figures against target, deadlines met or missed, obligations
  submitted or missing.

A picture the declarations give nothing for is not drawn; the page says so instead.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import attrs

if TYPE_CHECKING:
    from childcare_commissioning.monitoring import KpiFigure

from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.deadlines import DeadlineRule, Party, evaluate
from childcare_commissioning.handbook.markdown import due_text, long_date
from childcare_commissioning.handbook.svg import (
    BAD,
    GOOD,
    LATE,
    OPEN,
    Bar,
    Flow,
    Moment,
    Rung,
    bars,
    flow,
    ladder,
    timeline,
)
from childcare_commissioning.model import Package
from childcare_commissioning.obligations import Anchor, obligations_between
from childcare_commissioning.referrals import REFERRAL_RECEIVED, RouteTime
from childcare_commissioning.registry import RegisteredCouncil, Registry
from childcare_commissioning.safeguarding import RouteStep

__all__ = ["PLACEMENT_STARTS", "Picture", "council_pictures", "figure"]

#: The example instant the clocks start at: a Monday morning, a working day everywhere.
EXAMPLE_AT = dt.datetime(2025, 1, 6, 10, 0, tzinfo=ZoneInfo("Europe/London"))

#: The event ids the councils' texts use for a package's or placement's start (and the
#: anchor of package-anchored schedules): the placement clock runs from these.
PLACEMENT_STARTS = frozenset(
    {Anchor.PACKAGE.value, "package-commenced", "placement-start", "support-started"}
)

_WHEN = {
    RouteTime.ALWAYS: "any time",
    RouteTime.IN_HOURS: "in office hours",
    RouteTime.OUT_OF_HOURS: "out of hours",
}


@attrs.frozen
class Picture:
    """One picture of a council's page: its file name, its text alternative, its SVG."""

    name: str
    alt: str
    svg: str = attrs.field(repr=False)


def figure(council_id: str, picture: Picture | None, missing: str) -> str:
    """The Markdown showing ``picture`` (an image with its text alternative), or the
    sentence ``missing`` saying why there is none."""
    if picture is None:
        return f"\n{missing}\n"
    return f"\n![{picture.alt}]({council_id}/{picture.name}.svg)\n"


def _owed(party: Party) -> str:
    return "owed by both parties" if party is Party.BOTH else f"owed by the {party}"


def _words(identifier: str) -> str:
    return identifier.replace("-", " ")


def _clock(spec: CouncilSpec, events: frozenset[str], label: str, name: str) -> Picture | None:
    """Deadlines and obligations running from any of ``events``, in due order."""
    timed: list[tuple[dt.datetime, Moment]] = []
    rules = [d for d in spec.deadlines if d.trigger in events]
    for rule in rules:
        due = evaluate(rule, EXAMPLE_AT, spec.calendars)
        when = due.due_at or dt.datetime.combine(due.due_date, dt.time.max, EXAMPLE_AT.tzinfo)
        urgency = f" ({rule.urgency} referrals)" if rule.urgency else ""
        timed.append(
            (
                when,
                Moment(
                    f"{rule.duration} {rule.direction}{urgency}",
                    f"due {due_text(due)}",
                    rule.title,
                    _owed(rule.owed_by),
                ),
            )
        )
    covered = {r.id for r in rules}
    untimed: list[Moment] = []
    for o in spec.all_obligations():
        if o.trigger in events and o.deadline not in covered:
            untimed.append(Moment("no time limit given", "", o.title, _owed(o.owed_by)))
    if Anchor.PACKAGE.value in events:
        package = Package("example", spec.id, "example", EXAMPLE_AT.date())
        anchored = [o for o in spec.all_obligations() if o.schedule and o.anchor is Anchor.PACKAGE]
        until = EXAMPLE_AT.date() + dt.timedelta(days=400)
        for o in anchored:
            first = obligations_between(
                [o], EXAMPLE_AT.date(), EXAMPLE_AT.date(), until, spec.calendars, [package]
            )
            if first and o.schedule is not None:
                day = first[0].due_date
                timed.append(
                    (
                        dt.datetime.combine(day, dt.time.max, EXAMPLE_AT.tzinfo),
                        Moment(
                            o.schedule.describe(),
                            f"first due {long_date(day)}",
                            o.title,
                            _owed(o.owed_by),
                            repeats=True,
                        ),
                    )
                )
    if not timed and not untimed:
        return None
    moments = [m for _, m in sorted(timed, key=lambda pair: pair[0])] + untimed
    start = f"{label}: example {long_date(EXAMPLE_AT.date())} at {EXAMPLE_AT:%H:%M}"
    alt = f"{spec.name}: {label.lower()}, then " + "; ".join(
        f"{m.what} ({m.offset})" for m in moments
    )
    return Picture(name, alt, timeline(f"{spec.name}: {label}", start, moments))


def referral_clock(spec: CouncilSpec) -> Picture | None:
    """What runs from a referral's receipt."""
    return _clock(spec, frozenset({REFERRAL_RECEIVED}), "A referral is received", "referral")


def placement_clock(spec: CouncilSpec) -> Picture | None:
    """What runs from a package's (placement's) start."""
    return _clock(spec, PLACEMENT_STARTS, "A package or placement starts", "placement")


def _flow(
    spec: CouncilSpec,
    name: str,
    what: str,
    columns: tuple[tuple[str, int], ...],
    rows: list[tuple[str, ...]],
) -> Picture:
    """A flow picture of ``rows`` under ``columns`` (header, width in px)."""
    alt = f"{spec.name}: {what}. " + "; ".join(" → ".join(r) for r in rows)
    headers = tuple(h for h, _ in columns)
    widths = tuple(w for _, w in columns)
    return Picture(name, alt, flow(Flow(f"{spec.name}: {what}", headers, widths, tuple(rows))))


def routes(spec: CouncilSpec) -> Picture | None:
    """Who may refer, by which route, how and when, and the answer's time limit."""
    if not spec.routes:
        return None
    rows: list[tuple[str, ...]] = []
    for route in spec.routes:
        who = ", ".join(sorted(route.referrer_roles | route.organisations | route.teams))
        who = (who or "anyone") + (
            f"; others with the agreement of {route.approver or spec.name}"
            if route.open_roles and route.referrer_roles
            else ""
        )
        how = ", ".join(sorted(route.channels)) or "any channel"
        when = _WHEN[route.when] + (f" ({_words(route.calendar)})" if route.calendar else "")
        answers: list[DeadlineRule | None] = [
            d
            for d in spec.deadlines
            if d.trigger == REFERRAL_RECEIVED and d.service in (None, route.service)
        ]
        for answer in answers or [None]:
            rows.append(
                (
                    who,
                    route.name,
                    f"{how}; {when}",
                    "no time limit given"
                    if answer is None
                    else f"{answer.urgency or 'any'} referral: {answer.duration}",
                )
            )
    return _flow(
        spec,
        "routes",
        "referral routes",
        (("Who may refer", 170), ("Route", 140), ("How and when", 130), ("Answered within", 130)),
        rows,
    )


def _reach(spec: CouncilSpec, step: RouteStep) -> str:
    """Whom a step goes to, how to reach them, by which channel and how fast."""
    contact = next((c for c in spec.contacts if c.id == step.recipient), None)
    who = step.recipient if contact is None else contact.organisation
    if contact is not None:
        how = contact.phone or contact.email or "the text gives no number"
        who = f"{who} ({how})"
    rule = next((d for d in spec.deadlines if d.id == step.deadline), None)
    fast = f"within {rule.duration}" if rule is not None else f"rule {step.deadline}"
    return f"{who}, by {step.channel}, {fast}"


def safeguarding(spec: CouncilSpec) -> Picture | None:
    """Whom to call by concern, area and time of day; the notices of notifiable events."""
    areas = {a.id: a.name for a in spec.areas}
    # Concerns routed alike in an area share one box ("Child; adult at risk").
    alike: dict[tuple[str, tuple[RouteStep, ...]], list[str]] = {}
    for rule in sorted(spec.routing, key=lambda r: (r.concern, r.area or "~")):
        area = areas.get(rule.area, rule.area) if rule.area else "every area"
        alike.setdefault((area, rule.steps), []).append(_words(rule.concern))
    rows: list[tuple[str, ...]] = [
        ("; ".join(concerns).capitalize(), area, _WHEN[step.when], _reach(spec, step))
        for (area, steps), concerns in sorted(alike.items(), key=lambda kv: kv[1])
        for step in steps
    ]
    rows += [
        (f"Event: {event.name}", "every area", _WHEN[step.when], _reach(spec, step))
        for event in spec.notifiable_events
        for step in event.steps
    ]
    if not rows:
        return None
    return _flow(
        spec,
        "safeguarding",
        "safeguarding routing",
        (("Concern or event", 140), ("Area", 110), ("When", 90), ("Who, how, how fast", 222)),
        rows,
    )


def escalation(spec: CouncilSpec) -> Picture | None:
    """The text's escalation steps (deadline rules named for escalation), each with its
    wait."""
    steps = [d for d in spec.deadlines if "escalat" in d.id]
    if not steps:
        return None
    rungs = [Rung(f"{d.duration} {d.direction} {_words(d.trigger)}", d.title) for d in steps]
    start = f"Start: {_words(steps[0].trigger)}"
    alt = f"{spec.name}: escalation ladder. {start}; " + "; then ".join(
        f"{r.wait}: {r.then}" for r in rungs
    )
    return Picture("escalation", alt, ladder(f"{spec.name}: escalation ladder", start, rungs))


def _kpi_bar(k: KpiFigure) -> Bar:
    """A KPI's bar: a ratio against its target, or a count against its minimum (full
    when the minimum is reached; a count with no minimum is shown full, as a number)."""
    title = f"KPI {k.title}, {k.period_label}"
    if k.denominator is None:
        share = 1.0 if not k.minimum else min(1.0, k.numerator / k.minimum)
        good = k.minimum is None or k.numerator >= k.minimum
        least = "" if k.minimum is None else f" (at least {k.minimum})"
        return Bar(title, ((share, GOOD if good else BAD, ""),), f"{k.numerator}{least}", None)
    return Bar(
        title,
        ((float(k.percent or 0) / 100, GOOD if k.meets_target is not False else BAD, ""),),
        f"{k.numerator} of {k.denominator}"
        + ("" if k.percent is None else f" = {k.percent} %")
        + ("" if k.target is None else f" (target {k.target} %)"),
        None if k.target is None else float(k.target) / 100,
    )


def monitoring(registry: Registry, registered: RegisteredCouncil) -> Picture | None:
    """The plugin's example event log monitored under its example contract."""
    from importlib.resources import files

    from childcare_commissioning.cli.contractcmd import example_contract
    from childcare_commissioning.cli.monitorcmd import EXAMPLE_AS_OF
    from childcare_commissioning.monitoring import Monitor, end_of_day, read_events

    spec = registered.spec
    plugin = registry.plugin_manager.get_plugin(registered.entry_point)
    package = getattr(plugin, "__name__", "")
    if spec.monitoring is None or not package:
        return None
    log = files(package).joinpath("examples", "monitoring.jsonl")
    if not log.is_file():
        return None
    monitor = Monitor(
        spec, end_of_day(EXAMPLE_AS_OF), contract=example_contract(registry, registered)
    )
    with log.open(encoding="utf-8") as stream:
        report = monitor.report(monitor.feed_all(read_events(stream)))
    rows = [_kpi_bar(k) for k in report.kpis]
    # An ended duty (its package ended before it fell due) is neither met nor failed.
    colours = {
        "met": GOOD,
        "late": LATE,
        "open": OPEN,
        "ended": OPEN,
        "overdue": BAD,
        "missing": BAD,
    }
    groups: dict[str, Counter[str]] = {}
    for d in report.deadlines:
        groups.setdefault(d.title, Counter())[d.status.value] += 1
    for o in report.obligations:
        groups.setdefault(o.title, Counter())[o.status.value] += 1
    most = max((sum(c.values()) for c in groups.values()), default=1)
    rows += [
        Bar(
            title,
            tuple((n / most, colours[s], f"{n} {s}") for s, n in sorted(counts.items())),
            ", ".join(f"{n} {s}" for s, n in sorted(counts.items())),
        )
        for title, counts in groups.items()
    ]
    if not rows:
        return None
    heading = f"As of {long_date(EXAMPLE_AS_OF)}, under the example contract"
    alt = f"{spec.name}: monitoring on the example log. " + "; ".join(
        f"{r.label}: {r.note}" for r in rows
    )
    legend = [(GOOD, "met / on time"), (LATE, "late"), (OPEN, "open"), (BAD, "overdue / missing")]
    return Picture(
        "monitoring",
        alt,
        bars(f"{spec.name}: monitoring on the example log", heading, rows, legend),
    )


def council_pictures(registry: Registry, registered: RegisteredCouncil) -> list[Picture]:
    """Every picture drawn for ``registered``'s page."""
    spec = registered.spec
    found = [
        referral_clock(spec),
        placement_clock(spec),
        routes(spec),
        safeguarding(spec),
        escalation(spec),
        monitoring(registry, registered),
    ]
    return [p for p in found if p is not None]
