"""Load on the HTTP service: N concurrent clients on loopback, a fixed count of referral
checks and invoice runs, against the same functions called in-process in the same run.

The server is the real one (``childcare-commissioning serve``) in its own process on a
free loopback port; its resident memory (VmRSS) is read before, between and after the
rounds. Reports throughput, p50/p99 latency and the error count (which must be 0).

    .venv-dev/bin/python benchmarks/bench_service.py [--clients 8] [--requests 400]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from childcare_commissioning.examples import read_example
from tests.test_cli import BATCH

REFERRAL = read_example("referral.json")
AS_OF = dt.date(2024, 12, 16)
BODY = json.dumps(BATCH)


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _row(name: str, latencies: list[float], seconds: float, errors: int) -> str:
    ms = [v * 1000 for v in latencies]
    return (
        f"| {name} | {len(ms)} | {len(ms) / seconds:.0f} /s | {statistics.median(ms):.1f} ms "
        f"| {_percentile(ms, 0.99):.1f} ms | {errors} |"
    )


async def _load(
    base: str, path: str, body: str, clients: int, count: int
) -> tuple[list[float], float, int]:
    latencies: list[float] = []
    errors = 0
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(count):
        queue.put_nowait(i)

    async def client() -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=base, timeout=120) as http:
            while not queue.empty():
                queue.get_nowait()
                started = time.perf_counter()
                response = await http.post(
                    path, content=body, headers={"content-type": "application/json"}
                )
                latencies.append(time.perf_counter() - started)
                if response.status_code != 200:
                    errors += 1

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return latencies, time.perf_counter() - started, errors


def _in_process(kind: str, count: int) -> tuple[list[float], float]:
    from childcare_commissioning.cli.invoicecmd import batch_as_of, run_batch, run_document
    from childcare_commissioning.cli.referralcmd import decide
    from childcare_commissioning.convert import structure, unstructure
    from childcare_commissioning.explain import explain
    from childcare_commissioning.model import Referral
    from childcare_commissioning.registry import get_registry

    def referral() -> Any:
        council = get_registry().council("plymouth")
        document = structure(json.loads(REFERRAL), Referral)
        return json.dumps(explain(unstructure(decide(council.spec, document, None)), council))

    def invoices() -> Any:
        council = get_registry().council("testshire")
        batch = json.loads(BODY)
        result, findings = run_batch(council.spec, batch, batch_as_of(AS_OF, batch), [])
        return json.dumps(explain(run_document(result, findings), council))

    call = referral if kind == "referral" else invoices
    call()
    latencies = []
    started = time.perf_counter()
    for _ in range(count):
        t = time.perf_counter()
        call()
        latencies.append(time.perf_counter() - t)
    return latencies, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=400)
    args = parser.parse_args()
    port = _free_port()
    exe = Path(sys.executable).with_name("childcare-commissioning")
    server = subprocess.Popen(
        [str(exe), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("the server did not start")
            time.sleep(0.2)
        print(
            f"clients: {args.clients}, requests per round: {args.requests}, "
            f"cpus: {os.cpu_count()}, load: {os.getloadavg()[0]:.1f}"
        )
        memory = [("started", _rss_mib(server.pid))]
        rows = ["| round | calls | throughput | p50 | p99 | errors |", "|---|---|---|---|---|---|"]
        rounds = (
            ("referral", "/councils/plymouth/referrals/check", REFERRAL),
            ("invoices", "/councils/testshire/invoices?as_of=2024-12-16", BODY),
        )
        for repeat in (1, 2):
            for kind, path, body in rounds:
                latencies, seconds, errors = asyncio.run(
                    _load(base, path, body, args.clients, args.requests)
                )
                rows.append(_row(f"HTTP {kind} (round {repeat})", latencies, seconds, errors))
                memory.append((f"after {kind} round {repeat}", _rss_mib(server.pid)))
        for kind, _, _ in rounds:
            latencies, seconds = _in_process(kind, args.requests)
            rows.append(_row(f"in-process {kind}", latencies, seconds, 0))
        print("\n".join(rows))
        print("\n| server memory (VmRSS) | MiB |\n|---|---|")
        for label, mib in memory:
            print(f"| {label} | {mib:.1f} |")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
