"""The mutation report's arithmetic (scripts/mutation_report.py, issue #27): the score
counts behaviour-changing mutants only, stale accounts are named, and a module whose
source changed since its run is flagged."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "mutation_report", ROOT / "scripts" / "mutation_report.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["mutation_report"] = module
    spec.loader.exec_module(module)
    return module


RESULTS = """\
    childcare_commissioning.money.x_a__mutmut_1: killed
    childcare_commissioning.money.x_a__mutmut_2: killed
    childcare_commissioning.money.x_a__mutmut_3: timeout
    childcare_commissioning.money.x_a__mutmut_4: survived
    childcare_commissioning.money.x_a__mutmut_5: survived
    childcare_commissioning.money.x_a__mutmut_6: no tests
    childcare_commissioning.money.x_a__mutmut_7: not checked
    childcare_commissioning.calendars.x_b__mutmut_1: not checked
"""


def test_a_run_is_recorded_and_scored_over_behaviour_changing_mutants(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Money: 3 killed (a timeout counts as killed), 3 alive (a mutant no test reaches is
    alive), 1 unchecked. One survivor is equivalent, one left, one not accounted for, and
    one account names a mutant that was killed. Score: 3 / (3 + 3 - 1) = 60.0 %.
    Calendars had no mutant checked, so it gets no record. The run was on uncommitted
    changes, but the record holds the hashes of what it ran, unchanged since: current."""
    report = load()
    monkeypatch.setattr(report, "FOLDER", tmp_path)
    monkeypatch.setattr(report, "_configured_modules", lambda: ["childcare_commissioning.money"])
    results = tmp_path / "results.txt"
    results.write_text(RESULTS, encoding="utf-8")
    report.record(str(results), "abc1234+changes")
    capsys.readouterr()
    data = json.loads((tmp_path / "childcare_commissioning.money.json").read_text("utf-8"))
    assert 3 == data["killed"]
    assert ["x_a__mutmut_4", "x_a__mutmut_5", "x_a__mutmut_6"] == data["survived"]
    assert 1 == data["statuses"]["not checked"]
    assert "src/childcare_commissioning/money.py" in data["closure"]
    assert not (tmp_path / "childcare_commissioning.calendars.json").exists()

    (tmp_path / "childcare_commissioning.money.accounts.toml").write_text(
        '[equivalent]\n"x_a__mutmut_4" = "why"\n"x_a__mutmut_1" = "killed since"\n'
        '[left]\n"x_a__mutmut_5" = "why left"\n',
        encoding="utf-8",
    )
    report.report()
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("| childcare"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert [
        "childcare_commissioning.money",
        "abc1234+changes",
        "yes",
        "3",
        "3",
        "1",
        "1",
        "1",
        "1",
        "60.0 %",
    ] == [cells[0], *cells[2:]]
    assert "**Stale accounts**" in out
    assert "`childcare_commissioning.money.x_a__mutmut_1`" in out
    assert "- `x_a__mutmut_6`: **not yet accounted for**" in out
    assert "Not recorded yet" not in out


def test_a_module_unchanged_since_its_commit_is_current() -> None:
    """A record without hashes (before #44) is read at its commit: at HEAD every module is
    current (the checkout is the commit); a run on uncommitted changes cannot be checked."""
    report = load()
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "src"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    if dirty:
        pytest.skip("src has uncommitted changes")
    assert "yes" == report._current("childcare_commissioning.money", {"commit": head})
    assert "yes" == report._current("childcare_commissioning.billing.invoices", {"commit": head})
    assert "**run on uncommitted changes**" == report._current(
        "childcare_commissioning.money", {"commit": head + "+changes"}
    )


# A fake package: deadlines imports calendars (absolute), durations imports it relatively,
# the arrow subpackage reaches deadlines through a lazy export of the top package, money
# imports nothing, and report imports calendars only for type checking.
FAKE = {
    "src/childcare_commissioning/__init__.py": (
        '_EXPORTS: dict[str, str] = {"evaluate": "childcare_commissioning.deadlines"}\n'
    ),
    "src/childcare_commissioning/calendars.py": "CLOSED = 5\n",
    "src/childcare_commissioning/money.py": "PENNY = 1\n",
    "src/childcare_commissioning/durations.py": (
        "def later(n: int) -> int:\n    from .calendars import CLOSED\n    return n + CLOSED\n"
    ),
    "src/childcare_commissioning/deadlines.py": (
        "from childcare_commissioning.calendars import CLOSED\nimport json\n"
    ),
    "src/childcare_commissioning/arrow/__init__.py": "",
    "src/childcare_commissioning/arrow/_deadlines.py": (
        "from .. import evaluate\nfrom . import _base\n"
    ),
    "src/childcare_commissioning/arrow/_base.py": "",
    "src/childcare_commissioning/report.py": (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from childcare_commissioning.calendars import CLOSED\n"
    ),
    "plugins/shire/src/childcare_commissioning_shire/rules.py": (
        "from childcare_commissioning.durations import later\n"
    ),
}


def fake_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    report = load()
    for path, text in FAKE.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    monkeypatch.setattr(report, "ROOT", tmp_path)
    monkeypatch.setattr(report, "FOLDER", tmp_path / "benchmarks" / "mutation")
    return report


def test_the_closure_follows_every_import_of_the_package_that_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Traced by hand through FAKE: absolute, relative (inside a function), ``from ..
    import name`` through the top package's lazy export, a plugin importing the core; not
    the standard library, not imports made only for type checking."""
    report = fake_package(tmp_path, monkeypatch)
    core = "src/childcare_commissioning/"

    def closure(module: str) -> list[str]:
        return list(report._closure(module, report._working_tree))

    assert [core + "calendars.py", core + "deadlines.py"] == closure(
        "childcare_commissioning.deadlines"
    )
    assert [core + "calendars.py", core + "durations.py"] == closure(
        "childcare_commissioning.durations"
    )
    assert [
        core + "__init__.py",
        core + "arrow/__init__.py",
        core + "arrow/_base.py",
        core + "arrow/_deadlines.py",
        core + "calendars.py",
        core + "deadlines.py",
    ] == closure("childcare_commissioning.arrow._deadlines")
    assert [core + "report.py"] == closure("childcare_commissioning.report")
    assert [
        "plugins/shire/src/childcare_commissioning_shire/rules.py",
        core + "calendars.py",
        core + "durations.py",
    ] == closure("childcare_commissioning_shire.rules")


def test_a_change_in_an_imported_module_makes_the_importer_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The audit's case: deadlines was run, then calendars.py changed. Its own file is the
    same, but it is no longer current; money (which imports nothing) still is, and so is
    report (calendars only for type checking)."""
    report = fake_package(tmp_path, monkeypatch)
    results = tmp_path / "results.txt"
    results.write_text(
        "    childcare_commissioning.deadlines.x_a__mutmut_1: killed\n"
        "    childcare_commissioning.money.x_b__mutmut_1: killed\n"
        "    childcare_commissioning.report.x_c__mutmut_1: killed\n"
        "    childcare_commissioning_shire.rules.x_d__mutmut_1: killed\n",
        encoding="utf-8",
    )
    report.record(str(results), "abc1234+changes")
    capsys.readouterr()

    def current(module: str) -> str:
        data = json.loads((report.FOLDER / f"{module}.json").read_text("utf-8"))
        return str(report._current(module, data))

    # Run on uncommitted changes, but the hashes say what was run: current.
    assert "yes" == current("childcare_commissioning.deadlines")
    (tmp_path / "src/childcare_commissioning/calendars.py").write_text("CLOSED = 6\n")
    assert "**changed since** (calendars.py)" == current("childcare_commissioning.deadlines")
    assert "**changed since** (calendars.py)" == current("childcare_commissioning_shire.rules")
    assert "yes" == current("childcare_commissioning.money")
    assert "yes" == current("childcare_commissioning.report")
    with pytest.raises(SystemExit, match="not current since its run at abc1234"):
        report.survivors(["deadlines"])


def test_an_older_record_is_compared_with_its_commits_closure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record from before the hashes names only its commit: the closure is read from git
    at that commit, so a later commit changing calendars.py makes deadlines stale."""
    report = fake_package(tmp_path, monkeypatch)

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "run here")
    run_at = git("rev-parse", "--short", "HEAD")
    assert "yes" == report._current("childcare_commissioning.deadlines", {"commit": run_at})
    (tmp_path / "src/childcare_commissioning/calendars.py").write_text("CLOSED = 6\n")
    git("commit", "-q", "-am", "calendars changed")
    assert "**changed since** (calendars.py)" == report._current(
        "childcare_commissioning.deadlines", {"commit": run_at}
    )
    assert "yes" == report._current("childcare_commissioning.money", {"commit": run_at})
    assert "unknown (commit not found)" == report._current(
        "childcare_commissioning.money", {"commit": "0000000"}
    )


def test_a_recheck_moves_survivors_now_killed_to_killed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The recorded run left 4, 5 and 6 alive; rechecked, 4 is killed, 5 times out (killed)
    and 6 still survives: 3 + 2 = 5 killed, one survivor, the statuses moved with them."""
    report = load()
    monkeypatch.setattr(report, "FOLDER", tmp_path)
    results = tmp_path / "results.txt"
    results.write_text(RESULTS, encoding="utf-8")
    report.record(str(results), "abc1234")
    results.write_text(
        "    childcare_commissioning.money.x_a__mutmut_4: killed\n"
        "    childcare_commissioning.money.x_a__mutmut_5: timeout\n"
        "    childcare_commissioning.money.x_a__mutmut_6: no tests\n"
        "    childcare_commissioning.money.x_a__mutmut_7: not checked\n",
        encoding="utf-8",
    )
    report.recheck(str(results), "def5678")
    data = json.loads((tmp_path / "childcare_commissioning.money.json").read_text("utf-8"))
    assert (5, ["x_a__mutmut_6"], "abc1234") == (data["killed"], data["survived"], data["commit"])
    assert {"killed": 3, "timeout": 2, "no tests": 1, "not checked": 1} == data["statuses"]
    assert ["x_a__mutmut_6"] == data["no_tests"]
    [again] = data["rechecked"]
    assert ("def5678", 3, 2) == (again["commit"], again["checked"], again["killed"])
    capsys.readouterr()
    monkeypatch.setattr(report, "_current", lambda module, data: "yes")
    report.survivors(["money"])
    assert "childcare_commissioning.money.x_a__mutmut_6\n" == capsys.readouterr().out


def test_survivors_of_a_changed_module_are_not_rechecked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A module whose closure changed since its run (here: its recorded hash differs from
    money.py today) needs a full run; so does a module with no record."""
    report = load()
    monkeypatch.setattr(report, "FOLDER", tmp_path)
    results = tmp_path / "results.txt"
    results.write_text(RESULTS, encoding="utf-8")
    report.record(str(results), "abc1234+changes")
    path = tmp_path / "childcare_commissioning.money.json"
    data = json.loads(path.read_text("utf-8"))
    data["closure"]["src/childcare_commissioning/money.py"] = "0" * 64
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SystemExit, match=r"not current since its run at abc1234\+changes"):
        report.survivors(["money"])
    with pytest.raises(SystemExit, match="has no recorded run"):
        report.survivors(["billing/invoices"])


def test_modules_not_run_are_listed_with_their_mutants_and_estimated_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Money was run (and is current); calendars and deadlines are configured with no run.
    A run that checked 45 mutants (one of each module, 42 more of money) in 3 minutes: 15
    a minute. Calendars' 300 mutants take
    300 / 15 = 20 min, deadlines' 150 take 10 min; money (current) left 1 unchecked (0 min);
    together 451 / 15 = 30 min = 0.5 h."""
    report = load()
    monkeypatch.setattr(report, "FOLDER", tmp_path)
    monkeypatch.setattr(
        report,
        "_configured_modules",
        lambda: [
            "childcare_commissioning.money",
            "childcare_commissioning.calendars",
            "childcare_commissioning.deadlines",
        ],
    )
    results = tmp_path / "results.txt"
    results.write_text(
        "".join(
            f"    childcare_commissioning.{module}.x_f__mutmut_{n}: not checked\n"
            for module, count in (("money", 20), ("calendars", 300), ("deadlines", 150))
            for n in range(1, count + 1)
        ).replace("x_f__mutmut_1: not checked", "x_f__mutmut_1: killed")
        + "".join(
            f"    childcare_commissioning.money.x_g__mutmut_{n}: killed\n" for n in range(42)
        ),
        encoding="utf-8",
    )
    report.count(str(results), "3")
    results.write_text(RESULTS, encoding="utf-8")
    report.record(str(results), "abc1234")
    capsys.readouterr()
    report.report()
    out = capsys.readouterr().out
    table = out[out.index("## Not run in full") : out.index("## Survivors")]
    assert "15.0 mutants a minute" in table
    assert [
        "| childcare_commissioning.calendars | no run recorded | 300 | 20 min |",
        "| childcare_commissioning.deadlines | no run recorded | 150 | 10 min |",
        "| childcare_commissioning.money | partial run: unchecked | 1 | 0 min |",
        "| **all** | | 451 | 0.5 h |",
    ] == [line for line in table.splitlines() if line.startswith("| ") and "---" not in line][1:]


def test_a_spot_recheck_puts_the_mutant_function_in_place_of_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mutants/ copy holds each mutant as a function named after it (a method inside
    its class); the spot recheck swaps exactly that function (decorators kept) and leaves
    the rest of the module as it was."""
    spec = importlib.util.spec_from_file_location(
        "mutation_spot_recheck", ROOT / "scripts" / "mutation_spot_recheck.py"
    )
    assert spec is not None
    assert spec.loader is not None
    spot = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(spot)
    monkeypatch.setattr(spot, "ROOT", tmp_path)
    original = (
        "import functools\n\n\n@functools.cache\ndef half(n):\n    return n // 2\n\n\n"
        "class Box:\n    def size(self):\n        return 1\n\n    def other(self):\n"
        "        return 2\n"
    )
    mutants = tmp_path / "mutants" / "src" / "pkg"
    mutants.mkdir(parents=True)
    (mutants / "m.py").write_text(
        "def x_half__mutmut_1(n):\n    return n / 2\n\n\nclass Box:\n"
        "    def xǁBoxǁsize__mutmut_3(self):\n        return None\n",
        encoding="utf-8",
    )
    assert original.replace("n // 2", "n / 2") == spot._mutated(
        original, "pkg/m.py", "x_half__mutmut_1"
    )
    assert original.replace("return 1", "return None") == spot._mutated(
        original, "pkg/m.py", "xǁBoxǁsize__mutmut_3"
    )


def test_a_partial_run_lists_its_unchecked_mutants_to_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Money's run (RESULTS) left one mutant unchecked: at 15 a minute (45 checked in 3
    minutes) that is 1 / 15 = 0.07 min, shown as 0 min."""
    report = load()
    monkeypatch.setattr(report, "FOLDER", tmp_path)
    monkeypatch.setattr(report, "_configured_modules", lambda: ["childcare_commissioning.money"])
    (tmp_path / "pending.toml").write_text(
        'rate_per_minute = 15.0\n[mutants]\n"childcare_commissioning.money" = 7\n', "utf-8"
    )
    results = tmp_path / "results.txt"
    results.write_text(RESULTS, encoding="utf-8")
    report.record(str(results), "abc1234")
    capsys.readouterr()
    report.report()
    out = capsys.readouterr().out
    assert "| childcare_commissioning.money | partial run: unchecked | 1 | 0 min |" in out
