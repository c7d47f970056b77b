"""Breaks between one worker's shifts, from delivery records.

Plymouth 6: "The Provider will use its best endeavours in structuring rotas to ensure
staff have sufficient breaks between shifts". The text gives no number, so none is
assumed: :func:`shift_breaks` reports each worker's shortest break (elapsed time from the
end of one delivered shift to the start of their next, correct across clock changes) and
any overlap of two shifts; a ``minimum`` is applied only when the caller gives one.

Only delivered records are shifts. A record that names no worker, or gives hours rather
than start and end times, cannot be placed: it is reported, never silently left out.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Sequence

import attrs

from childcare_commissioning.billing.records import DeliveryRecord, RecordStatus
from childcare_commissioning.calendars import LONDON
from childcare_commissioning.model._fields import to_tuple
from childcare_commissioning.model.core import Citation, Finding, Severity

__all__ = ["Break", "BreakReport", "WorkerBreaks", "hours_text", "shift_breaks"]


@attrs.frozen
class Break:
    """The time between two of one worker's shifts: from ``after`` (a record id) ending
    at ``ended`` to ``before`` starting at ``started``; ``minutes`` elapsed, negative when
    the shifts overlap."""

    after: str
    before: str
    ended: dt.datetime
    started: dt.datetime
    minutes: int


@attrs.frozen
class WorkerBreaks:
    """One worker: how many shifts were placed, and the shortest break between two."""

    worker_id: str
    shifts: int
    shortest: Break | None


@attrs.frozen
class BreakReport:
    """Every worker's shortest break, and findings: overlaps, breaks under the caller's
    minimum, records that could not be placed."""

    workers: tuple[WorkerBreaks, ...] = attrs.field(converter=to_tuple)
    findings: tuple[Finding, ...] = attrs.field(converter=to_tuple)
    minimum_minutes: int | None = None


def _elapsed(start: dt.datetime, end: dt.datetime) -> int:
    """Whole elapsed minutes from ``start`` to ``end`` (through UTC: a same-zone
    subtraction would count wall-clock time)."""
    delta = end.astimezone(dt.UTC) - start.astimezone(dt.UTC)
    return int(delta.total_seconds() // 60)


def hours_text(minutes: int) -> str:
    """Minutes as hours and minutes: 510 is 8h30, -30 is -0h30."""
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours}h{rest:02d}"


def shift_breaks(
    records: Sequence[DeliveryRecord],
    minimum: dt.timedelta | None = None,
    timezone: str = LONDON,
    citation: Citation | None = None,
) -> BreakReport:
    """Each worker's shortest break between delivered shifts in ``records`` (local times
    in ``timezone``). With ``minimum``, a warning for every break shorter than it
    (``citation`` is the clause it is judged under)."""
    findings: list[Finding] = []
    by_worker: dict[str, list[tuple[dt.datetime, dt.datetime, str]]] = defaultdict(list)
    for index, record in enumerate(records):
        if record.status is not RecordStatus.DELIVERED:
            continue
        path = f"$.records[{index}]"
        if record.worker_id is None or not record.worker_id.strip():
            findings.append(
                Finding(
                    Severity.INFO,
                    "shifts.worker.missing",
                    f"record {record.id!r} names no worker: not placed",
                    f"{path}.worker_id",
                    citation,
                )
            )
            continue
        interval = record.interval(timezone)
        if interval is None:
            findings.append(
                Finding(
                    Severity.INFO,
                    "shifts.times.missing",
                    f"record {record.id!r} gives hours, not start and end times: not placed",
                    f"{path}.start",
                    citation,
                )
            )
            continue
        by_worker[record.worker_id].append((interval[0], interval[1], record.id))
    workers = []
    limit = None if minimum is None else int(minimum.total_seconds() // 60)
    for worker_id in sorted(by_worker):
        shifts = sorted(by_worker[worker_id], key=lambda s: (s[0], s[1], s[2]))
        breaks = [
            Break(a[2], b[2], a[1], b[0], _elapsed(a[1], b[0]))
            for a, b in itertools.pairwise(shifts)
        ]
        for gap in breaks:
            path = f"$.workers[{worker_id!r}]"
            if gap.minutes < 0:
                findings.append(
                    Finding(
                        Severity.WARNING,
                        "shifts.overlap",
                        f"worker {worker_id!r}: shift {gap.before!r} starts "
                        f"{hours_text(-gap.minutes)} before shift {gap.after!r} ends",
                        path,
                        citation,
                    )
                )
            elif limit is not None and gap.minutes < limit:
                findings.append(
                    Finding(
                        Severity.WARNING,
                        "shifts.break.short",
                        f"worker {worker_id!r}: {hours_text(gap.minutes)} between shifts "
                        f"{gap.after!r} and {gap.before!r}, under the {hours_text(limit)} given",
                        path,
                        citation,
                    )
                )
        shortest = min(breaks, key=lambda g: g.minutes, default=None)
        workers.append(WorkerBreaks(worker_id, len(shifts), shortest))
    return BreakReport(workers, findings, limit)
