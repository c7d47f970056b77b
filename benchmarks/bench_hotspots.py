"""The invoice run's hot spots, before and after (#26), measured in the same process.

"Before" is ``billing/invoices.py`` as it was at commit ``BEFORE`` (read from git and loaded
as a module of its own); "after" is the installed one. Both run the batch
:func:`run_invoices` over the same national-year data (:mod:`_national`: night, weekend
and bank-holiday rates, overnight visits across the clock changes, planned sessions,
deductions, mileage, retention), alternately, ``REPEAT`` times each (after one warm-up
each); the medians are compared, and the two results must be equal (every invoice, line,
finding, pending and held record), or the benchmark stops. Then the same for the referral
checks, when the referral module changed.

    .venv-dev/bin/python benchmarks/bench_hotspots.py [packages] [revision]   # 500, 6134d4c

Give a later revision (``main``, say) to compare with the run as it was there: the module
of that revision is loaded beside the installed one and imports the installed siblings.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _national import COUNCIL, TERMS, as_of, national_year

from childcare_commissioning.billing import invoices as after_module

BEFORE = sys.argv[2] if len(sys.argv) > 2 else "6134d4c"
REPEAT = 3
ROOT = Path(__file__).resolve().parent.parent


def _load_before(path: str, name: str) -> types.ModuleType:
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{BEFORE}:{path}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    module = types.ModuleType(name)
    module.__file__ = f"{BEFORE}:{path}"
    sys.modules[name] = module  # attrs resolves the module's annotations through it
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    return module


def _timed(function: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main() -> None:
    packages = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    years = list(national_year(packages))
    inputs = (
        [y.package for y in years],
        [y.quotation for y in years],
        [s for y in years for s in y.planned],
        [r for y in years for r in y.records],
    )
    print(
        f"{packages:,} packages x 26 fortnights: {len(inputs[3]):,} records, "
        f"{len(inputs[2]):,} planned sessions; batch run_invoices, median of {REPEAT}"
    )
    before_module = _load_before("src/childcare_commissioning/billing/invoices.py", "_before")
    runs = {
        "before": lambda: before_module.run_invoices(COUNCIL, TERMS, *inputs, as_of(26)),
        "after": lambda: after_module.run_invoices(COUNCIL, TERMS, *inputs, as_of(26)),
    }
    results = {name: run() for name, run in runs.items()}  # warm-up, and the answers
    old, new = results["before"], results["after"]
    same = (
        [attrs_tuple(i) for i in old.invoices] == [attrs_tuple(i) for i in new.invoices]  # type: ignore[attr-defined]
        and old.findings == new.findings  # type: ignore[attr-defined]
        and (old.pending, old.held) == (new.pending, new.held)  # type: ignore[attr-defined]
    )
    if not same:
        raise SystemExit("before and after disagree: not a refactoring")
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(REPEAT):
        for name, run in runs.items():
            times[name].append(_timed(run)[0])
    base = statistics.median(times["before"])
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"  {name:<7} median {median:7.2f} s  (min {min(values):.2f})  "
            f"{median / len(inputs[3]) * 1e6:6.1f} µs/record  x{median / base:.2f} of before"
        )
    print(f"  identical results: {len(new.invoices):,} invoices, net {new.net}")  # type: ignore[attr-defined]
    referrals(packages * 10)


def referrals(count: int) -> None:
    """check_referral before and after, over every installed council."""
    from bench_referrals import documents

    from childcare_commissioning import referrals as after_referrals
    from childcare_commissioning.convert import structure
    from childcare_commissioning.model import Referral
    from childcare_commissioning.registry import get_registry

    before_referrals = _load_before("src/childcare_commissioning/referrals.py", "_before_ref")
    items = [structure(d, Referral) for d in documents(count)]
    specs = [c.spec for c in get_registry().councils()]
    print(f"{count:,} referrals x {len(specs)} councils: check_referral, median of {REPEAT}")

    def checker(module: types.ModuleType) -> Callable[[], list[object]]:
        def run() -> list[object]:
            out: list[object] = []
            for spec in specs:
                services = [s.id for s in spec.services] or [None]
                for i, r in enumerate(items):
                    out.append(module.check_referral(spec, r, services[i % len(services)]))
            return out

        return run

    runs = {"before": checker(before_referrals), "after": checker(after_referrals)}
    answers = {name: run() for name, run in runs.items()}
    if [attrs_tuple(d) for d in answers["before"]] != [attrs_tuple(d) for d in answers["after"]]:
        raise SystemExit("referral decisions disagree before and after")
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(REPEAT):
        for name, run in runs.items():
            times[name].append(_timed(run)[0])
    base = statistics.median(times["before"])
    checks = count * len(specs)
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"  {name:<7} median {median:7.2f} s  (min {min(values):.2f})  "
            f"{median / checks * 1e6:6.1f} µs/check  x{median / base:.2f} of before"
        )
    print(f"  identical decisions: {checks:,}")


def attrs_tuple(invoice: object) -> tuple[object, ...]:
    """An invoice as plain values (the two modules' classes are different classes)."""
    import attrs

    def plain(value: object) -> object:
        if attrs.has(type(value)):
            return (type(value).__name__, *(plain(v) for v in attrs.astuple(value, recurse=False)))
        if isinstance(value, tuple):
            return tuple(plain(v) for v in value)
        return value

    return plain(invoice)  # type: ignore[return-value]


if __name__ == "__main__":
    main()
