"""Stoke: hand-worked tests of the declarations in ``rules/`` (calendars, deadlines,
obligations, routes, cohorts, staff requirements, safeguarding, billing). Every expected
value is worked out by hand from the text, with the working in the docstring."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from childcare_commissioning_stoke import (
    PLACEMENT_STABILITY,
    SDQ_SCORES,
    SPEC,
)
from childcare_commissioning_stoke.checks import CAMHS_PRIORITY
from childcare_commissioning_stoke.rules import (
    CHILDREN_IN_CARE_2017,
    LONG_TERM_STABILITY,
    PLACEMENT_BREAKDOWNS_2017,
    SDQ_CHANGE,
    SGH_OUT_OF_CITY_MOVES,
    SGH_SDQ_CHANGE,
    SGH_SDQ_SCORES,
)

from childcare_commissioning import Referral, Referrer, Status
from childcare_commissioning.billing import (
    BudgetUse,
    Claim,
    DeliveryRecord,
    LineKind,
    PlannedSession,
    Quotation,
    Rate,
    budget_use,
    claim_invoices,
    retention_ledger,
    run_invoices,
)
from childcare_commissioning.billing.control import BudgetTally, budget_report
from childcare_commissioning.calendars import working_calendar
from childcare_commissioning.cli import main
from childcare_commissioning.convert import unstructure
from childcare_commissioning.deadlines import evaluate
from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.model import Package
from childcare_commissioning.obligations import obligations_between
from childcare_commissioning.referrals import Outcome, check_referral
from childcare_commissioning.safeguarding import Concern, route
from childcare_commissioning.workforce import (
    Completion,
    Qualification,
    Worker,
    check_roster,
    check_worker,
)

from .helpers import LONDON, TERMS, D, pilot_referral, with_statuses

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


WORKFORCE = {r.id: r for r in SPEC.workforce}


def compliant_worker(worker_id: str, *extra: Completion) -> Worker:
    """A worker meeting every individual Stoke requirement on 11 Feb 2020 but DBS:
    educational psychologist with experience from 2015, safeguarding level 2 in 2019,
    supervised in January 2020, safer recruitment in 2018."""
    return Worker(
        worker_id,
        qualifications=(Qualification("educational-psychologist"),),
        experience_since=D(2015, 9, 1),
        completions=(
            Completion("safeguarding-children", D(2019, 6, 1), 2),
            Completion("supervision", D(2020, 1, 20)),
            Completion("safer-recruitment", D(2018, 5, 1)),
            *extra,
        ),
    )


assert TERMS.retention is not None


def quarterly(
    year: int, amount_hours: int = 300
) -> tuple[Package, Quotation, list[DeliveryRecord]]:
    """A core package for financial year ``year``/``year+1`` at £100 an hour, one record a quarter."""
    package = Package(
        f"CORE-{year}", "stoke", "service", D(year, 4, 1), D(year + 1, 3, 31), service="core"
    )
    quote = Quotation(package.id, (Rate(Decimal(100), D(year, 4, 1)),))
    days = (D(year, 5, 1), D(year, 8, 1), D(year, 11, 1), D(year + 1, 2, 1))
    return (
        package,
        quote,
        [
            DeliveryRecord(f"{package.id}-{i}", package.id, d, hours=Decimal(amount_hours))
            for i, d in enumerate(days)
        ],
    )


FIFTEEN_IN_2019 = D(2003, 3, 1)


def core_referral(*statuses: Status, born: dt.date = FIFTEEN_IN_2019) -> Referral:
    """A core-service referral received 4 Feb 2019 for a young person with ``statuses``."""
    child = attrs.evolve(pilot_referral().child, statuses=frozenset(statuses), date_of_birth=born)
    return pilot_referral(child=child, service="core")


SGH_RESIDENT = (Status.LOOKED_AFTER, Status.RESIDENTIAL_CARE, Status.LA_RESIDENTIAL_HOME)

UTC = dt.UTC


def spending(*parts: tuple[str, str, dt.date, dt.date, int]) -> list[BudgetUse]:
    """Budget use for packages (id, service, start, end, hours at £100, delivered once in
    the package's first month), invoiced in arrears by 1 Jan 2022."""
    packages = [Package(i, "stoke", "service", a, b, service=svc) for i, svc, a, b, _ in parts]
    quotes = [Quotation(i, (Rate(Decimal(100), a),)) for i, _, a, _, _ in parts]
    records = [
        DeliveryRecord(f"{i}-1", i, a + dt.timedelta(days=14), hours=Decimal(h))
        for i, _, a, _, h in parts
    ]
    run = run_invoices("stoke", TERMS, packages, quotes, [], records, D(2022, 1, 1))  # type: ignore[arg-type]
    return budget_use(TERMS.budgets, run.invoices, {i: svc for i, svc, *_ in parts})  # type: ignore[union-attr]


def findings_by_budget(uses: list[BudgetUse], year: str) -> dict[str, tuple[Decimal, str | None]]:
    return {
        "+".join(sorted(u.budget.services | ({u.budget.service} if u.budget.service else set()))): (
            u.spent,
            u.finding.code if u.finding else None,
        )
        for u in uses
        if u.budget.financial_year == year
    }


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


def test_staff_check_as_of_a_past_date_reads_the_dbs_then_in_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """4.3 "DBS checks ... renewed every 3 years". DBS of 9 May 2018 (valid through 9 May
    2021) and its renewal of 2 May 2021, checked on 11 Feb 2020: the 2018 check is in
    force, so no DBS gap (before the fix: "no dbs-enhanced on record", exit 1)."""
    worker = compliant_worker(
        "W1",
        Completion("dbs-enhanced", D(2018, 5, 9)),
        Completion("dbs-enhanced", D(2021, 5, 2)),
        Completion("safeguarding-children", D(2019, 6, 1), 3),
    )
    roster = tmp_path / "roster.json"
    roster.write_text(json.dumps(unstructure([worker])), encoding="utf-8")
    argv = ["staff-check", str(roster), "--council", "stoke", "--on", "2020-02-11"]
    assert 0 == main([*argv, "--format", "json"])
    [report] = json.loads(capsys.readouterr().out)["workers"]
    assert (True, []) == (
        report["compliant"],
        [f["code"] for f in report["findings"] if f["severity"] == "error"],
    )


def test_a_2016_supervision_checked_in_2019_is_put_as_a_query(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """4.1 "Have regular supervision" (no interval; reading 'regular-supervision'). Last
    supervised 15 Jan 2016, checked 1 Jul 2019: 1,096 days to 15 Jan 2019 + 167 to 1 Jul =
    1,263 days. Without an agreed interval: a query naming the date and the days, shown
    under the table; with the interval agreed as three months it lapsed on 16 Apr 2016."""
    supervision = WORKFORCE["supervision"]
    worker = Worker("W2", completions=(Completion("supervision", D(2016, 1, 15)),))
    report = check_roster([supervision], [worker], D(2019, 7, 1))
    [query] = report.workers[0].findings
    assert ("workforce.training.interval-unset", True) == (query.code, report.workers[0].compliant)
    assert "1263 days before 2019-07-01" in query.message
    months3 = {"supervision": Duration(DurationKind.MONTHS, 3)}
    lapsed = check_roster([supervision], [worker], D(2019, 7, 1), matrix=months3)
    [gap] = lapsed.workers[0].findings
    assert ("workforce.training.lapsed", True) == (gap.code, "2016-04-16" in gap.message)

    roster = tmp_path / "roster.json"
    roster.write_text(json.dumps(unstructure([worker])), encoding="utf-8")
    main(["staff-check", str(roster), "--council", "stoke", "--on", "2019-07-01"])
    assert "query: W2: Regular supervision: the latest supervision on record is of 2016-01-15" in (
        capsys.readouterr().out
    )


def test_the_outcome_baselines_are_encoded_as_printed() -> None:
    """1.4.2, the baselines 2.2.2 evidences the outcomes against. Shares worked by hand:
    194/697 = 0.2783 -> 27.8%; 196/697 = 0.2812 -> 28.1%; 67/213 = 0.3146 -> 31.5%;
    63/213 = 0.2958 -> 29.6%. Out of city moves from the SGHs: 8 in 2014/15, three in
    2016/17."""
    for children, share, _ in CHILDREN_IN_CARE_2017.values():
        assert share == f"{Decimal(children * 100) / 697:.1f}%".replace("100.0%", "100%")
    for children, share in LONG_TERM_STABILITY.values():
        assert share == f"{Decimal(children * 100) / 213:.1f}%".replace("100.0%", "100%")
    assert {"2014/15": 8, "2016/17": 3} == SGH_OUT_OF_CITY_MOVES
    tables = {t.id: t for t in SPEC.reference_tables}
    assert ("Stoke foster carers (not connected carers)", "194", "27.8%", "564") in tables[
        "children-in-care-2017"
    ].rows
    assert [("2014/15", "8"), ("2016/17", "3")] == list(tables["sgh-out-of-city-moves"].rows)
    outcomes = {o.id: " ".join(o.measures) for o in SPEC.outcomes}
    assert "reference_tables/sgh-out-of-city-moves" in outcomes["core-placement-stability"]
    assert "reference_tables/children-in-care-2017" in outcomes["pilot-placement-stability"]


def test_some_staff_at_a_higher_safeguarding_level_is_a_team_check() -> None:
    """4.1 "Safeguarding level 2, with some staff trained to higher levels" (reading
    'higher-safeguarding-levels': at least one at level 3 or above). Two workers at level
    2: a team finding; one of them at level 3 (June 2019): met, on 11 Feb 2020."""
    level2 = [compliant_worker("A"), compliant_worker("B")]
    report = check_roster(SPEC.workforce, level2, D(2020, 2, 11))
    assert ["workforce.team.safeguarding-children"] == [f.code for f in report.team]
    higher = Completion("safeguarding-children", D(2019, 6, 1), 3)
    met = check_roster(SPEC.workforce, [level2[0], compliant_worker("B", higher)], D(2020, 2, 11))
    assert () == met.team


def test_experience_of_working_with_vulnerable_children_runs_from_experience_since() -> None:
    """4.1 "a minimum two years post qualification experience of working with vulnerable
    children" (reading 'vulnerable-children-experience'): experience from 1 Sep 2018 is one
    year on 31 Aug 2020 (a gap), two on 1 Sep 2020 (met)."""
    requirement = WORKFORCE["qualified-psychologist"]
    worker = attrs.evolve(compliant_worker("C"), experience_since=D(2018, 9, 1))
    short = check_roster([requirement], [worker], D(2020, 8, 31)).workers[0]
    assert ["workforce.qualification.experience"] == [f.code for f in short.findings]
    assert check_roster([requirement], [worker], D(2020, 9, 1)).workers[0].compliant
    assert "readings/vulnerable-children-experience" in next(
        e.rules
        for e in SPEC.register.entries  # type: ignore[union-attr]
        if "workforce/qualified-psychologist" in e.rules
    )


def test_a_foster_carers_referral_is_redirected_to_the_social_worker() -> None:
    """2.3 "a system that can be activated by anyone within the child or young person's
    network" with "Referrals may be made by the child's social worker" (reading
    'network-referrals'). A foster carer refers an otherwise eligible looked after
    10-year-old with in-house carers: incomplete (redirected), naming the social worker,
    not 'not eligible'. The same referral from the social worker is eligible."""
    referral = with_statuses(Status.LOOKED_AFTER, Status.IN_HOUSE_FOSTER_CARE)
    assert Outcome.ELIGIBLE == check_referral(SPEC, referral).outcome
    carer = attrs.evolve(referral, referrer=attrs.evolve(referral.referrer, role="foster-carer"))
    decision = check_referral(SPEC, carer)
    assert Outcome.INCOMPLETE == decision.outcome
    [redirect] = [f for f in decision.findings if f.code.startswith("referral.referrer")]
    assert "referral.referrer.redirect" == redirect.code
    assert "the child's social worker" in redirect.message
    assert "network-referrals" in redirect.message


def test_a_redirect_does_not_hide_a_child_outside_the_cohort() -> None:
    """The redirect answers who refers, not whether the child is eligible: a foster
    carer's referral of a child who is not looked after stays not eligible."""
    referral = with_statuses(Status.CHILD_IN_NEED)
    carer = attrs.evolve(referral, referrer=Referrer(role="foster-carer", name="A Carer"))
    assert Outcome.NOT_ELIGIBLE == check_referral(SPEC, carer).outcome


def test_an_agency_placement_is_not_described_as_with_in_house_carers() -> None:
    """2.3 Referral Criteria, read with the exclusion's discretion (reading
    'pilot-discretion'). For a looked after child with agency carers the cohort finding
    cites "looked after by Stoke -on-Trent LA" and says nothing of in-house carers; the
    placement condition is the exclusion's, needing the Strategic Manager's approval."""
    decision = check_referral(SPEC, with_statuses(Status.LOOKED_AFTER, Status.AGENCY_FOSTER_CARE))
    [cohort] = [f for f in decision.findings if f.code == "eligibility.cohort.in-house-foster-care"]
    assert cohort.citation is not None
    assert "in-house" not in cohort.message
    assert "in-house" not in cohort.citation.quote
    assert cohort.citation.quote.endswith("looked after by Stoke –on-Trent LA")
    [exclusion] = [f for f in decision.findings if f.code.startswith("eligibility.exclusion")]
    assert "Strategic Manager for Looked after Children" in exclusion.message
    assert Outcome.NEEDS_APPROVAL == decision.outcome


def test_core_and_pilot_start_with_their_own_packages() -> None:
    """5.2 "The core service and pilot mobilisations start dates and time frame may be
    staggered" (reading 'staggered-mobilisation'). Award on 1 Jul 2018: the pilot is due
    mobilised by 1 Oct 2018 (three months). Core from 1 Jul 2018, pilot from 1 Oct 2018,
    10 h at £100 in each quarter delivered, invoiced as of 1 Jan 2019: core is invoiced
    for July-September and October-December (£1,000 each), the pilot for October-December
    only; each withholds 5 % (£50)."""
    from childcare_commissioning.billing import DeliveryRecord, Quotation, Rate, run_invoices
    from childcare_commissioning.deadlines import evaluate
    from childcare_commissioning.model import Package

    award = dt.datetime(2018, 7, 1, 12, 0, tzinfo=dt.UTC)
    assert D(2018, 10, 1) == evaluate(SPEC.deadline("pilot-mobilised"), award).due_date
    core = Package("CORE", "stoke", "SGH", D(2018, 7, 1), service="core")
    pilot = Package("PILOT", "stoke", "FC", D(2018, 10, 1), service="pilot")
    quotes = [Quotation(p.id, (Rate(Decimal(100), p.start),)) for p in (core, pilot)]
    records = [
        DeliveryRecord("C1", "CORE", D(2018, 8, 1), hours=Decimal(10)),
        DeliveryRecord("C2", "CORE", D(2018, 11, 1), hours=Decimal(10)),
        DeliveryRecord("P1", "PILOT", D(2018, 11, 1), hours=Decimal(10)),
    ]
    assert SPEC.billing is not None
    run = run_invoices("stoke", SPEC.billing, [core, pilot], quotes, [], records, D(2019, 1, 1))
    assert [
        ("CORE", D(2018, 7, 1), Decimal("1000.00"), Decimal("50.00")),
        ("CORE", D(2018, 10, 1), Decimal("1000.00"), Decimal("50.00")),
        ("PILOT", D(2018, 10, 1), Decimal("1000.00"), Decimal("50.00")),
    ] == [(i.package_id, i.period.start, i.net, i.withheld) for i in run.invoices]
    assert () == run.findings


def test_2018_19_retention_is_released_in_quarter_1_of_2019_20() -> None:
    """From 1 July 2018: quarters 2-4 of 2018/19 at £30,000 each = £90,000; 5% = £4,500
    ("5% (£4500)"), released from 1 April 2019, the start of quarter 1 2019/20."""
    package = Package("CORE", "stoke", "service", D(2018, 7, 1), D(2019, 3, 31), service="core")
    quote = Quotation("CORE", (Rate(Decimal(100), D(2018, 7, 1)),))
    records = [
        DeliveryRecord(f"R{i}", "CORE", d, hours=Decimal(300))
        for i, d in enumerate((D(2018, 8, 1), D(2018, 11, 1), D(2019, 2, 1)))
    ]
    run = run_invoices("stoke", TERMS, [package], [quote], [], records, D(2019, 4, 1))  # type: ignore[arg-type]
    ledger = retention_ledger(run.invoices, TERMS.retention)  # type: ignore[union-attr, arg-type]
    assert (Decimal(90000), Decimal(4500)) == (ledger.billed, ledger.withheld)
    assert D(2019, 4, 1) == ledger.years[0].release_from
    assert ledger.reconciles()


def test_2020_21_retention_reading() -> None:
    """The text says 2020/21's 5% is paid "in quarter 1 2020/21"; the reading chosen (as
    every other year) releases it from quarter 1 of 2021/22: 1 April 2021, and only on
    evidence (recorded here on 20 May 2021)."""
    package, quote, records = quarterly(2020)
    run = run_invoices("stoke", TERMS, [package], [quote], [], records, D(2021, 4, 1))  # type: ignore[arg-type]
    ledger = retention_ledger(run.invoices, TERMS.retention, {"2020/21": D(2021, 5, 20)})  # type: ignore[union-attr, arg-type]
    [year] = ledger.years
    assert ("2020/21", D(2021, 4, 1), D(2021, 5, 20)) == (
        year.financial_year,
        year.release_from,
        year.released_on,
    )
    assert "retention-2020-21" in {r.id for r in SPEC.readings}


def test_retention_in_2020_21_and_none_in_april_to_june_2021() -> None:
    """Audit D5. 6.1 sets "5% of the total annual budget will be withheld" for 2018/19,
    2019/20 and 2020/21; for 2021/22 ("3 months service delivery April 2021 – June 2021")
    it sets none. Worked by hand at £100 an hour: the quarter Jan-Mar 2021 (in 2020/21),
    200 h = £20,000, withholds 5% = £1,000.00 and pays £19,000.00; the quarter Apr-Jun
    2021, 200 h = £20,000, withholds £0.00 and pays £20,000.00 (before #21: £1,000.00
    withheld until 1 Apr 2022). The ledger: billed £40,000 = paid £39,000 + withheld
    £1,000, all of it 2020/21's, released from 1 Apr 2021 on evidence."""
    package = Package("CORE-Q", "stoke", "service", D(2021, 1, 1), D(2021, 6, 30), service="core")
    quote = Quotation(package.id, (Rate(Decimal(100), D(2021, 1, 1)),))
    records = [
        DeliveryRecord("JAN-MAR", package.id, D(2021, 2, 1), hours=Decimal(200)),
        DeliveryRecord("APR-JUN", package.id, D(2021, 5, 1), hours=Decimal(200)),
    ]
    run = run_invoices("stoke", TERMS, [package], [quote], [], records, D(2021, 7, 1))  # type: ignore[arg-type]
    assert [
        (D(2021, 3, 31), Decimal("1000.00"), Decimal("19000.00")),
        (D(2021, 6, 30), Decimal("0.00"), Decimal("20000.00")),
    ] == [(i.period.end, i.withheld, i.payable) for i in run.invoices]
    ledger = retention_ledger(run.invoices, TERMS.retention)  # type: ignore[union-attr, arg-type]
    assert (Decimal(40000), Decimal(39000), Decimal(1000)) == (
        ledger.billed,
        ledger.paid,
        ledger.withheld,
    )
    assert ledger.reconciles()
    assert [("2020/21", D(2021, 4, 1))] == [
        (y.financial_year, y.release_from) for y in ledger.years
    ]


def test_quarterly_payments_in_arrears() -> None:
    """Payments are "quarterly in arrears": on 31 Dec 2019 quarters 1 and 2 of 2019/20
    have ended and are invoiced (issued 1 Jul and 1 Oct 2019); quarter 3 ends that day,
    so it is invoiced from 1 Jan 2020."""
    package, quote, records = quarterly(2019)
    run = run_invoices("stoke", TERMS, [package], [quote], [], records, D(2019, 12, 31))  # type: ignore[arg-type]
    assert [D(2019, 7, 1), D(2019, 10, 1)] == [i.issued_on for i in run.invoices]
    run = run_invoices("stoke", TERMS, [package], [quote], [], records, D(2020, 1, 1))  # type: ignore[arg-type]
    assert D(2020, 1, 1) == run.invoices[-1].issued_on


def test_service_calendar_over_christmas_2021() -> None:
    """Open at weekends, closed bank holidays and Christmas/Boxing Day: in 2021 Sat 25 and
    Sun 26 are closed by name, Mon 27 and Tue 28 are the substitute bank holidays. After
    Fri 24 Dec the next service day is Wed 29 Dec."""
    calendar = working_calendar(SPEC.calendars[0])
    assert D(2021, 12, 29) == calendar.add(D(2021, 12, 24), 1)
    assert calendar.is_working_day(D(2021, 12, 18))  # an ordinary Saturday


def test_complete_pilot_referral_is_eligible() -> None:
    """A 10-year-old with in-house foster carers 12 miles away, all minimum information."""
    assert Outcome.ELIGIBLE == check_referral(SPEC, pilot_referral()).outcome


def test_missing_minimum_information_is_incomplete() -> None:
    """Without ethnicity and the Strategic Manager's agreement, the referral is incomplete."""
    child = attrs.evolve(pilot_referral().child, ethnicity=None)
    info = {
        k: v for k, v in pilot_referral().information.items() if k != "strategic_manager_agreement"
    }
    decision = check_referral(SPEC, pilot_referral(child=child, information=info))
    assert Outcome.INCOMPLETE == decision.outcome
    assert {"$.child.ethnicity", "$.information.strategic_manager_agreement"} == {
        f.path for f in decision.findings if f.code == "referral.information.missing"
    }


def test_agency_foster_care_needs_the_strategic_managers_discretion() -> None:
    """Audit D2/V6. 2.3 Exclusion criteria: "Looked after children who are not in the care
    of Stoke-on-Trent in-house foster carers, unless agreed at the discretion of the
    Strategic Manager for Looked after Children". A looked after 10-year-old with agency
    foster carers is therefore for the Strategic Manager to decide: needs approval, and the
    finding names who approves (reading 'pilot-discretion'). Before #17/#21 this came out
    'not eligible'."""
    decision = check_referral(SPEC, with_statuses(Status.LOOKED_AFTER, Status.AGENCY_FOSTER_CARE))
    assert Outcome.NEEDS_APPROVAL == decision.outcome
    assert any(
        "Strategic Manager for Looked after Children" in f.message for f in decision.findings
    )


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        # in-house foster carers: the referral criteria, eligible
        ((Status.LOOKED_AFTER, Status.IN_HOUSE_FOSTER_CARE), Outcome.ELIGIBLE),
        # connected persons/kinship foster carers are in-house carers (2.2.2)
        ((Status.LOOKED_AFTER, Status.KINSHIP_CARE), Outcome.ELIGIBLE),
        # a looked after child in a residential home: not with in-house foster carers,
        # so the Strategic Manager's discretion
        ((Status.LOOKED_AFTER, Status.RESIDENTIAL_CARE), Outcome.NEEDS_APPROVAL),
        # not looked after at all: outside "looked after by Stoke-on-Trent LA"
        ((Status.CHILD_IN_NEED,), Outcome.NOT_ELIGIBLE),
    ],
)
def test_pilot_referral_criteria_by_placement(
    statuses: tuple[Status, ...], expected: Outcome
) -> None:
    """2.3 Referral Criteria ("looked after by Stoke -on-Trent LA and who are resident with
    in-house foster carers") read with the exclusion's discretion."""
    assert expected == check_referral(SPEC, with_statuses(*statuses)).outcome


