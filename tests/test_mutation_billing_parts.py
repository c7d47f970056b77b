"""The small billing modules at their edges (#27): periods, records, terms, the retention
ledger, budgets, block discounts and the CSV and text output. Every expected value is
worked by hand in the test's docstring or comment, through public functions only.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from childcare_commissioning.billing import (
    BillingCycle,
    BillingTerms,
    BlockDiscount,
    Budget,
    DeliveryRecord,
    Invoice,
    InvoiceLine,
    LineKind,
    RateBand,
    RecordStatus,
    Release,
    Retention,
    block_discount,
    budget_use,
    invoices_csv,
    render_invoice,
    retention_ledger,
)
from childcare_commissioning.billing.periods import period_containing, periods_between
from childcare_commissioning.billing.records import (
    elapsed_minutes,
    local_interval,
    minutes_between,
)
from childcare_commissioning.errors import ModelValueError
from childcare_commissioning.model import Citation, Severity
from childcare_commissioning.money import Rounding
from childcare_commissioning.schedules import Period

D = dt.date
T = dt.time
CITE = Citation("stoke", "5", "5% of the contract value will be retained")
F = BillingCycle.FORTNIGHTLY


# ------------------------------------------------------------------------------ periods
@pytest.mark.parametrize(
    ("day", "cycle", "expected"),
    [
        # Anchor Mon 6 Jan 2025: fortnights 6-19 Jan, 20 Jan-2 Feb; 23 Dec-5 Jan before it.
        (D(2025, 1, 6), F, Period(D(2025, 1, 6), D(2025, 1, 19))),
        (D(2025, 1, 19), F, Period(D(2025, 1, 6), D(2025, 1, 19))),
        (D(2025, 1, 20), F, Period(D(2025, 1, 20), D(2025, 2, 2))),
        (D(2025, 1, 5), F, Period(D(2024, 12, 23), D(2025, 1, 5))),
        # Four weeks from the anchor: 6 Jan-2 Feb, then 3 Feb-2 Mar.
        (D(2025, 2, 2), BillingCycle.FOUR_WEEKLY, Period(D(2025, 1, 6), D(2025, 2, 2))),
        (D(2025, 2, 3), BillingCycle.FOUR_WEEKLY, Period(D(2025, 2, 3), D(2025, 3, 2))),
        # Months: December into January, and February of a leap year.
        (D(2024, 12, 31), BillingCycle.MONTHLY, Period(D(2024, 12, 1), D(2024, 12, 31))),
        (D(2024, 2, 1), BillingCycle.MONTHLY, Period(D(2024, 2, 1), D(2024, 2, 29))),
        # Financial quarters: Q4 is 1 Jan-31 Mar, Q1 from 1 April.
        (D(2025, 3, 31), BillingCycle.FINANCIAL_QUARTERS, Period(D(2025, 1, 1), D(2025, 3, 31))),
        (D(2025, 4, 1), BillingCycle.FINANCIAL_QUARTERS, Period(D(2025, 4, 1), D(2025, 6, 30))),
    ],
)
def test_period_containing_at_its_edges(
    day: dt.date, cycle: BillingCycle, expected: Period
) -> None:
    assert expected == period_containing(day, cycle, D(2025, 1, 6))


def test_periods_between_include_the_one_containing_the_last_day() -> None:
    """From 6 Jan to 20 Jan 2025: the fortnight of 6 Jan and the one starting 20 Jan (its
    first day is the last day asked for)."""
    assert [D(2025, 1, 6), D(2025, 1, 20)] == [
        p.start for p in periods_between(D(2025, 1, 6), D(2025, 1, 20), F, D(2025, 1, 6))
    ]
    assert [D(2025, 1, 6)] == [
        p.start for p in periods_between(D(2025, 1, 6), D(2025, 1, 19), F, D(2025, 1, 6))
    ]


# ------------------------------------------------------------------------------ records
@pytest.mark.parametrize(
    ("start", "end", "minutes"),
    [
        (T(22), T(7), 540),  # across midnight: 2 h + 7 h
        (T(9), T(9), 1440),  # an end at the start is the next day
        (T(9), T(9, 1), 1),
        (T(9, 1), T(9), 1439),
        (T(0), T(23, 59), 1439),
    ],
)
def test_minutes_between_on_the_clock_face(start: dt.time, end: dt.time, minutes: int) -> None:
    assert minutes == minutes_between(start, end)


def test_local_interval_ends_the_next_day_unless_later_on_the_clock() -> None:
    """09:00-09:00:30 ends the same day (30 s later on the clock); 09:00-09:00 is the same
    instant (no time, never 24 hours: hostile audit row 4); 09:00-08:59 ends the next day;
    with an end date given it ends on that date."""
    begin, finish = local_interval(D(2025, 1, 8), T(9), T(9, 0, 30))
    assert (D(2025, 1, 8), D(2025, 1, 8)) == (begin.date(), finish.date())
    begin, finish = local_interval(D(2025, 1, 8), T(9), T(9))
    assert begin == finish
    assert D(2025, 1, 9) == local_interval(D(2025, 1, 8), T(9), T(8, 59))[1].date()
    assert D(2025, 1, 10) == local_interval(D(2025, 1, 8), T(9), T(8), D(2025, 1, 10))[1].date()


def test_elapsed_minutes_are_whole_minutes_rounded_down() -> None:
    """59 s is 0 minutes; 61 s is 1; 30 s backwards is -1 (floor)."""
    base = dt.datetime(2025, 1, 8, 9, tzinfo=dt.UTC)
    assert [0, 1, -1] == [
        elapsed_minutes(base, base + dt.timedelta(seconds=s)) for s in (59, 61, -30)
    ]


def test_record_minutes_by_status_and_hours() -> None:
    """1.5 hours is 90 minutes delivered; a missed record delivers 0 whatever its hours; a
    record ending before it starts (end date the day before) delivers 0 but its elapsed
    time is negative (-23 h = -1380 minutes for 10:00 on 8 Jan to 11:00 on 7 Jan)."""
    hours = DeliveryRecord("R", "P", D(2025, 1, 8), hours=Decimal("1.5"))
    assert (90, 90) == (hours.minutes, hours.elapsed)
    missed = DeliveryRecord("R", "P", D(2025, 1, 8), RecordStatus.MISSED, hours=Decimal(2))
    assert (0, 120) == (missed.minutes, missed.elapsed)
    backwards = DeliveryRecord(
        "R", "P", D(2025, 1, 8), start=T(10), end=T(11), end_date=D(2025, 1, 7)
    )
    assert (0, -1380) == (backwards.minutes, backwards.elapsed)
    assert backwards.interval() is not None
    assert hours.interval() is None


@pytest.mark.parametrize(
    ("kw", "field", "rule", "words"),
    [
        ({}, "hours", "times-or-hours", "give either start and end, or hours"),
        (
            {"start": T(9), "end": T(10), "hours": Decimal(1)},
            "hours",
            "times-or-hours",
            "give either start and end, or hours",
        ),
        (
            {"start": T(9), "status": RecordStatus.MISSED},
            "end",
            "times-or-hours",
            "give both start and end",
        ),
        # 0.01 h is 0.6 minutes
        ({"hours": Decimal("0.01")}, "hours", "whole-minutes", "must be a whole number of minutes"),
    ],
)
def test_a_record_names_the_field_it_gets_wrong(
    kw: dict[str, object], field: str, rule: str, words: str
) -> None:
    """The field, the rule and the words a user reads: "FIELD: WORDS [RULE]"."""
    with pytest.raises(ModelValueError) as caught:
        DeliveryRecord("R", "P", D(2025, 1, 8), **kw)  # type: ignore[arg-type]
    assert (field, rule) == (caught.value.field, caught.value.rule)
    assert f"{field}: {words} [{rule}]" == str(caught.value)


@pytest.mark.parametrize(
    "kw",
    [
        {"hours": Decimal("0.05")},  # 3 minutes
        {"start": T(9), "end": T(10)},
        {"status": RecordStatus.MISSED},  # nothing happened: no length needed
        {"status": RecordStatus.CANCELLED_BY_COUNCIL, "hours": Decimal(1)},
    ],
)
def test_records_of_either_form_are_accepted(kw: dict[str, object]) -> None:
    DeliveryRecord("R", "P", D(2025, 1, 8), **kw)  # type: ignore[arg-type]


# -------------------------------------------------------------------------------- terms
@pytest.mark.parametrize("percent", ["0", "100", "2.5"])
def test_a_percentage_from_0_to_100_is_accepted(percent: str) -> None:
    assert (
        Decimal(percent)
        == Retention(Decimal(percent), Release.NEXT_FINANCIAL_YEAR_Q1, CITE).percent
    )
    assert Decimal(percent) == BlockDiscount(4, Decimal(percent), CITE).percent


@pytest.mark.parametrize("percent", ["-0.01", "100.01"])
def test_a_percentage_outside_0_to_100_is_refused_naming_the_field(percent: str) -> None:
    with pytest.raises(ModelValueError) as caught:
        Retention(Decimal(percent), Release.NEXT_FINANCIAL_YEAR_Q1, CITE)
    assert ("percent", "percentage") == (caught.value.field, caught.value.rule)


def test_a_rate_band_includes_both_ends_and_refuses_a_maximum_below_its_minimum() -> None:
    band = RateBand("b", "Band", Decimal(15), Decimal(20), CITE)
    assert [False, True, True, True, False] == [
        band.contains(Decimal(x)) for x in ("14.99", "15", "17.5", "20", "20.01")
    ]
    assert RateBand("b", "Band", Decimal(15), Decimal(15), CITE).contains(Decimal(15))
    with pytest.raises(ModelValueError) as caught:
        RateBand("b", "Band", Decimal(15), Decimal("14.99"), CITE)
    assert ("maximum", "rate-band") == (caught.value.field, caught.value.rule)


def test_terms_find_a_band_by_id_or_the_only_one() -> None:
    a = RateBand("a", "A", Decimal(1), Decimal(2), CITE)
    b = RateBand("b", "B", Decimal(3), Decimal(4), CITE)
    one = BillingTerms(F, CITE, rate_bands=(a,))
    two = BillingTerms(F, CITE, rate_bands=(a, b))
    assert (a, a, None) == (one.band(None), one.band("a"), one.band("b"))
    assert (None, b, None) == (two.band(None), two.band("b"), two.band("c"))
    assert None is BillingTerms(F, CITE).band(None)


def test_retention_applies_only_in_the_years_it_names() -> None:
    """Years 2019/20 only: a period ending 31 Mar 2020 is in it, 1 Apr 2020 is not; with
    no years named, every period."""
    named = Retention(Decimal(5), Release.NEXT_FINANCIAL_YEAR_Q1, CITE, financial_years={"2019/20"})
    assert (True, False) == (named.applies_to(D(2020, 3, 31)), named.applies_to(D(2020, 4, 1)))
    every = Retention(Decimal(5), Release.NEXT_FINANCIAL_YEAR_Q1, CITE)
    assert every.applies_to(D(2030, 1, 1))


@pytest.mark.parametrize(
    ("day", "covered"),
    [
        (D(2019, 9, 30), False),
        (D(2019, 10, 1), True),
        (D(2020, 1, 31), True),
        (D(2020, 2, 1), False),
    ],
)
def test_a_part_year_budget_covers_its_own_dates_inclusive(day: dt.date, covered: bool) -> None:
    budget = Budget("2019/20", Decimal(100), CITE, start=D(2019, 10, 1), end=D(2020, 1, 31))
    assert covered == budget.covers(None, day)


def test_a_budget_covers_its_services() -> None:
    one = Budget("2019/20", Decimal(100), CITE, service="core")
    both = Budget("2019/20", Decimal(100), CITE, services={"core", "pilot"})
    every = Budget("2019/20", Decimal(100), CITE)
    day = D(2019, 10, 1)
    assert [True, False] == [one.covers(s, day) for s in ("core", "pilot")]
    assert [True, True, False] == [both.covers(s, day) for s in ("core", "pilot", "other")]
    assert [True, True] == [every.covers(s, day) for s in ("core", None)]


# ------------------------------------------------------------------------------- ledger
def invoice(
    number: str, end: dt.date, net: str, withheld: str = "0", package: str = "P"
) -> Invoice:
    n, w = Decimal(net), Decimal(withheld)
    return Invoice(
        number,
        "stoke",
        package,
        "PO-1",
        Period(end - dt.timedelta(days=13), end),
        end + dt.timedelta(days=1),
        (),
        n,
        w,
        n - w,
        (),
    )


def test_retention_ledger_by_year_and_release() -> None:
    """5 % withheld: 5.00 of 100.00 in 2019/20 (period ending 31 Mar 2020) and 2.50 of
    50.00 in 2020/21 (ending 1 Apr 2020... 14 Apr). Release from Q1 of the next year:
    1 Apr 2020 and 1 Apr 2021. Evidence for 2019/20 given on 15 Mar 2020, before its
    release date: released on 1 Apr 2020; 2020/21 has none: not released."""
    retention = Retention(Decimal(5), Release.NEXT_FINANCIAL_YEAR_Q1, CITE)
    invoices = [
        invoice("A", D(2020, 3, 31), "100.00", "5.00"),
        invoice("B", D(2020, 4, 14), "50.00", "2.50"),
    ]
    ledger = retention_ledger(invoices, retention, {"2019/20": D(2020, 3, 15)})
    assert [
        ("2019/20", Decimal("5.00"), D(2020, 4, 1), D(2020, 3, 15), D(2020, 4, 1)),
        ("2020/21", Decimal("2.50"), D(2021, 4, 1), None, None),
    ] == [
        (y.financial_year, y.withheld, y.release_from, y.evidence_on, y.released_on)
        for y in ledger.years
    ]
    assert (Decimal("150.00"), Decimal("142.50"), Decimal("7.50"), Decimal("5.00")) == (
        ledger.billed,
        ledger.paid,
        ledger.withheld,
        ledger.released,
    )
    assert Decimal("2.50") == ledger.outstanding
    assert ledger.reconciles()
    # Evidence after the release date: released on the evidence date.
    late = retention_ledger(invoices, retention, {"2019/20": D(2020, 6, 1)})
    assert D(2020, 6, 1) == late.years[0].released_on
    # No evidence needed: each year is released on its release date.
    free = Retention(Decimal(5), Release.NEXT_FINANCIAL_YEAR_Q1, CITE, evidence_required=False)
    assert [D(2020, 4, 1), D(2021, 4, 1)] == [
        y.released_on for y in retention_ledger(invoices, free).years
    ]


def test_a_ledger_does_not_reconcile_when_paid_and_withheld_miss_billed() -> None:
    bad = Invoice(
        "X",
        "stoke",
        "P",
        None,
        Period(D(2020, 3, 18), D(2020, 3, 31)),
        D(2020, 4, 1),
        (),
        Decimal("100.00"),
        Decimal("5.00"),
        Decimal("94.99"),
        (),
    )
    retention = Retention(Decimal(5), Release.NEXT_FINANCIAL_YEAR_Q1, CITE)
    assert not retention_ledger([bad], retention).reconciles()


def test_a_ledger_names_an_invoice_withholding_outside_its_years() -> None:
    """Years 2019/20 only; invoice B (2020/21) withholds: refused naming B. An invoice of
    2020/21 withholding nothing counts towards billed and paid but lists no year."""
    retention = Retention(
        Decimal(5), Release.NEXT_FINANCIAL_YEAR_Q1, CITE, financial_years={"2019/20"}
    )
    with pytest.raises(ModelValueError) as caught:
        retention_ledger([invoice("B", D(2020, 4, 14), "50.00", "2.50")], retention)
    assert "invoice B withholds money in 2020/21" in str(caught.value)
    ledger = retention_ledger(
        [invoice("A", D(2020, 3, 31), "100.00", "5.00"), invoice("C", D(2020, 4, 14), "50.00")],
        retention,
    )
    assert (["2019/20"], Decimal("150.00")) == (
        [y.financial_year for y in ledger.years],
        ledger.billed,
    )


@pytest.mark.parametrize(
    ("spent", "code", "severity"),
    [
        ("899.99", None, None),  # below 90 % of 1,000
        ("900.00", "billing.budget.near-cap", Severity.WARNING),  # exactly 90 %
        ("1000.00", "billing.budget.near-cap", Severity.WARNING),  # exactly the cap
        ("1000.01", "billing.budget.exceeded", Severity.ERROR),
    ],
)
def test_budget_at_its_edges(spent: str, code: str | None, severity: Severity | None) -> None:
    budget = Budget("2019/20", Decimal(1000), CITE, service="core")
    [use] = budget_use([budget], [invoice("A", D(2019, 10, 13), spent)], {"P": "core"})
    assert (Decimal(spent), Decimal(1000) - Decimal(spent)) == (use.spent, use.remaining)
    assert (code, severity) == (
        (use.finding.code, use.finding.severity) if use.finding else (None, None)
    )


def test_budget_messages_and_what_counts() -> None:
    """Core 2019/20 cap 1,000: invoice A (core, 2019/20) 850 plus 50 about to be committed =
    900, 90 %; B is another service and C another year: neither counts."""
    budget = Budget("2019/20", Decimal(1000), CITE, service="core")
    invoices = [
        invoice("A", D(2019, 10, 13), "850.00"),
        invoice("B", D(2019, 10, 13), "500.00", package="Q"),
        invoice("C", D(2020, 4, 14), "500.00"),
    ]
    [use] = budget_use([budget], invoices, {"P": "core", "Q": "pilot"}, Decimal(50))
    assert Decimal("900.00") == use.spent
    assert use.finding is not None
    assert "core 2019/20: £900.00 is 90% of the budget of £1,000.00" == use.finding.message
    indicative = Budget("2019/20", Decimal(100), CITE, indicative=True)
    [over] = budget_use([indicative], invoices[:1], {"P": "core"})
    assert over.finding is not None
    assert (
        "billing.budget.indicative-exceeded",
        Severity.WARNING,
        "all services 2019/20: £850.00 is beyond the indicative budget of £100.00 (indicative: "
        "not a cap)",
    ) == (over.finding.code, over.finding.severity, over.finding.message)
    # A budget of nothing with nothing spent has no finding (and no division by zero).
    [zero] = budget_use([Budget("2018/19", Decimal(0), CITE)], invoices, {"P": "core"})
    assert (Decimal(0), None) == (zero.spent, zero.finding)


@pytest.mark.parametrize(
    ("units", "rounding", "expected"),
    [
        (3, Rounding.HALF_UP, "0"),  # below the minimum block of 4
        (4, Rounding.HALF_UP, "0.51"),  # 5 % of 10.10 = 0.505
        (4, Rounding.DOWN, "0.50"),
        (12, Rounding.HALF_UP, "0.51"),
    ],
)
def test_block_discount_from_its_minimum(units: int, rounding: Rounding, expected: str) -> None:
    discount = BlockDiscount(4, Decimal(5), CITE)
    assert Decimal(expected) == block_discount(discount, units, Decimal("10.10"), rounding)


# ------------------------------------------------------------------------------- output
LINE = InvoiceLine(
    LineKind.ADDITIONAL,
    "=Delivered 2025-01-08",
    Decimal("0.67"),
    "hour",
    Decimal(20),
    Decimal("13.33"),
    "rate-standard",
    CITE,
    D(2025, 1, 8),
    "R1",
    "S1",
    40,
)


def fortnight(
    lines: tuple[InvoiceLine, ...],
    net: str,
    withheld: str = "0",
    *,
    number: str = "N-1",
    purchase_order: str | None = None,
    record_ids: tuple[str, ...] = (),
) -> Invoice:
    """Sample's invoice for the fortnight 6-19 Jan 2025 (issued 20 Jan), payable being the
    net less what is withheld."""
    n, w = Decimal(net), Decimal(withheld)
    return Invoice(
        number,
        "sample",
        "P",
        purchase_order,
        Period(D(2025, 1, 6), D(2025, 1, 19)),
        D(2025, 1, 20),
        lines,
        n,
        w,
        n - w,
        record_ids,
    )


def test_csv_row_carries_every_field_of_the_line() -> None:
    inv = fortnight(
        (LINE,), "13.33", number="sample-P-20250106", purchase_order="PO-1", record_ids=("R1",)
    )
    header, row = invoices_csv([inv]).splitlines()
    assert header.split(",")[:4] == ["invoice", "purchase_order", "package", "period_start"]
    cells = row.split(",")
    assert [
        "sample-P-20250106",
        "PO-1",
        "P",
        "2025-01-06",
        "2025-01-19",
        "additional",
        "2025-01-08",
        "'=Delivered 2025-01-08",
        "0.67",
        "hour",
        "20",
        "13.33",
        "R1",
        "S1",
        "rate-standard",
    ] == cells[:15]
    # The citation, quoted by the CSV writer (its own quotes doubled).
    assert row.endswith(',"stoke 5: ""5% of the contract value will be retained"""')


