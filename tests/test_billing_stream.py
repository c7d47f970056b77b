"""Streaming invoice runs agree with the batch run to the penny, package by package.

The property tests generate several packages (rates with an uplift, a night window, weekend
and bank-holiday rates; fortnightly, four-weekly and monthly cycles; retention), planned
sessions and records of every kind the batch run judges: delivered by times or in hours,
missed and cancelled, overnight and across the clock changes, with and without mileage
agreements, outside the package's dates, quoting a wrong purchase order, ending before they
start, longer than a day, repeating a visit, overlapping a worker's other visit, repeating
an id, naming an unknown package. The batch run is the oracle: the stream must give the same
invoices (every line), the same findings, the same pending and held records. Record ids and
workers are scoped to their package, the case the stream is exact for (the module docstring
names the two cross-package checks only the batch run makes; tests below pin them down).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from childcare_commissioning.billing import (
    BillingCycle,
    BillingTerms,
    DeliveryRecord,
    InvoiceRun,
    MileageAgreement,
    MileagePolicy,
    PackageInvoices,
    PlannedSession,
    Quotation,
    Rate,
    RateBand,
    RateCondition,
    RecordStatus,
    Release,
    Retention,
    UngroupedInputError,
    collect_run,
    run_invoices,
    stream_invoices,
)
from childcare_commissioning.calendars import TimeWindow
from childcare_commissioning.model import Citation, Package, StaffRatio

D = dt.date
T = dt.time
CITE = Citation("sample", "1", "invoices in arrears")
BAND = RateBand("hourly", "Hourly", Decimal(15), Decimal(25), CITE)
FIRST = D(2025, 3, 10)  # the year crosses 30 March and 26 October 2025, and Easter


def terms(cycle: BillingCycle, retention: bool) -> BillingTerms:
    return BillingTerms(
        cycle,
        CITE,
        purchase_order_required=True,
        rate_bands=(BAND,),
        mileage=MileagePolicy(Decimal("0.45"), CITE),
        retention=Retention(Decimal(5), Release.NEXT_FINANCIAL_YEAR_Q1, CITE)
        if retention
        else None,
    )


@st.composite
def package_inputs(
    draw: st.DrawFn, index: int
) -> tuple[Package, Quotation | None, list[PlannedSession], list[DeliveryRecord]]:
    pid = f"P{index}"
    start = FIRST + dt.timedelta(days=draw(st.integers(0, 30)))
    end = draw(st.none() | st.just(start + dt.timedelta(days=draw(st.integers(20, 250)))))
    council = draw(st.sampled_from(["sample"] * 9 + ["other"]))
    purchase_order = draw(st.sampled_from([f"PO{index}"] * 9 + [None]))
    ratio = draw(st.none() | st.just(StaffRatio(2, 1)))
    package = Package(
        pid, council, f"YP{index}", start, end, purchase_order=purchase_order, staff_ratio=ratio
    )
    base = Decimal(draw(st.integers(1400, 2000))) / 100  # below £15 is outside the band
    rates = [Rate(base, start, band="hourly")]
    if draw(st.booleans()) and start < D(2025, 4, 1):  # an uplift; one rate of a kind a day
        rates.append(Rate(base + Decimal("0.37"), D(2025, 4, 1), band="hourly"))
    if draw(st.booleans()):
        window = draw(st.sampled_from([TimeWindow(T(22), T(7)), TimeWindow(T(20), T(23))]))
        rates.append(Rate(base + 2, start, RateCondition.NIGHT, window))
    if draw(st.booleans()):
        rates.append(Rate(base + Decimal("1.11"), start, RateCondition.WEEKEND))
    if draw(st.booleans()):
        rates.append(Rate(base + 4, start, RateCondition.BANK_HOLIDAY))
    quotation = draw(
        st.sampled_from(
            [Quotation(pid, rates, (MileageAgreement(f"MA{index}", D(2025, 1, 1)),))] * 9 + [None]
        )
    )
    day = st.integers(-5, 260).map(lambda n: FIRST + dt.timedelta(days=n))
    minute = st.integers(0, 23 * 4 + 3).map(lambda q: T(q // 4, q % 4 * 15))
    sessions = []
    for s in range(draw(st.integers(0, 6))):
        sessions.append(
            PlannedSession(
                f"{pid}-S{s}",
                pid,
                draw(day),
                draw(st.sampled_from([0, 60, 120, 180])),
                draw(st.none() | minute),
            )
        )
    records = []
    for r in range(draw(st.integers(0, 12))):
        rid = f"{pid}-R{r}" if draw(st.integers(0, 15)) else f"{pid}-R0"  # a repeated id
        status = draw(st.sampled_from(list(RecordStatus) + [RecordStatus.DELIVERED] * 5))
        planned_id = draw(st.none() | st.sampled_from([s.id for s in sessions] or [None]))  # type: ignore[list-item]
        worker = draw(st.sampled_from([None, f"{pid}-W1", f"{pid}-W2"]))
        miles = Decimal(draw(st.sampled_from([0, 0, 12])))
        agreement = draw(st.sampled_from([f"MA{index}", f"MA{index}", None]))
        record_day = draw(day)
        po = draw(st.sampled_from([None] * 8 + [f"PO{index}", "PO-wrong"]))
        if status is not RecordStatus.DELIVERED:
            records.append(
                DeliveryRecord(
                    rid, pid, record_day, status, planned_id=planned_id, purchase_order=po
                )
            )
            continue
        if draw(st.integers(0, 5)) == 0:
            hours = Decimal(draw(st.integers(1, 8 * 4))) / 4
            records.append(
                DeliveryRecord(
                    rid, pid, record_day, hours=hours, worker_id=worker, planned_id=planned_id
                )
            )
            continue
        begin = draw(minute)
        finish = draw(minute)
        end_date = draw(
            st.sampled_from([None] * 6 + [record_day + dt.timedelta(days=2), record_day])
        )
        records.append(
            DeliveryRecord(
                rid,
                pid,
                record_day,
                start=begin,
                end=finish,
                end_date=end_date,
                worker_id=worker,
                planned_id=planned_id,
                miles=miles,
                mileage_agreement=agreement,
                purchase_order=po,
            )
        )
    if records and draw(st.integers(0, 3)) == 0:  # the same visit again under a new id
        records.append(attrs.evolve(draw(st.sampled_from(records)), id=f"{pid}-again"))
    return package, quotation, sessions, records


@st.composite
def national_batches(draw: st.DrawFn) -> dict[str, object]:
    count = draw(st.integers(1, 4))
    parts = [draw(package_inputs(index)) for index in range(count)]
    packages = [p for p, _, _, _ in parts]
    # Records of a package no one gave (between two known packages' groups).
    stray = [
        DeliveryRecord(f"X-R{i}", "PX", FIRST, hours=Decimal(1))
        for i in range(draw(st.integers(0, 2)))
    ]
    records: list[DeliveryRecord] = []
    for index, (_, _, _, package_records) in enumerate(parts):
        records += package_records
        if index == 0:
            records += stray
    return {
        "terms": terms(draw(st.sampled_from(list(BillingCycle)[:3])), draw(st.booleans())),
        "packages": packages,
        "quotations": [q for _, q, _, _ in parts if q is not None],
        "planned": [s for _, _, sessions, _ in parts for s in sessions],
        "records": records,
        "as_of": FIRST + dt.timedelta(days=draw(st.integers(0, 300))),
        "split": FIRST + dt.timedelta(days=draw(st.integers(0, 300))),
    }


def canonical(run: InvoiceRun) -> tuple[object, ...]:
    """A run with its findings as a multiset (the two runs report them in different
    orders: the batch run check by check over all packages, the stream package by
    package)."""
    return (run.invoices, Counter(run.findings), run.pending, run.held, run.net)


def both(
    batch: dict[str, object], previous: tuple[object, ...] = ()
) -> tuple[InvoiceRun, InvoiceRun]:
    args = (
        "sample",
        batch["terms"],
        batch["packages"],
        batch["quotations"],
        batch["planned"],
        batch["records"],
        batch["as_of"],
        previous,
    )
    expected = run_invoices(*args)  # type: ignore[arg-type]
    streamed = collect_run("sample", batch["as_of"], stream_invoices(*args))  # type: ignore[arg-type]
    return expected, streamed


@given(national_batches())
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_stream_gives_the_batch_run_to_the_penny(batch: dict[str, object]) -> None:
    expected, streamed = both(batch)
    assert canonical(expected) == canonical(streamed)


@given(national_batches())
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_stream_after_an_earlier_run_gives_the_batch_run(batch: dict[str, object]) -> None:
    """Late records (their period invoiced by an earlier run) become adjustments or stay
    pending in the stream exactly as in the batch run."""
    first = run_invoices(
        "sample",
        batch["terms"],  # type: ignore[arg-type]
        batch["packages"],  # type: ignore[arg-type]
        batch["quotations"],  # type: ignore[arg-type]
        batch["planned"],  # type: ignore[arg-type]
        batch["records"][: len(batch["records"]) // 2],  # type: ignore[index, arg-type]
        batch["split"],  # type: ignore[arg-type]
    )
    expected, streamed = both(batch, first.invoices)
    assert canonical(expected) == canonical(streamed)


TERMS = terms(BillingCycle.FORTNIGHTLY, retention=False)
P1 = Package("P1", "sample", "YP1", D(2025, 3, 3), purchase_order="PO1")
P2 = Package("P2", "sample", "YP2", D(2025, 3, 3), purchase_order="PO2")
QUOTES = [
    Quotation("P1", [Rate(Decimal(18), D(2025, 3, 3))]),
    Quotation("P2", [Rate(Decimal(20), D(2025, 3, 3))]),
]
AS_OF = D(2025, 3, 17)  # the fortnight 3-16 March 2025 has ended


def visit(
    rid: str, package: str, day: dt.date, start: dt.time, end: dt.time, **kw: object
) -> DeliveryRecord:
    return DeliveryRecord(rid, package, day, start=start, end=end, **kw)  # type: ignore[arg-type]


def stream(
    records: list[DeliveryRecord], planned: list[PlannedSession] | None = None
) -> list[PackageInvoices]:
    return list(stream_invoices("sample", TERMS, [P1, P2], QUOTES, planned or [], records, AS_OF))


def test_one_result_per_package_in_the_order_given_with_its_invoice() -> None:
    """P1 has a visit 10:00-12:00 on Tue 4 March at £18 = £36.00; P2 has no records but
    still gets its (empty, £0.00) invoice for 3-16 March, as in the batch run."""
    results = stream([visit("R1", "P1", D(2025, 3, 4), T(10), T(12))])
    assert ["P1", "P2"] == [r.package_id for r in results]
    assert [Decimal("36.00"), Decimal(0)] == [r.invoices[0].net for r in results]


def test_records_not_grouped_by_package_are_refused_naming_the_record() -> None:
    records = [
        visit("R1", "P1", D(2025, 3, 4), T(10), T(12)),
        visit("R2", "P2", D(2025, 3, 4), T(10), T(12)),
        visit("R3", "P1", D(2025, 3, 5), T(10), T(12)),
    ]
    with pytest.raises(
        UngroupedInputError, match=r"record 'R3' of package 'P1'.*\[grouped-by-package\]"
    ):
        stream(records)


def test_planned_sessions_out_of_order_are_refused() -> None:
    planned = [
        PlannedSession("S2", "P2", D(2025, 3, 4), 60),
        PlannedSession("S1", "P1", D(2025, 3, 4), 60),
    ]
    with pytest.raises(UngroupedInputError, match="planned session 'S1' of package 'P1'"):
        stream([], planned)


def test_a_quotation_out_of_order_is_refused() -> None:
    """Quotations too come in the packages' order: P2's before P1's is refused, never
    matched up by holding every quotation."""
    with pytest.raises(UngroupedInputError, match="quotation 'P1' of package 'P1'"):
        list(stream_invoices("sample", TERMS, [P1, P2], QUOTES[::-1], [], [], AS_OF))


P3 = Package("P3", "sample", "YP3", D(2025, 3, 3), purchase_order="PO3")


def test_a_group_met_again_after_a_later_package_names_its_first_item() -> None:
    """Planned sessions for P2 then P1 (S1, S1b), packages P1, P2, P3: P1 is invoiced
    with no sessions (its group had not come yet), P2 with S2, and when P3 is taken the
    next group is P1's, already invoiced. The error names the kind of item, the first of
    that group (S1, not S1b) and the package, and says how to fix the input."""
    planned = [
        PlannedSession("S2", "P2", D(2025, 3, 4), 60),
        PlannedSession("S1", "P1", D(2025, 3, 4), 60),
        PlannedSession("S1b", "P1", D(2025, 3, 5), 60),
    ]
    quotes = [*QUOTES, Quotation("P3", [Rate(Decimal(21), D(2025, 3, 3))])]
    results = stream_invoices("sample", TERMS, [P1, P2, P3], quotes, planned, [], AS_OF)
    assert ["P1", "P2"] == [next(results).package_id, next(results).package_id]
    with pytest.raises(UngroupedInputError) as raised:
        next(results)
    error = raised.value
    assert ("planned session", "S1", "P1") == (error.what, error.item_id, error.package_id)
    assert (
        "planned session 'S1' of package 'P1' comes after that package was invoiced: a "
        "streaming run needs planned sessions grouped by package, in the order the packages "
        "are given (sort the input by package first) [grouped-by-package]"
    ) == str(error)


def test_items_left_over_at_the_end_name_their_package() -> None:
    """Quotations P2 then P1 with packages P1, P2: P1's quotation is still unread when
    the packages run out, so the run ends refusing it, naming it and its package."""
    with pytest.raises(UngroupedInputError) as raised:
        list(stream_invoices("sample", TERMS, [P1, P2], QUOTES[::-1], [], [], AS_OF))
    assert ("quotation", "P1", "P1") == (
        raised.value.what,
        raised.value.item_id,
        raised.value.package_id,
    )


def test_a_collected_run_keeps_its_council_and_date() -> None:
    run = collect_run("sample", AS_OF, stream([visit("R1", "P1", D(2025, 3, 4), T(10), T(12))]))
    assert ("sample", AS_OF) == (run.council, run.as_of)
    assert Decimal("36.00") == run.net  # 2 h at the quoted £18


def test_records_of_an_unknown_package_are_findings_in_their_own_result() -> None:
    results = stream([DeliveryRecord("X1", "PX", D(2025, 3, 4), hours=Decimal(1))])
    assert [False, True, True] == sorted(r.known for r in results)
    unknown = [r for r in results if r.known is False]
    assert [("PX", ["billing.record.unknown-package"])] == [
        (r.package_id, [f.code for f in r.findings]) for r in unknown
    ]


def test_the_stream_reads_only_as_far_as_the_package_it_yields() -> None:
    """Memory stays flat because the stream never reads ahead more than one record past
    the package it is invoicing: after the first result, the records of P2 are unread
    except the one that ended P1's group."""
    read: list[str] = []

    def records() -> Iterator[DeliveryRecord]:
        for rid, package in [("R1", "P1"), ("R2", "P1"), ("R3", "P2"), ("R4", "P2")]:
            read.append(rid)
            yield visit(rid, package, D(2025, 3, 4), T(10 + len(read)), T(11 + len(read)))

    results = stream_invoices("sample", TERMS, [P1, P2], QUOTES, [], records(), AS_OF)
    first = next(results)
    assert ("P1", ["R1", "R2", "R3"]) == (first.package_id, read)
    assert ("R1", "R2") == first.invoices[0].record_ids
    assert "P2" == next(results).package_id


def test_a_worker_overlapping_across_packages_is_judged_within_each_package() -> None:
    """The documented difference: worker W visits P1 10:00-12:00 and P2 11:00-13:00 on
    4 March. The batch run holds the later visit (R2, an overlap); the stream, which sees
    one package at a time, bills both (2 h at £18 = £36.00 and 2 h at £20 = £40.00)."""
    records = [
        visit("R1", "P1", D(2025, 3, 4), T(10), T(12), worker_id="W"),
        visit("R2", "P2", D(2025, 3, 4), T(11), T(13), worker_id="W"),
    ]
    batch = run_invoices("sample", TERMS, [P1, P2], QUOTES, [], records, AS_OF)
    assert ("R2",) == batch.held
    streamed = collect_run("sample", AS_OF, stream(records))
    assert () == streamed.held
    assert Decimal("76.00") == streamed.net