def test_discretion_does_not_reach_past_18() -> None:
    """The discretion lifts the placement condition only: a young person with agency carers
    born 4 Feb 2001 is 18 on the referral day, 4 Feb 2019, and "up to the age of 18" (read
    as under 18) still refuses."""
    referral = with_statuses(Status.LOOKED_AFTER, Status.AGENCY_FOSTER_CARE, born=D(2001, 2, 4))
    assert Outcome.NOT_ELIGIBLE == check_referral(SPEC, referral).outcome


@pytest.mark.parametrize(
    ("miles", "expected"),
    [
        ("20", Outcome.ELIGIBLE),  # "within a 20 mile radius": 20 is inside
        ("20.01", Outcome.NEEDS_APPROVAL),  # just outside: near, individual review
        ("20.5", Outcome.NEEDS_APPROVAL),
        ("22", Outcome.NEEDS_APPROVAL),  # the edge of "near" (reading: 2 miles)
        ("22.01", Outcome.NOT_ELIGIBLE),  # beyond near
        ("40", Outcome.NOT_ELIGIBLE),
    ],
)
def test_twenty_mile_radius(miles: str, expected: Outcome) -> None:
    """Audit D3/V5. 2.1.2: "within a 20 mile radius of Stoke-on-Trent, to be reviewed on an
    individual basis should an otherwise eligible child or young person's placement fall
    outside, but near to the outer geographical limit". With the reading 'near-the-limit'
    (near = up to 2 miles beyond): 20 eligible, over 20 to 22 needs review, over 22 not
    eligible. Before #21, 20.5 came out 'not eligible' with no review."""
    assert expected == check_referral(SPEC, pilot_referral(distance_miles=Decimal(miles))).outcome


