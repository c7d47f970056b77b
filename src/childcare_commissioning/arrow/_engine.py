"""The columnar invoice engine: the packages of a chunk of records invoiced together with
numpy and Arrow kernels, on integer days, minutes and pence.

:func:`columnar_invoices` takes whole packages (their records as one Arrow table, rows
grouped by package; each package's quotation, planned sessions and terms) and gives the
invoice lines the scalar run gives them, line for line and penny for penny, for every
package in the *common case*; the others are returned to be run by the scalar code.
A package falls back to the scalar run when any of these holds (each is a finding, a
rare shape or a rule the scalar code owns):

- its package-level checks find anything (no purchase order where one is required, no
  ``invoice_to`` where asked, no quotation or no rates, a rate outside its band), it is
  another council's, or the terms declare budgets (budget windows);
- a rate is not in whole pence, its night rates do not share one window, or a time of
  the rates is not a whole minute;
- a record is not readable as typed columns (a value of another type, a missing id or
  date, an unknown status), is in ``hours``, gives an ``end_date``, has times with
  seconds, a delivered record without times, a purchase order not the package's, a date
  outside the package, a repeated id, no time or more than a day, an overlap with
  another visit of the package, miles that are negative or have more than four places,
  or miles not payable (no mileage policy, no agreement, agreed after the journey);
- a planned session has no start time or no minutes, or two of its package's records of
  one period name it;
- any time of a session or visit has no rate in force.

Everything else (rate bands by time of day, night windows across midnight, weekend and
bank-holiday rates, both clock changes, rate uplifts, deductions for missed, cancelled or
short sessions, additional time, mileage, the contract's billing cycles, nil invoices)
is computed here. Retention and invoice totals are not lines, so not in this output.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from childcare_commissioning.arrow import _kernels as k
from childcare_commissioning.arrow._lines import assemble
from childcare_commissioning.arrow._rows import Lines
from childcare_commissioning.billing.periods import _DAYS, periods_between
from childcare_commissioning.billing.records import PlannedSession, RecordStatus, _utc_interval
from childcare_commissioning.billing.screening import _clash, _finding, _Package
from childcare_commissioning.billing.terms import BillingTerms, Quotation
from childcare_commissioning.model.core import Finding
from childcare_commissioning.model.package import Package

__all__ = ["Job", "columnar_invoices", "eligible"]

_STATUSES = pa.array([s.value for s in RecordStatus])


@attrs.define
class Job:
    """One package to invoice: its rows in the chunk's table, quotation, sessions, terms."""

    package: Package
    quotation: Quotation | None
    sessions: list[PlannedSession]
    terms: BillingTerms
    rows: tuple[int, int]  # first row and the row after its last, in the chunk's table


def _pence(amount: Any, places: int = 2) -> int | None:
    scaled = amount.scaleb(places)
    return int(scaled) if scaled == scaled.to_integral_value() else None


def eligible(council: str, job: Job) -> _Package | None:
    """The package's validated entry when it is a common case (see the module)."""
    findings: list[Finding] = []
    entry = _Package(job.package, job.quotation, job.terms, findings)
    if findings or not entry.ok or entry.rates is None or job.package.council != council:
        return None
    if job.terms.budgets:
        return None
    rates = entry.rates
    windows = {r.window for r in rates.night}
    if len(windows) > 1 or None in windows:
        return None
    if any(_pence(r.amount) is None for r in rates.rates):
        return None
    if any(t.second or t.microsecond for t in rates.edges):
        return None
    if any(s.start is None or not s.minutes or s.start.second for s in job.sessions):
        return None
    if job.terms.mileage is not None and _pence(job.terms.mileage.per_mile, 4) is None:
        return None
    return entry


def _column(table: Any, name: str, kind: Any) -> Any:
    """Column ``name`` as one array of ``kind`` (all null when absent)."""
    if name not in table.schema.names:
        return pa.nulls(table.num_rows, kind)
    column = table.column(name)
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    return column if column.type == kind else column.cast(kind)


def _numpy(array: Any, fill: int) -> Any:
    return np.asarray(array.fill_null(fill).to_numpy(zero_copy_only=False), dtype=np.int64)


def _unscaled(array: Any) -> Any:
    """A ``decimal128(38, 4)`` array's values times 10,000, as int64 (nulls 0)."""
    array = array.fill_null(0)
    words = np.frombuffer(array.buffers()[1], dtype=np.int64)
    return words[2 * array.offset :: 2][: len(array)].copy()


