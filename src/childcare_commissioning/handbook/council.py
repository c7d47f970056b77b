"""A council's page: its overview, readings, variations, eligibility and referrals, and
:func:`council_page`, which puts every section in order."""

from __future__ import annotations

from collections.abc import Sequence

from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.handbook.markdown import (
    NOT_SPECIFIED,
    cite,
    md_table,
)
from childcare_commissioning.handbook.monitoring import monitoring
from childcare_commissioning.handbook.not_decided import (
    clause_by_clause,
    coverage_line,
    not_decided,
)
from childcare_commissioning.handbook.pictures import Picture, council_pictures, figure
from childcare_commissioning.handbook.rules import (
    billing,
    computations,
    deadlines,
    duties,
    glossary,
    obligations,
    outcomes,
    reference_data,
    safeguarding,
    workforce,
)
from childcare_commissioning.referrals import REFERRAL_RECEIVED
from childcare_commissioning.registry import RegisteredCouncil, get_registry


def overview(registered: RegisteredCouncil) -> str:
    spec = registered.spec
    s = spec.specification
    until = s.effective_to.isoformat() if s.effective_to else "open"
    in_force = f"{s.effective_from.isoformat()} to {until}"
    parts = [
        f"# {spec.name}\n",
        f"{cite(spec.citation)}\n",
        f"For a contract manager: **[what to check this month]({registered.id}-this-month.md)**"
        " (one page).\n",
        md_table(
            ("About", ""),
            [
                ("Specification", s.title),
                ("Version", s.version),
                ("Used by the library", in_force),
                (
                    "Term the text gives itself",
                    f"{s.term.describe()} — {cite(s.term.citation)}"
                    if s.term
                    else "The text gives no term: no answer is outside it",
                ),
                ("Commissioners", ", ".join(spec.commissioners) or NOT_SPECIFIED),
                ("Areas", ", ".join(a.name for a in spec.areas) or NOT_SPECIFIED),
                ("Plugin", f"{registered.distribution} {registered.version}"),
            ],
        ),
        "\n## Services\n",
        md_table(
            ("Service", "What it is", "Source"),
            [(f"{x.name} (`{x.id}`)", x.summary, cite(x.citation)) for x in spec.services],
        ),
    ]
    return "\n".join(parts)


def variables(spec: CouncilSpec) -> str:
    """What a contract let under the text may agree otherwise, each with its clause."""
    rows: list[tuple[str, str, str, str]] = [
        (
            v.kind.value,
            ", ".join(f"`{t}`" for t in sorted(v.targets)) or "the whole contract",
            v.note or "",
            cite(v.citation),
        )
        for v in spec.variables
    ]
    rows += [
        (
            "refresher",
            f"`{r.subject}`",
            "The provider's training matrix sets the interval.",
            cite(r.citation),
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
        + md_table(("Kind", "What", "Note", "Allowed by"), rows)
    )


def readings(spec: CouncilSpec) -> str:
    return "\n## Readings chosen where the text is unclear\n\n" + md_table(
        ("What is unclear", "What the library does", "Source"),
        [(r.subject, r.reading, cite(r.citation)) for r in spec.readings],
    )


def readings_to_confirm(spec: CouncilSpec) -> str:
    """The readings answers rest on, each with the question for the council."""
    asked = [r for r in spec.readings if r.confirm]
    if not asked:
        return ""
    return (
        "\n## Readings to confirm\n\n"
        f"Answers rest on these readings: ask {spec.name} to confirm each, and change the "
        "reading (a new plugin release) where the answer differs.\n\n"
        + md_table(
            ("Reading", "Question for the council", "What the library does now", "Source"),
            [(f"`{r.id}`", r.confirm, r.reading, cite(r.citation)) for r in asked],
        )
    )


def eligibility(spec: CouncilSpec) -> str:
    parts = ["\n## Eligibility\n\n### Cohorts\n"]
    parts.append(
        md_table(
            ("Cohort", "Statuses", "Ages", "Service", "Source", "Notes"),
            [
                (
                    c.name,
                    ", ".join(sorted(c.statuses | c.required_statuses)) or "any",
                    str(c.ages),
                    c.service or "all",
                    cite(c.citation),
                    c.notes,
                )
                for c in spec.cohorts
            ],
        )
    )
    parts.append("\n### Exclusions and discretion\n")
    parts.append(
        md_table(
            ("Excluded", "Effect", "Source"),
            [
                (
                    e.name,
                    f"{e.effect}" + (f" (approval: {e.approver})" if e.approver else ""),
                    cite(e.citation),
                )
                for e in spec.exclusions
            ],
        )
    )
    parts.append("\n### Limits\n")
    parts.append(
        md_table(
            ("Limit", "Maximum", "Review margin", "Source"),
            [
                (x.name, f"{x.maximum} {x.unit}", f"{x.review_margin} {x.unit}", cite(x.citation))
                for x in spec.limits
            ],
        )
    )
    return "\n".join(parts)


def referrals(spec: CouncilSpec) -> str:

    parts = ["\n## Referral routes and response times\n"]
    parts.append(
        md_table(
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
                        f"({cite(r.confirm.citation)})"
                        if r.confirm
                        else ""
                    ),
                    f"{r.when}" + (f" ({r.calendar})" if r.calendar else ""),
                    cite(r.citation),
                )
                for r in spec.routes
            ],
        )
    )
    if spec.organisations:
        parts.append("\n### Organisations, by every name they are recorded under\n")
        parts.append(
            md_table(
                ("Organisation", "Also recorded as", "Departments (any part is it)", "Source"),
                [
                    (
                        o.name,
                        ", ".join(sorted(o.aliases)) or "-",
                        "; ".join(sorted(o.departments)) or "-",
                        cite(o.citation),
                    )
                    for o in spec.organisations
                ],
            )
        )
    responses = [d for d in spec.deadlines if d.trigger == REFERRAL_RECEIVED]
    parts.append("\n### Response times\n")
    parts.append(
        md_table(
            ("Urgency", "Duty", "Time limit", "Source"),
            [(d.urgency or "any", d.title, str(d.duration), cite(d.citation)) for d in responses],
        )
    )
    parts.append("\n### What may be requested\n")
    parts.append(
        md_table(
            ("Offer", "Source"), [(f"{o.name} (`{o.id}`)", cite(o.citation)) for o in spec.offers]
        )
    )
    parts.append("\n### Information a referral must contain\n")
    parts.append(
        md_table(
            ("Item", "Why", "Source"),
            [(f"`{i.path}`", i.reason, cite(i.citation)) for i in spec.required_information],
        )
    )
    return "\n".join(parts)


