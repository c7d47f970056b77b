"""Stoke: the examples hook's documents (``examples/``) and the commands run over them."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from childcare_commissioning_stoke import SPEC

from childcare_commissioning import Referrer, Status
from childcare_commissioning.billing import (
    Claim,
    budget_use,
    claim_invoices,
)
from childcare_commissioning.cli import main
from childcare_commissioning.cli._input import parse_json
from childcare_commissioning.convert import structure, unstructure
from childcare_commissioning.formats.placements import read_placement
from childcare_commissioning.model import Package
from childcare_commissioning.referrals import Outcome, check_referral
from childcare_commissioning.registry import load_registry

from .helpers import TERMS, D, with_statuses

EXAMPLE = Path(__file__).parents[3] / "tests" / "fixtures" / "placements" / "valid-placement.jsonld"

MISSING_BY_HAND = {
    "$.child.name",
    "$.child.address",
    "$.child.date_of_birth",
    "$.child.gender",
    "$.child.ethnicity",
    "$.information.carer",
    "$.information.parental_responsibility",
    "$.information.birth_family_history",
    "$.referrer.phone",  # "referrer.phone|referrer.email": the contact details
    "$.information.previous_interventions",
    "$.information.supervising_social_worker",
    "$.information.strategic_manager_agreement",
}


def _missing(decision_findings: tuple[object, ...]) -> set[str]:
    return {
        f.path  # type: ignore[attr-defined]
        for f in decision_findings
        if f.code == "referral.information.missing"  # type: ignore[attr-defined]
    }


assert TERMS is not None

assert TERMS.retention is not None


def test_published_example_from_a_social_worker_is_incomplete() -> None:
    record = read_placement(
        parse_json(EXAMPLE.read_text("utf-8")),
        council="stoke",
        service="pilot",
        referrer=Referrer(role="social-worker"),
        received_at=dt.datetime(2024, 2, 12, 10, 0, tzinfo=ZoneInfo("Europe/London")),
    )
    decision = check_referral(SPEC, record.referral)
    assert Outcome.INCOMPLETE is decision.outcome
    assert MISSING_BY_HAND == _missing(decision.findings)
    assert "referral.referrer.not-permitted" not in {f.code for f in decision.findings}


def test_published_example_as_the_placements_team_is_redirected_to_the_social_worker() -> None:
    """The route takes referrals from the child's social worker only; the placements team
    is refused for its role alone, so (reading 'network-referrals': 'a system that can be
    activated by anyone within the child or young person's network') the referral is
    redirected to the child's social worker: incomplete, not 'not eligible'."""
    record = read_placement(
        parse_json(EXAMPLE.read_text("utf-8")), council="stoke", service="pilot"
    )
    decision = check_referral(SPEC, record.referral)
    assert Outcome.INCOMPLETE is decision.outcome
    codes = {f.code for f in decision.findings}
    assert "referral.referrer.redirect" in codes
    assert "referral.referrer.not-permitted" not in codes
    assert MISSING_BY_HAND == _missing(decision.findings)


def test_example_year_uses_the_whole_core_budget() -> None:
    """The example year: four quarterly claims of £20,000 (6.2 "Payments will be made
    quarterly in arrears"; no rate in the text) = £80,000, the whole 2019/20 core budget
    (a warning at 100%, not an excess); £1,000 withheld each quarter, £4,000 in all."""
    batch = load_registry(only=["stoke"]).examples("stoke")["billing"]
    run = claim_invoices(
        "stoke",
        TERMS,  # type: ignore[arg-type]
        structure(batch["packages"], list[Package]),
        structure(batch["claims"], list[Claim]),
        D.fromisoformat(batch["as_of"]),
    )
    assert [Decimal(1000)] * 4 == [i.withheld for i in run.invoices]
    uses = {
        (u.budget.financial_year, u.budget.service): u
        for u in budget_use(TERMS.budgets, run.invoices, {"STOKE-CORE-2019": "core"})
    }  # type: ignore[union-attr]
    core = uses[("2019/20", "core")]
    assert (Decimal(80000), "billing.budget.near-cap") == (core.spent, core.finding.code)  # type: ignore[union-attr]


def test_discretion_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same agency-foster-care referral (a 10-year-old, 12 miles, all minimum
    information) through `referral check --format json`: the outcome is needs-approval,
    and the exit status is 1 (the project's contract: only an acceptable answer exits 0),
    not 2 (the input is good)."""
    referral = with_statuses(Status.LOOKED_AFTER, Status.AGENCY_FOSTER_CARE)
    path = tmp_path / "referral.json"
    path.write_text(json.dumps(unstructure(referral)), encoding="utf-8")
    status = main(["referral", "check", str(path), "--council", "stoke", "--format", "json"])
    decision = json.loads(capsys.readouterr().out)
    assert (1, "needs-approval") == (status, decision["outcome"])
