"""Invoice lines of the columnar engine (:mod:`._engine`): visits and sessions cut and
priced as columns (:mod:`._pricing`), sessions matched with the records that name them,
and the lines in the scalar run's order
(:func:`~childcare_commissioning.billing.lines._period_lines`): per period, each
commissioned session (by date, then id) with its commissioned line and its deduction or
additional line per rate, then each record (by date, then id) with its lines for time
without a commissioned session and its mileage."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa

from childcare_commissioning.arrow._pricing import (
    _link,
    _mileage,
    _Periods,
    _price,
    _priced,
    _Rates,
    _session_times,
)
from childcare_commissioning.arrow._rows import MISSED, SHORT, Lines, _Rows

if TYPE_CHECKING:
    from childcare_commissioning.arrow._engine import _Context, _Sessions


def assemble(
    ctx: _Context,
    c: dict[str, Any],
    package: Any,
    day: Any,
    visit: Any,
    begin: Any,
    finish: Any,
    sessions: _Sessions,
    bad: Any,
    high: int,
    held: Any,
) -> Lines:
    """The lines of the jobs not ``bad`` (``bad`` is updated in place with the jobs found
    to need the scalar run here)."""
    rates, periods = _Rates(ctx), _Periods(ctx)
    r_period = np.where(held, -2, periods.of(package, day))  # a held record: not billed
    s_period = periods.of(sessions.package, sessions.day)
    s_begin, s_end = _session_times(ctx, sessions)
    s_use, r_use = s_period >= 0, visit & (r_period >= 0)
    m, n = len(s_period), len(r_period)
    owner = np.concatenate((sessions.package[s_use], package[r_use]))
    slot_rate, slot_min, missing = _priced(
        ctx,
        rates,
        high,
        owner,
        np.concatenate((s_begin[s_use], begin[r_use])),
        np.concatenate((s_end[s_use], finish[r_use])),
    )
    bad[owner[missing]] = True
    w = slot_rate.shape[1]
    s_rate, s_min = np.full((m, w), -1, dtype=np.int64), np.zeros((m, w), dtype=np.int64)
    r_rate, r_min = np.full((n, w), -1, dtype=np.int64), np.zeros((n, w), dtype=np.int64)
    ns = int(s_use.sum())
    s_rate[s_use], s_min[s_use] = slot_rate[:ns], slot_min[:ns]
    r_rate[r_use], r_min[r_use] = slot_rate[ns:], slot_min[ns:]
    link = _link(sessions, s_period, c["planned_id"], r_period)
    linked = link >= 0
    twice = np.bincount(link[linked], minlength=m) > 1
    bad[sessions.package[twice]] = True
    s_record = np.full(m, -1, dtype=np.int64)
    s_record[link[linked]] = np.flatnonzero(linked)
    has = s_record >= 0
    l_rate = np.where(has[:, None], r_rate[s_record], -1)
    l_min = np.where(has[:, None], r_min[s_record], 0)
    # Per session, its rates as the scalar ``per_rate``: the session's, then the record's new.
    e_rate = np.concatenate((s_rate, np.full((m, w), -1, dtype=np.int64)), axis=1)
    e_plan = np.concatenate((s_min, np.zeros((m, w), dtype=np.int64)), axis=1)
    e_done = np.zeros((m, 2 * w), dtype=np.int64)
    for j in range(w):
        matched = np.zeros(m, dtype=bool)
        for i in range(w):
            same = (s_min[:, i] > 0) & (l_min[:, j] > 0) & (s_rate[:, i] == l_rate[:, j])
            e_done[:, i] += np.where(same, l_min[:, j], 0)
            matched |= same
        new = (l_min[:, j] > 0) & ~matched
        e_rate[:, w + j] = np.where(new, l_rate[:, j], -1)
        e_done[:, w + j] = np.where(new, l_min[:, j], 0)
    status = np.where(has, c["status"][np.maximum(s_record, 0)], 0)
    out = _Rows()
    # Commissioned lines and the differences, per session and rate.
    rows, entry = np.nonzero(s_use[:, None] & (e_plan > 0))
    rate = e_rate[rows, entry]
    plan = e_plan[rows, entry]
    out.add(
        sessions.package[rows],
        s_period[rows],
        0,
        sessions.day[rows],
        sessions.ids.take(pa.array(rows)),
        2 * entry,
        0,
        0,
        rate,
        plan,
        _price(ctx, sessions.package[rows], rates.amount[rate] * plan, 60),
        planned=sessions.ids.take(pa.array(rows)),
    )
    rows, entry = np.nonzero(s_use[:, None] & (e_done != e_plan))
    rate, plan, done = e_rate[rows, entry], e_plan[rows, entry], e_done[rows, entry]
    pkg = sessions.package[rows]
    short = done < plan
    text = np.where(
        short,
        np.where(status[rows] > 0, 4 + status[rows], np.where(done > 0, SHORT, MISSED)),
        1,
    )
    amount = _price(ctx, pkg, rates.amount[rate] * done, 60) - _price(
        ctx, pkg, rates.amount[rate] * plan, 60
    )
    out.add(
        pkg,
        s_period[rows],
        0,
        sessions.day[rows],
        sessions.ids.take(pa.array(rows)),
        2 * entry + 1,
        np.where(short, 1, 2),
        text,
        rate,
        done - plan,
        amount,
        planned=sessions.ids.take(pa.array(rows)),
        deduction=short,
    )
    # Records without a commissioned session in their period: a line per rate.
    rows, slot = np.nonzero((r_use & ~linked)[:, None] & (r_min > 0))
    rate, minutes = r_rate[rows, slot], r_min[rows, slot]
    taken = pa.array(rows)
    out.add(
        package[rows],
        r_period[rows],
        1,
        day[rows],
        c["id"].take(taken),
        slot,
        2,
        2,
        rate,
        minutes,
        _price(ctx, package[rows], rates.amount[rate] * minutes, 60),
        record=c["id"].take(taken),
        planned=c["planned_id"].take(taken),
    )
    # Mileage, after each record's lines.
    rows = np.flatnonzero((r_period >= 0) & (c["miles"] > 0))
    per_mile, refused = _mileage(ctx, c, package, day, rows)
    bad[package[rows][refused]] = True
    taken = pa.array(rows)
    out.add(
        package[rows],
        r_period[rows],
        1,
        day[rows],
        c["id"].take(taken),
        np.full(len(rows), 2 * w),
        3,
        3,
        np.full(len(rows), -1),
        c["miles"][rows],
        _price(ctx, package[rows], c["miles"][rows] * np.maximum(per_mile, 0), 1_000_000),
        record=c["id"].take(taken),
        per_mile=per_mile,
        agreement=c["agreement"].take(taken),
    )
    return out.finish(ctx, rates, periods, bad, c, package, day, r_period, held)