def test_near_the_limit_names_the_review_and_the_reading() -> None:
    """At 20.1 miles the finding says it is a review, who decides, and the reading."""
    decision = check_referral(SPEC, pilot_referral(distance_miles=Decimal("20.1")))
    [finding] = [f for f in decision.findings if f.code.startswith("eligibility.limit.radius")]
    assert "Strategic Manager for Looked after Children" in finding.message
    assert "near-the-limit" in finding.message


@pytest.mark.parametrize(
    ("born", "expected"), [(D(2001, 2, 5), Outcome.ELIGIBLE), (D(2001, 2, 4), Outcome.NOT_ELIGIBLE)]
)
def test_up_to_18(born: dt.date, expected: Outcome) -> None:
    """Referral on 4 Feb 2019: born 5 Feb 2001 is 17 (eligible); born 4 Feb 2001 turned 18
    that day (the 'up-to-18' reading: under 18)."""
    child = attrs.evolve(pilot_referral().child, date_of_birth=born)
    assert expected == check_referral(SPEC, pilot_referral(child=child)).outcome


def test_evidence_tables_add_up() -> None:
    """Transcription check: below 17 + 17 and above = total each year (2014-15: 131 + 82 =
    213, 38.5% at 17+); placements 56 + 149 + 431 = 636."""
    for below, above, total, _, _ in SDQ_SCORES.values():
        assert total == below + above
    assert Decimal("38.5") == (Decimal(82) * 100 / 213).quantize(Decimal("0.1"))
    assert PLACEMENT_STABILITY["total"][0] == sum(
        v[0] for k, v in PLACEMENT_STABILITY.items() if k != "total"
    )


