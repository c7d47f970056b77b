"""The pages besides the council pages, and :func:`write_handbook`, which writes them all."""

from __future__ import annotations

import datetime as dt
import inspect
from collections import defaultdict
from collections.abc import Mapping, Sequence
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
from childcare_commissioning.handbook.compare import comparison
from childcare_commissioning.handbook.council import (
    council_page,
)
from childcare_commissioning.handbook.markdown import (
    cite,
    long_date,
    md_table,
)
from childcare_commissioning.handbook.pictures import council_pictures
from childcare_commissioning.handbook.this_month import this_month
from childcare_commissioning.model import Citation, Package
from childcare_commissioning.money import format_gbp
from childcare_commissioning.registry import RegisteredCouncil, Registry


def merged_glossary(councils: Sequence[RegisteredCouncil]) -> str:
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
            md_table(
                ("Council", "Definition", "Source"),
                [(name, t.definition, cite(t.citation)) for name, t in entries],
            )
        )
    return "\n".join(lines)


def hooks() -> str:

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


def examples() -> str:
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
            f"{long_date(i.period.start)} to {long_date(i.period.end)}",
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
            f"From {long_date(start)}: day 1 is the first working day after the event; 25 and 26 "
            f"December are bank holidays. The third working day is **{long_date(due)}**.\n",
            "## Quarterly payments with 5% retention (Stoke 2018/19)\n",
            md_table(("Quarter", "Net", "Withheld", "Paid"), rows),
            f"\nWithheld in all: **{format_gbp(ledger.withheld)}**, released from "
            f"{long_date(ledger.years[0].release_from)} (quarter 1 of 2019/20) on evidence; with "
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
        + md_table(
            ("Council", "What to check this month", "Service", "Plugin"),
            [
                (
                    f"[{c.name}]({c.id}.md)",
                    f"[one page]({c.id}-this-month.md)",
                    ", ".join(s.name for s in c.spec.services),
                    f"{c.distribution} {c.version}",
                )
                for c in councils
            ],
        ),
        "compare.md": comparison(councils),
        "glossary.md": merged_glossary(councils),
        "hooks.md": hooks(),
        "examples.md": examples(),
    }
    pages["schemas.md"] = schemas()
    for council in councils:
        pictures = council_pictures(registry, council)
        pages[f"councils/{council.id}.md"] = council_page(council, pictures)
        pages[f"councils/{council.id}-this-month.md"] = this_month(registry, council)
        pages.update({f"councils/{council.id}/{p.name}.svg": p.svg for p in pictures})
    from childcare_commissioning.safefiles import write_folder

    files: dict[str, str | bytes] = {**pages, **(extra or {})}
    return write_folder(files, out, manifest=MANIFEST, force=force, inputs=inputs, option="--out")


MANIFEST = ".childcare-commissioning-pages.json"
"""The file, in the pages' folder, listing the pages the last run wrote there: the only
files a later run replaces without ``force`` or removes."""


def schemas() -> str:
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
        md_table(
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
