"""`invoice-stream`: records read and invoices written as they go, the batch run's answers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from childcare_commissioning.cli import main

PACKAGES = {
    "as_of": "2024-12-16",
    "packages": [
        {
            "id": "P1",
            "council": "testshire",
            "child_id": "YP-1",
            "start": "2024-12-02",
            "purchase_order": "PO-1",
        },
        {
            "id": "P2",
            "council": "testshire",
            "child_id": "YP-2",
            "start": "2024-12-02",
            "purchase_order": "=HYPERLINK(1)",
        },
    ],
    # Given in any order: the command puts them in the packages' order.
    "quotations": [
        {"package_id": "P2", "rates": [{"amount": "16.00", "effective_from": "2024-12-02"}]},
        {
            "package_id": "P1",
            "rates": [{"amount": "18.50", "effective_from": "2024-12-02"}],
            "mileage_agreements": [{"id": "MA-1", "agreed_on": "2024-11-29"}],
        },
    ],
    "planned": [{"id": "S1", "package_id": "P1", "date": "2024-12-03", "minutes": 180}],
}
RECORDS = [
    {
        "id": "R1",
        "package_id": "P1",
        "date": "2024-12-03",
        "start": "13:00",
        "end": "15:15",
        "planned_id": "S1",
        "miles": "23",
        "mileage_agreement": "MA-1",
    },
    {"id": "R2", "package_id": "P1", "date": "2024-12-04", "hours": "-2"},
    {"id": "R3", "package_id": "P2", "date": "2024-12-05", "start": "10:00", "end": "11:30"},
]


def files(tmp_path: Path, records: list[dict[str, str]] = RECORDS) -> tuple[str, str]:
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps(PACKAGES), encoding="utf-8")
    lines = tmp_path / "records.jsonl"
    lines.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(lines), str(batch)


def test_json_lines_in_invoices_out_one_per_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """P1 (worked in test_cli): commissioned £55.50 less £13.87 plus 23 miles at 45p =
    £51.98. P2: 10:00-11:30 on 5 Dec, 1.5 h at £16.00 = £24.00. R2 (negative hours) is a
    finding on standard error naming its place in the file ($.records[1]); exit 1."""
    records, batch = files(tmp_path)
    findings = tmp_path / "findings.csv"
    argv = ["invoice-stream", records, "--packages", batch, "--council", "testshire"]
    assert 1 == main([*argv, "--findings", str(findings)])
    captured = capsys.readouterr()
    *invoices, end = [json.loads(line) for line in captured.out.splitlines()]
    # The last line says the stream is complete: 3 lines read = R1, R3 used + R2 reported.
    assert {
        "summary": {
            "complete": True,
            "invoices": 2,
            "records": {"read": 3, "used": 2, "reported": 1},
            "findings": 1,
            "pending": 0,
        }
    } == end
    assert [("P1", "51.98", ["R1"]), ("P2", "24.00", ["R3"])] == [
        (i["package_id"], i["net"], i["record_ids"]) for i in invoices
    ]
    assert "finding: billing.record.non-negative" in captured.err
    rows = list(csv.reader(io.StringIO(findings.read_text(encoding="utf-8"))))
    assert ["severity", "code", "message", "path", "source"] == rows[0]
    assert [("billing.record.non-negative", "$.records[1].hours")] == [
        (row[1], row[3]) for row in rows[1:]
    ]


def test_csv_in_and_spreadsheet_safe_csv_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """CSV records give the same lines; P2's purchase order, which a spreadsheet would run
    as a formula, is written as text ('=HYPERLINK(1))."""
    _, batch = files(tmp_path)
    records = tmp_path / "records.csv"
    records.write_text(
        "id,package_id,date,start,end,planned_id,miles,mileage_agreement\n"
        "R1,P1,2024-12-03,13:00,15:15,S1,23,MA-1\n"
        "R3,P2,2024-12-05,10:00,11:30,,,\n",
        encoding="utf-8",
    )
    argv = ["invoice-stream", str(records), "--packages", batch, "--council", "testshire"]
    assert 0 == main([*argv, "--format", "csv"])
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert "invoice" == rows[0][0]
    assert [
        ("PO-1", "commissioned", "55.50"),
        ("PO-1", "deduction", "-13.87"),
        ("PO-1", "mileage", "10.35"),
        ("'=HYPERLINK(1)", "additional", "24.00"),
    ] == [(row[1], row[5], row[11]) for row in rows[1:-1]]
    # The last row says the stream is complete: 2 records read, both used.
    assert "#summary" == rows[-1][0]
    assert {"read": 2, "used": 2, "reported": 0} == json.loads(rows[-1][1])["records"]


def test_records_not_grouped_by_package_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """P1's R1 after P2's R3: refused with exit status 2, naming the record and the rule."""
    records, batch = files(tmp_path, [RECORDS[2], RECORDS[0]])
    argv = ["invoice-stream", records, "--packages", batch, "--council", "testshire"]
    assert 2 == main(argv)
    err = capsys.readouterr().err
    assert "record 'R1' of package 'P1'" in err
    assert "[grouped-by-package]" in err


def test_records_inside_the_packages_batch_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Records in the --packages batch would be left out of the stream: refused, exit 2."""
    records, _ = files(tmp_path)
    batch = tmp_path / "with-records.json"
    batch.write_text(json.dumps({**PACKAGES, "records": RECORDS[:1]}), encoding="utf-8")
    argv = ["invoice-stream", records, "--packages", str(batch), "--council", "testshire"]
    assert 2 == main(argv)
    assert "[records-in-file]" in capsys.readouterr().err


def test_the_stream_agrees_with_the_batch_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same files through `invoice --format json`: the same invoices, lines citing
    their rules and plugin as there; each JSON line also names its source (the plugin)."""
    records, batch = files(tmp_path)
    assert 1 == main(["invoice-stream", records, "--packages", batch, "--council", "testshire"])
    *streamed, end = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert end["summary"]["complete"]
    argv = ["invoice", records, "--packages", batch, "--council", "testshire"]
    assert 1 == main([*argv, "--format", "json"])
    batch_run = json.loads(capsys.readouterr().out)
    assert ["testshire", "testshire"] == [i.pop("source")["council"] for i in streamed]
    assert batch_run["invoices"] == streamed
