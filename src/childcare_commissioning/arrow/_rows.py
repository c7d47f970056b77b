"""Line rows of the columnar engine (:mod:`._engine`) as an Arrow record batch of
:data:`~childcare_commissioning.arrow.INVOICE_LINES_SCHEMA`: gathered group by group,
sorted into the scalar run's order, numbered per invoice; money and quantities as
``decimal128`` from integer pence and ten-thousandths; the records left pending or held
and the findings of periods with nothing to invoice."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from childcare_commissioning.arrow import _kernels as k
from childcare_commissioning.arrow._base import INVOICE_LINES_SCHEMA
from childcare_commissioning.billing.records import RecordStatus
from childcare_commissioning.billing.terms import RateCondition
from childcare_commissioning.model.core import Finding, Severity

if TYPE_CHECKING:
    from childcare_commissioning.arrow._engine import _Context
    from childcare_commissioning.arrow._pricing import _Periods, _Rates

_CONDITIONS = list(RateCondition)
_LABELS = pa.array([f" ({c} rate)" if c is not RateCondition.STANDARD else "" for c in _CONDITIONS])
_RULES = [f"rate-{c}" for c in _CONDITIONS]
#: Line texts (before the date), by code.
_TEXTS = [
    "Commissioned session ",
    "Delivered beyond the commissioned session ",
    "Delivered without a commissioned session ",
    "Mileage ",
    *(f"Commissioned but not delivered ({s.value}) " for s in RecordStatus),
    "Commissioned but not delivered (short) ",
    "Commissioned but not delivered (missed, no record) ",
]
SHORT, MISSED = len(_TEXTS) - 2, len(_TEXTS) - 1
_KINDS = ["commissioned", "deduction", "additional", "mileage"]


@attrs.define
class Lines:
    """What the engine gives for its packages: the line rows, findings, pending and held
    records (package id, date, record id)."""

    batch: Any
    findings: list[Finding]
    pending: list[tuple[str, dt.date, str]]
    held: list[tuple[str, dt.date, str]]


def _decimal(units: Any, kind: Any, valid: Any = None) -> Any:
    """int64 unscaled values as a ``decimal128`` array of ``kind`` (nulls where not
    ``valid``)."""
    words = np.empty((len(units), 2), dtype=np.int64)
    words[:, 0] = units
    words[:, 1] = units >> 63
    array = pa.Array.from_buffers(kind, len(units), [None, pa.py_buffer(words.tobytes())])
    return (
        array if valid is None else pc.if_else(pa.array(valid), array, pa.nulls(len(units), kind))
    )


def _const(value: Any, size: int, kind: Any = None) -> Any:
    return pa.array([value], kind).take(pa.array(np.zeros(size, dtype=np.int64)))


class _Rows:
    """Line rows gathered group by group (as columns), sorted into invoice order at the
    end."""

    def __init__(self) -> None:
        self.groups: list[dict[str, Any]] = []

    def add(
        self,
        package: Any,
        period: Any,
        section: int,
        day: Any,
        key: Any,
        sub: Any,
        kind: Any,
        text: Any,
        rate: Any,
        minutes: Any,
        amount: Any,
        *,
        record: Any = None,
        planned: Any = None,
        deduction: Any = None,
        per_mile: Any = None,
        agreement: Any = None,
    ) -> None:
        size = len(package)

        def full(value: Any) -> Any:
            return np.broadcast_to(np.asarray(value, dtype=np.int64), (size,))

        self.groups.append(
            {
                "package": package,
                "period": period,
                "section": full(section),
                "day": day,
                "key": key,
                "sub": full(sub),
                "kind": full(kind),
                "text": full(text),
                "rate": rate,
                "minutes": minutes,
                "amount": amount,
                "record": record if record is not None else pa.nulls(size, pa.string()),
                "planned": planned if planned is not None else pa.nulls(size, pa.string()),
                "deduction": np.zeros(size, dtype=bool) if deduction is None else deduction,
                "per_mile": np.zeros(size, dtype=np.int64) if per_mile is None else per_mile,
                "agreement": agreement if agreement is not None else pa.nulls(size, pa.string()),
            }
        )

    def finish(
        self,
        ctx: _Context,
        rates: _Rates,
        periods: _Periods,
        bad: Any,
        c: dict[str, Any],
        package: Any,
        day: Any,
        r_period: Any,
        held: Any,
    ) -> Lines:
        g = {
            name: (
                pa.concat_arrays([x[name] for x in self.groups])
                if isinstance(self.groups[0][name], pa.Array)
                else np.concatenate([x[name] for x in self.groups])
            )
            for name in self.groups[0]
        }
        keep = ~bad[g["package"]]
        g = {
            n: (v.filter(pa.array(keep)) if isinstance(v, pa.Array) else v[keep])
            for n, v in g.items()
        }
        order = pc.sort_indices(
            pa.table({n: g[n] for n in ("period", "section", "day", "key", "sub")}),
            sort_keys=[(n, "ascending") for n in ("period", "section", "day", "key", "sub")],
        )
        g = {
            n: (v.take(order) if isinstance(v, pa.Array) else v[order.to_numpy()])
            for n, v in g.items()
        }
        size = len(g["period"])
        period = g["period"]
        first = np.ones(size, dtype=bool)
        first[1:] = period[1:] != period[:-1]
        starts = np.maximum.accumulate(np.where(first, np.arange(size), 0))
        mileage = g["kind"] == 3
        minutes, rate = g["minutes"], np.maximum(g["rate"], 0)
        pkg = g["package"]
        prefixes = pa.array([f"{ctx.council}-{job.package.id}-" for job in ctx.jobs])
        opened = pa.array(periods.start.astype(np.int32)).cast(pa.date32())
        numbers = pc.binary_join_element_wise(
            prefixes.take(pa.array(periods.package)),
            pc.replace_substring(opened.cast(pa.string()), "-", ""),
            "",
        )
        days = pa.array(g["day"].astype(np.int32)).cast(pa.date32())
        labels = _LABELS.take(pa.array(rates.condition[rate]))
        agreements: Any = g["agreement"]
        where = pc.binary_join_element_wise(" (", agreements.fill_null("no reference"), ")", "")
        suffix = pc.if_else(pa.array(mileage), where, labels)
        texts = pa.array(_TEXTS).take(pa.array(g["text"]))
        rule = np.where(mileage, 5, np.where(g["deduction"], 4, rates.condition[rate]))
        cite = [job.terms.citation for job in ctx.jobs]
        mile_cite = [job.terms.mileage.citation if job.terms.mileage else None for job in ctx.jobs]
        # Each line's citation: its package's terms', or its mileage policy's.
        which = pa.array(2 * pkg + mileage)
        cited = {
            part: pa.array(
                [
                    getattr(x, part, None)
                    for pair in zip(cite, mile_cite, strict=True)
                    for x in pair
                ],
                pa.string(),
            ).take(which)
            for part in ("spec", "clause", "quote")
        }
        columns = {
            "row_kind": _const("line", size),
            "invoice_number": numbers.take(pa.array(period)),
            "council": _const(ctx.council, size),
            "package_id": pa.array([j.package.id for j in ctx.jobs]).take(pa.array(pkg)),
            "period_start": pa.array(periods.start.astype(np.int32))
            .cast(pa.date32())
            .take(pa.array(period)),
            "period_end": pa.array(periods.end.astype(np.int32))
            .cast(pa.date32())
            .take(pa.array(period)),
            "line": pa.array((np.arange(size) - starts + 1).astype(np.int32)),
            "kind": pa.array(_KINDS).take(pa.array(g["kind"])),
            "description": pc.binary_join_element_wise(texts, days.cast(pa.string()), suffix, ""),
            "date": days,
            "record_id": g["record"],
            "planned_id": g["planned"],
            "minutes": pa.array(minutes, mask=mileage),
            "quantity": _decimal(
                np.where(mileage, minutes, k.hundredths_of_hours(minutes) * 100),
                INVOICE_LINES_SCHEMA.field("quantity").type,
            ),
            "unit": pa.array(["hour", "mile"]).take(pa.array(mileage.astype(np.int64))),
            "unit_price": _decimal(
                np.where(mileage, g["per_mile"], rates.amount[rate] * 100),
                INVOICE_LINES_SCHEMA.field("unit_price").type,
            ),
            "amount": _decimal(g["amount"], INVOICE_LINES_SCHEMA.field("amount").type),
            "rule": pa.array([*_RULES, "commissioned-not-delivered", "mileage"]).take(
                pa.array(rule)
            ),
            **cited,
            "path": pa.nulls(size, pa.string()),
            "error": pa.nulls(size, pa.string()),
        }
        batch = pa.RecordBatch.from_pydict(columns, schema=INVOICE_LINES_SCHEMA)
        return _unbilled(ctx, periods, bad, c, package, day, r_period, period, batch, held)


def _unbilled(
    ctx: _Context,
    periods: _Periods,
    bad: Any,
    c: dict[str, Any],
    package: Any,
    day: Any,
    r_period: Any,
    line_periods: Any,
    batch: Any,
    held: Any,
) -> Lines:
    """Records left pending (period not ended; or, without nil invoices, a period with no
    line), and the findings of the periods with nothing to invoice."""
    count = np.bincount(line_periods, minlength=len(periods.start))
    empty = (
        (count == 0)
        & ~np.array([job.terms.nil_invoices for job in ctx.jobs], dtype=bool)[periods.package]
        & ~bad[periods.package]
        if len(periods.start)
        else np.zeros(0, dtype=bool)
    )
    findings = []
    for index in np.flatnonzero(empty):
        job = ctx.jobs[int(periods.package[index])]
        start, end = dt_of(int(periods.start[index])), dt_of(int(periods.end[index]))
        findings.append(
            Finding(
                Severity.INFO,
                "billing.period.nothing-to-invoice",
                f"package {job.package.id!r}: nothing delivered or commissioned "
                f"{start.isoformat()} to {end.isoformat()}: no invoice",
                f"$.packages[{job.package.id!r}]",
                job.terms.citation,
            )
        )
    waiting = ~bad[package] & (
        (r_period == -1)
        | ((r_period >= 0) & empty[np.maximum(r_period, 0)] if len(empty) else False)
    )
    rows = np.flatnonzero(waiting)
    ids = c["id"].take(pa.array(rows)).to_pylist()
    pending = sorted(
        {
            (ctx.jobs[int(package[r])].package.id, int(day[r]), i)
            for r, i in zip(rows, ids, strict=True)
        }
    )
    kept = ~bad[package] & held
    rows = np.flatnonzero(kept)
    ids = c["id"].take(pa.array(rows)).to_pylist()
    gone = sorted(
        (ctx.jobs[int(package[r])].package.id, int(day[r]), i)
        for r, i in zip(rows, ids, strict=True)
    )
    return Lines(
        batch,
        findings,
        [(p, dt_of(d), i) for p, d, i in pending],
        [(p, dt_of(d), i) for p, d, i in gone],
    )


def dt_of(day: int) -> dt.date:

    return dt.date.fromordinal(day + k.EPOCH)
