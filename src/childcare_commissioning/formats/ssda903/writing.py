"""Writing the Header and Episodes tables back out."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import IO, TypeVar

from childcare_commissioning.formats.ssda903.records import (
    DATE_FORMAT,
    EPISODES_COLUMNS,
    HEADER_COLUMNS,
    Episode,
    HeaderRecord,
)

__all__ = ["write_episodes", "write_header"]


def _fmt(value: dt.date | None) -> str:
    return "" if value is None else value.strftime(DATE_FORMAT)


def _columns(standard: Sequence[str], records: Iterable[HeaderRecord | Episode]) -> list[str]:
    columns = list(standard)
    for record in records:
        for column in record.extra:
            if column not in columns:
                columns.append(column)
    return columns


_R = TypeVar("_R", "HeaderRecord", "Episode")


def _write_table(
    records: Iterable[_R],
    out: IO[str],
    standard: Sequence[str],
    columns: Sequence[str] | None,
    lineterminator: str,
    cells: Callable[[_R], dict[str, str | None]],
) -> None:
    """Write one table: the header (``columns``, or ``standard`` then any other column
    found in the records' ``extra``), then each record's modelled cells (``cells``) and its
    kept ``extra`` cells, every cell through
    :func:`~childcare_commissioning.csvsafe.safe_cell` (safe in a spreadsheet)."""
    from childcare_commissioning.csvsafe import safe_cell

    rows: Iterable[_R] = records
    if columns is None:
        rows = list(records)
        header = _columns(standard, rows)
    else:
        header = list(columns)
    writer = csv.writer(out, lineterminator=lineterminator)
    writer.writerow(header)
    for record in rows:
        values = cells(record)
        writer.writerow(
            [safe_cell(values[c] if c in values else record.extra.get(c, "")) for c in header]
        )


def _cell(value: object) -> str | None:
    return None if value is None else str(value)


def write_header(
    records: Iterable[HeaderRecord],
    out: IO[str],
    columns: Sequence[str] | None = None,
    lineterminator: str = "\r\n",
) -> None:
    """Write the Header table: ``columns`` (default :data:`HEADER_COLUMNS` then any other
    column found in the records' ``extra``), dates as ``dd/mm/YYYY``. Text cells go
    through :func:`~childcare_commissioning.csvsafe.safe_cell` (safe in a spreadsheet)."""
    _write_table(
        records,
        out,
        HEADER_COLUMNS,
        columns,
        lineterminator,
        lambda record: {
            "CHILD": record.child,
            "SEX": "" if record.sex is None else record.sex.value,
            "DOB": _fmt(record.date_of_birth),
        },
    )


def write_episodes(
    episodes: Iterable[Episode],
    out: IO[str],
    columns: Sequence[str] | None = None,
    lineterminator: str = "\r\n",
) -> None:
    """Write the Episodes table: ``columns`` (default :data:`EPISODES_COLUMNS` then any
    other column found in the episodes' ``extra``), dates as ``dd/mm/YYYY``."""
    _write_table(
        episodes,
        out,
        EPISODES_COLUMNS,
        columns,
        lineterminator,
        lambda e: {
            "CHILD": e.child,
            "DECOM": _fmt(e.start),
            "RNE": _cell(e.reason_new_episode),
            "LS": _cell(e.legal_status),
            "CIN": _cell(e.category_of_need),
            "PLACE": _cell(e.placement),
            "PLACE_PROVIDER": _cell(e.placement_provider),
            "DEC": _fmt(e.end),
            "REC": _cell(e.reason_ceased),
            "REASON_PLACE_CHANGE": _cell(e.reason_place_change),
            "HOME_POST": e.home_postcode,
            "PL_POST": e.placement_postcode,
            "URN": e.urn,
        },
    )
