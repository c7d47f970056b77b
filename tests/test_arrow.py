"""The Arrow bulk functions (#26): same answers as the scalar API, hand-worked rows, errors
that name the column and the row, and a property test of the invoice path to the penny."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from childcare_commissioning import arrow
from childcare_commissioning.billing import UngroupedInputError, run_invoices
from childcare_commissioning.billing.records import DeliveryRecord, PlannedSession, RecordStatus
from childcare_commissioning.billing.terms import Quotation
from childcare_commissioning.convert import structure
from childcare_commissioning.deadlines import evaluate
from childcare_commissioning.model.package import Package
from childcare_commissioning.model.referral import Referral
from childcare_commissioning.referrals import check_referral
from childcare_commissioning.registry import get_registry

LONDON = ZoneInfo("Europe/London")


# --- shared inputs (also used by test_arrow_engines.py) ----------------------------------


def trigger_rows() -> list[dict[str, Any]]:
    """Every day-based and hour-based deadline rule of every council, at three instants:
    before Christmas (bank holidays), across the autumn clock change, and a plain day."""
    instants = [
        dt.datetime(2024, 12, 23, 10, 0, tzinfo=LONDON),
        dt.datetime(2024, 10, 26, 23, 30, tzinfo=LONDON),
        dt.datetime(2025, 6, 4, 16, 45, tzinfo=LONDON),
    ]
    rows = []
    for council in get_registry().councils():
        for rule in council.spec.deadlines:
            for n, at in enumerate(instants):
                rows.append(
                    {
                        "id": f"{council.id}/{rule.id}/{n}",
                        "council": council.id,
                        "rule_id": rule.id,
                        "trigger_at": at,
                    }
                )
    return rows


def triggers_table() -> pa.Table:
    return pa.Table.from_pylist(
        trigger_rows(),
        schema=pa.schema(
            [
                ("id", pa.string()),
                ("council", pa.string()),
                ("rule_id", pa.string()),
                ("trigger_at", pa.timestamp("us", tz="UTC")),
            ]
        ),
    )


def scalar_deadline(row: dict[str, Any]) -> tuple[Any, ...]:
    spec = get_registry().council(row["council"]).spec
    found = evaluate(spec.deadline(row["rule_id"]), row["trigger_at"], spec.calendars)
    due_at = found.due_at.astimezone(dt.UTC) if found.due_at is not None else None
    return (row["id"], found.due_date, due_at, found.projected, found.citation.quote)


def arrow_deadline(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["id"], row["due_date"], row["due_at"], row["projected"], row["quote"])


REFERRAL_SCHEMA = pa.schema(
    [
        ("referral_id", pa.string()),
        ("council", pa.string()),
        ("received_at", pa.timestamp("us", tz="UTC")),
        ("urgency", pa.string()),
        ("referrer_role", pa.string()),
        ("child_id", pa.string()),
        ("date_of_birth", pa.date32()),
        ("statuses", pa.list_(pa.string())),
        ("service", pa.string()),
        ("area", pa.string()),
    ]
)


def referral_rows() -> list[dict[str, Any]]:
    """Referrals to every council: children around their 16th and 18th birthdays, with
    and without the looked-after status, to each service."""
    received = dt.datetime(2025, 3, 14, 11, 0, tzinfo=LONDON)
    births = [dt.date(2007, 3, 14), dt.date(2007, 3, 15), dt.date(2009, 3, 14), None]
    status_sets = [
        ["looked-after", "la-residential-home"],
        ["looked-after", "in-house-foster-care"],
        ["care-leaver"],
        [],
    ]
    rows = []
    for council in get_registry().councils():
        services = [s.id for s in council.spec.services] or [None]
        for service in services:
            for b, born in enumerate(births):
                for s, statuses in enumerate(status_sets):
                    rows.append(
                        {
                            "referral_id": f"{council.id}-{service}-{b}-{s}",
                            "council": council.id,
                            "received_at": received,
                            "urgency": "standard",
                            "referrer_role": "social-worker",
                            "child_id": f"YP-{b}{s}",
                            "date_of_birth": born,
                            "statuses": statuses,
                            "service": service,
                            "area": council.id,
                        }
                    )
    return rows


def referrals_table() -> pa.Table:
    return pa.Table.from_pylist(referral_rows(), schema=REFERRAL_SCHEMA)


def scalar_decision(row: dict[str, Any]) -> tuple[Any, ...]:
    doc: dict[str, Any] = {
        "id": row["referral_id"],
        "council": row["council"],
        "received_at": row["received_at"].isoformat(),
        "urgency": row["urgency"],
        "referrer": {"role": row["referrer_role"]},
        "child": {"id": row["child_id"], "statuses": row["statuses"], "area": row["area"]},
    }
    if row["date_of_birth"] is not None:
        doc["child"]["date_of_birth"] = row["date_of_birth"].isoformat()
    if row["service"] is not None:
        doc["service"] = row["service"]
    referral = structure(doc, Referral)
    decision = check_referral(get_registry().council(row["council"]).spec, referral)
    return (
        decision.referral_id,
        decision.age,
        str(decision.outcome),
        [f.code for f in decision.findings],
        [f.citation.quote if f.citation else None for f in decision.findings],
    )


def arrow_decision(row: dict[str, Any]) -> tuple[Any, ...]:
    return (
        row["referral_id"],
        row["age"],
        row["outcome"],
        row["rule_ids"],
        [f["quote"] for f in row["findings"]],
    )


def plymouth_billing() -> dict[str, Any]:
    """Plymouth's bundled (invented) billing example: packages, quotation, planned, as_of."""
    text = (
        resources.files("childcare_commissioning_plymouth")
        .joinpath("examples/billing.json")
        .read_text(encoding="utf-8")
    )
    doc = json.loads(text)
    return {
        "council": "plymouth",
        "packages": [structure(p, Package) for p in doc["packages"]],
        "quotations": [structure(q, Quotation) for q in doc["quotations"]],
        "planned": [structure(p, PlannedSession) for p in doc["planned"]],
        "as_of": dt.date.fromisoformat(doc["as_of"]),
        "records": doc["records"],
    }


