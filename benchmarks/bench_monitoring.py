"""Contract monitoring over 1,000,000 events and 50,000 cases: time and peak memory, and
peak memory as the log grows.

The log is written to a temporary JSON Lines file first (not timed) and read back from
disk, streamed, as the ``monitor`` command reads it. Each case logs, four times over, a
referral received, a call back, a response and an incident with its written notice (20
events a case), at times spread over a year, interleaved across cases in time order; a
fifth of responses and notices come late. The council is Testshire (the test plugin, in
the test environment), or ``--council ID`` for any council with a monitoring declaration.

Reference, measured in the same run: a plain-Python pass over the same file that parses
each line and its time and keeps, per case, the last referral and incident to compare
each response and notice with a fixed limit (the least any monitoring must do). Times
are from untraced runs; peak memory (tracemalloc) from a second, traced run. Closed
deadlines are counted, not kept, as a consumer streaming them out would.

    .venv-dev/bin/python benchmarks/bench_monitoring.py [--events N] [--cases N]

``--cli 100000,1000000,5000000`` instead measures the ``monitor`` command itself: for each
size a log over ``--cases`` cases (the same cases, more events each) is written streamed
(a merge of per-case generators, so the writer holds one pending event per case), then
``childcare-commissioning monitor LOG --council ID --as-of 2026-06-30 --format csv`` runs
in a fresh process, output discarded, and its peak resident memory (``ru_maxrss`` of the
child) and wall time are printed, with the reference's (the plain-Python pass above, in a
fresh process of its own, ``--reference LOG``) measured on the same file in the same run.
The peak must not grow with the log.
"""

from __future__ import annotations

import argparse
import datetime as dt
import heapq
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _harness import measure

from childcare_commissioning.monitoring import Monitor, end_of_day, read_events
from childcare_commissioning.registry import get_registry

CYCLE = ("referral-received", "called-back", "referral-responded", "incident",
         "written-notice-given")  # fmt: skip
START = dt.datetime(2025, 4, 1, 8, 0, tzinfo=dt.UTC)


def _case_events(number: int, per_case: int, seed: int) -> Iterator[tuple[float, str, str]]:
    rng = random.Random(seed * 1_000_003 + number)
    case = f"C{number:06d}"
    at = rng.uniform(0, 60) * 86400
    for index in range(per_case):
        kind = CYCLE[index % len(CYCLE)]
        late = rng.random() < 0.2
        if kind == "called-back":
            at += rng.uniform(1, 30 if late else 6) * 3600
        elif kind == "referral-responded":
            at += rng.uniform(1, 6 if late else 2) * 86400
        elif kind == "written-notice-given":
            at += rng.uniform(1, 30 if late else 20) * 3600
        else:
            at += rng.uniform(0.2, 1.2) * 86400
        yield at, case, kind


def write_log(path: Path, events: int, cases: int, seed: int = 24) -> None:
    """``events`` events over ``cases`` cases, in time order, as JSON Lines; written
    streamed (a merge of per-case generators: one pending event per case)."""
    per_case = events // cases
    merged = heapq.merge(*(_case_events(n, per_case, seed) for n in range(cases)))
    with path.open("w", encoding="utf-8") as out:
        for seconds, case, kind in merged:
            when = (START + dt.timedelta(seconds=round(seconds))).isoformat()
            out.write(json.dumps({"case": case, "kind": kind, "at": when}) + "\n")


