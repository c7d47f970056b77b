"""Reading the files a command is given: JSON, JSON Lines and CSV, from a path or ``-``.

Every command reads through these functions, so every file argument behaves the same:

- ``-`` is standard input;
- a missing file, a directory, an unreadable file, an empty file, text that is not UTF-8
  (binary data, Latin-1), JSON nested too deeply or with a number too long to read, a
  duplicate key in a JSON object, a CSV row with more cells than its header: each is an
  :class:`~childcare_commissioning.cli._contract.InputError` (exit status 2) that names the
  file, the line where it helps, and the rule, never a value from the file;
- a UTF-8 byte-order mark (Excel's "CSV UTF-8", Windows tools) is accepted and dropped;
- JSON decimals keep their exact digits (``Decimal``, never float);
- JSON Lines and CSV are read a line at a time; a file larger than
  :data:`PROGRESS_BYTES` shows a rich progress bar on a terminal (on standard error) and
  nothing when standard error is piped.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import sys
from collections.abc import Collection, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, TextIO, TypeVar

from childcare_commissioning.cli._contract import InputError, quote
from childcare_commissioning.errors import DuplicateKeyError, unique_keys

__all__ = [
    "PROGRESS_BYTES",
    "InputFormat",
    "input_format",
    "iter_rows",
    "open_text",
    "parse_json",
    "read_document",
    "read_json",
    "read_rows",
    "read_text",
]

T = TypeVar("T")
InputFormat = Literal["json", "jsonl", "csv"]
PROGRESS_BYTES = 16 * 1024 * 1024
"""Files at least this large show a progress bar while read (on a terminal only)."""

_SUFFIXES: dict[str, InputFormat] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


def _label(name: str) -> str:
    return "standard input" if name == "-" else repr(name)


def _check_path(name: str) -> Path:
    path = Path(name)
    label = _label(name)
    if not path.exists():
        raise InputError(f"{label}: no such file [file-exists]")
    if path.is_dir():
        raise InputError(f"{label}: is a directory, not a file [file-exists]")
    return path


@contextlib.contextmanager
def open_text(name: str) -> Iterator[TextIO]:
    """The file ``name`` (``-``: standard input) opened as UTF-8 text, BOM dropped, newlines
    kept as written (for CSV). Large files show a progress bar on a terminal."""
    label = _label(name)
    try:
        if name == "-":
            buffer = getattr(sys.stdin, "buffer", None)
            if buffer is None:  # already text (a test's StringIO)
                yield sys.stdin
                return
            stream = io.TextIOWrapper(buffer, encoding="utf-8-sig", newline="")
            try:
                yield stream
            finally:
                stream.detach()
            return
        path = _check_path(name)
        size = path.stat().st_size
        if size >= PROGRESS_BYTES and sys.stderr.isatty():
            import rich.progress
            from rich.console import Console

            with rich.progress.open(
                path,
                "r",
                encoding="utf-8-sig",
                newline="",
                description=f"reading {path.name}",
                transient=True,
                console=Console(stderr=True),
            ) as handle:
                yield handle
            return
        with path.open(encoding="utf-8-sig", newline="") as handle:
            yield handle
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{label}: not UTF-8 text (a byte that UTF-8 does not allow near byte "
            f"{exc.start}); save the file as UTF-8 [utf-8]"
        ) from None
    except PermissionError:
        raise InputError(f"{label}: cannot be read (permission denied) [file-readable]") from None
    except OSError as exc:
        raise InputError(f"{label}: cannot be read ({exc.strerror}) [file-readable]") from None


def read_text(name: str) -> str:
    """The whole text of ``name``; refused when empty (only whitespace)."""
    with open_text(name) as handle:
        try:
            text = handle.read()
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{_label(name)}: not UTF-8 text (a byte that UTF-8 does not allow near "
                f"byte {exc.start}); save the file as UTF-8 [utf-8]"
            ) from None
    if not text.strip():
        raise InputError(f"{_label(name)}: the file is empty [not-empty]")
    if "\x00" in text:
        raise InputError(f"{_label(name)}: binary data, not text [utf-8]")
    return text


def parse_json(text: str, where: str = "standard input") -> Any:
    """Parse JSON strictly: decimals as ``Decimal``, duplicate keys refused (naming the
    key), nesting and number length bounded. ``where`` names the document in messages."""
    try:
        data = json.loads(text, parse_float=Decimal, object_pairs_hook=unique_keys)
    except DuplicateKeyError as exc:
        raise InputError(
            f"{where}: duplicate key {exc.key!r} in one JSON object; which value is meant is "
            "unclear, so the document is refused [unique-keys]"
        ) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{where}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}) [json]"
        ) from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply to read [json-depth]") from None
    except ValueError:
        # int() refuses numbers of more than sys.get_int_max_str_digits() digits.
        raise InputError(
            f"{where}: a number has more than {sys.get_int_max_str_digits()} digits [json-number]"
        ) from None
    # "\udcff" is valid JSON but not text: it could be written nowhere (not as UTF-8).
    if _SURROGATE.search(text) and _has_surrogate(data):
        raise InputError(
            f"{where}: a string holds an unpaired surrogate escape (\\ud800-\\udfff), which "
            "is not text [utf-8]"
        )
    return data


_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


def _has_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_surrogate(v) for v in value)
    return False


def read_json(name: str) -> Any:
    """The parsed JSON document in file ``name`` (``-``: standard input)."""
    return parse_json(read_text(name), _label(name))


def read_document(name: str, cls: type[T]) -> T:
    """The JSON document in ``name`` read into model ``cls`` (every problem listed by its
    JSON path, through :func:`childcare_commissioning.convert.structure`)."""
    from childcare_commissioning.convert import structure

    return structure(read_json(name), cls)


def input_format(name: str, given: str | None = None) -> InputFormat:
    """The format of ``name``: ``given`` if set, else from its suffix (``.jsonl``/``.ndjson``
    JSON Lines, ``.csv`` CSV), else JSON (also for ``-``)."""
    if given in ("json", "jsonl", "csv"):
        return given  # type: ignore[return-value]
    return _SUFFIXES.get(Path(name).suffix.lower(), "json")


def _json_lines(name: str, handle: TextIO) -> Iterator[Any]:
    for number, line in enumerate(handle, start=1):
        if line.strip():
            yield parse_json(line, f"{_label(name)} line {number}")


def _csv_rows(
    name: str, handle: TextIO, columns: Collection[str] | None
) -> Iterator[dict[str, str]]:
    from childcare_commissioning.csvsafe import CsvQuoteError, strict_rows

    rows = strict_rows(handle)
    try:
        first = next(rows, None)
        if first is None:
            raise InputError(f"{_label(name)}: the file is empty [not-empty]")
        header = [h.strip() for h in first[1]]
        _check_header(name, header, columns)
        for number, cells in rows:
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(header):
                raise InputError(
                    f"{_label(name)} line {number}: {len(cells)} cells but {len(header)} "
                    "columns in the header [csv-shape]"
                )
            yield {key: value for key, value in zip(header, cells, strict=False) if value}
    except CsvQuoteError as exc:
        raise InputError(f"{_label(name)} {exc}") from None


def _check_header(name: str, header: list[str], columns: Collection[str] | None) -> None:
    """Refuse a header with a column twice or, when ``columns`` is given, one not known.
    A first line none of whose cells is a known column is not a header at all (its cells
    are data, perhaps personal): it is refused without quoting it."""
    if columns is not None and not set(header) & set(columns):
        raise InputError(
            f"{_label(name)} line 1: not a header row (no cell is a known column; columns: "
            f"{', '.join(sorted(columns))}) [csv-header]"
        )
    seen: set[str] = set()
    for column in header:
        if column in seen:
            raise InputError(f"{_label(name)}: column {quote(column)} appears twice [unique-keys]")
        if columns is not None and column not in columns:
            raise InputError(
                f"{_label(name)}: column {quote(column)} is not known (columns: "
                f"{', '.join(sorted(columns))}) [no-unknown-fields]"
            )
        seen.add(column)


def read_rows(name: str, given: str | None = None, columns: Collection[str] | None = None) -> Any:
    """A list document from ``name``: a JSON document (returned as parsed, for the caller
    to check it is a list), JSON Lines (one JSON value per line) or CSV (one object per
    row, keyed by the header; empty cells left out; a header cell not in ``columns``, when
    given, is refused)."""
    kind = input_format(name, given)
    if kind == "json":
        return read_json(name)
    return list(iter_rows(name, kind, columns))


def iter_rows(
    name: str, given: str | None = None, columns: Collection[str] | None = None
) -> Iterator[Any]:
    """The items of a JSON Lines or CSV file ``name`` one at a time, as :func:`read_rows`
    reads them, holding one line at a time (a file of any size in flat memory). A problem
    is raised as an :class:`InputError` when the reader reaches it."""
    kind = input_format(name, given)
    if kind == "json":
        raise InputError(
            f"{_label(name)}: read one item at a time only from JSON Lines or CSV [line-format]"
        )
    with open_text(name) as handle:
        try:
            if kind == "jsonl":
                yield from _json_lines(name, handle)
            else:
                yield from _csv_rows(name, handle, columns)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{_label(name)}: not UTF-8 text (a byte that UTF-8 does not allow near "
                f"byte {exc.start}); save the file as UTF-8 [utf-8]"
            ) from None
        except csv.Error as exc:
            raise InputError(f"{_label(name)}: not valid CSV ({exc}) [csv]") from None
