"""Budgets checked where invoices are made, and work outside the budget windows (second
audit, defects 1 and 2), worked by hand from 6.1 of shared/specs/stoke.txt.

6.1: "The budget available for 2018/19 for service delivery from 1st July 2018 to 31 March
2019 is up to a maximum of: Core service £60,000"; "5% (£4500) of the budget for 2018/19
will be withheld and paid in quarter 1 2019/20 following evidence submitted"; 2019/20
"Core service £80,000", "only an indication"; "The budget for 2021/22 will be for 3 months
service delivery April 2021 - June 2021".
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from childcare_commissioning_stoke import SPEC

from childcare_commissioning.billing import (
    DeliveryRecord,
    LineKind,
    PlannedSession,
    Quotation,
    Rate,
    run_invoices,
)
from childcare_commissioning.billing.control import BudgetTally, budget_report
from childcare_commissioning.cli import main
from childcare_commissioning.convert import unstructure
from childcare_commissioning.model import Package

D = dt.date
TERMS = SPEC.billing
assert TERMS is not None

CORE18 = Package("CORE18", "stoke", "SGH", D(2018, 7, 1), D(2019, 3, 31), service="core")
RATE = Quotation("CORE18", (Rate(Decimal(100), D(2018, 7, 1)),))
#: 200 h in Aug 2018 (Q2), 200 h in Nov 2018 (Q3), 210 h in Feb 2019 (Q4), at £100 an hour.
HOURS = ((D(2018, 8, 1), 200), (D(2018, 11, 1), 200), (D(2019, 2, 1), 210))


def records(package: str = "CORE18", rows: tuple[tuple[dt.date, int], ...] = HOURS) -> list[Any]:
    return [
        {"id": f"{package}-{i}", "package_id": package, "date": d.isoformat(), "hours": str(h)}
        for i, (d, h) in enumerate(rows)
    ]


def batch(
    path: Path,
    recs: list[Any],
    packages: tuple[Package, ...] = (CORE18,),
    as_of: str = "2019-04-01",
) -> Path:
    quotes = [Quotation(p.id, (Rate(Decimal(100), p.start),)) for p in packages]
    path.write_text(
        json.dumps(
            {
                "as_of": as_of,
                "packages": unstructure(list(packages)),
                "quotations": unstructure(quotes),
                "planned": [],
                "records": recs,
            }
        ),
        encoding="utf-8",
    )
    return path


def test_a_2018_19_core_bill_over_the_firm_cap_fails_the_invoice_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Q2 200 h x £100 = £20,000; Q3 £20,000; Q4 210 h = £21,000: £61,000 against the firm
    "Core service £60,000" (2018/19, 1 July 2018 - 31 March 2019): an error citing 6.1, exit
    status 1. The invoices themselves are still issued (the finding says the cap is passed;
    it refuses no work already delivered). Retention 5% of each: £1,000 + £1,000 + £1,050
    = £3,050 withheld for 2018/19, released from 1 April 2019 (quarter 1 2019/20), and only
    on evidence: given on 15 May 2019, released that day."""
    path = batch(tmp_path / "b.json", records())
    argv = ["invoice", str(path), "--council", "stoke", "--format", "json"]
    status = main([*argv, "--retention-evidence", "2018/19=2019-05-15"])
    document = json.loads(capsys.readouterr().out)
    assert 1 == status
    assert ["20000.00", "20000.00", "21000.00"] == [i["net"] for i in document["invoices"]]
    [exceeded] = [f for f in document["findings"] if f["code"] == "billing.budget.exceeded"]
    assert "error" == exceeded["severity"]
    assert exceeded["citation"]["clause"].startswith("6.1")
    assert "£61,000.00 exceeds the budget of £60,000.00" in exceeded["message"]
    core = next(
        u
        for u in document["budgets"]
        if u["budget"]["financial_year"] == "2018/19" and u["budget"]["service"] == "core"
    )
    assert Decimal(61000) == Decimal(core["spent"])
    [year] = document["retention"]["years"]
    assert ("2018/19", Decimal(3050), "2019-04-01", "2019-05-15") == (
        year["financial_year"],
        Decimal(year["withheld"]),
        year["release_from"],
        year["released_on"],
    )


