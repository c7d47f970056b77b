"""Opening a table: its text, decoded line by line, and the rows checked against its columns.

A file is read as bytes and decoded one line at a time, so text that is not UTF-8 (a
cp1252 ``é`` saved by a spreadsheet, a UTF-16 export) is reported at the line that holds
it; the DfE validator, too, only reads UTF-8 (``lac_validator/ingress.py``: "Failed to
decode one or more files ... Saving As ... UTF-8").
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO

from childcare_commissioning.csvsafe import CsvQuoteError, strict_rows
from childcare_commissioning.formats.ssda903.records import Ssda903Error

__all__ = ["Rows", "Source", "open_table"]

Source = str | Path | IO[str] | IO[bytes]
"""A table to read: a path, a binary stream (decoded here) or a text stream (opened with
``newline=""``)."""

_BOM = b"\xef\xbb\xbf"
_UTF16 = (b"\xff\xfe", b"\xfe\xff")


def _decoded(lines: Iterable[bytes], name: str) -> Iterator[str]:
    """Each line of ``lines`` as text (a UTF-8 byte-order mark on the first is dropped), or
    :class:`Ssda903Error` at the first line that is not UTF-8."""
    for number, raw in enumerate(lines, 1):
        if number == 1:
            if raw.startswith(_UTF16):
                raise Ssda903Error(
                    name, 1, None, "utf-8", "UTF-16 text, not UTF-8; save the file as UTF-8"
                )
            raw = raw.removeprefix(_BOM)
        if b"\x00" in raw:
            raise Ssda903Error(
                name, number, None, "utf-8", "a NUL byte (UTF-16 text?); save the file as UTF-8"
            )
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise Ssda903Error(
                name,
                number,
                None,
                "utf-8",
                f"not UTF-8 text (byte {exc.start + 1} of the line); save the file as UTF-8",
            ) from None


def open_table(
    source: Source, name: str | None = None
) -> tuple[Iterable[str], str, Callable[[], None]]:
    """The text lines of ``source``, its name for messages (``name``, else the path or the
    stream's ``name``) and how to close it (a no-op for a stream the caller opened)."""
    if isinstance(source, str | Path):
        path = Path(source)
        label = name or str(path)
        try:
            handle = path.open("rb")
        except FileNotFoundError:
            raise Ssda903Error(label, None, None, "file-exists", "no such file") from None
        except IsADirectoryError:
            raise Ssda903Error(label, None, None, "file-exists", "is a directory") from None
        except OSError as exc:
            raise Ssda903Error(
                label, None, None, "file-readable", f"cannot be read ({exc.strerror})"
            ) from None
        return _decoded(handle, label), label, handle.close
    label = name or str(getattr(source, "name", "<stream>"))
    if isinstance(source, io.RawIOBase | io.BufferedIOBase):
        return _decoded(source, label), label, _nothing
    text: IO[str] = source  # type: ignore[assignment]
    return _text_lines(text, label), label, _nothing


def _nothing() -> None:
    return None


def _text_lines(handle: IO[str], name: str) -> Iterator[str]:
    """The lines of a text stream; a decoding error (where the stream decodes) names no
    line, since the stream decodes by blocks."""
    try:
        yield from handle
    except UnicodeDecodeError as exc:
        raise Ssda903Error(
            name, None, None, "utf-8", f"not UTF-8 text (near byte {exc.start})"
        ) from None


class Rows:
    """The rows of one CSV table, checked against the columns it must have: ``columns``
    (stripped), ``index`` (column to position); iterating gives each non-blank row with its
    line, padded to the header's width. A row with more cells than the header is
    :class:`Ssda903Error` ``csv-shape``, raised by the iteration (``shape_error`` makes it,
    for a reader that collects errors)."""

    def __init__(self, lines: Iterable[str], name: str, required: Sequence[str], table: str):
        self.name = name
        self.table = table
        # Strict: an unterminated or stray quote is an error naming its line, never rows
        # swallowed into one cell.
        self.reader = strict_rows(lines)
        try:
            first = next(self.reader, None)
        except CsvQuoteError as exc:
            raise Ssda903Error(name, exc.line, None, "csv-quote", exc.message) from None
        if first is None:
            raise Ssda903Error(name, None, None, "not-empty", "the file is empty")
        self.columns = tuple(cell.strip() for cell in first[1])
        seen: set[str] = set()
        for column in self.columns:
            if column in seen:
                raise Ssda903Error(name, 1, column, "unique-columns", "the column appears twice")
            seen.add(column)
        for column in required:
            if column not in seen:
                raise Ssda903Error(
                    name, 1, column, "required-column", f"the {table} table needs this column"
                )
        self.index = {column: i for i, column in enumerate(self.columns)}

    def shape_error(self, line: int, cells: int) -> Ssda903Error:
        """The error for a row of ``cells`` cells, more than the header's columns."""
        return Ssda903Error(
            self.name,
            line,
            None,
            "csv-shape",
            f"{cells} cells but {len(self.columns)} columns in the header",
        )

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        width = len(self.columns)
        try:
            for line, cells in self.reader:
                if not "".join(cells).strip():
                    continue
                if len(cells) < width:
                    cells = cells + [""] * (width - len(cells))
                yield line, cells
        except CsvQuoteError as exc:
            raise Ssda903Error(self.name, exc.line, None, "csv-quote", exc.message) from None


def columns_of(source: Source, name: str | None = None) -> tuple[tuple[str, ...], str]:
    """The column header of a table (stripped) and its name, reading only the first line."""
    lines, label, close = open_table(source, name)
    try:
        return Rows(lines, label, (), "").columns, label
    finally:
        close()
