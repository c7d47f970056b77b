"""Audit round 2, defect 8: Derby's weekly IPA payments through the command line and the
invoice documents (3.2.5, 3.1.4, 3.8.1).

- "There will be an option to extend or reduce ... with consequent change in payments":
  each day costs the weekly cost in force that day / 7 (reading 'billing-cycle');
- notice ends the agreement on the last day of notice (readings 'notice-days',
  'notice-circumstances'), 30 days for a general reason, or a period agreed for the case;
- "a percentage discount on the DPS accommodation costs for any block sourced of five
  beds or more", at the percentage the block records (reading 'block-discount');
- Housing Benefit "will contribute towards the accommodation cost" for children in need and
  young homeless 16-17 year olds (Lot 2; reading 'housing-benefit-contribution').
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from childcare_commissioning_derby import SPEC, Variation, ipa_payments, termination_date

from childcare_commissioning.billing import (
    BillingCycle,
    BillingTerms,
    LineKind,
    Notice,
    WeeklyAgreement,
    WeeklyCost,
    weekly_invoices,
)
from childcare_commissioning.cli import main
from childcare_commissioning.cli.weeklycmd import notice_days
from childcare_commissioning.convert import structure
from childcare_commissioning.model import Citation, Package

D = dt.date
EXAMPLE = Path(__file__).parents[1] / "src/childcare_commissioning_derby/examples/payments.json"


def _batch() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def _run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, batch: dict[str, Any]
) -> tuple[int, dict[str, Any]]:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(batch), encoding="utf-8")
    code = main(["payments", str(path), "--council", "derby", "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def _nets(document: dict[str, Any]) -> dict[str, tuple[str, str, str]]:
    return {
        i["number"]: (i["period"]["start"], i["period"]["end"], i["net"])
        for i in document["invoices"]
    }


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
    code, document = _run(capsys, tmp_path, _batch())
    assert code == 0
    assert _nets(document) == {
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


def test_invoices_agree_with_ipa_payments() -> None:
    """The same agreement through the Python function (one weekly cost): 700 then 560 a
    week from 3 Mar, ending on 19 Apr, gives the same four monthly totals."""
    payments = ipa_payments(
        D(2025, 1, 6),
        D(2025, 4, 19),
        [Variation(D(2025, 1, 6), Decimal(700)), Variation(D(2025, 3, 3), Decimal(560))],
    )
    assert [p[2] for p in payments] == [
        Decimal("2600.00"),
        Decimal("2800.00"),
        Decimal("2520.00"),
        Decimal("1520.00"),
    ]


@pytest.mark.parametrize("output", ["csv", "text", "table"])
def test_the_documents_carry_the_lines(
    output: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(_batch()), encoding="utf-8")
    assert main(["payments", str(path), "--council", "derby", "--format", output]) == 0
    out = capsys.readouterr().out
    if output == "table":
        assert "£1,163.75" in out
    elif output == "csv":
        assert "derby-DCC-IPA-0420-20250210" in out
        assert ",-71.25," in out
    else:
        assert "Block discount 7.5%" in out
        assert "Housing Benefit" in out


def test_housing_benefit_is_not_a_lot_1_contribution(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The text names Housing Benefit for children in need and young homeless 16-17 year
    olds (Lot 2): on the Lot 1 agreement it is a finding and that agreement is not
    invoiced (never silently dropped, nor silently deducted)."""
    batch = _batch()
    batch["agreements"][0]["contributions"] = [
        {"kind": "housing-benefit", "weekly": "70.00", "effective_from": "2025-01-06"}
    ]
    code, document = _run(capsys, tmp_path, batch)
    assert code == 1
    assert [f["code"] for f in document["findings"]] == ["billing.weekly.contribution-service"]
    assert {i["package_id"] for i in document["invoices"]} == {"DCC-IPA-0420"}


def test_a_block_of_five_without_a_percentage_says_what_is_missing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = _batch()
    batch["blocks"] = [{"id": "DCC-BLOCK-2025-01", "beds": 5}]
    code, document = _run(capsys, tmp_path, batch)
    assert code == 1
    (finding,) = document["findings"]
    assert finding["code"] == "billing.weekly.block-percent"
    assert "not recorded" in finding["message"]
    assert {i["package_id"] for i in document["invoices"]} == {"DCC-IPA-0311"}