def council_page(registered: RegisteredCouncil, pictures: Sequence[Picture] | None = None) -> str:
    """The whole Markdown page for one council, showing ``pictures`` (by default the
    ones :func:`~childcare_commissioning.handbook.pictures.council_pictures` draws) at
    the head of their sections; the image files are written beside the page, in a folder
    named for the council, by
    :func:`~childcare_commissioning.handbook.pages.write_handbook`."""
    spec = registered.spec
    if pictures is None:
        pictures = council_pictures(get_registry(), registered)
    page = "\n".join(
        [
            overview(registered),
            coverage_line(spec),
            not_decided(spec),
            readings_to_confirm(spec),
            readings(spec),
            variables(spec),
            eligibility(spec),
            referrals(spec),
            deadlines(spec),
            obligations(spec),
            workforce(spec),
            safeguarding(spec),
            billing(spec),
            outcomes(spec),
            monitoring(spec),
            reference_data(spec),
            glossary(spec),
            duties(spec),
            computations(spec),
            clause_by_clause(spec),
        ]
    )
    for heading, figures in _figures(spec.id, {p.name: p for p in pictures}).items():
        page = page.replace(heading, heading + figures, 1)
    return page


def _figures(council_id: str, drawn: dict[str, Picture]) -> dict[str, str]:
    """The pictures (or the sentence saying why there is none) under each heading."""
    return {
        "\n## Referral routes and response times\n": figure(
            council_id, drawn.get("routes"), "_The text declares no referral route._"
        ),
        "\n## Deadlines\n": figure(
            council_id,
            drawn.get("referral"),
            "_No deadline or obligation runs from a referral's receipt._",
        )
        + figure(
            council_id,
            drawn.get("placement"),
            "_No deadline or obligation runs from a package's or placement's start._",
        )
        + figure(
            council_id,
            drawn.get("escalation"),
            "_The text sets no escalation ladder (no deadline rule is named for escalation)._",
        ),
        "\n## Safeguarding contacts and routing\n": figure(
            council_id,
            drawn.get("safeguarding"),
            "_The text routes no safeguarding concern and names no notifiable event._",
        ),
        "\n## Monitoring this contract\n": figure(
            council_id,
            drawn.get("monitoring"),
            "_No picture: the plugin bundles no example event log to monitor, or the "
            "council declares nothing to measure from events._",
        ),
    }
