"""Derby: the examples hook's documents (``examples/``) and the commands run over them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from childcare_commissioning.cli import main

from .helpers import example_batch, load_example_return, nets_by_invoice, run_payments

EXAMPLES_DIR = (
    Path(__file__).resolve().parents[1] / "src" / "childcare_commissioning_derby" / "examples"
)


def test_example_referral_through_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    """README: the urgent Saturday-night referral (23:10Z on 8 February 2025, GMT) of a
    homeless child in need born 20 June 2008 (16) is eligible for Lot 2, and the offer is
    due one hour later, 00:10Z on 9 February (3.3.1 'within 1 hour for an urgent
    referral')."""
    code = main(
        [
            "referral",
            "check",
            "--council",
            "derby",
            "--format",
            "json",
            str(EXAMPLES_DIR / "referral.json"),
        ]
    )
    result = json.loads(capsys.readouterr().out)
    assert code == 0
    assert result["outcome"] == "eligible"
    assert [d["due_at"] for d in result["deadlines"]] == ["2025-02-09T00:10:00+00:00"]


def test_good_friday_emergency_through_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    """README: an emergency request at 10:00 BST on Good Friday, 18 April 2025, is due the
    same day (reading 'emergency-same-day')."""
    code = main(
        [
            "deadlines",
            "--council",
            "derby",
            "--rule",
            "emergency-support",
            "--at",
            "2025-04-18T10:00:00+01:00",
            "--format",
            "json",
        ]
    )
    [deadline] = json.loads(capsys.readouterr().out)
    assert (code, deadline["due_date"], deadline["calendar"]) == (0, "2025-04-18", "derby-daytime")


def test_allegation_route_through_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    """README: an allegation against a worker at 23:30Z on 25 October 2025 (00:30 BST on
    the 26th in Derby, a Sunday night) goes to the Council's Emergency Careline by phone by
    the end of 26 October."""
    code = main(
        [
            "safeguarding",
            "route",
            "--council",
            "derby",
            "--concern",
            "allegation-against-worker",
            "--at",
            "2025-10-25T23:30:00+00:00",
            "--format",
            "json",
        ]
    )
    [step] = json.loads(capsys.readouterr().out)
    assert code == 0
    assert (step["recipient"], step["channel"], step["deadline"]["due_date"]) == (
        "emergency-careline",
        "phone",
        "2025-10-26",
    )


def test_the_command_line_names_the_careline_at_night_and_says_there_is_no_number(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The audit's reproduction: `safeguarding route --concern child --at
    2025-02-08T23:00` (a Saturday night) named the daytime team with phone null."""
    code = main(
        [
            "safeguarding",
            "route",
            "--council",
            "derby",
            "--concern",
            "child",
            "--at",
            "2025-02-08T23:00:00+00:00",
            "--format",
            "json",
        ]
    )
    assert code == 0
    (step,) = json.loads(capsys.readouterr().out)
    assert step["recipient"] == "emergency-careline"
    assert step["reach"] == "the text gives no number"
    assert step["contact"]["phone"] is None
    main(["safeguarding", "route", "--council", "derby", "--concern", "child", "--at",
          "2025-12-25T12:00:00+00:00"])  # fmt: skip
    assert "Emergency Careline" in capsys.readouterr().out


def test_the_example_batch_by_hand(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """DCC-IPA-0311 (Lot 1): £420 accommodation + £280 support a week from Monday 6 Jan
    2025, support down to £140 from 3 Mar; notice (general reason, 30 days) on 20 Mar, so
    the IPA ends on 19 Apr.
      6-31 Jan, 26 days: 420x26/7 = 1560.00 + 280x26/7 = 1040.00          = 2600.00
      Feb, 28 days: 1680.00 + 1120.00                                      = 2800.00
      Mar: 420x31/7 = 1860.00 + 280x2/7 = 80.00 + 140x29/7 = 580.00        = 2520.00
      1-19 Apr, 19 days: 420x19/7 = 1140.00 + 140x19/7 = 380.00            = 1520.00
    DCC-IPA-0420 (Lot 2): £350 + £175 a week from 10 Feb, in a block of 6 beds at 7.5%,
    Housing Benefit £70 a week:
      10-28 Feb, 19 days: 950.00 + 475.00 - 7.5% of 950.00 (71.25) - 70x19/7 (190.00)
                                                                          = 1163.75
      Mar, 31 days: 1550.00 + 775.00 - 116.25 - 310.00                     = 1898.75
      Apr, 30 days: 1500.00 + 750.00 - 112.50 - 300.00                     = 1837.50
    May ends after the as_of date (1 May 2025): not yet invoiced (in arrears)."""
    code, document = run_payments(capsys, tmp_path, example_batch())
    assert code == 0
    assert nets_by_invoice(document) == {
        "derby-DCC-IPA-0311-20250106": ("2025-01-06", "2025-01-31", "2600.00"),
        "derby-DCC-IPA-0311-20250201": ("2025-02-01", "2025-02-28", "2800.00"),
        "derby-DCC-IPA-0311-20250301": ("2025-03-01", "2025-03-31", "2520.00"),
        "derby-DCC-IPA-0311-20250401": ("2025-04-01", "2025-04-19", "1520.00"),
        "derby-DCC-IPA-0420-20250210": ("2025-02-10", "2025-02-28", "1163.75"),
        "derby-DCC-IPA-0420-20250301": ("2025-03-01", "2025-03-31", "1898.75"),
        "derby-DCC-IPA-0420-20250401": ("2025-04-01", "2025-04-30", "1837.50"),
    }
    february = next(i for i in document["invoices"] if i["number"] == "derby-DCC-IPA-0420-20250210")
    kinds = [(line["kind"], line["amount"]) for line in february["lines"]]
    assert kinds == [
        ("commissioned", "950.00"),
        ("commissioned", "475.00"),
        ("discount", "-71.25"),
        ("contribution", "-190.00"),
    ]
    assert february["lines"][3]["description"].startswith("Housing Benefit (contribution)")


def test_cli_computes_derbys_care_leavers(tmp_path: Path, capsys: object) -> None:
    load_example_return(tmp_path)
    import json

    argv = ["import", "ssda903", str(tmp_path), "--council", "derby", "--on", "2023-01-01"]
    assert 0 == main([*argv, "--format", "json"])
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    statuses = {c["child"]: c["statuses"] for c in json.loads(out)["children"]}
    assert statuses == {"A1": ["care-leaver"], "B2": [], "C3": ["care-leaver"]}
