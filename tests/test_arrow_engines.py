"""The Arrow bulk functions run unchanged under DuckDB, Polars and PySpark (#26).

Each engine holds the input as its own table, hands it to the function as Arrow (DuckDB's
Arrow result, Polars' ``to_arrow``/``map_batches``, Spark's ``mapInArrow`` in local mode),
and each test asserts the scalar API's answers for the same rows (the helpers in
``test_arrow.py``), plus one hand-worked row per function. One SparkSession for the
module, ``local[1]``, small data.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import duckdb
import polars as pl
import pyarrow as pa
import pytest

from childcare_commissioning import arrow
from childcare_commissioning.billing.records import DeliveryRecord
from childcare_commissioning.convert import structure
from tests.skips import require_tool
from tests.test_arrow import (
    arrow_deadline,
    arrow_decision,
    arrow_lines,
    plymouth_billing,
    record_table,
    referral_rows,
    referrals_table,
    scalar_deadline,
    scalar_decision,
    scalar_lines,
    trigger_rows,
    triggers_table,
)


def _by_id(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: r[key])


def _night_visit() -> DeliveryRecord:
    """Hand-worked in test_arrow: 21:00-08:00 on 5 December 2024 comes to £290.00 (60 + 60
    minutes at £23.50 an hour, 540 minutes at the £27.00 night rate)."""
    return DeliveryRecord(
        id="TS-N",
        package_id="PLY-PKG-0042",
        date=dt.date(2024, 12, 5),
        start=dt.time(21, 0),
        end=dt.time(8, 0),
        worker_id="W-09",
    )


def _billing_records() -> tuple[dict[str, Any], list[DeliveryRecord]]:
    billing = plymouth_billing()
    records = [structure(r, DeliveryRecord) for r in billing["records"]] + [_night_visit()]
    return billing, records


def _reference(billing: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in billing.items() if k != "records"}


def _night_total(rows: list[dict[str, Any]]) -> Decimal:
    return sum(
        (r["amount"] for r in rows if r["row_kind"] == "line" and r["record_id"] == "TS-N"),
        Decimal(0),
    )


# --- DuckDB -------------------------------------------------------------------------------


def test_duckdb_deadlines_from_a_query() -> None:
    con = duckdb.connect()
    source = triggers_table()
    con.register("triggers", source)
    # The engine's own table and query: every trigger, through DuckDB's Arrow result.
    queried = con.sql("SELECT * FROM triggers ORDER BY id").to_arrow_table()
    out = arrow.deadlines(queried)
    con.register("due", out)
    summary = con.execute(
        "SELECT id, due_date FROM due WHERE council = 'plymouth' AND rule_id = "
        "'escalate-to-manager' AND trigger_at = TIMESTAMPTZ '2024-12-23 10:00:00+00'"
    ).fetchall()
    # Hand-worked (test_arrow): Monday 23 December 2024 + 3 working days = 30 December.
    assert [("plymouth/escalate-to-manager/0", dt.date(2024, 12, 30))] == summary
    expected = [scalar_deadline(r) for r in _by_id(trigger_rows(), "id")]
    assert expected == [arrow_deadline(r) for r in out.to_pylist()]


def test_duckdb_referrals_and_invoice_lines() -> None:
    con = duckdb.connect()
    con.register("referrals", referrals_table())
    queried = con.sql("SELECT * FROM referrals ORDER BY referral_id").to_arrow_table()
    out = arrow.referral_decisions(queried)
    expected = [scalar_decision(r) for r in _by_id(referral_rows(), "referral_id")]
    assert expected == [arrow_decision(r) for r in out.to_pylist()]

    billing, records = _billing_records()
    con.register("records", record_table(records))
    lines = arrow.invoice_lines(
        con.sql("SELECT * FROM records").to_arrow_table(), **_reference(billing)
    )
    assert scalar_lines(billing, records) == arrow_lines(lines.to_pylist())
    con.register("lines", lines)
    # Money stays decimal in the engine: DuckDB sums the decimal128 column exactly.
    (night,) = con.execute(
        "SELECT sum(amount) FROM lines WHERE row_kind = 'line' AND record_id = 'TS-N'"
    ).fetchone() or (None,)
    assert Decimal("290.00") == night


# --- Polars -------------------------------------------------------------------------------


def test_polars_deadlines_and_referrals() -> None:
    frame = pl.from_arrow(triggers_table())
    assert isinstance(frame, pl.DataFrame)
    out = arrow.deadlines(frame.to_arrow())
    assert [scalar_deadline(r) for r in trigger_rows()] == [
        arrow_deadline(r) for r in out.to_pylist()
    ]
    referrals = pl.from_arrow(referrals_table())
    assert isinstance(referrals, pl.DataFrame)
    # Inside a lazy query: map_batches hands each frame to the Arrow function.
    decided = (
        referrals.lazy()
        .map_batches(
            lambda df: pl.DataFrame(pl.from_arrow(arrow.referral_decisions(df.to_arrow()))),
            schema=pl.DataFrame(
                pl.from_arrow(arrow.REFERRAL_DECISIONS_SCHEMA.empty_table())
            ).schema,
        )
        .collect()
    )
    assert [scalar_decision(r) for r in referral_rows()] == [
        arrow_decision(r) for r in decided.to_dicts()
    ]


def test_polars_invoice_lines() -> None:
    billing, records = _billing_records()
    frame = pl.from_arrow(record_table(records))
    assert isinstance(frame, pl.DataFrame)
    out = arrow.invoice_lines(frame.to_arrow(), **_reference(billing))
    rows = out.to_pylist()
    assert scalar_lines(billing, records) == arrow_lines(rows)
    assert Decimal("290.00") == _night_total(rows)
    lines = pl.from_arrow(out)
    assert isinstance(lines, pl.DataFrame)
    assert pl.Decimal(18, 2) == lines.schema["amount"]


# --- PySpark (mapInArrow, local mode) ----------------------------------------------------


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        require_tool("PySpark needs Java: scripts/test installs Debian's default-jre-headless")
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[1]")
        .appName("childcare-commissioning-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", "512m")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "7")
        .getOrCreate()
    )
    yield session
    session.stop()


def _spark_schema(schema: pa.Schema) -> Any:
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(schema)


def test_spark_map_in_arrow_deadlines_and_referrals(spark: Any) -> None:
    triggers = spark.createDataFrame(triggers_table())
    due = triggers.mapInArrow(
        arrow.deadlines_batches, _spark_schema(arrow.DEADLINES_SCHEMA)
    ).toArrow()
    got = _by_id(due.to_pylist(), "id")
    assert [scalar_deadline(r) for r in _by_id(trigger_rows(), "id")] == [
        arrow_deadline(r) for r in got
    ]
    hand = next(r for r in got if r["id"] == "plymouth/escalate-to-manager/0")
    assert dt.date(2024, 12, 30) == hand["due_date"]

    referrals = spark.createDataFrame(referrals_table())
    decided = referrals.mapInArrow(
        arrow.referral_decisions_batches, _spark_schema(arrow.REFERRAL_DECISIONS_SCHEMA)
    ).toArrow()
    assert [scalar_decision(r) for r in _by_id(referral_rows(), "referral_id")] == [
        arrow_decision(r) for r in _by_id(decided.to_pylist(), "referral_id")
    ]


def test_spark_map_in_arrow_invoice_lines(spark: Any) -> None:
    billing, records = _billing_records()
    # Spark has no time-of-day type: times travel as "HH:MM" strings, which the
    # function reads as the records CSV does.
    table = record_table(records)
    for name in ("start", "end"):
        index = table.schema.get_field_index(name)
        texts = [t.strftime("%H:%M") if t else None for t in table.column(name).to_pylist()]
        table = table.set_column(index, name, pa.array(texts, pa.string()))
    reference = _reference(billing)

    def lines(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        return arrow.invoice_lines_batches(batches, **reference)

    frame = spark.createDataFrame(table).repartition(1, "package_id")
    out = (
        frame.sortWithinPartitions("package_id", "id")
        .mapInArrow(lines, _spark_schema(arrow.INVOICE_LINES_SCHEMA))
        .toArrow()
    )
    rows = out.to_pylist()
    assert scalar_lines(billing, records) == arrow_lines(rows)
    assert Decimal("290.00") == _night_total(rows)
