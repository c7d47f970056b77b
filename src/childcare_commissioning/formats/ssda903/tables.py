"""The tables of an SSDA903 return, and which one a CSV file holds, told from its columns.

A case management system exports the return as one CSV file per table, named as it likes,
so a file is recognised by its column header, as the Data to Insight validator recognises
it (``lac_validator/ingress.py``, ``read_csvs_from_text``: the file whose columns are
exactly a table's, from ``lac_validator/config.py``). This library reads two of the tables
(Header and Episodes) and keeps the columns a system adds to them, so it also recognises a
table with extra columns: by the columns it needs (Header: ``CHILD``, ``SEX``, ``DOB``;
Episodes: ``CHILD``, ``DECOM``, its other columns then checked as it is read; any other
table: all its columns), choosing the table that shares the most columns with the file.
The UASC table (``CHILD, SEX, DOB, DUC``) is therefore UASC, never a second Header.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

import attrs

from childcare_commissioning.formats.ssda903.records import EPISODES_COLUMNS, HEADER_COLUMNS
from childcare_commissioning.formats.ssda903.source import Source, columns_of

__all__ = ["TABLES", "Recognition", "Table", "identify", "recognise", "recognise_file"]


@attrs.frozen
class Table:
    """One table of the return: its name (the validator's), columns (the validator's, in
    its order), the columns that mark it, what it holds and whether this library reads
    it."""

    name: str
    columns: tuple[str, ...]
    marks: frozenset[str]
    holds: str
    read: bool = False


def _table(name: str, columns: str, holds: str) -> Table:
    names = tuple(columns.split())
    return Table(name, names, frozenset(names), holds)


TABLES: Mapping[str, Table] = MappingProxyType(
    {
        table.name: table
        for table in (
            Table(
                "Header",
                HEADER_COLUMNS,
                frozenset(("CHILD", "SEX", "DOB")),
                "each child's sex, date of birth, ethnicity and UPN",
                read=True,
            ),
            Table(
                "Episodes",
                EPISODES_COLUMNS,
                frozenset(("CHILD", "DECOM")),
                "each child's episodes of care",
                read=True,
            ),
            _table("Reviews", "CHILD DOB REVIEW REVIEW_CODE", "looked-after reviews"),
            _table("UASC", "CHILD SEX DOB DUC", "unaccompanied asylum-seeking children (DUC)"),
            _table(
                "OC2",
                "CHILD DOB SDQ_SCORE SDQ_REASON CONVICTED HEALTH_CHECK IMMUNISATIONS "
                "TEETH_CHECK HEALTH_ASSESSMENT SUBSTANCE_MISUSE INTERVENTION_RECEIVED "
                "INTERVENTION_OFFERED",
                "outcomes of children looked after for 12 months (health, offending)",
            ),
            _table(
                "OC3", "CHILD DOB IN_TOUCH ACTIV ACCOM", "care leavers' activity and accommodation"
            ),
            _table(
                "AD1",
                "CHILD DOB DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR LS_ADOPTR",
                "children adopted: decision and adopters",
            ),
            _table(
                "PlacedAdoption",
                "CHILD DOB DATE_PLACED DATE_PLACED_CEASED REASON_PLACED_CEASED",
                "children placed for adoption (decision, placement ceased)",
            ),
            _table(
                "PrevPerm",
                "CHILD DOB PREV_PERM LA_PERM DATE_PERM",
                "previous permanence (adoption, special guardianship or residence orders)",
            ),
            _table(
                "Missing",
                "CHILD DOB MISSING MIS_START MIS_END",
                "episodes of being missing or away from placement without authorisation",
            ),
            _table(
                "SWEpisodes",
                "CHILD DOB SW_ID SW_DECOM SW_DEC SW_REASON",
                "social worker episodes",
            ),
            _table(
                "DoLo",
                "CHILD DOB DOLO_START DOLO_END",
                "deprivation of liberty orders",
            ),
        )
    }
)
"""The return's tables by the validator's name (``lac_validator/config.py`` at
``10ad07c5``), Header and Episodes first."""


@attrs.frozen
class Recognition:
    """Which table a column header is (``table`` None: none), and why not when it is
    none (``reason``: never a cell's value, only column names)."""

    table: Table | None
    reason: str = ""


def recognise(columns: Sequence[str]) -> Recognition:
    """The table a file with these ``columns`` (stripped) holds: the one whose columns are
    exactly these, else the one marked by them (all its marking columns present) sharing
    the most columns with the file; none when no table is marked, or when two are marked
    and share equally many (the reason says which)."""
    have = set(columns)
    for table in TABLES.values():
        if have == set(table.columns):
            return Recognition(table)
    marked = [t for t in TABLES.values() if t.marks <= have]
    if marked:
        shared = {t.name: len(have & set(t.columns)) for t in marked}
        best = max(shared.values())
        top = [t for t in marked if shared[t.name] == best]
        if len(top) == 1:
            return Recognition(top[0])
        names = " and ".join(t.name for t in top)
        return Recognition(None, f"its columns fit the {names} tables equally")
    return Recognition(None, _closest(have))


def _closest(have: set[str]) -> str:
    """Why no table is marked: the table sharing the most columns, and what it lacks."""
    upper = {column.upper() for column in have}
    table = max(TABLES.values(), key=lambda t: (len(upper & set(t.columns)), t.read))
    lacking = sorted(table.marks - have, key=table.columns.index)
    said = f"its columns match no SSDA903 table (closest: {table.name}, which needs "
    said += ", ".join(lacking) + ")"
    if table.marks <= upper:
        said += "; the column names are not in upper case, as the return (and the DfE "
        said += "validator) needs them"
    elif len(have) == 1 and any(sep in next(iter(have)) for sep in ";\t|"):
        said += "; the file seems to use another separator than the comma"
    return said


def recognise_file(source: Source, name: str | None = None) -> Recognition:
    """The table a CSV file holds, from its column header (the first line alone is read):
    :func:`recognise`; :class:`~childcare_commissioning.formats.ssda903.Ssda903Error` when
    the header cannot be read (not UTF-8, a stray quote, an empty file)."""
    columns, _ = columns_of(source, name)
    return recognise(columns)


def identify(source: Source) -> str | None:
    """The name of the table a CSV file holds (``"Header"``, ``"Episodes"``, ``"UASC"``,
    ... as :data:`TABLES` names them), None when it is none of the return's tables."""
    table = recognise_file(source).table
    return None if table is None else table.name
