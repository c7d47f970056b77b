"""A national year of fortnightly invoices, streamed: time and peak memory, and how they grow.

Data: :mod:`_national` (synthetic but realistic: packages starting on different days, rate
uplifts, night, weekend and bank-holiday rates, overnight visits across both clock changes,
mileage under agreements, missed and cancelled sessions deducted, 5 % retention),
generated package by package and never held whole. :func:`national_records` gives the
records alone, grouped by package.

For each number of packages (default 10,000, 40,000 and 83,000 x 26 fortnights), three
fresh processes, one after another (never in parallel):

- ``generate``: make every package's year and drop it (the cost of the input alone);
- ``plain``: the reference, a plain-Python pass over the same records: each record's
  elapsed minutes (in UTC) x the package's standard rate, plus miles x 45p, rounded to
  the penny once per record, and a total;
- ``stream``: :func:`~childcare_commissioning.billing.stream_invoices` over the same
  records and planned sessions, every invoice consumed (its net summed) and dropped;
- ``arrow``: :func:`~childcare_commissioning.arrow.invoice_lines_batches` over the same
  records, fed as Arrow record batches of about 10,000 rows built package by package from
  the same generator as they are read (never the year as one table); every output batch's
  line amounts summed and the batch dropped. Quotations and planned sessions are streamed
  to it from the same generation of the year (``itertools.tee``), in package order, as
  to ``stream``: nothing is generated twice or held.

The arrow net must equal the stream net to the penny at each size, or the benchmark stops
with an error.

Each process reports its wall-clock time and its peak resident memory (``ru_maxrss``: the
whole process, interpreter, imports and inputs included, never a traced subset), and its
resident memory after the imports. Run with the test environment's Python:

    .venv-dev/bin/python benchmarks/bench_national.py            # 10k, 40k, 83k
    .venv-dev/bin/python benchmarks/bench_national.py 2000 5000  # other sizes
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _national import COUNCIL, TERMS, PackageYear, as_of, national_packages, national_year

from childcare_commissioning.billing import DeliveryRecord
from childcare_commissioning.money import to_penny

__all__ = ["national_records"]

FORTNIGHTS = 26
SEED = 26


def national_records(
    packages: int, fortnights: int = FORTNIGHTS, seed: int = SEED
) -> Iterator[DeliveryRecord]:
    """Every delivery record of a national year, grouped by package (``P0``, ``P1``, ...),
    made as they are read."""
    for year in national_year(packages, fortnights, seed):
        yield from year.records


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _counted(years: Iterator[PackageYear], count: list[int]) -> Iterator[PackageYear]:
    """The years as they come, adding their records to ``count[0]``."""
    for year in years:
        count[0] += len(year.records)
        yield year


def _generate(packages: int) -> dict[str, object]:
    records = planned = 0
    for year in national_year(packages, FORTNIGHTS, SEED):
        records += len(year.records)
        planned += len(year.planned)
    return {"records": records, "planned": planned}


def _plain(packages: int) -> dict[str, object]:
    per_mile = Decimal("0.45")
    total = Decimal(0)
    records = 0
    for year in national_year(packages, FORTNIGHTS, SEED):
        rate = year.quotation.rates[0].amount
        for record in year.records:
            records += 1
            total += to_penny(rate * record.minutes / 60 + record.miles * per_mile)
    return {"records": records, "total": str(total)}


def _stream(packages: int) -> dict[str, object]:
    from childcare_commissioning.billing import stream_invoices

    count = [0]
    years_a, years_b = itertools.tee(national_year(packages, FORTNIGHTS, SEED))
    records = (r for year in _counted(years_a, count) for r in year.records)
    planned = (s for year in years_b for s in year.planned)
    net = payable = Decimal(0)
    invoices = lines = findings = 0
    for result in stream_invoices(
        COUNCIL,
        TERMS,
        (p for p, _ in national_packages(packages, FORTNIGHTS, SEED)),
        (q for _, q in national_packages(packages, FORTNIGHTS, SEED)),
        planned,
        records,
        as_of(FORTNIGHTS),
    ):
        findings += len(result.findings)
        for invoice in result.invoices:
            invoices += 1
            lines += len(invoice.lines)
            net += invoice.net
            payable += invoice.payable
    return {
        "records": count[0],
        "invoices": invoices,
        "lines": lines,
        "findings": findings,
        "net": str(net),
        "payable": str(payable),
    }


_COLUMNS = (
    "id",
    "package_id",
    "date",
    "status",
    "start",
    "end",
    "worker_id",
    "planned_id",
    "miles",
    "mileage_agreement",
)


def _record_batches(years: Iterator[PackageYear], rows: int = 10_000) -> Iterator[Any]:
    """The national records as Arrow record batches of about ``rows`` rows (whole
    packages), each built from the generator's packages as they come."""
    import pyarrow as pa

    typed = {"date": pa.date32(), "start": pa.time64("us"), "end": pa.time64("us")}
    typed["miles"] = pa.decimal128(8, 2)
    schema = pa.schema([(name, typed.get(name, pa.string())) for name in _COLUMNS])
    records: list[DeliveryRecord] = []

    def batch() -> Any:
        columns = {name: [getattr(r, name) for r in records] for name in _COLUMNS}
        columns["status"] = [r.status.value for r in records]
        return pa.RecordBatch.from_pydict(columns, schema=schema)

    for year in years:
        records += year.records
        if len(records) >= rows:
            yield batch()
            records = []
    if records:
        yield batch()


