"""What this library does not decide, the coverage summary, and the clause-by-clause walk.

Each council page states how much of its text the clause register accounts for and the
text in three numbers (:func:`coverage_line`), lists every operational sentence not
computed: the checklist duties and the passages not encoded with the reason
(:func:`not_decided`), and walks the whole text in order (:func:`clause_by_clause`).
"""

from __future__ import annotations

from collections.abc import Sequence

from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.handbook.markdown import (
    md_table,
)
from childcare_commissioning.register import (
    Entry,
    EntryStatus,
    Sentence,
    coverage,
    covering,
    summarise,
)

#: Where each kind of rule is listed on a council page (the slug of its heading).
SECTIONS = {
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


def rule_link(rule_id: str) -> str:
    section = SECTIONS.get(rule_id.split("/", 1)[0], "")
    return f"[`{rule_id}`](#{section})" if section else f"`{rule_id}`"


def coverage_line(spec: CouncilSpec) -> str:
    if spec.register is None:
        return (
            "**No clause register yet**: this council's text has not been accounted for "
            "sentence by sentence, so what the library leaves out is not listed.\n"
        )
    result = coverage(spec.register)
    three = summarise(spec.register)
    counts = ", ".join(f"{n} {status}" for status, n in result.by_status.items())
    return (
        f"**Clause register**: {result.covered} of {result.sentences} sentences of the text "
        f"(list items and table cells included) accounted for ({result.percent:.1f} %), in "
        f"{len(spec.register.entries)} entries ({counts}).\n\n"
        f"**The text in three numbers**: {three.computed} sentences computed (a deadline, "
        f"a dated obligation, a cohort, a requirement, a KPI... decides them); "
        f"{three.checklist} on the monitoring checklist (a person checks them, with the "
        f"evidence asked for); {three.not_decided} not decided, each with its reason; plus "
        f"{three.context} of context and definitions.\n"
    )


def entry_text(entry: Entry, sentences: Sequence[Sentence]) -> str:
    if sentences:
        return " ".join(s.text for s in sentences)
    return entry.start + (f" … {entry.end}" if entry.end else "")


def not_decided(spec: CouncilSpec) -> str:
    head = "\n## What this library does not decide\n\n"
    if spec.register is None:
        return head + coverage_line(spec)
    rows = []
    for entry, sentences in covering(spec.register):
        if entry.status not in (EntryStatus.DUTY, EntryStatus.NOT_ENCODED):
            continue
        why = (
            entry.reason
            if entry.status is EntryStatus.NOT_ENCODED
            else "a duty for people to perform: checked at monitoring visits, not computed ("
            + ", ".join(rule_link(r) for r in entry.rules)
            + ")"
        )
        rows.append((entry.clause, entry_text(entry, sentences), entry.status, why))
    return (
        head + "Every operational sentence the library does not compute: the duties on the "
        "monitoring checklist (outcomes with the evidence asked for, obligations with a "
        "trigger and no time) and the passages not encoded, with the reason. Everything "
        "else is computed, a definition or context: see *Clause by clause*.\n\n"
        + md_table(("Clause", "Text", "Status", "Why / where"), rows)
    )


def clause_by_clause(spec: CouncilSpec) -> str:
    head = "\n## Clause by clause\n\n"
    if spec.register is None:
        return head + coverage_line(spec)
    rows = []
    for number, (entry, sentences) in enumerate(covering(spec.register), start=1):
        carried = ", ".join(rule_link(r) for r in entry.rules)
        if entry.status is EntryStatus.NOT_ENCODED:
            carried = f"not encoded: {entry.reason}"
        if entry.note:
            carried = f"{carried} ({entry.note})" if carried else entry.note
        rows.append((number, entry.clause, entry_text(entry, sentences), entry.status, carried))
    return (
        head
        + "The whole text, in order: each entry says what the library does with it.\n\n"
        + md_table(("#", "Clause", "Text", "Status", "Carried by"), rows)
    )