def read_columns(table: Any) -> dict[str, Any]:
    """The record columns as numpy integers (days, microseconds, 1/10,000ths of a mile)
    and Arrow strings; a column that cannot be read so raises (the chunk falls back)."""
    date = _column(table, "date", pa.date32())
    miles = _column(table, "miles", pa.decimal128(38, 4))
    status = _column(table, "status", pa.string()).fill_null(RecordStatus.DELIVERED.value)
    return {
        "id": _column(table, "id", pa.string()),
        "date": _numpy(date.cast(pa.int32()), -(2**30)),
        "status": _numpy(pc.index_in(status, value_set=_STATUSES), -1),
        "start": _numpy(_column(table, "start", pa.time64("us")).cast(pa.int64()), -1),
        "end": _numpy(_column(table, "end", pa.time64("us")).cast(pa.int64()), -1),
        "miles": _unscaled(miles),
        "unreadable": np.asarray(
            pc.or_(
                pc.or_(date.is_null(), _column(table, "id", pa.string()).is_null()),
                pc.or_(
                    _column(table, "hours", pa.string()).is_valid(),
                    _column(table, "end_date", pa.date32()).is_valid(),
                ),
            ).to_numpy(zero_copy_only=False)
        ),
        "planned_id": _column(table, "planned_id", pa.string()),
        "agreement": _column(table, "mileage_agreement", pa.string()),
        "worker": _column(table, "worker_id", pa.string()),
        "purchase_order": _column(table, "purchase_order", pa.string()),
    }