def test_performance_reviews_monthly_then_three_monthly() -> None:
    """From 1 July 2018: monthly to 1 July 2019 (twelve), then 1 Oct 2019, 1 Jan 2020."""
    found = obligations_between(
        SPEC.obligations, D(2018, 7, 1), D(2018, 7, 1), D(2020, 1, 31), SPEC.calendars
    )
    reviews = [o.due_date for o in found if o.obligation_id == "performance-review"]
    assert 14 == len(reviews)
    assert [D(2018, 8, 1), D(2019, 7, 1), D(2019, 10, 1), D(2020, 1, 1)] == [
        reviews[0],
        reviews[11],
        reviews[12],
        reviews[13],
    ]


def test_pilot_mobilised_within_three_months_of_award() -> None:
    """Award on 31 May 2018: mobilised by 31 Aug 2018; pilot evaluated 12 months later."""
    award = dt.datetime(2018, 5, 31, 12, 0, tzinfo=LONDON)
    assert D(2018, 8, 31) == evaluate(SPEC.deadline("pilot-mobilised"), award).due_date
    mobilised = dt.datetime(2018, 8, 31, 12, 0, tzinfo=LONDON)
    assert D(2019, 8, 31) == evaluate(SPEC.deadline("pilot-evaluation"), mobilised).due_date


