"""The sections of a council's page listing its dated and money rules, duties and terms."""

from __future__ import annotations

import datetime as dt

from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.deadlines import evaluate
from childcare_commissioning.handbook.markdown import (
    NOT_SPECIFIED,
    cell,
    cite,
    due_text,
    long_date,
    md_table,
    noted,
    years,
)
from childcare_commissioning.money import format_gbp
from childcare_commissioning.obligations import obligations_between
from childcare_commissioning.safeguarding import contact_findings


def deadlines(spec: CouncilSpec) -> str:

    example = dt.datetime(2024, 12, 23, 16, 0, tzinfo=dt.UTC)
    rows = []
    for rule in spec.deadlines:
        due = evaluate(rule, example, spec.calendars)
        rows.append(
            (
                noted(f"`{rule.id}`<br>{rule.title}", rule.notes),
                rule.owed_by,
                f"{rule.duration} {rule.direction} {rule.trigger} ({rule.calendar} calendar)",
                due_text(due),
                cite(rule.citation),
            )
        )
    return (
        "\n## Deadlines\n\nThe *example* column applies each rule to an event at 16:00 on "
        "Monday 23 December 2024 (computed when this page was built). A rule's notes are "
        "under its duty.\n\n"
        + md_table(("Rule and duty", "Owed by", "Time limit", "Example", "Source"), rows)
    )


def obligations(spec: CouncilSpec) -> str:

    rows = []
    for o in spec.all_obligations():
        if o.schedule is not None:
            timing = o.schedule.describe()
        elif o.relative_to is not None:
            timing = (
                f"{o.relative_to.offset} {o.relative_to.direction} each {o.relative_to.obligation}"
            )
        else:
            timing = f"on {o.trigger}" + (f" (rule `{o.deadline}`)" if o.deadline else "")
        rows.append((o.title, o.kind, o.owed_by, timing, cite(o.citation)))
    start = dt.date(2025, 4, 1)
    calendar = obligations_between(
        spec.all_obligations(), start, start, dt.date(2026, 3, 31), spec.calendars
    )
    return (
        "\n## Obligations\n\n"
        + md_table(("Obligation", "Kind", "Owed by", "When", "Source"), rows)
        + "\n### Example: the calendar of a contract starting 1 April 2025 (2025/26)\n\n"
        + "1 April 2025 is an example date, not the text's: a real contract's calendar "
        "comes from its own start (`obligations --contract FILE`).\n\n"
        + md_table(
            ("Due", "Obligation", "Owed by"),
            [(long_date(o.due_date), o.title, o.owed_by) for o in calendar],
        )
    )


def workforce(spec: CouncilSpec) -> str:
    rows = [
        (
            r.wording,
            f"`{r.subject}` ({r.kind})",
            str(r.scope) + (" (team: sufficient numbers)" if r.team else ""),
            (f"every {r.refresh}" if r.refresh else "once")
            + (" unless the provider's matrix says otherwise" if r.provider_matrix else ""),
            cite(r.citation),
        )
        for r in spec.workforce
    ]
    return "\n## Workforce requirements\n\n" + md_table(
        ("Requirement", "Subject (kind)", "Who", "Renewal", "Source"), rows
    )


def safeguarding(spec: CouncilSpec) -> str:

    parts = ["\n## Safeguarding contacts and routing\n"]
    parts.append(
        md_table(
            ("Organisation", "Role", "Area", "Phone", "Email", "Source"),
            [
                (
                    c.organisation,
                    c.role,
                    c.area or "all",
                    c.phone or "",
                    c.email or "",
                    cite(c.citation),
                )
                for c in spec.contacts
            ],
        )
    )
    problems = contact_findings(spec.contacts)
    if problems:
        parts.append('\n!!! warning "Contacts given inconsistently or malformed in the text"\n')
        parts += [f"    - {cell(f.message)}" for f in problems]
        parts.append("")
    parts.append("\n### Routing of concerns\n")
    parts.append(
        md_table(
            ("Concern", "Area", "Steps", "Source"),
            [
                (
                    r.concern,
                    r.area or "all",
                    "; ".join(f"{s.recipient} by {s.channel} ({s.deadline})" for s in r.steps),
                    cite(r.citation),
                )
                for r in spec.routing
            ],
        )
    )
    parts.append("\n### Notifiable events\n")
    parts.append(
        md_table(
            ("Event", "Notices", "Source"),
            [
                (
                    e.name,
                    "; ".join(f"{s.recipient} by {s.channel} ({s.deadline})" for s in e.steps),
                    cite(e.citation),
                )
                for e in spec.notifiable_events
            ],
        )
    )
    return "\n".join(parts)


