"""Visits and sessions priced as columns for the columnar engine (:mod:`._engine`): the
packages' rates by day (bank holiday, night window, weekend, standard, uplifts), billing
periods, sessions' instants, which session a record names, prices to the penny, and
mileage."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from childcare_commissioning.arrow import _kernels as k
from childcare_commissioning.billing.records import local_interval
from childcare_commissioning.billing.terms import RateCondition

if TYPE_CHECKING:
    from childcare_commissioning.arrow._engine import _Context, _Sessions

_CONDITIONS = list(RateCondition)
_OFF = 1 << 30


class _Rates:
    """The packages' rates as columns: amounts in pence and conditions by global index,
    and each condition's rates by day for a binary search."""

    def __init__(self, ctx: _Context) -> None:
        keys: list[int] = []
        values: list[int] = []
        amounts: list[int] = []
        conditions: list[int] = []
        self.window = np.zeros((len(ctx.entries), 3), dtype=np.int64)
        self.window[:, 0] = -1
        for p, entry in enumerate(ctx.entries):
            rates = entry.rates
            assert rates is not None
            base = len(amounts)
            for rate in rates.rates:
                amounts.append(int(rate.amount.scaleb(2)))
                conditions.append(_CONDITIONS.index(rate.condition))
            for c, condition in enumerate(_CONDITIONS):
                for day, rate in zip(*rates.by_condition[condition], strict=True):
                    keys.append(((p * 4 + c) << 32) + k.day_number(day) + _OFF)
                    values.append(base + rates._first[id(rate)])
            if rates.night and rates.night[0].window is not None:
                window = rates.night[0].window
                self.window[p] = (k.minute_of(window.start), k.minute_of(window.end), 1)
        self.keys = np.array(keys, dtype=np.int64)
        self.values = np.array(values, dtype=np.int64)
        self.amount = np.array(amounts, dtype=np.int64)
        self.condition = np.array(conditions, dtype=np.int64)

    def _latest(self, group: Any, day: Any) -> Any:
        found = np.searchsorted(self.keys, (group << 32) + day + _OFF, side="right") - 1
        safe = np.maximum(found, 0)
        ok = (found >= 0) & ((self.keys[safe] >> 32) == group) if len(self.keys) else found < -1
        return np.where(ok, self.values[safe] if len(self.values) else -1, -1)

    def of(self, days: k.Days, package: Any, day: Any, minute: Any) -> Any:
        """The rate (global index, -1 for none) of time from local ``minute`` of ``day``,
        as ``_Rates.for_session`` decides: bank holiday, then night, weekend, standard."""
        weekday = (day + 3) % 7  # 1970-01-01 was a Thursday
        bank = self._latest(package * 4 + k.BANK_HOLIDAY, day)
        night = self._latest(package * 4 + k.NIGHT, day)
        weekend = self._latest(package * 4 + k.WEEKEND, day)
        standard = self._latest(package * 4 + k.STANDARD, day)
        start, end, has = (self.window[package, n] for n in range(3))
        inside = (start <= minute) & (minute < end)
        inside |= (end <= start) & ((minute >= start) | (minute < end))
        return np.select(
            [
                (weekday < 5) & days.bank[days.index(day)] & (bank >= 0),
                (has == 1) & inside & (night >= 0),
                (weekday >= 5) & (weekend >= 0),
            ],
            [bank, night, weekend],
            standard,
        )


def _priced(
    ctx: _Context, rates: _Rates, high: int, package: Any, begin: Any, end: Any
) -> tuple[Any, Any, Any]:
    """Visits cut and priced: per visit, slots of (rate, minutes) in the order the rates
    first apply (:func:`._kernels.slots`), and whether a part had no rate in force."""
    edges = [ctx.entries[p].rates.edges for p in range(len(ctx.entries))]  # type: ignore[union-attr]
    groups: dict[Any, list[int]] = {}
    for p, e in enumerate(edges):
        groups.setdefault(e, []).append(p)
    width = 3 * 2 * max(len(e) for e in edges) + 1
    starts = np.full((len(begin), width), k.BIG, dtype=np.int64)
    minutes = np.zeros((len(begin), width), dtype=np.int64)
    for e, members in groups.items():
        rows = np.flatnonzero(np.isin(package, members))
        if not len(rows):
            continue
        table = k.cut_table(ctx.days, high, e)
        s, m = k.parts(ctx.days, table, begin[rows], end[rows])
        starts[rows, : s.shape[1]], minutes[rows, : m.shape[1]] = s, m
    used = max(int((minutes > 0).sum(axis=1).max(initial=1)), 1)  # parts of the longest
    starts, minutes = starts[:, :used], minutes[:, :used]
    real = minutes > 0
    local_day, local_minute = ctx.days.local(np.where(real, starts, begin[:, None]))
    rate = rates.of(
        ctx.days, np.broadcast_to(package[:, None], starts.shape), local_day, local_minute
    )
    rate = np.where(real, rate, -1)
    missing = (real & (rate < 0)).any(axis=1)
    slot_rates, slot_minutes = k.slots(rate, minutes)
    return slot_rates, slot_minutes, missing