_PEAK = (
    "import resource, subprocess, sys; "
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def cli_peak(path: Path, council: str) -> tuple[float, float]:
    """Peak resident memory (MiB) and wall seconds of the ``monitor`` command on ``path``."""
    cli = shutil.which("childcare-commissioning") or str(
        Path(sys.executable).parent / "childcare-commissioning"
    )
    command = [cli, "monitor", str(path), "--council", council, "--as-of", "2026-06-30",
               "--format", "csv"]  # fmt: skip
    return peak_of(command)


def peak_of(command: list[str]) -> tuple[float, float]:
    """Peak resident memory (MiB) and wall seconds of ``command`` in a fresh process."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, *command], capture_output=True, text=True, check=True
    )
    return int(done.stdout.split()[-1]) / 1024, time.perf_counter() - started


def reference(path: Path) -> Counter[str]:
    """Parse every line and time; per case compare answers with the last trigger."""
    last: dict[tuple[str, str], dt.datetime] = {}
    answers = {"referral-responded": ("referral-received", 3 * 86400),
               "called-back": ("referral-received", 86400),
               "written-notice-given": ("incident", 86400)}  # fmt: skip
    outcome: Counter[str] = Counter()
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            row = json.loads(line)
            at = dt.datetime.fromisoformat(row["at"])
            kind = row["kind"]
            if kind in answers:
                trigger, limit = answers[kind]
                started = last.get((row["case"], trigger))
                if started is not None:
                    late = (at - started).total_seconds() > limit
                    outcome["late" if late else "met"] += 1
            else:
                last[(row["case"], kind)] = at
    return outcome


def monitored(path: Path, council: str) -> Counter[str]:
    """The library: read, streamed, and monitor; statuses counted, not kept."""
    registered = get_registry().council(council)
    monitor = Monitor(registered.spec, end_of_day(dt.date(2026, 6, 30)), source="bench")
    outcome: Counter[str] = Counter()
    with path.open(encoding="utf-8") as stream:
        for event in read_events(stream):
            for status in monitor.feed(event):
                outcome[status.status.value] += 1
    for status in monitor.finish():
        outcome[status.status.value] += 1
    outcome["events used"] = monitor.counts["used"]
    outcome["events reported"] = monitor.counts["reported"]
    monitor.kpis()
    return outcome


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--council", default="testshire")
    parser.add_argument(
        "--growth",
        default="0.25,0.5,1",
        help="fractions of --events at which to trace peak memory (flat when streaming)",
    )
    parser.add_argument("--cli", help="event counts at which to measure the CLI's peak memory")
    parser.add_argument("--reference", help="run only the reference pass over this log")
    args = parser.parse_args(argv)
    if args.reference:
        print(dict(reference(Path(args.reference))))
        return
    if args.cli:
        with tempfile.TemporaryDirectory() as folder:
            print(f"monitor CLI peak memory over {args.cases:,} cases ({args.council}):")
            for count in (int(n) for n in args.cli.split(",")):
                path = Path(folder) / f"events-{count}.jsonl"
                write_log(path, count, args.cases)
                size = path.stat().st_size / 2**20
                ref_peak, ref_seconds = peak_of(
                    [sys.executable, __file__, "--reference", str(path)]
                )
                peak, seconds = cli_peak(path, args.council)
                print(f"  {count:>10,} events ({size:,.0f} MiB): reference {ref_peak:6.1f} MiB, "
                      f"{ref_seconds:7.1f} s; monitor {peak:6.1f} MiB (x{peak / ref_peak:.2f}), "
                      f"{seconds:7.1f} s")  # fmt: skip
                path.unlink()
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.jsonl"
        write_log(path, args.events, args.cases)
        size = path.stat().st_size / 2**20
        print(f"{args.events:,} events over {args.cases:,} cases ({size:.0f} MiB JSON Lines)")
        ref_time, ref = measure("reference: plain-Python pass", lambda: reference(path))
        print(f"    outcomes: {dict(sorted(ref.items()))}")
        name = f"monitor ({args.council})"
        lib_time, found = measure(name, lambda: monitored(path, args.council))
        print(f"    outcomes: {dict(sorted(found.items()))}")
        per_event = lib_time / args.events * 1e6
        print(f"monitor: {per_event:.1f} µs per event; x{lib_time / ref_time:.1f} the reference")
        print("peak memory as the log grows (same cases, more events each):")
        for fraction in (float(f) for f in args.growth.split(",")):
            count = int(args.events * fraction)
            part = Path(folder) / f"events-{count}.jsonl"
            write_log(part, count, args.cases)
            measure(f"  {count:,} events", lambda part=part: monitored(part, args.council))


if __name__ == "__main__":
    main()