def test_rendered_invoice_shows_lines_and_totals() -> None:
    inv = fortnight((LINE,), "13.33", "0.67", record_ids=("R1",))
    text = render_invoice(inv)
    assert text.splitlines()[:3] == [
        "Invoice N-1",
        "Purchase order: (none)",
        "Period: 6 Jan 2025 to 19 Jan 2025 (issued 20 Jan 2025)",
    ]
    assert "0.67 hour" in text
    assert text.splitlines()[-3:] == [
        f"  {'Net':<80}{'£13.33':>12}",
        f"  {'Withheld (retention)':<80}{'-£0.67':>12}",
        f"  {'Payable':<80}{'£12.66':>12}",
    ]


def test_budget_findings_name_the_services_and_carry_path_and_citation() -> None:
    """Cap 1,000 for core + pilot: 1,000.01 exceeds it. An indicative cap of exactly
    what was spent is not passed: it is at 100 %, a near-cap warning."""
    both = Budget("2019/20", Decimal(1000), CITE, services={"pilot", "core"})
    [over] = budget_use([both], [invoice("A", D(2019, 10, 13), "1000.01")], {"P": "core"})
    assert over.finding is not None
    assert (
        "billing.budget.exceeded",
        "core + pilot 2019/20: £1,000.01 exceeds the budget of £1,000.00",
        "$",
        CITE,
    ) == (over.finding.code, over.finding.message, over.finding.path, over.finding.citation)
    indicative = Budget("2019/20", Decimal(1000), CITE, indicative=True)
    [at_cap] = budget_use([indicative], [invoice("A", D(2019, 10, 13), "1000.00")], {})
    assert at_cap.finding is not None
    assert ("billing.budget.near-cap", "$", CITE) == (
        at_cap.finding.code,
        at_cap.finding.path,
        at_cap.finding.citation,
    )
    [beyond] = budget_use([indicative], [invoice("A", D(2019, 10, 13), "1000.01")], {})
    assert beyond.finding is not None
    assert ("billing.budget.indicative-exceeded", "$", CITE) == (
        beyond.finding.code,
        beyond.finding.path,
        beyond.finding.citation,
    )