RECORD_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("package_id", pa.string()),
        ("date", pa.date32()),
        ("status", pa.string()),
        ("start", pa.time64("us")),
        ("end", pa.time64("us")),
        ("hours", pa.decimal128(8, 2)),
        ("worker_id", pa.string()),
        ("planned_id", pa.string()),
        ("miles", pa.decimal128(8, 1)),
        ("mileage_agreement", pa.string()),
    ]
)


def record_table(records: list[DeliveryRecord]) -> pa.Table:
    return pa.Table.from_pylist(
        [
            {
                "id": r.id,
                "package_id": r.package_id,
                "date": r.date,
                "status": str(r.status),
                "start": r.start,
                "end": r.end,
                "hours": r.hours,
                "worker_id": r.worker_id,
                "planned_id": r.planned_id,
                "miles": r.miles,
                "mileage_agreement": r.mileage_agreement,
            }
            for r in records
        ],
        schema=RECORD_SCHEMA,
    )


def scalar_lines(billing: dict[str, Any], records: list[DeliveryRecord]) -> list[tuple[Any, ...]]:
    run = run_invoices(
        billing["council"],
        get_registry().council(billing["council"]).spec.billing,
        billing["packages"],
        billing["quotations"],
        billing["planned"],
        records,
        billing["as_of"],
    )
    return sorted(
        (inv.number, n, str(line.kind), line.record_id, line.minutes, line.amount, line.rule)
        for inv in run.invoices
        for n, line in enumerate(inv.lines, start=1)
    )


def scalar_accounting(
    billing: dict[str, Any], records: list[DeliveryRecord]
) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """The run's findings (code, path), pending and held record ids."""
    run = run_invoices(
        billing["council"],
        get_registry().council(billing["council"]).spec.billing,
        billing["packages"],
        billing["quotations"],
        billing["planned"],
        records,
        billing["as_of"],
    )
    return (
        sorted((f.code, f.path) for f in run.findings),
        sorted(run.pending),
        sorted(run.held),
    )


