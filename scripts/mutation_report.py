"""Record and report mutation results per module (issue #27).

``record RESULTS COMMIT``
    Reads ``mutmut results --all true`` and writes ``benchmarks/mutation/<module>.json``
    for every module whose mutants were checked in this run (killed, survived, date,
    commit). Modules not run keep their earlier file, so modules can be run one at a time.
``survivors MODULE ...``
    Prints the full names of the survivors recorded for each module (``billing/invoices``
    or ``billing.invoices``), one per line, for ``scripts/mutation --recheck``; refuses a
    module with no record or whose source changed since its recorded run.
``recheck RESULTS COMMIT``
    Reads the results of a run over those survivors only and updates each record: the
    survivors now killed move to killed, and the record says when and at which commit
    they were rechecked (the full run's date and commit stay).
``report``
    Joins every ``benchmarks/mutation/<module>.json`` with the hand-written accounts in
    ``benchmarks/mutation/<module>.accounts.toml`` and prints ``mutation-report.md``.

An accounts file gives each survivor that is left one line, in one of two tables::

    [equivalent]   # the mutant cannot change an answer (why)
    "x_format_gbp__mutmut_2" = "the default locale argument is always passed"
    [left]         # it can change an answer, and is left (why)
    "x_foo__mutmut_9" = "..."

The score counts behaviour-changing mutants only: killed / (killed + survived - equivalent).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

KILLED = {"killed", "timeout", "segfault"}  # a mutant that makes the suite fail or hang
ALIVE = {"survived", "no tests"}  # a mutant no test notices (or no test reaches)
FOLDER = Path(__file__).resolve().parent.parent / "benchmarks" / "mutation"
PATTERN = re.compile(r"\s*(childcare_commissioning\.[\w.]+?)\.(x\w*__mutmut_\d+): (.+)")


def record(results_path: str, commit: str) -> None:
    statuses = _read(results_path)
    counts = {module: Counter(found.values()) for module, found in statuses.items()}
    alive = {
        module: [name for name, status in found.items() if status in ALIVE]
        for module, found in statuses.items()
    }
    today = dt.datetime.now(dt.UTC).date().isoformat()
    FOLDER.mkdir(parents=True, exist_ok=True)
    for module, c in sorted(counts.items()):
        killed = sum(c[s] for s in KILLED)
        if killed + sum(c[s] for s in ALIVE) == 0:
            continue  # generated, not checked in this run
        data = {
            "module": module,
            "date": today,
            "commit": commit,
            "killed": killed,
            "survived": sorted(alive[module]),
            "no_tests": sorted(n for n in alive[module] if statuses[module][n] == "no tests"),
            "statuses": dict(sorted(c.items())),
        }
        path = FOLDER / f"{module}.json"
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"recorded {path.name}: {killed} killed, {len(alive[module])} alive")


def _read(results_path: str) -> dict[str, dict[str, str]]:
    """Each module's mutant statuses, by mutant name, from ``mutmut results``."""
    statuses: dict[str, dict[str, str]] = defaultdict(dict)
    for line in Path(results_path).read_text(encoding="utf-8").splitlines():
        found = PATTERN.match(line)
        if found:
            statuses[found.group(1)][found.group(2)] = found.group(3).strip()
    return statuses


def _module_name(module: str) -> str:
    return "childcare_commissioning." + module.replace("/", ".").removeprefix(
        "childcare_commissioning."
    )


def survivors(modules: list[str]) -> None:
    names = []
    for given in modules:
        module = _module_name(given)
        path = FOLDER / f"{module}.json"
        if not path.exists():
            sys.exit(f"mutation_report.py: {module} has no recorded run to recheck")
        data = json.loads(path.read_text(encoding="utf-8"))
        current = _current(module, data["commit"])
        if current != "yes":
            sys.exit(
                f"mutation_report.py: {module} is not current since its run at "
                f"{data['commit']} ({current.strip('*')}): run it in full"
            )
        names += [f"{module}.{name}" for name in data["survived"]]
    print("\n".join(names))


def recheck(results_path: str, commit: str) -> None:
    statuses = _read(results_path)
    today = dt.datetime.now(dt.UTC).date().isoformat()
    for module, found in sorted(statuses.items()):
        path = FOLDER / f"{module}.json"
        if not path.exists():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        checked = {
            n: found[n] for n in data["survived"] if found.get(n, "not checked") != "not checked"
        }
        if not checked:
            continue
        now_killed = sorted(n for n, status in checked.items() if status in KILLED)
        data["killed"] += len(now_killed)
        data["survived"] = sorted(n for n in data["survived"] if n not in now_killed)
        if "no_tests" in data:
            data["no_tests"] = sorted(n for n in data["no_tests"] if n not in now_killed)
        counts = Counter(data["statuses"])
        for name in now_killed:
            # A survivor was "survived" or "no tests" (listed since records name them).
            counts["no tests" if name in data.get("no_tests", ()) else "survived"] -= 1
            counts[found[name]] += 1
        data["statuses"] = dict(sorted((k, v) for k, v in counts.items() if v))
        data.setdefault("rechecked", []).append(
            {"date": today, "commit": commit, "checked": len(checked), "killed": len(now_killed)}
        )
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"rechecked {path.name}: {len(now_killed)} of {len(checked)} survivors now killed")


