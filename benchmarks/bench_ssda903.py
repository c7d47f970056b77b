"""Reading a 100,000-episode SSDA903 Episodes table: time and peak memory against pandas.

A synthetic Episodes CSV is written to a temporary file first (not timed): children with
one to nine episodes each, chained as councils record them (each episode's ``DEC`` the
next one's ``DECOM``, ``REC`` ``X1`` between them, the last open or ended with a leaving
code), with codes drawn from the real code lists and postcodes and URNs of the real shapes.

Measured in the same run, each read from disk:

- ``read_episodes`` kept: every row parsed into an ``Episode`` (codes as enums, dates as
  dates) and kept in a list, as a caller holding the table would;
- ``read_episodes`` streamed: every row parsed, none kept (a count), as a caller
  streaming to a database would;
- ``load`` Header and Episodes: the children with their grouped episodes;
- the reference, ``pandas.read_csv(dtype=str)``: the table as strings, no dates or codes
  checked; and the same plus ``pd.to_datetime(format="%d/%m/%Y")`` on ``DECOM`` and
  ``DEC``, as the Data to Insight validator reads them.

Times are the median of three untraced runs (after a warm-up run; the machine may be
shared, so ratios within one run are what to compare); peak memory (tracemalloc, which
sees pandas' and numpy's allocations too) from a further, traced run. pandas comes from the
``bench`` extra:

    .venv-dev/bin/pip install -e '.[bench]'
    .venv-dev/bin/python benchmarks/bench_ssda903.py [--episodes N]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import statistics
import sys
import tempfile
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _harness import time_call

from childcare_commissioning.formats import ssda903

LEGAL = ("C1", "C2", "C2", "C2", "E1", "V2", "V2", "V3", "J1", "L2")
NEED = ("N1", "N1", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8")
PLACE = ("U1", "U3", "U4", "U4", "U6", "U6", "U6", "K2", "R1", "P1", "A5", "H5", "T4")
PROVIDER = ("PR1", "PR1", "PR4", "PR4", "PR5", "PR2", "PR3")
CHANGE = ("CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ",
          "PLACE", "CUSTOD", "OTHER")  # fmt: skip
LEAVE = ("E11", "E13", "E4A", "E4B", "E41", "E45", "E5", "E6", "E8", "E17")


def _postcode(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPRSTUWY"
    return (
        f"{rng.choice(letters)}{rng.choice(letters)}{rng.randint(1, 29)} "
        f"{rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
    )


def write_return(header: Path, episodes: Path, count: int, seed: int = 903) -> int:
    """About ``count`` episodes over as many children as it takes; returns the number."""
    rng = random.Random(seed)
    written = 0
    child = 100000
    fmt = ssda903.DATE_FORMAT
    with (
        header.open("w", newline="", encoding="utf-8") as h,
        episodes.open("w", newline="", encoding="utf-8") as e,
    ):
        hw, ew = csv.writer(h), csv.writer(e)
        hw.writerow(ssda903.HEADER_COLUMNS)
        ew.writerow(ssda903.EPISODES_COLUMNS)
        while written < count:
            child += rng.randint(1, 7)
            born = dt.date(2004, 1, 1) + dt.timedelta(days=rng.randint(0, 18 * 365))
            hw.writerow([child, rng.choice("MF"), born.strftime(fmt), "WBRI", "", "", ""])
            start = born + dt.timedelta(days=rng.randint(0, 15 * 365))
            home = _postcode(rng)
            n = min(rng.randint(1, 9), count - written)
            for i in range(n):
                last = i == n - 1
                days = rng.randint(1, 400)
                end = start + dt.timedelta(days=days)
                is_open = last and rng.random() < 0.5
                place = rng.choice(PLACE)
                ew.writerow(
                    [
                        child,
                        start.strftime(fmt),
                        "S" if i == 0 else rng.choice("LPTUB"),
                        rng.choice(LEGAL),
                        rng.choice(NEED),
                        place,
                        "" if place.startswith("T") else rng.choice(PROVIDER),
                        "" if is_open else end.strftime(fmt),
                        "" if is_open else (rng.choice(LEAVE) if last else "X1"),
                        "" if (is_open or last) else rng.choice(CHANGE),
                        home,
                        _postcode(rng),
                        "SC" + str(rng.randint(100000, 999999)) if place == "K2" else "",
                    ]
                )
                start = end
            written += n
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--episodes", type=int, default=100_000)
    args = parser.parse_args()
    import pandas as pd

    with tempfile.TemporaryDirectory() as folder:
        header, episodes = Path(folder) / "header.csv", Path(folder) / "episodes.csv"
        count = write_return(header, episodes, args.episodes)
        size = episodes.stat().st_size
        mib = size / 2**20
        print(f"SSDA903 Episodes: {count:,} episodes, {mib:.1f} MiB (pandas {pd.__version__})")

        def ours_kept() -> int:
            return len(list(ssda903.read_episodes(episodes)))

        def ours_streamed() -> int:
            return sum(1 for _ in ssda903.read_episodes(episodes))

        def ours_load() -> int:
            return len(ssda903.load(header, episodes).children)

        def pandas_strings() -> int:
            return len(pd.read_csv(episodes, dtype=str, keep_default_na=False))

        def pandas_dates() -> int:
            frame = pd.read_csv(episodes, dtype=str)
            for column in ("DECOM", "DEC"):
                frame[column] = pd.to_datetime(frame[column], format="%d/%m/%Y", errors="coerce")
            return len(frame)

        results: dict[str, tuple[float, float]] = {}
        for label, function in (
            ("pandas.read_csv(dtype=str) [reference]", pandas_strings),
            ("pandas.read_csv + to_datetime(DECOM, DEC)", pandas_dates),
            ("read_episodes, all kept", ours_kept),
            ("read_episodes, streamed (none kept)", ours_streamed),
            ("load(header, episodes): children", ours_load),
        ):
            seconds = statistics.median(time_call(function, 3))
            tracemalloc.start()
            function()
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            results[label] = (seconds, peak)
        ref_time, ref_peak = next(iter(results.values()))
        for label, (seconds, peak) in results.items():
            print(
                f"  {label:<44} {seconds:7.3f} s  x{seconds / ref_time:5.2f}   "
                f"peak {peak:6.1f} MiB  x{peak / ref_peak:5.2f}"
            )


if __name__ == "__main__":
    main()
