"""The council page's *Monitoring this contract*: what events measure, and what stays for
a visit."""

from __future__ import annotations

from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.handbook.markdown import (
    cite,
    md_table,
)


def monitoring(spec: CouncilSpec) -> str:
    """What can be measured from a case record system's events, and what stays for a
    visit."""
    head = "\n## Monitoring this contract\n\n"
    decl = spec.monitoring
    if decl is None:
        return (
            head + "This council declares nothing to monitor from events yet: every duty "
            "below is checked at a monitoring visit.\n"
        )
    completes = {c.rule: c.kind for c in decl.completions}
    measured = [
        (f"`{r.trigger}`", f"`{completes[r.id]}`", r.title, f"{r.duration} {r.direction}",
         cite(r.citation))
        for r in spec.deadlines
        if r.id in completes
    ]  # fmt: skip
    not_measured = [(f"`{r.id}`", r.title) for r in spec.deadlines if r.id not in completes]
    submissions = [(f"`{s.kind}`", s.obligation) for s in decl.submissions]
    kpis = [
        (
            k.title,
            k.numerator.describe()
            + ("" if k.denominator is None else f" / {k.denominator.describe()}"),
            f"{k.target} %"
            if k.target is not None
            else (f"at least {k.minimum}" if k.minimum is not None else ""),
            cite(k.citation),
        )
        for k in decl.kpis
    ]
    kpi_outcomes = {k.outcome for k in decl.kpis}
    evidence = dict(decl.evidence)
    visit = [
        (o.outcome, evidence.get(o.id, "*not said*"), cite(o.citation))
        for o in spec.outcomes
        if o.id not in kpi_outcomes
    ]
    quarters = "UK financial quarters, Q1 being April to June"
    if decl.year_start_month != 4:
        quarters = f"quarters of a reporting year starting in month {decl.year_start_month}"
    other = sorted({k.period.value for k in decl.kpis} - {"quarter"})
    if other:
        quarters += "; or, where a KPI says so, " + ", ".join(
            {"year": "years of the contract", "half": "half-years of the contract",
             "reporting-year": "reporting years"}[p]
            for p in other
        )  # fmt: skip
    return (
        head
        + "`childcare-commissioning monitor EVENTS --council "
        + spec.id
        + " --as-of DATE` reads a case record system's events (JSON Lines or CSV: `case`, "
        "`kind`, `at`, optional `actor`, `reference`, `urgency`, `service`) and says, for "
        "each deadline below, whether it was met, late (by how much), open or overdue; "
        "which dated obligations were submitted on time, late or are missing; and each "
        f"KPI per reporting period ({quarters}) with the cases behind it. Cases open with "
        + (", ".join(f"`{k}`" for k in decl.opening) or "*no declared event*")
        + ".\n\n### Deadlines measured from events\n\n"
        + md_table(("Starts with", "Done with", "Duty", "Time limit", "Source"), measured)
        + "\n### Obligations measured from events\n\n"
        + md_table(("Event", "Obligation"), submissions)
        + "\n### KPIs computed from events\n\n"
        + md_table(("KPI", "Numerator / denominator", "Target", "Source"), kpis)
        + "\n### Not measurable from events: evidence at a monitoring visit\n\n"
        + "Outcomes and KPIs no event measures, deadline rules no event completes, and the "
        "duties in the checklist below.\n\n"
        + md_table(("Outcome or KPI", "Evidenced by", "Source"), visit)
        + "\n"
        + md_table(("Deadline rule", "Duty"), not_measured)
    )
