"""Every example file the core and the council plugins ship, run through its command.

Each case states the documented outcome, worked out by hand (the reasoning is beside it),
so an example that drifts from its plugin's rules fails here, not in a user's terminal.
The plugins' examples come from the registry (the ``examples`` hook), written to files
exactly as shipped.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from childcare_commissioning.cli import main
from childcare_commissioning.registry import get_registry

CORE = files("childcare_commissioning.examples")


def _plugin_file(council: str, name: str) -> str:
    package = f"childcare_commissioning_{council}"
    return str(files(package).joinpath("examples", f"{name}.json"))


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, Any]:
    status = main([*argv, "--format", "json"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, json.loads(captured.out) if captured.out.strip() else None


def test_core_referral_is_eligible_for_plymouth(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's referral: received 23 Dec 2024 by Plymouth's one route ("council"), a
    looked-after child born 28 Feb 2009 (aged 15): Plymouth's cohort "eligible for
    statutory intervention" takes any age, so eligible, exit 0."""
    path = str(CORE.joinpath("referral.json"))
    status, decision = _run(["referral", "check", path, "--council", "plymouth"], capsys)
    assert (0, "eligible", 15) == (status, decision["outcome"], decision["age"])


def test_core_broken_referral_lists_its_four_problems(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The broken example is broken on purpose: exit 2 with its four problems."""
    path = str(CORE.joinpath("referral-broken.json"))
    assert 2 == main(["referral", "check", path, "--council", "plymouth"])
    assert "4 problems" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("council", "outcome", "cohort"),
    [
        # A homeless 16-year-old (born 20 Jun 2008, referred 8 Feb 2025) to lot 2.
        ("derby", "eligible", "eligibility.cohort.homeless-16-17"),
        # An edge-of-care 14-year-old via the emergency duty team.
        ("somerset", "eligible", "eligibility.cohort.edge-of-care"),
    ],
)
def test_plugin_referrals(
    capsys: pytest.CaptureFixture[str], council: str, outcome: str, cohort: str
) -> None:
    """Each plugin's example referral, checked against its own council: acceptable."""
    argv = ["referral", "check", _plugin_file(council, "referral"), "--council", council]
    status, decision = _run(argv, capsys)
    assert (0, outcome) == (status, decision["outcome"])
    assert cohort in {f["code"] for f in decision["findings"]}


@pytest.mark.parametrize(
    ("council", "status", "nets", "codes"),
    [
        # Plymouth's own test works the net by hand: £188.00 + £152.75 + the night shift
        # 22:00-08:00 split at the night window's end (9 h x £27.00 + 1 h x £23.50 =
        # £266.50) = £607.25.
        ("plymouth", 0, ["607.25"], []),
        # Somerset: £174.60, and 9 miles without a mileage agreement are not billed.
        ("somerset", 1, ["174.60"], ["billing.mileage.no-agreement"]),
        # Stoke: four quarters of 200 hours at £100 = £20,000.00 each: £80,000 is the whole
        # indicative 2019/20 core budget (100 % of it: a warning from 90 %, exit status 0).
        ("stoke", 0, ["20000.00"] * 4, ["billing.budget.near-cap"]),
    ],
)
def test_plugin_billing_batches(
    capsys: pytest.CaptureFixture[str],
    council: str,
    status: int,
    nets: list[str],
    codes: list[str],
) -> None:
    """Each plugin's billing.json (which carries its own as_of) invoices as documented."""
    argv = ["invoice", _plugin_file(council, "billing"), "--council", council]
    got, run = _run(argv, capsys)
    assert status == got
    assert nets == [i["net"] for i in run["invoices"]]
    assert codes == [f["code"] for f in run["findings"]]


def test_plymouth_roster(capsys: pytest.CaptureFixture[str]) -> None:
    """Plymouth's roster on 6 Jan 2025: W-02 compliant, W-01 not; exit 1."""
    argv = ["staff-check", _plugin_file("plymouth", "roster"), "--council", "plymouth"]
    status, report = _run([*argv, "--on", "2025-01-06"], capsys)
    assert (1, False) == (status, report["compliant"])
    assert {"W-01": False, "W-02": True} == {
        w["worker_id"]: w["compliant"] for w in report["workers"]
    }


@pytest.mark.parametrize("council", ["derby", "plymouth", "somerset", "triborough"])
def test_plugin_events_start_deadlines(capsys: pytest.CaptureFixture[str], council: str) -> None:
    """Every event in events.json names a trigger the council has rules for: `deadlines`
    with that trigger and instant gives at least one deadline, exit 0."""
    events = json.loads(Path(_plugin_file(council, "events")).read_text(encoding="utf-8"))
    for event in events:
        argv = ["deadlines", "--council", council, "--trigger", event["trigger"]]
        status, found = _run([*argv, "--at", event["at"]], capsys)
        assert 0 == status
        assert found
        assert all(d["rule_id"] for d in found)


def test_every_shipped_example_is_covered() -> None:
    """The examples above cover every file the plugins ship, except the documents no command
    reads (Derby's package costs and block discount, Triborough's family counts: they are
    exercised by the plugins' own tests)."""
    covered = {
        ("derby", "referral"),
        ("somerset", "referral"),
        ("plymouth", "billing"),
        ("somerset", "billing"),
        ("stoke", "billing"),
        ("plymouth", "roster"),
        ("derby", "events"),
        ("plymouth", "events"),
        ("somerset", "events"),
        ("triborough", "events"),
    }
    no_command = {("derby", "package"), ("derby", "block"), ("triborough", "families")}
    shipped = {
        (council.id, name)
        for council in get_registry().councils()
        if council.id != "testshire"
        for name in get_registry().examples(council.id)
    }
    assert shipped == covered | no_command


def test_demo_rules_are_plymouths_own() -> None:
    """Section 4 of the demo shows three rules as Plymouth's: each id exists in the Plymouth
    plugin with the same trigger, duration, direction and citation."""
    from childcare_commissioning.cli.demo import _EXAMPLES

    spec = get_registry().council("plymouth").spec
    for rule, _ in _EXAMPLES:
        real = spec.deadline(rule.id)
        assert (real.trigger, real.duration, real.direction, real.citation) == (
            rule.trigger,
            rule.duration,
            rule.direction,
            rule.citation,
        )
