"""Markdown building blocks of the handbook's pages: cells, citations, tables, dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from childcare_commissioning.model import Citation

NOT_SPECIFIED = "*not specified*"


def cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ").strip() or " "


def cite(citation: Citation | None) -> str:
    if citation is None:
        return NOT_SPECIFIED
    return f"**{cell(citation.clause)}** — “{cell(citation.quote)}”"


def md_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    rows = list(rows)
    if not rows:
        return "_None declared._\n"
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def long_date(day: dt.date) -> str:
    from babel.dates import format_date

    return str(format_date(day, format="EEE d MMM yyyy", locale="en_GB"))


def due_text(deadline: Any) -> str:
    if deadline.due_at is not None:
        local = deadline.due_at
        return f"{long_date(local.date())} {local:%H:%M} ({local.tzname()})"
    return f"end of {long_date(deadline.due_date)}"


def years(labels: frozenset[str]) -> str:
    """Financial years in order: "2018/19, 2019/20, 2020/21"."""
    return ", ".join(sorted(labels))
