"""Billing answers the worked examples did not pin down (#27): every rate window at its
edges (exactly, one minute either side, after midnight, a window that does not cross
midnight), weekend and bank-holiday boundaries, uplifts on their first day, the repeated
autumn hour, every field of an invoice line, and which record a finding names, beside an
accepted case for each refused one. Every expected value is worked by hand below, through
the public :func:`run_invoices` only.

Rates used (pounds an hour): standard 20, night 24 (22:00-07:00 unless said), weekend 22,
bank holiday 30. A minute at 20 is 1/3 of a pound; at 24, 40p; at 22, 36.67p; at 30, 50p.
Dates: Wed 8 Jan 2025 is an ordinary weekday; Sat 11 / Sun 12 Jan a weekend; Easter Monday
21 Apr 2025 and the Summer bank holiday Mon 25 Aug 2025 are England and Wales bank
holidays; Boxing Day 2026 falls on Saturday 26 Dec, and its bank holiday is the substitute
day Monday 28 Dec; the clocks go back at 02:00 BST on Sunday 26 Oct 2025.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from childcare_commissioning.billing import (
    BillingCycle,
    BillingTerms,
    DeliveryRecord,
    Invoice,
    InvoiceLine,
    InvoiceRun,
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
    run_invoices,
)
from childcare_commissioning.calendars import TimeWindow
from childcare_commissioning.model import Citation, Package, StaffRatio
from childcare_commissioning.money import Rounding
from childcare_commissioning.schedules import Period

D = dt.date
T = dt.time
CITE = Citation("plymouth", "3.3", "Invoices are submitted fortnightly in arrears")
MILES = Citation("somerset", "2.8", ".45p per mile")
TERMS = BillingTerms(cycle=BillingCycle.FORTNIGHTLY, citation=CITE)
FROM = D(2025, 1, 1)
STANDARD = Rate(Decimal(20), FROM)
NIGHT = Rate(Decimal(24), FROM, RateCondition.NIGHT, TimeWindow(T(22), T(7)))
WEEKEND = Rate(Decimal(22), FROM, RateCondition.WEEKEND)
BANK_HOLIDAY = Rate(Decimal(30), FROM, RateCondition.BANK_HOLIDAY)
EVENING = Rate(Decimal(24), FROM, RateCondition.NIGHT, TimeWindow(T(20), T(23)))
LATE = D(2027, 6, 30)  # every period used here has ended


def package(pid: str = "P", **kw: object) -> Package:
    kw.setdefault("start", D(2025, 1, 6))
    return Package(pid, "sample", "YP-1", **kw)  # type: ignore[arg-type]


def visit(rid: str, day: dt.date, start: dt.time, end: dt.time, **kw: object) -> DeliveryRecord:
    return DeliveryRecord(rid, kw.pop("package_id", "P"), day, start=start, end=end, **kw)  # type: ignore[arg-type]


def run(
    records: list[DeliveryRecord],
    rates: tuple[Rate, ...] = (STANDARD, NIGHT),
    *,
    planned: list[PlannedSession] | None = None,
    packages: list[Package] | None = None,
    terms: BillingTerms = TERMS,
    as_of: dt.date = LATE,
    agreements: tuple[MileageAgreement, ...] = (),
    previous: tuple[Invoice, ...] = (),
) -> InvoiceRun:
    packages = packages or [package()]
    quotes = [Quotation(p.id, rates, agreements) for p in packages]
    return run_invoices("sample", terms, packages, quotes, planned or [], records, as_of, previous)


def lines(result: InvoiceRun) -> list[InvoiceLine]:
    return [line for invoice in result.invoices for line in invoice.lines]


def priced(result: InvoiceRun) -> list[tuple[Decimal, int]]:
    """(hourly price, minutes) of every line, in invoice order."""
    return [(line.unit_price, line.minutes or 0) for line in lines(result)]


def codes(result: InvoiceRun) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in result.findings]


# ---------------------------------------------------------------- night window boundaries
# 22:00-07:00 crosses midnight; each row is a visit on Wed 8 Jan 2025 (ending the next day
# when its end is not later on the clock), with its minutes at 20 and 24 worked by hand.
NIGHT_EDGES = [
    ("well before", T(21), T(21, 59), [(20, 59)]),
    ("one minute either side of 22:00", T(21, 59), T(22, 1), [(20, 1), (24, 1)]),
    ("starting exactly at 22:00", T(22), T(22, 30), [(24, 30)]),
    ("starting a minute after 22:00", T(22, 1), T(22, 30), [(24, 29)]),
    ("across midnight", T(23, 30), T(0, 30), [(24, 60)]),
    ("starting exactly at midnight", T(0), T(1), [(24, 60)]),
    ("after midnight", T(3), T(4), [(24, 60)]),
    ("ending a minute before 07:00", T(6, 30), T(6, 59), [(24, 29)]),
    ("one minute either side of 07:00", T(6, 59), T(7, 1), [(24, 1), (20, 1)]),
    ("starting exactly at 07:00", T(7), T(7, 30), [(20, 30)]),
    ("starting a minute after 07:00", T(7, 1), T(7, 30), [(20, 29)]),
    ("across 07:00, after midnight", T(5), T(8), [(24, 120), (20, 60)]),
    ("from day into night", T(21), T(23), [(20, 60), (24, 60)]),
]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [row[1:] for row in NIGHT_EDGES],
    ids=[row[0] for row in NIGHT_EDGES],
)
def test_night_window_that_crosses_midnight_at_its_edges(
    start: dt.time, end: dt.time, expected: list[tuple[int, int]]
) -> None:
    result = run([visit("V", D(2025, 1, 8), start, end)])
    assert [(Decimal(p), m) for p, m in expected] == priced(result)
    assert () == result.findings


# 20:00-23:00 does not cross midnight: 23:00-20:00 is standard, including after midnight.
EVENING_EDGES = [
    ("morning", T(10), T(11), [(20, 60)]),
    ("one minute either side of 20:00", T(19, 59), T(20, 1), [(20, 1), (24, 1)]),
    ("starting exactly at 20:00", T(20), T(20, 30), [(24, 30)]),
    ("one minute either side of 23:00", T(22, 59), T(23, 1), [(24, 1), (20, 1)]),
    ("starting exactly at 23:00", T(23), T(23, 30), [(20, 30)]),
    ("after 23:00 across midnight", T(23, 30), T(0, 30), [(20, 60)]),
    ("after midnight", T(1), T(2), [(20, 60)]),
]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [row[1:] for row in EVENING_EDGES],
    ids=[row[0] for row in EVENING_EDGES],
)
def test_night_window_that_does_not_cross_midnight_at_its_edges(
    start: dt.time, end: dt.time, expected: list[tuple[int, int]]
) -> None:
    result = run([visit("V", D(2025, 1, 8), start, end)], (STANDARD, EVENING))
    assert [(Decimal(p), m) for p, m in expected] == priced(result)


# -------------------------------------------------- weekend and bank-holiday boundaries
DAY_EDGES = [
    # Fri 10 Jan 23:30 to Sat 00:30: 30 min standard, then 30 min weekend (no night rate).
    ("into Saturday", D(2025, 1, 10), T(23, 30), T(0, 30), [(20, 30), (22, 30)]),
    # Sun 12 Jan 23:30 to Mon 00:30: 30 min weekend, then 30 min standard.
    ("out of Sunday", D(2025, 1, 12), T(23, 30), T(0, 30), [(22, 30), (20, 30)]),
    # Sun 20 Apr 23:30 into Easter Monday: 30 weekend, 30 bank holiday.
    ("into Easter Monday", D(2025, 4, 20), T(23, 30), T(0, 30), [(22, 30), (30, 30)]),
    # Easter Monday 23:30 to Tue 00:30: 30 bank holiday, 30 standard.
    ("out of Easter Monday", D(2025, 4, 21), T(23, 30), T(0, 30), [(30, 30), (20, 30)]),
    # Boxing Day 2026 is a Saturday: a weekend day; the bank holiday is Mon 28 Dec.
    ("Boxing Day on a Saturday", D(2026, 12, 26), T(10), T(11), [(22, 60)]),
    ("its substitute Monday", D(2026, 12, 28), T(10), T(11), [(30, 60)]),
    ("Sunday 27 Dec 2026", D(2026, 12, 27), T(10), T(11), [(22, 60)]),
    ("Tuesday 29 Dec 2026", D(2026, 12, 29), T(10), T(11), [(20, 60)]),
]


@pytest.mark.parametrize(
    ("day", "start", "end", "expected"),
    [row[1:] for row in DAY_EDGES],
    ids=[row[0] for row in DAY_EDGES],
)
def test_weekend_and_bank_holiday_boundaries(
    day: dt.date, start: dt.time, end: dt.time, expected: list[tuple[int, int]]
) -> None:
    result = run([visit("V", day, start, end)], (STANDARD, WEEKEND, BANK_HOLIDAY))
    assert [(Decimal(p), m) for p, m in expected] == priced(result)


PRECEDENCE = [
    # Sat 11 Jan 21:00-23:00: 60 weekend, then night beats weekend: 60 night.
    ("night beats weekend", D(2025, 1, 11), T(21), T(23), [(22, 60), (24, 60)]),
    # Easter Monday 21:00-23:00: bank holiday beats night all evening.
    ("bank holiday beats night", D(2025, 4, 21), T(21), T(23), [(30, 120)]),
    # Wed 8 Jan 21:00-23:00 with a weekend rate quoted: weekdays are not weekend.
    ("a weekday is not weekend", D(2025, 1, 8), T(21), T(23), [(20, 60), (24, 60)]),
]


@pytest.mark.parametrize(
    ("day", "start", "end", "expected"),
    [row[1:] for row in PRECEDENCE],
    ids=[row[0] for row in PRECEDENCE],
)
def test_which_rate_wins(
    day: dt.date, start: dt.time, end: dt.time, expected: list[tuple[int, int]]
) -> None:
    result = run([visit("V", day, start, end)], (STANDARD, NIGHT, WEEKEND, BANK_HOLIDAY))
    assert [(Decimal(p), m) for p, m in expected] == priced(result)


# Uplifts of every rate from Monday 2 June 2025: the latest rate in force on the day wins.
UPLIFT = D(2025, 6, 2)
UPLIFTED = (
    STANDARD,
    NIGHT,
    WEEKEND,
    BANK_HOLIDAY,
    Rate(Decimal(21), UPLIFT),
    Rate(Decimal(25), UPLIFT, RateCondition.NIGHT, TimeWindow(T(22), T(7))),
    Rate(Decimal(23), UPLIFT, RateCondition.WEEKEND),
    Rate(Decimal(31), UPLIFT, RateCondition.BANK_HOLIDAY),
)
UPLIFT_CASES = [
    ("standard the Friday before", D(2025, 5, 30), T(10), T(11), [(20, 60)]),
    ("standard on its first day", UPLIFT, T(10), T(11), [(21, 60)]),
    ("night before and after midnight", D(2025, 6, 1), T(23, 30), T(0, 30), [(24, 30), (25, 30)]),
    ("weekend the Sunday before", D(2025, 6, 1), T(10), T(11), [(22, 60)]),
    ("weekend after", D(2025, 6, 7), T(10), T(11), [(23, 60)]),
    ("night after", D(2025, 6, 3), T(22), T(23), [(25, 60)]),
    ("bank holiday after", D(2025, 8, 25), T(10), T(11), [(31, 60)]),
    ("bank holiday before", D(2025, 4, 21), T(10), T(11), [(30, 60)]),
]


@pytest.mark.parametrize(
    ("day", "start", "end", "expected"),
    [row[1:] for row in UPLIFT_CASES],
    ids=[row[0] for row in UPLIFT_CASES],
)
def test_uplifts_apply_from_their_first_day(
    day: dt.date, start: dt.time, end: dt.time, expected: list[tuple[int, int]]
) -> None:
    result = run([visit("V", day, start, end)], UPLIFTED)
    assert [(Decimal(p), m) for p, m in expected] == priced(result)


def test_the_repeated_autumn_hour_is_night_twice() -> None:
    """A night window 01:00-01:30 on Sun 26 Oct 2025, when 01:00-02:00 happens twice (BST,
    then GMT). Visit 00:00 BST (23:00Z) to 03:00 GMT (03:00Z): 240 elapsed minutes. Local
    01:00-01:30 occurs at 00:00-00:30Z and again at 01:00-01:30Z: 60 night minutes; the
    other 180 are standard, the first 60 of them (00:00-01:00 BST) before any night."""
    window = Rate(Decimal(24), FROM, RateCondition.NIGHT, TimeWindow(T(1), T(1, 30)))
    result = run([visit("V", D(2025, 10, 26), T(0), T(3))], (STANDARD, window))
    assert [(Decimal(20), 180), (Decimal(24), 60)] == priced(result)
    assert [Decimal(60), Decimal("24.00")] == [lines(result)[0].amount, lines(result)[1].amount]


def test_no_rate_in_force_is_a_finding_naming_the_record() -> None:
    """The only rate is from 1 Feb 2025: a visit on 31 Jan has no rate (a finding naming
    record A, no line); one on 1 Feb is billed 60 min at 20."""
    late_rate = Rate(Decimal(20), D(2025, 2, 1))
    result = run(
        [visit("A", D(2025, 1, 31), T(10), T(11)), visit("B", D(2025, 2, 1), T(10), T(11))],
        (late_rate,),
    )
    assert [("billing.rate.none-in-force", "$.records['A']")] == codes(result)
    assert ["B"] == [line.record_id for line in lines(result)]
    assert "2025-01-31" in result.findings[0].message


# ------------------------------------------------------------ every field of a line
def line(**kw: object) -> InvoiceLine:
    kw.setdefault("unit", "hour")
    kw.setdefault("citation", CITE)
    return InvoiceLine(**kw)  # type: ignore[arg-type]


def test_every_field_of_lines_for_a_visit_crossing_into_the_night() -> None:
    """Wed 8 Jan 21:20-23:00: 40 min standard (40/60 = 0.666.. h -> 0.67; 20 x 40/60 =
    13.333.. -> 13.33) and 60 min night (1.00 h, 24.00). Net 37.33. The fortnight from
    Mon 6 Jan ends Sun 19 Jan; its invoice is issued Mon 20 Jan."""
    result = run([visit("R1", D(2025, 1, 8), T(21, 20), T(23))], as_of=D(2025, 1, 20))
    [invoice] = result.invoices
    common = {"date": D(2025, 1, 8), "record_id": "R1", "planned_id": None}
    assert [
        line(
            kind=LineKind.ADDITIONAL,
            description="Delivered without a commissioned session 2025-01-08",
            quantity=Decimal("0.67"),
            unit_price=Decimal(20),
            amount=Decimal("13.33"),
            rule="rate-standard",
            minutes=40,
            **common,
        ),
        line(
            kind=LineKind.ADDITIONAL,
            description="Delivered without a commissioned session 2025-01-08 (night rate)",
            quantity=Decimal("1.00"),
            unit_price=Decimal(24),
            amount=Decimal("24.00"),
            rule="rate-night",
            minutes=60,
            **common,
        ),
    ] == list(invoice.lines)
    assert "0.67" == str(invoice.lines[0].quantity)
    assert (
        "sample-P-20250106",
        Period(D(2025, 1, 6), D(2025, 1, 19)),
        D(2025, 1, 20),
        Decimal("37.33"),
        Decimal(0),
        Decimal("37.33"),
        ("R1",),
    ) == (
        invoice.number,
        invoice.period,
        invoice.issued_on,
        invoice.net,
        invoice.withheld,
        invoice.payable,
        invoice.record_ids,
    )


@pytest.mark.parametrize(
    ("minutes", "hours"),
    [(1, "0.02"), (30, "0.50"), (59, "0.98"), (61, "1.02"), (100, "1.67"), (150, "2.50")],
)
def test_quantity_is_the_minutes_in_hours_to_two_places(minutes: int, hours: str) -> None:
    """1/60 = 0.0166 -> 0.02; 59/60 = 0.983 -> 0.98; 61/60 = 1.016 -> 1.02; 100/60 ->
    1.67. Visits from 10:00 on Wed 8 Jan (all standard)."""
    end = T(10 + minutes // 60, minutes % 60)
    [only] = lines(run([visit("V", D(2025, 1, 8), T(10), end)]))
    assert (Decimal(hours), minutes) == (only.quantity, only.minutes)
    assert hours == str(only.quantity)


def session(sid: str, day: dt.date, minutes: int, start: dt.time | None = None) -> PlannedSession:
    return PlannedSession(sid, "P", day, minutes, start)


def test_every_field_of_commissioned_and_deduction_lines() -> None:
    """Session S1 Thu 9 Jan from 10:00, 120 min: commissioned 2.00 h x 20 = 40.00.
    Delivered 10:00-11:30 (90 min, 30.00): a deduction of -30 min, -0.50 h, -10.00, rule
    commissioned-not-delivered, reason "short"."""
    result = run(
        [visit("R", D(2025, 1, 9), T(10), T(11, 30), planned_id="S1")],
        planned=[session("S1", D(2025, 1, 9), 120, T(10))],
    )
    common = {"date": D(2025, 1, 9), "record_id": None, "planned_id": "S1"}
    assert [
        line(
            kind=LineKind.COMMISSIONED,
            description="Commissioned session 2025-01-09",
            quantity=Decimal("2.00"),
            unit_price=Decimal(20),
            amount=Decimal("40.00"),
            rule="rate-standard",
            minutes=120,
            **common,
        ),
        line(
            kind=LineKind.DEDUCTION,
            description="Commissioned but not delivered (short) 2025-01-09",
            quantity=Decimal("-0.50"),
            unit_price=Decimal(20),
            amount=Decimal("-10.00"),
            rule="commissioned-not-delivered",
            minutes=-30,
            **common,
        ),
    ] == lines(result)
    assert Decimal("30.00") == result.net
    assert ("R",) == result.invoices[0].record_ids


def test_every_field_of_an_additional_line_beyond_the_session() -> None:
    """Session S2 Fri 10 Jan, 60 min, no start time (the day's rate, standard): 1.00 h,
    20.00. Delivered 10:00-11:40 (100 min, 33.33): an addition of 40 min, 0.67 h,
    33.33 - 20.00 = 13.33, at the standard rate."""
    result = run(
        [visit("R", D(2025, 1, 10), T(10), T(11, 40), planned_id="S2")],
        planned=[session("S2", D(2025, 1, 10), 60)],
    )
    common = {"date": D(2025, 1, 10), "record_id": None, "planned_id": "S2"}
    assert [
        line(
            kind=LineKind.COMMISSIONED,
            description="Commissioned session 2025-01-10",
            quantity=Decimal("1.00"),
            unit_price=Decimal(20),
            amount=Decimal("20.00"),
            rule="rate-standard",
            minutes=60,
            **common,
        ),
        line(
            kind=LineKind.ADDITIONAL,
            description="Delivered beyond the commissioned session 2025-01-10",
            quantity=Decimal("0.67"),
            unit_price=Decimal(20),
            amount=Decimal("13.33"),
            rule="rate-standard",
            minutes=40,
            **common,
        ),
    ] == lines(result)


@pytest.mark.parametrize(
    ("records", "reason"),
    [
        ([], "missed, no record"),
        (
            [DeliveryRecord("R", "P", D(2025, 1, 13), RecordStatus.MISSED, planned_id="S")],
            "missed",
        ),
        (
            [
                DeliveryRecord(
                    "R", "P", D(2025, 1, 13), RecordStatus.CANCELLED_BY_COUNCIL, planned_id="S"
                ),
                DeliveryRecord(
                    "R2", "P", D(2025, 1, 13), RecordStatus.CANCELLED_BY_PROVIDER, planned_id="S"
                ),
            ],
            "cancelled-by-council, cancelled-by-provider",
        ),
    ],
)
def test_deduction_reason_names_what_happened(records: list[DeliveryRecord], reason: str) -> None:
    """Session S Mon 13 Jan, 30 min (0.50 h, 10.00): nothing delivered, so the deduction
    is the whole session, -0.50 h, -10.00, with the statuses recorded as its reason."""
    result = run(records, planned=[session("S", D(2025, 1, 13), 30)])
    assert [
        (LineKind.COMMISSIONED, "Commissioned session 2025-01-13", Decimal("0.50"), 30),
        (
            LineKind.DEDUCTION,
            f"Commissioned but not delivered ({reason}) 2025-01-13",
            Decimal("-0.50"),
            -30,
        ),
    ] == [(x.kind, x.description, x.quantity, x.minutes) for x in lines(result)]
    assert [Decimal("10.00"), Decimal("-10.00")] == [x.amount for x in lines(result)]
    assert Decimal(0) == result.net


def test_delivered_exactly_as_commissioned_is_one_line() -> None:
    """Session S Wed 15 Jan from 09:00, 60 min; delivered 09:00-10:00: commissioned only."""
    result = run(
        [visit("R", D(2025, 1, 15), T(9), T(10), planned_id="S")],
        planned=[session("S", D(2025, 1, 15), 60, T(9))],
    )
    assert [(LineKind.COMMISSIONED, Decimal("20.00"), "S", None)] == [
        (x.kind, x.amount, x.planned_id, x.record_id) for x in lines(result)
    ]


def test_a_commissioned_night_session_is_split_at_the_window() -> None:
    """Session S Wed 8 Jan from 21:00, 180 min (to 00:00): 60 standard (1.00 h, 20.00) and
    120 night (2.00 h, 48.00), each a commissioned line; nothing delivered: a deduction of
    each, named per rate."""
    result = run([], planned=[session("S", D(2025, 1, 8), 180, T(21))])
    assert [
        (LineKind.COMMISSIONED, Decimal("1.00"), Decimal("20.00"), "rate-standard"),
        (LineKind.DEDUCTION, Decimal("-1.00"), Decimal("-20.00"), "commissioned-not-delivered"),
        (LineKind.COMMISSIONED, Decimal("2.00"), Decimal("48.00"), "rate-night"),
        (LineKind.DEDUCTION, Decimal("-2.00"), Decimal("-48.00"), "commissioned-not-delivered"),
    ] == [(x.kind, x.quantity, x.amount, x.rule) for x in lines(result)]


# ------------------------------------------------------ purchase orders and package dates
def test_a_record_quoting_the_right_purchase_order_is_billed_the_wrong_one_refused() -> None:
    """Package P is on PO-123. Records quoting PO-123 or no PO are billed (60 min, 20.00
    each); one quoting PO-999 is a finding naming that record, and not billed."""
    terms = BillingTerms(
        cycle=BillingCycle.FORTNIGHTLY, citation=CITE, purchase_order_required=True
    )
    result = run(
        [
            visit("good", D(2025, 1, 8), T(10), T(11), purchase_order="PO-123"),
            visit("none", D(2025, 1, 9), T(10), T(11)),
            visit("wrong", D(2025, 1, 10), T(10), T(11), purchase_order="PO-999"),
        ],
        packages=[package(purchase_order="PO-123")],
        terms=terms,
    )
    assert [("billing.purchase-order.unknown", "$.records['wrong']")] == codes(result)
    assert ("good", "none") == result.invoices[0].record_ids
    assert Decimal("40.00") == result.net
    assert "PO-123" == result.invoices[0].purchase_order


def test_a_package_without_a_purchase_order_is_refused_only_where_one_is_required() -> None:
    """Where a PO is required, package Q without one is a finding naming Q and is not
    invoiced, while P (on PO-1) is; where none is required, Q is invoiced."""
    required = BillingTerms(
        cycle=BillingCycle.FORTNIGHTLY, citation=CITE, purchase_order_required=True
    )
    packages = [package("P", purchase_order="PO-1"), package("Q")]
    records = [
        visit("p", D(2025, 1, 8), T(10), T(11)),
        visit("q", D(2025, 1, 8), T(10), T(11), package_id="Q"),
    ]
    result = run(records, packages=packages, terms=required, as_of=D(2025, 1, 20))
    assert [("billing.purchase-order.missing", "$.packages['Q']")] == codes(result)
    assert ["P"] == [i.package_id for i in result.invoices]
    relaxed = run(records, packages=packages, as_of=D(2025, 1, 20))
    assert () == relaxed.findings
    assert ["P", "Q"] == [i.package_id for i in relaxed.invoices]


def test_records_on_the_first_and_last_day_of_a_package_are_billed() -> None:
    """Package from Mon 6 Jan to Fri 17 Jan 2025: records on 6 and 17 Jan are billed; on
    5 and 18 Jan they are outside it, each a finding naming it."""
    result = run(
        [
            visit("before", D(2025, 1, 5), T(10), T(11)),
            visit("first", D(2025, 1, 6), T(10), T(11)),
            visit("last", D(2025, 1, 17), T(10), T(11)),
            visit("after", D(2025, 1, 18), T(10), T(11)),
        ],
        packages=[package(end=D(2025, 1, 17))],
    )
    assert [
        ("billing.record.outside-package", "$.records['before']"),
        ("billing.record.outside-package", "$.records['after']"),
    ] == codes(result)
    assert ("first", "last") == result.invoices[0].record_ids


def test_a_record_of_an_unknown_package_is_named() -> None:
    result = run(
        [
            visit("ok", D(2025, 1, 8), T(10), T(11)),
            visit("x", D(2025, 1, 8), T(12), T(13), package_id="Z"),
        ]
    )
    assert [("billing.record.unknown-package", "$.records['x']")] == codes(result)
    assert ("ok",) == result.invoices[0].record_ids


def test_a_rate_outside_its_band_stops_the_package_and_the_band_edges_are_inside() -> None:
    """Band 15-20 an hour: quotes of exactly 15 and 20 are inside (P invoiced); 20.01 is
    outside (a finding naming Q, no invoice for Q)."""
    band = RateBand("care", "Care", Decimal(15), Decimal(20), CITE)
    terms = BillingTerms(cycle=BillingCycle.FORTNIGHTLY, citation=CITE, rate_bands=(band,))
    packages = [package("P"), package("Q")]
    quotes = [
        Quotation("P", (Rate(Decimal(15), FROM), Rate(Decimal(20), D(2025, 2, 1)))),
        Quotation("Q", (Rate(Decimal("20.01"), FROM),)),
    ]
    result = run_invoices("sample", terms, packages, quotes, [], [], D(2025, 1, 20))
    assert [("billing.rate.outside-band", "$.packages['Q']")] == [
        (f.code, f.path) for f in result.findings
    ]
    assert ["P"] == [i.package_id for i in result.invoices]


def test_a_package_with_no_quotation_is_named_and_not_invoiced() -> None:
    packages = [package("P"), package("Q")]
    quotes = [Quotation("P", (STANDARD,)), Quotation("Q", ())]
    result = run_invoices("sample", TERMS, packages, quotes, [], [], D(2025, 1, 20))
    assert [("billing.rate.missing", "$.packages['Q']")] == [
        (f.code, f.path) for f in result.findings
    ]
    assert ["P"] == [i.package_id for i in result.invoices]


# ------------------------------------------------------------------------ mileage
def mileage_terms(requires_agreement: bool, rounding: Rounding = Rounding.HALF_UP) -> BillingTerms:
    policy = MileagePolicy(Decimal("0.45"), MILES, requires_agreement)
    return BillingTerms(
        cycle=BillingCycle.FORTNIGHTLY, citation=CITE, mileage=policy, rounding=rounding
    )


def test_every_field_of_a_mileage_line_and_which_record_is_refused() -> None:
    """Agreement MA-1, made on 8 Jan 2025, is in the quotation: 10 miles on 8 Jan (the day
    of the agreement) at 45p = 4.50, line "(MA-1)". 3.3 miles under MA-2 (not agreed) is a
    finding naming that record's miles; no line. 2 miles on 7 Jan under MA-1, the day
    before it was agreed, is a finding too (not in advance); no line. A record with no
    miles has no mileage line."""
    result = run(
        [
            visit("d", D(2025, 1, 7), T(10), T(11), miles=Decimal(2), mileage_agreement="MA-1"),
            visit("a", D(2025, 1, 8), T(10), T(11), miles=Decimal(10), mileage_agreement="MA-1"),
            visit("b", D(2025, 1, 9), T(10), T(11), miles=Decimal("3.3"), mileage_agreement="MA-2"),
            visit("c", D(2025, 1, 10), T(10), T(11)),
        ],
        (STANDARD,),
        terms=mileage_terms(True),
        agreements=(MileageAgreement("MA-1", D(2025, 1, 8)),),
    )
    assert [
        ("billing.mileage.agreed-after-journey", "$.records['d'].miles"),
        ("billing.mileage.no-agreement", "$.records['b'].miles"),
    ] == codes(result)
    assert [MILES, MILES] == [f.citation for f in result.findings]
    assert [
        "record 'd': 2 miles on 2025-01-07, but mileage agreement 'MA-1' was made on "
        "2025-01-08, after the journey, not in advance; mileage not billed",
        "record 'b': 3.3 miles without a mileage agreement made in advance; mileage not billed",
    ] == [f.message for f in result.findings]
    mileage = [x for x in lines(result) if x.kind is LineKind.MILEAGE]
    assert [
        line(
            kind=LineKind.MILEAGE,
            description="Mileage 2025-01-08 (MA-1)",
            quantity=Decimal(10),
            unit="mile",
            unit_price=Decimal("0.45"),
            amount=Decimal("4.50"),
            rule="mileage",
            citation=MILES,
            date=D(2025, 1, 8),
            record_id="a",
        )
    ] == mileage
    # 4 visits of 60 min at 20 plus 4.50 of mileage.
    assert Decimal("84.50") == result.net


@pytest.mark.parametrize(
    ("rounding", "amount"),
    [
        (Rounding.HALF_UP, "1.49"),
        (Rounding.HALF_EVEN, "1.48"),  # 8 is even
        (Rounding.DOWN, "1.48"),
        (Rounding.UP, "1.49"),
    ],
)
def test_mileage_is_rounded_by_the_councils_mode(rounding: Rounding, amount: str) -> None:
    """3.3 miles x 0.45 = 1.485 exactly, rounded to the penny by the terms' mode."""
    result = run(
        [visit("b", D(2025, 1, 9), T(10), T(11), miles=Decimal("3.3"))],
        (STANDARD,),
        terms=mileage_terms(False, rounding),
    )
    [mileage] = [x for x in lines(result) if x.kind is LineKind.MILEAGE]
    assert Decimal(amount) == mileage.amount


def test_mileage_without_agreement_is_paid_where_none_is_required() -> None:
    """3.3 miles x 0.45 = 1.485, half up to 1.49; no agreement needed, "(no reference)"."""
    result = run(
        [visit("b", D(2025, 1, 9), T(10), T(11), miles=Decimal("3.3"))],
        (STANDARD,),
        terms=mileage_terms(False),
    )
    assert () == result.findings
    [mileage] = [x for x in lines(result) if x.kind is LineKind.MILEAGE]
    assert ("Mileage 2025-01-09 (no reference)", Decimal("3.3"), Decimal("1.49")) == (
        mileage.description,
        mileage.quantity,
        mileage.amount,
    )


def test_mileage_where_the_council_pays_none_is_named() -> None:
    result = run(
        [
            visit("a", D(2025, 1, 8), T(10), T(11)),
            visit("b", D(2025, 1, 9), T(10), T(11), miles=Decimal(2), mileage_agreement="MA-1"),
        ],
        (STANDARD,),
        agreements=(MileageAgreement("MA-1", D(2025, 1, 8)),),
    )
    assert [("billing.mileage.not-payable", "$.records['b'].miles")] == codes(result)
    assert ("a", "b") == result.invoices[0].record_ids
    assert Decimal("40.00") == result.net


# ----------------------------------------------------------- periods, retention, late
def test_an_invoice_waits_until_the_day_after_its_period_ends() -> None:
    """The fortnight 6-19 Jan 2025 is invoiced on 20 Jan, not on 19 Jan (its last day):
    then the record is pending."""
    records = [visit("R", D(2025, 1, 8), T(10), T(11))]
    on_last_day = run(records, as_of=D(2025, 1, 19))
    assert ((), ("R",)) == (on_last_day.invoices, on_last_day.pending)
    next_day = run(records, as_of=D(2025, 1, 20))
    assert [Period(D(2025, 1, 6), D(2025, 1, 19))] == [i.period for i in next_day.invoices]
    assert () == next_day.pending


def test_a_package_ending_mid_period_is_invoiced_after_its_period_ends() -> None:
    """Package 6-10 Jan 2025: the fortnight 6-19 Jan is still invoiced whole, on 20 Jan."""
    result = run(
        [visit("R", D(2025, 1, 10), T(10), T(11))],
        packages=[package(end=D(2025, 1, 10))],
        as_of=D(2025, 1, 20),
    )
    assert [("sample-P-20250106", ("R",))] == [(i.number, i.record_ids) for i in result.invoices]


def test_retention_on_a_small_net_and_none_on_a_zero_net() -> None:
    """5 % retention. Net 0.33 (one minute at 20 = 0.333.. -> 0.33): withheld 0.0165 ->
    0.02, payable 0.31. A fortnight with nothing billed withholds nothing."""
    retention = Retention(Decimal(5), Release.NEXT_FINANCIAL_YEAR_Q1, CITE)
    terms = BillingTerms(cycle=BillingCycle.FORTNIGHTLY, citation=CITE, retention=retention)
    result = run([visit("R", D(2025, 1, 8), T(10), T(10, 1))], terms=terms, as_of=D(2025, 2, 3))
    assert [
        (Decimal("0.33"), Decimal("0.02"), Decimal("0.31")),
        (Decimal(0), Decimal(0), Decimal(0)),
    ] == [(i.net, i.withheld, i.payable) for i in result.invoices]


def test_a_late_record_goes_on_the_first_new_invoice_only() -> None:
    """The fortnight 6-19 Jan was invoiced before; record L (8 Jan) arrives late. Run on
    3 Feb: two new fortnights (20 Jan-2 Feb ... only 20 Jan-2 Feb has ended); L is an
    adjustment line on it, 60 min at 20, and billed once."""
    first = run([], as_of=D(2025, 1, 20))
    late = visit("L", D(2025, 1, 8), T(10), T(11))
    result = run([late], as_of=D(2025, 2, 17), previous=first.invoices)
    assert [D(2025, 1, 20), D(2025, 2, 3)] == [i.period.start for i in result.invoices]
    assert [("L",), ()] == [i.record_ids for i in result.invoices]
    [adjustment] = result.invoices[0].lines
    assert (
        LineKind.ADJUSTMENT,
        "Late record (period already invoiced): delivered 2025-01-08",
        Decimal("1.00"),
        Decimal("20.00"),
        "L",
    ) == (
        adjustment.kind,
        adjustment.description,
        adjustment.quantity,
        adjustment.amount,
        adjustment.record_id,
    )


def test_no_rate_finding_cites_the_terms_and_an_empty_session_needs_none() -> None:
    """The no-rate finding carries the billing terms' citation. A planned session of 0
    minutes from 23:00, under a quotation with only a night rate, is commissioned at the
    night rate in force then: nothing to bill and nothing wrong (no finding, no line)."""
    late_rate = Rate(Decimal(20), D(2025, 2, 1))
    result = run([visit("A", D(2025, 1, 31), T(10), T(11))], (late_rate,))
    assert [CITE] == [f.citation for f in result.findings]
    empty = run([], (NIGHT,), planned=[session("S", D(2025, 1, 8), 0, T(23))])
    assert ((), []) == (empty.findings, lines(empty))


def test_a_visit_into_the_first_day_of_a_rate_bills_the_part_with_a_rate() -> None:
    """The only rate is from 1 Feb 2025. A visit 23:00 on 31 Jan to 01:00 on 1 Feb: the
    first hour has no rate (a finding naming record A), the second is billed, 60 min at
    20 = 20.00."""
    late_rate = Rate(Decimal(20), D(2025, 2, 1))
    result = run([visit("A", D(2025, 1, 31), T(23), T(1))], (late_rate,))
    assert [("billing.rate.none-in-force", "$.records['A']")] == codes(result)
    assert [(Decimal(20), 60, Decimal("20.00"))] == [
        (x.unit_price, x.minutes, x.amount) for x in lines(result)
    ]


# ------------------------------------------------------ held records: which, and the words
def test_a_visit_of_under_a_minute_bills_no_line() -> None:
    """10:00:20-10:00:50 on Wed 8 Jan 2025 is 30 seconds: no whole minute, so no line (not
    a line of 0.00 hours); 10:00:20-10:01:30 is 70 seconds, one whole minute at £20 an hour
    (£0.33)."""
    result = run([visit("R1", D(2025, 1, 8), T(10, 0, 20), T(10, 0, 50))])
    assert ([], []) == (lines(result), codes(result))
    result = run([visit("R1", D(2025, 1, 8), T(10, 0, 20), T(10, 1, 30))])
    assert [(Decimal(20), 1, Decimal("0.33"))] == [
        (line.unit_price, line.minutes, line.amount) for line in lines(result)
    ]


def test_held_records_are_named_with_the_record_they_clash_with() -> None:
    """R2 repeats R1 (same package, worker, start and end); R4 overlaps, by the same
    worker, R3 in another package. Each finding names both records and the package of
    the record held, in the words a contract manager reads."""
    duplicate = run(
        [
            visit("R1", D(2025, 1, 8), T(10), T(11), worker_id="W"),
            visit("R2", D(2025, 1, 8), T(10), T(11), worker_id="W"),
        ]
    )
    assert ["record 'R2' repeats the visit of record 'R1' (package 'P'); not billed"] == [
        f.message for f in duplicate.findings
    ]
    assert [CITE] == [f.citation for f in duplicate.findings]
    overlap = run(
        [
            visit("R3", D(2025, 1, 8), T(10), T(12), worker_id="W", package_id="Q"),
            visit("R4", D(2025, 1, 8), T(11), T(13), worker_id="W"),
        ],
        packages=[package("P"), package("Q")],
    )
    assert [
        "record 'R4' overlaps a visit by the same worker in record 'R3' (package 'P'); not billed"
    ] == [f.message for f in overlap.findings]


@pytest.mark.parametrize(
    ("first_worker", "second_worker", "held"),
    [
        ("A", "B", []),  # two named workers: within a 2:1 ratio
        (None, "B", ["R2"]),  # one unnamed: they may be the same person
        ("A", None, ["R2"]),
        (None, None, ["R2"]),
    ],
)
def test_overlapping_visits_within_a_ratio_need_two_named_workers(
    first_worker: str | None, second_worker: str | None, held: list[str]
) -> None:
    """A 2:1 package: R1 10:00-12:00 and R2 11:00-13:00 overlap. Both are billed only
    when each names its worker (two staff); otherwise R2 is held as an overlap."""
    result = run(
        [
            visit("R1", D(2025, 1, 8), T(10), T(12), worker_id=first_worker),
            visit("R2", D(2025, 1, 8), T(11), T(13), worker_id=second_worker),
        ],
        packages=[package(staff_ratio=StaffRatio(2))],
    )
    assert (held, [("billing.record.overlap", "$.records['R2']")] if held else []) == (
        list(result.held),
        codes(result),
    )
    assert (
        [
            "record 'R2' overlaps, beyond the staff ratio, the visit of record 'R1' (package 'P'); "
            "not billed"
        ]
        if held
        else []
    ) == [f.message for f in result.findings]


def test_a_visit_naming_a_session_not_planned_is_additional_and_keeps_the_name() -> None:
    """R1 names planned session S9, which was never commissioned: it is billed as delivered
    without a commissioned session (1 h at £20), and its line keeps the S9 it named."""
    result = run([visit("R1", D(2025, 1, 8), T(10), T(11), planned_id="S9")])
    assert [(LineKind.ADDITIONAL, "R1", "S9", Decimal("20.00"))] == [
        (line.kind, line.record_id, line.planned_id, line.amount) for line in lines(result)
    ]


def test_a_record_of_no_hours_bills_no_line() -> None:
    """A timesheet row of 0 hours bills nothing (no line of 0.00 hours); 0.5 hours beside
    it is 30 minutes at £20 an hour, £10.00."""
    result = run(
        [
            DeliveryRecord("R1", "P", D(2025, 1, 8), hours=Decimal(0)),
            DeliveryRecord("R2", "P", D(2025, 1, 8), hours=Decimal("0.5")),
        ]
    )
    assert [("R2", 30, Decimal("10.00"))] == [
        (line.record_id, line.minutes, line.amount) for line in lines(result)
    ]
    assert ((), ()) == (result.findings, result.held)  # nothing wrong with 0 hours


def test_a_run_keeps_its_council_and_date() -> None:
    result = run([], as_of=D(2025, 1, 20))
    assert ("sample", D(2025, 1, 20)) == (result.council, result.as_of)
    # The fortnight 6-19 January 2025 (the package starts Monday 6 January) has ended.
    assert [Period(D(2025, 1, 6), D(2025, 1, 19))] == [i.period for i in result.invoices]


def test_refused_records_are_named_in_full_with_the_terms_citation() -> None:
    """Every finding about a record that cannot be billed, whole: code, words, path and
    the citation of the invoicing terms. Package P runs from Mon 6 Jan 2025, open-ended;
    Q from 6 to 31 Jan 2025 with purchase order PO-Q."""
    result = run(
        [
            visit("R1", D(2025, 1, 2), T(10), T(11)),  # before P starts
            visit("R2", D(2025, 2, 3), T(10), T(11), package_id="Q"),  # after Q ends
            visit("R3", D(2025, 1, 8), T(10), T(11), package_id="Q", purchase_order="PO-X"),
            visit("R4", D(2025, 1, 8), T(10), T(11), package_id="Z"),
        ],
        packages=[package("P"), package("Q", end=D(2025, 1, 31), purchase_order="PO-Q")],
    )
    assert [
        (
            "billing.record.outside-package",
            "record 'R1' (2025-01-02) is outside package 'P' (2025-01-06 to open)",
            "$.records['R1']",
        ),
        (
            "billing.record.outside-package",
            "record 'R2' (2025-02-03) is outside package 'Q' (2025-01-06 to 2025-01-31)",
            "$.records['R2']",
        ),
        (
            "billing.purchase-order.unknown",
            "record 'R3' quotes a purchase order that is not package 'Q''s",
            "$.records['R3']",
        ),
        (
            "billing.record.unknown-package",
            "record 'R4' names unknown package 'Z'",
            "$.records['R4']",
        ),
    ] == [(f.code, f.message, f.path) for f in result.findings]
    assert [CITE] * 4 == [f.citation for f in result.findings]


def test_monthly_invoices_take_the_records_of_their_calendar_month() -> None:
    """Monthly billing: 1 h on Wed 15 Jan and 2 h on Mon 3 Feb 2025 at £20 go on the
    January (£20.00) and February (£40.00) invoices, each for its whole calendar month
    (January's although the package starts on the 6th); March has none."""
    monthly = BillingTerms(cycle=BillingCycle.MONTHLY, citation=CITE)
    result = run(
        [
            visit("R1", D(2025, 1, 15), T(10), T(11)),
            visit("R2", D(2025, 2, 3), T(10), T(12)),
        ],
        terms=monthly,
        as_of=D(2025, 4, 1),
    )
    assert [
        (Period(D(2025, 1, 1), D(2025, 1, 31)), ("R1",), Decimal("20.00")),
        (Period(D(2025, 2, 1), D(2025, 2, 28)), ("R2",), Decimal("40.00")),
        (Period(D(2025, 3, 1), D(2025, 3, 31)), (), Decimal(0)),
    ] == [(i.period, i.record_ids, i.net) for i in result.invoices]


def test_every_late_record_is_adjusted_and_one_with_no_rate_is_named() -> None:
    """The fortnight 6-19 Jan was invoiced before, under rates from Fri 10 Jan 2025 (£20
    an hour). Late records L1 (Thu 9 Jan, before any rate), L2 (Mon 13 Jan, 1 h) and L3
    (Tue 14 Jan, 2 h, 10 miles at 45p without need of agreement): L1 is named (no rate in
    force on 9 Jan), L2 and L3 are adjustment lines on the next invoice beside L3's
    mileage: £20.00 + £40.00 + £4.50 = £64.50."""
    rates = (Rate(Decimal(20), D(2025, 1, 10)),)
    terms = mileage_terms(False)
    first = run([], rates, as_of=D(2025, 1, 20), terms=terms)
    late = [
        visit("L1", D(2025, 1, 9), T(10), T(11)),
        visit("L2", D(2025, 1, 13), T(10), T(11)),
        visit("L3", D(2025, 1, 14), T(10), T(12), miles=Decimal(10)),
    ]
    result = run(late, rates, as_of=D(2025, 2, 3), previous=first.invoices, terms=terms)
    assert [("billing.rate.none-in-force", "$.records['L1']")] == codes(result)
    [invoice] = result.invoices
    assert [
        (LineKind.ADJUSTMENT, "L2", Decimal("20.00")),
        (LineKind.ADJUSTMENT, "L3", Decimal("40.00")),
        (LineKind.MILEAGE, "L3", Decimal("4.50")),
    ] == [(line.kind, line.record_id, line.amount) for line in invoice.lines]
    assert (("L1", "L2", "L3"), Decimal("64.50")) == (invoice.record_ids, invoice.net)


def test_late_mileage_where_none_is_paid_is_named() -> None:
    """A late record (8 Jan, its fortnight invoiced before) claiming 5 miles under terms
    that pay no mileage: its hour is adjusted on the next invoice (£20.00), its miles are
    named, not billed."""
    first = run([], as_of=D(2025, 1, 20))
    late = visit("L", D(2025, 1, 8), T(10), T(11), miles=Decimal(5))
    result = run([late], as_of=D(2025, 2, 3), previous=first.invoices)
    assert [("billing.mileage.not-payable", "$.records['L'].miles")] == codes(result)
    assert [("record 'L': this council pays no mileage", CITE)] == [
        (f.message, f.citation) for f in result.findings
    ]
    assert [(LineKind.ADJUSTMENT, Decimal("20.00"))] == [
        (line.kind, line.amount) for line in lines(result)
    ]


def test_an_invoice_with_no_lines_has_money_amounts_not_integers() -> None:
    """An ended fortnight with nothing delivered: net, withheld and payable are Decimal
    zero (pounds, as every amount), never the integer 0."""
    [invoice] = run([], as_of=D(2025, 1, 20)).invoices
    assert [Decimal, Decimal, Decimal] == [
        type(invoice.net),
        type(invoice.withheld),
        type(invoice.payable),
    ]
    assert Decimal(0) == invoice.payable


@pytest.mark.parametrize(
    ("rounding", "withheld"),
    [
        (Rounding.HALF_UP, "0.51"),
        (Rounding.HALF_EVEN, "0.50"),  # 0 is even
        (Rounding.DOWN, "0.50"),
        (Rounding.UP, "0.51"),
    ],
)
def test_retention_is_rounded_by_the_councils_mode(rounding: Rounding, withheld: str) -> None:
    """An hour at £10.10 is a net of £10.10; 5 % of it is 0.505 exactly, rounded to the
    penny by the terms' mode; payable is the net less what is withheld."""
    retention = Retention(Decimal(5), Release.NEXT_FINANCIAL_YEAR_Q1, CITE)
    terms = BillingTerms(
        cycle=BillingCycle.FORTNIGHTLY, citation=CITE, retention=retention, rounding=rounding
    )
    result = run(
        [visit("R", D(2025, 1, 8), T(10), T(11))],
        (Rate(Decimal("10.10"), FROM),),
        terms=terms,
        as_of=D(2025, 1, 20),
    )
    [invoice] = result.invoices
    assert (Decimal("10.10"), Decimal(withheld), Decimal("10.10") - Decimal(withheld)) == (
        invoice.net,
        invoice.withheld,
        invoice.payable,
    )


def test_a_visit_moved_into_the_night_is_short_by_day_and_additional_by_night() -> None:
    """Session S1 is commissioned for 60 minutes from 21:00 on Wed 8 Jan 2025, all at the
    standard £20 (the night starts at 22:00). The visit runs 21:30-22:30: 30 minutes by
    day and 30 by night. Standard: commissioned 60 min £20.00, short by 30 min (£10.00 -
    £20.00 = -£10.00). Night: nothing commissioned (no line), 30 min delivered beyond the
    session at £24 = £12.00. Net £22.00."""
    result = run(
        [visit("V", D(2025, 1, 8), T(21, 30), T(22, 30), planned_id="S1")],
        planned=[session("S1", D(2025, 1, 8), 60, T(21))],
    )
    assert [
        (LineKind.COMMISSIONED, Decimal(20), 60, Decimal("20.00")),
        (LineKind.DEDUCTION, Decimal(20), -30, Decimal("-10.00")),
        (LineKind.ADDITIONAL, Decimal(24), 30, Decimal("12.00")),
    ] == [(line.kind, line.unit_price, line.minutes, line.amount) for line in lines(result)]
    assert Decimal("22.00") == result.net


def test_a_session_with_no_rate_in_force_is_named_by_its_path() -> None:
    """Rates from Fri 10 Jan 2025; session S1 (60 minutes on Wed 8 Jan) has none in force:
    a finding names the session by its path and the day, and no line is made for it. S2
    (30 minutes on Mon 13 Jan, the same fortnight, delivered as planned) is still
    commissioned: £10.00, one line."""
    result = run(
        [visit("V2", D(2025, 1, 13), T(10), T(10, 30), planned_id="S2")],
        (Rate(Decimal(20), D(2025, 1, 10)),),
        planned=[session("S1", D(2025, 1, 8), 60), session("S2", D(2025, 1, 13), 30, T(10))],
        as_of=D(2025, 1, 20),
    )
    assert [
        ("billing.rate.none-in-force", "$.planned['S1']", "no quoted rate in force on 2025-01-08")
    ] == [(f.code, f.path, f.message) for f in result.findings]
    assert [(LineKind.COMMISSIONED, "S2", Decimal("10.00"))] == [
        (line.kind, line.planned_id, line.amount) for line in lines(result)
    ]


def test_packages_that_cannot_be_invoiced_are_named_with_the_terms_citation() -> None:
    """Terms requiring a purchase order: package A has none; package B has one but no
    quotation. Each finding, whole, cites the invoicing terms; neither is invoiced."""
    terms = BillingTerms(
        cycle=BillingCycle.FORTNIGHTLY, citation=CITE, purchase_order_required=True
    )
    packages = [package("A"), package("B", purchase_order="PO-B")]
    result = run_invoices(
        "sample", terms, packages, [Quotation("A", (STANDARD,))], [], [], D(2025, 1, 20)
    )
    assert [
        (
            "billing.purchase-order.missing",
            "package 'A' has no purchase order number",
            "$.packages['A']",
            CITE,
        ),
        ("billing.rate.missing", "package 'B' has no quoted rate", "$.packages['B']", CITE),
    ] == [(f.code, f.message, f.path, f.citation) for f in result.findings]
    assert () == result.invoices


def test_a_rate_is_checked_against_the_band_it_names() -> None:
    """Two bands: day care 15-20 and waking nights 20-30 an hour, each with its own
    citation. P quotes £25 under waking nights: inside it (though outside day care), so P
    is invoiced. Q quotes £35 under waking nights: outside it, named with that band's
    citation and its range. R quotes £35 naming no band: with two bands there is no single
    band to check it against, so it stands."""
    nights_cite = Citation("sample", "4.2", "waking nights are paid within the band")
    day = RateBand("day", "Day care", Decimal(15), Decimal(20), CITE)
    nights = RateBand("nights", "Waking nights", Decimal(20), Decimal(30), nights_cite)
    terms = BillingTerms(cycle=BillingCycle.FORTNIGHTLY, citation=CITE, rate_bands=(day, nights))
    quotes = [
        Quotation("P", (Rate(Decimal(25), FROM, band="nights"),)),
        Quotation("Q", (Rate(Decimal(35), FROM, band="nights"),)),
        Quotation("R", (Rate(Decimal(35), FROM),)),
    ]
    packages = [package("P"), package("Q"), package("R")]
    result = run_invoices("sample", terms, packages, quotes, [], [], D(2025, 1, 20))
    assert [
        (
            "billing.rate.outside-band",
            "package 'Q': rate 35 from 2025-01-01 is outside Waking nights (20-30 per hour)",
            nights_cite,
        )
    ] == [(f.code, f.message, f.citation) for f in result.findings]
    assert ["P", "R"] == [i.package_id for i in result.invoices]


@pytest.mark.parametrize(
    ("record", "hours"),
    [
        # 09:00 on 1 Apr to 09:01 on 2 Apr 2025: 24 h 1 min, 1441 / 60 = 24.0166... h.
        (
            DeliveryRecord(
                "V", "P", D(2025, 4, 1), start=T(9), end=T(9, 1), end_date=D(2025, 4, 2)
            ),
            "24.02",
        ),
        # One worker's 24.05 hours (24 h 3 min) in a day.
        (DeliveryRecord("V", "P", D(2025, 4, 1), hours=Decimal("24.05"), worker_id="W1"), "24.05"),
    ],
)
def test_a_minute_beyond_a_day_is_held(record: DeliveryRecord, hours: str) -> None:
    result = run([record])
    assert [
        (
            "billing.record.beyond-a-day",
            "$.records['V']",
            f"record 'V' is {hours} hours, more than a day; not billed",
            CITE,
        )
    ] == [(f.code, f.path, f.message, f.citation) for f in result.findings]
    assert ("V",) == result.held


def test_a_record_ending_before_it_starts_is_held_with_the_terms_citation() -> None:
    """09:00 on Wed 8 Jan ending 17:00 on Tue 7 Jan 2025."""
    result = run([visit("V", D(2025, 1, 8), T(9), T(17), end_date=D(2025, 1, 7))])
    assert [
        (
            "billing.record.ends-before-start",
            "record 'V' ends before it starts; not billed",
            CITE,
        )
    ] == [(f.code, f.message, f.citation) for f in result.findings]


def test_a_record_id_given_twice_is_named_and_the_first_billed() -> None:
    """R1 at 10:00-11:00 and again (the same id) at 14:00-16:00 on Wed 8 Jan 2025: the
    second is named and not billed; the first is, 1 h at £20."""
    result = run(
        [visit("R1", D(2025, 1, 8), T(10), T(11)), visit("R1", D(2025, 1, 8), T(14), T(16))]
    )
    assert [
        ("billing.record.duplicate", "record id 'R1' appears twice", "$.records['R1']", CITE)
    ] == [(f.code, f.message, f.path, f.citation) for f in result.findings]
    assert [("R1", Decimal("20.00"))] == [(li.record_id, li.amount) for li in lines(result)]


def test_one_workers_back_to_back_visits_are_both_billed() -> None:
    """Worker W visits P 10:00-11:00 and Q 11:00-12:00 on Wed 8 Jan 2025: the first ends
    as the second begins, no overlap, both billed (£20.00 each)."""
    result = run(
        [
            visit("R1", D(2025, 1, 8), T(10), T(11), worker_id="W"),
            visit("R2", D(2025, 1, 8), T(11), T(12), worker_id="W", package_id="Q"),
        ],
        packages=[package("P"), package("Q")],
    )
    assert ((), ()) == (result.findings, result.held)
    assert [("R1", Decimal("20.00")), ("R2", Decimal("20.00"))] == sorted(
        (li.record_id, li.amount) for li in lines(result)
    )
