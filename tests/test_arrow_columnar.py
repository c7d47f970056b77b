"""The Arrow path's columnar invoice engine (#42) against the scalar run, line by line.

Generated packages put visits and planned sessions on every boundary the engine computes
with integer kernels: midnight, the edges of night windows (crossing midnight or not),
weekends, England and Wales bank holidays, both clock changes of 2025 (a visit in the
spring gap, one in the repeated autumn hour), a rate uplift, deductions (missed,
cancelled, short), additional time, mileage under agreements (one made after the journey:
a finding, so that package falls back to the scalar code), overlapping visits (held),
every rounding mode, every invoicing cycle (a contract's, per package) and nil invoices or
not. :func:`~childcare_commissioning.arrow.invoice_lines_batches` must give the scalar
run's lines (every column), findings, pending and held records; where the scalar run finds
nothing the engine does not find itself, the engine invoices every package.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from childcare_commissioning import arrow
from childcare_commissioning.arrow import _batches
from childcare_commissioning.billing import (
    BillingCycle,
    BillingTerms,
    DeliveryRecord,
    MileageAgreement,
    MileagePolicy,
    PlannedSession,
    Quotation,
    Rate,
    RateCondition,
    RecordStatus,
    stream_invoices,
)
from childcare_commissioning.calendars import TimeWindow
from childcare_commissioning.model import Citation, Package
from childcare_commissioning.money import Rounding

CITE = Citation("test", "1", "invoiced in arrears")
MILES = Citation("test", "2", "mileage agreed in advance")
D, T = dt.date, dt.time
#: Days on every boundary: the spring change (30 March) and the autumn change (26 October)
#: with their neighbours, Good Friday and Easter Monday, the early May bank holiday,
#: Christmas and Boxing Day, a plain weekend, the day of the April uplift.
DAYS = [
    D(2025, 3, 28), D(2025, 3, 29), D(2025, 3, 30), D(2025, 3, 31), D(2025, 4, 1),
    D(2025, 4, 17), D(2025, 4, 18), D(2025, 4, 21), D(2025, 5, 4), D(2025, 5, 5),
    D(2025, 10, 25), D(2025, 10, 26), D(2025, 10, 27), D(2025, 12, 24), D(2025, 12, 25),
    D(2025, 12, 26), D(2025, 12, 27),
]  # fmt: skip
#: Times on every edge: midnight, the night windows' edges and a minute either side, the
#: spring gap (01:30 does not exist on 30 March) and the repeated autumn hour.
TIMES = [T(0), T(0, 1), T(1), T(1, 30), T(2), T(6, 59), T(7), T(9, 15), T(21, 59), T(22)]
TIMES += [T(22, 1), T(23, 30), T(23, 59), T(20), T(5, 45)]
WINDOWS = [TimeWindow(T(22), T(7)), TimeWindow(T(20), T(6)), TimeWindow(T(21), T(23, 30))]


@st.composite
def packages(draw: st.DrawFn) -> dict[str, Any]:
    """Up to three packages, each with rates, sessions and at least one record."""
    made: dict[str, Any] = {"packages": [], "quotations": [], "planned": [], "records": []}
    made["cycles"] = {}
    for p in range(draw(st.integers(1, 3))):
        pid = f"PKG-{p}"
        start = draw(st.sampled_from([D(2025, 3, 3), D(2025, 3, 24), D(2025, 3, 28)]))
        made["packages"].append(Package(pid, "test", f"YP{p}", start, purchase_order=f"PO{p}"))
        base = Decimal(draw(st.integers(1500, 2500))) / 100
        rates = [Rate(base, start), Rate(base + Decimal("0.37"), D(2025, 4, 1))]
        if draw(st.booleans()):
            window = draw(st.sampled_from(WINDOWS))
            rates.append(Rate(base + 2, start, RateCondition.NIGHT, window))
        if draw(st.booleans()):
            rates.append(Rate(base + Decimal("1.11"), start, RateCondition.WEEKEND))
        if draw(st.booleans()):
            rates.append(Rate(base + 4, start, RateCondition.BANK_HOLIDAY))
        agreed = draw(st.sampled_from([start, D(2025, 4, 19)]))  # late: a finding
        made["quotations"].append(Quotation(pid, rates, (MileageAgreement(f"MA{p}", agreed),)))
        made["cycles"][pid] = draw(st.sampled_from(list(BillingCycle)))
        sessions = draw(st.integers(0, 4))
        for n in range(sessions):
            day, time = draw(st.sampled_from(DAYS)), draw(st.sampled_from(TIMES))
            minutes = draw(st.sampled_from([15, 60, 125, 240, 540, 600]))
            made["planned"].append(PlannedSession(f"{pid}-S{n}", pid, day, minutes, time))
        for n in range(draw(st.integers(1, 5))):
            made["records"].append(_record(draw, pid, n, sessions))
    return made


def _record(draw: st.DrawFn, pid: str, n: int, sessions: int) -> DeliveryRecord:
    status = draw(st.sampled_from([RecordStatus.DELIVERED] * 3 + list(RecordStatus)))
    linked = draw(st.none() | st.integers(0, max(sessions - 1, 0)))
    timed = status is RecordStatus.DELIVERED or draw(st.booleans())
    return DeliveryRecord(
        f"{pid}-R{n}",
        pid,
        draw(st.sampled_from(DAYS)),
        status,
        start=draw(st.sampled_from(TIMES)) if timed else None,
        end=draw(st.sampled_from(TIMES)) if timed else None,
        worker_id=draw(st.sampled_from([None, "W1", "W2"])),
        planned_id=f"{pid}-S{linked}" if linked is not None and sessions else None,
        miles=draw(st.sampled_from([Decimal(0), Decimal("12.5"), Decimal(20)])),
        mileage_agreement=draw(st.sampled_from([None, f"MA{pid[-1]}"])),
    )


SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("package_id", pa.string()),
        ("date", pa.date32()),
        ("status", pa.string()),
        ("start", pa.time64("us")),
        ("end", pa.time64("us")),
        ("worker_id", pa.string()),
        ("planned_id", pa.string()),
        ("miles", pa.decimal128(8, 2)),
        ("mileage_agreement", pa.string()),
    ]
)


#: Findings the engine writes itself (their messages compared too; others come from the
#: scalar code on records read from Arrow, where miles of ``12.5`` read as ``12.50``).
OWN = {"billing.record.overlap", "billing.record.duplicate-visit"}
OWN.add("billing.period.nothing-to-invoice")


def _message(code: str, message: str) -> str:
    return message if code in OWN else ""


def _scalar(terms: BillingTerms, made: dict[str, Any], as_of: dt.date) -> tuple[Any, ...]:
    lines, findings, pending, held = [], [], [], []
    for result in stream_invoices(
        "test",
        terms,
        made["packages"],
        made["quotations"],
        made["planned"],
        made["records"],
        as_of,
        cycles=made["cycles"],
    ):
        findings += [(f.code, f.path, _message(f.code, f.message)) for f in result.findings]
        pending += result.pending
        held += result.held
        for invoice in result.invoices:
            for number, line in enumerate(invoice.lines, start=1):
                cited = line.citation
                lines.append(
                    (
                        invoice.number,
                        number,
                        str(line.kind),
                        line.description,
                        line.date,
                        line.record_id,
                        line.planned_id,
                        line.minutes,
                        line.quantity,
                        line.unit,
                        line.unit_price,
                        line.amount,
                        line.rule,
                        cited.clause if cited else None,
                        invoice.period.start,
                        invoice.period.end,
                        invoice.package_id,
                    )
                )
    return sorted(lines), sorted(findings), sorted(pending), sorted(held)


def _arrow(rows: list[dict[str, Any]]) -> tuple[Any, ...]:
    names = ["invoice_number", "line", "kind", "description", "date", "record_id"]
    names += ["planned_id", "minutes", "quantity", "unit", "unit_price", "amount", "rule"]
    names += ["clause", "period_start", "period_end", "package_id"]
    return (
        sorted(tuple(r[n] for n in names) for r in rows if r["row_kind"] == "line"),
        sorted(
            (r["rule"], r["path"], _message(r["rule"], r["description"]))
            for r in rows
            if r["row_kind"] == "finding"
        ),
        sorted(r["record_id"] for r in rows if r["row_kind"] == "pending"),
        sorted(r["record_id"] for r in rows if r["row_kind"] == "held"),
    )


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    made=packages(),
    rounding=st.sampled_from(list(Rounding)),
    per_mile=st.sampled_from([Decimal("0.45"), Decimal("0.455")]),
    agreed_in_advance=st.booleans(),
    nil_invoices=st.booleans(),
    as_of=st.sampled_from([D(2025, 5, 1), D(2026, 1, 31)]),
    chunk=st.integers(1, 6),
)
def test_columnar_lines_are_the_scalar_runs_to_the_penny(
    made: dict[str, Any],
    rounding: Rounding,
    per_mile: Decimal,
    agreed_in_advance: bool,
    nil_invoices: bool,
    as_of: dt.date,
    chunk: int,
) -> None:
    terms = BillingTerms(
        BillingCycle.FORTNIGHTLY,
        CITE,
        nil_invoices=nil_invoices,
        mileage=MileagePolicy(per_mile, MILES, agreed_in_advance),
        rounding=rounding,
    )
    engine: list[int] = []
    original = _batches.columnar_invoices

    def spy(*args: Any) -> Any:
        lines, back = original(*args)
        engine.extend(n for n in range(len(args[2])) if n not in back)
        return lines, back

    table = pa.Table.from_pylist(
        [
            {**{n: getattr(r, n) for n in SCHEMA.names}, "status": str(r.status)}
            for r in made["records"]
        ],
        schema=SCHEMA,
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_batches, "columnar_invoices", spy)
        out = list(
            arrow.invoice_lines_batches(
                table.to_batches(max_chunksize=chunk),
                council="test",
                packages=made["packages"],
                quotations=made["quotations"],
                planned=made["planned"],
                as_of=as_of,
                terms=terms,
                cycles=made["cycles"],
            )
        )
    rows = pa.Table.from_batches(out, schema=arrow.INVOICE_LINES_SCHEMA).to_pylist()
    expected = _scalar(terms, made, as_of)
    assert expected == _arrow(rows)
    # With no finding but the engine's own (held overlaps, periods with nothing to
    # invoice) and no session named by two records, every package is the engine's.
    named = [r.planned_id for r in made["records"] if r.planned_id]
    if all(code in OWN for code, _, _ in expected[1]) and len(named) == len(set(named)):
        assert set(range(len(made["packages"]))) == set(engine)


def test_an_overnight_visit_across_the_autumn_change_by_hand() -> None:
    """Saturday 25 October 2025 21:00 to Sunday 08:00, the night the clocks go back
    (02:00 BST is 01:00 GMT), night window 22:00-07:00, with 12.5 miles, invoiced by the
    engine. Worked by hand (rates: standard £18.00, night £20.00, weekend £19.50):

    - Sat 21:00-22:00: Saturday, outside the window: weekend, 60 minutes;
    - Sat 22:00-Sun 07:00: night beats weekend; 9 hours on the clock plus the repeated
      hour: 600 elapsed minutes = 10 h x £20.00 = £200.00;
    - Sun 07:00-08:00: weekend again, 60 minutes: with the first part 120 minutes at the
      weekend rate (it applies first, so its line comes first) = 2 h x £19.50 = £39.00;
    - mileage 12.5 x £0.45 = £5.625, half up: £5.63.
    """
    package = Package("P", "test", "YP", D(2025, 10, 20), purchase_order="PO")
    rates = (
        Rate(Decimal(18), D(2025, 10, 20)),
        Rate(Decimal(20), D(2025, 10, 20), RateCondition.NIGHT, WINDOWS[0]),
        Rate(Decimal("19.50"), D(2025, 10, 20), RateCondition.WEEKEND),
    )
    quotation = Quotation("P", rates, (MileageAgreement("MA", D(2025, 10, 20)),))
    record = {"id": "R", "package_id": "P", "date": D(2025, 10, 25), "status": "delivered"}
    record |= {"start": T(21), "end": T(8), "worker_id": "W", "planned_id": None}
    record |= {"miles": Decimal("12.5"), "mileage_agreement": "MA"}
    terms = BillingTerms(
        BillingCycle.FORTNIGHTLY, CITE, mileage=MileagePolicy(Decimal("0.45"), MILES)
    )
    engine: list[int] = []
    original = _batches.columnar_invoices

    def spy(*args: Any) -> Any:
        lines, back = original(*args)
        engine.extend(n for n in range(len(args[2])) if n not in back)
        return lines, back

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_batches, "columnar_invoices", spy)
        out = list(
            arrow.invoice_lines_batches(
                pa.Table.from_pylist([record], schema=SCHEMA).to_batches(),
                council="test",
                packages=[package],
                quotations=[quotation],
                planned=[],
                as_of=D(2025, 11, 3),
                terms=terms,
            )
        )
    rows = pa.Table.from_batches(out, schema=arrow.INVOICE_LINES_SCHEMA).to_pylist()
    assert [0] == engine
    lines = [
        (r["line"], r["description"], r["minutes"], r["quantity"], r["unit_price"], r["amount"])
        for r in rows
        if r["row_kind"] == "line"
    ]
    assert [
        (
            1,
            "Delivered without a commissioned session 2025-10-25 (weekend rate)",
            120,
            Decimal(2),
            Decimal("19.50"),
            Decimal("39.00"),
        ),
        (
            2,
            "Delivered without a commissioned session 2025-10-25 (night rate)",
            600,
            Decimal(10),
            Decimal(20),
            Decimal("200.00"),
        ),
        (3, "Mileage 2025-10-25 (MA)", None, Decimal("12.5"), Decimal("0.45"), Decimal("5.63")),
    ] == lines
    assert {"test-P-20251020"} == {r["invoice_number"] for r in rows if r["row_kind"] == "line"}
