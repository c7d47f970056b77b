"""Record and report mutation results per module (issue #27).

``record RESULTS COMMIT``
    Reads ``mutmut results --all true`` and writes ``benchmarks/mutation/<module>.json``
    for every module whose mutants were checked in this run (killed, survived, date,
    commit). Modules not run keep their earlier file, so modules can be run one at a time.
``survivors MODULE ...``
    Prints the full names of the survivors recorded for each module (``billing/invoices``
    or ``billing.invoices``), one per line, for ``scripts/mutation --recheck``; refuses a
    module with no record or not current (it or a module it imports changed since).
``recheck RESULTS COMMIT``
    Reads the results of a run over those survivors only and updates each record: the
    survivors now killed move to killed, and the record says when and at which commit
    they were rechecked (the full run's date and commit stay).
``count RESULTS MINUTES``
    Writes ``benchmarks/mutation/pending.toml``: how many mutants mutmut generated for each
    configured module (``mutmut results --all true`` lists them all, checked or not) and
    the rate of the run that wrote RESULTS in MINUTES (its checked mutants a minute, the
    generation and the tests' coverage run included), so the report can say how long each
    module not yet current would take.
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

import ast
import datetime as dt
import functools
import hashlib
import json
import re
import subprocess
import sys
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

KILLED = {"killed", "timeout", "segfault"}  # a mutant that makes the suite fail or hang
ALIVE = {"survived", "no tests"}  # a mutant no test notices (or no test reaches)
ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "benchmarks" / "mutation"
# A mutant of the core (childcare_commissioning.*) or of a council's plugin
# (childcare_commissioning_<council>.*).
PATTERN = re.compile(r"\s*(childcare_commissioning\w*\.[\w.]+?)\.(x\w*__mutmut_\d+): (.+)")


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
            # What the run mutated and ran: the module and its import closure (issue #44).
            "closure": _closure(module, _working_tree),
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
    dotted = module.replace("/", ".")
    if dotted.startswith("childcare_commissioning"):
        return dotted
    return "childcare_commissioning." + dotted


def survivors(modules: list[str]) -> None:
    names = []
    for given in modules:
        module = _module_name(given)
        path = FOLDER / f"{module}.json"
        if not path.exists():
            sys.exit(f"mutation_report.py: {module} has no recorded run to recheck")
        data = json.loads(path.read_text(encoding="utf-8"))
        current = _current(module, data)
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


def _source_roots() -> list[Path]:
    """Where the package's modules live: the core's ``src/`` and each council's
    ``plugins/<council>/src/``."""
    return [ROOT / "src", *sorted(ROOT.glob("plugins/*/src"))]


def _module_of(file: Path) -> str:
    """The dotted name of a source file (``...src/a/b/__init__.py`` is ``a.b``)."""
    for root in _source_roots():
        if file.is_relative_to(root):
            parts = file.relative_to(root).with_suffix("").parts
            return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
    raise ValueError(f"{file} is under no source root")


def _configured_modules() -> list[str]:
    """The modules ``[tool.mutmut] source_paths`` names (a folder: each module under it,
    however deep, but not the packages' ``__init__``)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    modules = []
    for entry in config["tool"]["mutmut"]["source_paths"]:
        path = ROOT / entry
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        modules += [_module_of(file) for file in files if file.name != "__init__.py"]
    return modules


# A source file's text, by its path relative to ROOT (None: there is no such file).
Reader = Callable[[str], bytes | None]


def _working_tree(path: str) -> bytes | None:
    file = ROOT / path
    return file.read_bytes() if file.is_file() else None


def _at_commit(commit: str) -> Reader:
    listed = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", commit],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    present = set(listed)

    @functools.cache
    def read(path: str) -> bytes | None:
        if path not in present:
            return None
        return subprocess.run(
            ["git", "show", f"{commit}:{path}"], cwd=ROOT, capture_output=True, check=True
        ).stdout

    return read


def _file_of(module: str, read: Reader) -> str | None:
    """The path (relative to ROOT) of a module of the package or a council plugin, as
    ``read`` sees the tree: ``a/b.py`` or ``a/b/__init__.py`` under a source root."""
    if not module.startswith("childcare_commissioning"):
        return None
    for root in _source_roots():
        base = root.relative_to(ROOT).as_posix() + "/" + module.replace(".", "/")
        for path in (base + ".py", base + "/__init__.py"):
            if read(path) is not None:
                return path
    return None


def _type_checking_only(node: ast.AST) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _lazy_exports(source: bytes) -> dict[str, str]:
    """A package ``__init__``'s ``_EXPORTS`` (name -> module it loads on first use)."""
    for node in ast.parse(source).body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if isinstance(target, ast.Name) and target.id == "_EXPORTS" and isinstance(value, ast.Dict):
            return {
                k.value: v.value
                for k, v in zip(value.keys, value.values, strict=True)
                if isinstance(k, ast.Constant) and isinstance(v, ast.Constant)
            }
    return {}


def _imports(module: str, path: str, read: Reader) -> set[str]:
    """The modules of the package a module imports when it runs: absolute and relative
    imports anywhere in it (inside functions too). ``from P import name`` is P and, when
    there is one, the submodule ``P.name`` or the module P's lazy ``_EXPORTS`` load
    ``name`` from. Imports under ``if TYPE_CHECKING:`` never run and are skipped; so is
    the implicit run of a parent package's ``__init__`` (the package's ``__init__``s only
    declare lazy exports)."""
    source = read(path)
    assert source is not None
    package = module if path.endswith("/__init__.py") else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if _type_checking_only(node):
            assert isinstance(node, ast.If)
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            found.add(target)
            init = _file_of(target, read)
            exports = _lazy_exports(read(init) or b"") if init else {}
            for alias in node.names:
                found.add(exports.get(alias.name, f"{target}.{alias.name}"))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(source))
    return found


