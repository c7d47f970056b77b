"""*Councils side by side*: one question answered for every installed council."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.handbook.markdown import (
    NOT_SPECIFIED,
    cite,
    md_table,
    years,
)
from childcare_commissioning.money import format_gbp
from childcare_commissioning.registry import RegisteredCouncil


def _listed(items: Iterable[Any], text: Any) -> str:
    found = [text(x) for x in items]
    return "<br>".join(found) if found else NOT_SPECIFIED


def _named(rules: Iterable[Any], *words: str) -> list[Any]:
    def words_of(rule: Any) -> str:
        return f"{getattr(rule, 'id', '')} {getattr(rule, 'title', '')}".lower()

    return [r for r in rules if any(w in words_of(r) for w in words)]


def _who_refers(spec: CouncilSpec) -> str:
    return _listed(spec.routes, lambda r: f"{r.name} — {cite(r.citation)}")


def _response_times(spec: CouncilSpec) -> str:
    rules = [d for d in spec.deadlines if d.trigger == "referral-received"]
    return _listed(rules, lambda d: f"{d.urgency or 'any'}: {d.duration} — {cite(d.citation)}")


def _first_review(spec: CouncilSpec) -> str:
    deadlines = _named(spec.deadlines, "review")
    scheduled = [o for o in _named(spec.obligations, "review") if o.schedule is not None]
    answers = [f"{d.title}: {d.duration} — {cite(d.citation)}" for d in deadlines]
    answers += [f"{o.title}: {o.schedule.describe()} — {cite(o.citation)}" for o in scheduled]
    return "<br>".join(answers) or NOT_SPECIFIED


def _dbs(spec: CouncilSpec) -> str:
    def text(rule: Any) -> str:
        every = f"every {rule.refresh}" if rule.refresh else "no recheck interval stated"
        return f"{every} — {cite(rule.citation)}"

    return _listed([r for r in spec.workforce if "dbs" in r.subject], text)


def _refresher(spec: CouncilSpec) -> str:
    distinct = {
        str(r.refresh): r
        for r in spec.workforce
        if r.kind == "training" and r.refresh and r.subject not in ("supervision", "appraisal")
    }

    def text(rule: Any) -> str:
        matrix = " (unless the provider's matrix says otherwise)" if rule.provider_matrix else ""
        return f"{rule.refresh}{matrix} — {cite(rule.citation)}"

    return _listed(distinct.values(), text)


def _rates(spec: CouncilSpec) -> str:
    terms = spec.billing
    if terms is None:
        return NOT_SPECIFIED
    parts = [
        f"{format_gbp(b.minimum)}-{format_gbp(b.maximum)} per {b.unit} — {cite(b.citation)}"
        for b in terms.rate_bands
    ]
    if terms.mileage is not None:
        parts.append(f"mileage {format_gbp(terms.mileage.per_mile)} per mile")
    return "<br>".join(parts) or NOT_SPECIFIED


def _retention(spec: CouncilSpec) -> str:
    if spec.billing is None or spec.billing.retention is None:
        return NOT_SPECIFIED
    retention = spec.billing.retention
    during = f" ({years(retention.financial_years)})" if retention.financial_years else ""
    return f"{retention.percent}%{during} — {cite(retention.citation)}"


def _notice(spec: CouncilSpec) -> str:
    return _listed(
        _named(spec.deadlines, "notice"),
        lambda d: f"{d.title}: {d.duration} {d.direction} {d.trigger} — {cite(d.citation)}",
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


def comparison(councils: Sequence[RegisteredCouncil]) -> str:
    lines = [
        "# Councils side by side\n",
        "Each row answers one question for every installed council, with the clause the "
        f"answer comes from. {NOT_SPECIFIED} means the text does not say.\n",
    ]
    for question, answer in COMPARISONS:
        lines.append(f"\n## {question}\n")
        lines.append(md_table(("Council", "Answer"), [(c.name, answer(c.spec)) for c in councils]))
    return "\n".join(lines)
