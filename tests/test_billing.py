"""Billing: worked examples from the specifications and properties of invoice runs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from childcare_commissioning.billing import (
    BillingCycle,
    BillingTerms,
    BlockDiscount,
    Budget,
    DeliveryRecord,
    Invoice,
    LineKind,
    MileageAgreement,
    MileagePolicy,
    PlannedSession,
    Quotation,
    Rate,
    RateBand,
    RateCondition,
    RecordStatus,
    Release,
    Retention,
    block_discount,
    budget_use,
    invoices_csv,
    render_invoice,
    retention_ledger,
    run_invoices,
)
from childcare_commissioning.calendars import TimeWindow
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model import Citation, Package
from childcare_commissioning.money import format_gbp, to_penny
from childcare_commissioning.schedules import Period

D = dt.date
T = dt.time
CITE = Citation("plymouth", "3.3", "Invoices are submitted fortnightly in arrears")
BAND = RateBand(
    "homecare",
    "Homecare hourly rate",
    Decimal(15),
    Decimal(20),
    Citation("somerset", "2.8", "Range: £15-20 per hour"),
)
MILEAGE = MileagePolicy(Decimal("0.45"), Citation("somerset", "2.8", ".45p per mile"))
TERMS = BillingTerms(
    cycle=BillingCycle.FORTNIGHTLY,
    citation=CITE,
    purchase_order_required=True,
    rate_bands=(BAND,),
    mileage=MILEAGE,
)
PACKAGE = Package("P1", "sample", "YP-1", D(2024, 12, 2), D(2025, 3, 31), purchase_order="PO-123")
QUOTE = Quotation(
    "P1",
    rates=(
        Rate(Decimal("18.50"), D(2024, 12, 2)),
        Rate(Decimal("20.00"), D(2024, 12, 2), RateCondition.BANK_HOLIDAY),
        Rate(Decimal("19.00"), D(2024, 12, 2), RateCondition.NIGHT, TimeWindow(T(22), T(7))),
        Rate(Decimal("19.25"), D(2025, 1, 1)),  # an uplift from 1 January
    ),
    mileage_agreements=(MileageAgreement("MA-1", D(2024, 11, 29)),),
)


def record(rid: str, day: dt.date, start: dt.time, end: dt.time, **kw: object) -> DeliveryRecord:
    return DeliveryRecord(rid, kw.pop("package_id", "P1"), day, start=start, end=end, **kw)  # type: ignore[arg-type]


def run(
    records: list[DeliveryRecord],
    as_of: dt.date,
    planned: list[PlannedSession] | None = None,
    **kw: object,
):  # type: ignore[no-untyped-def]
    return run_invoices(
        "sample",
        kw.pop("terms", TERMS),
        kw.pop("packages", [PACKAGE]),
        kw.pop("quotes", [QUOTE]),
        planned or [],
        records,
        as_of,
        **kw,  # type: ignore[arg-type]
    )


def test_fortnightly_in_arrears_anchored_on_the_package_start() -> None:
    """Plymouth: invoices "fortnightly in arrears". Package from Monday 2 Dec 2024:
    fortnights 2-15 Dec, 16-29 Dec, 30 Dec-12 Jan. On 30 Dec only the first two have
    ended: two invoices, issued 16 and 30 Dec, each carrying the PO number."""
    result = run([], D(2024, 12, 30))
    assert [
        (Period(D(2024, 12, 2), D(2024, 12, 15)), D(2024, 12, 16)),
        (Period(D(2024, 12, 16), D(2024, 12, 29)), D(2024, 12, 30)),
    ] == [(i.period, i.issued_on) for i in result.invoices]
    assert {"PO-123"} == {i.purchase_order for i in result.invoices}


def test_visit_and_mileage_worked_example() -> None:
    """Somerset rates: £18.50 an hour (inside £15-20) for 14:00-16:30 on Tue 3 Dec 2024 is
    2.5 h x £18.50 = £46.25; 23 agreed miles at 45p = £10.35. Net £56.60."""
    result = run(
        [
            record(
                "R1", D(2024, 12, 3), T(14), T(16, 30), miles=Decimal(23), mileage_agreement="MA-1"
            )
        ],
        D(2024, 12, 16),
    )
    [invoice] = result.invoices
    assert [(LineKind.ADDITIONAL, Decimal("46.25")), (LineKind.MILEAGE, Decimal("10.35"))] == [
        (line.kind, line.amount) for line in invoice.lines
    ]
    assert Decimal("56.60") == invoice.net
    assert "£56.60" == format_gbp(invoice.net)


def test_deduction_is_computed_from_commissioned_and_delivered() -> None:
    """Commissioned 3 h on Tue 3 Dec at £18.50 = £55.50. Delivered 13:00-15:15 = 2.25 h =
    £41.625, rounded half-up to £41.63. Deduction = £41.63 - £55.50 = -£13.87, so the
    invoice comes to exactly the delivered £41.63. A session on Wed 4 Dec cancelled by the
    council is deducted in full (-£55.50) and named as such."""
    planned = [
        PlannedSession("S1", "P1", D(2024, 12, 3), 180),
        PlannedSession("S2", "P1", D(2024, 12, 4), 180),
    ]
    records = [
        record("R1", D(2024, 12, 3), T(13), T(15, 15), planned_id="S1"),
        DeliveryRecord(
            "R2", "P1", D(2024, 12, 4), RecordStatus.CANCELLED_BY_COUNCIL, planned_id="S2"
        ),
    ]
    [invoice] = run(records, D(2024, 12, 16), planned).invoices
    assert [
        (LineKind.COMMISSIONED, Decimal("55.50")),
        (LineKind.DEDUCTION, Decimal("-13.87")),
        (LineKind.COMMISSIONED, Decimal("55.50")),
        (LineKind.DEDUCTION, Decimal("-55.50")),
    ] == [(line.kind, line.amount) for line in invoice.lines]
    assert "cancelled-by-council" in invoice.lines[3].description
    assert Decimal("41.63") == invoice.net
    assert ["R1", "R2"] == list(invoice.record_ids)


def test_bank_holiday_night_and_uplift_rates() -> None:
    """Christmas Day 2024 10:00-12:00 at the bank-holiday £20 = £40.00; a night visit
    starting 23:00 on Fri 27 Dec to 01:00 = 2 h at £19 = £38.00; Thursday 2 Jan 2025 after
    the uplift, 10:00-11:00 = £19.25."""
    records = [
        record("R1", D(2024, 12, 25), T(10), T(12)),
        record("R2", D(2024, 12, 27), T(23), T(1)),
        record("R3", D(2025, 1, 2), T(10), T(11)),
    ]
    result = run(records, D(2025, 1, 13))
    amounts = {line.record_id: line.amount for i in result.invoices for line in i.lines}
    assert {"R1": Decimal("40.00"), "R2": Decimal("38.00"), "R3": Decimal("19.25")} == amounts


def test_late_record_is_billed_once_as_an_adjustment() -> None:
    """Run 1 on 16 Dec invoices 2-15 Dec. A record for 10 Dec arrives afterwards: run 2
    on 30 Dec bills it as an adjustment on the 16-29 Dec invoice, never twice."""
    first = run([record("R1", D(2024, 12, 3), T(9), T(10))], D(2024, 12, 16))
    late = record("R2", D(2024, 12, 10), T(9), T(11))
    records = [record("R1", D(2024, 12, 3), T(9), T(10)), late]
    second = run(records, D(2024, 12, 30), previous=first.invoices)
    [invoice] = second.invoices
    assert Period(D(2024, 12, 16), D(2024, 12, 29)) == invoice.period
    assert [(LineKind.ADJUSTMENT, "R2", Decimal("37.00"))] == [
        (line.kind, line.record_id, line.amount) for line in invoice.lines
    ]
    assert ("R2",) == invoice.record_ids


def test_late_record_waits_when_no_next_invoice_exists() -> None:
    """Re-running on the same day with the late record: nothing new to invoice, so the
    record is pending, not dropped and not billed on an old invoice."""
    first = run([], D(2024, 12, 16))
    again = run(
        [record("R2", D(2024, 12, 10), T(9), T(11))], D(2024, 12, 16), previous=first.invoices
    )
    assert ((), ("R2",)) == (again.invoices, again.pending)


def test_rerunning_gives_identical_invoices() -> None:
    """Same inputs, same invoices, same numbers."""
    records = [
        record("R1", D(2024, 12, 3), T(9), T(10)),
        record("R2", D(2024, 12, 20), T(9), T(10)),
    ]
    assert run(records, D(2025, 1, 1)) == run(records, D(2025, 1, 1))
    assert "sample-P1-20241202" == run(records, D(2025, 1, 1)).invoices[0].number


def test_bad_records_are_findings_and_nothing_else_is_lost() -> None:
    """Outside the package's dates, a foreign PO, mileage without an agreement: three
    findings naming the records and rules; the good record and the service part of the
    mileage record are still billed."""
    records = [
        record("GOOD", D(2024, 12, 3), T(9), T(10)),
        record("EARLY", D(2024, 11, 29), T(9), T(10)),
        record("FOREIGN-PO", D(2024, 12, 4), T(9), T(10), purchase_order="PO-999"),
        record("NO-AGREEMENT", D(2024, 12, 5), T(9), T(10), miles=Decimal(12)),
    ]
    result = run(records, D(2024, 12, 16))
    assert {
        ("billing.record.outside-package", "$.records['EARLY']"),
        ("billing.purchase-order.unknown", "$.records['FOREIGN-PO']"),
        ("billing.mileage.no-agreement", "$.records['NO-AGREEMENT'].miles"),
    } == {(f.code, f.path) for f in result.findings}
    assert ("GOOD", "NO-AGREEMENT") == result.invoices[0].record_ids
    assert Decimal("37.00") == result.invoices[0].net


def test_rate_outside_band_and_missing_po_stop_only_that_package() -> None:
    """A £21 rate is outside £15-20; a package without a PO cannot be invoiced. Other
    packages are invoiced as usual."""
    bad_rate = Package("P2", "sample", "YP-2", D(2024, 12, 2), purchase_order="PO-2")
    no_po = Package("P3", "sample", "YP-3", D(2024, 12, 2))
    quotes = [
        QUOTE,
        Quotation("P2", (Rate(Decimal(21), D(2024, 12, 2)),)),
        Quotation("P3", QUOTE.rates),
    ]
    records = [
        record("A", D(2024, 12, 3), T(9), T(10)),
        record("B", D(2024, 12, 3), T(9), T(10), package_id="P2"),
    ]
    result = run(
        records,
        D(2024, 12, 16),
        packages=[
            PACKAGE,
            Package("P2", "sample", "YP-2", D(2024, 12, 2), purchase_order="PO-2"),
            no_po,
        ],
        quotes=quotes,
    )
    assert {"billing.rate.outside-band", "billing.purchase-order.missing"} == {
        f.code for f in result.findings
    }
    assert ["P1"] == [i.package_id for i in result.invoices]
    assert bad_rate.id in result.findings[0].message or bad_rate.id in result.findings[1].message


def test_negative_hours_are_refused_naming_the_field() -> None:
    """A record of -2 hours is an error naming hours and the rule."""
    with pytest.raises(ValueError, match="hours"):
        DeliveryRecord("X", "P1", D(2024, 12, 3), hours=Decimal(-2))


def test_stoke_retention_worked_example() -> None:
    """Stoke 6.1: 2018/19 budget £60,000 + £30,000 from 1 July 2018; "5% (£4500) ...
    withheld and paid in quarter 1 2019/20". Quarterly invoices in arrears for Q2-Q4
    totalling £90,000 withhold £4,500, released from 1 Apr 2019 once evidence is in;
    evidence on 15 May 2019 releases it then. Billed = paid + withheld."""
    terms = BillingTerms(
        BillingCycle.FINANCIAL_QUARTERS,
        Citation("stoke", "6.2", "Payments will be made quarterly in arrears"),
        retention=Retention(
            Decimal(5), Release.NEXT_FINANCIAL_YEAR_Q1, Citation("stoke", "6.1", "5% (£4500)")
        ),
    )
    package = Package("CORE", "stoke", "service", D(2018, 7, 1), D(2019, 3, 31))
    quote = Quotation("CORE", (Rate(Decimal(100), D(2018, 7, 1)),))
    # £30,000 a quarter = 300 hours at £100.
    records = [
        DeliveryRecord(f"Q{q}", "CORE", day, hours=Decimal(300))
        for q, day in ((2, D(2018, 8, 1)), (3, D(2018, 11, 1)), (4, D(2019, 2, 1)))
    ]
    result = run_invoices("stoke", terms, [package], [quote], [], records, D(2019, 4, 1))
    assert [Decimal(1500)] * 3 == [i.withheld for i in result.invoices]
    ledger = retention_ledger(result.invoices, terms.retention, {"2018/19": D(2019, 5, 15)})  # type: ignore[arg-type]
    assert (Decimal(90000), Decimal(85500), Decimal(4500)) == (
        ledger.billed,
        ledger.paid,
        ledger.withheld,
    )
    [year] = ledger.years
    assert (D(2019, 4, 1), D(2019, 5, 15)) == (year.release_from, year.released_on)
    assert ledger.reconciles()
    early = retention_ledger(result.invoices, terms.retention, {"2018/19": D(2019, 3, 1)})  # type: ignore[arg-type]
    assert D(2019, 4, 1) == early.years[0].released_on
    assert Decimal(4500) == retention_ledger(result.invoices, terms.retention).outstanding  # type: ignore[arg-type]


def _years_terms(*years: str) -> BillingTerms:
    return BillingTerms(
        BillingCycle.FINANCIAL_QUARTERS,
        Citation("stoke", "6.2", "Payments will be made quarterly in arrears"),
        retention=Retention(
            Decimal(5),
            Release.NEXT_FINANCIAL_YEAR_Q1,
            Citation("stoke", "6.1", "5% of the total annual budget will be withheld"),
            financial_years=frozenset(years),
        ),
    )


def _across_the_year_end(terms: BillingTerms) -> list[Invoice]:
    """A package from 1 Jan to 30 Jun 2021 at £100.01 an hour: 100 h in February 2021
    (quarter 4 of 2020/21) and 50 h in May 2021 (quarter 1 of 2021/22)."""
    package = Package("P", "stoke", "service", D(2021, 1, 1), D(2021, 6, 30))
    quote = Quotation("P", (Rate(Decimal("100.01"), D(2021, 1, 1)),))
    records = [
        DeliveryRecord("FEB", "P", D(2021, 2, 1), hours=Decimal(100)),
        DeliveryRecord("MAY", "P", D(2021, 5, 1), hours=Decimal(50)),
    ]
    return list(
        run_invoices("stoke", terms, [package], [quote], [], records, D(2021, 7, 1)).invoices
    )


def test_retention_only_in_the_financial_years_it_names() -> None:
    """A retention set for 2020/21 only (as Stoke's text sets one per year, and none for
    April-June 2021). Worked by hand: Jan-Mar 2021 ends 31 Mar 2021, in 2020/21: 100 h x
    £100.01 = £10,001.00, 5% = £500.05 withheld, £9,500.95 payable. Apr-Jun 2021 ends 30
    Jun 2021, in 2021/22: 50 h x £100.01 = £5,000.50, nothing withheld, all payable.
    Ledger: billed £15,001.50 = paid £14,501.45 + withheld £500.05, one year (2020/21),
    released from 1 Apr 2021 (quarter 1 of 2021/22)."""
    invoices = _across_the_year_end(_years_terms("2020/21"))
    assert [
        (D(2021, 3, 31), Decimal("10001.00"), Decimal("500.05"), Decimal("9500.95")),
        (D(2021, 6, 30), Decimal("5000.50"), Decimal("0"), Decimal("5000.50")),
    ] == [(i.period.end, i.net, i.withheld, i.payable) for i in invoices]
    ledger = retention_ledger(invoices, _years_terms("2020/21").retention)  # type: ignore[arg-type]
    assert (Decimal("15001.50"), Decimal("14501.45"), Decimal("500.05")) == (
        ledger.billed,
        ledger.paid,
        ledger.withheld,
    )
    assert ledger.reconciles()
    assert [("2020/21", Decimal("500.05"), D(2021, 4, 1))] == [
        (y.financial_year, y.withheld, y.release_from) for y in ledger.years
    ]


def test_retention_over_a_fortnight_straddling_1_april_is_the_year_of_its_last_day() -> None:
    """The year of an invoice is the financial year of its period's last day (Retention's
    rule, the year the ledger files it under; audit tests.md B2). A package from Mon 25
    Mar 2019, fortnightly in arrears: the first period is 25 Mar - 7 Apr 2019, ending in
    2019/20, though the 10 hours at £20 were worked on Tue 26 Mar (2018/19). Net 10 x £20
    = £200.00. With retention set for 2018/19 only: nothing withheld, £200.00 payable.
    Set for 2019/20 only: 5% of £200.00 = £10.00 withheld, £190.00 payable."""
    package = Package("P", "stoke", "service", D(2019, 3, 25), D(2019, 6, 30))
    quote = Quotation("P", (Rate(Decimal(20), D(2019, 3, 25)),))
    records = [DeliveryRecord("MAR", "P", D(2019, 3, 26), hours=Decimal(10))]

    def invoice(year: str) -> Invoice:
        terms = BillingTerms(
            BillingCycle.FORTNIGHTLY,
            CITE,
            retention=Retention(
                Decimal(5), Release.NEXT_FINANCIAL_YEAR_Q1, CITE, financial_years={year}
            ),
        )
        [only] = run_invoices(
            "stoke", terms, [package], [quote], [], records, D(2019, 4, 15)
        ).invoices
        return only

    earlier, later = invoice("2018/19"), invoice("2019/20")
    assert (D(2019, 3, 25), D(2019, 4, 7)) == (earlier.period.start, earlier.period.end)
    assert (Decimal("200.00"), Decimal("0.00"), Decimal("200.00")) == (
        earlier.net,
        earlier.withheld,
        earlier.payable,
    )
    assert (Decimal("200.00"), Decimal("10.00"), Decimal("190.00")) == (
        later.net,
        later.withheld,
        later.payable,
    )


def test_a_release_rule_is_the_enum_or_its_text_and_nothing_else() -> None:
    """Retention's ``release`` given as its text ("next-financial-year-q1", what a JSON
    document says) is read as the rule, so the ledger releases 2020/21's money from
    quarter 1 of 2021/22 (1 Apr 2021); any other value is refused naming the field and
    the rule, so no unknown rule reaches the ledger (audit tests.md, ledger
    _release_from: a plain string used to reach an unreachable-looking raise)."""
    cite = Citation("stoke", "6.1", "5% of the total annual budget will be withheld")
    as_text = Retention(Decimal(5), "next-financial-year-q1", cite)
    assert Release.NEXT_FINANCIAL_YEAR_Q1 is as_text.release
    invoices = _across_the_year_end(_years_terms("2020/21"))
    ledger = retention_ledger(invoices[:1], as_text)
    assert [("2020/21", D(2021, 4, 1))] == [
        (y.financial_year, y.release_from) for y in ledger.years
    ]
    with pytest.raises(
        ModelValueError,
        match=r"^release: must be one of 'next-financial-year-q1' \[release-rule\]$",
    ):
        Retention(Decimal(5), "next-financial-year-q2", cite)


def test_retention_with_no_years_named_applies_to_every_invoice() -> None:
    """Without ``financial_years`` (as before): the May 2021 quarter withholds 5% of
    £5,000.50 = £250.025, rounded half up to £250.03; the ledger lists both years."""
    invoices = _across_the_year_end(_years_terms())
    assert [Decimal("500.05"), Decimal("250.03")] == [i.withheld for i in invoices]
    ledger = retention_ledger(invoices, _years_terms().retention)  # type: ignore[arg-type]
    assert ["2020/21", "2021/22"] == [y.financial_year for y in ledger.years]
    assert (Decimal("750.08"), Decimal("14251.42")) == (ledger.withheld, ledger.paid)
    assert ledger.reconciles()


def test_a_ledger_refuses_money_withheld_in_a_year_its_retention_does_not_cover() -> None:
    """Invoices run with retention in every year, read against a retention for 2020/21
    only: the May 2021 invoice withheld £250.03 the terms do not provide for. An error
    naming the field, the rule and the invoice, not a ledger that hides it."""
    invoices = _across_the_year_end(_years_terms())
    with pytest.raises(ModelValueError) as caught:
        retention_ledger(invoices, _years_terms("2020/21").retention)  # type: ignore[arg-type]
    assert ("retention.financial_years", "retention-years") == (
        caught.value.field,
        caught.value.rule,
    )
    assert "stoke-P-20210401" in str(caught.value)


@pytest.mark.parametrize("label", ["2020/2021", "2020-21", "2020/22", " 2020/21", ""])
def test_retention_years_must_be_financial_years(label: str) -> None:
    """Each year is written '2020/21': two consecutive years, nothing else."""
    with pytest.raises(ModelValueError) as caught:
        _years_terms(label)
    assert ("financial_years", "financial-year") == (caught.value.field, caught.value.rule)


def test_budget_warnings_and_errors() -> None:
    """Stoke 2019/20 core budget £80,000: £72,000 spent is 90% (a warning); committing a
    further £9,000 would exceed it (an error)."""
    budget = Budget(
        "2019/20", Decimal(80000), Citation("stoke", "6.1", "Core service £80,000"), service="core"
    )
    terms = BillingTerms(BillingCycle.FINANCIAL_QUARTERS, CITE)
    package = Package("CORE", "stoke", "service", D(2019, 4, 1))
    result = run_invoices(
        "stoke",
        terms,
        [package],
        [Quotation("CORE", (Rate(Decimal(100), D(2019, 4, 1)),))],
        [],
        [DeliveryRecord("A", "CORE", D(2019, 5, 1), hours=Decimal(720))],
        D(2019, 7, 1),
    )
    [use] = budget_use([budget], result.invoices, {"CORE": "core"})
    assert (Decimal(72000), "billing.budget.near-cap") == (use.spent, use.finding.code)  # type: ignore[union-attr]
    [more] = budget_use([budget], result.invoices, {"CORE": "core"}, additional=Decimal(9000))
    assert "billing.budget.exceeded" == more.finding.code  # type: ignore[union-attr]


def test_block_discount() -> None:
    """Derby: a percentage discount "for any block sourced of five beds or more". 10% of
    £3,000 accommodation for 5 beds is £300; 4 beds get none."""
    discount = BlockDiscount(5, Decimal(10), Citation("derby", "3.2.5", "five beds or more"))
    assert (Decimal(300), Decimal(0)) == (
        block_discount(discount, 5, Decimal(3000)),
        block_discount(discount, 4, Decimal(3000)),
    )


def test_csv_and_rendering() -> None:
    """CSV has one row per line with its source; the text shows £ amounts and dates."""
    result = run([record("R1", D(2024, 12, 3), T(14), T(16, 30))], D(2024, 12, 16))
    rows = invoices_csv(result.invoices).splitlines()
    assert 2 == len(rows)
    assert rows[1].startswith("sample-P1-20241202,PO-123,P1,2024-12-02,2024-12-15,additional")
    text = render_invoice(result.invoices[0])
    assert "£46.25" in text
    assert "2 Dec 2024" in text


# --- properties -------------------------------------------------------------------------


@st.composite
def deliveries(draw: st.DrawFn) -> tuple[list[PlannedSession], list[DeliveryRecord]]:
    days = st.integers(0, 100).map(lambda n: D(2024, 12, 2) + dt.timedelta(days=n))
    planned = [
        PlannedSession(f"S{i}", "P1", draw(days), draw(st.sampled_from([60, 90, 120, 180])))
        for i in range(draw(st.integers(0, 8)))
    ]
    records = []
    for i in range(draw(st.integers(0, 25))):
        status = draw(st.sampled_from(list(RecordStatus)))
        linked = draw(st.none() | st.sampled_from([p.id for p in planned])) if planned else None
        day = next((p.date for p in planned if p.id == linked), None) or draw(days)
        if status is RecordStatus.DELIVERED:
            start = T(draw(st.integers(6, 20)), draw(st.sampled_from([0, 15, 20, 45])))
            end = T(draw(st.integers(0, 23)), draw(st.sampled_from([0, 10, 30])))
            miles = draw(st.sampled_from([Decimal(0), Decimal("7.5")]))
            records.append(
                record(
                    f"R{i}",
                    day,
                    start,
                    end,
                    planned_id=linked,
                    miles=miles,
                    mileage_agreement="MA-1",
                )
            )
        else:
            records.append(DeliveryRecord(f"R{i}", "P1", day, status, planned_id=linked))
    return planned, records


@given(deliveries(), st.integers(1, 120))
@settings(max_examples=80, deadline=None)
def test_lines_sum_to_net_and_net_splits_into_paid_and_withheld(
    data: tuple[list[PlannedSession], list[DeliveryRecord]], days: int
) -> None:
    """For any run: net = sum of lines; payable + withheld = net; retention is 5% rounded."""
    terms = BillingTerms(
        BillingCycle.FORTNIGHTLY,
        CITE,
        rate_bands=(BAND,),
        mileage=MILEAGE,
        retention=Retention(Decimal(5), Release.NEXT_FINANCIAL_YEAR_Q1, CITE),
    )
    planned, records = data
    result = run(records, D(2024, 12, 2) + dt.timedelta(days=days), planned, terms=terms)
    for invoice in result.invoices:
        assert invoice.net == sum((line.amount for line in invoice.lines), Decimal(0))
        assert invoice.net == invoice.payable + invoice.withheld
        assert invoice.withheld == (
            to_penny(invoice.net * Decimal("0.05")) if invoice.net > 0 else 0
        )
    assert retention_ledger(result.invoices, terms.retention).reconciles()  # type: ignore[arg-type]


@given(deliveries(), st.integers(1, 120), st.integers(1, 120))
@settings(max_examples=80, deadline=None)
def test_splitting_a_run_bills_the_same_records_once(
    data: tuple[list[PlannedSession], list[DeliveryRecord]], a: int, b: int
) -> None:
    """Running to day a then to day b bills exactly what one run to day b bills, and every
    record is billed once or pending, never twice, never lost."""
    planned, records = data
    first_day, last_day = sorted(
        (D(2024, 12, 2) + dt.timedelta(days=a), D(2024, 12, 2) + dt.timedelta(days=b))
    )
    whole = run(records, last_day, planned)
    part1 = run(records, first_day, planned)
    part2 = run(records, last_day, planned, previous=part1.invoices)
    split = [*part1.invoices, *part2.invoices]
    assert sorted(whole.invoices, key=lambda i: i.number) == sorted(split, key=lambda i: i.number)
    billed = [rid for invoice in whole.invoices for rid in invoice.record_ids]
    assert len(billed) == len(set(billed))
    # Implausible records (overlapping visits, say) are held by a finding, never lost.
    assert {r.id for r in records} == set(billed) | set(whole.pending) | set(whole.held)
    assert not set(billed) & set(whole.pending)
    assert not (set(billed) | set(whole.pending)) & set(whole.held)
    assert {f"$.records[{rid!r}]" for rid in whole.held} <= {f.path for f in whole.findings}


def _quarter_invoices() -> list:  # type: ignore[type-arg]
    """Apr-Jun 2021: a core package billed £25,000 (250 h at £100) and a pilot package
    £10,000 (100 h at £100), one invoice each for the quarter ending 30 Jun 2021."""
    terms = BillingTerms(BillingCycle.FINANCIAL_QUARTERS, CITE)
    packages = [
        Package("C21", "stoke", "core-home", D(2021, 4, 1), D(2021, 6, 30)),
        Package("P21", "stoke", "pilot-child", D(2021, 4, 1), D(2021, 6, 30)),
    ]
    quotes = [Quotation(p.id, (Rate(Decimal(100), D(2021, 4, 1)),)) for p in packages]
    records = [
        DeliveryRecord("C", "C21", D(2021, 5, 1), hours=Decimal(250)),
        DeliveryRecord("P", "P21", D(2021, 5, 1), hours=Decimal(100)),
    ]
    result = run_invoices("stoke", terms, packages, quotes, [], records, D(2021, 7, 1))
    assert [Decimal(25000), Decimal(10000)] == [i.net for i in result.invoices]
    return list(result.invoices)


def test_a_budget_for_all_services_counts_every_service() -> None:
    """Stoke 6.1, 2021/22: "3 months service delivery April 2021 - June 2021 ... up to a
    maximum of £30,000" for the service as a whole. Core £25,000 + pilot £10,000 =
    £35,000 > £30,000: exceeded. The same spending against a core-only £80,000 budget is
    £25,000 (31%, no finding); against a budget spanning core and pilot of £40,000 it is
    £35,000, 87.5% (no warning below 90%)."""
    cite = Citation("stoke", "6.1", "up to a maximum of £30,000")
    whole = Budget("2021/22", Decimal(30000), cite, start=D(2021, 4, 1), end=D(2021, 6, 30))
    core = Budget("2021/22", Decimal(80000), cite, service="core")
    spanning = Budget("2021/22", Decimal(40000), cite, services=frozenset({"core", "pilot"}))
    uses = budget_use([whole, core, spanning], _quarter_invoices(), {"C21": "core", "P21": "pilot"})
    assert [
        (Decimal(35000), "billing.budget.exceeded"),
        (Decimal(25000), None),
        (Decimal(35000), None),
    ] == [(u.spent, u.finding.code if u.finding else None) for u in uses]


def test_an_indicative_budget_warns_rather_than_refuses() -> None:
    """Plymouth 7: an "indicative value" is not a cap: £35,000 against an indicative
    £30,000 is a warning, not an error."""
    indicative = Budget(
        "2021/22", Decimal(30000), Citation("plymouth", "7", "indicative value"), indicative=True
    )
    [use] = budget_use([indicative], _quarter_invoices(), {"C21": "core", "P21": "pilot"})
    assert use.finding is not None
    assert ("warning", "billing.budget.indicative-exceeded") == (
        use.finding.severity,
        use.finding.code,
    )


def test_a_budget_outside_its_dates_does_not_count_the_spending() -> None:
    """A part-year budget for Jul-Sep 2021 does not cover a quarter ending 30 Jun."""
    later = Budget(
        "2021/22",
        Decimal(30000),
        Citation("stoke", "6.1", "budget"),
        start=D(2021, 7, 1),
        end=D(2021, 9, 30),
    )
    [use] = budget_use([later], _quarter_invoices(), {"C21": "core", "P21": "pilot"})
    assert (Decimal(0), None) == (use.spent, use.finding)
