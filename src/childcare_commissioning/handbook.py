"""The policy handbook: Markdown pages generated from the registered council plugins.

:func:`write_handbook` writes plain Markdown (no MkDocs-only machinery), so any static
site generator reading ``mkdocs.yml`` can build it; ``childcare-commissioning docs
generate`` runs it before ``mkdocs build``. Every rule row shows its citation (clause and
quote) and any notes; money and dates go through babel (en_GB). The worked examples are
computed here, at build time, so the pages cannot drift from the code.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from childcare_commissioning import hookspecs
from childcare_commissioning.billing import (
    BillingCycle,
    BillingTerms,
    DeliveryRecord,
    Quotation,
    Rate,
    Release,
    Retention,
    retention_ledger,
    run_invoices,
)
from childcare_commissioning.calendars import working_calendar
from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.deadlines import evaluate
from childcare_commissioning.model import Citation, Package
from childcare_commissioning.money import format_gbp
from childcare_commissioning.obligations import obligations_between
from childcare_commissioning.referrals import REFERRAL_RECEIVED
from childcare_commissioning.register import Entry, EntryStatus, Sentence, coverage, covering
from childcare_commissioning.registry import RegisteredCouncil, Registry
from childcare_commissioning.safeguarding import contact_findings

__all__ = ["COMPARISONS", "MANIFEST", "council_page", "write_handbook"]

NOT_SPECIFIED = "*not specified*"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ").strip() or " "


def _cite(citation: Citation | None) -> str:
    if citation is None:
        return NOT_SPECIFIED
    return f"**{_cell(citation.clause)}** — “{_cell(citation.quote)}”"


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    rows = list(rows)
    if not rows:
        return "_None declared._\n"
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _date(day: dt.date) -> str:
    from babel.dates import format_date

    return str(format_date(day, format="EEE d MMM yyyy", locale="en_GB"))


def _when(deadline: Any) -> str:
    if deadline.due_at is not None:
        local = deadline.due_at
        return f"{_date(local.date())} {local:%H:%M} ({local.tzname()})"
    return f"end of {_date(deadline.due_date)}"


def _overview(registered: RegisteredCouncil) -> str:
    spec = registered.spec
    s = spec.specification
    until = s.effective_to.isoformat() if s.effective_to else "open"
    in_force = f"{s.effective_from.isoformat()} to {until}"
    parts = [
        f"# {spec.name}\n",
        f"{_cite(spec.citation)}\n",
        _table(
            ("About", ""),
            [
                ("Specification", s.title),
                ("Version", s.version),
                ("Used by the library", in_force),
                (
                    "Term the text gives itself",
                    f"{s.term.describe()} — {_cite(s.term.citation)}"
                    if s.term
                    else "The text gives no term: no answer is outside it",
                ),
                ("Commissioners", ", ".join(spec.commissioners) or NOT_SPECIFIED),
                ("Areas", ", ".join(a.name for a in spec.areas) or NOT_SPECIFIED),
                ("Plugin", f"{registered.distribution} {registered.version}"),
            ],
        ),
        "\n## Services\n",
        _table(
            ("Service", "What it is", "Source"),
            [(f"{x.name} (`{x.id}`)", x.summary, _cite(x.citation)) for x in spec.services],
        ),
    ]
    return "\n".join(parts)


def _variables(spec: CouncilSpec) -> str:
    """What a contract let under the text may agree otherwise, each with its clause."""
    rows: list[tuple[str, str, str, str]] = [
        (
            v.kind.value,
            ", ".join(f"`{t}`" for t in sorted(v.targets)) or "the whole contract",
            v.note or "",
            _cite(v.citation),
        )
        for v in spec.variables
    ]
    rows += [
        (
            "refresher",
            f"`{r.subject}`",
            "The provider's training matrix sets the interval.",
            _cite(r.citation),
        )
        for r in spec.workforce
        if r.provider_matrix
    ]
    head = "\n## What a contract may vary\n\n"
    if not rows:
        return (
            head + "No clause lets the parties agree otherwise: every contract works under "
            "the text's own rules (see the handbook's *Contracts* page).\n"
        )
    return (
        head + "A contract (`--contract FILE`, see *Contracts*) may record these; any other "
        "variation is refused, naming the rule.\n\n"
        + _table(("Kind", "What", "Note", "Allowed by"), rows)
    )


def _readings(spec: CouncilSpec) -> str:
    return "\n## Readings chosen where the text is unclear\n\n" + _table(
        ("What is unclear", "What the library does", "Source"),
        [(r.subject, r.reading, _cite(r.citation)) for r in spec.readings],
    )


def _readings_to_confirm(spec: CouncilSpec) -> str:
    """The readings answers rest on, each with the question for the council."""
    asked = [r for r in spec.readings if r.confirm]
    if not asked:
        return ""
    return (
        "\n## Readings to confirm\n\n"
        f"Answers rest on these readings: ask {spec.name} to confirm each, and change the "
        "reading (a new plugin release) where the answer differs.\n\n"
        + _table(
            ("Reading", "Question for the council", "What the library does now", "Source"),
            [(f"`{r.id}`", r.confirm, r.reading, _cite(r.citation)) for r in asked],
        )
    )


def _eligibility(spec: CouncilSpec) -> str:
    parts = ["\n## Eligibility\n\n### Cohorts\n"]
    parts.append(
        _table(
            ("Cohort", "Statuses", "Ages", "Service", "Source", "Notes"),
            [
                (
                    c.name,
                    ", ".join(sorted(c.statuses | c.required_statuses)) or "any",
                    str(c.ages),
                    c.service or "all",
                    _cite(c.citation),
                    c.notes,
                )
                for c in spec.cohorts
            ],
        )
    )
    parts.append("\n### Exclusions and discretion\n")
    parts.append(
        _table(
            ("Excluded", "Effect", "Source"),
            [
                (
                    e.name,
                    f"{e.effect}" + (f" (approval: {e.approver})" if e.approver else ""),
                    _cite(e.citation),
                )
                for e in spec.exclusions
            ],
        )
    )
    parts.append("\n### Limits\n")
    parts.append(
        _table(
            ("Limit", "Maximum", "Review margin", "Source"),
            [
                (x.name, f"{x.maximum} {x.unit}", f"{x.review_margin} {x.unit}", _cite(x.citation))
                for x in spec.limits
            ],
        )
    )
    return "\n".join(parts)


def _referrals(spec: CouncilSpec) -> str:

    parts = ["\n## Referral routes and response times\n"]
    parts.append(
        _table(
            ("Route", "Who may refer", "How", "When", "Source"),
            [
                (
                    r.name,
                    (", ".join(sorted(r.referrer_roles | r.organisations)) or "anyone")
                    + (
                        f"; others with the agreement of {r.approver or spec.name}"
                        if r.open_roles and r.referrer_roles
                        else ""
                    ),
                    (", ".join(sorted(r.channels)) or "any channel")
                    + (
                        f"; confirmed by {' or '.join(sorted(r.confirm.channels))} "
                        f"({_cite(r.confirm.citation)})"
                        if r.confirm
                        else ""
                    ),
                    f"{r.when}" + (f" ({r.calendar})" if r.calendar else ""),
                    _cite(r.citation),
                )
                for r in spec.routes
            ],
        )
    )
    if spec.organisations:
        parts.append("\n### Organisations, by every name they are recorded under\n")
        parts.append(
            _table(
                ("Organisation", "Also recorded as", "Departments (any part is it)", "Source"),
                [
                    (
                        o.name,
                        ", ".join(sorted(o.aliases)) or "-",
                        "; ".join(sorted(o.departments)) or "-",
                        _cite(o.citation),
                    )
                    for o in spec.organisations
                ],
            )
        )
    responses = [d for d in spec.deadlines if d.trigger == REFERRAL_RECEIVED]
    parts.append("\n### Response times\n")
    parts.append(
        _table(
            ("Urgency", "Duty", "Time limit", "Source"),
            [(d.urgency or "any", d.title, str(d.duration), _cite(d.citation)) for d in responses],
        )
    )
    parts.append("\n### What may be requested\n")
    parts.append(
        _table(
            ("Offer", "Source"), [(f"{o.name} (`{o.id}`)", _cite(o.citation)) for o in spec.offers]
        )
    )
    parts.append("\n### Information a referral must contain\n")
    parts.append(
        _table(
            ("Item", "Why", "Source"),
            [(f"`{i.path}`", i.reason, _cite(i.citation)) for i in spec.required_information],
        )
    )
    return "\n".join(parts)


def _deadlines(spec: CouncilSpec) -> str:

    example = dt.datetime(2024, 12, 23, 16, 0, tzinfo=dt.UTC)
    rows = []
    for rule in spec.deadlines:
        due = evaluate(rule, example, spec.calendars)
        rows.append(
            (
                f"`{rule.id}`",
                rule.title,
                rule.owed_by,
                f"{rule.duration} {rule.direction} {rule.trigger}",
                rule.calendar,
                _when(due),
                _cite(rule.citation),
                rule.notes,
            )
        )
    return (
        "\n## Deadlines\n\nThe *example* column applies each rule to an event at 16:00 on "
        "Monday 23 December 2024 (computed when this page was built).\n\n"
        + _table(
            ("Rule", "Duty", "Owed by", "Time limit", "Calendar", "Example", "Source", "Notes"),
            rows,
        )
    )


def _obligations(spec: CouncilSpec) -> str:

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
        rows.append((o.title, o.kind, o.owed_by, timing, _cite(o.citation)))
    start = dt.date(2025, 4, 1)
    calendar = obligations_between(
        spec.all_obligations(), start, start, dt.date(2026, 3, 31), spec.calendars
    )
    return (
        "\n## Obligations\n\n"
        + _table(("Obligation", "Kind", "Owed by", "When", "Source"), rows)
        + "\n### Example: the calendar of a contract starting 1 April 2025 (2025/26)\n\n"
        + "1 April 2025 is an example date, not the text's: a real contract's calendar "
        "comes from its own start (`obligations --contract FILE`).\n\n"
        + _table(
            ("Due", "Obligation", "Owed by"),
            [(_date(o.due_date), o.title, o.owed_by) for o in calendar],
        )
    )


def _workforce(spec: CouncilSpec) -> str:
    rows = [
        (
            r.wording,
            f"`{r.subject}`",
            r.kind,
            str(r.scope) + (" (team: sufficient numbers)" if r.team else ""),
            (f"every {r.refresh}" if r.refresh else "once")
            + (" unless the provider's matrix says otherwise" if r.provider_matrix else ""),
            _cite(r.citation),
        )
        for r in spec.workforce
    ]
    return "\n## Workforce requirements\n\n" + _table(
        ("Requirement", "Subject", "Kind", "Who", "Renewal", "Source"), rows
    )


def _safeguarding(spec: CouncilSpec) -> str:

    parts = ["\n## Safeguarding contacts and routing\n"]
    parts.append(
        _table(
            ("Organisation", "Role", "Area", "Phone", "Email", "Source"),
            [
                (
                    c.organisation,
                    c.role,
                    c.area or "all",
                    c.phone or "",
                    c.email or "",
                    _cite(c.citation),
                )
                for c in spec.contacts
            ],
        )
    )
    problems = contact_findings(spec.contacts)
    if problems:
        parts.append('\n!!! warning "Contacts given inconsistently or malformed in the text"\n')
        parts += [f"    - {_cell(f.message)}" for f in problems]
        parts.append("")
    parts.append("\n### Routing of concerns\n")
    parts.append(
        _table(
            ("Concern", "Area", "Steps", "Source"),
            [
                (
                    r.concern,
                    r.area or "all",
                    "; ".join(f"{s.recipient} by {s.channel} ({s.deadline})" for s in r.steps),
                    _cite(r.citation),
                )
                for r in spec.routing
            ],
        )
    )
    parts.append("\n### Notifiable events\n")
    parts.append(
        _table(
            ("Event", "Notices", "Source"),
            [
                (
                    e.name,
                    "; ".join(f"{s.recipient} by {s.channel} ({s.deadline})" for s in e.steps),
                    _cite(e.citation),
                )
                for e in spec.notifiable_events
            ],
        )
    )
    return "\n".join(parts)


def _billing(spec: CouncilSpec) -> str:
    terms = spec.billing
    if terms is None:
        return "\n## Billing\n\n_No billing terms declared._\n"
    rows = [
        (
            "Cycle",
            f"{terms.cycle}" + (" in arrears" if terms.in_arrears else ""),
            _cite(terms.citation),
        ),
        (
            "Purchase order on invoices",
            "required" if terms.purchase_order_required else "not required",
            _cite(terms.citation),
        ),
    ]
    rows += [
        (
            f"Rate band: {b.name}",
            f"{format_gbp(b.minimum)} to {format_gbp(b.maximum)} per {b.unit}",
            _cite(b.citation),
        )
        for b in terms.rate_bands
    ]
    if terms.mileage:
        rows.append(
            (
                "Mileage",
                f"{format_gbp(terms.mileage.per_mile)} per mile"
                + (", agreed in advance" if terms.mileage.requires_agreement else ""),
                _cite(terms.mileage.citation),
            )
        )
    if terms.retention:
        retention = terms.retention
        text = f"{retention.percent}% withheld, released {retention.release} on evidence"
        if retention.financial_years:
            text += f"; only in {_years(retention.financial_years)}"
        rows.append(("Retention", text, _cite(retention.citation)))
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
                _cite(terms.block_discount.citation),
            )
        )
    rows += [
        (
            f"Budget {b.financial_year} {b.service or ''}".strip(),
            format_gbp(b.amount),
            _cite(b.citation),
        )
        for b in terms.budgets
    ]
    notes = f"\n{terms.notes}\n" if terms.notes else ""
    return "\n## Billing terms\n\n" + _table(("Term", "Value", "Source"), rows) + notes


def _outcomes(spec: CouncilSpec) -> str:
    rows = [
        (
            o.objective or "",
            o.outcome,
            "<br>".join(o.measures),
            o.target or NOT_SPECIFIED,
            o.reported or NOT_SPECIFIED,
            _cite(o.citation),
        )
        for o in spec.outcomes
    ]
    headers = ("Objective", "Outcome", "Measures / outputs", "Target", "Reported", "Source")
    return "\n## Outcomes and KPIs\n\n" + _table(headers, rows)


def _reference_data(spec: CouncilSpec) -> str:
    if not spec.reference_tables:
        return ""
    parts = ["\n## Reference data\n"]
    for table in spec.reference_tables:
        parts.append(f"\n### {table.title}\n\n{_cite(table.citation)}\n")
        parts.append(_table(table.columns, table.rows))
        if table.notes:
            parts.append(f"\n{table.notes}\n")
    return "\n".join(parts)


def _glossary(spec: CouncilSpec) -> str:
    return "\n## Glossary\n\n" + _table(
        ("Term", "Definition", "Source"),
        [(t.term, t.definition, _cite(t.citation)) for t in spec.glossary],
    )


#: Where each kind of rule is listed on a council page (the slug of its heading).
_SECTIONS = {
    "services": "services",
    "readings": "readings-chosen-where-the-text-is-unclear",
    "calendars": "deadlines",
    "cohorts": "cohorts",
    "exclusions": "exclusions-and-discretion",
    "limits": "limits",
    "routes": "referral-routes-and-response-times",
    "offers": "what-may-be-requested",
    "required_information": "information-a-referral-must-contain",
    "deadlines": "deadlines",
    "obligations": "obligations",
    "workforce": "workforce-requirements",
    "contacts": "safeguarding-contacts-and-routing",
    "routing": "routing-of-concerns",
    "notifiable_events": "notifiable-events",
    "billing": "billing-terms",
    "outcomes": "outcomes-and-kpis",
    "reference_tables": "reference-data",
    "glossary": "glossary",
    "duties": "duties-the-monitoring-checklist",
    "computations": "rules-computed-in-code",
    "offer_lists": "what-may-be-requested",
    "area_rules": "eligibility",
    "status_definitions": "eligibility",
}


def _rule_link(rule_id: str) -> str:
    section = _SECTIONS.get(rule_id.split("/", 1)[0], "")
    return f"[`{rule_id}`](#{section})" if section else f"`{rule_id}`"


def _coverage_line(spec: CouncilSpec) -> str:
    if spec.register is None:
        return (
            "**No clause register yet**: this council's text has not been accounted for "
            "sentence by sentence, so what the library leaves out is not listed.\n"
        )
    result = coverage(spec.register)
    counts = ", ".join(f"{n} {status}" for status, n in result.by_status.items())
    return (
        f"**Clause register**: {result.covered} of {result.sentences} sentences of the text "
        f"accounted for ({result.percent:.1f} %), in {len(spec.register.entries)} entries "
        f"({counts}).\n"
    )


def _duties(spec: CouncilSpec) -> str:
    rows = [
        (
            d.title,
            f"{d.owed_by} → {d.owed_to}",
            d.evidence,
            d.question,
            d.schedule.describe() if d.schedule is not None else "",
            ", ".join(d.services) or "all",
            _cite(d.citation),
        )
        for d in spec.duties
    ]
    return (
        "\n## Duties: the monitoring checklist\n\n"
        "Duties no date or number decides; `childcare-commissioning duties` exports them "
        "as a checklist (CSV, JSON, Markdown).\n\n"
        + _table(
            ("Duty", "Owed by → to", "Evidence", "Ask at a visit", "When", "Services", "Source"),
            rows,
        )
    )


def _monitoring(spec: CouncilSpec) -> str:
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
         _cite(r.citation))
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
            _cite(k.citation),
        )
        for k in decl.kpis
    ]
    kpi_outcomes = {k.outcome for k in decl.kpis}
    visit = [(o.outcome, _cite(o.citation)) for o in spec.outcomes if o.id not in kpi_outcomes]
    quarters = "UK financial quarters, Q1 being April to June"
    if decl.year_start_month != 4:
        quarters = f"quarters of a reporting year starting in month {decl.year_start_month}"
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
        + _table(("Starts with", "Done with", "Duty", "Time limit", "Source"), measured)
        + "\n### Obligations measured from events\n\n"
        + _table(("Event", "Obligation"), submissions)
        + "\n### KPIs computed from events\n\n"
        + _table(("KPI", "Numerator / denominator", "Target", "Source"), kpis)
        + "\n### Not measurable from events: evidence at a monitoring visit\n\n"
        + "Outcomes and KPIs no event measures, deadline rules no event completes, and the "
        "duties in the checklist below.\n\n"
        + _table(("Outcome or KPI", "Source"), visit)
        + "\n"
        + _table(("Deadline rule", "Duty"), not_measured)
    )


def _computations(spec: CouncilSpec) -> str:
    if not spec.computations:
        return ""
    return "\n## Rules computed in code\n\n" + _table(
        ("Rule", "Function", "Source"),
        [(c.title, f"`{c.function}`", _cite(c.citation)) for c in spec.computations],
    )


def _entry_text(entry: Entry, sentences: Sequence[Sentence]) -> str:
    if sentences:
        return " ".join(s.text for s in sentences)
    return entry.start + (f" … {entry.end}" if entry.end else "")


def _not_decided(spec: CouncilSpec) -> str:
    head = "\n## What this library does not decide\n\n"
    if spec.register is None:
        return head + _coverage_line(spec)
    rows = []
    for entry, sentences in covering(spec.register):
        if entry.status not in (EntryStatus.DUTY, EntryStatus.NOT_ENCODED):
            continue
        why = (
            entry.reason
            if entry.status is EntryStatus.NOT_ENCODED
            else "a duty for people to perform: checked at monitoring visits, not computed ("
            + ", ".join(_rule_link(r) for r in entry.rules)
            + ")"
        )
        rows.append((entry.clause, _entry_text(entry, sentences), entry.status, why))
    return (
        head + "The text's duties and the passages the library does not encode, with the reason. "
        "Everything else is a rule, a definition or context: see *Clause by clause*.\n\n"
        + _table(("Clause", "Text", "Status", "Why / where"), rows)
    )


def _clause_by_clause(spec: CouncilSpec) -> str:
    head = "\n## Clause by clause\n\n"
    if spec.register is None:
        return head + _coverage_line(spec)
    rows = []
    for number, (entry, sentences) in enumerate(covering(spec.register), start=1):
        carried = ", ".join(_rule_link(r) for r in entry.rules)
        if entry.status is EntryStatus.NOT_ENCODED:
            carried = f"not encoded: {entry.reason}"
        if entry.note:
            carried = f"{carried} ({entry.note})" if carried else entry.note
        rows.append((number, entry.clause, _entry_text(entry, sentences), entry.status, carried))
    return (
        head
        + "The whole text, in order: each entry says what the library does with it.\n\n"
        + _table(("#", "Clause", "Text", "Status", "Carried by"), rows)
    )


def council_page(registered: RegisteredCouncil) -> str:
    """The whole Markdown page for one council."""
    spec = registered.spec
    return "\n".join(
        [
            _overview(registered),
            _coverage_line(spec),
            _not_decided(spec),
            _readings_to_confirm(spec),
            _readings(spec),
            _variables(spec),
            _eligibility(spec),
            _referrals(spec),
            _deadlines(spec),
            _obligations(spec),
            _workforce(spec),
            _safeguarding(spec),
            _billing(spec),
            _outcomes(spec),
            _monitoring(spec),
            _reference_data(spec),
            _glossary(spec),
            _duties(spec),
            _computations(spec),
            _clause_by_clause(spec),
        ]
    )


def _listed(items: Iterable[Any], text: Any) -> str:
    found = [text(x) for x in items]
    return "<br>".join(found) if found else NOT_SPECIFIED


def _named(rules: Iterable[Any], *words: str) -> list[Any]:
    def words_of(rule: Any) -> str:
        return f"{getattr(rule, 'id', '')} {getattr(rule, 'title', '')}".lower()

    return [r for r in rules if any(w in words_of(r) for w in words)]


def _who_refers(spec: CouncilSpec) -> str:
    return _listed(spec.routes, lambda r: f"{r.name} — {_cite(r.citation)}")


def _response_times(spec: CouncilSpec) -> str:
    rules = [d for d in spec.deadlines if d.trigger == "referral-received"]
    return _listed(rules, lambda d: f"{d.urgency or 'any'}: {d.duration} — {_cite(d.citation)}")


def _first_review(spec: CouncilSpec) -> str:
    deadlines = _named(spec.deadlines, "review")
    scheduled = [o for o in _named(spec.obligations, "review") if o.schedule is not None]
    answers = [f"{d.title}: {d.duration} — {_cite(d.citation)}" for d in deadlines]
    answers += [f"{o.title}: {o.schedule.describe()} — {_cite(o.citation)}" for o in scheduled]
    return "<br>".join(answers) or NOT_SPECIFIED


def _dbs(spec: CouncilSpec) -> str:
    def text(rule: Any) -> str:
        every = f"every {rule.refresh}" if rule.refresh else "no recheck interval stated"
        return f"{every} — {_cite(rule.citation)}"

    return _listed([r for r in spec.workforce if "dbs" in r.subject], text)


def _refresher(spec: CouncilSpec) -> str:
    distinct = {
        str(r.refresh): r
        for r in spec.workforce
        if r.kind == "training" and r.refresh and r.subject not in ("supervision", "appraisal")
    }

    def text(rule: Any) -> str:
        matrix = " (unless the provider's matrix says otherwise)" if rule.provider_matrix else ""
        return f"{rule.refresh}{matrix} — {_cite(rule.citation)}"

    return _listed(distinct.values(), text)


def _rates(spec: CouncilSpec) -> str:
    terms = spec.billing
    if terms is None:
        return NOT_SPECIFIED
    parts = [
        f"{format_gbp(b.minimum)}-{format_gbp(b.maximum)} per {b.unit} — {_cite(b.citation)}"
        for b in terms.rate_bands
    ]
    if terms.mileage is not None:
        parts.append(f"mileage {format_gbp(terms.mileage.per_mile)} per mile")
    return "<br>".join(parts) or NOT_SPECIFIED


def _retention(spec: CouncilSpec) -> str:
    if spec.billing is None or spec.billing.retention is None:
        return NOT_SPECIFIED
    retention = spec.billing.retention
    years = f" ({_years(retention.financial_years)})" if retention.financial_years else ""
    return f"{retention.percent}%{years} — {_cite(retention.citation)}"


def _years(labels: frozenset[str]) -> str:
    """Financial years in order: "2018/19, 2019/20, 2020/21"."""
    return ", ".join(sorted(labels))


def _notice(spec: CouncilSpec) -> str:
    return _listed(
        _named(spec.deadlines, "notice"),
        lambda d: f"{d.title}: {d.duration} {d.direction} {d.trigger} — {_cite(d.citation)}",
    )


#: The cross-council questions and how each is answered from a council's declaration.
COMPARISONS: tuple[tuple[str, Any], ...] = (
    ("Who may refer?", _who_refers),
    ("Response times", _response_times),
    ("First review", _first_review),
    ("DBS recheck", _dbs),
    ("Refresher interval", _refresher),
    ("Rates and mileage", _rates),
    ("Retention", _retention),
    ("Notice periods", _notice),
)


def _comparison(councils: Sequence[RegisteredCouncil]) -> str:
    lines = [
        "# Councils side by side\n",
        "Each row answers one question for every installed council, with the clause the "
        f"answer comes from. {NOT_SPECIFIED} means the text does not say.\n",
    ]
    for question, answer in COMPARISONS:
        lines.append(f"\n## {question}\n")
        lines.append(_table(("Council", "Answer"), [(c.name, answer(c.spec)) for c in councils]))
    return "\n".join(lines)


def _merged_glossary(councils: Sequence[RegisteredCouncil]) -> str:
    terms: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for council in councils:
        for term in council.spec.glossary:
            terms[term.term.casefold()].append((council.name, term))
    lines = [
        "# Glossary\n",
        "Terms as each council defines them; where councils differ, every definition is shown.\n",
    ]
    for key in sorted(terms):
        entries = terms[key]
        lines.append(f"\n## {entries[0][1].term}\n")
        if len({e[1].definition for e in entries}) > 1:
            lines.append('!!! note "Defined differently by different councils"\n')
        lines.append(
            _table(
                ("Council", "Definition", "Source"),
                [(name, t.definition, _cite(t.citation)) for name, t in entries],
            )
        )
    return "\n".join(lines)


def _hooks() -> str:

    lines = [
        "# Plugin hooks\n",
        "Rendered from `childcare_commissioning/hookspecs.py`; each hook's docstring is its "
        "reference.\n",
    ]
    for name, function in inspect.getmembers(hookspecs, inspect.isfunction):
        if not name.startswith("childcare_commissioning_"):
            continue
        lines.append(f"\n## `{name}{inspect.signature(function)}`\n")
        lines.append(inspect.cleandoc(function.__doc__ or "UNDOCUMENTED") + "\n")
    return "\n".join(lines)


def _examples() -> str:
    """Worked examples computed at build time."""

    calendar = working_calendar("england-and-wales")
    start = dt.date(2024, 12, 20)
    due = calendar.add(start, 3)
    cite = Citation(
        "stoke",
        "6.1 Service delivery budget",
        "5% (£4500) of the budget for 2018/19 will be withheld",
    )
    terms = BillingTerms(
        BillingCycle.FINANCIAL_QUARTERS,
        Citation("stoke", "6.2 Payments", "Payments will be made quarterly in arrears"),
        retention=Retention(Decimal(5), Release.NEXT_FINANCIAL_YEAR_Q1, cite),
    )
    package = Package("core", "example", "service", dt.date(2018, 7, 1), dt.date(2019, 3, 31))
    records = [
        DeliveryRecord(f"Q{i}", "core", day, hours=Decimal(300))
        for i, day in enumerate((dt.date(2018, 8, 1), dt.date(2018, 11, 1), dt.date(2019, 2, 1)))
    ]
    run = run_invoices(
        "example",
        terms,
        [package],
        [Quotation("core", (Rate(Decimal(100), dt.date(2018, 7, 1)),))],
        [],
        records,
        dt.date(2019, 4, 1),
    )
    ledger = retention_ledger(run.invoices, terms.retention, {"2018/19": dt.date(2019, 5, 15)})  # type: ignore[arg-type]
    rows = [
        (
            f"{_date(i.period.start)} to {_date(i.period.end)}",
            format_gbp(i.net),
            format_gbp(i.withheld),
            format_gbp(i.payable),
        )
        for i in run.invoices
    ]
    return "\n".join(
        [
            "# Worked examples\n",
            "Computed by the library when this page was built, so the figures cannot drift "
            "from the code.\n",
            "## Three working days over Christmas\n",
            f"From {_date(start)}: day 1 is the first working day after the event; 25 and 26 "
            f"December are bank holidays. The third working day is **{_date(due)}**.\n",
            "## Quarterly payments with 5% retention (Stoke 2018/19)\n",
            _table(("Quarter", "Net", "Withheld", "Paid"), rows),
            f"\nWithheld in all: **{format_gbp(ledger.withheld)}**, released from "
            f"{_date(ledger.years[0].release_from)} (quarter 1 of 2019/20) on evidence; with "
            "evidence on 15 May 2019 it is released that day. "
            f"Billed {format_gbp(ledger.billed)} = paid {format_gbp(ledger.paid)} + withheld "
            f"{format_gbp(ledger.withheld)}.\n",
        ]
    )


def write_handbook(
    registry: Registry,
    out: Path,
    force: bool = False,
    inputs: Sequence[Path] = (),
    extra: Mapping[str, str | bytes] | None = None,
) -> list[Path]:
    """Write every generated page under ``out`` and return their paths.

    Pages go through :class:`~childcare_commissioning.safefiles.OutputFiles`: a file the
    last run did not write (listed in :data:`MANIFEST`) is replaced only with ``force``,
    none of ``inputs`` is ever written, and the only files removed are pages an earlier
    run wrote that this run does not (a council no longer installed). ``extra`` are more
    pages (relative path: content) written with them, under the same manifest."""
    councils = list(registry.councils())
    pages: dict[str, str] = {
        "councils/index.md": "# Councils\n\n"
        + _table(
            ("Council", "Service", "Plugin"),
            [
                (
                    f"[{c.name}]({c.id}.md)",
                    ", ".join(s.name for s in c.spec.services),
                    f"{c.distribution} {c.version}",
                )
                for c in councils
            ],
        ),
        "compare.md": _comparison(councils),
        "glossary.md": _merged_glossary(councils),
        "hooks.md": _hooks(),
        "examples.md": _examples(),
    }
    pages["schemas.md"] = _schemas()
    for council in councils:
        pages[f"councils/{council.id}.md"] = council_page(council)
    from childcare_commissioning.safefiles import write_folder

    files: dict[str, str | bytes] = {**pages, **(extra or {})}
    return write_folder(files, out, manifest=MANIFEST, force=force, inputs=inputs, option="--out")


MANIFEST = ".childcare-commissioning-pages.json"
"""The file, in the pages' folder, listing the pages the last run wrote there: the only
files a later run replaces without ``force`` or removes."""


def _schemas() -> str:
    """The input documents and their JSON Schemas (generated from the models)."""
    from childcare_commissioning.schemas import DOCUMENTS, shipped_schema

    parts = [
        "# Input documents\n",
        "Every document the command line reads has a JSON Schema generated from the library's "
        "models and shipped with the package. Print one with "
        "`childcare-commissioning schema DOCUMENT`; list the ids a council declares (routes, "
        "triggers, events, training subjects) with `childcare-commissioning ids KIND "
        "--council ID`. Rules between fields (an end not before its start) are checked when "
        "a document is read and reported by JSON path.\n",
        _table(
            ("Document", "What", "Read by"),
            [(f"[`{d.name}`](#{d.name})", d.title, f"`{d.read_by}`") for d in DOCUMENTS.values()],
        ),
    ]
    for document in DOCUMENTS.values():
        parts.append(
            f"## {document.name} {{#{document.name}}}\n\n{document.title}; read by "
            f"`{document.read_by}`.\n\n```json\n{shipped_schema(document.name)}```\n"
        )
    return "\n".join(parts)