def test_psychologist_with_two_years_and_dbs_every_three_years() -> None:
    """A clinical psychologist qualified 1 Sep 2016 with DBS of 1 Jul 2018: compliant on
    1 Jul 2019; DBS lapsed on 2 Jul 2021."""
    worker = Worker(
        "P1",
        qualifications=(Qualification("clinical-psychologist"),),
        experience_since=D(2016, 9, 1),
        completions=(
            Completion("dbs-enhanced", D(2018, 7, 1)),
            Completion("safeguarding-children", D(2018, 6, 1), 2),
            Completion("supervision", D(2019, 6, 1)),
            Completion("safer-recruitment", D(2018, 6, 1)),
        ),
    )
    assert check_worker(SPEC.workforce, worker, D(2019, 7, 1)).compliant
    codes = {f.code for f in check_worker(SPEC.workforce, worker, D(2021, 7, 2)).findings}
    assert "workforce.check.lapsed" in codes


def test_progress_reports_monthly_quarterly_and_annual() -> None:
    """6.1: the contract runs on "satisfactory reports of progress on a monthly, quarterly
    and annual basis" (audit ST-80). From a start of 1 July 2018, listed to 1 July 2019:
    monthly 1 Aug 2018 ... 1 Jul 2019 (12), quarterly 1 Oct 2018, 1 Jan, 1 Apr, 1 Jul 2019
    (4), annual 1 Jul 2019 (1). 1 Jan 2019 is a bank holiday and stays the due date: the
    text sets the frequency, not a working day."""
    found = obligations_between(
        SPEC.all_obligations(), D(2018, 7, 1), D(2018, 7, 1), D(2019, 7, 1), SPEC.calendars
    )

    def dates(duty_id: str) -> list[dt.date]:
        return [o.due_date for o in found if o.obligation_id == f"duty-{duty_id}"]

    monthly = dates("progress-reports-monthly")
    assert 12 == len(monthly)
    assert (D(2018, 8, 1), D(2019, 1, 1), D(2019, 7, 1)) == (monthly[0], monthly[5], monthly[-1])
    assert [D(2018, 10, 1), D(2019, 1, 1), D(2019, 4, 1), D(2019, 7, 1)] == dates(
        "progress-reports-quarterly"
    )
    assert [D(2019, 7, 1)] == dates("progress-reports-annual")


