"""CSV that is safe to open in a spreadsheet (OWASP "CSV Injection" guidance).

A spreadsheet treats a cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula, so text that came from an input file (a record id, a purchase order)
could run ``=cmd|' /C calc'!A0`` or leak data through ``=HYPERLINK(...)`` when an officer
opens the export. Every CSV the library writes goes through :func:`csv_text`, which
prefixes such text cells with a single quote (``'=cmd...``), as OWASP recommends, so the
spreadsheet shows the text instead of evaluating it. Numbers the library computed
(``Decimal``/``int`` amounts and quantities, which may be negative) are written as numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TextIO

__all__ = ["FORMULA_PREFIXES", "csv_text", "safe_cell", "write_rows"]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""Leading characters a spreadsheet may read as the start of a formula."""


def safe_cell(value: object) -> str:
    """``value`` as a CSV cell: numbers as they are, text neutralised if it could be a
    formula (``"=1+1"`` becomes ``"'=1+1"``); ``None`` is an empty cell."""
    if value is None:
        return ""
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A CSV document with every cell passed through :func:`safe_cell`.

    Lines end in CRLF as RFC 4180 says, which also makes the writer quote any cell holding
    a carriage return, so a stray ``\\r`` in the input cannot split a row.
    """
    out = io.StringIO()
    write_rows(out, [header])
    write_rows(out, rows)
    return out.getvalue()


def write_rows(handle: TextIO, rows: Iterable[Sequence[object]]) -> None:
    """Write ``rows`` to ``handle`` as :func:`csv_text` would (every cell through
    :func:`safe_cell`, CRLF line ends), as they come: for output written as it is made."""
    writer = csv.writer(handle, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