def columnar_invoices(
    council: str, table: Any, jobs: Sequence[Job], entries: Sequence[_Package], as_of: dt.date
) -> tuple[Lines | None, list[int]]:
    """The lines of the jobs (their records the rows of ``table``, in job order; each
    job's entry from :func:`eligible`), with their pending records and findings, and the
    indexes of the jobs the scalar code must run instead."""
    try:
        c = read_columns(table)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return None, list(range(len(jobs)))
    n = table.num_rows
    package = np.repeat(np.arange(len(jobs)), [j.rows[1] - j.rows[0] for j in jobs])
    bad_row = c["unreadable"] | (c["status"] < 0) | (c["miles"] < 0)
    start_us, end_us = c["start"], c["end"]
    timed = (start_us >= 0) & (end_us >= 0)
    bad_row |= (start_us >= 0) != (end_us >= 0)
    bad_row |= timed & (((start_us % 60_000_000) != 0) | ((end_us % 60_000_000) != 0))
    delivered = c["status"] == 0
    bad_row |= delivered & ~timed
    day = c["date"]
    first_day = np.array([k.day_number(j.package.start) for j in jobs], dtype=np.int64)
    last_day = np.array(
        [k.day_number(j.package.end) if j.package.end else 2**30 for j in jobs], dtype=np.int64
    )
    bad_row |= (day < first_day[package]) | (day > last_day[package])
    orders = pa.array([j.package.purchase_order for j in jobs], pa.string()).take(package)
    bad_row |= np.asarray(
        pc.fill_null(pc.not_equal(c["purchase_order"], orders), False).to_numpy(
            zero_copy_only=False
        )
    ) & np.asarray(c["purchase_order"].is_valid().to_numpy(zero_copy_only=False))
    # Ids repeated within a package.
    codes = _numpy(pc.dictionary_encode(c["id"]).indices, -1)
    keyed = package * (n + 1) + codes
    ordered = np.sort(keyed)
    repeated = ordered[1:][ordered[1:] == ordered[:-1]]
    bad_package = np.zeros(len(jobs), dtype=bool)
    bad_package[repeated // (n + 1)] = True
    bad_package[package[bad_row]] = True
    low = int(min(first_day.min(), day[~bad_row].min(initial=first_day.min()))) - 2
    high = int(max(day[~bad_row].max(initial=first_day.min()), first_day.max())) + 4
    sessions = _Sessions(jobs)
    if len(sessions.day):
        low, high = min(low, int(sessions.day.min()) - 2), max(high, int(sessions.day.max()) + 4)
    days = k.Days(low, high)
    # Visits as UTC minutes (records not readable are given a day's dummy visit).
    visit = timed & delivered & ~bad_row
    start_min = np.where(visit, start_us // 60_000_000, 0)
    end_min = np.where(visit, end_us // 60_000_000, 1)
    day = np.where(bad_row, low + 2, day)
    end_day = day + (end_min < start_min)
    begin, finish = _to_utc(days, day, start_min, end_day, end_min, visit)
    elapsed = finish - begin
    implausible = visit & ((elapsed <= 0) | (elapsed > 1440))
    bad_package[package[implausible]] = True
    # Visits of one package starting before an earlier one ends: held or not by the
    # scalar run's check, package by package.
    order = np.lexsort((begin, package))
    shown = visit[order]
    stamped = np.where(shown, package[order] * (1 << 40) + finish[order], -1)
    running = np.maximum.accumulate(stamped)
    before = np.concatenate(([-1], running[:-1]))
    clash = (
        shown
        & (before >= package[order] * (1 << 40))
        & (before - package[order] * (1 << 40) > begin[order])
    )
    held, findings = _held(jobs, entries, c, package, visit, begin, finish, order, clash)
    context = _Context(council, jobs, entries, days, as_of)
    visit &= ~held
    lines = assemble(
        context, c, package, day, visit, begin, finish, sessions, bad_package, high, held
    )
    lines.findings[:0] = [f for p, f in findings if not bad_package[p]]
    return lines, list(np.flatnonzero(bad_package))


@attrs.frozen
class _Visit:
    """What the scalar overlap check reads of a record."""

    id: str
    package_id: str
    worker_id: str | None


def _held(
    jobs: Sequence[Job],
    entries: Sequence[_Package],
    c: dict[str, Any],
    package: Any,
    visit: Any,
    begin: Any,
    finish: Any,
    order: Any,
    clash: Any,
) -> tuple[Any, list[tuple[int, Finding]]]:
    """The visits held back as overlapping, in the packages where a visit starts before
    an earlier one ends, by the scalar run's own check (:func:`~childcare_commissioning.
    billing.screening._clash`, visits by start then id), and its findings."""
    held = np.zeros(len(package), dtype=bool)
    findings: list[tuple[int, Finding]] = []
    for p in np.unique(package[order][clash]):
        rows = np.flatnonzero((package == p) & visit)
        ids = c["id"].take(pa.array(rows)).to_pylist()
        workers = c["worker"].take(pa.array(rows)).to_pylist()
        job = jobs[int(p)]
        timed = sorted(
            (
                (int(begin[r]), int(finish[r]), _Visit(i, job.package.id, w), int(r))
                for r, i, w in zip(rows, ids, workers, strict=True)
            ),
            key=lambda x: (x[0], x[2].id),
        )
        by_package: list[tuple[int, int, _Visit]] = []
        by_worker: dict[str, list[tuple[int, int, _Visit]]] = {}
        entry = {job.package.id: entries[int(p)]}
        for start, end, record, row in timed:
            by_package = [x for x in by_package if x[1] > start]
            running: list[tuple[int, int, _Visit]] = []
            if record.worker_id is not None:
                running = [x for x in by_worker.get(record.worker_id, []) if x[1] > start]
                by_worker[record.worker_id] = running
            found = _clash(start, end, record, by_package, running, entry)  # type: ignore[arg-type]
            if found is None:
                by_package.append((start, end, record))
                running.append((start, end, record))
                continue
            code, why, other = found
            held[row] = True
            findings.append(
                (
                    int(p),
                    _finding(
                        code,
                        f"record {record.id!r} {why} record {other.id!r} "
                        f"(package {record.package_id!r}); not billed",
                        f"$.records[{record.id!r}]",
                        job.terms.citation,
                    ),
                )
            )
    return held, findings


def _to_utc(
    days: k.Days, day: Any, start: Any, end_day: Any, end: Any, visit: Any
) -> tuple[Any, Any]:
    """Local visits as UTC minutes: by the day's offset, or (a clock-change day) by the
    scalar conversion of that one visit."""
    begin = day * 1440 + start - days.offset[days.index(day)]
    finish = end_day * 1440 + end - days.offset[days.index(end_day)]
    special = visit & (days.changes[days.index(day)] | days.changes[days.index(end_day)])
    for row in np.flatnonzero(special):
        date = dt.date.fromordinal(int(day[row]) + k.EPOCH)
        a = dt.time(int(start[row]) // 60, int(start[row]) % 60)
        b = dt.time(int(end[row]) // 60, int(end[row]) % 60)
        utc = _utc_interval(date, a, b, None)
        begin[row], finish[row] = k.utc_minutes(utc[0]), k.utc_minutes(utc[1])
    return begin, finish


class _Sessions:
    """The jobs' planned sessions as columns (day, start minute, minutes, package)."""

    def __init__(self, jobs: Sequence[Job]) -> None:
        self.items = [s for job in jobs for s in job.sessions]
        items = self.items
        self.package = np.repeat(np.arange(len(jobs)), [len(job.sessions) for job in jobs])
        self.day = np.array([s.date.toordinal() for s in items], dtype=np.int64) - k.EPOCH
        starts = [s.start for s in items]
        self.start = np.array([t.hour * 60 + t.minute if t else 0 for t in starts], np.int64)
        self.minutes = np.array([s.minutes for s in items], dtype=np.int64)
        self.ids = pa.array([s.id for s in items], pa.string())


@attrs.define
class _Context:
    council: str
    jobs: Sequence[Job]
    entries: Sequence[_Package]
    days: k.Days
    as_of: dt.date

    def periods(self) -> list[tuple[list[int], list[int]]]:
        """Each job's ended billing periods (all new: this path has no earlier invoices),
        as the day numbers of their starts and ends: by arithmetic for fortnights and
        four-week periods (:func:`~childcare_commissioning.billing.periods.
        period_containing` anchored on the package's start), else by the scalar
        :func:`~childcare_commissioning.billing.periods.periods_between`."""
        out = []
        ended = k.day_number(self.as_of)
        for job in self.jobs:
            package, terms = job.package, job.terms
            last = min(package.end or self.as_of, self.as_of - dt.timedelta(days=1))
            length = _DAYS.get(terms.cycle)
            first = k.day_number(package.start)
            if length is not None:
                count = max((k.day_number(last) - first) // length + 1, 0)
                starts = [first + length * n for n in range(count)]
                ends = [start + length - 1 for start in starts]
            else:
                found = periods_between(package.start, last, terms.cycle, package.start)
                spans = [(k.day_number(p.start), k.day_number(p.end)) for p in found]
                starts, ends = [a for a, _ in spans], [b for _, b in spans]
            keep = [n for n, end in enumerate(ends) if end < ended]
            out.append(([starts[n] for n in keep], [ends[n] for n in keep]))
        return out