def test_performance_data_comes_before_every_review() -> None:
    """4.3: each review considers "Provider performance data for the preceding
    monthly/quarterly period" (audit ST-61), so the data is due on each review date:
    monthly in the first year (1 Aug 2018 to 1 Jul 2019), then 1 Oct 2019 and 1 Jan 2020."""
    found = obligations_between(
        SPEC.all_obligations(), D(2018, 7, 1), D(2018, 7, 1), D(2020, 1, 31), SPEC.calendars
    )
    data = [o.due_date for o in found if o.obligation_id == "duty-performance-data"]
    reviews = [o.due_date for o in found if o.obligation_id == "performance-review"]
    assert 14 == len(data)
    assert [D(2019, 7, 1), D(2019, 10, 1), D(2020, 1, 1)] == data[-3:]
    assert reviews == data


def test_safeguarding_contacts_as_published() -> None:
    """2.3 and 4.2 name where safeguarding goes: the Safeguarding Children Board at
    www.safeguardingchildren.stoke.gov.uk, the Stoke-on-Trent LADO and the police (audit
    D6, ST-26, ST-50, ST-51). The text gives no phone or email for any of them, so none is
    invented."""
    contacts = {c.id: c for c in SPEC.contacts}
    assert "http://www.safeguardingchildren.stoke.gov.uk" == contacts["scb"].url
    assert {"lado", "police", "scb"} == set(contacts)
    assert all(c.phone is None and c.email is None for c in contacts.values())


@pytest.mark.parametrize("concern", [Concern.CHILD, Concern.ALLEGATION_AGAINST_WORKER])
def test_safeguarding_route_is_not_specified_and_names_the_contacts(concern: Concern) -> None:
    """Audit D6. The text routes nothing with a time or channel (reading
    'safeguarding-routing'): at 01:30 on 31 March 2019 (the hour the clocks skip, a Sunday)
    the answer is "not specified", never an error, naming the Board, the LADO and the
    police and no other contact. Before #21 it was an error ("stoke has no routing")."""
    at = dt.datetime(2019, 3, 31, 1, 30, tzinfo=UTC)
    answer = route(SPEC, concern, at)
    assert (False, ()) == (answer.specified, answer.steps)
    assert {"scb", "lado", "police"} == {c.id for c in answer.nearest}
    assert "not specified" in answer.message


def test_sdq_change_tables_add_up() -> None:
    """Transcription check worked from the printed tables: worsened + same + improved =
    total in cohort (2015-16: 68 + 8 + 74 = 150; SGH 2016-17: 3 + 0 + 4 = 7); SGH below 17
    + 17 and above = in SGH during year (2014-15: 4 + 9 = 13); 68/150 = 45.3% as printed."""
    for table in (SDQ_CHANGE, SGH_SDQ_CHANGE):
        for worse, same, better, total, _, _ in table.values():
            assert total == worse + same + better
    for below, above, total, _ in SGH_SDQ_SCORES.values():
        assert total == below + above
    assert Decimal("45.3") == (Decimal(68) * 100 / 150).quantize(Decimal("0.1"))


def test_sdq_2017_18_average_reading() -> None:
    """Audit Q6: the table prints 14, the summary 13.9. The table keeps 14 as printed and
    the reading records 13.9 (13.9 rounds to 14 at no decimals, so the two agree)."""
    assert 14.0 == SDQ_SCORES["2017-18"][3]
    reading = next(r for r in SPEC.readings if r.id == "sdq-2017-18-average")
    assert "13.9" in reading.reading
    assert Decimal(14) == Decimal("13.9").quantize(Decimal(1))


