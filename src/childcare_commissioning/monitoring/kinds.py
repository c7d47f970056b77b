"""The event kinds a council's monitoring reads, and what each does: the events its duties
and KPIs need (``childcare-commissioning ids monitor-events``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from childcare_commissioning.monitoring.model import Monitoring

if TYPE_CHECKING:
    from childcare_commissioning.council import CouncilSpec

__all__ = ["event_kinds"]


def event_kinds(spec: CouncilSpec, monitoring: Monitoring | None = None) -> list[tuple[str, str]]:
    """Every event kind ``monitoring`` (the council's, by default) reads, with what it does:
    the events a council's duties and KPIs need (``ids monitor-events``), sorted by kind."""
    decl = monitoring or spec.monitoring or Monitoring()
    uses: dict[str, list[str]] = {}

    def add(kind: str, use: str) -> None:
        if use not in uses.setdefault(kind, []):
            uses[kind].append(use)

    for kind in decl.opening:
        add(kind, "opens a case")
    tracked = {c.rule for c in decl.completions}
    for rule in spec.deadlines:
        if rule.id in tracked:
            add(rule.trigger, f"starts {rule.id}")
    for completion in decl.completions:
        add(completion.kind, f"completes {completion.rule}")
    for escalation in decl.escalations:
        add(escalation.kind, f"takes the step {escalation.id}")
    for submission in decl.submissions:
        add(submission.kind, f"submits {submission.obligation}")
    for gate in decl.gates:
        add(gate.requires, f"is required before {gate.before} ({gate.id})")
        add(gate.before, f"needs {gate.requires} first ({gate.id})")
    for ending in decl.endings:
        add(ending.kind, "ends the package")
    for kind in decl.package_starts:
        add(kind, "starts a package")
    for kpi in decl.kpis:
        for count in (kpi.numerator, kpi.denominator):
            if count is None:
                continue
            narrowed = count._narrowed("")
            if count.event is not None:
                add(count.event, f"counted by KPI {kpi.id}{narrowed}")
            if count.span is not None:
                add(count.span[0], f"starts a span KPI {kpi.id} counts")
                ends = narrowed if count.ended else ""
                add(count.span[1], f"ends a span KPI {kpi.id} counts{ends}")
    for kind in decl.kinds:
        add(kind, "recorded (no rule names it)")
    for mine, theirs in decl.aliases:
        add(mine, f"read as {theirs}")
    return [(kind, "; ".join(found)) for kind, found in sorted(uses.items())]
