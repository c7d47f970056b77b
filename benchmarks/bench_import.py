"""Start-up cost of single answers, against importing the library's own base libraries.

    .venv-dev/bin/python benchmarks/bench_import.py [--before REV] [--repeat N] [--instructions]

Reference: ``python -c "import attrs, cattrs, pluggy"`` in the same run. The library
cannot start faster than the libraries it is built on; what matters is how much it adds to
one answer: a working-day sum, a council's deadlines, the installed councils, a
safeguarding route (each also with ``--format json``, which prints without rich).

``--before REV`` also runs every command against the code of ``REV`` (``git archive`` of
its ``src``, plugins and test plugin into a temporary directory, put first on
``PYTHONPATH``, so the same interpreter and installed libraries run both), interleaved
with the working tree's runs, so that before and after are measured under the same load.

Every command runs with bytecode compiled for both trees (as an installed wheel has it:
``PYTHONDONTWRITEBYTECODE`` in the environment would otherwise make each run compile the
library from source). Wall time is the median of ``--repeat`` runs; ``--instructions``
also counts each command's instructions once under ``valgrind --tool=callgrind`` (slow,
but the same on a loaded machine as on an idle one).
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AT = "2025-03-03T10:00:00+00:00"

COMMANDS: dict[str, list[str]] = {
    "working-days add 2025-03-01 10": ["working-days", "add", "2025-03-01", "10"],
    "deadlines --council plymouth --at ...": ["deadlines", "--council", "plymouth", "--at", AT],
    "deadlines ... --format json": [
        *("deadlines", "--council", "plymouth", "--at", AT),
        *("--format", "json"),
    ],
    "councils --format json": ["councils", "--format", "json"],
    "safeguarding route ... (plymouth, child)": [
        *("safeguarding", "route", "--council", "plymouth"),
        *("--concern", "child", "--at", AT),
    ],
    "safeguarding route ... --format json": [
        *("safeguarding", "route", "--council", "plymouth"),
        *("--concern", "child", "--at", AT, "--format", "json"),
    ],
}
REFERENCE = "reference: import attrs, cattrs, pluggy"


def _environment(tree: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if tree is not None:
        paths = [tree / "src", *sorted(tree.glob("plugins/*/src"))]
        paths += sorted(tree.glob("tests/plugins/*/src"))
        env["PYTHONPATH"] = os.pathsep.join(str(p) for p in paths)
    return env


def _before_tree(revision: str, into: Path) -> Path:
    """The library, plugins and test plugin of ``revision``, unpacked into ``into``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "src", "plugins", "tests/plugins"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def _compile(tree: Path) -> None:
    for src in [tree / "src", *tree.glob("plugins/*/src"), *tree.glob("tests/plugins/*/src")]:
        compileall.compile_dir(str(src), quiet=1)


def _argv(name: str) -> list[str]:
    if name == REFERENCE:
        return [sys.executable, "-c", "import attrs, cattrs, pluggy"]
    cli = [sys.executable, "-c", "import sys; from childcare_commissioning.cli import main; "]
    cli[-1] += "sys.exit(main())"
    return [*cli, *COMMANDS[name]]


def _run(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    # Exit 1 is an answer (a route the text does not give), not a failure.
    done = subprocess.run(argv, env=env, capture_output=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{argv[3:]} failed: {done.stderr.decode()[-400:]}")
    return time.perf_counter() - start


def _instructions(argv: list[str], env: dict[str, str]) -> int:
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"callgrind gave no count for {argv[3:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", metavar="REV", help="also measure the code of REV")
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--instructions", action="store_true", help="count under callgrind")
    args = parser.parse_args()
    names = [REFERENCE, *COMMANDS]
    with tempfile.TemporaryDirectory() as tmp:
        trees: dict[str, Path | None] = {"after": None}
        _compile(ROOT)
        if args.before:
            trees["before"] = _before_tree(args.before, Path(tmp))
            _compile(Path(tmp))
        envs = {label: _environment(tree) for label, tree in trees.items()}
        times: dict[tuple[str, str], list[float]] = {}
        for name in names:  # warm-up: file caches, bytecode
            for label in trees:
                _run(_argv(name), envs[label])
        for _ in range(args.repeat):  # interleaved, so both see the same load
            for name in names:
                for label in trees:
                    if name == REFERENCE and label != "after":
                        continue
                    key = (name, label)
                    times.setdefault(key, []).append(_run(_argv(name), envs[label]))
        counts: dict[tuple[str, str], int] = {}
        if args.instructions and shutil.which("valgrind"):
            for name in names:
                for label in trees:
                    if name == REFERENCE and label != "after":
                        continue
                    counts[(name, label)] = _instructions(_argv(name), envs[label])
    load = os.getloadavg()
    print(
        f"python {sys.version.split()[0]}; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    base = statistics.median(times[(REFERENCE, "after")])
    base_count = counts.get((REFERENCE, "after"))
    width = max(len(n) for n in names) + 9
    for name in names:
        for label in trees:
            key = (name, label)
            if key not in times:
                continue
            median = statistics.median(times[key])
            line = f"{name + ' (' + label + ')':<{width}} median {median * 1000:7.1f} ms"
            line += f"  x{median / base:5.2f}"
            if key in counts and base_count:
                line += f"   {counts[key] / 1e6:8.1f} M instr  x{counts[key] / base_count:5.2f}"
            print(line)


if __name__ == "__main__":
    main()