def _closure(module: str, read: Reader) -> dict[str, str]:
    """The SHA-256 of the module's source and of every module of the package (or of a
    council plugin) it imports, transitively, by path: what a mutation run's answers
    depend on. Data files the code reads are not followed."""
    hashes: dict[str, str] = {}
    todo = [module]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = _file_of(name, read)
        if path is None:
            continue  # a name imported from a module, or outside the package
        source = read(path)
        assert source is not None
        hashes[path] = hashlib.sha256(source).hexdigest()
        todo.extend(_imports(name, path, read))
    return dict(sorted(hashes.items()))


def _current(module: str, data: dict[str, Any]) -> str:
    """Whether the module and everything it imports from the package is still what the
    recorded run mutated and ran: ``yes``, or why not (which files changed since).

    A record written since issue #44 holds the hashes of that import closure at the run;
    an older record has only its commit, so the closure is read from git at that commit
    (a run on uncommitted changes then cannot be checked)."""
    recorded = data.get("closure")
    if recorded is None:
        if data["commit"].endswith("+changes"):
            return "**run on uncommitted changes**"
        if subprocess.run(
            ["git", "cat-file", "-e", data["commit"]], cwd=ROOT, capture_output=True, check=False
        ).returncode:
            return "unknown (commit not found)"
        recorded = _closure(module, _at_commit(data["commit"]))
    now = _closure(module, _working_tree)
    if not now:
        return "**module gone**"
    changed = sorted(p for p in {*recorded, *now} if recorded.get(p) != now.get(p))
    if not changed:
        return "yes"
    named = ", ".join(Path(p).name if p.endswith(".py") else p for p in changed[:3])
    more = f" +{len(changed) - 3}" if len(changed) > 3 else ""
    return f"**changed since** ({named}{more})"


def count(results_path: str, minutes: str) -> None:
    """Record each module's mutant count and the measured rate (see the module doc)."""
    statuses = _read(results_path)
    checked = sum(s != "not checked" for found in statuses.values() for s in found.values())
    rate = checked / float(minutes)
    lines = [
        "# Written by `scripts/mutation_report.py count` from a run's `mutmut results --all",
        "# true`: the mutants generated per module, and mutants checked per minute in that",
        "# whole run (one job, shared machine), for the report's estimates of runs not yet made.",
        f"rate_per_minute = {rate:.1f}",
        "",
        "[mutants]",
        *(f'"{module}" = {len(found)}' for module, found in sorted(statuses.items())),
    ]
    (FOLDER / "pending.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _pending() -> tuple[float, dict[str, int]]:
    path = FOLDER / "pending.toml"
    if not path.exists():
        return 0.0, {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return float(data.get("rate_per_minute", 0.0)), dict(data.get("mutants", {}))


def _to_run(not_current: list[str], partial: dict[str, int] | None = None) -> list[str]:
    """The report's table of configured modules with no current run, or a current run
    that left mutants unchecked (``partial``: how many): each one's mutant count (the
    unchecked ones for a partial run) and how long a run would take at the measured
    rate."""
    rate, mutants = _pending()
    partial = partial or {}
    missing = set(_configured_modules()) - {p.stem for p in FOLDER.glob("*.json")}
    rows = []
    total = 0
    for module in sorted(missing | set(not_current) | set(partial)):
        n = mutants.get(module)
        why = "no run recorded" if module in missing else "not current"
        if module in partial and module not in not_current:
            n, why = partial[module], "partial run: unchecked"
        total += n or 0
        estimate = f"{n / rate:.0f} min" if n is not None and rate else "unknown"
        rows.append(f"| {module} | {why} | {n if n is not None else 'unknown'} | {estimate} |")
    if not rows:
        return []
    hours = f"{total / rate / 60:.1f} h" if rate else "unknown"
    return [
        "\n## Not run in full at today's source\n",
        f"Mutant counts from the latest generation; estimates at {rate:.1f} mutants a minute,"
        " the rate of the latest counted run as a whole (generating the mutants and"
        " collecting the tests' coverage included; one job on the shared 2-core machine).\n",
        "| module | why | mutants | estimated run |",
        "|---|---|---|---|",
        *rows,
        f"| **all** | | {total} | {hours} |",
    ]


def report() -> None:
    rows = []
    details = []
    totals = Counter[str]()
    stale: list[str] = []
    not_current: list[str] = []
    partial: dict[str, int] = {}
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
        if unchecked:
            partial[module] = unchecked
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
        current = _current(module, data)
        if current != "yes":
            not_current.append(module)
        run_at = data["commit"]
        for again in data.get("rechecked", []):
            run_at += f" (survivors rechecked {again['date']} at {again['commit']})"
        rows.append(
            f"| {module} | {data['date']} | {run_at} | {current} "
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
    print("module and every module of the package it imports (transitively) are unchanged")
    print("since the run, by their hashes (if not, it names the changed files: run it again).\n")
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
    print("\n".join(_to_run(not_current, partial)))
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
    elif sys.argv[1:2] == ["count"]:
        count(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["report"]:
        report()
    else:
        sys.exit(
            "usage: mutation_report.py record RESULTS COMMIT | survivors MODULE ... "
            "| recheck RESULTS COMMIT | count RESULTS MINUTES | report"
        )