def test_csv_cells_of_a_line_without_optional_fields_are_empty() -> None:
    bare = InvoiceLine(
        LineKind.MILEAGE, "Mileage", Decimal(2), "mile", Decimal("0.45"), Decimal("0.90"), "mileage"
    )
    inv = fortnight((bare,), "0.90")
    _, row = invoices_csv([inv]).splitlines()
    assert "N-1,,P,2025-01-06,2025-01-19,mileage,,Mileage,2,mile,0.45,0.90,,,mileage," == row


def test_rendered_invoice_in_another_locale_and_a_long_description() -> None:
    """German: dates "6 Jan. 2025" (d MMM yyyy), amounts "13,33 £" (a no-break space
    before the sign); the blank line after the header; a description cut to 52
    characters."""
    net_de, withheld_de, payable_de = "13,33\xa0£", "-0,67\xa0£", "12,66\xa0£"
    long = attrs.evolve(LINE, description="x" * 60)
    inv = fortnight((long,), "13.33", "0.67", purchase_order="PO-1", record_ids=("R1",))
    lines = render_invoice(inv, "de_DE").splitlines()
    assert [
        "Invoice N-1",
        "Purchase order: PO-1",
        "Period: 6 Jan. 2025 to 19 Jan. 2025 (issued 20 Jan. 2025)",
        "",
        f"  {'additional':<13} {'x' * 52} {'0.67':>7} {'hour':<5} {net_de:>12}",
        "",
        f"  {'Net':<80}{net_de:>12}",
        f"  {'Withheld (retention)':<80}{withheld_de:>12}",
        f"  {'Payable':<80}{payable_de:>12}",
    ] == lines


