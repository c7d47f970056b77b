"""Somerset: the examples hook's documents (``examples/``) and the commands run over them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from childcare_commissioning_somerset import SPEC

from childcare_commissioning import Referral
from childcare_commissioning.cli import main
from childcare_commissioning.convert import structure
from childcare_commissioning.referrals import Outcome, check_referral
from childcare_commissioning.registry import load_registry

EXAMPLES = (
    Path(__file__).resolve().parents[1] / "src" / "childcare_commissioning_somerset" / "examples"
)

#: (team, received_at, expected outcome, exit status), worked from 2.6 e "All support
#: requests will come from the Placements Team, unless out of hours, when requests will come
#: from EDT" with working hours 09:00-17:00 Monday to Friday except England and Wales bank
#: holidays (reading 'working-hours').
CLI_TEAM_CASES = [
    # Monday 6 Jan 2025 10:00 GMT: in hours, so from the Placements Team, not EDT.
    ("Placements Team", "2025-01-06T10:00:00+00:00", "eligible", 0),
    ("EDT", "2025-01-06T10:00:00+00:00", "not-eligible", 1),
    # Friday 27 Dec 2024 22:15 GMT: after 17:00, out of hours, so from EDT.
    ("Placements Team", "2024-12-27T22:15:00+00:00", "not-eligible", 1),
    ("EDT", "2024-12-27T22:15:00+00:00", "eligible", 0),
    # Saturday 11 Jan 2025 10:00 GMT: a weekend, out of hours.
    ("Placements Team", "2025-01-11T10:00:00+00:00", "not-eligible", 1),
    ("EDT", "2025-01-11T10:00:00+00:00", "eligible", 0),
    # Monday 26 May 2025 10:00 BST, the Spring bank holiday: out of hours, though a weekday
    # at a working hour; written in UTC (09:00Z) it is the same instant.
    ("Placements Team", "2025-05-26T10:00:00+01:00", "not-eligible", 1),
    ("Placements Team", "2025-05-26T09:00:00Z", "not-eligible", 1),
    ("EDT", "2025-05-26T10:00:00+01:00", "eligible", 0),
]


def test_allegation_against_worker_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    """The audit's reproduction now exits 0 and names Children's Social Care."""
    argv = "safeguarding route --council somerset --concern allegation-against-worker"
    code = main([*argv.split(), "--area", "taunton", "--at", "2025-06-02T14:00:00+01:00"])
    assert 0 == code
    assert "Children's Social Care" in capsys.readouterr().out


def test_the_shipped_example_agrees_its_mileage_before_the_journeys() -> None:
    """examples/billing.json: MA-0091 agreed on 20 Dec 2024, before the 6 and 8 Jan journeys."""
    path = Path(__file__).parents[1] / "src/childcare_commissioning_somerset/examples/billing.json"
    [quotation] = json.loads(path.read_text(encoding="utf-8"))["quotations"]
    assert [{"id": "MA-0091", "agreed_on": "2024-12-20"}] == quotation["mileage_agreements"]


def test_the_bundled_out_of_hours_crisis_referral() -> None:
    """The plugin's example: an EDT worker's urgent referral at 22:15 on 27 Dec is eligible."""
    document = load_registry(only=["somerset"]).examples("somerset")["referral"]
    decision = check_referral(SPEC, structure(document, Referral))
    assert Outcome.ELIGIBLE == decision.outcome


def test_the_bundled_referral_is_eligible_through_the_cli(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """examples/referral.json: EDT's urgent referral at 22:15 GMT on Friday 27 Dec 2024 of a
    14-year-old on the edge of care: eligible (exit 0); answered at 22:15 and plans agreed by
    22:15 on Monday 30 Dec (72 h, no clock change)."""
    code = main(
        [
            "referral",
            "check",
            "--council",
            "somerset",
            "--format",
            "json",
            str(EXAMPLES / "referral.json"),
        ]
    )
    result = json.loads(capsys.readouterr().out)
    assert 0 == code
    assert "eligible" == result["outcome"]
    assert {
        "available-immediately": "2024-12-27T22:15:00+00:00",
        "urgent-plans-agreed": "2024-12-30T22:15:00+00:00",
    } == {d["rule_id"]: d["due_at"] for d in result["deadlines"]}


@pytest.mark.parametrize(("team", "received", "outcome", "status"), CLI_TEAM_CASES)
def test_the_cli_sends_a_request_to_the_team_of_the_hour(
    team: str,
    received: str,
    outcome: str,
    status: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`referral check` (the core's decision, no plugin function) reads the referrer's team:
    a referral naming no route, from an SCC social worker of the given team, of a
    14-year-old on the edge of care in Taunton, via the portal."""
    document = {
        "id": "SCC-REF-TEAM",
        "received_at": received,
        "urgency": "standard",
        "council": "somerset",
        "service": "crisis-homecare",
        "referrer": {"role": "social-worker", "organisation": "SCC", "team": team},
        "channel": "portal",
        "child": {
            "id": "YP-1",
            "date_of_birth": "2010-03-14",
            "statuses": ["edge-of-care"],
            "area": "taunton",
        },
    }
    path = tmp_path / "referral.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code = main(["referral", "check", str(path), "--council", "somerset", "--format", "json"])
    result = json.loads(capsys.readouterr().out)
    assert (outcome, status) == (result["outcome"], code)
    refusals = [f for f in result["findings"] if f["code"] == "referral.referrer.not-permitted"]
    if outcome == "eligible":
        assert [] == refusals
    else:
        # The route of the other team is shut at this hour; the open one refuses the team.
        [refusal] = refusals
        shut, open_ = (
            ("emergency-duty-team", "placements-team")
            if team == "EDT"
            else ("placements-team", "emergency-duty-team")
        )
        assert f"{shut}: not open at this time" in refusal["message"]
        assert f"{open_}: only the teams" in refusal["message"]


def test_the_bundled_billing_month_through_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    """examples/billing.json (as of 2025-02-01, carried in the file), January 2025 at £18.00
    an hour: three 3-hour visits = 9 h = £162.00; 14 + 14 agreed miles at 45p = £12.60; the
    9 miles on 13 Jan have no agreement and are not billed (a finding, so exit status 1:
    done, with problems). Net £174.60."""
    code = main(
        ["invoice", "--council", "somerset", "--format", "json", str(EXAMPLES / "billing.json")]
    )
    result = json.loads(capsys.readouterr().out)
    assert 1 == code
    [invoice] = result["invoices"]
    assert "174.60" == invoice["net"]
    assert ["billing.mileage.no-agreement"] == [f["code"] for f in result["findings"]]