def billing(spec: CouncilSpec) -> str:
    terms = spec.billing
    if terms is None:
        return "\n## Billing\n\n_No billing terms declared._\n"
    rows = [
        (
            "Cycle",
            f"{terms.cycle}" + (" in arrears" if terms.in_arrears else ""),
            cite(terms.citation),
        ),
        (
            "Purchase order on invoices",
            "required" if terms.purchase_order_required else "not required",
            cite(terms.citation),
        ),
    ]
    rows += [
        (
            f"Rate band: {b.name}",
            f"{format_gbp(b.minimum)} to {format_gbp(b.maximum)} per {b.unit}",
            cite(b.citation),
        )
        for b in terms.rate_bands
    ]
    if terms.mileage:
        rows.append(
            (
                "Mileage",
                f"{format_gbp(terms.mileage.per_mile)} per mile"
                + (", agreed in advance" if terms.mileage.requires_agreement else ""),
                cite(terms.mileage.citation),
            )
        )
    if terms.retention:
        retention = terms.retention
        text = f"{retention.percent}% withheld, released {retention.release} on evidence"
        if retention.financial_years:
            text += f"; only in {years(retention.financial_years)}"
        rows.append(("Retention", text, cite(retention.citation)))
    if terms.block_discount:
        rows.append(
            (
                "Block discount",
                (
                    f"{terms.block_discount.percent}%"
                    if terms.block_discount.percent is not None
                    else "a percentage set for each block"
                )
                + f" for {terms.block_discount.minimum_units} or more",
                cite(terms.block_discount.citation),
            )
        )
    rows += [
        (
            f"Budget {b.financial_year} {b.service or ''}".strip(),
            format_gbp(b.amount),
            cite(b.citation),
        )
        for b in terms.budgets
    ]
    notes = f"\n{terms.notes}\n" if terms.notes else ""
    return "\n## Billing terms\n\n" + md_table(("Term", "Value", "Source"), rows) + notes


def outcomes(spec: CouncilSpec) -> str:
    rows = [
        (
            o.objective or "",
            o.outcome,
            "<br>".join(o.measures),
            o.target or NOT_SPECIFIED,
            o.reported or NOT_SPECIFIED,
            cite(o.citation),
        )
        for o in spec.outcomes
    ]
    headers = ("Objective", "Outcome", "Measures / outputs", "Target", "Reported", "Source")
    return "\n## Outcomes and KPIs\n\n" + md_table(headers, rows)


def reference_data(spec: CouncilSpec) -> str:
    if not spec.reference_tables:
        return ""
    parts = ["\n## Reference data\n"]
    for table in spec.reference_tables:
        parts.append(f"\n### {table.title}\n\n{cite(table.citation)}\n")
        parts.append(md_table(table.columns, table.rows))
        if table.notes:
            parts.append(f"\n{table.notes}\n")
    return "\n".join(parts)


def glossary(spec: CouncilSpec) -> str:
    return "\n## Glossary\n\n" + md_table(
        ("Term", "Definition", "Source"),
        [(t.term, t.definition, cite(t.citation)) for t in spec.glossary],
    )


def duties(spec: CouncilSpec) -> str:
    rows = [
        (
            f"{d.title}<br><em>{d.owed_by} → {d.owed_to}"
            + (f"; {d.schedule.describe()}" if d.schedule is not None else "")
            + f"; services: {', '.join(d.services) or 'all'}</em>",
            d.evidence,
            d.question,
            cite(d.citation),
        )
        for d in spec.duties
    ]
    return (
        "\n## Duties: the monitoring checklist\n\n"
        "Duties no date or number decides; `childcare-commissioning duties` exports them "
        "as a checklist (CSV, JSON, Markdown).\n\n"
        + md_table(
            ("Duty (owed by → to; when; services)", "Evidence", "Ask at a visit", "Source"),
            rows,
        )
    )


def computations(spec: CouncilSpec) -> str:
    if not spec.computations:
        return ""
    return "\n## Rules computed in code\n\n" + md_table(
        ("Rule", "Function", "Source"),
        [(c.title, f"`{c.function}`", cite(c.citation)) for c in spec.computations],
    )