def _accounts(module: str) -> tuple[dict[str, str], dict[str, str]]:
    path = FOLDER / f"{module}.accounts.toml"
    if not path.exists():
        return {}, {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return dict(data.get("equivalent", {})), dict(data.get("left", {}))


def _configured_modules() -> list[str]:
    """The modules ``[tool.mutmut] source_paths`` names (a folder: each module in it)."""
    root = FOLDER.parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    modules = []
    for entry in config["tool"]["mutmut"]["source_paths"]:
        path = root / entry
        files = sorted(path.glob("*.py")) if path.is_dir() else [path]
        for file in files:
            if file.name == "__init__.py":
                continue
            parts = file.relative_to(root / "src").with_suffix("").parts
            modules.append(".".join(parts))
    return modules


def _current(module: str, commit: str) -> str:
    """Whether the module's source is still what the recorded run mutated: ``yes``, or why
    not (changed in a later commit, or run on uncommitted changes)."""
    if commit.endswith("+changes"):
        return "**run on uncommitted changes**"
    root = FOLDER.parent.parent
    source = root / "src" / Path(*module.split("."))
    path = source.with_suffix(".py") if source.with_suffix(".py").exists() else source
    try:
        same = subprocess.run(
            ["git", "diff", "--quiet", commit, "HEAD", "--", str(path)], cwd=root, check=False
        ).returncode
    except OSError:
        return "unknown (no git)"
    return {0: "yes", 1: "**changed since**"}.get(same, "unknown")


def report() -> None:
    rows = []
    details = []
    totals = Counter[str]()
    stale: list[str] = []
    for path in sorted(FOLDER.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        module = data["module"]
        equivalent, left = _accounts(module)
        survived = data["survived"]
        n_equivalent = sum(1 for name in survived if name in equivalent)
        n_left = sum(1 for name in survived if name in left)
        unaccounted = [n for n in survived if n not in equivalent and n not in left]
        # Accounts of mutants that no longer survive (killed since, or renumbered by a
        # change to the module): named so they are removed rather than left to mislead.
        stale.extend(f"{module}.{n}" for n in sorted({*equivalent, *left} - set(survived)))
        unchecked = data.get("statuses", {}).get("not checked", 0)
        behaviour = data["killed"] + len(survived) - n_equivalent
        score = 100 * data["killed"] / behaviour if behaviour else 100.0
        totals.update(
            killed=data["killed"],
            survived=len(survived),
            equivalent=n_equivalent,
            left=n_left,
            unaccounted=len(unaccounted),
            unchecked=unchecked,
        )
        run_at = data["commit"]
        for again in data.get("rechecked", []):
            run_at += f" (survivors rechecked {again['date']} at {again['commit']})"
        rows.append(
            f"| {module} | {data['date']} | {run_at} | {_current(module, data['commit'])} "
            f"| {data['killed']} "
            f"| {len(survived)} | {n_equivalent} | {n_left} | {len(unaccounted)} "
            f"| {unchecked} | {score:.1f} % |"
        )
        if survived or data.get("note"):
            details.append(f"\n### {module}\n")
        if data.get("note"):
            details.append(f"{data['note']}\n")
        if survived:
            for name in survived:
                if name in equivalent:
                    details.append(f"- `{name}`: equivalent. {equivalent[name]}")
                elif name in left:
                    details.append(f"- `{name}`: **left**. {left[name]}")
                else:
                    details.append(f"- `{name}`: **not yet accounted for**")
    behaviour = totals["killed"] + totals["survived"] - totals["equivalent"]
    overall = 100 * totals["killed"] / behaviour if behaviour else 100.0
    print("# Mutation report\n")
    print("Produced by `scripts/mutation` (mutmut, configured under `[tool.mutmut]`), one")
    print("row per module with the date and commit it was run at. *Equivalent* survivors")
    print("cannot change an answer (each says why, from `benchmarks/mutation/<module>")
    print(".accounts.toml`); *left* survivors can, and each says why it is left. The score")
    print("counts behaviour-changing mutants only: killed / (killed + survived - equivalent).")
    print("Mutants no test reaches count as survivors; *unchecked* mutants (a run stopped")
    print("before reaching them) are in no column but that one. *Current* says whether the")
    print("module's source is unchanged since the recorded commit (if not, run it again).\n")
    print(
        "| module | date | commit | current | killed | survived | equivalent | left "
        "| unaccounted | unchecked | score |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    print(
        f"| **all** | | | | {totals['killed']} | {totals['survived']} | {totals['equivalent']} "
        f"| {totals['left']} | {totals['unaccounted']} | {totals['unchecked']} "
        f"| **{overall:.1f} %** |"
    )
    missing = sorted(set(_configured_modules()) - {p.stem for p in FOLDER.glob("*.json")})
    if missing:
        print("\n**Not recorded yet** (configured, no run recorded): " + ", ".join(missing))
    if stale:
        print(
            "\n**Stale accounts** (an account for a mutant that did not survive the"
            " recorded run; remove it): " + ", ".join(f"`{name}`" for name in stale)
        )
    print("\n## Survivors, one by one\n")
    print("`mutmut show NAME` (in a run's `mutants/` folder) shows each diff.")
    print("\n".join(details))


if __name__ == "__main__":
    if sys.argv[1:2] == ["record"]:
        record(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["recheck"]:
        recheck(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["survivors"]:
        survivors(sys.argv[2:])
    elif sys.argv[1:2] == ["report"]:
        report()
    else:
        sys.exit(
            "usage: mutation_report.py record RESULTS COMMIT | survivors MODULE ... "
            "| recheck RESULTS COMMIT | report"
        )