class _Periods:
    """Every job's ended billing periods, numbered across the chunk."""

    def __init__(self, ctx: _Context) -> None:
        spans = ctx.periods()
        self.package = np.repeat(np.arange(len(spans)), [len(a) for a, _ in spans])
        self.start = np.array([d for a, _ in spans for d in a], dtype=np.int64)
        self.end = np.array([d for _, b in spans for d in b], dtype=np.int64)
        self.keys = (self.package << 32) + self.start + _OFF

    def of(self, package: Any, day: Any) -> Any:
        """The period (number, -1: none ended) of each item dated ``day``."""
        found = np.searchsorted(self.keys, (package << 32) + day + _OFF, side="right") - 1
        if not len(self.keys):
            return np.full(len(day), -1, dtype=np.int64)
        safe = np.maximum(found, 0)
        ok = (found >= 0) & (self.package[safe] == package) & (day <= self.end[safe])
        return np.where(ok, found, -1)


def _session_times(ctx: _Context, sessions: _Sessions) -> tuple[Any, Any]:
    days = ctx.days
    begin = sessions.day * 1440 + sessions.start - days.offset[days.index(sessions.day)]
    for row in np.flatnonzero(days.changes[days.index(sessions.day)]):
        session = sessions.items[row]
        assert session.start is not None
        moment, _ = local_interval(session.date, session.start, session.start)
        begin[row] = k.utc_minutes(moment)
    return begin, begin + sessions.minutes


def _link(sessions: _Sessions, s_period: Any, planned: Any, r_period: Any) -> Any:
    """The session (index, -1: none) each record names in its own period."""
    codes = pc.dictionary_encode(pa.concat_arrays([sessions.ids, planned])).indices
    codes = np.asarray(codes.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int64)
    size = len(codes) + 1
    s_key = np.where(s_period >= 0, s_period * size + codes[: len(s_period)], -1)
    r_codes = codes[len(s_period) :]
    r_key = np.where((r_period >= 0) & (r_codes >= 0), r_period * size + r_codes, -2)
    order = np.argsort(s_key, kind="stable")
    found = np.searchsorted(s_key[order], r_key)
    safe = np.minimum(found, max(len(order) - 1, 0))
    hit = (found < len(order)) & (s_key[order][safe] == r_key) if len(order) else r_key < -2
    return np.where(hit, order[safe] if len(order) else -1, -1)


def _price(ctx: _Context, package: Any, units: Any, scale: int) -> Any:
    """``units / scale`` pence rounded as each package's terms round (units not negative)."""
    out = np.zeros(len(units), dtype=np.int64)
    for rounding in {job.terms.rounding for job in ctx.jobs}:
        mine = np.array([job.terms.rounding is rounding for job in ctx.jobs])[package]
        out = np.where(mine, k.round_fraction(units, scale, rounding), out)
    return out


def _mileage(
    ctx: _Context, c: dict[str, Any], package: Any, day: Any, rows: Any
) -> tuple[Any, Any]:
    """Price per mile (1/10,000 pound) of each mileage row, and whether it is not payable
    here (no policy, no agreement made in advance: the scalar run's findings)."""
    per_mile = np.array(
        [int(j.terms.mileage.per_mile.scaleb(4)) if j.terms.mileage else -1 for j in ctx.jobs],
        dtype=np.int64,
    )[package[rows]]
    refused = per_mile < 0
    keys: list[str] = []
    agreed: list[int] = []
    for p, job in enumerate(ctx.jobs):
        quotation = job.quotation
        for agreement in quotation.mileage_agreements if quotation else ():
            keys.append(f"{p}\x1f{agreement.id}")
            earliest = quotation.mileage_agreement(agreement.id) if quotation else None
            agreed.append(k.day_number(earliest.agreed_on) if earliest else 0)
    asked = pc.binary_join_element_wise(
        pa.array(package[rows].astype(str)), c["agreement"].take(pa.array(rows)), "\x1f"
    )
    found = np.asarray(
        pc.index_in(asked, value_set=pa.array(keys, pa.string()))
        .fill_null(-1)
        .to_numpy(zero_copy_only=False),
        dtype=np.int64,
    )
    on = np.array([*agreed, 2**31], dtype=np.int64)[found]
    required = np.array(
        [bool(j.terms.mileage and j.terms.mileage.requires_agreement) for j in ctx.jobs]
    )[package[rows]]
    refused |= required & ((found < 0) | (on > day[rows]))
    return per_mile, refused