def test_camhs_priority_is_cited_where_the_text_puts_it() -> None:
    """Audit Q7: the sentence is under 'Current Service Provision' in section 1, and the
    register points at the computation that carries it."""
    assert CAMHS_PRIORITY.clause.startswith("1.4.2")
    [computation] = SPEC.computations
    assert computation.function.endswith(":camhs_priority_access")


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        # In one of the Council's own homes: eligible (15 on 4 Feb 2019, born 1 Mar 2003).
        (SGH_RESIDENT, Outcome.ELIGIBLE),
        # The status alone says so; "residential care" is not needed as well.
        ((Status.LOOKED_AFTER, Status.LA_RESIDENTIAL_HOME), Outcome.ELIGIBLE),
        # An external (agency or independent) children's home: not an SGH.
        ((Status.LOOKED_AFTER, Status.RESIDENTIAL_CARE), Outcome.NOT_ELIGIBLE),
        # With in-house foster carers: the pilot's cohort, not the core's.
        ((Status.LOOKED_AFTER, Status.IN_HOUSE_FOSTER_CARE), Outcome.NOT_ELIGIBLE),
        # The Council's home but not looked after: 2.1.1 is about looked after children.
        ((Status.LA_RESIDENTIAL_HOME,), Outcome.NOT_ELIGIBLE),
    ],
)
def test_core_service_is_for_the_councils_own_small_group_homes(
    statuses: tuple[Status, ...], expected: Outcome
) -> None:
    """Audit D4/V7. 2.1.1: the core service is for young people "resident in the LA's Small
    Group Homes"; "Core service: Small Group homes". A looked after 15-year-old living in
    one of the Council's homes (status 'la-residential-home') is eligible; one in an
    external residential placement is not (before #21: eligible, then 'incomplete' for
    want of the home's name). Reading 'small-group-home-residence'."""
    decision = check_referral(SPEC, core_referral(*statuses))
    assert expected == decision.outcome
    if expected is Outcome.NOT_ELIGIBLE:
        assert "eligibility.cohort.none" in {f.code for f in decision.findings}
    else:
        assert not [f for f in decision.findings if f.code == "referral.information.missing"]


def test_small_group_home_resident_turning_18() -> None:
    """Up to the age of 18 (read as under 18): born 1 Mar 2001 is 17 on 4 Feb 2019 and
    eligible; born 4 Feb 2001 is 18 that day and not eligible."""
    for born, expected in (
        (D(2001, 3, 1), Outcome.ELIGIBLE),
        (D(2001, 2, 4), Outcome.NOT_ELIGIBLE),
    ):
        assert expected == check_referral(SPEC, core_referral(*SGH_RESIDENT, born=born)).outcome


def test_placement_breakdowns_add_up() -> None:
    """1.4.2 Placement Breakdowns (2017), worked from the text: own provision 5 + 6 + 4 + 6
    = 21 ("21 (13.7%) of those 153"); agency 8 + 17 + 7 + 30 = 62 ("62 (40.5%) of the
    153"); 30/62 = 48.4% as printed."""
    rows = [v for k, v in PLACEMENT_BREAKDOWNS_2017.items() if k != "Total"]
    assert (21, 62) == (sum(r[0] for r in rows), sum(r[2] for r in rows))
    assert (21, 62) == (
        PLACEMENT_BREAKDOWNS_2017["Total"][0],
        PLACEMENT_BREAKDOWNS_2017["Total"][2],
    )
    assert Decimal("48.4") == (Decimal(30) * 100 / 62).quantize(Decimal("0.1"))


@pytest.mark.parametrize(
    ("award", "due"),
    [
        # 23:30 UTC on 30 June 2018 is 00:30 BST on 1 July in Stoke: three months from
        # 1 July is 1 October (not 30 September, the UTC date's answer).
        (dt.datetime(2018, 6, 30, 23, 30, tzinfo=UTC), D(2018, 10, 1)),
        # 23:30 UTC on 27 Oct 2018 is 00:30 BST on 28 Oct, the night the clocks go back
        # at 02:00: the local date is 28 Oct, so 28 Jan 2019.
        (dt.datetime(2018, 10, 27, 23, 30, tzinfo=UTC), D(2019, 1, 28)),
        # 23:30 UTC on 30 Mar 2019 is still GMT (the clocks go forward at 01:00 UTC on
        # 31 Mar): 30 Mar locally, so 30 June 2019.
        (dt.datetime(2019, 3, 30, 23, 30, tzinfo=UTC), D(2019, 6, 30)),
        # 30 Nov 2018 noon: three months is 28 Feb 2019 (no 30 Feb; the month's last day).
        (dt.datetime(2018, 11, 30, 12, 0, tzinfo=LONDON), D(2019, 2, 28)),
    ],
)
def test_pilot_mobilisation_at_local_midnight_and_clock_changes(
    award: dt.datetime, due: dt.date
) -> None:
    """1.1: "mobilised within three months of the contract award", counted from the award's
    date in Stoke (Europe/London), whatever offset the award instant is given in."""
    assert due == evaluate(SPEC.deadline("pilot-mobilised"), award).due_date