def arrow_accounting(
    rows: list[dict[str, Any]],
) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    return (
        sorted((r["rule"], r["path"]) for r in rows if r["row_kind"] == "finding"),
        sorted(r["record_id"] for r in rows if r["row_kind"] == "pending"),
        sorted(r["record_id"] for r in rows if r["row_kind"] == "held"),
    )


def arrow_lines(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted(
        (
            r["invoice_number"],
            r["line"],
            r["kind"],
            r["record_id"],
            r["minutes"],
            r["amount"],
            r["rule"],
        )
        for r in rows
        if r["row_kind"] == "line"
    )


# --- deadlines ----------------------------------------------------------------------------


def test_importing_the_library_does_not_import_pyarrow() -> None:
    """pyarrow is an optional extra: only ``childcare_commissioning.arrow`` imports it."""
    code = (
        "import sys\n"
        "import childcare_commissioning, childcare_commissioning.billing\n"
        "import childcare_commissioning.referrals, childcare_commissioning.deadlines\n"
        "print('LOADED=' + ','.join(m for m in ('pyarrow',) if m in sys.modules))\n"
        "import childcare_commissioning.arrow\n"
        "print('AFTER=' + ','.join(m for m in ('pyarrow',) if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert ["LOADED=", "AFTER=pyarrow"] == result.stdout.split()


def test_deadlines_equal_the_scalar_answers_row_by_row() -> None:
    table = triggers_table()
    out = arrow.deadlines(table)
    assert out.schema == arrow.DEADLINES_SCHEMA
    assert table.num_rows == out.num_rows
    assert [scalar_deadline(r) for r in trigger_rows()] == [
        arrow_deadline(r) for r in out.to_pylist()
    ]


def test_a_deadline_across_christmas_bank_holidays_by_hand() -> None:
    """Plymouth 3.3 Escalation process: "If an appropriate reply is not received within
    three working days". An issue raised on Monday 23 December 2024: the working days
    after it are Tue 24 (1), [Wed 25 Christmas Day and Thu 26 Boxing Day are bank
    holidays], Fri 27 (2), [Sat 28, Sun 29 weekend], Mon 30 (3): due Monday 30 December."""
    table = pa.Table.from_pylist(
        [
            {
                "council": "plymouth",
                "rule_id": "escalate-to-manager",
                "trigger_at": dt.datetime(2024, 12, 23, 10, 0, tzinfo=LONDON),
            }
        ]
    )
    row = arrow.deadlines(table).to_pylist()[0]
    assert dt.date(2024, 12, 30) == row["due_date"]
    assert "plymouth" == row["spec"]
    assert "3.3 Escalation process" == row["clause"]
    assert "within three working days" in row["quote"]
    assert row["due_at"] is None
    assert row["error"] is None


def test_deadline_errors_name_the_column_and_the_row() -> None:
    table = pa.Table.from_pylist(
        [
            {
                "council": "plymouth",
                "rule_id": "escalate-to-manager",
                "trigger_at": dt.datetime(2024, 12, 23, tzinfo=dt.UTC),
            },
            {
                "council": "plymouth",
                "rule_id": "no-such-rule",
                "trigger_at": dt.datetime(2024, 12, 23, tzinfo=dt.UTC),
            },
        ]
    )
    with pytest.raises(arrow.ArrowInputError, match=r"column 'rule_id', row 1: .*no-such-rule"):
        arrow.deadlines(table)
    out = arrow.deadlines(table, on_error="column").to_pylist()
    assert 2 == len(out)
    assert out[0]["error"] is None
    assert out[1]["due_date"] is None
    assert "column 'rule_id', row 1" in out[1]["error"]


def test_naive_timestamps_and_missing_columns_are_refused() -> None:
    naive = pa.table(
        {
            "council": ["plymouth"],
            "rule_id": ["escalate-to-manager"],
            # A naive timestamp column, on purpose.
            "trigger_at": pa.array([dt.datetime(2024, 12, 23)], pa.timestamp("us")),  # noqa: DTZ001
        }
    )
    with pytest.raises(arrow.ArrowInputError, match=r"'trigger_at'.*no time zone"):
        arrow.deadlines(naive)
    with pytest.raises(arrow.ArrowInputError, match=r"'rule_id'.*required column is missing"):
        arrow.deadlines(pa.table({"council": ["plymouth"]}))


def test_the_batch_form_counts_rows_across_batches() -> None:
    rows = [
        {
            "council": "plymouth",
            "rule_id": "escalate-to-manager",
            "trigger_at": dt.datetime(2024, 12, 23, tzinfo=dt.UTC),
        }
    ] * 3
    good = pa.RecordBatch.from_pylist(rows)
    bad = pa.RecordBatch.from_pylist([{**rows[0], "council": "atlantis"}])
    # A single RecordBatch is accepted as a table is: three rows, all due 30 December.
    assert [dt.date(2024, 12, 30)] * 3 == arrow.deadlines(good).column("due_date").to_pylist()
    with pytest.raises(arrow.ArrowInputError, match=r"column 'council', row 3: .*atlantis"):
        list(arrow.deadlines_batches([good, bad]))


# --- referrals ----------------------------------------------------------------------------


def test_referral_decisions_equal_the_scalar_answers_row_by_row() -> None:
    table = referrals_table()
    out = arrow.referral_decisions(table)
    assert out.schema == arrow.REFERRAL_DECISIONS_SCHEMA
    assert [scalar_decision(r) for r in referral_rows()] == [
        arrow_decision(r) for r in out.to_pylist()
    ]


def test_an_age_on_the_eighteenth_birthday_by_hand() -> None:
    """Stoke 2.1.1 Core service: "Children and young people up to the age of 18 who are
    resident in the LA's Small Group Homes". Born 14 March 2007, referred 14 March 2025
    (the 18th birthday): aged 18, outside "up to 18" (read as under 18, 17 at most), so
    not in the cohort. Born a day later: still 17, in it."""
    base = {
        "council": "stoke",
        "received_at": dt.datetime(2025, 3, 14, 11, 0, tzinfo=LONDON),
        "urgency": "standard",
        "referrer_role": "social-worker",
        "statuses": ["looked-after", "la-residential-home"],
        "service": "core",
        "area": "stoke-on-trent",
    }
    table = pa.Table.from_pylist(
        [
            {
                **base,
                "referral_id": "R-18",
                "child_id": "YP-1",
                "date_of_birth": dt.date(2007, 3, 14),
            },
            {
                **base,
                "referral_id": "R-17",
                "child_id": "YP-2",
                "date_of_birth": dt.date(2007, 3, 15),
            },
        ],
        schema=REFERRAL_SCHEMA,
    )
    eighteen, seventeen = arrow.referral_decisions(table).to_pylist()
    assert 18 == eighteen["age"]
    assert "not-eligible" == eighteen["outcome"]
    assert "eligibility.age.outside" in eighteen["rule_ids"]
    assert [] == eighteen["cohorts"]
    assert 17 == seventeen["age"]
    assert ["small-group-home-residents"] == seventeen["cohorts"]
    cohort = next(f for f in seventeen["findings"] if f["code"].startswith("eligibility.cohort"))
    assert "2.1.1 Core service" == cohort["clause"]
    assert "up to the age of 18" in cohort["quote"]


def test_the_cohorts_column_names_only_cohorts_the_child_is_in() -> None:
    """Audit tests.md A1. Stoke 2.1.1 Core service: "Children and young people up to the
    age of 18 who are resident in the LA's Small Group Homes". Two looked after children
    aged 14 (born 15 Mar 2010, referred 14 Mar 2025): one in an external residential
    placement (reading 'small-group-home-residence': not in the cohort), so no cohort
    and not eligible; its "eligibility.cohort.none" finding is a reason, not a cohort,
    and the cohorts column is empty. The other, in a Small Group Home, is in the one
    cohort, named without its prefix."""
    base = {
        "council": "stoke",
        "received_at": dt.datetime(2025, 3, 14, 11, 0, tzinfo=LONDON),
        "urgency": "standard",
        "referrer_role": "social-worker",
        "service": "core",
        "area": "stoke-on-trent",
        "date_of_birth": dt.date(2010, 3, 15),
    }
    table = pa.Table.from_pylist(
        [
            {
                **base,
                "referral_id": "R-OUT",
                "child_id": "YP-1",
                "statuses": ["looked-after", "residential-care"],
            },
            {
                **base,
                "referral_id": "R-IN",
                "child_id": "YP-2",
                "statuses": ["looked-after", "la-residential-home"],
            },
        ],
        schema=REFERRAL_SCHEMA,
    )
    outside, inside = arrow.referral_decisions(table).to_pylist()
    assert (14, "not-eligible", []) == (outside["age"], outside["outcome"], outside["cohorts"])
    assert "eligibility.cohort.none" in outside["rule_ids"]
    assert (14, ["small-group-home-residents"]) == (inside["age"], inside["cohorts"])


def test_referral_errors_name_the_column_and_never_echo_the_value() -> None:
    rows = referral_rows()[:2]
    rows[1] = {**rows[1], "urgency": "whenever"}
    table = pa.Table.from_pylist(rows, schema=REFERRAL_SCHEMA)
    with pytest.raises(arrow.ArrowInputError, match=r"column 'urgency', row 1"):
        arrow.referral_decisions(table)
    out = arrow.referral_decisions(table, on_error="column").to_pylist()
    assert out[0]["error"] is None
    assert out[1]["outcome"] is None
    assert "column 'urgency', row 1" in out[1]["error"]
    # A date of birth after the referral is refused by the model; the date stays out.
    born = {**rows[0], "date_of_birth": dt.date(2026, 1, 2)}
    with pytest.raises(arrow.ArrowInputError, match="'date_of_birth', row 0") as caught:
        arrow.referral_decisions(pa.Table.from_pylist([born], schema=REFERRAL_SCHEMA))
    assert "2026" not in str(caught.value)


# --- invoice lines ------------------------------------------------------------------------


def test_invoice_lines_equal_the_scalar_run_for_plymouths_example() -> None:
    billing = plymouth_billing()
    records = [structure(r, DeliveryRecord) for r in billing["records"]]
    out = arrow.invoice_lines(
        record_table(records),
        **{k: v for k, v in billing.items() if k != "records"},
    )
    assert out.schema == arrow.INVOICE_LINES_SCHEMA
    assert pa.decimal128(18, 2) == out.schema.field("amount").type
    assert scalar_lines(billing, records) == arrow_lines(out.to_pylist())
    assert all(r["spec"] == "plymouth" for r in out.to_pylist() if r["row_kind"] == "line")


def test_an_overnight_visit_split_at_the_night_rate_boundary_by_hand() -> None:
    """Plymouth's example quotation: £23.50 an hour, £27.00 an hour at night (22:00-07:00).
    An unplanned visit 21:00 Thursday 5 December 2024 to 08:00 Friday (no clock change):
    21:00-22:00 is 60 minutes standard = £23.50; 22:00-07:00 is 540 minutes at night =
    9 x £27.00 = £243.00; 07:00-08:00 is 60 minutes standard = £23.50. 660 minutes in
    all, £290.00."""
    billing = plymouth_billing()
    visit = DeliveryRecord(
        id="TS-N",
        package_id="PLY-PKG-0042",
        date=dt.date(2024, 12, 5),
        start=dt.time(21, 0),
        end=dt.time(8, 0),
        worker_id="W-09",
    )
    out = arrow.invoice_lines(
        record_table([visit]), **{k: v for k, v in billing.items() if k != "records"}
    ).to_pylist()
    lines = [r for r in out if r["row_kind"] == "line" and r["record_id"] == "TS-N"]
    by_price: dict[Decimal, tuple[int, Decimal]] = {}
    for line in lines:
        minutes, amount = by_price.get(line["unit_price"], (0, Decimal(0)))
        by_price[line["unit_price"]] = (minutes + line["minutes"], amount + line["amount"])
    assert {
        Decimal("23.5000"): (120, Decimal("47.00")),
        Decimal("27.0000"): (540, Decimal("243.00")),
    } == by_price
    assert Decimal("290.00") == sum(line["amount"] for line in lines)


def test_every_record_is_accounted_for_and_bad_rows_are_named() -> None:
    billing = plymouth_billing()
    rows = [dict(r) for r in billing["records"]]
    schema = pa.schema(
        [
            (n, pa.string())
            for n in (
                "id",
                "package_id",
                "date",
                "status",
                "start",
                "end",
                "planned_id",
                "worker_id",
            )
        ]
    )
    rows.append(
        {
            "id": "TS-BAD",
            "package_id": "PLY-PKG-0042",
            "date": "2024-12-05",
            "start": "25:00",
            "end": "08:00",
        }
    )
    table = pa.Table.from_pylist(rows, schema=schema)
    reference = {k: v for k, v in billing.items() if k != "records"}
    with pytest.raises(arrow.ArrowInputError, match=r"column 'start', row 4"):
        arrow.invoice_lines(table, **reference)
    out = arrow.invoice_lines(table, **reference, on_error="column").to_pylist()
    errors = [r for r in out if r["row_kind"] == "error"]
    assert ["TS-BAD"] == [r["record_id"] for r in errors]
    assert "column 'start', row 4" in errors[0]["error"]
    billed = {r["record_id"] for r in out if r["row_kind"] == "line"}
    planned = {r["planned_id"] for r in out if r["row_kind"] == "line"}
    # TS-4 (cancelled) is billed as a deduction against its session, not as a record line.
    assert {"SHIFT-1", "SHIFT-2", "SHIFT-3", "SHIFT-4"} <= planned
    assert billed <= {None, "TS-1", "TS-2", "TS-3", "TS-4"}


def test_the_batch_form_refuses_records_not_grouped_by_package() -> None:
    billing = plymouth_billing()
    other = Package(id="PKG-B", council="plymouth", child_id="YP-9", start=dt.date(2024, 12, 2))
    rec = [
        DeliveryRecord(
            id="A1", package_id="PLY-PKG-0042", date=dt.date(2024, 12, 3), hours=Decimal(1)
        ),
        DeliveryRecord(id="B1", package_id="PKG-B", date=dt.date(2024, 12, 3), hours=Decimal(1)),
        DeliveryRecord(
            id="A2", package_id="PLY-PKG-0042", date=dt.date(2024, 12, 4), hours=Decimal(1)
        ),
    ]
    batches = record_table(rec).to_batches(max_chunksize=1)
    reference = {k: v for k, v in billing.items() if k not in ("records", "packages")}
    with pytest.raises(arrow.ArrowInputError, match=r"'package_id', row 2: .*not grouped"):
        list(
            arrow.invoice_lines_batches(
                batches, packages=[*billing["packages"], other], **reference
            )
        )


# --- property: the Arrow path equals the scalar path to the penny ------------------------

_DAYS = st.dates(min_value=dt.date(2024, 12, 2), max_value=dt.date(2025, 1, 12))
_TIMES = st.times().map(lambda t: t.replace(second=0, microsecond=0))


@st.composite
def _records(draw: st.DrawFn) -> list[DeliveryRecord]:
    """Up to 12 records of Plymouth's example package over its first six weeks: visits by
    the clock (any minute, overnight ones too) or in quarter hours, delivered or not,
    against its planned shifts or not."""
    count = draw(st.integers(min_value=1, max_value=12))
    out = []
    for n in range(count):
        timed = draw(st.booleans())
        out.append(
            DeliveryRecord(
                id=f"P-{n}",
                package_id="PLY-PKG-0042",
                date=draw(_DAYS),
                status=draw(st.sampled_from(RecordStatus)),
                start=draw(_TIMES) if timed else None,
                end=draw(_TIMES) if timed else None,
                hours=None if timed else Decimal(draw(st.integers(0, 40))) / 4,
                worker_id=f"W-{draw(st.integers(0, 3))}",
                planned_id=draw(st.sampled_from([None, "SHIFT-1", "SHIFT-2", "SHIFT-3"])),
            )
        )
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=_records(), chunk=st.integers(min_value=1, max_value=5))
def test_property_arrow_invoice_lines_equal_the_scalar_run_to_the_penny(
    records: list[DeliveryRecord], chunk: int
) -> None:
    billing = plymouth_billing()
    reference = {k: v for k, v in billing.items() if k != "records"}
    table = record_table(records)
    expected = scalar_lines(billing, records)
    whole = arrow.invoice_lines(table, **reference).to_pylist()
    assert expected == arrow_lines(whole)
    # Nothing is dropped: the run's findings, pending and held records are rows too.
    accounting = scalar_accounting(billing, records)
    assert accounting == arrow_accounting(whole)
    # The batch form, one package here, in batches of any size: the same lines.
    streamed = pa.Table.from_batches(
        list(arrow.invoice_lines_batches(table.to_batches(max_chunksize=chunk), **reference)),
        schema=arrow.INVOICE_LINES_SCHEMA,
    )
    assert expected == arrow_lines(streamed.to_pylist())
    assert accounting == arrow_accounting(streamed.to_pylist())
    total = sum((line[5] for line in expected), Decimal(0))
    arrow_total = pc.sum(streamed.column("amount")).as_py() or Decimal(0)
    assert total == arrow_total


def test_the_handbook_page_names_every_column_in_and_out() -> None:
    """docs/arrow.md documents the columns: each output column of each schema, and each
    input column the functions read, appears there in backticks."""
    from pathlib import Path

    page = (Path(__file__).resolve().parents[1] / "docs" / "arrow.md").read_text("utf-8")
    schemas = (arrow.DEADLINES_SCHEMA, arrow.REFERRAL_DECISIONS_SCHEMA, arrow.INVOICE_LINES_SCHEMA)
    names = {name for schema in schemas for name in schema.names}
    names |= set(arrow.REFERRAL_COLUMNS) | set(arrow.RECORD_COLUMNS)
    names |= {"council", "rule_id", "trigger_at"}
    missing = sorted(n for n in names if f"`{n}`" not in page)
    assert [] == missing


# --- streamed reference data: planned sessions never held -------------------------------


def _copies(
    billing: dict[str, Any], records: list[DeliveryRecord], names: list[str]
) -> dict[str, Any]:
    """Plymouth's example package copied under each of ``names`` (sorted), with its
    quotation, planned sessions and ``records`` (ids and workers) renamed to each copy."""
    import attrs

    package = billing["packages"][0]
    quotation = billing["quotations"][0]
    out: dict[str, Any] = {"packages": [], "quotations": [], "planned": [], "records": []}
    for name in names:
        out["packages"].append(attrs.evolve(package, id=name))
        out["quotations"].append(attrs.evolve(quotation, package_id=name))
        out["planned"] += [
            attrs.evolve(s, package_id=name, id=f"{name}-{s.id}") for s in billing["planned"]
        ]
        out["records"] += [
            attrs.evolve(
                r,
                package_id=name,
                id=f"{name}-{r.id}",
                planned_id=f"{name}-{r.planned_id}" if r.planned_id else None,
                # Workers of one package only: the batch run compares a worker's visits
                # across packages, the package-by-package run within each.
                worker_id=f"{name}-{r.worker_id}" if r.worker_id else None,
            )
            for r in records
        ]
    return out


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=_records(), chunk=st.integers(min_value=1, max_value=7))
def test_property_streamed_planned_sessions_give_the_scalar_runs_lines(
    records: list[DeliveryRecord], chunk: int
) -> None:
    """Three copies of Plymouth's package, the middle one without records: quotations
    and planned sessions given as generators (in package order, never held) give the
    lines, findings, pending and held records of the scalar run over the two packages
    with records, to the penny, as lists do; the middle package's sessions are skipped."""
    billing = plymouth_billing()
    names = ["PKG-A", "PKG-B", "PKG-C"]
    made = _copies(billing, records, names)
    with_records = [r for r in made["records"] if r.package_id != "PKG-B"]
    invoiced = [p for p in made["packages"] if p.id != "PKG-B"]
    expected_run = run_invoices(
        "plymouth",
        get_registry().council("plymouth").spec.billing,
        invoiced,
        made["quotations"],
        made["planned"],
        with_records,
        billing["as_of"],
    )
    expected = sorted(
        (inv.number, n, str(line.kind), line.record_id, line.minutes, line.amount, line.rule)
        for inv in expected_run.invoices
        for n, line in enumerate(inv.lines, start=1)
    )
    table = record_table(with_records)
    for streamed in (False, True):
        quotations = made["quotations"] if not streamed else iter(made["quotations"])
        planned = made["planned"] if not streamed else (s for s in made["planned"])
        rows = pa.Table.from_batches(
            list(
                arrow.invoice_lines_batches(
                    table.to_batches(max_chunksize=chunk),
                    council="plymouth",
                    packages=made["packages"],
                    quotations=quotations,
                    planned=planned,
                    as_of=billing["as_of"],
                )
            ),
            schema=arrow.INVOICE_LINES_SCHEMA,
        ).to_pylist()
        assert expected == arrow_lines(rows)
        assert (
            sorted((f.code, f.path) for f in expected_run.findings),
            sorted(expected_run.pending),
            sorted(expected_run.held),
        ) == arrow_accounting(rows)


