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
    Calendars had no mutant checked, so it gets no record."""
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
        "**run on uncommitted changes**",
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
    """At HEAD every module is current; a run on uncommitted changes never is."""
    report = load()
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    assert "yes" == report._current("childcare_commissioning.money", head)
    assert "yes" == report._current("childcare_commissioning.billing.invoices", head)
    assert "**run on uncommitted changes**" == report._current(
        "childcare_commissioning.money", head + "+changes"
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
    monkeypatch.setattr(report, "_current", lambda module, commit: "yes")
    report.survivors(["money"])
    assert "childcare_commissioning.money.x_a__mutmut_6\n" == capsys.readouterr().out


def test_survivors_of_a_changed_module_are_not_rechecked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run on uncommitted changes (or a module changed since) needs a full run."""
    report = load()
    monkeypatch.setattr(report, "FOLDER", tmp_path)
    results = tmp_path / "results.txt"
    results.write_text(RESULTS, encoding="utf-8")
    report.record(str(results), "abc1234+changes")
    with pytest.raises(SystemExit, match="not current since its run at abc1234"):
        report.survivors(["money"])
    with pytest.raises(SystemExit, match="has no recorded run"):
        report.survivors(["billing/invoices"])
