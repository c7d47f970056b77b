"""Billing in elapsed time, split at rate boundaries by local time, and implausible
delivery records as findings (#17). Every expected value is worked by hand below.

Clock changes used: 30 Mar 2025 01:00 GMT -> 02:00 BST (the night is an hour short);
26 Oct 2025 02:00 BST -> 01:00 GMT (the night is an hour long). Easter Monday 21 Apr 2025
is an England and Wales bank holiday; 20 Apr is a Sunday.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from childcare_commissioning.billing import (
    BillingCycle,
    BillingTerms,
    DeliveryRecord,
    InvoiceLine,
    InvoiceRun,
    LineKind,
    PlannedSession,
    Quotation,
    Rate,
    RateCondition,
    run_invoices,
)
from childcare_commissioning.billing.records import elapsed_minutes, local_interval
from childcare_commissioning.calendars import TimeWindow
from childcare_commissioning.model import Citation, Package, StaffRatio
from childcare_commissioning.money import to_penny

D = dt.date
T = dt.time
CITE = Citation("plymouth", "3.3", "accurately reflects the services the Provider has delivered")
TERMS = BillingTerms(cycle=BillingCycle.FORTNIGHTLY, citation=CITE)
STANDARD = Rate(Decimal(20), D(2025, 1, 1))
NIGHT = Rate(Decimal(24), D(2025, 1, 1), RateCondition.NIGHT, TimeWindow(T(22), T(7)))
WEEKEND = Rate(Decimal(22), D(2025, 1, 1), RateCondition.WEEKEND)
BANK_HOLIDAY = Rate(Decimal(30), D(2025, 1, 1), RateCondition.BANK_HOLIDAY)


def package(pid: str = "P", **kw: object) -> Package:
    return Package(pid, "sample", "YP-1", D(2025, 1, 6), None, **kw)  # type: ignore[arg-type]


def run(
    records: list[DeliveryRecord],
    rates: tuple[Rate, ...] = (STANDARD,),
    planned: list[PlannedSession] | None = None,
    packages: list[Package] | None = None,
    council: str = "sample",
) -> InvoiceRun:
    packages = packages or [package()]
    quotes = [Quotation(p.id, rates) for p in packages]
    return run_invoices(council, TERMS, packages, quotes, planned or [], records, D(2025, 12, 31))


def lines(result: InvoiceRun) -> list[InvoiceLine]:
    return [line for invoice in result.invoices for line in invoice.lines]


def visit(rid: str, day: dt.date, start: dt.time, end: dt.time, **kw: object) -> DeliveryRecord:
    return DeliveryRecord(rid, kw.pop("package_id", "P"), day, start=start, end=end, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("day", "minutes", "amount"),
    [
        # 22:00 BST Sat 25 Oct (21:00Z) to 07:00 GMT Sun 26 Oct (07:00Z): 10 h, £200.
        (D(2025, 10, 25), 600, Decimal("200.00")),
        # 22:00 GMT Sat 29 Mar (22:00Z) to 07:00 BST Sun 30 Mar (06:00Z): 8 h, £160.
        (D(2025, 3, 29), 480, Decimal("160.00")),
        # An ordinary night, 22:00-07:00 GMT on 8-9 Jan: 9 h, £180.
        (D(2025, 1, 8), 540, Decimal("180.00")),
    ],
)
def test_night_shift_hours_are_elapsed_time(day: dt.date, minutes: int, amount: Decimal) -> None:
    result = run([visit("V", day, T(22), T(7))])
    [line] = lines(result)
    assert (minutes, Decimal(minutes) / 60, amount) == (line.minutes, line.quantity, line.amount)
    assert [] == list(result.findings)


def test_local_interval_of_the_repeated_hour() -> None:
    """01:30 on 26 Oct 2025 happens twice; fold 0 (BST, 00:30Z) is read by default. A visit
    01:30 (first) to 01:30 (second, fold=1) is one hour elapsed."""
    begin, finish = local_interval(D(2025, 10, 26), T(1, 30), T(1, 30, fold=1), D(2025, 10, 26))
    assert dt.datetime(2025, 10, 26, 0, 30, tzinfo=dt.UTC) == begin.astimezone(dt.UTC)
    assert 60 == elapsed_minutes(begin, finish)


def test_a_visit_is_split_at_the_night_window_by_local_time() -> None:
    """Tue 1 Apr 2025 20:00 to Wed 2 Apr 01:00 BST, standard £20, night (22:00-07:00) £24:
    20:00-22:00 is 2 h standard = £40.00; 22:00-01:00 is 3 h night = £72.00."""
    result = run([visit("V", D(2025, 4, 1), T(20), T(1))], (STANDARD, NIGHT))
    assert [
        ("rate-standard", 120, Decimal("2.00"), Decimal("40.00")),
        ("rate-night", 180, Decimal("3.00"), Decimal("72.00")),
    ] == [(li.rule, li.minutes, li.quantity, li.amount) for li in lines(result)]


def test_the_night_window_ends_at_seven_local_time_after_the_autumn_change() -> None:
    """Sat 25 Oct 2025 21:00 BST to Sun 26 Oct 08:00 GMT. Standard 21:00-22:00 BST = 1 h;
    night 22:00 BST to 07:00 GMT = 10 h (the repeated hour is inside it); standard
    07:00-08:00 GMT = 1 h. Standard 2 h x £20 = £40; night 10 h x £24 = £240."""
    result = run([visit("V", D(2025, 10, 25), T(21), T(8))], (STANDARD, NIGHT))
    assert [("rate-standard", 120, Decimal("40.00")), ("rate-night", 600, Decimal("240.00"))] == [
        (li.rule, li.minutes, li.amount) for li in lines(result)
    ]


def test_a_visit_is_split_at_midnight_into_a_bank_holiday() -> None:
    """Easter Sunday 20 Apr 2025 20:00 to Easter Monday 21 Apr 02:00 BST. Sunday time is
    weekend time: 4 h x £22 = £88.00. From midnight it is a bank holiday: 2 h x £30 =
    £60.00. Total £148.00."""
    result = run([visit("V", D(2025, 4, 20), T(20), T(2))], (STANDARD, WEEKEND, BANK_HOLIDAY))
    assert [
        ("rate-weekend", 240, Decimal("88.00")),
        ("rate-bank-holiday", 120, Decimal("60.00")),
    ] == [(li.rule, li.minutes, li.amount) for li in lines(result)]
    [invoice] = [i for i in result.invoices if i.lines]
    assert Decimal("148.00") == invoice.net


def test_bank_holiday_beats_night_and_night_beats_weekend() -> None:
    """Easter Monday 21 Apr 2025 23:00 to Tue 22 Apr 01:00, and Sat 26 Apr 23:00 to Sun 27
    Apr 00:30. Bank holiday 23:00-24:00 = £30; night 00:00-01:00 Tue = £24. Saturday
    night 23:00-00:30 is night time (90 min x £24 = £36), not weekend time."""
    rates = (STANDARD, NIGHT, WEEKEND, BANK_HOLIDAY)
    result = run(
        [visit("A", D(2025, 4, 21), T(23), T(1)), visit("B", D(2025, 4, 26), T(23), T(0, 30))],
        rates,
    )
    assert [
        ("A", "rate-bank-holiday", 60, Decimal("30.00")),
        ("A", "rate-night", 60, Decimal("24.00")),
        ("B", "rate-night", 90, Decimal("36.00")),
    ] == [(li.record_id, li.rule, li.minutes, li.amount) for li in lines(result)]


def test_a_commissioned_session_is_split_and_deducted_per_rate() -> None:
    """Commissioned Tue 1 Apr 2025 20:00 for 5 h: 2 h standard (£40.00) and 3 h night
    (£72.00). Delivered 20:00-00:00: 2 h standard, 2 h night. Deduction: night 1 h =
    -£24.00. Net £88.00 = 2 h x £20 + 2 h x £24 delivered."""
    result = run(
        [visit("V", D(2025, 4, 1), T(20), T(0), planned_id="S")],
        (STANDARD, NIGHT),
        planned=[PlannedSession("S", "P", D(2025, 4, 1), 300, T(20))],
    )
    assert [
        (LineKind.COMMISSIONED, "rate-standard", 120, Decimal("40.00")),
        (LineKind.COMMISSIONED, "rate-night", 180, Decimal("72.00")),
        (LineKind.DEDUCTION, "commissioned-not-delivered", -60, Decimal("-24.00")),
    ] == [(li.kind, li.rule, li.minutes, li.amount) for li in lines(result)]
    assert Decimal("88.00") == sum(li.amount for li in lines(result))


def test_every_service_line_recomputes_from_its_minutes_and_price() -> None:
    """A finance officer's check: amount = unit price x minutes / 60, to the penny, on
    every line that is not a difference of two rounded values. 20 minutes at £20 is
    £6.67 (6.666... rounded half up)."""
    result = run(
        [
            visit("A", D(2025, 4, 1), T(9), T(9, 20)),
            visit("B", D(2025, 4, 20), T(20), T(2)),
            visit("C", D(2025, 10, 25), T(21), T(8)),
        ],
        (STANDARD, NIGHT, WEEKEND, BANK_HOLIDAY),
    )
    checked = [li for li in lines(result) if li.minutes is not None]
    # A: 1 line (standard). B: Sunday 20:00-22:00 weekend, 22:00-24:00 night (night beats
    # weekend), Monday 00:00-02:00 bank holiday: 3 lines. C (Saturday into Sunday):
    # weekend 21:00-22:00 and 07:00-08:00 (one line, 2 h), night 22:00-07:00: 2 lines.
    assert [("A", 20), ("B", 120), ("B", 120), ("B", 120), ("C", 120), ("C", 600)] == [
        (li.record_id, li.minutes) for li in checked
    ]
    for line in checked:
        assert line.minutes is not None
        assert line.amount == to_penny(line.unit_price * line.minutes / 60, TERMS.rounding)
    assert Decimal("6.67") == next(li.amount for li in checked if li.record_id == "A")


# --- implausible records -----------------------------------------------------------------


def codes_for(result: InvoiceRun) -> dict[str, str]:
    return {f.path: f.code for f in result.findings}


def test_a_record_that_ends_before_it_starts_is_held() -> None:
    """09:00 on 2 Apr ending 17:00 on 1 Apr: a finding, nothing billed."""
    result = run([visit("V", D(2025, 4, 2), T(9), T(17), end_date=D(2025, 4, 1))])
    assert {"$.records['V']": "billing.record.ends-before-start"} == codes_for(result)
    assert (["V"], []) == (list(result.held), lines(result))


@pytest.mark.parametrize(
    "record",
    [
        # 09:00 on 1 Apr to 10:00 on 2 Apr: 25 h.
        DeliveryRecord("V", "P", D(2025, 4, 1), start=T(9), end=T(10), end_date=D(2025, 4, 2)),
        # One worker's 25 hours in a day.
        DeliveryRecord("V", "P", D(2025, 4, 1), hours=Decimal(25), worker_id="W1"),
    ],
)
def test_a_visit_longer_than_a_day_is_held(record: DeliveryRecord) -> None:
    result = run([record])
    assert {"$.records['V']": "billing.record.beyond-a-day"} == codes_for(result)
    assert ["V"] == list(result.held)


def test_exactly_a_day_is_billed() -> None:
    """09:00 on 1 Apr to 09:00 on 2 Apr is 24 h: plausible, £480."""
    result = run([visit("V", D(2025, 4, 1), T(9), T(9), end_date=D(2025, 4, 2))])
    assert [] == list(result.findings)
    assert [Decimal("480.00")] == [li.amount for li in lines(result)]


def test_the_same_visit_under_two_ids_is_billed_once() -> None:
    """V1 and V2: same package, worker and times. V1 (first by id) is billed; V2 is held."""
    result = run(
        [
            visit("V2", D(2025, 4, 1), T(9), T(12), worker_id="W1"),
            visit("V1", D(2025, 4, 1), T(9), T(12), worker_id="W1"),
        ]
    )
    assert {"$.records['V2']": "billing.record.duplicate-visit"} == codes_for(result)
    assert [("V1", Decimal("60.00"))] == [(li.record_id, li.amount) for li in lines(result)]


def test_one_worker_in_two_places_at_once() -> None:
    """W1 visits package A 09:00-12:00 and package B 11:00-13:00 on 1 Apr: the later visit
    is held; A is billed."""
    result = run(
        [
            visit("A1", D(2025, 4, 1), T(9), T(12), worker_id="W1", package_id="A"),
            visit("B1", D(2025, 4, 1), T(11), T(13), worker_id="W1", package_id="B"),
        ],
        packages=[package("A"), package("B")],
    )
    assert {"$.records['B1']": "billing.record.overlap"} == codes_for(result)
    assert ["A1"] == [li.record_id for li in lines(result)]


@pytest.mark.parametrize(("ratio", "held"), [(None, ["V2"]), (StaffRatio(2), [])])
def test_overlapping_visits_of_one_package_beyond_its_staff_ratio(
    ratio: StaffRatio | None, held: list[str]
) -> None:
    """Two workers on one package 09:00-12:00 and 10:00-11:00: one too many for a package
    of one worker; allowed for a 2:1 package."""
    result = run(
        [
            visit("V1", D(2025, 4, 1), T(9), T(12), worker_id="W1"),
            visit("V2", D(2025, 4, 1), T(10), T(11), worker_id="W2"),
        ],
        packages=[package(staff_ratio=ratio)],
    )
    assert held == list(result.held)


def test_a_package_of_another_council_is_not_invoiced() -> None:
    other = Package("X", "derby", "YP-1", D(2025, 1, 6))
    result = run([visit("V", D(2025, 4, 1), T(9), T(12), package_id="X")], packages=[other])
    assert "billing.package.other-council" in {f.code for f in result.findings}
    assert [] == list(result.invoices)
