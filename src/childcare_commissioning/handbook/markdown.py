"""Markdown building blocks of the handbook's pages: cells, citations, tables, dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

from childcare_commissioning.model import Citation

NOT_SPECIFIED = "*not specified*"


#: A heading marker of the text's own Markdown ("### Evidence informed practice"), which a
#: table cell would show raw.
_HEADING = re.compile(r"(^|\s)#{1,6}\s+")
#: Quotes and notes longer than this fold into an expandable ``<details>`` in their cell.
FOLD = 110


def cell(text: object) -> str:
    """``text`` as one table cell: on one line, the text's own heading markers dropped, a
    pipe outside code escaped (inside a code span the table already leaves it alone)."""
    parts = _HEADING.sub(r"\1", str(text).replace("\n", " ")).split("`")
    return (
        "`".join(p if i % 2 else p.replace("|", "\\|") for i, p in enumerate(parts)).strip() or " "
    )


def folded(summary: str, text: str) -> str:
    """``text`` in a cell, folded under ``summary`` when it is long."""
    if len(text) <= FOLD:
        return text
    return f"<details><summary>{summary}</summary>{text}</details>"


def cite(citation: Citation | None) -> str:
    """The clause in bold, then the quote (folded under its first words when long)."""
    if citation is None:
        return NOT_SPECIFIED
    quote = cell(citation.quote)
    first = " ".join(quote.split()[:6])
    return f"**{cell(citation.clause)}** — " + folded(f"“{first} …”", f"“{quote}”")


def noted(text: str, note: str) -> str:
    """``text`` with ``note`` under it in the same cell (folded when long)."""
    if not note:
        return text
    return f"{text}<br>" + folded("<em>Note</em>", f"<em>{cell(note)}</em>")


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