@pytest.mark.parametrize(
    ("day", "open_"),
    [
        (D(2019, 4, 19), False),  # Good Friday: a bank holiday
        (D(2019, 4, 20), True),  # Easter Saturday: a weekend day, open
        (D(2019, 4, 21), True),  # Easter Sunday: open ("evenings and weekends")
        (D(2019, 4, 22), False),  # Easter Monday: a bank holiday
        (D(2019, 3, 31), True),  # the Sunday the clocks go forward: an ordinary Sunday
        (D(2018, 10, 28), True),  # the Sunday the clocks go back
        (D(2020, 12, 25), False),  # Christmas Day (a Friday)
        (D(2020, 12, 26), False),  # Boxing Day on a Saturday: closed by name
        (D(2020, 12, 27), True),  # Sunday 27 Dec 2020: neither, open
        (D(2020, 12, 28), False),  # the substitute Boxing Day bank holiday
        (D(2020, 5, 4), True),  # 2020's early May bank holiday moved to Fri 8 May
        (D(2020, 5, 8), False),  # VE Day, the moved bank holiday
    ],
)
def test_service_calendar_bank_holidays_and_weekends(day: dt.date, open_: bool) -> None:
    """2.3: "52 weeks per year excluding bank holidays and Christmas Day and Boxing Day",
    including "evenings and weekends" (England and Wales bank holidays)."""
    calendar = working_calendar(SPEC.calendars[0])
    assert open_ == calendar.is_working_day(day)


def test_funding_confirmed_each_january() -> None:
    """6.1: final funding levels "will be confirmed by January 2019" (2019/20), "by January
    2020" (2020/21) and "by January 2021" (2021/22). From a start of 1 July 2018 to the
    contract's end on 30 June 2021 the Council's confirmation falls in January 2019, 2020
    and 2021 (listed on the 1st, standing for the month)."""
    found = obligations_between(
        SPEC.all_obligations(), D(2018, 7, 1), D(2018, 7, 1), D(2021, 6, 30), SPEC.calendars
    )
    dates = [o.due_date for o in found if o.obligation_id == "duty-funding-confirmation"]
    assert [D(2019, 1, 1), D(2020, 1, 1), D(2021, 1, 1)] == dates


def test_april_june_2021_cap_spans_both_services() -> None:
    """Audit D1/V11. 6.1: 2021/22 is "3 months service delivery April 2021 - June 2021 ...
    up to a maximum of £30,000 however this is only an indication". Core 250 h and pilot
    100 h at £100 in April 2021: £25,000 + £10,000 = £35,000 against the one £30,000 for
    both services: beyond it, a warning because the text calls it an indication (reading
    'indicative-budgets'). Before #21 this spending reached no budget at all."""
    uses = spending(
        ("C21", "core", D(2021, 4, 1), D(2021, 6, 30), 250),
        ("P21", "pilot", D(2021, 4, 1), D(2021, 6, 30), 100),
    )
    assert {"core+pilot": (Decimal(35000), "billing.budget.indicative-exceeded")} == (
        findings_by_budget(uses, "2021/22")
    )


def test_2021_22_cap_within_budget() -> None:
    """£20,000 core + £5,000 pilot = £25,000 of £30,000: 83%, under the 90% warning line,
    so no finding."""
    uses = spending(
        ("C21", "core", D(2021, 4, 1), D(2021, 6, 30), 200),
        ("P21", "pilot", D(2021, 4, 1), D(2021, 6, 30), 50),
    )
    assert {"core+pilot": (Decimal(25000), None)} == findings_by_budget(uses, "2021/22")


def test_2019_20_budgets_are_indications_and_2018_19_caps_are_firm() -> None:
    """6.1: 2019/20 is "up to a maximum of £120,000, however this is only an indication"
    (core £80,000, pilot £40,000). Core 850 h = £85,000 and pilot 400 h = £40,000: core
    over its £80,000 and the year's £125,000 over £120,000, both warnings; the pilot at
    exactly £40,000 is 100% of its budget (near the cap, not over). 2018/19's "up to a
    maximum of" core £60,000 is firm: 610 h = £61,000 is an error."""
    uses = spending(
        ("C19", "core", D(2019, 4, 1), D(2020, 3, 31), 850),
        ("P19", "pilot", D(2019, 4, 1), D(2020, 3, 31), 400),
        ("C18", "core", D(2018, 7, 1), D(2019, 3, 31), 610),
    )
    assert {
        "core": (Decimal(85000), "billing.budget.indicative-exceeded"),
        "pilot": (Decimal(40000), "billing.budget.near-cap"),
        "core+pilot": (Decimal(125000), "billing.budget.indicative-exceeded"),
    } == findings_by_budget(uses, "2019/20")
    assert (Decimal(61000), "billing.budget.exceeded") == findings_by_budget(uses, "2018/19")[
        "core"
    ]


@pytest.mark.parametrize(
    ("received_at", "expected"),
    [
        # 23:30 UTC on 30 June 2019 is 00:30 BST on 1 July in Stoke: born 1 July 2001, the
        # young person is 18 that day, so "up to the age of 18" (under 18) refuses.
        (dt.datetime(2019, 6, 30, 23, 30, tzinfo=UTC), Outcome.NOT_ELIGIBLE),
        # The same instant written in BST: the same answer.
        (dt.datetime(2019, 7, 1, 0, 30, tzinfo=LONDON), Outcome.NOT_ELIGIBLE),
        # 22:59 UTC on 30 June is 23:59 BST on 30 June: still 17, eligible.
        (dt.datetime(2019, 6, 30, 22, 59, tzinfo=UTC), Outcome.ELIGIBLE),
    ],
)
def test_age_is_taken_on_the_stoke_date(received_at: dt.datetime, expected: Outcome) -> None:
    """Audit V3: age on the referral's date in Europe/London, whatever offset the instant
    is given in (core #17's local dates; Stoke's boundary worked by hand)."""
    referral = with_statuses(Status.LOOKED_AFTER, Status.IN_HOUSE_FOSTER_CARE, born=D(2001, 7, 1))
    assert expected == check_referral(SPEC, attrs.evolve(referral, received_at=received_at)).outcome