def test_streamed_planned_sessions_are_taken_as_the_records_reach_their_package() -> None:
    """With 40 packages, when the records of package n are read the planned sessions
    taken so far are those of packages up to n (at most the next group read ahead),
    never the whole list."""
    billing = plymouth_billing()
    names = [f"PKG-{n:02d}" for n in range(40)]
    made = _copies(billing, [structure(r, DeliveryRecord) for r in billing["records"]], names)
    taken: list[str] = []

    def planned() -> Iterator[PlannedSession]:
        for session in made["planned"]:
            taken.append(session.package_id)
            yield session

    def batches() -> Iterator[pa.RecordBatch]:
        for n, name in enumerate(names):
            mine = [r for r in made["records"] if r.package_id == name]
            # Package n's records are read now: sessions of n + 2 or later not yet.
            assert all(names.index(p) <= n + 1 for p in taken), (n, taken[-1])
            yield from record_table(mine).to_batches()

    out = list(
        arrow.invoice_lines_batches(
            batches(),
            council="plymouth",
            packages=made["packages"],
            quotations=iter(made["quotations"]),
            planned=planned(),
            as_of=billing["as_of"],
        )
    )
    assert len(made["planned"]) == len(taken)
    # Each package: 4 shifts commissioned (Plymouth's example), so lines for all 40.
    invoiced = {r["package_id"] for b in out for r in b.to_pylist() if r["row_kind"] == "line"}
    assert set(names) == invoiced