def _arrow(packages: int) -> dict[str, object]:
    import pyarrow.compute as pc

    from childcare_commissioning.arrow import invoice_lines_batches

    net = Decimal(0)
    lines = findings = 0
    count = [0]
    # One generation of the year, read three ways as it goes (records, quotations and
    # planned sessions, all in package order): never held.
    years_a, years_b, years_c = itertools.tee(national_year(packages, FORTNIGHTS, SEED), 3)
    for out in invoice_lines_batches(
        _record_batches(_counted(years_a, count)),
        council=COUNCIL,
        packages=(p for p, _ in national_packages(packages, FORTNIGHTS, SEED)),
        quotations=(year.quotation for year in years_b),
        planned=(s for year in years_c for s in year.planned),
        as_of=as_of(FORTNIGHTS),
        terms=TERMS,
    ):
        kinds = out.column("row_kind")
        is_line = pc.equal(kinds, "line")
        lines += pc.sum(is_line).as_py() or 0
        findings += pc.sum(pc.equal(kinds, "finding")).as_py() or 0
        net += pc.sum(pc.filter(out.column("amount"), is_line)).as_py() or Decimal(0)
    return {"records": count[0], "lines": lines, "findings": findings, "net": str(net)}


KINDS = {"generate": _generate, "plain": _plain, "stream": _stream, "arrow": _arrow}


def _point(kind: str, packages: int) -> None:
    """One measurement in this (fresh) process: prints one JSON line."""
    baseline = _rss_mib()
    start, cpu = time.perf_counter(), time.process_time()
    result = KINDS[kind](packages)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        json.dumps(
            {"seconds": elapsed, "cpu": cpu, "peak_mib": _rss_mib(), "base_mib": baseline} | result
        )
    )


def _instructions(sizes: list[int], kinds: list[str]) -> None:
    """Instructions of each kind (``valgrind --tool=callgrind``), the same on a loaded
    machine as on an idle one; the interpreter and imports (a run of 0 packages) are
    subtracted, so ratios compare the work alone."""
    import re

    def count(kind: str, packages: int) -> int:
        done = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--callgrind-out-file=/dev/null",
                sys.executable,
                __file__,
                "--point",
                kind,
                str(packages),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        found = re.search(r"Collected : (\d+)", done.stderr)
        assert found is not None, done.stderr[-400:]
        return int(found.group(1))

    print(f"{FORTNIGHTS} fortnights; instructions (callgrind), imports subtracted")
    for packages in sizes:
        counts = {kind: count(kind, packages) - count(kind, 0) for kind in kinds}
        plain = counts.get("plain")
        for kind, n in counts.items():
            ratio = f"  x{n / plain:5.2f} plain" if plain else ""
            print(f"{packages:>9,} {kind:<9} {n / 1e6:>10.1f} M instructions{ratio}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packages", nargs="*", type=int, default=[10_000, 40_000, 83_000])
    parser.add_argument(
        "--kinds", default=",".join(KINDS), help="comma-separated kinds (default: all)"
    )
    parser.add_argument("--point", choices=KINDS, help=argparse.SUPPRESS)
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count each kind's instructions under callgrind (no times: ~50x slower)",
    )
    args = parser.parse_args()
    if args.point:
        _point(args.point, args.packages[0])
        return
    if args.instructions:
        _instructions(args.packages, args.kinds.split(","))
        return
    print(f"{FORTNIGHTS} fortnights; each figure from a fresh process; peak = max RSS")
    header = f"{'packages':>9} {'kind':<9} {'records':>10} {'time s':>8} {'µs/rec':>7}"
    print(f"{header} {'peak MiB':>9} {'after imports':>14} {'x plain':>8} {'CPU s':>8} {'x':>6}")
    for packages in args.packages:
        measured: dict[str, dict[str, Any]] = {}
        for kind in args.kinds.split(","):
            out = subprocess.run(
                [sys.executable, __file__, "--point", kind, str(packages)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            m = measured[kind] = json.loads(out.strip().splitlines()[-1])
            plain = measured.get("plain", {})
            ratio = f"{m['seconds'] / plain['seconds']:>8.2f}" if plain else f"{'':>8}"
            cpu = f"{m['cpu'] / plain['cpu']:>6.2f}" if plain else f"{'':>6}"
            print(
                f"{packages:>9,} {kind:<9} {m['records']:>10,} {m['seconds']:>8.1f} "
                f"{m['seconds'] / m['records'] * 1e6:>7.2f} {m['peak_mib']:>9.1f} "
                f"{m['base_mib']:>14.1f} {ratio} {m['cpu']:>8.1f} {cpu}",
                flush=True,
            )
        for kind in ("stream", "arrow"):
            if kind in measured:
                m = measured[kind]
                print(
                    f"{'':>9} {kind}: {m['lines']:,} lines, {m['findings']} findings, "
                    f"net {m['net']}",
                    flush=True,
                )
        if "stream" in measured and "arrow" in measured:
            if measured["stream"]["net"] != measured["arrow"]["net"]:
                sys.exit(f"error: at {packages:,} packages the arrow net differs from the stream's")
            print(f"{'':>9} arrow net = stream net, to the penny", flush=True)


if __name__ == "__main__":
    main()
