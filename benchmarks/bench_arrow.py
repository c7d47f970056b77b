"""The Arrow invoice-lines path against a plain-Python pass over the same records (#26).

Packages of two visits a week (half against planned sessions, some with agreed mileage,
evenings crossing a 22:00-07:00 night rate) as an Arrow table of records, grouped by
package. Measured in the same run:

- reference: a plain-Python pass over the same rows (read each row of the Arrow table,
  hours x rate + miles x 45p, rounded once per record: the least any invoicing must do);
- ``invoice_lines``: one scalar run over the whole table, flattened to Arrow;
- ``invoice_lines_batches``: package by package, batches of 10,000 rows, each output
  batch dropped once counted (what an engine's ``mapInArrow`` does).

Times from untraced runs; peak memory of Python objects (tracemalloc) from a second,
traced run. tracemalloc does not see Arrow's own memory pool, whose high-water mark for the
whole benchmark (input table included) is printed at the end.

Usage: ``bench_arrow.py [PACKAGES] [WEEKS]`` (defaults 1,000 and 52).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

sys.path.insert(0, str(Path(__file__).parent))
from _harness import measure

from childcare_commissioning import arrow
from childcare_commissioning.billing import (
    BillingCycle,
    BillingTerms,
    MileagePolicy,
    PlannedSession,
    Quotation,
    Rate,
    RateCondition,
)
from childcare_commissioning.calendars import TimeWindow
from childcare_commissioning.model import Citation, Package
from childcare_commissioning.money import to_penny

PACKAGES = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000
WEEKS = int(sys.argv[2]) if len(sys.argv) > 2 else 52
CITE = Citation("bench", "1", "fortnightly in arrears")
TERMS = BillingTerms(BillingCycle.FORTNIGHTLY, CITE, mileage=MileagePolicy(Decimal("0.45"), CITE))
START = dt.date(2024, 4, 1)
AS_OF = START + dt.timedelta(weeks=WEEKS + 1)
NIGHT = TimeWindow(dt.time(22), dt.time(7))


def inputs() -> tuple[list[Package], list[Quotation], list[PlannedSession], pa.Table]:
    rng = random.Random(26)
    packages, quotes, planned = [], [], []
    columns: dict[str, list[object]] = {
        name: []
        for name in (
            "id",
            "package_id",
            "date",
            "start",
            "end",
            "planned_id",
            "miles",
            "mileage_agreement",
            "worker_id",
        )
    }
    for p in range(PACKAGES):
        pid = f"P{p:06d}"
        packages.append(Package(pid, "bench", f"YP{p}", START))
        day_rate = Decimal(rng.randrange(1500, 2001)) / 100
        quotes.append(
            Quotation(
                pid,
                (
                    Rate(day_rate, START),
                    Rate(day_rate + 3, START, RateCondition.NIGHT, NIGHT),
                ),
                frozenset({"MA"}),
            )
        )
        for week in range(WEEKS):
            for visit in range(2):
                day = START + dt.timedelta(days=7 * week + 2 * visit + 1)
                rid = f"{pid}-{week}-{visit}"
                planned_id = None
                if visit == 0:
                    planned_id = f"S-{rid}"
                    planned.append(PlannedSession(planned_id, pid, day, 120))
                hour = rng.choice((9, 13, 16, 21))
                columns["id"].append(rid)
                columns["package_id"].append(pid)
                columns["date"].append(day)
                columns["start"].append(dt.time(hour))
                columns["end"].append(dt.time((hour + rng.choice((1, 2, 3))) % 24, 30))
                columns["planned_id"].append(planned_id)
                columns["miles"].append(Decimal(rng.choice((0, 0, 0, 12))))
                columns["mileage_agreement"].append("MA")
                columns["worker_id"].append(f"W{p}")
    schema = pa.schema(
        [
            ("id", pa.string()),
            ("package_id", pa.string()),
            ("date", pa.date32()),
            ("start", pa.time64("us")),
            ("end", pa.time64("us")),
            ("planned_id", pa.string()),
            ("miles", pa.decimal128(8, 1)),
            ("mileage_agreement", pa.string()),
            ("worker_id", pa.string()),
        ]
    )
    return packages, quotes, planned, pa.table(columns, schema=schema)


def main() -> None:
    packages, quotes, planned, table = inputs()
    print(
        f"{PACKAGES:,} packages, {table.num_rows:,} records, {len(planned):,} planned "
        f"sessions; the table's buffers: {table.nbytes / 2**20:.1f} MiB"
    )
    rates = {q.package_id: q.rates[0].amount for q in quotes}
    reference_data = {
        "council": "bench",
        "packages": packages,
        "quotations": quotes,
        "planned": planned,
        "as_of": AS_OF,
        "terms": TERMS,
    }

    def reference() -> Decimal:
        total = Decimal(0)
        for batch in table.to_batches(max_chunksize=10_000):
            ids = batch.column("package_id").to_pylist()
            starts = batch.column("start").to_pylist()
            ends = batch.column("end").to_pylist()
            miles = batch.column("miles").to_pylist()
            for pid, start, end, mile in zip(ids, starts, ends, miles, strict=True):
                minutes = (end.hour * 60 + end.minute - start.hour * 60 - start.minute) % 1440
                total += to_penny(rates[pid] * Decimal(minutes) / 60 + mile * Decimal("0.45"))
        return total

    def whole() -> pa.Table:
        return arrow.invoice_lines(table, **reference_data)  # type: ignore[arg-type]

    def batches() -> tuple[int, Decimal]:
        rows, net = 0, Decimal(0)
        for out in arrow.invoice_lines_batches(
            table.to_batches(max_chunksize=10_000),
            **reference_data,  # type: ignore[arg-type]
        ):
            rows += out.num_rows
            amount = pc.sum(out.column("amount")).as_py()
            net += amount if amount is not None else Decimal(0)
        return rows, net

    ref_time, ref_total = measure("reference: plain-Python pass over the rows", reference)
    whole_time, result = measure("invoice_lines (one run, whole table)", whole)
    batch_time, (batch_rows, batch_net) = measure(
        "invoice_lines_batches (package by package)", batches
    )
    lines = result.filter(pc.equal(result.column("row_kind"), "line"))
    whole_net = pc.sum(lines.column("amount")).as_py()
    print(
        f"  {lines.num_rows:,} lines, net {whole_net} (batches: {batch_net}, "
        f"{batch_rows:,} rows); reference sum {ref_total}"
    )
    print(
        f"ratio: invoice_lines takes {whole_time / ref_time:.1f}x the plain pass, "
        f"invoice_lines_batches {batch_time / ref_time:.1f}x "
        f"({batch_time / table.num_rows * 1e6:.1f} µs per record)"
    )
    pool = pa.default_memory_pool()
    print(f"Arrow memory pool ({pool.backend_name}): peak {pool.max_memory() / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
