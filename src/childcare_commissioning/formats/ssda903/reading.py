"""Reading the Header and Episodes tables, row by row, with every bad cell reported.

Cells are normalised as the DfE's validator normalises them before it checks a return:
``lac_validator/ingress.py`` (Data to Insight, ``csc-validator-be-903`` at ``10ad07c5``)
upper-cases every text cell on load (``capitalise_object_dtype_cols``), so ``c2`` is legal
status ``C2`` there and here. This library also trims the spaces around a cell (the
validator does not, and then fails ``" C2"`` on its code list). Each normalisation is
counted by column in the :class:`ReadReport` and reported as an info finding: the value
read is the normalised one, and it is the one written back.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import TypeVar

from childcare_commissioning.formats.ssda903.codes import (
    CategoryOfNeed,
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
    Sex,
    _Code,
)
from childcare_commissioning.formats.ssda903.records import (
    _EPISODE_MODELLED,
    _HEADER_MODELLED,
    _HEADER_REQUIRED,
    _NOTHING,
    EPISODES_COLUMNS,
    MAX_ERRORS,
    Episode,
    HeaderRecord,
    Ssda903Error,
    Ssda903Errors,
)
from childcare_commissioning.formats.ssda903.source import Rows, Source, open_table
from childcare_commissioning.model import Finding, Severity

__all__ = ["ReadReport", "read_episodes", "read_header"]

_VALIDATOR_LOAD = "lac_validator/ingress.py, capitalise_object_dtype_cols"
_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
E = TypeVar("E", bound=_Code)


class ReadReport:
    """What reading tables found besides their records: every bad cell (the first
    :data:`MAX_ERRORS` kept, all counted), the cells normalised (by table, column and kind,
    with the first line) and each table's columns and name. Give one to
    :func:`read_header` or :func:`read_episodes` to read past bad rows instead of
    stopping at the first."""

    def __init__(self) -> None:
        self.errors: list[Ssda903Error] = []
        self.total = 0
        self.normalised: dict[tuple[str, str, str, str], list[int]] = {}
        self.tables: dict[str, tuple[str, tuple[str, ...]]] = {}

    def add(self, error: Ssda903Error) -> None:
        """Count a bad cell, keeping it while fewer than :data:`MAX_ERRORS` are kept."""
        self.total += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(error)

    def note(self, rows: Rows, column: str, kind: str, line: int) -> None:
        """Count a cell of ``column`` read after ``kind`` (``upper-cased``, ``trimmed``)."""
        key = (rows.name, rows.table, column, kind)
        seen = self.normalised.get(key)
        if seen is None:
            self.normalised[key] = [1, line]
        else:
            seen[0] += 1

    def raise_errors(self) -> None:
        """:class:`Ssda903Errors` listing the bad cells, if any were found."""
        if self.errors:
            raise Ssda903Errors(self.errors, self.total)

    def findings(self) -> list[Finding]:
        """An info finding per column and kind of normalisation (no cell's value)."""
        found = []
        for (file, table, column, kind), (count, line) in self.normalised.items():
            cells = "cell" if count == 1 else "cells"
            if kind == "upper-cased":
                why = (
                    "each is read, and written back, in upper case, as the DfE validator "
                    f"reads a return ({_VALIDATOR_LOAD} upper-cases every cell)"
                )
            else:
                why = (
                    "each is read, and written back, without the spaces around it (the DfE "
                    "validator keeps them, and then refuses a code or date with spaces)"
                )
            found.append(
                Finding(
                    Severity.INFO,
                    "ssda903.normalised",
                    f"{file}: column {column}: {count} {cells} {kind} (first at line {line}); "
                    + why,
                    f"$.{table}.{column}",
                )
            )
        return found


class _Row:
    """One row being read: its cells, normalised, with the bad ones collected."""

    __slots__ = ("bad", "cells", "line", "report", "rows")

    def __init__(self, rows: Rows, report: ReadReport | None, line: int, cells: list[str]):
        self.rows, self.report, self.line, self.cells = rows, report, line, cells
        self.bad: list[Ssda903Error] = []

    def text(self, i: int, column: str) -> str:
        raw = self.cells[i]
        text = raw.strip()
        if text != raw and self.report is not None:
            self.report.note(self.rows, column, "trimmed", self.line)
        return text

    def fail(self, column: str | None, rule: str, message: str) -> None:
        self.bad.append(Ssda903Error(self.rows.name, self.line, column, rule, message))

    def required(self, i: int, column: str, what: str) -> str:
        text = self.text(i, column)
        if not text:
            self.fail(column, "required", f"{what} is blank")
        return text

    def date(self, column: str, text: str, seen: dict[str, dt.date | None]) -> dt.date | None:
        if not text:
            return None
        found = seen.get(text)
        if found is not None:
            return found
        match = _DATE.fullmatch(text)
        if match is not None:
            day, month, year = (int(part) for part in match.groups())
            try:
                found = seen[text] = dt.date(year, month, day)
                return found
            except ValueError:
                pass
        self.fail(column, "date", "expected a date as dd/mm/YYYY")
        return None

    def code(
        self, column: str, text: str, members: Mapping[str, E | None], kind: type[E]
    ) -> E | None:
        if not text:
            return None
        member = members.get(text)
        if member is None:
            member = members.get(text.upper())
            if member is None:
                allowed = ", ".join(m.value for m in kind)
                self.fail(column, "code-list", f"not a {column} code (codes: {allowed})")
            elif self.report is not None:
                self.report.note(self.rows, column, "upper-cased", self.line)
        return member

    def extra(self, modelled: frozenset[str]) -> dict[str, str]:
        """The non-empty cells of the columns not modelled, by column name in file order."""
        cells = self.cells
        return {c: cells[i] for c, i in self.rows.index.items() if c not in modelled and cells[i]}

    def done(self) -> bool:
        """Whether the row is good; else its errors are reported (or the first raised)."""
        if not self.bad:
            return True
        if self.report is None:
            raise self.bad[0]
        for error in self.bad:
            self.report.add(error)
        return False


def _members(kind: type[E]) -> dict[str, E | None]:
    """A code list's codes to members, and "" (a blank cell) to None."""
    members: dict[str, E | None] = {member.value: member for member in kind}
    members[""] = None
    return members


#: White space (what ``str.strip`` removes) at either end of a cell of a joined row.
_UNTRIMMED = re.compile(r"^\s|\s,|,\s|\s$")


def _clean(cells: list[str]) -> bool:
    """Whether no cell of a row has white space to trim (one search of the joined row: a
    cell with any white space at either end puts it next to a comma or at an end)."""
    return _UNTRIMMED.search(",".join(cells)) is None


def _extra_of(rows: Rows, cells: list[str]) -> dict[str, str]:
    """An Episodes row's non-empty cells of columns not modelled, by name in file order."""
    return {c: cells[i] for c, i in rows.index.items() if c not in _EPISODE_MODELLED and cells[i]}


def _shaped(rows: Rows, report: ReadReport | None) -> Iterator[tuple[int, list[str]]]:
    """The rows no wider than the header; a wider one is raised, or reported and skipped."""
    width = len(rows.columns)
    for line, cells in rows:
        if len(cells) <= width:
            yield line, cells
        elif report is None:
            raise rows.shape_error(line, len(cells))
        else:
            report.add(rows.shape_error(line, len(cells)))


def _rows(rows: Rows, report: ReadReport | None) -> Iterator[_Row]:
    for line, cells in _shaped(rows, report):
        yield _Row(rows, report, line, cells)


def read_header(
    source: Source, name: str | None = None, *, report: ReadReport | None = None
) -> Iterator[HeaderRecord]:
    """The Header table's rows, one at a time. ``source`` is a path or an open stream
    (binary, or text opened with ``newline=""``); ``name`` names it in errors. Without
    ``report`` the first bad cell raises :class:`Ssda903Error`; with one, every bad cell
    is added to it and its row not yielded (the caller raises them together:
    :meth:`ReadReport.raise_errors`)."""
    lines, label, close = open_table(source, name)
    try:
        rows = Rows(lines, label, _HEADER_REQUIRED, "Header")
        if report is not None:
            report.tables["Header"] = (label, rows.columns)
        i_child, i_sex, i_dob = (rows.index[c] for c in _HEADER_REQUIRED)
        sexes = _members(Sex)
        dates: dict[str, dt.date | None] = {}
        for row in _rows(rows, report):
            child = row.required(i_child, "CHILD", "the child id")
            dob = row.date("DOB", row.required(i_dob, "DOB", "the date of birth"), dates)
            sex = row.code("SEX", row.text(i_sex, "SEX"), sexes, Sex)
            if row.done() and dob is not None:
                yield HeaderRecord(child, dob, sex, row.extra(_HEADER_MODELLED), row.line)
    finally:
        close()


#: The code-list columns of the Episodes table and their enums.
_EPISODE_CODES: tuple[tuple[str, type[_Code]], ...] = (
    ("RNE", ReasonNewEpisode),
    ("LS", LegalStatus),
    ("CIN", CategoryOfNeed),
    ("PLACE", PlacementType),
    ("PLACE_PROVIDER", PlacementProvider),
    ("REC", ReasonEpisodeCeased),
    ("REASON_PLACE_CHANGE", ReasonPlaceChange),
)


def read_episodes(
    source: Source, name: str | None = None, *, report: ReadReport | None = None
) -> Iterator[Episode]:
    """The Episodes table's rows, one at a time (every column of :data:`EPISODES_COLUMNS`
    must be present; blank codes read as None, a blank ``DEC`` as an open episode).
    ``report`` as for :func:`read_header`."""
    lines, label, close = open_table(source, name)
    try:
        rows = Rows(lines, label, EPISODES_COLUMNS, "Episodes")
        if report is not None:
            report.tables["Episodes"] = (label, rows.columns)
        index = rows.index
        i_child, i_decom, i_dec = index["CHILD"], index["DECOM"], index["DEC"]
        i_home, i_pl, i_urn = index["HOME_POST"], index["PL_POST"], index["URN"]
        # Per code column: its position, name and code -> member table (a dict lookup per
        # cell, where calling the enum would cost a function call or two).
        code_columns = [
            (index[column], column, _members(kind), kind) for column, kind in _EPISODE_CODES
        ]
        # Dates repeat across a return (a few thousand distinct days): parse each once.
        has_extra = len(rows.columns) > len(EPISODES_COLUMNS)
        # The fast path: a clean row (every code as listed, dates seen before, no spaces
        # to trim) is read by dict lookups alone ("" is a blank code or an open DEC);
        # any other row is read cell by cell (_Row), which normalises, notes and collects.
        fast = [(i, members) for i, _, members, _ in code_columns]
        known: dict[str, dt.date | None] = {"": None}
        for line, cells in _shaped(rows, report):
            child, home, placed, urn = cells[i_child], cells[i_home], cells[i_pl], cells[i_urn]
            try:
                codes: list[_Code | None] = [members[cells[i]] for i, members in fast]
                start, end = known[cells[i_decom]], known[cells[i_dec]]
            except KeyError:
                start = None
            if start is None or not child or not _clean(cells):
                row = _Row(rows, report, line, cells)
                child = row.required(i_child, "CHILD", "the child id")
                decom = row.required(i_decom, "DECOM", "the date the episode began")
                start = row.date("DECOM", decom, known)
                end = row.date("DEC", row.text(i_dec, "DEC"), known)
                codes = [row.code(c, row.text(i, c), m, k) for i, c, m, k in code_columns]
                home = row.text(i_home, "HOME_POST")
                placed = row.text(i_pl, "PL_POST")
                urn = row.text(i_urn, "URN")
                if not row.done() or start is None:
                    continue
            yield Episode(
                child,
                start,
                codes[0],  # type: ignore[arg-type]
                codes[1],  # type: ignore[arg-type]
                codes[2],  # type: ignore[arg-type]
                codes[3],  # type: ignore[arg-type]
                codes[4],  # type: ignore[arg-type]
                end,
                codes[5],  # type: ignore[arg-type]
                codes[6],  # type: ignore[arg-type]
                home or None,
                placed or None,
                urn or None,
                _extra_of(rows, cells) if has_extra else _NOTHING,
                line,
            )
    finally:
        close()