def test_a_ledger_adds_every_invoice_of_a_year_and_names_the_rule_it_breaks() -> None:
    """Two invoices of 2019/20 withholding 5.00 and 2.50: 7.50 for the year. With no
    invoices, nothing is released (a Decimal, like every amount)."""
    retention = Retention(Decimal(5), Release.NEXT_FINANCIAL_YEAR_Q1, CITE)
    two = [
        invoice("A", D(2020, 3, 17), "100.00", "5.00"),
        invoice("B", D(2020, 3, 31), "50.00", "2.50"),
    ]
    assert [("2019/20", Decimal("7.50"))] == [
        (y.financial_year, y.withheld) for y in retention_ledger(two, retention).years
    ]
    empty = retention_ledger([], retention)
    assert (Decimal(0), Decimal, ()) == (empty.released, type(empty.released), empty.years)
    named = Retention(Decimal(5), Release.NEXT_FINANCIAL_YEAR_Q1, CITE, financial_years={"2019/20"})
    with pytest.raises(ModelValueError) as caught:
        retention_ledger([invoice("B", D(2020, 4, 14), "50.00", "2.50")], named)
    assert (
        "invoice B withholds money in 2020/21, a financial year this retention does not cover"
        == caught.value.message
    )
    assert "retention.financial_years" == caught.value.field