def test_streamed_reference_data_out_of_order_is_refused() -> None:
    """Streamed planned sessions not in the packages' order, or records not in that
    order, are errors naming what to sort: nothing is skipped silently."""
    billing = plymouth_billing()
    records = [structure(r, DeliveryRecord) for r in billing["records"]]
    made = _copies(billing, records, ["PKG-A", "PKG-B"])
    reversed_planned = [s for s in made["planned"] if s.package_id == "PKG-B"] + [
        s for s in made["planned"] if s.package_id == "PKG-A"
    ]
    common = {
        "council": "plymouth",
        "packages": made["packages"],
        "as_of": billing["as_of"],
        "quotations": iter(made["quotations"]),
    }
    table = record_table(made["records"])
    with pytest.raises(UngroupedInputError, match="planned session 'PKG-A-SHIFT-1'"):
        list(
            arrow.invoice_lines_batches(
                table.to_batches(), planned=iter(reversed_planned), **common
            )
        )
    backwards = record_table(
        [r for r in made["records"] if r.package_id == "PKG-B"]
        + [r for r in made["records"] if r.package_id == "PKG-A"]
    )
    common["quotations"] = iter(made["quotations"])
    with pytest.raises(arrow.ArrowInputError, match="not in the order of the packages"):
        list(
            arrow.invoice_lines_batches(
                backwards.to_batches(), planned=iter(made["planned"]), **common
            )
        )
