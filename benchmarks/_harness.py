"""A plain timing harness: repeated runs, median and spread, ratios to a reference."""

from __future__ import annotations

import statistics
import subprocess
import time
import tracemalloc
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["measure", "report", "time_call", "time_command"]


def time_command(argv: Sequence[str], repeat: int) -> list[float]:
    """Wall-clock seconds of ``repeat`` runs of a command (after one warm-up run)."""
    subprocess.run(argv, check=True, capture_output=True)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def time_call(function: Callable[[], object], repeat: int) -> list[float]:
    """Seconds of ``repeat`` calls of ``function`` (after one warm-up call)."""
    function()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def report(results: dict[str, list[float]], reference: str) -> None:
    """Print median, min and the ratio of each median to the reference's median."""
    base = statistics.median(results[reference])
    width = max(len(name) for name in results)
    for name, times in results.items():
        median = statistics.median(times)
        print(
            f"{name:<{width}}  median {median * 1000:8.1f} ms  min {min(times) * 1000:8.1f} ms"
            f"  x{median / base:5.2f} of reference"
        )


def measure(name: str, function: Callable[[], Any]) -> tuple[float, Any]:
    """Time one untraced run, then trace a second run for its peak memory (tracing slows
    Python code several times, so both are never taken from one run). Prints a line."""
    start = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - start
    tracemalloc.start()
    function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  {name:<48} {elapsed:8.3f} s   peak {peak / 2**20:8.1f} MiB")
    return elapsed, result