def test_a_record_in_hours_with_a_start_time_is_billed_by_its_hours() -> None:
    """Hours given with a start and no end: the hours count (60 minutes), no interval."""
    record = DeliveryRecord("R", "P", D(2025, 1, 8), start=T(9), hours=Decimal(1))
    assert (None, 60) == (record.interval(), record.minutes)


def test_a_record_interval_in_another_time_zone() -> None:
    """10:00-11:00 on 1 Jul 2025: in London (BST) it starts at 09:00 UTC, in UTC at 10:00."""
    record = DeliveryRecord("R", "P", D(2025, 7, 1), start=T(10), end=T(11))
    london, utc = record.interval(), record.interval("UTC")
    assert london is not None
    assert utc is not None
    assert (9, 10) == (london[0].astimezone(dt.UTC).hour, utc[0].astimezone(dt.UTC).hour)


def test_a_record_with_neither_times_nor_hours_says_what_to_give() -> None:
    with pytest.raises(ModelValueError) as caught:
        DeliveryRecord("R", "P", D(2025, 1, 8))
    assert "hours: give either start and end, or hours [times-or-hours]" == str(caught.value)


# The words of a refusal are what a user reads: each of the three term validators says
# what is wrong in a sentence, after the field and before the rule.
def test_term_refusals_say_what_is_wrong_in_words() -> None:
    with pytest.raises(ModelValueError) as percent:
        BlockDiscount(4, Decimal("100.5"), CITE)
    assert "percent: must be between 0 and 100 [percentage]" == str(percent.value)
    with pytest.raises(ModelValueError) as band:
        RateBand("b", "Band", Decimal(15), Decimal(14), CITE)
    assert "maximum: must not be below minimum [rate-band]" == str(band.value)
    with pytest.raises(ModelValueError) as year:
        Retention(Decimal(5), Release.NEXT_FINANCIAL_YEAR_Q1, CITE, financial_years={"2019-20"})
    assert (
        "financial_years: each must be a UK financial year written like '2019/20' [financial-year]"
    ) == str(year.value)