def test_without_evidence_the_retention_stays_withheld(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same run as a table: the budget row says 'exceeded', the retention row shows
    £3,050.00 withheld from 2019-04-01 with no evidence given."""
    path = batch(tmp_path / "b.json", records())
    assert 1 == main(["invoice", str(path), "--council", "stoke"])
    out = capsys.readouterr().out
    core_row = next(line for line in out.splitlines() if line.startswith("│ core 2018/19"))
    assert "£61,000.00" in core_row
    assert "exceeded" in core_row
    assert "firm" in core_row
    retention_row = next(
        line for line in out.splitlines() if "2018/19" in line and "£3,050.00" in line
    )
    assert "not given" in retention_row
    assert "withheld" in retention_row


def test_invoices_issued_before_count_against_the_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Q2 and Q3 were invoiced in an earlier run as of 1 January 2019 (£40,000); this run
    invoices Q4 alone (£21,000). The year's core spending is still £61,000: exit 1."""
    first = batch(tmp_path / "first.json", records(rows=HOURS[:2]), as_of="2019-01-01")
    assert 0 == main(["invoice", str(first), "--council", "stoke", "--format", "json"])
    previous = tmp_path / "previous.json"
    previous.write_text(capsys.readouterr().out, encoding="utf-8")
    second = batch(tmp_path / "second.json", records(rows=HOURS))
    argv = ["invoice", str(second), "--council", "stoke", "--format", "json"]
    assert 1 == main([*argv, "--previous", str(previous)])
    document = json.loads(capsys.readouterr().out)
    assert ["21000.00"] == [i["net"] for i in document["invoices"]]
    assert "billing.budget.exceeded" in {f["code"] for f in document["findings"]}


def test_an_indicative_budget_passed_is_a_warning_not_a_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """2019/20 core: 200 + 200 + 200 + 250 h at £100 = £85,000 against the indicative
    £80,000 ("only an indication"): a warning, exit 0. Core and pilot together £85,000 of
    the indicative £120,000 is 70.8%, under the 90% warning: no finding for it."""
    package = Package("CORE19", "stoke", "SGH", D(2019, 4, 1), D(2020, 3, 31), service="core")
    rows = ((D(2019, 5, 1), 200), (D(2019, 8, 1), 200), (D(2019, 11, 1), 200), (D(2020, 2, 1), 250))
    path = batch(tmp_path / "b.json", records("CORE19", rows), (package,), "2020-04-01")
    argv = ["invoice", str(path), "--council", "stoke", "--format", "json"]
    assert 0 == main(argv)
    document = json.loads(capsys.readouterr().out)
    assert [("warning", "billing.budget.indicative-exceeded")] == [
        (f["severity"], f["code"]) for f in document["findings"]
    ]


def test_the_stream_and_the_ubl_export_report_the_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The £61,000 run through `invoice-stream` (records as JSON Lines) and `export ubl` (the
    batch, with --council): each names the exceeded cap on standard error and exits 1,
    and the stream's budget line reads £61,000.00 of £60,000.00."""
    packages = batch(tmp_path / "packages.json", [])
    lines = tmp_path / "records.jsonl"
    lines.write_text("".join(json.dumps(r) + "\n" for r in records()), encoding="utf-8")
    argv = ["invoice-stream", str(lines), "--packages", str(packages), "--council", "stoke"]
    assert 1 == main(argv)
    err = capsys.readouterr().err
    assert "finding: billing.budget.exceeded" in err
    assert "budget: core 2018/19 (2018-07-01 to 2019-03-31): £61,000.00 of £60,000.00 (firm)" in err

    from childcare_commissioning.formats.ubl import Party, UblSettings

    party = Party(
        "7300010000001",
        "0088",
        "Example Care Ltd",
        city="Stoke",
        postcode="ST4 1HH",
        vat_id="GB928741974",
    )
    parties = tmp_path / "parties.json"
    settings = UblSettings(party, party, buyer_reference="STOKE-PSY")
    parties.write_text(json.dumps(unstructure(settings)), encoding="utf-8")
    full = batch(tmp_path / "b.json", records())
    out = tmp_path / "ubl"
    argv = ["export", "ubl", str(full), "--parties", str(parties), "--council", "stoke"]
    assert 1 == main([*argv, "--out", str(out), "--format", "json"])
    assert "finding: billing.budget.exceeded" in capsys.readouterr().err
    assert 3 == len(list(out.iterdir()))


def test_tally_counts_an_invoice_once() -> None:
    """The previous run's invoices given again with the new run's: each counts once, by
    its number (£61,000, not £101,000)."""
    run = run_invoices(
        "stoke",
        TERMS,
        [CORE18],
        [RATE],
        [],
        [
            DeliveryRecord(r["id"], "CORE18", D.fromisoformat(r["date"]), hours=Decimal(r["hours"]))
            for r in records()
        ],
        D(2019, 4, 1),
    )
    report = budget_report(TERMS, [*run.invoices, *run.invoices[:2]], {"CORE18": "core"})
    spent = {u.budget.label: u.spent for u in report.uses}
    assert Decimal(61000) == spent["core 2018/19"]
    tally = BudgetTally(TERMS, {})
    tally.add_all(run.invoices)
    [unknown] = tally.report().findings
    assert ("warning", "billing.budget.service-unknown") == (unknown.severity, unknown.code)


# --- work outside the budget windows (defect 2) ---------------------------------------------


def test_work_before_1_july_2018_or_after_june_2021_is_a_finding_not_billed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """20 June 2018 is in 2018/19 (1 April 2018 - 31 March 2019), whose core budget is "for
    service delivery from 1st July 2018": outside it. 2 August 2021 is in 2021/22, whose one
    budget is "for 3 months service delivery April 2021 - June 2021": outside it. Each is a
    finding naming the record and the window (6.1), neither is on an invoice, and the run
    exits 1. The days at the windows' edges, 1 July 2018 and 30 June 2021, are billed."""
    early = Package("EARLY", "stoke", "SGH", D(2018, 4, 1), D(2019, 3, 31), service="core")
    late = Package("LATE", "stoke", "SGH", D(2021, 4, 1), D(2021, 9, 30), service="core")
    recs = [
        *records("EARLY", ((D(2018, 6, 20), 100), (D(2018, 7, 1), 100))),
        *records("LATE", ((D(2021, 6, 30), 100), (D(2021, 8, 2), 100))),
    ]
    path = batch(tmp_path / "b.json", recs, (early, late), "2021-10-01")
    assert 1 == main(["invoice", str(path), "--council", "stoke", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    outside = [f for f in document["findings"] if f["code"] == "billing.budget.outside-window"]
    assert ["$.records['EARLY-0']", "$.records['LATE-1']"] == [f["path"] for f in outside]
    assert "core 2018/19 covers 2018-07-01 to 2019-03-31" in outside[0]["message"]
    assert "core + pilot 2021/22 covers 2021-04-01 to 2021-06-30" in outside[1]["message"]
    assert all(f["citation"]["clause"].startswith("6.1") for f in outside)
    billed = {rid for i in document["invoices"] for rid in i["record_ids"]}
    assert {"EARLY-1", "LATE-0"} == billed


def test_a_planned_session_outside_the_window_is_not_commissioned() -> None:
    """A session planned for 20 June 2018 is outside the 2018/19 window: a finding, and no
    commissioned line for it; one planned for 1 July 2018 is commissioned (2 h x £100 =
    £200; with no delivery record it is then deducted as missed, as for any council)."""
    package = Package("P", "stoke", "SGH", D(2018, 4, 1), D(2019, 3, 31), service="core")
    planned = [
        PlannedSession("S-JUNE", "P", D(2018, 6, 20), 120),
        PlannedSession("S-JULY", "P", D(2018, 7, 1), 120),
    ]
    run = run_invoices(
        "stoke",
        TERMS,
        [package],
        [Quotation("P", (Rate(Decimal(100), D(2018, 4, 1)),))],
        planned,
        [],
        D(2018, 10, 1),
    )
    assert [("billing.budget.outside-window", "$.planned['S-JUNE']")] == [
        (f.code, f.path) for f in run.findings
    ]
    commissioned = [
        line for i in run.invoices for line in i.lines if line.kind is LineKind.COMMISSIONED
    ]
    assert [("S-JULY", Decimal("200.00"))] == [(x.planned_id, x.amount) for x in commissioned]


# --- what the text pays: quarterly claims against the budget (defect 13) --------------------


def claims_batch(path: Path, claims: list[dict[str, str]], as_of: str) -> Path:
    packages = [
        Package("CORE", "stoke", "SGH", D(2018, 7, 1), service="core"),
    ]
    document = {"as_of": as_of, "packages": unstructure(packages), "claims": claims}
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def claim(cid: str, day: str, amount: str, outcomes: str | None = "report") -> dict[str, str]:
    found = {"id": cid, "package_id": "CORE", "date": day, "amount": amount}
    return found | ({"outcomes": outcomes} if outcomes else {})


def test_quarterly_claims_in_arrears_against_the_firm_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """6.2 "Payments will be made quarterly in arrears on the achievement of
    outcomes/targets" (reading 'payment-by-claim': no rate, the provider claims an amount
    per quarter). 2018/19 core claims: July-September £20,000, October-December £20,000
    (no evidence named: a warning), January-March £21,000 = £61,000 against the firm
    £60,000: an error, exit 1. Each withholds 5%: £1,000, £1,000, £1,050. One claim line
    per invoice, of kind 'claim'; no invoice for April-June 2019, which has no claim."""
    path = claims_batch(
        tmp_path / "claims.json",
        [
            claim("C1", "2018-09-30", "20000"),
            claim("C2", "2018-12-31", "20000.00", None),
            claim("C3", "2019-03-31", "21000.00"),
        ],
        "2019-07-01",
    )
    assert 1 == main(["invoice", str(path), "--council", "stoke", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert [
        ("2018-07-01", "20000.00", "1000.00", "19000.00"),
        ("2018-10-01", "20000.00", "1000.00", "19000.00"),
        ("2019-01-01", "21000.00", "1050.00", "19950.00"),
    ] == [
        (i["period"]["start"], i["net"], i["withheld"], i["payable"]) for i in document["invoices"]
    ]
    assert {"claim"} == {line["kind"] for i in document["invoices"] for line in i["lines"]}
    assert [
        ("warning", "billing.claim.outcomes-unevidenced"),
        ("error", "billing.budget.exceeded"),
    ] == [(f["severity"], f["code"]) for f in document["findings"]]


def test_claims_out_of_time_or_window_and_zero_retention_as_pennies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A claim dated in April-June 2021 (the 2021/22 window, no retention: reading
    'retention-of-payments') is paid in full, its withheld written "0.00", not "0". One
    dated 2 August 2021 is outside the 2021/22 window ("April 2021 - June 2021"): a
    finding, not billed."""
    path = claims_batch(
        tmp_path / "claims.json",
        [claim("C21", "2021-06-30", "10000.00"), claim("LATE", "2021-08-02", "500.00")],
        "2021-10-01",
    )
    assert 1 == main(["invoice", str(path), "--council", "stoke", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    [invoice] = document["invoices"]
    assert ("10000.00", "0.00", "10000.00") == (
        invoice["net"],
        invoice["withheld"],
        invoice["payable"],
    )
    assert ["billing.budget.outside-window"] == [f["code"] for f in document["findings"]]


def test_a_claim_for_a_quarter_not_yet_ended_is_pending() -> None:
    """In arrears: on 1 Dec 2018 the October-December quarter has not ended, so its claim
    waits; the July-September one is invoiced."""
    from childcare_commissioning.billing import Claim, claim_invoices

    package = Package("CORE", "stoke", "SGH", D(2018, 7, 1), service="core")
    claims = [
        Claim("A", "CORE", D(2018, 9, 30), Decimal(100), "r"),
        Claim("B", "CORE", D(2018, 10, 15), Decimal(100), "r"),
    ]
    run = claim_invoices("stoke", TERMS, [package], claims, D(2018, 12, 1))
    assert (["A"], ("B",)) == ([rid for i in run.invoices for rid in i.record_ids], run.pending)


def test_a_claim_in_fractions_of_a_penny_is_refused_naming_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Money is pounds and pence: £100.005 is bad input (exit 2), named by field and rule."""
    path = claims_batch(tmp_path / "c.json", [claim("X", "2018-09-30", "100.005")], "2019-01-01")
    assert 2 == main(["invoice", str(path), "--council", "stoke"])
    err = capsys.readouterr().err
    assert "amount" in err
    assert "whole-pennies" in err


def test_a_package_is_billed_by_claims_or_by_records_not_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A record of a package that is claimed for is a finding and is not billed: the
    quarter's £20,000 claim is the invoice, not the claim plus 10 hours."""
    path = claims_batch(tmp_path / "c.json", [claim("C1", "2018-09-30", "20000")], "2019-01-01")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["records"] = [{"id": "R1", "package_id": "CORE", "date": "2018-08-01", "hours": "10"}]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert 1 == main(["invoice", str(path), "--council", "stoke", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert [["C1"]] == [i["record_ids"] for i in document["invoices"]]
    assert "billing.claim.package-has-records" in {f["code"] for f in document["findings"]}


def test_the_stream_refuses_claims_rather_than_ignore_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """invoice-stream reads records; a --packages batch carrying claims is refused (exit
    2, naming the rule), never run without them."""
    packages = claims_batch(tmp_path / "c.json", [claim("C1", "2018-09-30", "1")], "2019-01-01")
    lines = tmp_path / "records.jsonl"
    lines.write_text("", encoding="utf-8")
    argv = ["invoice-stream", str(lines), "--packages", str(packages), "--council", "stoke"]
    assert 2 == main(argv)
    assert "[claims-in-stream]" in capsys.readouterr().err