def test_a_block_of_four_gets_no_discount(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Four beds is below 'five beds or more': the recorded 7.5% is not applied (a
    warning says so) and February is 950.00 + 475.00 - 190.00 = 1235.00."""
    batch = _batch()
    batch["blocks"][0]["beds"] = 4
    code, document = _run(capsys, tmp_path, batch)
    assert code == 1
    assert [f["code"] for f in document["findings"]] == ["billing.weekly.block-size"]
    assert _nets(document)["derby-DCC-IPA-0420-20250210"][2] == "1235.00"


def test_an_agreed_notice_period_other_than_30_or_14_days(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """3.8.1: 'The notice period could, in some cases, depend on the circumstances': 21 days
    agreed, notice on 20 Mar, so the IPA ends on 10 Apr: 1-10 Apr is 10 days,
    420x10/7 = 600.00 + 140x10/7 = 200.00 = 800.00."""
    batch = _batch()
    batch["agreements"][0]["notice"] = {
        "given_on": "2025-03-20",
        "days": 21,
        "basis": "agreed by the Council for this termination",
    }
    code, document = _run(capsys, tmp_path, batch)
    assert code == 0
    assert _nets(document)["derby-DCC-IPA-0311-20250401"] == ("2025-04-01", "2025-04-10", "800.00")
    assert termination_date(D(2025, 3, 20), False, days=21) == D(2025, 4, 10)
    assert termination_date(D(2025, 3, 20), False) == D(2025, 4, 19)
    assert termination_date(D(2025, 3, 20), True) == D(2025, 4, 3)


def test_notice_names_the_texts_rule_or_an_agreed_period_never_both(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = _batch()
    batch["agreements"][0]["notice"] = {
        "given_on": "2025-03-20",
        "rule": "notice-general",
        "days": 9,
    }
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(batch), encoding="utf-8")
    assert main(["payments", str(path), "--council", "derby"]) == 2
    assert "notice-basis" in capsys.readouterr().err
    assert notice_days(SPEC) == {"notice-general": 30, "notice-specific": 14}


def test_per_day_proration_rounds_each_line_to_the_penny() -> None:
    """£555 a week for 10 days (1-10 Jan 2025, ended by 11 Jan): 555x10/7 = 792.857...,
    792.86 (half up)."""
    package = Package("P", "derby", "YP", D(2025, 1, 1), D(2025, 1, 10), service="lot-1")
    run = weekly_invoices(
        "derby",
        BillingTerms(BillingCycle.MONTHLY, Citation("derby", "3.2.5 Lot Detail", "payments")),
        [package],
        [WeeklyAgreement("P", [WeeklyCost(D(2025, 1, 1), Decimal(555))])],
        D(2025, 1, 11),
    )
    (invoice,) = run.invoices
    (line,) = invoice.lines
    assert (line.kind, line.quantity, line.amount) == (
        LineKind.COMMISSIONED,
        Decimal(10),
        Decimal("792.86"),
    )
    assert invoice.net == Decimal("792.86")
    assert Notice(D(2025, 1, 5), days=3).days == 3


def test_weekly_invoices_are_ubl_invoices() -> None:
    """Each of the example's invoices is written as a PEPPOL UBL invoice: days (DAY) and the
    discount in percent (P1) have unit codes, and the payable amount is the invoice's."""
    pytest.importorskip("lxml")
    from childcare_commissioning.billing import Block
    from childcare_commissioning.formats.ubl import Party, UblSettings, invoice_to_ubl

    batch = _batch()
    assert SPEC.billing is not None
    run = weekly_invoices(
        "derby",
        SPEC.billing,
        structure(batch["packages"], list[Package]),
        structure(batch["agreements"], list[WeeklyAgreement]),
        D(2025, 5, 1),
        blocks=structure(batch["blocks"], list[Block]),
        notice_days=notice_days(SPEC),
    )
    assert len(run.invoices) == 7
    settings = UblSettings(
        Party(
            "7300010000001",
            "0088",
            "Example Housing Ltd",
            city="Derby",
            postcode="DE1 1AA",
            vat_id="GB928741974",
        ),
        Party("7300010000001", "0088", "Derby City Council", city="Derby", postcode="DE1 2FS"),
        payment_terms="30 days",
    )
    for invoice in run.invoices:
        xml = invoice_to_ubl(invoice, settings).decode("utf-8")
        assert f">{invoice.payable}</cbc:PayableAmount>" in xml
        assert 'unitCode="DAY"' in xml
