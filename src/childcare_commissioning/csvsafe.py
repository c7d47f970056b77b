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
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import IO

__all__ = [
    "FORMULA_PREFIXES",
    "CsvQuoteError",
    "csv_text",
    "safe_cell",
    "strict_rows",
    "write_rows",
]

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


def write_rows(handle: IO[str], rows: Iterable[Sequence[object]]) -> None:
    """Write ``rows`` to ``handle`` as :func:`csv_text` would (every cell through
    :func:`safe_cell`, CRLF line ends), as they come: for output written as it is made."""
    writer = csv.writer(handle, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])


class CsvQuoteError(ValueError):
    """A CSV row that cannot be read safely; ``line`` is where the row starts."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message} [csv-quote]")
        self.line = line
        self.message = message


def _stray_quote(line: str) -> bool:
    """Whether ``line`` (one whole row) has a quote inside an unquoted cell, which RFC 4180
    does not allow and Python's reader keeps as text (``W"1``)."""
    state = "start"  # start of a cell, unquoted, quoted, quote seen inside quoted
    for char in line.rstrip("\r\n"):
        if state == "quoted":
            state = "quote" if char == '"' else "quoted"
        elif state == "quote":  # '""' is an escaped quote; anything else closes the cell
            state = "quoted" if char == '"' else "start"
        elif char == ",":
            state = "start"
        elif char == '"':
            if state == "unquoted":
                return True
            state = "quoted"
        else:
            state = "unquoted"
    return False


class _Lines:
    """The lines of ``handle``, remembering the last one read."""

    def __init__(self, handle: Iterable[str]) -> None:
        self.handle = handle
        self.last = ""

    def __iter__(self) -> Iterator[str]:
        for line in self.handle:
            self.last = line
            yield line


def strict_rows(handle: Iterable[str]) -> Iterator[tuple[int, list[str]]]:
    """The rows of CSV text (opened with ``newline=""``), each with the line it starts on.

    Read strictly, so no row is swallowed and no quote is taken as text: a quote inside an
    unquoted cell or after a closing quote, or a quoted cell still open at the end of the
    file, raises :class:`CsvQuoteError`; so does a cell holding a line break, which is how
    an unterminated quote shows when a later quote happens to close it (the rows between
    would become one cell). Records are one row to a line.
    """
    lines = _Lines(handle)
    reader = csv.reader(lines, strict=True)
    last = 0
    while True:
        start = last + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CsvQuoteError(
                start, f"a quote is not closed, or stands inside a cell ({exc})"
            ) from None
        if reader.line_num > start:
            raise CsvQuoteError(
                start,
                f"a quoted cell runs on past the end of the line (to line {reader.line_num}): "
                "an unterminated or stray quote; a cell may not hold a line break",
            )
        if '"' in lines.last and _stray_quote(lines.last):
            raise CsvQuoteError(
                start, "a quote inside an unquoted cell (quote the whole cell, doubling it)"
            )
        last = reader.line_num
        yield start, cells
